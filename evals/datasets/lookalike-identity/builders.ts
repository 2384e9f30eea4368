// Record builders for the lookalike-identity corpus: a seeded random source and builders that write Cloudflare
// audit log v1 / v2 entries and Datadog Audit Trail events in the shapes the vendor APIs return, plus the
// background noise every incident carries. The organisations they act in are in ./orgs.ts (re-exported here).
// Nothing here reads the clock or Math.random: the same seed gives the same bytes. Record shapes are the shared
// ones of ../vendor, laid out as this corpus was first written.
import { type CfV2Call, cfRayId, cfSeconds, cfV1Entry, cfV2Entry } from "../vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddHttp, ddInnerTime, ddTimeCode } from "../vendor/datadog.ts";
import { B64, Rng, xmur3 } from "../vendor/rng.ts";
import type { CfToken, Org, Person, TokenPolicy, Zone } from "./orgs.ts";

export * from "./orgs.ts";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export { Rng };

export const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad time ${iso}`);
  return t;
};
export const iso = (t: number): string => new Date(t).toISOString();


// ---------------------------------------------------------------------------------------------------------------
// Incident context

export interface ThreatIntel {
  category: string;
  intention: "suspicious" | "benign" | "unknown";
  org: string;
  asn: number;
  country: string;
  city: string;
  infrastructure: string;
}

export interface Ctx {
  rng: Rng;
  org: Org;
  now: number;
  /** v1 only, or v1 and v2 twins (v2-only products appear only in v2) */
  cfV2: boolean;
  cf1: Record<string, unknown>[];
  cf2: Record<string, unknown>[];
  dd: Record<string, unknown>[];
  ti: Map<string, ThreatIntel>;
  /** Datadog Audit Trail retention of the org (7 days by default, 3-90 configurable) */
  ddRetentionDays: number;
}

export function newCtx(seed: string, org: Org, now: number, cfV2: boolean): Ctx {
  return { rng: Rng.fromText(seed, xmur3), org, now, cfV2, cf1: [], cf2: [], dd: [], ti: new Map(), ddRetentionDays: 7 };
}

// ---------------------------------------------------------------------------------------------------------------
// Cloudflare

export interface CfActor {
  email?: string;
  id: string;
  ip: string;
  type: string; // v1 actor.type
  v2type: "user" | "account" | "system" | "cloudflare_admin";
  context: "dash" | "api_token" | "api_key" | "oauth";
  tokenId?: string;
  tokenName?: string;
  ua: string;
}

export const cfUser = (p: Person, over: { ip?: string; ua?: string } = {}): CfActor => ({
  email: p.cfEmail,
  id: p.cfId,
  ip: over.ip ?? p.ip,
  type: "user",
  v2type: "user",
  context: "dash",
  ua: over.ua ?? p.ua,
});
/** Global API key (X-Auth-Email/X-Auth-Key) use: attributed to the key's owner. */
export const cfKey = (p: Person, ip: string, ua: string): CfActor => ({ ...cfUser(p, { ip, ua }), context: "api_key" });
/** API token use: user-owned tokens are attributed to their owner; account-owned tokens only by the token id. */
export const cfTok = (t: CfToken, over: { ip?: string; ua?: string } = {}): CfActor =>
  t.owner
    ? { ...cfUser(t.owner, { ip: over.ip ?? t.ips[0]!, ua: over.ua ?? t.ua }), context: "api_token", tokenId: t.id, tokenName: t.name }
    : { id: t.id, ip: over.ip ?? t.ips[0]!, type: "account", v2type: "account", context: "api_token", tokenId: t.id, tokenName: t.name, ua: over.ua ?? t.ua };

export interface CfV1Spec {
  type: string;
  info?: string;
  resType: string;
  resId: string;
  metadata?: Record<string, unknown>;
  newValue?: string;
  oldValue?: string;
  newValueJson?: Record<string, unknown>;
  oldValueJson?: Record<string, unknown>;
  owner?: string;
  iface?: string;
}
export interface CfV2Spec extends CfV2Call {
  desc: string;
  request?: Record<string, unknown>;
  response?: Record<string, unknown>;
  zone?: Zone;
}
export interface CfSpec {
  t: number;
  a: CfActor;
  v1?: CfV1Spec;
  v2?: CfV2Spec;
  ok?: boolean;
}
export interface CfIds {
  v1?: string;
  v2?: string;
  /** the id a report should cite: v2 when the incident carries v2, else v1 */
  cite: string;
}

function v1When(ctx: Ctx, t: number): string {
  const s = iso(t);
  if (ctx.rng.chance(0.5)) return s.replace(/\.\d{3}Z$/, "Z");
  return s.replace(/Z$/, String(ctx.rng.int(0, 999)).padStart(3, "0") + "Z");
}

/** The actor's email as both logs show it: account-owned tokens have none. */
const email = (a: CfActor): string | undefined => (a.email && a.v2type !== "account" ? a.email : undefined);

export function cf(ctx: Ctx, s: CfSpec): CfIds {
  const { rng, org } = ctx;
  const ok = s.ok ?? true;
  const out: { v1?: string; v2?: string } = {};
  if (s.v1) {
    const id = rng.uuid();
    const actor = { email: email(s.a), id: s.a.id, ip: s.a.ip, type: s.a.type };
    const iface = s.v1.iface ?? (s.a.context === "dash" ? (s.v1.type === "login" ? "" : "UI") : "API");
    const fields = { ...s.v1, id, result: ok, actor, interface: iface, owner: s.v1.owner ?? org.cfAccountId, resource: { id: s.v1.resId, type: s.v1.resType } };
    const e = cfV1Entry({ ...fields, when: v1When(ctx, s.t) }, { json: "after-values", infoFirst: true });
    ctx.cf1.push(e);
    out.v1 = id;
  }
  if (s.v2 && ctx.cfV2) {
    const id = rng.hex(32);
    const scope = s.v2.scope ?? (s.v2.zone ? "zones" : "accounts");
    const e = cfV2Entry({
      id,
      account: { id: org.cfAccountId, name: org.name },
      description: s.v2.desc,
      result: ok ? "success" : "failure",
      time: cfSeconds(s.t),
      type: s.v2.type,
      actor: { id: s.a.id, context: s.a.context, email: email(s.a), ip_address: s.a.ip, token_id: s.a.tokenId || undefined, token_name: s.a.tokenId ? s.a.tokenName : undefined, type: s.a.v2type },
      rayId: cfRayId(rng.next),
      method: s.v2.method,
      status: s.v2.status ?? (ok ? 200 : 403),
      uri: s.v2.uri,
      ua: s.a.ua,
      resource: {
        id: s.v2.rid,
        product: s.v2.product,
        request: s.v2.request ?? {},
        response: s.v2.response ?? {},
        scope: org.v2ScopeAsObject ? { id: s.v2.zone ? s.v2.zone.id : org.cfAccountId, type: scope } : scope,
        type: s.v2.rtype,
      },
      zone: s.v2.zone ? { id: s.v2.zone.id, name: s.v2.zone.name } : undefined,
    });
    ctx.cf2.push(e);
    out.v2 = id;
  }
  const cite = (ctx.cfV2 ? out.v2 : out.v1) ?? out.v1 ?? out.v2;
  if (!cite) throw new Error("cf(): neither a v1 nor an emitted v2 entry; give v1 or build the incident with v2");
  return { ...out, cite };
}

export const acct = (ctx: Ctx): string => `/accounts/${ctx.org.cfAccountId}`;

export function cfLogin(ctx: Ctx, a: CfActor, t: number, ok = true): CfIds {
  return cf(ctx, {
    t,
    a,
    ok,
    v1: { type: "login", resType: "account", resId: a.id, owner: a.id },
    v2: { type: "create", desc: ok ? "Login" : "Login failed", product: "user", rtype: "session", rid: a.id, method: "POST", uri: "/login", scope: "user" },
  });
}

export function cfTokenCreate(
  ctx: Ctx,
  a: CfActor,
  t: number,
  tk: { id: string; name: string; policies: TokenPolicy[]; ipIn?: string[]; notAfter?: string; accountOwned?: boolean },
): CfIds {
  const body: Record<string, unknown> = { name: tk.name, policies: tk.policies };
  if (tk.ipIn) body.condition = { request_ip: { in: tk.ipIn } };
  if (tk.notAfter) body.expires_on = tk.notAfter;
  const tag = ctx.rng.hex(32);
  return cf(ctx, {
    t,
    a,
    v1: { type: "token_create", resType: tk.accountOwned ? "account" : "user", resId: tk.accountOwned ? ctx.org.cfAccountId : a.id, metadata: { token_name: tk.name, token_tag: tag } },
    v2: {
      type: "create",
      desc: "Create API token",
      product: "api_tokens",
      rtype: tk.accountOwned ? "account_token" : "user_token",
      rid: tk.id,
      method: "POST",
      uri: tk.accountOwned ? `${acct(ctx)}/tokens` : "/user/tokens",
      request: body,
      response: { id: tk.id, name: tk.name, status: "active", issued_on: iso(t).replace(/\.\d{3}Z$/, "Z"), expires_on: tk.notAfter ?? null },
      scope: tk.accountOwned ? "accounts" : "user",
    },
  });
}

export function cfTokenRevoke(ctx: Ctx, a: CfActor, t: number, tk: { id: string; name: string; accountOwned?: boolean }): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: {
      type: "token_revoke",
      resType: tk.accountOwned ? "account" : "user",
      resId: tk.accountOwned ? ctx.org.cfAccountId : a.id,
      metadata: { token_name: tk.name, token_tag: ctx.rng.hex(32), old_token_status: "active", new_token_status: "revoked" },
    },
    v2: {
      type: "delete",
      desc: "Delete API token",
      product: "api_tokens",
      rtype: tk.accountOwned ? "account_token" : "user_token",
      rid: tk.id,
      method: "DELETE",
      uri: tk.accountOwned ? `${acct(ctx)}/tokens/${tk.id}` : `/user/tokens/${tk.id}`,
      scope: tk.accountOwned ? "accounts" : "user",
    },
  });
}

export function cfKeyView(ctx: Ctx, a: CfActor, t: number): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: { type: "API_key_view", resType: "api_key", resId: a.id, owner: a.id },
    v2: { type: "view", desc: "View Global API key", product: "user", rtype: "api_key", rid: a.id, method: "GET", uri: "/user/api_key", scope: "user" },
  });
}
export function cfKeyRotate(ctx: Ctx, a: CfActor, t: number): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: { type: "rotate_API_key", info: `key digest: ${ctx.rng.hex(64)}`, resType: "api_key", resId: a.id, owner: a.id },
    v2: { type: "update", desc: "Roll Global API key", product: "user", rtype: "api_key", rid: a.id, method: "PUT", uri: "/user/api_key", scope: "user" },
  });
}

export interface DnsRec {
  type: string;
  name: string;
  content: string;
  proxied?: boolean;
  ttl?: number;
}
function recJson(ctx: Ctx, z: Zone, r: DnsRec, recId: string) {
  return { content: r.content, id: recId, name: r.name, proxied: r.proxied ?? false, ttl: r.ttl ?? 1, type: r.type, zone_id: z.id, zone_name: z.name };
}
export function cfRecAdd(ctx: Ctx, a: CfActor, t: number, z: Zone, r: DnsRec): CfIds {
  const recId = ctx.rng.hex(32);
  const j = recJson(ctx, z, r, recId);
  return cf(ctx, {
    t,
    a,
    v1: { type: "rec_add", resType: "DNS_record", resId: String(ctx.rng.int(10_000_000_000, 19_999_999_999)), metadata: { zone_name: z.name }, newValueJson: j },
    v2: { type: "create", desc: "Create DNS record", product: "dns_records", rtype: "dns_record", rid: recId, method: "POST", uri: `/zones/${z.id}/dns_records`, zone: z, request: { type: r.type, name: r.name, content: r.content, proxied: r.proxied ?? false, ttl: r.ttl ?? 1 }, response: j },
  });
}
export function cfRecDel(ctx: Ctx, a: CfActor, t: number, z: Zone, r: DnsRec): CfIds {
  const recId = ctx.rng.hex(32);
  const j = recJson(ctx, z, r, recId);
  return cf(ctx, {
    t,
    a,
    v1: { type: "rec_del", resType: "DNS_record", resId: String(ctx.rng.int(10_000_000_000, 19_999_999_999)), metadata: { zone_name: z.name }, oldValueJson: j },
    v2: { type: "delete", desc: "Delete DNS record", product: "dns_records", rtype: "dns_record", rid: recId, method: "DELETE", uri: `/zones/${z.id}/dns_records/${recId}`, zone: z, response: { id: recId } },
  });
}
export function cfPurge(ctx: Ctx, a: CfActor, t: number, z: Zone, files?: string[]): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: { type: "purge", resType: "zone", resId: z.id, metadata: { zone_name: z.name } },
    v2: { type: "create", desc: "Purge cache", product: "cache_purge", rtype: "purge", rid: z.id, method: "POST", uri: `/zones/${z.id}/purge_cache`, zone: z, request: files ? { files } : { purge_everything: true } },
  });
}
export function cfSetting(ctx: Ctx, a: CfActor, t: number, z: Zone, name: string, type: string, oldV: string, newV: string): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: { type: "change_setting", resType: "zone", resId: z.id, metadata: { name, type, value: newV, zone_name: z.name }, newValue: newV, oldValue: oldV },
    v2: { type: "update", desc: "Update zone setting", product: "zone_settings", rtype: name, rid: z.id, method: "PATCH", uri: `/zones/${z.id}/settings/${name}`, zone: z, request: { value: newV }, response: { id: name, value: newV, editable: true } },
  });
}
/** An entry that exists only in the v2 log (products v1 never covered). */
export function cf2(ctx: Ctx, t: number, a: CfActor, v2: CfV2Spec, ok = true): CfIds {
  return cf(ctx, { t, a, v2, ok });
}

// ---------------------------------------------------------------------------------------------------------------
// Datadog

export interface DdActor {
  handle: string;
  email: string;
  uuid: string;
  type: "USER" | "SERVICE_ACCOUNT" | "Other" | "SYSTEM" | "SUPPORT_USER";
  auth: string;
  ip: string;
  ua: string;
}
export const ddUser = (p: Person, over: { ip?: string; ua?: string; email?: string } = {}): DdActor => ({
  handle: over.email ?? p.ddEmail ?? p.name,
  email: over.email ?? p.ddEmail ?? p.name,
  uuid: p.ddUuid,
  type: p.kind === "service" ? "SERVICE_ACCOUNT" : "USER",
  auth: "SESSION",
  ip: over.ip ?? p.ip,
  ua: over.ua ?? p.ua,
});
/** Key-authenticated activity: usr.email is the key owner's UUID (as Datadog records it). */
export const ddKey = (ctx: Ctx, p: Person, over: { ip?: string; ua?: string } = {}): DdActor => ({
  handle: p.ddEmail ?? p.name,
  email: p.ddUuid,
  uuid: p.ddUuid,
  type: p.kind === "service" ? "SERVICE_ACCOUNT" : "Other",
  auth: ctx.org.keyAuth,
  ip: over.ip ?? p.ip,
  ua: over.ua ?? p.ua,
});

export interface DdAsset {
  type: string;
  id: string;
  name: string;
  prev_value?: Record<string, unknown>;
  new_value?: Record<string, unknown>;
}

function ddId(ctx: Ctx, t: number): string {
  return ddEventId(ctx.rng.next, B64, [6, 24], `AQAAA${ddTimeCode(t)}`, "AAAAABBWm");
}

function tiBlock(ti: ThreatIntel, ip: string) {
  return {
    indicators_matched: ["IP"],
    results: [
      {
        indicator: ip,
        additional_data: {
          as: { number: ti.asn, organization: ti.org },
          infrastructure: ti.infrastructure,
          organization: ti.org,
          location: { country: ti.country, city: ti.city },
        },
        source: { name: "spur", type: "managed", url: "https://spur.us" },
        type: "IP",
        category: ti.category,
        intention: ti.intention,
      },
    ],
  };
}

interface DdRaw {
  t: number;
  a: DdActor;
  evt?: string;
  action: string;
  asset?: DdAsset;
  message: string;
  status?: "info" | "warn" | "error";
  http?: { method: string; path: string; status: string };
  network?: boolean;
  metadata?: Record<string, unknown>;
}

export function ddRaw(ctx: Ctx, r: DdRaw): string {
  const id = ddId(ctx, r.t);
  const transport: Record<string, unknown> = {};
  if (r.http) transport.http = ddHttp({ status: r.http.status, path: r.http.path, host: ctx.org.apiHost, method: r.http.method, ua: r.a.ua });
  if (r.http || r.network) {
    const bytesRead = r.http && r.http.method !== "GET" ? ctx.rng.int(80, 1800) : 0;
    transport.network = { bytes_read: bytesRead, client: { ip: r.a.ip }, bytes_written: ctx.rng.int(200, 24000) };
    if (!r.http) transport.http = { useragent: r.a.ua };
    const ti = ctx.ti.get(r.a.ip);
    if (ti) transport.threat_intel = tiBlock(ti, r.a.ip);
  }
  const timestamp = ddInnerTime(r.t, String(ctx.rng.int(0, 999)).padStart(3, "0"));
  const usr = { id: r.a.handle, email: r.a.email, uuid: r.a.uuid };
  const inner = ddHead({ status: r.status ?? "info", transport, timestamp, org: ctx.org.ddOrgUuid, evtName: r.evt, actorType: r.a.type, usr });
  inner.action = r.action;
  if (r.asset) inner.asset = r.asset;
  inner.auth_method = r.a.auth;
  if (r.metadata) inner.metadata = r.metadata;
  ctx.dd.push(ddEnvelope({ attributes: inner, message: r.message, timestamp: iso(r.t), id }));
  return id;
}

const who_ = (a: DdActor) => (a.email === a.uuid ? a.uuid : a.email);

export function ddReq(ctx: Ctx, a: DdActor, t: number, method: string, path: string, status = "200"): string {
  return ddRaw(ctx, {
    t,
    a,
    evt: "Request",
    action: "accessed",
    http: { method, path, status },
    message: `${method} request made to ${path} by ${who_(a)} with response ${status}`,
    status: status.startsWith("2") ? "info" : status.startsWith("4") ? "warn" : "error",
  });
}

export interface DdActSpec {
  evt: string;
  action: string;
  asset: DdAsset;
  message: string;
  req?: { method: string; path: string; status?: string };
  status?: "info" | "warn" | "error";
}
/** A product event preceded (by a few ms) by the API request that caused it. Returns the product event id. */
export function ddAct(ctx: Ctx, a: DdActor, t: number, s: DdActSpec): { id: string; req?: string } {
  let req: string | undefined;
  if (s.req) req = ddReq(ctx, a, t - ctx.rng.int(15, 90), s.req.method, s.req.path, s.req.status);
  const id = ddRaw(ctx, { t, a, evt: s.evt, action: s.action, asset: s.asset, message: s.message, status: s.status });
  return { id, req };
}

export function ddLogin(ctx: Ctx, a: DdActor, t: number, method: "SAML" | "password" | "Google", ok = true, reason?: string): string {
  return ddRaw(ctx, {
    t,
    a,
    evt: "Authentication",
    action: "login",
    network: true,
    status: ok ? "info" : "error",
    metadata: ok ? { login_method: method } : { login_method: method, failure_reason: reason ?? "unknown" },
    message: ok ? `${a.email} logged in` : `${a.email} failed to log in (${reason ?? "error"})`,
  });
}
