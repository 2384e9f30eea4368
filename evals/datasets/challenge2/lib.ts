// Builders of the challenge2 corpus (second independent author): a generator seeded by the incident id, the ids
// and record shapes of the shared ../vendor builders laid out as this author wrote them, user agents, and the
// incident assembly. Scenarios live in scenarios-{mal,mis,ben}.ts; ./generate.ts writes the files.
import { cfRayId, cfV1Entry, cfV1Short, cfV2Entry } from "../vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddHttp, ddRequestMessage } from "../vendor/datadog.ts";
import { B62, DIGITS, type Draw, drawChars, drawPick, drawUuid, fnv1a, HEX, IdRegistry, mulberry32 } from "../vendor/rng.ts";

export type J = Record<string, unknown>;

// ---------- deterministic randomness and ids ----------
export const seedOf = fnv1a;
export const USED = new IdRegistry();
export class Ids {
  r: Draw;
  constructor(seed: string) { this.r = mulberry32(fnv1a(seed)); }
  int(n: number): number { return Math.floor(this.r() * n); }
  pick<T>(xs: readonly T[]): T { return drawPick(this.r, xs); }
  hex(n: number): string { return drawChars(this.r, HEX, n); }
  uniq(f: () => string): string { return USED.fresh(f); }
  uuid(): string { return this.uniq(() => drawUuid(this.r)); }
  dd(): string { return this.uniq(() => ddEventId(this.r, B62, [48])); }
  num(digits: number): string { return this.uniq(() => String(1 + this.int(9)) + drawChars(this.r, DIGITS, digits - 1)); }
  ray(): string { return cfRayId(this.r); }
}

// ---------- time ----------
export const at = (base: string, min: number, sec = 0): string => new Date(Date.parse(base) + min * 60000 + sec * 1000).toISOString();
export const cfWhen = (iso: string, micro = false): string => (micro ? iso.replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}${String(seedOf(iso) % 1000).padStart(3, "0")}Z`) : iso.replace(/\.\d{3}Z$/, "Z"));

// ---------- vendor record builders ----------
export interface CfActor { email?: string; id: string; ip?: string; type?: string }
export function cf1(g: Ids, o: { when: string; type: string; actor: CfActor; owner: string; res?: { id: string; type: string }; meta?: J; nv?: string; ov?: string; nvj?: J; ovj?: J; iface?: string; info?: string; result?: boolean; micro?: boolean }): J {
  const actor = { ...o.actor, type: o.actor.type ?? "user" };
  const resource = o.res ?? { id: o.owner, type: "account" };
  return cfV1Entry({ ...cfV1Short(o), id: g.uuid(), type: o.type, result: o.result, actor, interface: o.iface ?? "UI", owner: o.owner, resource, when: cfWhen(o.when, o.micro) });
}
export function cf2(g: Ids, o: { time: string; type: "create" | "update" | "delete" | "view"; desc: string; product: string; acct: { id: string; name: string }; actor: { id: string; email?: string; ip: string; context?: string; token_id?: string; token_name?: string; type?: string }; method: string; uri: string; status?: number; ua?: string; resType?: string; resId?: string; request?: J; response?: J; zone?: { id: string; name: string }; result?: string }): J {
  const a = o.actor;
  const id = g.uuid();
  const rayId = g.ray();
  return cfV2Entry({
    id,
    account: o.acct,
    description: o.desc,
    result: o.result ?? "success",
    time: o.time,
    type: o.type,
    actor: { id: a.id, context: a.context ?? "dash", email: a.email || undefined, ip_address: a.ip, token_id: a.token_id || undefined, token_name: a.token_id ? a.token_name : undefined, type: a.type ?? "user" },
    rayId,
    method: o.method,
    status: o.status ?? 200,
    uri: o.uri,
    ua: o.ua ?? UA.chromeMac,
    resource: { id: o.resId ?? g.hex(32), product: o.product, request: o.request ?? {}, response: o.response ?? {}, scope: {}, type: o.resType ?? o.product },
    zone: o.zone || undefined,
  });
}
export interface DdUser { email: string; uuid: string; id?: string; type?: string }
export function ddInner(iso: string): string { return iso.replace("Z", "").replace(/\.(\d{3})$/, (_m, ms: string) => `.${ms}${String(seedOf(iso) % 1000).padStart(3, "0")}`); }
export function dd(g: Ids, o: { ts: string; org: string; evt?: string; usr: DdUser; action: string; asset?: J; auth?: string; message: string; status?: string; extra?: J }): J {
  const usr = { id: o.usr.id ?? o.usr.email, email: o.usr.email, uuid: o.usr.uuid };
  const head = ddHead({ status: o.status ?? "info", timestamp: ddInner(o.ts), org: o.org, evtName: o.evt, actorType: o.usr.type ?? "USER", usr });
  const attributes = { ...head, action: o.action, ...(o.asset ? { asset: o.asset } : {}), auth_method: o.auth ?? "SESSION", ...(o.extra ?? {}) };
  return ddEnvelope({ attributes, message: o.message, timestamp: o.ts, id: g.dd() });
}
export interface Geo { iso: string; country: string; city: string; lat: number; lon: number }
export function ddReq(g: Ids, o: { ts: string; org: string; usr: DdUser; method: string; path: string; code?: number; ip: string; ua: string; auth?: string; geo?: Geo; host?: string }): J {
  const code = o.code ?? (o.method === "POST" ? 201 : 200);
  return dd(g, {
    ts: o.ts, org: o.org, evt: "Request", usr: o.usr, action: "accessed", auth: o.auth,
    message: ddRequestMessage(o.method, o.path, o.usr.email, code),
    status: code >= 400 ? "warn" : "info",
    extra: {
      http: ddHttp({ status: String(code), path: o.path, host: o.host ?? "us1.prod.dog", method: o.method, ua: o.ua }),
      network: {
        bytes_read: 40 + ((seedOf(o.ts + o.path) % 900)), bytes_written: 300 + (seedOf(o.path + o.ts) % 9000),
        client: { ip: o.ip, ...(o.geo ? { geoip: { country: { iso_code: o.geo.iso, name: o.geo.country }, city: { name: o.geo.city }, location: { latitude: o.geo.lat, longitude: o.geo.lon } } } : {}) },
      },
    },
  });
}
export const UA = {
  chromeMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
  chromeWin: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
  safari: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
  tfCf: "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-cloudflare/4.44.0",
  tfDd: "terraform-provider-datadog/3.46.0 (go go1.22.7; terraform 1.9.8; terraform-sdk 2.34.0) datadog-api-client-go/2.31.0 (go1.22.7; os linux; arch amd64)",
  pyReq: "python-requests/2.32.3",
  curl: "curl/8.9.1",
  ddAgent: "datadog-agent/7.58.2",
  ddClient: "datadog-api-client-typescript/1.31.0 (node 20.18.0; os Linux; arch x64)",
};

export const sortDesc = (xs: J[], key: (e: J) => string): J[] => xs.sort((a, b) => Date.parse(key(b)) - Date.parse(key(a)));
export const cfKey = (e: J): string => (e.when as string) ?? ((e.action as J).time as string);
export const ddKey = (e: J): string => (e.attributes as J).timestamp as string;

export function incident(o: { id: string; title: string; now: string; anomaly: J; cf?: { account_id: string; v1: J[]; v2?: J[] }; dd?: { site?: string; events: J[] }; faults?: J; label: J }): J {
  const sources: J = {};
  if (o.cf) sources.cloudflare = { account_id: o.cf.account_id, audit_logs: sortDesc(o.cf.v1, cfKey), ...(o.cf.v2 ? { audit_logs_v2: sortDesc(o.cf.v2, cfKey) } : {}) };
  if (o.dd) sources.datadog = { site: o.dd.site ?? "datadoghq.com", audit_events: sortDesc(o.dd.events, ddKey) };
  return { id: o.id, title: o.title, now: o.now, anomaly: o.anomaly, sources, ...(o.faults ? { faults: o.faults } : {}), label: o.label };
}
export const idOf = (e: J): string => e.id as string;

export const ALL: Array<{ file: string; body: J }> = [];
export function add(file: string, body: J): void { ALL.push({ file, body }); }
