// The lookalike-edge world: three fictitious edge/platform organisations (one Cloudflare account + one Datadog org
// each), their people, API tokens and CI runners, an incident-building context (`Ctx`) that writes records through
// the builders. The routine background activity every incident carries as noise is in ./routine.ts.
import { cfV1, cfV2, ddEvent, hashSeed, makeRng, MIN, type CfV2Actor, type DdUser, type Rng } from "./builders.ts";

export interface Zone {
  id: string;
  name: string;
}

export interface Person {
  key: string;
  name: string;
  cf: string; // email as Cloudflare stores it
  dd?: string; // email as Datadog stores it (SSO/JIT provisioning may keep the IdP's capitals); absent: no Datadog user
  cfId: string;
  ddUuid: string;
  ip: string; // usual address
  ua: string; // usual browser
  keyUuid: string; // what Datadog shows as usr.email on this person's API-key-authenticated events
}

export interface Token {
  id: string;
  name: string;
  owner: Person;
  ip: string;
  ua: string;
}

export interface Org {
  key: string;
  account: { id: string; name: string };
  zones: Zone[];
  ddOrg: string;
  ddSite: string;
  ddHost: string;
  keyAuth: string; // Datadog key-auth spelling of this org
  people: Record<string, Person>;
  tokens: Record<string, Token>;
  dnsNames: string[];
  workers: string[];
  pages: string[];
  dashboards: Array<[string, string]>;
  monitors: Array<[string, string]>;
}

const idRng = (s: string): Rng => makeRng(hashSeed(s));

const UA = {
  macChrome: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36",
  winEdge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 Edg/139.0.0.0",
  linuxFirefox: "Mozilla/5.0 (X11; Linux x86_64; rv:142.0) Gecko/20100101 Firefox/142.0",
  macSafari: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
  winFirefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:142.0) Gecko/20100101 Firefox/142.0",
  terraform: "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-cloudflare/4.45.0",
  wrangler: "wrangler/3.90.0",
  curl: "curl/8.5.0",
  cfgo: "cloudflare-go/v0.104.0",
  pythonReq: "python-requests/2.32.3",
  ddTerraform: "terraform-provider-datadog/3.46.0 (go go1.22.7; Terraform 1.9.8)",
  datadogCi: "datadog-ci/2.44.0",
} as const;
export { UA };

function person(org: string, key: string, name: string, cf: string, ip: string, ua: string, dd?: string): Person {
  const r = idRng(`${org}/${cf}`);
  return { key, name, cf, dd, cfId: r.hex(32), ddUuid: `${r.hex(8)}-${r.hex(4)}-11ee-${r.hex(4)}-da7ad0900002`, ip, ua, keyUuid: r.uuid() };
}

function token(org: string, name: string, owner: Person, ip: string, ua: string): Token {
  return { id: idRng(`${org}/token/${name}`).hex(32), name, owner, ip, ua };
}

function zone(name: string): Zone {
  return { id: idRng(`zone/${name}`).hex(32), name };
}

function mkOrg(key: string, name: string, zones: string[], ddSite: string, ddHost: string, keyAuth: string, people: Person[], rest: Omit<Org, "key" | "account" | "zones" | "ddOrg" | "ddSite" | "ddHost" | "keyAuth" | "people" | "tokens">): Org {
  const r = idRng(`org/${key}`);
  return {
    key,
    account: { id: r.hex(32), name },
    zones: zones.map(zone),
    ddOrg: `${r.hex(8)}-${r.hex(4)}-11ea-${r.hex(4)}-${r.hex(12)}`,
    ddSite,
    ddHost,
    keyAuth,
    people: Object.fromEntries(people.map((p) => [p.key, p])),
    tokens: {},
    ...rest,
  };
}

// ---- the three organisations --------------------------------------------------------------------------------

function kestrel(): Org {
  const k = "kestrel";
  const P = (key: string, name: string, cf: string, ip: string, ua: string, dd?: string) => person(k, key, name, cf, ip, ua, dd);
  const o = mkOrg(k, "Kestrel Pay", ["kestrelpay.com", "kestrelpay-staging.com", "kestrel.dev"], "datadoghq.eu", "app.datadoghq.eu", "API_AND_APP_KEY", [
    P("dmitri", "Dmitri Volkov", "dmitri.volkov@kestrelpay.com", "203.0.113.41", UA.macChrome, "dmitri.volkov@kestrelpay.com"),
    P("sofia", "Sofia Marin", "sofia.marin@kestrelpay.com", "203.0.113.18", UA.macSafari, "Sofia.Marin@kestrelpay.com"),
    P("haruto", "Haruto Sato", "haruto.sato@kestrelpay.com", "198.51.100.131", UA.linuxFirefox, "haruto.sato@kestrelpay.com"),
    P("tomas", "Tomas Reyes", "tomas.reyes@kestrelpay.com", "203.0.113.77", UA.winEdge, "tomas.reyes@kestrelpay.com"),
    P("liwei", "Li Wei", "li.wei@kestrelpay.com", "198.51.100.58", UA.macChrome, "li.wei@kestrelpay.com"),
    P("marta", "Marta Silva", "marta.silva@kestrelpay.com", "203.0.113.90", UA.winFirefox, "Marta.Silva@kestrelpay.com"),
    P("priya", "Priya Natarajan", "priya.natarajan@kestrelpay.com", "203.0.113.12", UA.macChrome, "Priya.Natarajan@kestrelpay.com"),
    P("george", "George Mills", "george.mills@kestrelpay.com", "203.0.113.15", UA.winEdge, "george.mills@kestrelpay.com"),
    P("hannah", "Hannah Kim", "hannah.kim@kestrelpay.com", "198.51.100.22", UA.macSafari, "Hannah.Kim@kestrelpay.com"),
    P("olga", "Olga Petrova", "olga.petrova@kestrelpay.com", "203.0.113.33", UA.winEdge),
    P("ben", "Ben Carter", "ben.carter@kestrelpay.com", "198.51.100.84", UA.macChrome, "ben.carter@kestrelpay.com"),
    P("ines", "Ines Duarte", "ines.duarte@kestrelpay.com", "198.51.100.97", UA.linuxFirefox, "Ines.Duarte@kestrelpay.com"),
    P("cibot", "CI automation", "ci-edge@kestrelpay.com", "192.0.2.10", UA.terraform, "ci-edge@kestrelpay.com"),
  ], {
    dnsNames: ["api", "app", "checkout", "docs", "status", "hooks", "merchant", "sandbox-api", "assets", "id"],
    workers: ["edge-router", "merchant-auth", "rate-guard", "docs-proxy"],
    pages: ["kp-docs", "kp-marketing", "merchant-portal"],
    dashboards: [["abc-d7k-9xe", "Edge overview"], ["k2p-zz1-0ab", "Payments API latency"], ["m3x-4rt-qq9", "WAF events (Cloudflare)"], ["p0o-88a-7tt", "On-call home"]],
    monitors: [["40211876", "[prod] payments API 5xx rate"], ["40211901", "[prod] checkout p99 latency"], ["40212033", "[edge] WAF block rate anomaly"], ["40212118", "[prod] synthetic: api.kestrelpay.com/healthz"]],
  });
  o.tokens["tf"] = token(k, "terraform-edge-prod", o.people["cibot"]!, "192.0.2.10", UA.terraform);
  o.tokens["pages"] = token(k, "gha-pages-deploy", o.people["cibot"]!, "192.0.2.11", UA.wrangler);
  return o;
}

function lumen(): Org {
  const k = "lumen";
  const P = (key: string, name: string, cf: string, ip: string, ua: string, dd?: string) => person(k, key, name, cf, ip, ua, dd);
  const o = mkOrg(k, "Lumen Haus Media", ["lumenhaus.tv", "lumen-cdn.net"], "datadoghq.com", "app.datadoghq.com", "API + App Key", [
    P("marek", "Marek Novak", "marek.novak@lumenhaus.tv", "198.51.100.140", UA.linuxFirefox, "marek.novak@lumenhaus.tv"),
    P("joanna", "Joanna Berg", "joanna.berg@lumenhaus.tv", "203.0.113.150", UA.macChrome, "joanna.berg@lumenhaus.tv"),
    P("nadia", "Nadia Rahman", "nadia.rahman@lumenhaus.tv", "203.0.113.151", UA.macSafari, "nadia.rahman@lumenhaus.tv"),
    P("oskar", "Oskar Lind", "oskar.lind@lumenhaus.tv", "198.51.100.171", UA.macChrome, "oskar.lind@lumenhaus.tv"),
    P("grace", "Grace Okafor", "grace.okafor@lumenhaus.tv", "203.0.113.152", UA.winEdge, "grace.okafor@lumenhaus.tv"),
    P("felix", "Felix Braun", "felix.braun@lumenhaus.tv", "198.51.100.176", UA.linuxFirefox, "felix.braun@lumenhaus.tv"),
    P("zoe", "Zoe Lambert", "zoe.lambert@lumenhaus.tv", "203.0.113.158", UA.macChrome, "zoe.lambert@lumenhaus.tv"),
    P("tomasz", "Tomasz Wojcik", "tomasz.wojcik@lumenhaus.tv", "203.0.113.160", UA.winFirefox, "Tomasz.Wojcik@lumenhaus.tv"),
    P("auto", "Edge automation", "edge-automation@lumenhaus.tv", "192.0.2.40", UA.terraform, "edge-automation@lumenhaus.tv"),
  ], {
    dnsNames: ["www", "api", "play", "cdn", "img", "live", "partners", "press", "ingest", "auth"],
    workers: ["player-config", "geo-gate", "thumb-resizer", "token-signer"],
    pages: ["lumen-web", "press-site", "partner-docs"],
    dashboards: [["lhx-11a-9k2", "Streaming QoE"], ["lhx-4c0-77b", "Edge cache hit ratio"], ["lhx-90d-1ee", "R2 egress & storage"], ["lhx-2bb-5e1", "SRE on-call"]],
    monitors: [["71830045", "[prod] player-config 5xx"], ["71830102", "[edge] cache hit ratio below 80%"], ["71830177", "[prod] live ingest lag"], ["71830240", "[synthetics] www.lumenhaus.tv"]],
  });
  o.tokens["ci"] = token(k, "ci-deploy-2026w36", o.people["auto"]!, "192.0.2.40", UA.wrangler);
  o.tokens["dns"] = token(k, "gitlab-runner-dns", o.people["auto"]!, "192.0.2.44", UA.cfgo);
  return o;
}

function orchard(): Org {
  const k = "orchard";
  const P = (key: string, name: string, cf: string, ip: string, ua: string, dd?: string) => person(k, key, name, cf, ip, ua, dd);
  const o = mkOrg(k, "Orchardly", ["orchardly.shop", "orchardly-internal.net"], "us5.datadoghq.com", "us5.datadoghq.com", "API + App Key", [
    P("lena", "Lena Hoffmann", "lena.hoffmann@orchardly.shop", "203.0.113.201", UA.macChrome, "Lena.Hoffmann@orchardly.shop"),
    P("ravi", "Ravi Kumar", "ravi.kumar@orchardly.shop", "198.51.100.211", UA.linuxFirefox, "Ravi.Kumar@orchardly.shop"),
    P("jonas", "Jonas Weber", "jonas.weber@orchardly.shop", "203.0.113.205", UA.macSafari, "jonas.weber@orchardly.shop"),
    P("ana", "Ana Ferreira", "ana.ferreira@orchardly.shop", "198.51.100.219", UA.winEdge, "Ana.Ferreira@orchardly.shop"),
    P("kai", "Kai Nakamura", "kai.nakamura@orchardly.shop", "203.0.113.209", UA.macChrome, "kai.nakamura@orchardly.shop"),
    P("amelia", "Amelia Ross", "amelia.ross@orchardly.shop", "198.51.100.230", UA.macSafari, "amelia.ross@orchardly.shop"),
    P("cibot", "CI bot", "ci-bot@orchardly.shop", "192.0.2.70", UA.terraform, "ci-bot@orchardly.shop"),
  ], {
    dnsNames: ["www", "api", "checkout", "img", "search", "partners", "admin", "m", "tracking", "help"],
    workers: ["checkout-edge", "admin-api", "search-edge", "img-resize"],
    pages: ["orchardly-storefront", "orchardly-help"],
    dashboards: [["orc-1aa-0c1", "Checkout funnel"], ["orc-55b-k1e", "Edge & origin health"], ["orc-9z1-3mm", "Cloudflare logs ingest"], ["orc-t7y-220", "Log usage & cost"]],
    monitors: [["91004412", "[prod] checkout availability"], ["91004455", "[edge] origin pool health"], ["91004501", "[logs] Cloudflare logs missing"], ["91004577", "[prod] admin-api error rate"]],
  });
  o.tokens["gha"] = token(k, "gha-workers-deploy", o.people["cibot"]!, "192.0.2.70", UA.wrangler);
  o.tokens["tf"] = token(k, "terraform-observability", o.people["cibot"]!, "192.0.2.71", UA.terraform);
  o.tokens["tfedge"] = token(k, "terraform-edge", o.people["cibot"]!, "192.0.2.72", UA.terraform);
  return o;
}

export const ORGS = { kestrel: kestrel(), lumen: lumen(), orchard: orchard() };
export type OrgKey = keyof typeof ORGS;

// ---- the incident-building context --------------------------------------------------------------------------

/** How an action reached Cloudflare: a dashboard session, a user's API token, or the legacy global API key. */
export interface Via {
  kind: "dash" | "api_token" | "api_key";
  p: Person;
  ip: string;
  ua: string;
  token?: Token;
}

export interface Cf2Opts {
  type: "create" | "update" | "delete";
  desc: string;
  method: string;
  uri: string;
  product: string;
  rtype: string;
  rid: string;
  req?: unknown;
  res?: unknown;
  zone?: Zone;
  status?: number;
  result?: "success" | "failure";
  scope?: string;
}

export interface DdOpts {
  ip?: string;
  ua?: string;
  ti?: unknown;
  key?: boolean; // API-key authenticated (usr.email is a UUID)
  serviceAccount?: boolean;
}

export class Ctx {
  readonly r: Rng;
  readonly v1: Array<Record<string, unknown>> = [];
  readonly v2: Array<Record<string, unknown>> = [];
  readonly dd: Array<Record<string, unknown>> = [];
  constructor(
    readonly id: string,
    readonly org: Org,
  ) {
    this.r = makeRng(hashSeed(id));
  }

  p(key: string): Person {
    const p = this.org.people[key];
    if (!p) throw new Error(`${this.id}: no person ${key} in ${this.org.key}`);
    return p;
  }
  z(i = 0): Zone {
    return this.org.zones[i]!;
  }
  dash(p: Person, ip = p.ip, ua = p.ua): Via {
    return { kind: "dash", p, ip, ua };
  }
  tok(t: Token, ip = t.ip, ua = t.ua): Via {
    return { kind: "api_token", p: t.owner, ip, ua, token: t };
  }
  key(p: Person, ip: string, ua: string = UA.curl): Via {
    return { kind: "api_key", p, ip, ua };
  }

  private v2actor(v: Via): CfV2Actor {
    const a: CfV2Actor = { id: v.p.cfId, context: v.kind, email: v.p.cf, ip: v.ip, type: "user" };
    if (v.token) {
      a.token_id = v.token.id;
      a.token_name = v.token.name;
    }
    return a;
  }

  /** A Cloudflare v2 entry; returns its id. */
  cf2(v: Via, t: number, o: Cf2Opts): string {
    const e = cfV2(this.r, {
      at: t,
      account: this.org.account,
      type: o.type,
      description: o.desc,
      actor: this.v2actor(v),
      method: o.method,
      uri: o.uri,
      status: o.status,
      ua: v.ua,
      product: o.product,
      rtype: o.rtype,
      rid: o.rid,
      request: o.req,
      response: o.res,
      scope: o.scope ?? (o.zone ? "zones" : "accounts"),
      zone: o.zone,
      result: o.result,
    });
    this.v2.push(e);
    return e["id"] as string;
  }

  /** A Cloudflare v1 entry; returns its id. */
  cf1(v: Via, t: number, o: { type: string; metadata?: Record<string, unknown>; resource: { id: string; type: string }; owner?: string; newJson?: unknown; oldJson?: unknown; newValue?: string; oldValue?: string; info?: string; wholeSeconds?: boolean }): string {
    const e = cfV1(this.r, {
      at: t,
      type: o.type,
      actor: { email: v.p.cf, id: v.p.cfId, ip: v.ip, type: "user" },
      iface: v.kind === "dash" ? this.r.pick(["UI", "UI", ""]) : this.r.pick(["API", "API", ""]),
      metadata: o.metadata,
      newValue: o.newValue,
      oldValue: o.oldValue,
      newJson: o.newJson,
      oldJson: o.oldJson,
      owner: o.owner ?? this.org.account.id,
      resource: o.resource,
      info: o.info,
      wholeSeconds: o.wholeSeconds,
    });
    this.v1.push(e);
    return e["id"] as string;
  }

  /** Dashboard sign-in (v1 `login`). */
  login(p: Person, t: number, ip = p.ip): string {
    return this.cf1(this.dash(p, ip), t, { type: "login", resource: { id: p.cfId, type: "account" }, owner: p.cfId, wholeSeconds: true });
  }

  private usr(p: Person, key: boolean): DdUser {
    const email = p.dd ?? p.cf;
    return key ? { id: email, email: p.keyUuid, uuid: p.ddUuid } : { id: email, email, uuid: p.ddUuid };
  }

  /** A Datadog Request event (an API call seen by Audit Trail); returns its id. */
  ddReq(p: Person, t: number, method: string, path: string, status: string, o: DdOpts = {}): string {
    const usr = this.usr(p, !!o.key);
    const e = ddEvent(this.r, {
      at: t,
      org: this.org.ddOrg,
      usr,
      actorType: o.key ? (o.serviceAccount ? "SERVICE_ACCOUNT" : "Other") : "USER",
      evtName: "Request",
      action: "accessed",
      auth: o.key ? this.org.keyAuth : "SESSION",
      message: `${method} request made to ${path} by ${o.key ? usr.id : usr.email} with response ${status}`,
      http: { method, path, status, host: this.org.ddHost, ua: o.ua ?? p.ua },
      ip: o.ip ?? p.ip,
      threatIntel: o.ti,
    });
    this.dd.push(e);
    return e["id"] as string;
  }

  /** A Datadog product event; returns its id. */
  ddEvt(p: Person, t: number, evtName: string, action: string, asset: { type: string; id: string; name?: string; prev_value?: unknown; new_value?: unknown }, message: string, o: DdOpts = {}): string {
    const usr = this.usr(p, !!o.key);
    const e = ddEvent(this.r, {
      at: t,
      org: this.org.ddOrg,
      usr,
      actorType: o.key ? (o.serviceAccount ? "SERVICE_ACCOUNT" : "Other") : "USER",
      evtName,
      action,
      auth: o.key ? this.org.keyAuth : "SESSION",
      message,
      asset,
    });
    this.dd.push(e);
    return e["id"] as string;
  }

  ddLogin(p: Person, t: number, o: DdOpts = {}): string {
    this.ddReq(p, t - 900, "POST", "/account/login", "302", o);
    return this.ddEvt(p, t, "Authentication", "login", { type: "user", id: p.ddUuid, name: p.dd ?? p.cf }, `${p.dd ?? p.cf} logged in`, o);
  }

  /** A short Datadog UI session: dashboards and monitors looked at. */
  ddBrowse(p: Person, t: number, n: number, o: DdOpts = {}): number {
    let c = t;
    for (let i = 0; i < n; i++) {
      const r = this.r.next();
      if (r < 0.45) {
        const [id, name] = this.r.pick(this.org.dashboards);
        this.ddReq(p, c, "GET", `/api/v1/dashboard/${id}`, "200", o);
        if (this.r.chance(0.6)) this.ddEvt(p, c - 40, "Dashboard", "accessed", { type: "dashboard", id, name }, `${p.dd ?? p.cf} accessed dashboard "${name}"`, o);
        this.ddReq(p, c + 700, "POST", "/api/v2/query/timeseries", "200", o);
      } else if (r < 0.75) {
        const [id] = this.r.pick(this.org.monitors);
        this.ddReq(p, c, "GET", `/api/v1/monitor/${id}`, "200", o);
      } else if (r < 0.9) {
        this.ddReq(p, c, "POST", "/api/v2/logs/events/search", "200", o);
      } else {
        this.ddReq(p, c, "GET", "/api/v1/monitor/search", "200", o);
      }
      c += this.r.int(20, 240) * 1000;
    }
    return c;
  }

  sorted(): { v1: unknown[]; v2: unknown[]; dd: unknown[] } {
    const t1 = (e: Record<string, unknown>) => Date.parse(e["when"] as string);
    const t2 = (e: Record<string, unknown>) => Date.parse((e["action"] as { time: string }).time);
    const t3 = (e: Record<string, unknown>) => Date.parse((e["attributes"] as { timestamp: string }).timestamp);
    const by = (f: (e: Record<string, unknown>) => number) => (a: Record<string, unknown>, b: Record<string, unknown>) => f(b) - f(a);
    return { v1: [...this.v1].sort(by(t1)), v2: [...this.v2].sort(by(t2)), dd: [...this.dd].sort(by(t3)) };
  }
}

export const MINUTE = MIN;
