// Cloudflare audit log records (v1 /audit_logs and v2 /logs/audit) → AuditEvent.
// Records are validated at the boundary against the zod schemas below (a hand-written check that agrees with them
// runs first, zod names the problem when it says no); unknown fields are kept (the whole record stays in `raw`).
import { z } from "zod";
import type { AuditEvent } from "../../domain/events.ts";
import { clean, isObj, isOptObj, isOptStr, isPlainObj, newEvent, normaliseRecords, operationOf, parseTime, zodIssue, type Normalised, type NormaliseOutcome } from "../normalise.ts";
import { redactEvent } from "../../report/redact.ts";

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

type Rec = Record<string, unknown>;

/**
 * Exactly `CloudflareV1Record.safeParse(r).success`, without building zod's copy of the record: this runs once
 * per record on pages of thousands. The schema stays the contract and names the problem when this says no;
 * test/tools-normalise.test.ts checks the two agree.
 */
export function isCloudflareV1Record(r: unknown): r is CloudflareV1Record {
  if (!isObj(r)) return false;
  if (typeof r.id !== "string" || r.id === "" || typeof r.when !== "string" || !isOptStr(r.interface)) return false;
  const a = r.action;
  if (!isObj(a) || typeof a.type !== "string" || !(a.result === undefined || a.result === null || typeof a.result === "boolean") || !isOptStr(a.info)) return false;
  const ac = r.actor;
  if (!isOptObj(ac) || (ac && (!isOptStr(ac.id) || !isOptStr(ac.email) || !isOptStr(ac.ip) || !isOptStr(ac.type)))) return false;
  if (!(r.metadata === undefined || r.metadata === null || isPlainObj(r.metadata))) return false;
  const o = r.owner;
  if (!isOptObj(o) || (o && !isOptStr(o.id))) return false;
  const re = r.resource;
  return isOptObj(re) && (!re || (isOptStr(re.id) && isOptStr(re.type)));
}

/** Exactly `CloudflareV2Record.safeParse(r).success` (see isCloudflareV1Record). */
export function isCloudflareV2Record(r: unknown): r is CloudflareV2Record {
  if (!isObj(r)) return false;
  if (typeof r.id !== "string" || r.id === "") return false;
  const a = r.action;
  if (!isObj(a) || typeof a.time !== "string" || !isOptStr(a.description) || !isOptStr(a.result) || !isOptStr(a.type)) return false;
  const acc = r.account;
  if (!isOptObj(acc) || (acc && (!isOptStr(acc.id) || !isOptStr(acc.name)))) return false;
  const ac = r.actor;
  if (
    !isOptObj(ac) ||
    (ac &&
      (!isOptStr(ac.id) || !isOptStr(ac.context) || !isOptStr(ac.email) || !isOptStr(ac.ip_address) || !isOptStr(ac.token_id) || !isOptStr(ac.token_name) || !isOptStr(ac.type)))
  )
    return false;
  const raw = r.raw;
  if (!isOptObj(raw)) return false;
  if (raw) {
    const sc = raw.status_code;
    if (!isOptStr(raw.cf_ray_id) || !isOptStr(raw.method) || !isOptStr(raw.uri) || !isOptStr(raw.user_agent)) return false;
    if (!(sc === undefined || sc === null || typeof sc === "string" || (typeof sc === "number" && Number.isFinite(sc)))) return false;
  }
  const re = r.resource;
  if (!isOptObj(re) || (re && (!isOptStr(re.id) || !isOptStr(re.product) || !isOptStr(re.type)))) return false;
  const z2 = r.zone;
  return isOptObj(z2) && (!z2 || (isOptStr(z2.id) && isOptStr(z2.name)));
}

/** v1 newValue/oldValue: "" and the literal "null" mean "no value". */
function v1Value(json: unknown, plain: unknown): unknown {
  if (json !== undefined && json !== null) return json;
  if (typeof plain === "string") return plain === "" || plain === "null" ? undefined : plain;
  return plain ?? undefined;
}

function nameFromJson(v: unknown): string | undefined {
  return isObj(v) ? clean(v.name, 300) : undefined;
}

// The normalisers build each AuditEvent field by field, setting only present values, so the output matches the
// AuditEvent schema by construction (the property tests validate it); it is not re-parsed here.

export function normaliseCloudflareV1(raw: unknown): Normalised {
  if (!isCloudflareV1Record(raw)) {
    const p = CloudflareV1Record.safeParse(raw);
    if (!p.success) return { error: zodIssue(p.error) };
  }
  const r = raw as CloudflareV1Record;
  const t = parseTime(r.when);
  if (!t) return { error: "when: not a timestamp" };
  const md = (r.metadata ?? undefined) as Rec | undefined;
  const act = r.actor;
  const actor: AuditEvent["actor"] = {};
  let v: string | undefined;
  if (act) {
    if ((v = clean(act.email, 320)) !== undefined) actor.email = v;
    if ((v = clean(act.id, 200)) !== undefined) actor.id = v;
    if ((v = clean(act.type, 100)) !== undefined) actor.type = v;
  }
  if ((v = clean(r.interface, 100)) !== undefined) actor.auth = v;
  const tokenName = md ? clean(md.token_name, 300) : undefined;
  if (tokenName !== undefined) actor.token_name = tokenName;
  const result = r.action.result;
  const outcome = result === true ? "success" : result === false ? "failure" : "unknown";
  const ev = newEvent("cloudflare", r.id, t, actor, clean(r.action.type, 200) ?? "unknown", operationOf(r.action.type), outcome, raw);
  if (act && (v = clean(act.ip, 100)) !== undefined) ev.ip = v;
  const res = ev.resource;
  if (r.resource) {
    if ((v = clean(r.resource.type, 200)) !== undefined) res.type = v;
    if ((v = clean(r.resource.id, 300)) !== undefined) res.id = v;
  }
  const name = tokenName ?? nameFromJson(r.newValueJson) ?? nameFromJson(r.oldValueJson) ?? (md ? clean(md.name, 300) : undefined);
  if (name !== undefined) res.name = name;
  if (md && (v = clean(md.zone_name, 300)) !== undefined) res.scope = v;
  if ((v = clean(r.action.info)) !== undefined) ev.description = v;
  const newV = v1Value(r.newValueJson, r.newValue);
  const oldV = v1Value(r.oldValueJson, r.oldValue);
  if (newV !== undefined || oldV !== undefined) {
    const change: NonNullable<AuditEvent["change"]> = {};
    if (md && (v = clean(md.name, 200)) !== undefined) change.setting = v;
    if (oldV !== undefined) change.old = oldV;
    if (newV !== undefined) change.new = newV;
    ev.change = change;
  }
  // metadata is a new object (the raw record is never changed); its values are shared with the raw record.
  const metadata: Rec = md ? { ...md } : {};
  if (r.interface) metadata.interface = r.interface;
  if (r.action.info) metadata.info = r.action.info;
  if (r.owner?.id) metadata.owner_id = r.owner.id;
  for (const _ in metadata) {
    ev.metadata = metadata;
    break;
  }
  return { event: redactEvent(ev) };
}

export function normaliseCloudflareV2(raw: unknown): Normalised {
  if (!isCloudflareV2Record(raw)) {
    const p = CloudflareV2Record.safeParse(raw);
    if (!p.success) return { error: zodIssue(p.error) };
  }
  const r = raw as CloudflareV2Record;
  const t = parseTime(r.action.time);
  if (!t) return { error: "action.time: not a timestamp" };
  const product = clean(r.resource?.product, 100);
  const type = clean(r.action.type, 100);
  const result = r.action.result?.toLowerCase();
  let v: string | undefined;
  const metadata: Rec = {};
  if ((v = clean(r.account?.name, 300)) !== undefined) metadata.account_name = v;
  if (r.raw) {
    if ((v = clean(r.raw.method, 20)) !== undefined) metadata.method = v;
    if ((v = clean(r.raw.uri, 1000)) !== undefined) metadata.uri = v;
    if (r.raw.status_code !== undefined && r.raw.status_code !== null) metadata.status_code = r.raw.status_code;
    if ((v = clean(r.raw.cf_ray_id, 100)) !== undefined) metadata.cf_ray_id = v;
  }
  if ((v = clean(r.actor?.token_id, 200)) !== undefined) metadata.token_id = v;
  const actor: AuditEvent["actor"] = {};
  const act = r.actor;
  if (act) {
    if ((v = clean(act.email, 320)) !== undefined) actor.email = v;
    if ((v = clean(act.id, 200)) !== undefined) actor.id = v;
    if ((v = clean(act.type, 100)) !== undefined) actor.type = v;
    if ((v = clean(act.context, 100)) !== undefined) actor.auth = v;
    if ((v = clean(act.token_name, 300)) !== undefined) actor.token_name = v;
  }
  const action = product && type ? `${product}.${type}` : (type ?? product ?? "unknown");
  const outcome = result === "success" ? "success" : result === "failure" ? "failure" : "unknown";
  const ev = newEvent("cloudflare", r.id, t, actor, action, operationOf(type), outcome, raw);
  if (act && (v = clean(act.ip_address, 100)) !== undefined) ev.ip = v;
  if ((v = clean(r.raw?.user_agent, 1000)) !== undefined) ev.user_agent = v;
  if (product !== undefined) ev.category = product;
  if (r.resource) {
    if ((v = clean(r.resource.type, 200)) !== undefined) ev.resource.type = v;
    if ((v = clean(r.resource.id, 300)) !== undefined) ev.resource.id = v;
  }
  if ((v = clean(r.zone?.name, 300)) !== undefined) ev.resource.scope = v;
  if ((v = clean(r.action.description)) !== undefined) ev.description = v;
  const request = r.resource?.request;
  if (request !== undefined && request !== null && !(typeof request === "object" && Object.keys(request).length === 0)) ev.change = { new: request };
  for (const _ in metadata) {
    ev.metadata = metadata;
    break;
  }
  return { event: redactEvent(ev) };
}

/** Normalises a page of records; invalid ones are skipped and reported, never thrown. */
export function normaliseCloudflare(records: unknown[], version: "v1" | "v2"): NormaliseOutcome<AuditEvent> {
  return normaliseRecords(records, version === "v1" ? normaliseCloudflareV1 : normaliseCloudflareV2, `Cloudflare ${version} record`);
}
