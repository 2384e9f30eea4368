// Record builders for the lookalike-observe corpus: a seeded random source, Cloudflare audit log entries (v1
// `/audit_logs` and v2 `/logs/audit` shapes), Datadog Audit Trail search events, and background noise
// (colleagues, the actor's own routine and older history, key-authenticated polling). Deterministic: the same
// calls in the same order always yield the same bytes. Record shapes are the shared ones of ../vendor.
import { cfMicro, cfRayId, cfSeconds, cfV1Entry, cfV2Entry } from "../vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddHttp, ddInnerTime, ddRequestMessage, ddTimeCode } from "../vendor/datadog.ts";
import { B64, fnv1a, mulberry32, Rng as SharedRng } from "../vendor/rng.ts";

// ---------------------------------------------------------------- seeded randomness
/** The shared seeded source (mulberry32 over FNV-1a of the seed text), plus this corpus's Datadog uuid shape. */
export class Rng extends SharedRng {
  constructor(seed: string) {
    super(mulberry32(fnv1a(seed)));
  }
  /** Datadog-style v1 time UUID (…-11xx-…-da7ad09000NN), as user and service-account uuids look. */
  ddUuid(): string {
    const h = this.hex(12);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-11${this.hex(2)}-${this.pick(["8", "9", "a", "b"])}${this.hex(3)}-da7ad09000${this.int(0, 9)}${this.int(0, 9)}`;
  }
}

// ---------------------------------------------------------------- time
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const iso = (t: number): string => new Date(t).toISOString();
/** Cloudflare v1 `when`: microsecond precision most of the time, whole seconds sometimes. */
function cfWhen(t: number, rng: Rng): string {
  return rng.chance(0.3) ? cfSeconds(t) : cfMicro(t, rng.int(100, 999));
}

// ---------------------------------------------------------------- identities
export interface Person {
  /** Email as the Datadog org spells it (SSO/JIT may keep the IdP's capitals). */
  dd: string;
  /** Email as the Cloudflare account spells it. */
  cf: string;
  ddUuid: string;
  cfId: string;
  ip: string;
  ua: string;
  kind: "user" | "service";
}

export interface Org {
  name: string;
  domain: string;
  ddOrgUuid: string;
  ddSite: string;
  ddHost: string;
  cfAccountId: string;
  cfAccountName: string;
  zones: { id: string; name: string }[];
  /** Spelling of key-authenticated auth_method in this org's events (both forms exist in the wild). */
  keyAuth: string;
  /** UTC offset of the team's local time, in hours. */
  tz: number;
}

export const UA = {
  macChrome: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
  winEdge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0",
  linuxFirefox: "Mozilla/5.0 (X11; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0",
  macSafari: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15",
  terraform: "terraform-provider-datadog/3.74.0 (go1.24.6; terraform 1.13.3; linux amd64) datadog-api-client-go/2.46.0",
  pyClient: "datadog-api-client-python/2.43.0 (python 3.12.7; os Linux; arch x86_64)",
  pyRequests: "python-requests/2.32.3",
  curl: "curl/8.14.1",
  cfTerraform: "terraform-provider-cloudflare/5.11.0",
  wrangler: "wrangler/4.38.0",
  goHttp: "Go-http-client/2.0",
} as const;

// ---------------------------------------------------------------- Datadog Audit Trail events
export type DdEvent = {
  attributes: {
    attributes: Record<string, unknown>;
    message: string;
    tags: string[];
    timestamp: string;
  };
  type: "audit";
  id: string;
};

export interface DdCommon {
  t: number;
  who: Person;
  /** Key-authenticated: usr.email becomes the owner's UUID, usr.id keeps the handle (REC). */
  key?: boolean;
  ip?: string;
  ua?: string;
  status?: "info" | "warn" | "error";
  threatIntel?: Record<string, unknown>;
}

/** What a product event says: its action, the asset with before/after values, the message and metadata. */
export interface DdProduct {
  action: string;
  assetType?: string;
  assetId?: string;
  assetName?: string;
  prev?: unknown;
  next?: unknown;
  message: string;
  metadata?: Record<string, unknown>;
}

export class Datadog {
  readonly events: DdEvent[] = [];
  constructor(private readonly org: Org, private readonly rng: Rng) {}

  private id(t: number): string {
    // Datadog event ids start with AQAAA + an encoding of the timestamp; we only mimic the look.
    return ddEventId(this.rng.next, B64, [13, 24], `AQAAA${ddTimeCode(t)}`, "AAAAABBW");
  }

  private base(c: DdCommon, evtName: string | undefined, action: string): Record<string, unknown> {
    const timestamp = ddInnerTime(c.t, this.rng.int(100, 999));
    const svc = c.who.kind === "service";
    const actorType = svc ? "SERVICE_ACCOUNT" : c.key ? "Other" : "USER";
    const usr = { id: c.who.dd, email: c.key ? c.who.ddUuid : c.who.dd, uuid: c.who.ddUuid };
    const a = ddHead({ status: c.status ?? "info", timestamp, org: this.org.ddOrgUuid, evtName, actorType, usr });
    a.action = action;
    a.auth_method = c.key ? this.org.keyAuth : "SESSION";
    return a;
  }

  private push(t: number, attrs: Record<string, unknown>, message: string): DdEvent {
    const e = ddEnvelope({ attributes: attrs, message, timestamp: new Date(t).toISOString(), id: this.id(t) }) as DdEvent;
    this.events.push(e);
    return e;
  }

  /** An API request event (`evt.name: Request`). */
  req(c: DdCommon & { method: string; path: string; code?: number; bytesRead?: number; bytesWritten?: number }): DdEvent {
    const a = this.base(c, "Request", "accessed");
    const code = c.code ?? (c.method === "POST" ? this.rng.pick([200, 200, 201]) : 200);
    a.http = ddHttp({ status: String(code), path: c.path, host: c.key ? this.org.ddHost.replace(/^app\./, "api.") : this.org.ddHost, method: c.method, ua: c.ua ?? c.who.ua });
    a.network = {
      bytes_read: c.bytesRead ?? (c.method === "GET" ? 0 : this.rng.int(80, 2400)),
      client: { ip: c.ip ?? c.who.ip },
      bytes_written: c.bytesWritten ?? this.rng.int(400, 90000),
    };
    if (c.threatIntel) a.threat_intel = c.threatIntel;
    const by = c.key ? c.who.ddUuid : c.who.dd;
    return this.push(c.t, a, ddRequestMessage(c.method, c.path, by, code));
  }

  /** A product event (Monitor, Access Management, Log Management, …) with optional before/after values. */
  product(c: DdCommon & DdProduct & { evt: string | undefined; extra?: Record<string, unknown> }): DdEvent {
    const a = this.base(c, c.evt, c.action);
    if (c.assetType !== undefined) {
      const asset: Record<string, unknown> = { type: c.assetType };
      if (c.assetId !== undefined) asset.id = c.assetId;
      if (c.assetName !== undefined) asset.name = c.assetName;
      if (c.prev !== undefined) asset.prev_value = c.prev;
      if (c.next !== undefined) asset.new_value = c.next;
      a.asset = asset;
    }
    if (c.metadata) a.metadata = c.metadata;
    if (c.extra) Object.assign(a, c.extra);
    if (c.threatIntel) a.threat_intel = c.threatIntel;
    return this.push(c.t, a, c.message);
  }

  /** A product event preceded (a few ms earlier) by the API request that caused it. */
  change(c: DdCommon & DdProduct & { method: string; path: string; code?: number; evt: string; assetType: string }): { request: DdEvent; event: DdEvent } {
    const request = this.req({ ...c, t: c.t - this.rng.int(8, 60) });
    const event = this.product(c);
    return { request, event };
  }

  login(c: DdCommon & { method?: string; ok?: boolean; detail?: string }): DdEvent {
    const ok = c.ok ?? true;
    const extra: Record<string, unknown> = {
      http: { useragent: c.ua ?? c.who.ua },
      network: { client: { ip: c.ip ?? c.who.ip } },
    };
    if (c.detail) extra.error = { message: c.detail };
    return this.product({
      ...c,
      status: ok ? "info" : "error",
      evt: "Authentication",
      action: "login",
      message: ok
        ? `${c.who.dd} logged in using ${c.method ?? "SAML"}`
        : `${c.who.dd} failed to log in using ${c.method ?? "SAML"}${c.detail ? `: ${c.detail}` : ""}`,
      metadata: { login_method: c.method ?? "SAML" },
      extra,
    });
  }
}

// ---------------------------------------------------------------- Cloudflare audit logs
export type CfV1 = Record<string, unknown> & { id: string; when: string };
export type CfV2 = Record<string, unknown> & { id: string };

export interface CfActorOpts {
  t: number;
  who: Person;
  ip?: string;
  iface?: "" | "UI" | "API";
}

export class Cloudflare {
  readonly v1: CfV1[] = [];
  readonly v2: CfV2[] = [];
  constructor(private readonly org: Org, private readonly rng: Rng) {}

  entry(c: CfActorOpts & {
    type: string;
    resType: string;
    resId?: string;
    metadata?: Record<string, unknown>;
    newValue?: string;
    oldValue?: string;
    newJson?: unknown;
    oldJson?: unknown;
    info?: string;
    ownerIsUser?: boolean;
    result?: boolean;
  }): CfV1 {
    const id = this.rng.uuid();
    const actor = { email: c.who.cf, id: c.who.cfId, ip: c.ip ?? c.who.ip, type: "user" };
    const owner = c.ownerIsUser ? c.who.cfId : this.org.cfAccountId;
    const resource = { id: c.resId ?? this.org.cfAccountId, type: c.resType };
    const fields = { ...c, id, actor, interface: c.iface, newValueJson: c.newJson, oldValueJson: c.oldJson, owner, resource };
    const e = cfV1Entry({ ...fields, when: cfWhen(c.t, this.rng) }) as CfV1;
    this.v1.push(e);
    return e;
  }

  /** v2 entry. `token` makes it API-token authenticated; `accountToken` an account-owned token (no email). */
  v2entry(c: CfActorOpts & {
    description: string;
    type: "create" | "update" | "delete" | "view";
    product: string;
    resType: string;
    resId: string;
    method: string;
    uri: string;
    code?: number;
    request?: unknown;
    response?: unknown;
    zone?: { id: string; name: string };
    token?: { id: string; name: string };
    accountToken?: boolean;
    ua?: string;
    context?: string;
    result?: "success" | "failure";
  }): CfV2 {
    const ip_address = c.ip ?? c.who.ip;
    const actor = c.accountToken
      ? { id: c.token?.id ?? "", context: "api_token", ip_address, token_id: c.token?.id, token_name: c.token?.name, type: "account" }
      : { id: c.who.cfId, context: c.context ?? (c.token ? "api_token" : "dash"), email: c.who.cf, ip_address, type: "user", token_id: c.token?.id, token_name: c.token?.name };
    const id = this.rng.hex(32);
    const e = cfV2Entry(
      {
        id,
        account: { id: this.org.cfAccountId, name: this.org.cfAccountName },
        description: c.description,
        result: c.result ?? "success",
        time: cfSeconds(c.t),
        type: c.type,
        actor,
        rayId: cfRayId(this.rng.next),
        method: c.method,
        status: c.code ?? 200,
        uri: c.uri,
        ua: c.ua ?? (c.token ? UA.curl : c.who.ua),
        resource: { id: c.resId, product: c.product, request: c.request ?? {}, response: c.response ?? {}, scope: c.zone ? "zones" : "accounts", type: c.resType },
        zone: c.zone ? { id: c.zone.id, name: c.zone.name } : undefined,
      },
      { actorType: c.accountToken ? "last" : "before-token" },
    ) as CfV2;
    this.v2.push(e);
    return e;
  }

  login(c: CfActorOpts): CfV1 {
    return this.entry({ ...c, type: "login", resType: "account", resId: c.who.cfId, ownerIsUser: true });
  }
}

// ---------------------------------------------------------------- threat intel (Spur-style enrichment)
export function spur(ip: string, kind: "residential_proxy" | "vpn" | "hosting" | "hotel", country: string, city: string): Record<string, unknown> {
  const byKind = {
    residential_proxy: { category: "residential_proxy", intention: "suspicious", infrastructure: "RESIDENTIAL", org: "Comcast Cable", tunnels: [{ anonymous: true, type: "PROXY", operator: "OXYLABS_PROXY" }] },
    vpn: { category: "vpn", intention: "suspicious", infrastructure: "DATACENTER", org: "M247 Europe SRL", tunnels: [{ anonymous: true, type: "VPN", operator: "NORD_VPN" }] },
    hosting: { category: "hosting_proxy", intention: "suspicious", infrastructure: "DATACENTER", org: "DigitalOcean, LLC", tunnels: [] },
    hotel: { category: "residential_proxy", intention: "suspicious", infrastructure: "RESIDENTIAL", org: "Hospitality Network Services", tunnels: [{ anonymous: true, type: "PROXY", operator: "IPROYAL_PROXY" }] },
  }[kind];
  return {
    indicators_matched: ["IP"],
    results: [
      {
        indicator: ip,
        additional_data: {
          tunnels: byKind.tunnels,
          as: { number: 64496 + ip.length, organization: byKind.org },
          infrastructure: byKind.infrastructure,
          organization: byKind.org,
          location: { country, city },
        },
        source: { name: "spur", type: "managed", url: "https://spur.us" },
        type: "IP",
        category: byKind.category,
        intention: byKind.intention,
      },
    ],
  };
}

// ---------------------------------------------------------------- background noise
const DD_BROWSE = [
  ["GET", "/api/v1/dashboard/{d}"],
  ["GET", "/api/v1/monitor"],
  ["GET", "/api/v1/monitor/{m}"],
  ["POST", "/api/v2/query/timeseries"],
  ["POST", "/api/v2/query/timeseries"],
  ["POST", "/api/v2/logs/events/search"],
  ["GET", "/api/v1/notebooks/{n}"],
  ["GET", "/api/v2/incidents"],
  ["GET", "/api/v1/slo"],
  ["POST", "/api/v1/query"],
  ["GET", "/api/v2/services/definitions"],
  ["GET", "/api/v1/hosts"],
] as const;

const MONITOR_NAMES = [
  "[prod] checkout p95 latency", "[prod] api 5xx rate", "[prod] kafka consumer lag", "[staging] deploy health",
  "[prod] postgres replication delay", "[prod] edge 4xx spike", "[prod] queue depth orders", "[prod] disk usage > 85%",
];
const DASH_NAMES = ["Service overview", "Edge traffic", "Checkout funnel", "Kubernetes cluster", "Postgres fleet", "On-call handover"];

/** `count` random instants in [from, to), in order. */
function sortedTimes(rng: Rng, from: number, to: number, count: number): number[] {
  const ts: number[] = [];
  for (let i = 0; i < count; i++) ts.push(from + Math.floor(rng.next() * (to - from)));
  return ts.sort((a, b) => a - b);
}

/** A person browsing Datadog between `from` and `to`: logins and Request events, now and then a small edit. */
export function ddBrowse(dd: Datadog, rng: Rng, who: Person, from: number, to: number, count: number, opts: { ip?: string; ua?: string; edits?: boolean; threatIntel?: Record<string, unknown> } = {}): void {
  if (to <= from || count <= 0) return;
  let last = -Infinity;
  for (const t of sortedTimes(rng, from, to, count)) {
    if (t - last > 3 * HOUR) dd.login({ t: t - rng.int(5, 40) * 1000, who, ip: opts.ip, ua: opts.ua });
    last = t;
    const [method, tpl] = rng.pick(DD_BROWSE);
    const path = tpl.replace("{d}", `${rng.pick(["abc-", "x9k-", "q2m-", "p7v-"])}${rng.b64(3).toLowerCase()}-${rng.b64(3).toLowerCase()}`)
      .replace("{m}", String(rng.int(140000000, 160000000)))
      .replace("{n}", String(rng.int(1400000, 1600000)));
    dd.req({ t, who, method, path, ip: opts.ip, ua: opts.ua, threatIntel: opts.threatIntel });
    if (opts.edits !== false && rng.chance(0.06)) {
      if (rng.chance(0.5)) {
        const name = rng.pick(MONITOR_NAMES);
        const id = String(rng.int(140000000, 160000000));
        const thr = rng.int(5, 90);
        const monitor = (v: number) => ({ id: Number(id), name, type: "query alert", query: `avg(last_5m):avg:app.metric{env:prod} > ${v}`, options: { thresholds: { critical: v }, notify_no_data: false } });
        dd.change({ t: t + 2000, who, ip: opts.ip, ua: opts.ua, method: "PUT", path: `/api/v1/monitor/${id}`, evt: "Monitor", action: "modified", assetType: "monitor", assetId: id, assetName: name, prev: monitor(thr), next: monitor(thr + rng.int(1, 10)), message: `${who.dd} modified monitor "${name}"` });
      } else {
        const name = rng.pick(DASH_NAMES);
        const id = `${rng.b64(3).toLowerCase()}-${rng.b64(3).toLowerCase()}-${rng.b64(3).toLowerCase()}`;
        dd.change({ t: t + 2000, who, ip: opts.ip, ua: opts.ua, method: "PUT", path: `/api/v1/dashboard/${id}`, evt: "Dashboard", action: "modified", assetType: "dashboard", assetId: id, assetName: name, prev: { title: name, widgets: rng.int(8, 20) }, next: { title: name, widgets: rng.int(8, 20) }, message: `${who.dd} modified dashboard "${name}"` });
      }
    }
  }
}

/** Key-authenticated polling by an integration/service account: one request every `everyMin` minutes. */
export function ddPoll(dd: Datadog, rng: Rng, who: Person, from: number, to: number, everyMin: number, paths: readonly string[], opts: { ip?: string; ua?: string } = {}): void {
  for (let t = from + rng.int(0, everyMin * MIN); t < to; t += everyMin * MIN + rng.int(-4000, 4000)) {
    const p = rng.pick(paths);
    dd.req({ t, who, key: true, method: p.startsWith("POST ") ? "POST" : "GET", path: p.replace(/^(POST|GET) /, ""), ip: opts.ip, ua: opts.ua ?? UA.pyClient });
  }
}

const CF_REC_NAMES = ["api", "www", "status", "docs", "cdn", "img", "grafana", "hooks", "eu", "assets", "mail", "auth"];

/** Everyday Cloudflare work of a person: logins, DNS edits, purges, a v2 product change now and then. */
export function cfRoutine(cf: Cloudflare, rng: Rng, org: Org, who: Person, from: number, to: number, count: number, opts: { ip?: string } = {}): void {
  if (to <= from || count <= 0) return;
  let last = -Infinity;
  for (const t of sortedTimes(rng, from, to, count)) {
    if (t - last > 4 * HOUR) cf.login({ t: t - rng.int(20, 90) * 1000, who, ip: opts.ip });
    last = t;
    const zone = rng.pick(org.zones);
    const r = rng.next();
    if (r < 0.35) {
      const name = `${rng.pick(CF_REC_NAMES)}.${zone.name}`;
      const rec = { content: `198.51.100.${rng.int(2, 250)}`, id: rng.hex(32), name, proxied: true, ttl: 1, type: "A", zone_id: zone.id, zone_name: zone.name };
      cf.entry({ t, who, ip: opts.ip, iface: "UI", type: rng.chance(0.7) ? "rec_add" : "rec_del", resType: "DNS_record", resId: String(rng.int(10700000000, 10799999999)), metadata: { zone_name: zone.name }, newJson: rec });
    } else if (r < 0.6) {
      cf.entry({ t, who, ip: opts.ip, iface: "UI", type: "purge", resType: "zone", resId: zone.id, metadata: { zone_name: zone.name } });
    } else if (r < 0.8) {
      const script = rng.pick(["edge-router", "image-resizer", "geo-headers", "ab-split"]);
      cf.v2entry({ t, who, ip: opts.ip, description: "Upload Worker script", type: "update", product: "workers", resType: "script", resId: script, method: "PUT", uri: `/accounts/${org.cfAccountId}/workers/scripts/${script}`, request: { main_module: "index.js", compatibility_date: "2026-06-01" }, ua: UA.wrangler, context: "api_token", token: { id: rng.hex(32), name: `${who.cf.split("@")[0]}-wrangler` } });
    } else {
      const setting = rng.pick(["always_use_https", "min_tls_version", "browser_cache_ttl", "brotli"]);
      const [o, n] = setting === "min_tls_version" ? ["1.0", "1.2"] : setting === "browser_cache_ttl" ? ["14400", "28800"] : ["off", "on"];
      cf.v2entry({ t, who, ip: opts.ip, description: "Update zone setting", type: "update", product: "zone_settings", resType: "setting", resId: setting, method: "PATCH", uri: `/zones/${zone.id}/settings/${setting}`, request: { value: n }, response: { id: setting, value: n, editable: true, modified_on: new Date(t).toISOString() }, zone });
      if (rng.chance(0.5)) cf.entry({ t: t + 400, who, ip: opts.ip, iface: "UI", type: "change_setting", resType: "zone", resId: zone.id, metadata: { name: setting, type: "zone", value: n, zone_name: zone.name }, newValue: n, oldValue: o });
    }
  }
}
