// Builders for the challenge dataset: raw vendor records in the shapes of the Cloudflare and Datadog contracts.
// Ids come from a seeded generator so regenerating the dataset gives byte-identical files.

let seed = 0x5eed1234;
function rnd(): number {
  // xorshift32
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x100000000;
}
const used = new Set<string>();
function unique(make: () => string): string {
  for (;;) {
    const v = make();
    if (!used.has(v)) {
      used.add(v);
      return v;
    }
  }
}
function chars(alphabet: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}
const HEX = "0123456789abcdef";
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const hex = (n: number): string => unique(() => chars(HEX, n));
export const uuid = (): string =>
  unique(() => `${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-${chars("89ab", 1)}${chars(HEX, 3)}-${chars(HEX, 12)}`);
export const ddId = (): string => unique(() => `AQAAAZ${chars(B64, 14)}AAAAAB${chars(B64, 28)}`);
export const ray = (): string => unique(() => chars(HEX, 16));
export const recId = (): string => unique(() => String(10700000000 + Math.floor(rnd() * 99999999)));

/** A clock anchored at the anomaly time; offsets in minutes (negative = before). */
export function clock(anomalyIso: string) {
  const base = Date.parse(anomalyIso);
  return {
    at: (min: number, sec = 0): Date => new Date(base + min * 60_000 + sec * 1000),
    iso: (min: number, sec = 0): string => new Date(base + min * 60_000 + sec * 1000).toISOString().replace(".000Z", "Z"),
  };
}

const micro = (d: Date): string => d.toISOString().replace("Z", "").replace(/\.(\d{3})$/, (_m, ms: string) => `.${ms}${chars("0123456789", 3)}`) + "Z";

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
  const actor: Record<string, unknown> = { id: o.actor.id, type: o.actor.type ?? "user" };
  if (o.actor.email) actor.email = o.actor.email;
  if (o.actor.ip) actor.ip = o.actor.ip;
  const rec: Record<string, unknown> = {
    id: o.id ?? uuid(),
    action: { result: o.result ?? true, type: o.type, ...(o.info ? { info: o.info } : {}) },
    actor,
    interface: o.iface ?? "",
    metadata: o.metadata ?? {},
    newValue: o.newValue ?? "",
    oldValue: o.oldValue ?? "",
    owner: { id: o.owner },
    resource: { id: o.resourceId, type: o.resourceType },
    when: o.micro ? micro(o.when) : o.when.toISOString().replace(".000Z", "Z"),
  };
  if (o.newValueJson !== undefined) rec.newValueJson = o.newValueJson;
  if (o.oldValueJson !== undefined) rec.oldValueJson = o.oldValueJson;
  return rec;
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
  const actor: Record<string, unknown> = {
    id: o.actor.id,
    context: o.actor.context ?? "dash",
    type: o.actor.type ?? "user",
  };
  if (o.actor.email) actor.email = o.actor.email;
  if (o.actor.ip) actor.ip_address = o.actor.ip;
  if (o.actor.token_id) actor.token_id = o.actor.token_id;
  if (o.actor.token_name) actor.token_name = o.actor.token_name;
  const rec: Record<string, unknown> = {
    id: o.id ?? uuid(),
    account: o.account,
    action: { description: o.description, result: o.result ?? "success", time: o.time.toISOString().replace(".000Z", "Z"), type: o.type },
    actor,
    raw: { cf_ray_id: ray(), method: o.method, status_code: o.status ?? 200, uri: o.uri, user_agent: o.ua },
    resource: {
      id: o.resourceId,
      product: o.product,
      request: o.request ?? {},
      response: o.response ?? {},
      scope: o.scope ?? (o.zone ? "zones" : "accounts"),
      type: o.resourceType,
    },
  };
  if (o.zone) rec.zone = o.zone;
  return rec;
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
  const inner: Record<string, unknown> = {
    status: o.status ?? "info",
    timestamp: o.time.toISOString().replace("Z", "") + chars("0123456789", 3),
    org: { uuid: o.org },
    evt: { ...(o.evt ? { name: o.evt } : {}), actor: { type: o.user.actorType ?? "USER" } },
    usr: { id: o.user.id ?? o.user.email, email: o.user.email, uuid: o.user.uuid },
    action: o.action,
    auth_method: o.user.auth ?? "SESSION",
  };
  if (o.asset) inner.asset = o.asset;
  if (o.http) {
    inner.http = {
      status_code: o.http.status,
      url_details: { path: o.http.path, host: o.http.host ?? "us1.prod.dog" },
      method: o.http.method,
      useragent: o.http.ua,
    };
  }
  if (o.ip) inner.network = { bytes_read: 40 + Math.floor(rnd() * 400), client: { ip: o.ip }, bytes_written: 200 + Math.floor(rnd() * 4000) };
  if (o.metadata) inner.metadata = o.metadata;
  if (o.threat_intel) inner.threat_intel = o.threat_intel;
  return {
    attributes: { attributes: inner, message: o.message, tags: ["source:audit"], timestamp: o.time.toISOString() },
    type: "audit",
    id: o.id ?? ddId(),
  };
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
    message: `${o.method} request made to ${o.path} by ${o.user.email} with response ${status}`,
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
