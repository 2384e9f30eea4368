// Cloudflare audit log records (v1 /audit_logs and v2 /logs/audit) → AuditEvent.
// Records are validated with zod at the boundary; unknown fields are kept (the whole record stays in `raw`).
import { z } from "zod";
import { AuditEvent } from "../events.ts";
import { clean, operationOf, parseTime, safeText, type NormaliseOutcome } from "../http.ts";

const str = z.string().nullish();
const obj = z.record(z.string(), z.unknown()).nullish();

export const CloudflareV1Record = z.looseObject({
  id: z.string().min(1),
  when: z.string(),
  action: z.looseObject({ type: z.string(), result: z.boolean().nullish(), info: str }),
  actor: z.looseObject({ id: str, email: str, ip: str, type: str }).nullish(),
  interface: str,
  metadata: obj,
  newValue: z.unknown().optional(),
  oldValue: z.unknown().optional(),
  newValueJson: z.unknown().optional(),
  oldValueJson: z.unknown().optional(),
  owner: z.looseObject({ id: str }).nullish(),
  resource: z.looseObject({ id: str, type: str }).nullish(),
});
export type CloudflareV1Record = z.infer<typeof CloudflareV1Record>;

export const CloudflareV2Record = z.looseObject({
  id: z.string().min(1),
  account: z.looseObject({ id: str, name: str }).nullish(),
  action: z.looseObject({ description: str, result: str, time: z.string(), type: str }),
  actor: z
    .looseObject({ id: str, context: str, email: str, ip_address: str, token_id: str, token_name: str, type: str })
    .nullish(),
  raw: z
    .looseObject({ cf_ray_id: str, method: str, status_code: z.union([z.number(), z.string()]).nullish(), uri: str, user_agent: str })
    .nullish(),
  resource: z.looseObject({ id: str, product: str, type: str, request: z.unknown().optional(), response: z.unknown().optional(), scope: z.unknown().optional() }).nullish(),
  zone: z.looseObject({ id: str, name: str }).nullish(),
});
export type CloudflareV2Record = z.infer<typeof CloudflareV2Record>;

function opt<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** v1 newValue/oldValue: "" and the literal "null" mean "no value". */
function v1Value(json: unknown, plain: unknown): unknown {
  if (json !== undefined && json !== null) return json;
  if (typeof plain === "string") return plain === "" || plain === "null" ? undefined : plain;
  return plain ?? undefined;
}

function issue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join(".") || "(record)"}: ${i.message}` : "invalid record";
}

export function normaliseCloudflareV1(raw: unknown): { event: AuditEvent } | { error: string } {
  const p = CloudflareV1Record.safeParse(raw);
  if (!p.success) return { error: issue(p.error) };
  const r = p.data;
  const t = parseTime(r.when);
  if (!t) return { error: "when: not a timestamp" };
  const md = (r.metadata ?? undefined) as Record<string, unknown> | undefined;
  const newV = v1Value(r.newValueJson, r.newValue);
  const oldV = v1Value(r.oldValueJson, r.oldValue);
  const setting = clean(md?.name, 200);
  const change = newV !== undefined || oldV !== undefined ? opt({ setting, old: oldV, new: newV }) : undefined;
  const nameFromJson = (v: unknown) => (v && typeof v === "object" ? clean((v as Record<string, unknown>).name, 300) : undefined);
  const metadata: Record<string, unknown> = { ...(md ?? {}) };
  if (r.interface) metadata.interface = r.interface;
  if (r.action.info) metadata.info = r.action.info;
  if (r.owner?.id) metadata.owner_id = r.owner.id;
  const result = r.action.result;
  const ev = {
    source: "cloudflare" as const,
    id: r.id,
    time: t.time,
    ts: t.ts,
    actor: opt({
      email: clean(r.actor?.email, 320),
      id: clean(r.actor?.id, 200),
      type: clean(r.actor?.type, 100),
      auth: clean(r.interface, 100),
      token_name: clean(md?.token_name, 300),
    }),
    ip: clean(r.actor?.ip, 100),
    action: clean(r.action.type, 200) ?? "unknown",
    operation: operationOf(r.action.type),
    resource: opt({
      type: clean(r.resource?.type, 200),
      id: clean(r.resource?.id, 300),
      name: clean(md?.token_name, 300) ?? nameFromJson(r.newValueJson) ?? nameFromJson(r.oldValueJson) ?? clean(md?.name, 300),
      scope: clean(md?.zone_name, 300),
    }),
    outcome: result === true ? ("success" as const) : result === false ? ("failure" as const) : ("unknown" as const),
    description: clean(r.action.info),
    change,
    metadata: Object.keys(metadata).length ? metadata : undefined,
    raw,
  };
  const checked = AuditEvent.safeParse(opt(ev));
  return checked.success ? { event: checked.data } : { error: issue(checked.error) };
}

export function normaliseCloudflareV2(raw: unknown): { event: AuditEvent } | { error: string } {
  const p = CloudflareV2Record.safeParse(raw);
  if (!p.success) return { error: issue(p.error) };
  const r = p.data;
  const t = parseTime(r.action.time);
  if (!t) return { error: "action.time: not a timestamp" };
  const product = clean(r.resource?.product, 100);
  const type = clean(r.action.type, 100);
  const result = r.action.result?.toLowerCase();
  const metadata = opt({
    account_name: clean(r.account?.name, 300),
    method: clean(r.raw?.method, 20),
    uri: clean(r.raw?.uri, 1000),
    status_code: r.raw?.status_code ?? undefined,
    cf_ray_id: clean(r.raw?.cf_ray_id, 100),
    token_id: clean(r.actor?.token_id, 200),
  });
  const request = r.resource?.request;
  const hasRequest = request !== undefined && request !== null && !(typeof request === "object" && Object.keys(request).length === 0);
  const ev = {
    source: "cloudflare" as const,
    id: r.id,
    time: t.time,
    ts: t.ts,
    actor: opt({
      email: clean(r.actor?.email, 320),
      id: clean(r.actor?.id, 200),
      type: clean(r.actor?.type, 100),
      auth: clean(r.actor?.context, 100),
      token_name: clean(r.actor?.token_name, 300),
    }),
    ip: clean(r.actor?.ip_address, 100),
    user_agent: clean(r.raw?.user_agent, 1000),
    action: product && type ? `${product}.${type}` : (type ?? product ?? "unknown"),
    operation: operationOf(type),
    category: product,
    resource: opt({
      type: clean(r.resource?.type, 200),
      id: clean(r.resource?.id, 300),
      scope: clean(r.zone?.name, 300),
    }),
    outcome: result === "success" ? ("success" as const) : result === "failure" ? ("failure" as const) : ("unknown" as const),
    description: clean(r.action.description),
    change: hasRequest ? { new: request } : undefined,
    metadata: Object.keys(metadata).length ? metadata : undefined,
    raw,
  };
  const checked = AuditEvent.safeParse(opt(ev));
  return checked.success ? { event: checked.data } : { error: issue(checked.error) };
}

/** Normalises a page of records; invalid ones are skipped and reported, never thrown. */
export function normaliseCloudflare(records: unknown[], version: "v1" | "v2"): NormaliseOutcome<AuditEvent> {
  const out: NormaliseOutcome<AuditEvent> = { events: [], rejected: 0, warnings: [] };
  const fn = version === "v1" ? normaliseCloudflareV1 : normaliseCloudflareV2;
  records.forEach((rec, i) => {
    const r = fn(rec);
    if ("event" in r) out.events.push(r.event);
    else {
      out.rejected++;
      if (out.warnings.length < 20) {
        const id = rec && typeof rec === "object" ? (rec as Record<string, unknown>).id : undefined;
        out.warnings.push(`Cloudflare ${version} record ${typeof id === "string" ? safeText(id, 80) : `#${i}`} skipped: ${safeText(r.error, 200)}`);
      }
    }
  });
  return out;
}
