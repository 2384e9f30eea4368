// Shared vocabulary of the lookalike-edge scenarios: the scenario shape, the detector's anomaly, and builders for
// the Cloudflare resources several triples touch (API tokens, Access policies, Workers, R2, Logpush, ...).
import { hashSeed, isoSec, makeRng, MIN } from "./builders.ts";
import { background } from "./routine.ts";
import type { Ctx, OrgKey, Person, Token, Via, Zone } from "./world.ts";

export type Verdict = "likely_malicious" | "misconfiguration" | "benign";

export interface Built {
  now: number;
  anomaly: Record<string, unknown>;
  keys: string[];
  rationale: string;
}

export interface Scenario {
  n: number;
  slug: string;
  org: OrgKey;
  triple: string; // the flagged action every member of the triple shares
  verdict: Verdict;
  title: string;
  techniques?: string[];
  faults?: Record<string, string>;
  hard: string; // what makes it hard (README)
  deciding: string; // where the deciding context lives (README)
  grounding: string; // the real-world incident, doc or operator mistake it follows (README)
  build(c: Ctx): Built;
}

export function anomaly(c: Ctx, actor: string, action: string, t: number, severity: string, details: Record<string, unknown>, detector = "cf-audit-anomaly", source = "cloudflare"): Record<string, unknown> {
  return { id: `det-${c.r.hex(6)}`, actor, action, timestamp: isoSec(t), source, severity, detector, details };
}

/** The org's background over the six and a half days before the anomaly up to `now`. */
export function noise(c: Ctx, A: number, now: number, n: number, exclude: string[]): void {
  background(c, A - 6.5 * 24 * 60 * MIN, now, n, exclude);
}

export const acct = (c: Ctx): string => `/accounts/${c.org.account.id}`;

// ---- API tokens ---------------------------------------------------------------------------------------------

export interface PermSpec {
  perms: string[];
  resources: Record<string, string>;
  condition?: unknown;
  expires?: string | null;
}

/** token_create as both logs record it: v1 entry (returned first) and the v2 twin (second). */
export function tokenCreate(c: Ctx, v: Via, t: number, tk: Token, spec: PermSpec, withV2 = true): [string, string | undefined] {
  const tag = c.r.hex(32);
  const v1 = c.cf1(v, t, { type: "token_create", metadata: { token_name: tk.name, token_tag: tag }, resource: { id: v.p.cfId, type: "account" }, owner: v.p.cfId, wholeSeconds: true });
  if (!withV2) return [v1, undefined];
  const policies = [{ effect: "allow", resources: spec.resources, permission_groups: spec.perms.map((name) => ({ id: c.r.hex(32), name })) }];
  const req: Record<string, unknown> = { name: tk.name, policies };
  if (spec.condition) req["condition"] = spec.condition;
  if (spec.expires !== undefined) req["expires_on"] = spec.expires;
  const v2 = c.cf2(v, t + 1000, { type: "create", desc: "Create API token", method: "POST", uri: "/user/tokens", product: "api_tokens", rtype: "api_tokens.token", rid: tk.id, req, res: { id: tk.id, name: tk.name, status: "active", policies, issued_on: isoSec(t), expires_on: spec.expires ?? null }, scope: "user" });
  return [v1, v2];
}

export function tokenRevoke(c: Ctx, v: Via, t: number, tk: Token): [string, string] {
  const v1 = c.cf1(v, t, { type: "token_revoke", metadata: { token_name: tk.name, token_tag: c.r.hex(32), old_token_status: "active", new_token_status: "revoked" }, resource: { id: tk.owner.cfId, type: "account" }, owner: tk.owner.cfId, wholeSeconds: true });
  const v2 = c.cf2(v, t + 1000, { type: "delete", desc: "Delete API token", method: "DELETE", uri: `/user/tokens/${tk.id}`, product: "api_tokens", rtype: "api_tokens.token", rid: tk.id, res: { id: tk.id }, scope: "user" });
  return [v1, v2];
}

export function mkToken(c: Ctx, name: string, owner: Person, ip: string, ua: string): Token {
  return { id: c.r.hex(32), name, owner, ip, ua };
}

// ---- DNS ----------------------------------------------------------------------------------------------------

/** A DNS record created through the API: v2 entry and (when `v1`) its v1 rec_add twin. Returns [v2, v1?]. */
export function dnsCreate(c: Ctx, v: Via, t: number, z: Zone, rec: { type: string; name: string; content: string; proxied: boolean; comment?: string }, v1 = true): [string, string | undefined] {
  const rid = c.r.hex(32);
  const body = { ...rec, ttl: 1 };
  const id2 = c.cf2(v, t, { type: "create", desc: "Create DNS record", method: "POST", uri: `/zones/${z.id}/dns_records`, product: "dns_records", rtype: "dns.record", rid, req: body, res: { ...body, id: rid, zone_id: z.id, zone_name: z.name }, zone: z });
  const id1 = v1 ? c.cf1(v, t + 400, { type: "rec_add", metadata: { zone_name: z.name }, resource: { id: String(c.r.int(1e10, 4e10)), type: "DNS_record" }, newJson: { ...body, id: rid, zone_id: z.id, zone_name: z.name } }) : undefined;
  return [id2, id1];
}

export function dnsDelete(c: Ctx, v: Via, t: number, z: Zone, rec: { type: string; name: string; content: string; proxied: boolean; priority?: number }, v1 = true): [string, string | undefined] {
  const rid = c.r.hex(32);
  const id2 = c.cf2(v, t, { type: "delete", desc: "Delete DNS record", method: "DELETE", uri: `/zones/${z.id}/dns_records/${rid}`, product: "dns_records", rtype: "dns.record", rid, res: { id: rid }, zone: z });
  const id1 = v1 ? c.cf1(v, t + 400, { type: "rec_del", metadata: { zone_name: z.name }, resource: { id: String(c.r.int(1e10, 4e10)), type: "DNS_record" }, oldJson: { ...rec, ttl: 1, id: rid, zone_id: z.id, zone_name: z.name } }) : undefined;
  return [id2, id1];
}

// ---- Access -------------------------------------------------------------------------------------------------

export interface AccessPolicy {
  id: string;
  name: string;
  decision: "allow" | "non_identity" | "bypass" | "deny";
  include: unknown[];
  exclude?: unknown[];
  require?: unknown[];
  reusable?: boolean;
  purpose_justification_required?: boolean;
}

export const grp = (id: string) => ({ group: { id } });
export const mfa = { auth_method: { auth_method: "mfa" } };

/** Update of an Access policy: application-scoped when `appId` is given, otherwise the reusable account policy. */
export function accessPolicyUpdate(c: Ctx, v: Via, t: number, appId: string | undefined, before: AccessPolicy, after: AccessPolicy, extra: Record<string, unknown> = {}): string {
  const uri = appId ? `${acct(c)}/access/apps/${appId}/policies/${after.id}` : `${acct(c)}/access/policies/${after.id}`;
  const { id: _id, ...body } = after;
  return c.cf2(v, t, { type: "update", desc: "Update Access policy", method: "PUT", uri, product: "access", rtype: "access.policy", rid: after.id, req: body, res: { ...after, ...extra, previous: { include: before.include, require: before.require ?? [], exclude: before.exclude ?? [] }, updated_at: isoSec(t) } });
}

export function accessPolicyCreate(c: Ctx, v: Via, t: number, appId: string, pol: AccessPolicy): string {
  const { id: _id, ...body } = pol;
  return c.cf2(v, t, { type: "create", desc: "Create Access policy", method: "POST", uri: `${acct(c)}/access/apps/${appId}/policies`, product: "access", rtype: "access.policy", rid: pol.id, req: body, res: { ...pol, created_at: isoSec(t) } });
}

export function accessGroupCreate(c: Ctx, v: Via, t: number, id: string, name: string, include: unknown[]): string {
  return c.cf2(v, t, { type: "create", desc: "Create Access group", method: "POST", uri: `${acct(c)}/access/groups`, product: "access", rtype: "access.group", rid: id, req: { name, include }, res: { id, name, include, created_at: isoSec(t) } });
}

export function accessAppCreate(c: Ctx, v: Via, t: number, id: string, name: string, domain: string, policies: unknown[]): string {
  return c.cf2(v, t, { type: "create", desc: "Create Access application", method: "POST", uri: `${acct(c)}/access/apps`, product: "access", rtype: "access.application", rid: id, req: { name, domain, type: "self_hosted", session_duration: "8h", policies }, res: { id, aud: c.r.hex(64), name, domain, type: "self_hosted", created_at: isoSec(t) } });
}

// ---- Workers ------------------------------------------------------------------------------------------------

export function workerUpload(c: Ctx, v: Via, t: number, name: string, metadata: Record<string, unknown>): string {
  return c.cf2(v, t, { type: "update", desc: "Upload Worker script", method: "PUT", uri: `${acct(c)}/workers/scripts/${name}`, product: "workers", rtype: "workers.script", rid: name, req: { metadata }, res: { id: name, etag: c.r.hex(64), modified_on: new Date(t).toISOString(), usage_model: "standard", handlers: ["fetch"] } });
}

// ---- R2 -----------------------------------------------------------------------------------------------------

export const r2Domain = (bucket: string): string => `pub-${makeRng(hashSeed(`r2/${bucket}`)).hex(32)}.r2.dev`;

export function r2Public(c: Ctx, v: Via, t: number, bucket: string, enabled: boolean): string {
  return c.cf2(v, t, { type: "update", desc: "Update R2 bucket public access (r2.dev)", method: "PUT", uri: `${acct(c)}/r2/buckets/${bucket}/domains/managed`, product: "r2", rtype: "r2.bucket", rid: bucket, req: { enabled }, res: { bucketId: makeRng(hashSeed(`r2id/${bucket}`)).hex(32), domain: r2Domain(bucket), enabled } });
}

export function r2Cors(c: Ctx, v: Via, t: number, bucket: string, origins: string[]): string {
  return c.cf2(v, t, { type: "update", desc: "Update R2 bucket CORS policy", method: "PUT", uri: `${acct(c)}/r2/buckets/${bucket}/cors`, product: "r2", rtype: "r2.bucket", rid: bucket, req: { rules: [{ allowed: { origins, methods: ["GET", "HEAD"], headers: ["*"] }, maxAgeSeconds: 3600 }] } });
}

export function r2Create(c: Ctx, v: Via, t: number, bucket: string): string {
  return c.cf2(v, t, { type: "create", desc: "Create R2 bucket", method: "POST", uri: `${acct(c)}/r2/buckets`, product: "r2", rtype: "r2.bucket", rid: bucket, req: { name: bucket, locationHint: "weur", storageClass: "Standard" }, res: { name: bucket, creation_date: new Date(t).toISOString(), location: "WEUR" } });
}

// ---- WAF custom rules ---------------------------------------------------------------------------------------

export interface WafRule {
  id: string;
  description: string;
  action: string;
  expression: string;
  action_parameters?: unknown;
  enabled?: boolean;
}

export function wafRuleUpdate(c: Ctx, v: Via, t: number, z: Zone, rulesetId: string, before: WafRule | undefined, after: WafRule): string {
  const { id, ...body } = after;
  return c.cf2(v, t, { type: before ? "update" : "create", desc: before ? "Update ruleset rule" : "Create ruleset rule", method: before ? "PATCH" : "POST", uri: before ? `/zones/${z.id}/rulesets/${rulesetId}/rules/${id}` : `/zones/${z.id}/rulesets/${rulesetId}/rules`, product: "rulesets", rtype: "rulesets.rule", rid: id, req: { ...body, enabled: after.enabled ?? true }, res: { id: rulesetId, phase: "http_request_firewall_custom", kind: "zone", version: String(c.r.int(20, 90)), rule: { ...after, enabled: after.enabled ?? true, version: String(c.r.int(2, 9)), last_updated: isoSec(t) }, previous: before ?? null }, zone: z });
}

// ---- Logpush ------------------------------------------------------------------------------------------------

export interface LogpushJob {
  id: number;
  name: string;
  dataset: string;
  destination_conf: string;
  enabled: boolean;
  zone?: Zone;
}

export function logpushUri(c: Ctx, j: LogpushJob): string {
  return j.zone ? `/zones/${j.zone.id}/logpush/jobs` : `${acct(c)}/logpush/jobs`;
}

export function logpushDelete(c: Ctx, v: Via, t: number, j: LogpushJob): string {
  return c.cf2(v, t, { type: "delete", desc: "Delete Logpush job", method: "DELETE", uri: `${logpushUri(c, j)}/${j.id}`, product: "logpush", rtype: "logpush.job", rid: String(j.id), res: { id: j.id, name: j.name, dataset: j.dataset, destination_conf: redactDest(j.destination_conf), enabled: j.enabled }, zone: j.zone });
}

export function logpushCreate(c: Ctx, v: Via, t: number, j: LogpushJob): string {
  const body = { name: j.name, dataset: j.dataset, destination_conf: redactDest(j.destination_conf), enabled: j.enabled, output_options: { output_type: "ndjson", timestamp_format: "rfc3339" } };
  return c.cf2(v, t, { type: "create", desc: "Create Logpush job", method: "POST", uri: logpushUri(c, j), product: "logpush", rtype: "logpush.job", rid: String(j.id), req: body, res: { id: j.id, ...body, last_complete: null }, zone: j.zone });
}

export function logpushUpdate(c: Ctx, v: Via, t: number, j: LogpushJob, change: Record<string, unknown>): string {
  return c.cf2(v, t, { type: "update", desc: "Update Logpush job", method: "PUT", uri: `${logpushUri(c, j)}/${j.id}`, product: "logpush", rtype: "logpush.job", rid: String(j.id), req: change, res: { id: j.id, name: j.name, dataset: j.dataset, destination_conf: redactDest(j.destination_conf), enabled: j.enabled, ...change }, zone: j.zone });
}

const redactDest = (d: string): string => d.replace(/(header_DD-API-KEY=)[^&]+/, "$1REDACTED").replace(/(secret-access-key=)[^&]+/, "$1REDACTED");

// ---- Load Balancing -----------------------------------------------------------------------------------------

export interface Origin {
  name: string;
  address: string;
  enabled: boolean;
  weight: number;
}

export function poolUpdate(c: Ctx, v: Via, t: number, poolId: string, name: string, before: Origin[], after: Origin[], extra: Record<string, unknown> = {}, prevExtra: Record<string, unknown> = {}): string {
  const healthy = after.some((o) => o.enabled && o.weight > 0);
  return c.cf2(v, t, { type: "update", desc: "Update load balancer pool", method: "PUT", uri: `${acct(c)}/load_balancers/pools/${poolId}`, product: "load_balancing", rtype: "load_balancing.pool", rid: poolId, req: { name, origins: after, ...extra }, res: { id: poolId, name, enabled: true, origins: after, minimum_origins: 1, healthy, ...extra, previous: { origins: before, ...prevExtra }, modified_on: isoSec(t) } });
}

// ---- Datadog product events ---------------------------------------------------------------------------------

export function ddMonitorMute(c: Ctx, p: Person, t: number, id: string, name: string, o: { ip?: string; key?: boolean; serviceAccount?: boolean; ua?: string; end?: number | null } = {}): string {
  c.ddReq(p, t - 600, "POST", `/api/v1/monitor/${id}/mute`, "200", { ip: o.ip, key: o.key, serviceAccount: o.serviceAccount, ua: o.ua });
  const prev = { id: Number(id), name, options: { silenced: {} } };
  const next = { id: Number(id), name, options: { silenced: { "*": o.end ?? null } } };
  return c.ddEvt(p, t, "Monitor", "modified", { type: "monitor", id, name, prev_value: prev, new_value: next }, `${p.dd ?? p.cf} muted monitor "${name}"`, { key: o.key, serviceAccount: o.serviceAccount });
}
