// Record builders for the lookalike-edge corpus: a seeded PRNG, vendor id formats, and one builder per raw shape
// (Cloudflare audit log v1 entry, Cloudflare audit log v2 entry, Datadog Audit Trail event) exactly as the APIs
// return them, laid out with the shared shapes of ../vendor. Deterministic: every random choice comes from the
// seeded generator passed in.
import { cfMicro, cfRayId, cfSeconds, cfV1Entry, cfV2Entry } from "../vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddHttp } from "../vendor/datadog.ts";
import { B64_UNDERSCORE_FIRST, fnv1a, mulberry32, Rng } from "../vendor/rng.ts";

export type { Rng };
/** FNV-1a 32-bit hash of a string: the seed of an incident's generator. */
export const hashSeed = fnv1a;
/** mulberry32: small, fast, good enough for synthetic data. */
export const makeRng = (seed: number): Rng => new Rng(mulberry32(seed));

// ---- time ---------------------------------------------------------------------------------------------------

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export const at = (iso: string): number => Date.parse(iso);
/** RFC3339, whole seconds: Cloudflare v2 `action.time`, some v1 `when`. */
export const isoSec = cfSeconds;
/** RFC3339 with microseconds: most v1 `when` values. */
export const isoMicro = cfMicro;
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
  const id = r.uuid();
  const when = o.wholeSeconds ? isoSec(o.at) : isoMicro(o.at + r.int(0, 999), r.int(0, 999));
  return cfV1Entry({ ...o, id, interface: o.iface, newValueJson: o.newJson, oldValueJson: o.oldJson, when }, { json: "after-values" });
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
  const id = r.hex(32);
  return cfV2Entry({
    id,
    account: o.account,
    description: o.description,
    result: o.result ?? "success",
    time: isoSec(o.at),
    type: o.type,
    actor: { ...o.actor, ip_address: o.actor.ip },
    rayId: cfRayId(r.next),
    method: o.method,
    status: o.status ?? (o.result === "failure" ? 403 : 200),
    uri: o.uri,
    ua: o.ua,
    resource: { id: o.rid, product: o.product, request: o.request ?? {}, response: o.response ?? {}, scope: { type: o.scope }, type: o.rtype },
    zone: o.zone || undefined,
  });
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
  const transport: Record<string, unknown> = {};
  if (o.http) transport["http"] = { ...ddHttp(o.http), ...(o.http.route ? { route: o.http.route } : {}) };
  if (o.ip) {
    transport["network"] = {
      bytes_read: o.bytes?.[0] ?? (o.http?.method === "GET" ? 0 : r.int(40, 900)),
      client: { ip: o.ip },
      bytes_written: o.bytes?.[1] ?? r.int(300, 30000),
    };
  }
  const micro = r.int(0, 999);
  const ts = Math.floor(o.at) + r.int(0, 999);
  const inner = ddHead({ status: o.status ?? "info", transport, timestamp: isoNoZone(ts, micro), org: o.org, evtName: o.evtName, actorType: o.actorType, usr: o.usr });
  inner["action"] = o.action;
  if (o.asset) inner["asset"] = o.asset;
  inner["auth_method"] = o.auth;
  if (o.metadata) inner["metadata"] = o.metadata;
  if (o.threatIntel) inner["threat_intel"] = o.threatIntel;
  return ddEnvelope({ attributes: inner, message: o.message, timestamp: isoMs(ts), id: ddEventId(r.next, B64_UNDERSCORE_FIRST, [16, 30]) });
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
