// The lookalike-edge world: three fictitious edge/platform organisations (one Cloudflare account + one Datadog org
// each), their people, API tokens and CI runners, an incident-building context (`Ctx`) that writes records through
// the builders, and the routine background activity (the org's other people and automation, the actor's own
// earlier work) that every incident carries as noise.
import { cfV1, cfV2, ddEvent, DAY, hashSeed, HOUR, makeRng, MIN, type CfV2Actor, type DdUser, type Rng } from "./builders.ts";

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

// ---- routine activity ---------------------------------------------------------------------------------------

/** One routine piece of work; every generator writes one to a handful of records. */
export type Routine = (c: Ctx, v: Via, t: number) => void;

export const ROUTINE: Record<string, Routine> = {
  dns: (c, v, t) => {
    const z = c.r.chance(0.8) ? c.z(0) : c.z(1);
    const name = `${c.r.pick(c.org.dnsNames)}.${z.name}`;
    const rid = c.r.hex(32);
    const before = { type: "CNAME", name, content: `${c.r.pick(["origin-a", "origin-b", "lb"])}.${z.name}`, proxied: true, ttl: 1 };
    const after = { ...before, content: `${c.r.pick(["origin-c", "origin-d", "lb2"])}.${z.name}`, comment: c.r.chance(0.4) ? `change ${c.r.int(1000, 9999)}` : undefined };
    c.cf2(v, t, { type: "update", desc: "Update DNS record", method: "PATCH", uri: `/zones/${z.id}/dns_records/${rid}`, product: "dns_records", rtype: "dns.record", rid, req: { content: after.content, comment: after.comment }, res: { ...after, id: rid }, zone: z });
    if (c.r.chance(0.5)) {
      c.cf1(v, t + 300, { type: "rec_del", metadata: { zone_name: z.name }, resource: { id: String(c.r.int(1e10, 4e10)), type: "DNS_record" }, oldJson: { ...before, id: rid, zone_id: z.id, zone_name: z.name } });
      c.cf1(v, t + 500, { type: "rec_add", metadata: { zone_name: z.name }, resource: { id: String(c.r.int(1e10, 4e10)), type: "DNS_record" }, newJson: { ...after, id: rid, zone_id: z.id, zone_name: z.name } });
    }
  },
  purge: (c, v, t) => {
    const z = c.z(0);
    const files = [`https://${c.r.pick(c.org.dnsNames)}.${z.name}/${c.r.pick(["app.js", "index.html", "config.json", "styles.css"])}`];
    c.cf2(v, t, { type: "create", desc: "Purge cache", method: "POST", uri: `/zones/${z.id}/purge_cache`, product: "cache", rtype: "cache.purge", rid: z.id, req: { files }, res: { id: z.id }, zone: z });
    c.cf1(v, t + 200, { type: "purge", metadata: { zone_name: z.name }, resource: { id: z.id, type: "zone" } });
  },
  pages: (c, v, t) => {
    const proj = c.r.pick(c.org.pages);
    const dep = c.r.uuid();
    c.cf2(v, t, { type: "create", desc: "Create Pages deployment", method: "POST", uri: `/accounts/${c.org.account.id}/pages/projects/${proj}/deployments`, product: "pages", rtype: "pages.deployment", rid: dep, req: { branch: c.r.pick(["main", "main", `feat/${c.r.hex(5)}`]) }, res: { id: dep, project_name: proj, environment: "production", deployment_trigger: { type: "ad_hoc", metadata: { commit_hash: c.r.hex(40) } } } });
  },
  worker: (c, v, t) => {
    const w = c.r.pick(c.org.workers);
    c.cf2(v, t, { type: "update", desc: "Upload Worker script", method: "PUT", uri: `/accounts/${c.org.account.id}/workers/scripts/${w}`, product: "workers", rtype: "workers.script", rid: w, req: { metadata: { main_module: "index.js", compatibility_date: "2026-06-01", tags: [`release:${c.r.hex(7)}`] } }, res: { id: w, etag: c.r.hex(64), modified_on: new Date(t).toISOString() } });
  },
  waf: (c, v, t) => {
    const z = c.z(0);
    const rs = c.r.hex(32);
    const rule = c.r.hex(32);
    const thr = c.r.pick([40, 50, 60, 80]);
    c.cf2(v, t, { type: "update", desc: "Update ruleset rule", method: "PATCH", uri: `/zones/${z.id}/rulesets/${rs}/rules/${rule}`, product: "rulesets", rtype: "rulesets.rule", rid: rule, req: { description: "rate limit search", action: "block", expression: `(http.request.uri.path eq "/search")`, ratelimit: { requests_per_period: thr, period: 10 } }, res: { id: rule, version: String(c.r.int(3, 40)) }, zone: z });
  },
  access: (c, v, t) => {
    const app = c.r.uuid();
    c.cf2(v, t, { type: "update", desc: "Update Access application", method: "PUT", uri: `/accounts/${c.org.account.id}/access/apps/${app}`, product: "access", rtype: "access.application", rid: app, req: { session_duration: c.r.pick(["8h", "12h", "24h"]), app_launcher_visible: true }, res: { id: app, name: `${c.r.pick(c.org.dnsNames)} (internal)` } });
  },
  gateway: (c, v, t) => {
    const rule = c.r.uuid();
    c.cf2(v, t, { type: "update", desc: "Update Gateway rule", method: "PUT", uri: `/accounts/${c.org.account.id}/gateway/rules/${rule}`, product: "gateway", rtype: "gateway.rule", rid: rule, req: { name: c.r.pick(["Block newly seen domains", "Block security threats", "Allow SaaS allowlist"]), action: c.r.pick(["block", "allow"]), enabled: true, traffic: `any(dns.domains[*] in $${c.r.hex(8)})` }, res: { id: rule } });
  },
  apishield: (c, v, t) => {
    const z = c.z(0);
    const sid = c.r.uuid();
    c.cf2(v, t, { type: "create", desc: "Upload API Shield schema", method: "POST", uri: `/zones/${z.id}/api_gateway/user_schemas`, product: "api_shield", rtype: "api_gateway.user_schema", rid: sid, req: { name: `openapi-${c.r.int(100, 300)}.yaml`, kind: "openapi_v3", validation_enabled: c.r.chance(0.5) }, res: { schema_id: sid }, zone: z });
  },
  ssl: (c, v, t) => {
    const z = c.z(c.r.chance(0.7) ? 0 : 1);
    c.cf2(v, t, { type: "update", desc: "Update zone setting", method: "PATCH", uri: `/zones/${z.id}/settings/min_tls_version`, product: "ssl", rtype: "zone.setting", rid: "min_tls_version", req: { value: "1.2" }, res: { id: "min_tls_version", value: "1.2", editable: true }, zone: z });
  },
  ddBrowse: (c, v, t) => {
    if (v.p.dd) c.ddBrowse(v.p, t, c.r.int(2, 6), { ip: v.ip });
  },
  ddMonitor: (c, v, t) => {
    if (!v.p.dd) return;
    const [id, name] = c.r.pick(c.org.monitors);
    const thr = c.r.pick([2, 5, 10]);
    const prev = { id: Number(id), name, type: "query alert", options: { thresholds: { critical: thr }, notify_no_data: false } };
    const next = { ...prev, options: { thresholds: { critical: thr * 2 }, notify_no_data: false } };
    c.ddReq(v.p, t - 500, "PUT", `/api/v1/monitor/${id}`, "200", { ip: v.ip });
    c.ddEvt(v.p, t, "Monitor", "modified", { type: "monitor", id, name, prev_value: prev, new_value: next }, `${v.p.dd} modified monitor "${name}"`);
  },
  ddLogin: (c, v, t) => {
    if (v.p.dd) c.ddLogin(v.p, t, { ip: v.ip });
  },
  cfLogin: (c, v, t) => {
    if (v.kind === "dash") c.login(v.p, t, v.ip);
  },
};

/** A random moment in [start, end] whose UTC hour lies in [h0, h1) (h1 may exceed 24 to wrap past midnight). */
export function inHours(c: Ctx, start: number, end: number, [h0, h1]: [number, number]): number {
  for (let i = 0; i < 40; i++) {
    const day = Math.floor((start + c.r.next() * (end - start)) / DAY) * DAY;
    const t = day + h0 * HOUR + Math.floor(c.r.next() * (h1 - h0) * HOUR);
    if (t >= start && t <= end) return t;
  }
  return start + Math.floor(c.r.next() * (end - start));
}

/**
 * Background of one incident: `n` routine pieces of work by the org's other people and automation, spread over
 * [start, end]. Activity that belongs to `exclude` (the incident's actor) is not generated here.
 */
export function background(c: Ctx, start: number, end: number, n: number, exclude: string[]): void {
  const people = Object.values(c.org.people).filter((p) => !exclude.includes(p.key));
  const tokens = Object.values(c.org.tokens).filter((t) => !exclude.includes(t.owner.key) && !exclude.includes(`token:${t.name}`));
  const humanKinds = ["dns", "purge", "waf", "access", "gateway", "apishield", "ssl", "ddBrowse", "ddBrowse", "ddBrowse", "ddMonitor", "ddLogin", "cfLogin"];
  const tokenKinds = ["pages", "worker", "dns", "purge"];
  for (let i = 0; i < n; i++) {
    const t = c.r.chance(0.85) ? inHours(c, start, end, [6, 20]) : start + Math.floor(c.r.next() * (end - start));
    if (tokens.length && c.r.chance(0.25)) {
      const tk = c.r.pick(tokens);
      ROUTINE[c.r.pick(tokenKinds)]!(c, c.tok(tk), t);
    } else if (people.length) {
      const p = c.r.pick(people);
      ROUTINE[c.r.pick(humanKinds)]!(c, c.dash(p), t);
    }
  }
}

/** The actor's own earlier routine: `n` pieces of the given kinds over [start, end], through `v`. */
export function routine(c: Ctx, v: Via, start: number, end: number, n: number, kinds: string[], hours: [number, number] = [7, 18]): void {
  const recent = Math.ceil(n * 0.3); // a share of it in the last day before `end`: the actor's own day so far
  for (let i = 0; i < n; i++) {
    const t = i < recent ? inHours(c, Math.max(start, end - 20 * HOUR), end, hours) : inHours(c, start, end, hours);
    const k = c.r.pick(kinds);
    const fn = ROUTINE[k];
    if (!fn) throw new Error(`unknown routine kind ${k}`);
    fn(c, v, t);
  }
}

export const MINUTE = MIN;
