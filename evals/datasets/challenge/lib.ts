// Builders for the challenge dataset: raw vendor records in the shapes of the Cloudflare and Datadog contracts.
// Ids come from a seeded generator so regenerating the dataset gives byte-identical files; the record shapes are the
// shared ones of ../vendor, laid out as this corpus was first written.
import { cfMicro, cfRayId, cfV1Entry, cfV2Entry } from "../vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddHttp, ddInnerTime, ddRequestMessage } from "../vendor/datadog.ts";
import { B62, DIGITS, drawChars, drawUuidInOrder, HEX, IdRegistry, xorshift32 } from "../vendor/rng.ts";

const rnd = xorshift32(0x5eed1234);
const ids = new IdRegistry();
const unique = (make: () => string): string => ids.fresh(make);
const chars = (alphabet: string, n: number): string => drawChars(rnd, alphabet, n);
export const hex = (n: number): string => unique(() => chars(HEX, n));
export const uuid = (): string => unique(() => drawUuidInOrder(rnd));
export const ddId = (): string => unique(() => ddEventId(rnd, B62, [14, 28]));
export const ray = (): string => unique(() => cfRayId(rnd));
export const recId = (): string => unique(() => String(10700000000 + Math.floor(rnd() * 99999999)));

/** A clock anchored at the anomaly time; offsets in minutes (negative = before). */
export function clock(anomalyIso: string) {
  const base = Date.parse(anomalyIso);
  return {
    at: (min: number, sec = 0): Date => new Date(base + min * 60_000 + sec * 1000),
    iso: (min: number, sec = 0): string => new Date(base + min * 60_000 + sec * 1000).toISOString().replace(".000Z", "Z"),
  };
}

const micro = (d: Date): string => cfMicro(d.getTime(), chars(DIGITS, 3));

export interface Actor {
  email?: string;
  id: string;
  ip?: string;
  type?: string;
}

/** Cloudflare v1 entry (GET /accounts/{id}/audit_logs result[]). */
export function cfV1(o: {
  id?: string;
  when: Date;
  type: string;
  actor: Actor;
  owner: string;
  resourceType: string;
  resourceId: string;
  metadata?: Record<string, unknown>;
  newValue?: string;
  oldValue?: string;
  newValueJson?: unknown;
  oldValueJson?: unknown;
  iface?: string;
  result?: boolean;
  info?: string;
  micro?: boolean;
}): Record<string, unknown> {
  const id = o.id ?? uuid();
  const when = o.micro ? micro(o.when) : o.when.toISOString().replace(".000Z", "Z");
  const actor = { ...o.actor, type: o.actor.type ?? "user" };
  return cfV1Entry({ ...o, id, actor, interface: o.iface, resource: { id: o.resourceId, type: o.resourceType }, when }, { actorIdFirst: true });
}

/** Cloudflare v2 entry (GET /accounts/{id}/logs/audit result[]). */
export function cfV2(o: {
  id?: string;
  time: Date;
  type: "create" | "update" | "delete" | "view";
  description: string;
  product: string;
  resourceType: string;
  resourceId: string;
  account: { id: string; name: string };
  actor: Actor & { context?: string; token_id?: string; token_name?: string };
  method: string;
  uri: string;
  status?: number;
  ua: string;
  request?: unknown;
  response?: unknown;
  zone?: { id: string; name: string };
  result?: "success" | "failure";
  scope?: string;
}): Record<string, unknown> {
  const a = o.actor;
  const id = o.id ?? uuid();
  return cfV2Entry(
    {
      id,
      account: o.account,
      description: o.description,
      result: o.result ?? "success",
      time: o.time.toISOString().replace(".000Z", "Z"),
      type: o.type,
      actor: { id: a.id, context: a.context ?? "dash", type: a.type ?? "user", email: a.email || undefined, ip_address: a.ip || undefined, token_id: a.token_id || undefined, token_name: a.token_name || undefined },
      rayId: ray(),
      method: o.method,
      status: o.status ?? 200,
      uri: o.uri,
      ua: o.ua,
      resource: { id: o.resourceId, product: o.product, request: o.request ?? {}, response: o.response ?? {}, scope: o.scope ?? (o.zone ? "zones" : "accounts"), type: o.resourceType },
      zone: o.zone || undefined,
    },
    { actorType: "after-context" },
  );
}

export interface DdUser {
  email: string;
  uuid: string;
  id?: string;
  actorType?: string;
  auth?: string;
}

/** Datadog audit event (POST /api/v2/audit/events/search data[]). */
export function dd(o: {
  id?: string;
  time: Date;
  org: string;
  user: DdUser;
  evt?: string;
  action: string;
  asset?: { type: string; id?: string; name?: string; prev_value?: unknown; new_value?: unknown };
  message: string;
  status?: string;
  http?: { method: string; path: string; status: string; ua: string; host?: string };
  ip?: string;
  metadata?: Record<string, unknown>;
  threat_intel?: unknown;
}): Record<string, unknown> {
  const timestamp = ddInnerTime(o.time.getTime(), chars(DIGITS, 3));
  const usr = { id: o.user.id ?? o.user.email, email: o.user.email, uuid: o.user.uuid };
  const head = ddHead({ status: o.status ?? "info", timestamp, org: o.org, evtName: o.evt, actorType: o.user.actorType ?? "USER", usr });
  const inner: Record<string, unknown> = { ...head, action: o.action, auth_method: o.user.auth ?? "SESSION" };
  if (o.asset) inner.asset = o.asset;
  if (o.http) inner.http = ddHttp({ status: o.http.status, path: o.http.path, host: o.http.host ?? "us1.prod.dog", method: o.http.method, ua: o.http.ua });
  if (o.ip) inner.network = { bytes_read: 40 + Math.floor(rnd() * 400), client: { ip: o.ip }, bytes_written: 200 + Math.floor(rnd() * 4000) };
  if (o.metadata) inner.metadata = o.metadata;
  if (o.threat_intel) inner.threat_intel = o.threat_intel;
  return ddEnvelope({ attributes: inner, message: o.message, timestamp: o.time.toISOString(), id: o.id ?? ddId() });
}

/** A Datadog API request event (evt.name Request) as recorded for UI and API calls. */
export function ddReq(o: {
  time: Date;
  org: string;
  user: DdUser;
  method: string;
  path: string;
  status?: string;
  ua: string;
  ip: string;
  id?: string;
}): Record<string, unknown> {
  const status = o.status ?? (o.method === "POST" ? "201" : "200");
  return dd({
    id: o.id,
    time: o.time,
    org: o.org,
    user: o.user,
    evt: "Request",
    action: "accessed",
    message: ddRequestMessage(o.method, o.path, o.user.email, status),
    http: { method: o.method, path: o.path, status, ua: o.ua },
    ip: o.ip,
  });
}

export const UA = {
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36",
  win: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0",
  linuxFf: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  terraform: "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-cloudflare/4.48.0",
  terraformDd: "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-datadog/3.46.0",
  curl: "curl/8.5.0",
  python: "python-requests/2.32.3",
  ddClient: "datadog-api-client-typescript/1.62.0 (node 20.20.0; os Linux; arch x64)",
};
