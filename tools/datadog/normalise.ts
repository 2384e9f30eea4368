// Datadog Audit Trail events (data[] of the search/list responses) → AuditEvent.
// Validated at the boundary against the zod schemas below (a hand-written check that agrees with them runs first,
// zod names the problem when it says no); unknown fields are kept (the whole event stays in `raw`).
import { z } from "zod";
import type { AuditEvent, Operation } from "../../domain/events.ts";
import { clean, isObj, isOptObj, isOptStr, newEvent, normaliseRecords, parseTime, zodIssue, type Normalised, type NormaliseOutcome } from "../normalise.ts";
import { redactEvent } from "../../report/redact.ts";

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

type Rec = Record<string, unknown>;

const isOptNum = (v: unknown) => v === undefined || v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));

function isAttributes(a: Rec): boolean {
  if (!isOptStr(a.timestamp) || !isOptStr(a.status) || !isOptStr(a.action) || !isOptStr(a.auth_method)) return false;
  const evt = a.evt;
  if (!isOptObj(evt)) return false;
  if (evt) {
    if (!isOptStr(evt.name) || !isOptObj(evt.actor)) return false;
    if (evt.actor && !isOptStr(evt.actor.type)) return false;
  }
  const u = a.usr;
  if (!isOptObj(u) || (u && (!isOptStr(u.id) || !isOptStr(u.email) || !isOptStr(u.uuid) || !isOptStr(u.name)))) return false;
  const as = a.asset;
  if (!isOptObj(as)) return false;
  if (as && (!isOptStr(as.type) || !isOptStr(as.name) || !isOptNum(as.id))) return false;
  const org = a.org;
  if (!isOptObj(org) || (org && !isOptStr(org.uuid))) return false;
  const h = a.http;
  if (!isOptObj(h)) return false;
  if (h) {
    if (!isOptStr(h.method) || !isOptNum(h.status_code) || !isOptStr(h.useragent) || !isOptObj(h.url_details)) return false;
    if (h.url_details && (!isOptStr(h.url_details.path) || !isOptStr(h.url_details.host))) return false;
  }
  const n = a.network;
  if (!isOptObj(n)) return false;
  const c = n?.client;
  if (!isOptObj(c)) return false;
  if (c) {
    if (!isOptStr(c.ip) || !isOptObj(c.geoip)) return false;
    const g = c.geoip;
    if (g) {
      if (!isOptObj(g.country) || !isOptObj(g.city) || !isOptObj(g.location)) return false;
      if (g.country && (!isOptStr(g.country.iso_code) || !isOptStr(g.country.name))) return false;
      if (g.city && !isOptStr(g.city.name)) return false;
      if (g.location && (!isOptNum(g.location.latitude) || !isOptNum(g.location.longitude))) return false;
    }
  }
  return true;
}

/**
 * Exactly `DatadogEvent.safeParse(r).success`, without building zod's copy of the event: this runs once per event
 * on pages of thousands. The schema stays the contract and names the problem when this says no;
 * test/tools-normalise.test.ts checks the two agree.
 */
export function isDatadogEvent(r: unknown): r is DatadogEvent {
  if (!isObj(r) || typeof r.id !== "string" || r.id === "" || !isOptStr(r.type)) return false;
  const at = r.attributes;
  if (!isObj(at) || !isOptStr(at.message) || !isOptStr(at.service) || !isOptStr(at.timestamp)) return false;
  if (!(at.tags === undefined || at.tags === null || Array.isArray(at.tags))) return false;
  const a = at.attributes;
  return a === undefined || a === null || (isObj(a) && isAttributes(a));
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

function findKey(o: unknown, keys: string[], depth: number, seen: Set<unknown>): string | undefined {
  if (!o || typeof o !== "object" || depth > 4 || seen.has(o)) return undefined;
  seen.add(o);
  for (const [k, v] of Object.entries(o as Rec)) {
    if (keys.includes(k.toLowerCase()) && typeof v === "string") return v;
  }
  for (const v of Object.values(o as Rec)) {
    const r = findKey(v, keys, depth + 1, seen);
    if (r) return r;
  }
  return undefined;
}

/** Location from network.client.geoip, else leniently from a threat_intel object carrying country/city fields. */
function locationOf(a: z.infer<typeof DatadogAttributes>): AuditEvent["location"] {
  const g = a.network?.client?.geoip;
  const loc: NonNullable<AuditEvent["location"]> = {};
  let any = false;
  let v: string | number | undefined;
  if (g) {
    if ((v = clean(g.country?.iso_code, 10) ?? clean(g.country?.name, 100)) !== undefined) (loc.country = v), (any = true);
    if ((v = clean(g.city?.name, 100)) !== undefined) (loc.city = v), (any = true);
    if ((v = toNum(g.location?.latitude)) !== undefined) (loc.lat = v), (any = true);
    if ((v = toNum(g.location?.longitude)) !== undefined) (loc.lon = v), (any = true);
  }
  if (!any && a.threat_intel && typeof a.threat_intel === "object") {
    if ((v = clean(findKey(a.threat_intel, ["country", "country_code", "iso_code"], 0, new Set()), 100)) !== undefined) (loc.country = v), (any = true);
    if ((v = clean(findKey(a.threat_intel, ["city"], 0, new Set()), 100)) !== undefined) (loc.city = v), (any = true);
  }
  return any ? loc : undefined;
}

const NO_ATTRIBUTES: z.infer<typeof DatadogAttributes> = {};

// The event is built field by field, setting only present values, so it matches the AuditEvent schema by
// construction (the property tests validate it); it is not re-parsed here.
export function normaliseDatadogEvent(raw: unknown): Normalised {
  if (!isDatadogEvent(raw)) {
    const p = DatadogEvent.safeParse(raw);
    if (!p.success) return { error: zodIssue(p.error) };
  }
  const r = raw as DatadogEvent;
  const a: z.infer<typeof DatadogAttributes> = r.attributes.attributes ?? NO_ATTRIBUTES;
  const t = parseTime(r.attributes.timestamp) ?? parseTime(a.timestamp);
  if (!t) return { error: "attributes.timestamp: not a timestamp" };
  const evtName = clean(a.evt?.name, 200);
  const assetType = clean(a.asset?.type, 200);
  const action = clean(a.action, 100);
  const http = a.http;
  const httpStatus = toNum(http?.status_code);
  const outcome: AuditEvent["outcome"] =
    httpStatus !== undefined ? (httpStatus < 400 ? "success" : "failure") : a.status === "error" ? "failure" : "unknown";
  let v: string | undefined;
  const actor: AuditEvent["actor"] = {};
  const u = a.usr;
  if (u) {
    if ((v = clean(u.email, 320)) !== undefined) actor.email = v;
    if ((v = clean(u.id, 320)) !== undefined) actor.id = v;
    if ((v = clean(u.uuid, 100)) !== undefined) actor.uuid = v;
  }
  if ((v = clean(a.evt?.actor?.type, 100)) !== undefined) actor.type = v;
  if ((v = clean(a.auth_method, 100)) !== undefined) actor.auth = v;
  const ev = newEvent("datadog", r.id, t, actor, `${evtName ?? ""}/${assetType ?? ""}/${action ?? ""}`, operationFor(action, http?.method), outcome, raw);
  if ((v = clean(a.network?.client?.ip, 100)) !== undefined) ev.ip = v;
  if ((v = clean(http?.useragent, 1000)) !== undefined) ev.user_agent = v;
  const location = locationOf(a);
  if (location) ev.location = location;
  if (evtName !== undefined) ev.category = evtName;
  const asset = a.asset;
  if (assetType !== undefined) ev.resource.type = assetType;
  if (asset) {
    if (asset.id !== undefined && asset.id !== null && (v = clean(String(asset.id), 300)) !== undefined) ev.resource.id = v;
    if ((v = clean(asset.name, 300)) !== undefined) ev.resource.name = v;
  }
  if ((v = clean(http?.url_details?.host, 300)) !== undefined) ev.resource.scope = v;
  if ((v = clean(r.attributes.message)) !== undefined) ev.description = v;
  const prev = asset?.prev_value;
  const next = asset?.new_value;
  if ((prev !== undefined && prev !== null) || (next !== undefined && next !== null)) {
    const change: NonNullable<AuditEvent["change"]> = {};
    if ((v = assetType ?? clean(asset?.name, 300)) !== undefined) change.setting = v;
    if (prev !== undefined && prev !== null) change.old = prev;
    if (next !== undefined && next !== null) change.new = next;
    ev.change = change;
  }
  const metadata: Rec = {};
  let hasMetadata = false;
  if (http && (http.method || http.status_code || http.url_details)) {
    const h: Rec = {};
    if ((v = clean(http.method, 20)) !== undefined) h.method = v;
    if (http.status_code !== undefined && http.status_code !== null) h.status_code = http.status_code;
    if ((v = clean(http.url_details?.path, 1000)) !== undefined) h.path = v;
    metadata.http = h;
    hasMetadata = true;
  }
  if ((v = clean(a.org?.uuid, 100)) !== undefined) (metadata.org_uuid = v), (hasMetadata = true);
  if ((v = clean(r.attributes.service, 200)) !== undefined) (metadata.service = v), (hasMetadata = true);
  if (a.metadata !== undefined && a.metadata !== null) (metadata.metadata = a.metadata), (hasMetadata = true);
  if (a.threat_intel !== undefined && a.threat_intel !== null) (metadata.threat_intel = a.threat_intel), (hasMetadata = true);
  if (hasMetadata) ev.metadata = metadata;
  return { event: redactEvent(ev) };
}

/** Normalises a page of events; invalid ones are skipped and reported, never thrown. */
export function normaliseDatadog(records: unknown[]): NormaliseOutcome<AuditEvent> {
  return normaliseRecords(records, normaliseDatadogEvent, "Datadog event");
}
