// Datadog Audit Trail events (data[] of the search/list responses) → AuditEvent.
// Validated with zod at the boundary; unknown fields are kept (the whole event stays in `raw`).
import { z } from "zod";
import { AuditEvent, type Operation } from "../events.ts";
import { clean, parseTime, safeText, type NormaliseOutcome } from "../http.ts";

const str = z.string().nullish();
const num = z.union([z.number(), z.string()]).nullish();

export const DatadogAttributes = z.looseObject({
  timestamp: str,
  status: str,
  evt: z.looseObject({ name: str, actor: z.looseObject({ type: str }).nullish() }).nullish(),
  usr: z.looseObject({ id: str, email: str, uuid: str, name: str }).nullish(),
  action: str,
  asset: z.looseObject({ type: str, id: z.union([z.string(), z.number()]).nullish(), name: str, prev_value: z.unknown().optional(), new_value: z.unknown().optional() }).nullish(),
  auth_method: str,
  org: z.looseObject({ uuid: str }).nullish(),
  http: z
    .looseObject({
      method: str,
      status_code: num,
      useragent: str,
      url_details: z.looseObject({ path: str, host: str }).nullish(),
    })
    .nullish(),
  network: z
    .looseObject({
      client: z
        .looseObject({
          ip: str,
          geoip: z
            .looseObject({
              country: z.looseObject({ iso_code: str, name: str }).nullish(),
              city: z.looseObject({ name: str }).nullish(),
              location: z.looseObject({ latitude: num, longitude: num }).nullish(),
            })
            .nullish(),
        })
        .nullish(),
    })
    .nullish(),
  metadata: z.unknown().optional(),
  threat_intel: z.unknown().optional(),
});

export const DatadogEvent = z.looseObject({
  id: z.string().min(1),
  type: str,
  attributes: z.looseObject({
    attributes: DatadogAttributes.nullish(),
    message: str,
    service: str,
    tags: z.array(z.unknown()).nullish(),
    timestamp: str,
  }),
});
export type DatadogEvent = z.infer<typeof DatadogEvent>;

function opt<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

const OPS: Record<string, Operation> = {
  created: "create",
  create: "create",
  uploaded: "create",
  imported: "create",
  modified: "update",
  updated: "update",
  update_config: "update",
  deleted: "delete",
  accessed: "view",
  login: "login",
  logout: "logout",
  executed: "execute",
  resolved: "execute",
  responded: "execute",
};

const METHOD_OPS: Record<string, Operation> = { GET: "view", HEAD: "view", POST: "create", PUT: "update", PATCH: "update", DELETE: "delete" };

/** Request events are all "accessed"; their HTTP method says more. */
function operationFor(action: string | undefined, method: string | null | undefined): Operation {
  if (action === "accessed" && method) return METHOD_OPS[method.toUpperCase()] ?? "view";
  return (action && OPS[action.toLowerCase()]) || "other";
}

function toNum(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Location from network.client.geoip, else leniently from a threat_intel object carrying country/city fields. */
function locationOf(a: z.infer<typeof DatadogAttributes>): AuditEvent["location"] {
  const g = a.network?.client?.geoip;
  let loc: NonNullable<AuditEvent["location"]> = opt({
    country: clean(g?.country?.iso_code, 10) ?? clean(g?.country?.name, 100),
    city: clean(g?.city?.name, 100),
    lat: toNum(g?.location?.latitude),
    lon: toNum(g?.location?.longitude),
  });
  if (Object.keys(loc).length === 0 && a.threat_intel && typeof a.threat_intel === "object") {
    const seen = new Set<unknown>();
    const find = (o: unknown, keys: string[], depth: number): string | undefined => {
      if (!o || typeof o !== "object" || depth > 4 || seen.has(o)) return undefined;
      seen.add(o);
      for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
        if (keys.includes(k.toLowerCase()) && typeof v === "string") return v;
      }
      for (const v of Object.values(o as Record<string, unknown>)) {
        const r = find(v, keys, depth + 1);
        if (r) return r;
      }
      return undefined;
    };
    loc = opt({ country: clean(find(a.threat_intel, ["country", "country_code", "iso_code"], 0), 100) });
    seen.clear();
    const city = clean(find(a.threat_intel, ["city"], 0), 100);
    if (city) loc.city = city;
  }
  return Object.keys(loc).length ? loc : undefined;
}

function issue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join(".") || "(record)"}: ${i.message}` : "invalid record";
}

export function normaliseDatadogEvent(raw: unknown): { event: AuditEvent } | { error: string } {
  const p = DatadogEvent.safeParse(raw);
  if (!p.success) return { error: issue(p.error) };
  const r = p.data;
  const a: z.infer<typeof DatadogAttributes> = r.attributes.attributes ?? {};
  const t = parseTime(r.attributes.timestamp) ?? parseTime(a.timestamp);
  if (!t) return { error: "attributes.timestamp: not a timestamp" };
  const evtName = clean(a.evt?.name, 200);
  const assetType = clean(a.asset?.type, 200);
  const action = clean(a.action, 100);
  const httpStatus = toNum(a.http?.status_code);
  const outcome =
    httpStatus !== undefined ? (httpStatus < 400 ? "success" : "failure") : a.status === "error" ? "failure" : "unknown";
  const prev = a.asset?.prev_value;
  const next = a.asset?.new_value;
  const change =
    (prev !== undefined && prev !== null) || (next !== undefined && next !== null)
      ? opt({ setting: assetType ?? clean(a.asset?.name, 300), old: prev ?? undefined, new: next ?? undefined })
      : undefined;
  const metadata = opt({
    http:
      a.http && (a.http.method || a.http.status_code || a.http.url_details)
        ? opt({ method: clean(a.http.method, 20), status_code: a.http.status_code ?? undefined, path: clean(a.http.url_details?.path, 1000) })
        : undefined,
    org_uuid: clean(a.org?.uuid, 100),
    service: clean(r.attributes.service, 200),
    metadata: a.metadata ?? undefined,
    threat_intel: a.threat_intel ?? undefined,
  });
  const ev = {
    source: "datadog" as const,
    id: r.id,
    time: t.time,
    ts: t.ts,
    actor: opt({
      email: clean(a.usr?.email, 320),
      id: clean(a.usr?.id, 320),
      uuid: clean(a.usr?.uuid, 100),
      type: clean(a.evt?.actor?.type, 100),
      auth: clean(a.auth_method, 100),
    }),
    ip: clean(a.network?.client?.ip, 100),
    user_agent: clean(a.http?.useragent, 1000),
    location: locationOf(a),
    action: `${evtName ?? ""}/${assetType ?? ""}/${action ?? ""}`,
    operation: operationFor(action, a.http?.method),
    category: evtName,
    resource: opt({
      type: assetType,
      id: a.asset?.id !== undefined && a.asset?.id !== null ? clean(String(a.asset.id), 300) : undefined,
      name: clean(a.asset?.name, 300),
      scope: clean(a.http?.url_details?.host, 300),
    }),
    outcome: outcome as AuditEvent["outcome"],
    description: clean(r.attributes.message),
    change,
    metadata: Object.keys(metadata).length ? metadata : undefined,
    raw,
  };
  const checked = AuditEvent.safeParse(opt(ev));
  return checked.success ? { event: checked.data } : { error: issue(checked.error) };
}

/** Normalises a page of events; invalid ones are skipped and reported, never thrown. */
export function normaliseDatadog(records: unknown[]): NormaliseOutcome<AuditEvent> {
  const out: NormaliseOutcome<AuditEvent> = { events: [], rejected: 0, warnings: [] };
  records.forEach((rec, i) => {
    const r = normaliseDatadogEvent(rec);
    if ("event" in r) out.events.push(r.event);
    else {
      out.rejected++;
      if (out.warnings.length < 20) {
        const id = rec && typeof rec === "object" ? (rec as Record<string, unknown>).id : undefined;
        out.warnings.push(`Datadog event ${typeof id === "string" ? safeText(id, 80) : `#${i}`} skipped: ${safeText(r.error, 200)}`);
      }
    }
  });
  return out;
}

