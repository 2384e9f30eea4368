// Record builders for the lookalike-edge corpus: a seeded PRNG, vendor id formats, and one builder per raw shape
// (Cloudflare audit log v1 entry, Cloudflare audit log v2 entry, Datadog Audit Trail event) exactly as the APIs
// return them. Deterministic: every random choice comes from the seeded generator passed in.

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number; // inclusive
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  hex(n: number): string;
  uuid(): string;
  b64(n: number): string;
}

/** FNV-1a 32-bit hash of a string: the seed of an incident's generator. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const HEX = "0123456789abcdef";
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    hex: (n) => Array.from({ length: n }, () => HEX[Math.floor(next() * 16)]).join(""),
    uuid: () => {
      const h = rng.hex(32);
      const v = "89ab"[Math.floor(next() * 4)];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    b64: (n) => Array.from({ length: n }, () => B64[Math.floor(next() * 64)]).join(""),
  };
  return rng;
}

// ---- time ---------------------------------------------------------------------------------------------------

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export const at = (iso: string): number => Date.parse(iso);
/** RFC3339, whole seconds: Cloudflare v2 `action.time`, some v1 `when`. */
export const isoSec = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
/** RFC3339 with microseconds: most v1 `when` values. */
export const isoMicro = (ms: number, micro: number): string =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${String(ms % 1000).padStart(3, "0")}${String(micro).padStart(3, "0")}Z`);
/** Datadog outer timestamp: milliseconds, Z. */
export const isoMs = (ms: number): string => new Date(ms).toISOString();
/** Datadog inner timestamp: microseconds, no zone (REC). */
export const isoNoZone = (ms: number, micro: number): string => isoMicro(ms, micro).replace(/Z$/, "");

// ---- Cloudflare v1 ------------------------------------------------------------------------------------------

export interface CfV1Input {
  at: number;
  type: string;
  actor: { id: string; email?: string; ip?: string; type: string };
  iface?: string;
  metadata?: Record<string, unknown>;
  newValue?: string;
  oldValue?: string;
  newJson?: unknown;
  oldJson?: unknown;
  owner: string;
  resource: { id: string; type: string };
  info?: string;
  result?: boolean;
  wholeSeconds?: boolean;
}

export function cfV1(r: Rng, o: CfV1Input): Record<string, unknown> {
  const actor: Record<string, unknown> = {};
  if (o.actor.email !== undefined) actor["email"] = o.actor.email;
  actor["id"] = o.actor.id;
  if (o.actor.ip !== undefined) actor["ip"] = o.actor.ip;
  actor["type"] = o.actor.type;
  const action: Record<string, unknown> = { result: o.result ?? true, type: o.type };
  if (o.info) action["info"] = o.info;
  const e: Record<string, unknown> = {
    id: r.uuid(),
    action,
    actor,
    interface: o.iface ?? "",
    metadata: o.metadata ?? {},
    newValue: o.newValue ?? "",
    oldValue: o.oldValue ?? "",
  };
  if (o.newJson !== undefined) e["newValueJson"] = o.newJson;
  if (o.oldJson !== undefined) e["oldValueJson"] = o.oldJson;
  e["owner"] = { id: o.owner };
  e["resource"] = o.resource;
  e["when"] = o.wholeSeconds ? isoSec(o.at) : isoMicro(o.at + r.int(0, 999), r.int(0, 999));
  return e;
}

// ---- Cloudflare v2 ------------------------------------------------------------------------------------------

export interface CfV2Actor {
  id: string;
  context: "dash" | "api_token" | "api_key" | "oauth" | "origin_ca_key";
  email?: string;
  ip: string;
  type: "user" | "account" | "system" | "cloudflare_admin";
  token_id?: string;
  token_name?: string;
}

export interface CfV2Input {
  at: number;
  account: { id: string; name: string };
  type: "create" | "update" | "delete" | "view";
  description: string;
  actor: CfV2Actor;
  method: string;
  uri: string;
  status?: number;
  ua: string;
  product: string;
  rtype: string;
  rid: string;
  request?: unknown;
  response?: unknown;
  scope: string;
  zone?: { id: string; name: string };
  result?: "success" | "failure";
}

export function cfV2(r: Rng, o: CfV2Input): Record<string, unknown> {
  const actor: Record<string, unknown> = { id: o.actor.id, context: o.actor.context };
  if (o.actor.email !== undefined) actor["email"] = o.actor.email;
  actor["ip_address"] = o.actor.ip;
  if (o.actor.token_id !== undefined) actor["token_id"] = o.actor.token_id;
  if (o.actor.token_name !== undefined) actor["token_name"] = o.actor.token_name;
  actor["type"] = o.actor.type;
  const e: Record<string, unknown> = {
    id: r.hex(32),
    account: o.account,
    action: { description: o.description, result: o.result ?? "success", time: isoSec(o.at), type: o.type },
    actor,
    raw: {
      cf_ray_id: r.hex(16),
      method: o.method,
      status_code: o.status ?? (o.result === "failure" ? 403 : 200),
      uri: o.uri,
      user_agent: o.ua,
    },
    resource: {
      id: o.rid,
      product: o.product,
      request: o.request ?? {},
      response: o.response ?? {},
      scope: { type: o.scope },
      type: o.rtype,
    },
  };
  if (o.zone) e["zone"] = o.zone;
  return e;
}

// ---- Datadog ------------------------------------------------------------------------------------------------

export interface DdUser {
  id: string;
  email: string;
  uuid: string;
}

export interface DdInput {
  at: number;
  org: string;
  usr: DdUser;
  actorType: string; // USER | Other | SERVICE_ACCOUNT | SYSTEM
  evtName?: string; // absent on some agent/API-key events
  action: string;
  auth: string;
  message: string;
  asset?: { type: string; id: string; name?: string; prev_value?: unknown; new_value?: unknown };
  http?: { method: string; path: string; status: string; host: string; ua: string; route?: string };
  ip?: string;
  bytes?: [number, number];
  threatIntel?: unknown;
  metadata?: Record<string, unknown>;
  status?: "info" | "warn" | "error";
}

export function ddEvent(r: Rng, o: DdInput): Record<string, unknown> {
  const inner: Record<string, unknown> = { status: o.status ?? "info" };
  if (o.http) {
    const h: Record<string, unknown> = {
      status_code: o.http.status,
      url_details: { path: o.http.path, host: o.http.host },
      method: o.http.method,
      useragent: o.http.ua,
    };
    if (o.http.route) h["route"] = o.http.route;
    inner["http"] = h;
  }
  if (o.ip) {
    inner["network"] = {
      bytes_read: o.bytes?.[0] ?? (o.http?.method === "GET" ? 0 : r.int(40, 900)),
      client: { ip: o.ip },
      bytes_written: o.bytes?.[1] ?? r.int(300, 30000),
    };
  }
  const micro = r.int(0, 999);
  const ts = Math.floor(o.at) + r.int(0, 999);
  inner["timestamp"] = isoNoZone(ts, micro);
  inner["org"] = { uuid: o.org };
  const evt: Record<string, unknown> = {};
  if (o.evtName) evt["name"] = o.evtName;
  evt["actor"] = { type: o.actorType };
  inner["evt"] = evt;
  inner["usr"] = { id: o.usr.id, email: o.usr.email, uuid: o.usr.uuid };
  inner["action"] = o.action;
  if (o.asset) inner["asset"] = o.asset;
  inner["auth_method"] = o.auth;
  if (o.metadata) inner["metadata"] = o.metadata;
  if (o.threatIntel) inner["threat_intel"] = o.threatIntel;
  return {
    attributes: {
      attributes: inner,
      message: o.message,
      tags: ["source:audit"],
      timestamp: isoMs(ts),
    },
    type: "audit",
    id: `AQAAAZ${r.b64(4)}${r.b64(12)}AAAAAB${r.b64(30)}`,
  };
}

/** Spur-style IP enrichment as Datadog attaches it (`threat_intel`). */
export function spur(ip: string, category: string, org: string, asn: number, country: string, city: string, intention = "suspicious", tunnel?: string): unknown {
  const additional: Record<string, unknown> = {
    as: { number: asn, organization: org },
    infrastructure: category === "hosting_proxy" ? "DATACENTER" : category === "residential_proxy" ? "RESIDENTIAL" : "DATACENTER",
    organization: org,
    location: { country, city },
  };
  if (tunnel) additional["tunnels"] = [{ operator: tunnel, type: "VPN", anonymous: category !== "corporate_vpn" }];
  return {
    indicators_matched: ["IP"],
    results: [{ indicator: ip, additional_data: additional, source: { name: "spur", type: "managed", url: "https://spur.us" }, type: "IP", category, intention }],
  };
}
