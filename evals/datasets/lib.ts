// Building blocks for the labelled dev corpus: the scenario builder that draws from a seeded source and writes
// vendor-shaped events (Cloudflare v1 / v2 audit log entries, Datadog Audit Trail search events, with the shared
// ../vendor builders) and a noise generator; its vocabulary is in ./vocabulary.ts.
// Everything is deterministic: the same scenario code always yields the same bytes.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Incident } from "../../domain/incident.ts";
import { cfMicro, cfRayId, cfSeconds, cfV1Entry, cfV2Entry } from "./vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddHttp, ddInnerTime, ddRequestMessage } from "./vendor/datadog.ts";
import { B64_UNDERSCORE_FIRST as B64, DIGITS, IdRegistry, Rng } from "./vendor/rng.ts";
import type { Actor, CfExtra, CfOpts, CfRow, DdOpts, Label, Rec } from "./vocabulary.ts";

// ---------------------------------------------------------------- seeded randomness
/** Ids must be unique across the whole corpus; the generator fails loudly on a repeat. */
const usedIds = new IdRegistry();
export function resetIds(): void {
  usedIds.clear();
}
const unique = (id: string): string => usedIds.strict(id);

export { UA } from "./vocabulary.ts";
export type { Actor, CfOpts, DdOpts, Label, Rec } from "./vocabulary.ts";

const MIN = 60_000;

// ---------------------------------------------------------------- the scenario builder
export class Scenario {
  readonly rng: Rng;
  readonly T: number;
  readonly nowMs: number;
  /** What makes the incident hard; goes to the README table. */
  hard = "";
  v2 = false;
  faults: Record<string, string> | undefined;
  cfAccount: { id: string; name: string } | undefined;
  ddOrg: string | undefined;
  ddSite = "datadoghq.com";
  private cfRows: CfRow[] = [];
  private ddRows: { ts: number; obj: Record<string, unknown> }[] = [];
  private zones = new Map<string, string>();
  private anomaly: Record<string, unknown> | undefined;
  private label: Label | undefined;
  private actorsById = new Map<string, { actor: Actor; source: "cloudflare" | "datadog"; when: string; action: string }>();

  constructor(
    readonly id: string,
    readonly title: string,
    anomalyAt: string,
    nowAfterMin: number,
    o: { cf?: string | false; dd?: string | false; site?: string } = {},
  ) {
    this.rng = Rng.fromText(`casefile-dev/${id}`);
    this.T = Date.parse(anomalyAt);
    this.nowMs = this.T + nowAfterMin * MIN;
    if (o.cf !== false) this.cfAccount = { id: this.rng.hex(32), name: o.cf ?? "Example Corp" };
    if (o.dd !== false) this.ddOrg = this.rng.uuid();
    if (o.site) this.ddSite = o.site;
  }

  /** Minutes of the 24 h window before the anomaly (window starts at now - 24 h). */
  get windowStartMin(): number {
    return (this.nowMs - 24 * 60 * MIN - this.T) / MIN;
  }

  person(email: string, ip: string, ua: string, o: { ddType?: string; ddAuth?: string; keyUuid?: boolean } = {}): Actor {
    const ddUuid = this.rng.uuid();
    return {
      email,
      cfId: this.rng.hex(32),
      ddUuid,
      ddEmail: o.keyUuid ? ddUuid : email,
      ip,
      ua,
      ddType: o.ddType ?? "USER",
      ddAuth: o.ddAuth ?? "SESSION",
    };
  }

  zoneId(name: string): string {
    let id = this.zones.get(name);
    if (!id) {
      id = this.rng.hex(32);
      this.zones.set(name, id);
    }
    return id;
  }

  private at(min: number, exact = false): number {
    const ms = Math.round(min * 60) * 1000;
    return this.T + ms + (exact ? 0 : this.rng.int(0, 999));
  }

  // ------------------------------------------------------------ Cloudflare
  private cfWhen(ts: number, micro: boolean): string {
    return micro ? cfMicro(ts, this.rng.chars(DIGITS, 3)) : cfSeconds(ts);
  }

  cfRaw(
    a: Actor | "system",
    min: number,
    type: string,
    body: {
      resource: { id: string; type: string };
      owner: "account" | "user";
      metadata?: Record<string, unknown>;
      newValue?: string;
      oldValue?: string;
      newValueJson?: unknown;
      oldValueJson?: unknown;
    },
    extra: Omit<CfExtra, "ua" | "context"> & { context?: string },
    o: CfOpts = {},
  ): string {
    if (!this.cfAccount) throw new Error(`${this.id}: scenario has no Cloudflare account`);
    const ts = this.at(min, o.exact);
    const micro = o.micro ?? this.rng.next() < 0.45;
    const id = unique(this.rng.uuid());
    const actor = a === "system" ? { id: "1", type: "system" } : { email: a.email, id: a.cfId, ip: o.ip ?? a.ip, type: "user" };
    const owner = body.owner === "account" || a === "system" ? this.cfAccount.id : a.cfId;
    const iface = o.iface ?? (a === "system" ? "" : o.tokenName ? "API" : "UI");
    const entry = { ...body, id, type, result: o.result, info: o.info, actor, interface: iface, owner, when: this.cfWhen(ts, micro) };
    const v1 = cfV1Entry(entry, { json: "paired", infoFirst: true });
    const ua = a === "system" ? "" : o.ua ?? a.ua;
    this.cfRows.push({
      ts,
      v1,
      extra: { ...extra, ua, context: extra.context ?? (a === "system" ? "system" : o.tokenName ? "api_token" : "dash"), tokenName: o.tokenName },
    });
    if (a !== "system") this.actorsById.set(id, { actor: a, source: "cloudflare", when: v1.when as string, action: type });
    return id;
  }

  cfLogin(a: Actor, min: number, o: CfOpts = {}): string {
    return this.cfRaw(a, min, "login", { resource: { id: a.cfId, type: "account" }, owner: "user" },
      { product: "user", description: "Log in", vtype: "view", method: "POST", uri: "/login", rtype: "user" }, { iface: "", ...o });
  }

  cfToken(a: Actor, min: number, kind: "token_create" | "token_roll" | "token_revoke", tokenName: string, o: CfOpts & { tag?: string } = {}): string {
    const tag = o.tag ?? this.rng.hex(32);
    const metadata: Record<string, unknown> = { token_name: tokenName, token_tag: tag };
    if (kind === "token_revoke") Object.assign(metadata, { old_token_status: "active", new_token_status: "revoked" });
    if (kind === "token_roll") Object.assign(metadata, { old_token_hash: this.rng.hex(64), new_token_hash: this.rng.hex(64) });
    const desc = { token_create: "Create API Token", token_roll: "Roll API Token", token_revoke: "Delete API Token" }[kind];
    const vtype = kind === "token_create" ? "create" : kind === "token_roll" ? "update" : "delete";
    const method = kind === "token_create" ? "POST" : kind === "token_roll" ? "PUT" : "DELETE";
    const uri = kind === "token_create" ? "/user/tokens" : kind === "token_roll" ? `/user/tokens/${tag}/value` : `/user/tokens/${tag}`;
    return this.cfRaw(a, min, kind, { resource: { id: a.cfId, type: "account" }, owner: "user", metadata },
      { product: "api_tokens", description: desc, vtype, method, uri, rtype: "token", request: kind === "token_create" ? { name: tokenName } : {} }, { iface: "", ...o });
  }

  cfKey(a: Actor, min: number, kind: "API_key_view" | "API_key_created" | "rotate_API_key", o: CfOpts = {}): string {
    const info = kind === "rotate_API_key" ? `key digest: ${this.rng.hex(64)}` : undefined;
    const desc = { API_key_view: "View Global API Key", API_key_created: "Create Global API Key", rotate_API_key: "Roll Global API Key" }[kind];
    return this.cfRaw(a, min, kind, { resource: { id: a.cfId, type: kind === "rotate_API_key" ? "account" : "api_key" }, owner: "user" },
      { product: "api_keys", description: desc, vtype: kind === "API_key_view" ? "view" : kind === "API_key_created" ? "create" : "update",
        method: kind === "API_key_view" ? "GET" : "POST", uri: "/user/api_key", rtype: "api_key" }, { iface: "", info, ...o });
  }

  cfSetting(a: Actor, min: number, zone: string, name: string, oldV: string, newV: string, o: CfOpts & { settingType?: string } = {}): string {
    const zid = this.zoneId(zone);
    return this.cfRaw(a, min, "change_setting",
      { resource: { id: zid, type: "zone" }, owner: "account", metadata: { name, type: o.settingType ?? "firewall", value: newV, zone_name: zone }, newValue: newV, oldValue: oldV },
      { product: "zone_settings", description: `Update zone setting ${name}`, vtype: "update", method: "PATCH", uri: `/zones/${zid}/settings/${name}`, rtype: name, zone: { id: zid, name: zone }, request: { value: newV } }, o);
  }

  private recJson(zone: string, r: Rec): Record<string, unknown> {
    return { content: r.content, id: this.rng.hex(32), name: r.name, proxied: r.proxied ?? false, ttl: r.ttl ?? 1, type: r.type, zone_id: this.zoneId(zone), zone_name: zone };
  }

  cfRecAdd(a: Actor, min: number, zone: string, r: Rec, o: CfOpts = {}): string {
    const zid = this.zoneId(zone);
    return this.cfRaw(a, min, "rec_add",
      { resource: { id: this.rng.digits(11), type: "DNS_record" }, owner: "account", metadata: { zone_name: zone }, newValueJson: this.recJson(zone, r) },
      { product: "dns_records", description: "Create DNS Record", vtype: "create", method: "POST", uri: `/zones/${zid}/dns_records`, rtype: "dns_record", zone: { id: zid, name: zone }, request: { type: r.type, name: r.name, content: r.content, proxied: r.proxied ?? false } }, o);
  }

  cfRecDel(a: Actor, min: number, zone: string, r: Rec, o: CfOpts = {}): string {
    const zid = this.zoneId(zone);
    const rid = this.rng.digits(11);
    return this.cfRaw(a, min, "rec_del",
      { resource: { id: rid, type: "DNS_record" }, owner: "account", metadata: { zone_name: zone }, oldValueJson: this.recJson(zone, r) },
      { product: "dns_records", description: "Delete DNS Record", vtype: "delete", method: "DELETE", uri: `/zones/${zid}/dns_records/${rid}`, rtype: "dns_record", zone: { id: zid, name: zone } }, o);
  }

  cfPurge(a: Actor, min: number, zone: string, o: CfOpts = {}): string {
    const zid = this.zoneId(zone);
    return this.cfRaw(a, min, "purge", { resource: { id: zid, type: "zone" }, owner: "account", metadata: { zone_name: zone } },
      { product: "cache_purge", description: "Purge Cache", vtype: "create", method: "POST", uri: `/zones/${zid}/purge_cache`, rtype: "purge", zone: { id: zid, name: zone } }, o);
  }

  cfZoneDelete(a: Actor, min: number, zone: string, o: CfOpts = {}): string {
    const zid = this.zoneId(zone);
    return this.cfRaw(a, min, "delete", { resource: { id: zid, type: "zone" }, owner: "account", metadata: { zone_name: zone } },
      { product: "zones", description: "Delete Zone", vtype: "delete", method: "DELETE", uri: `/zones/${zid}`, rtype: "zone", zone: { id: zid, name: zone } }, o);
  }

  cfTls(min: number, zone: string): string {
    const zid = this.zoneId(zone);
    return this.cfRaw("system", min, "tls_settings_deployed",
      { resource: { id: zid, type: "zone" }, owner: "account", metadata: { zone_name: zone },
        newValueJson: { ciphers: "", http_2: "Enabled", min_tls_version: "TLSv1.2", quic: "Default", session_tickets: "Enabled", tls_13: "Default", zero_rtt: "Default" } },
      { product: "ssl", description: "Deploy TLS settings", vtype: "update", method: "PUT", uri: `/zones/${zid}/settings`, rtype: "tls_settings", zone: { id: zid, name: zone } }, { micro: true });
  }

  // ------------------------------------------------------------ Datadog
  private ddHost(a: Actor): string {
    const api = a.ddAuth !== "SESSION";
    const eu = this.ddSite === "datadoghq.eu";
    return api ? (eu ? "api.datadoghq.eu" : "api.datadoghq.com") : eu ? "app.datadoghq.eu" : "app.datadoghq.com";
  }

  private ddPush(a: Actor, ts: number, inner: Record<string, unknown>, message: string): string {
    if (!this.ddOrg) throw new Error(`${this.id}: scenario has no Datadog org`);
    const id = unique(ddEventId(this.rng.next, B64, [12, 30]));
    const iso = new Date(ts).toISOString();
    const obj = ddEnvelope({ attributes: inner, message, timestamp: iso, id });
    this.ddRows.push({ ts, obj });
    const evt = inner.evt as { name?: string } | undefined;
    const asset = inner.asset as { type?: string } | undefined;
    this.actorsById.set(id, { actor: a, source: "datadog", when: iso, action: `${evt?.name ?? ""}/${asset?.type ?? ""}/${String(inner.action ?? "")}` });
    return id;
  }

  private ddBase(a: Actor, ts: number, evtName: string | undefined, status = "info"): Record<string, unknown> {
    const timestamp = ddInnerTime(ts, this.rng.chars(DIGITS, 3));
    return ddHead({ status, timestamp, org: this.ddOrg ?? "", evtName, actorType: a.ddType, usr: { id: a.ddEmail, email: a.ddEmail, uuid: a.ddUuid } });
  }

  /** An API request as Datadog records it (evt.name Request). */
  ddReq(a: Actor, min: number, method: string, path: string, code = "200", o: DdOpts & { ts?: number } = {}): string {
    const ts = o.ts ?? this.at(min);
    const inner = this.ddBase(a, ts, "Request", o.status);
    inner.action = "accessed";
    inner.auth_method = a.ddAuth;
    inner.http = ddHttp({ status: code, path, host: o.host ?? this.ddHost(a), method, ua: o.ua ?? a.ua });
    inner.network = {
      bytes_read: method === "GET" ? 0 : this.rng.int(40, 900),
      client: { ip: o.ip ?? a.ip },
      bytes_written: o.bytesWritten ?? this.rng.int(180, 6000),
    };
    return this.ddPush(a, ts, inner, ddRequestMessage(method, path, a.ddEmail, code));
  }

  /** A product event (Access Management, Log Management...), by default preceded by its Request event. */
  dd(a: Actor, min: number, evtName: string, action: string, asset: { type: string; id: string; name: string } | null, o: DdOpts = {}): string {
    const ts = this.at(min);
    if (o.request !== false && o.path) {
      this.ddReq(a, min, o.method ?? "POST", o.path, o.code ?? (o.method === "DELETE" ? "204" : o.method === "POST" ? "201" : "200"), { ...o, ts: ts - this.rng.int(8, 40) });
    }
    const inner = this.ddBase(a, ts, evtName, o.status);
    inner.action = action;
    if (asset) {
      const as: Record<string, unknown> = { ...asset };
      if (o.prev !== undefined) as.prev_value = o.prev;
      if (o.next !== undefined) as.new_value = o.next;
      inner.asset = as;
    }
    inner.auth_method = a.ddAuth;
    if (o.metadata) inner.metadata = o.metadata;
    const msg = o.msg ?? `${a.ddEmail} ${action} ${asset ? `${asset.type.replace(/_/g, " ")} "${asset.name}"` : evtName}`;
    return this.ddPush(a, ts, inner, msg);
  }

  ddLogin(a: Actor, min: number, o: DdOpts & { method?: string } = {}): string {
    const ts = this.at(min);
    const inner = this.ddBase(a, ts, "Authentication", o.status);
    inner.action = "login";
    inner.auth_method = a.ddAuth;
    inner.http = { useragent: o.ua ?? a.ua };
    inner.network = { client: { ip: o.ip ?? a.ip } };
    if (o.metadata) inner.metadata = o.metadata;
    return this.ddPush(a, ts, inner, o.msg ?? `${a.ddEmail} logged in${o.metadata?.login_method ? ` with ${String(o.metadata.login_method)}` : ""}`);
  }

  ddApiKey(a: Actor, min: number, action: "created" | "deleted" | "accessed", name: string, o: DdOpts & { keyId?: string } = {}): string {
    const id = o.keyId ?? this.rng.uuid();
    const method = action === "created" ? "POST" : action === "deleted" ? "DELETE" : "GET";
    return this.dd(a, min, "Authentication", action, { type: "api_key", id, name }, {
      method, path: action === "created" ? "/api/v2/api_keys" : `/api/v2/api_keys/${id}`,
      msg: `${a.ddEmail} ${action} API key "${name}"`, ...o,
    });
  }

  ddAppKey(a: Actor, min: number, action: "created" | "deleted", name: string, o: DdOpts & { serviceAccount?: string } = {}): string {
    const id = this.rng.uuid();
    const sa = o.serviceAccount;
    return this.dd(a, min, sa ? "Access Management" : "Authentication", action, { type: "application_key", id, name }, {
      method: action === "created" ? "POST" : "DELETE",
      path: sa ? `/api/v2/service_accounts/${sa}/application_keys` : action === "created" ? "/api/v2/current_user/application_keys" : `/api/v2/current_user/application_keys/${id}`,
      msg: `${a.ddEmail} ${action} application key "${name}"${sa ? " for a service account" : ""}`, ...o,
    });
  }

  ddRoleGrant(a: Actor, min: number, role: string, user: string, o: DdOpts = {}): string {
    const rid = this.rng.uuid();
    return this.dd(a, min, "Access Management", "modified", { type: "role", id: rid, name: role }, {
      method: "POST", path: `/api/v2/roles/${rid}/users`, code: "200",
      msg: `${a.ddEmail} successfully added user "${user}" to the role "${role}"`, ...o,
    });
  }

  ddUser(a: Actor, min: number, action: "created" | "modified" | "deleted", target: string, o: DdOpts = {}): string {
    const uid = this.rng.uuid();
    const verb = action === "created" ? "invited user" : action === "deleted" ? "disabled user" : "modified user";
    return this.dd(a, min, "Access Management", action, { type: "user", id: uid, name: target }, {
      method: action === "created" ? "POST" : action === "deleted" ? "DELETE" : "PATCH",
      path: action === "created" ? "/api/v2/users" : `/api/v2/users/${uid}`,
      msg: `${a.ddEmail} ${verb} "${target}"`, ...o,
    });
  }

  ddOrgSetting(a: Actor, min: number, evtName: string, assetType: string, name: string, path: string, o: DdOpts = {}): string {
    return this.dd(a, min, evtName, "modified", { type: assetType, id: this.ddOrg ?? "", name }, { method: "PATCH", path, ...o });
  }

  ddLogs(a: Actor, min: number, assetType: "archive" | "index" | "exclusion_filter" | "pipeline" | "pipeline_processor", action: string, name: string, o: DdOpts & { assetId?: string } = {}): string {
    const id = o.assetId ?? (assetType === "index" || assetType === "exclusion_filter" ? name : this.rng.chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 22));
    const base = { archive: "/api/v2/logs/config/archives", index: "/api/v1/logs/config/indexes", exclusion_filter: "/api/v1/logs/config/indexes", pipeline: "/api/v1/logs/config/pipelines", pipeline_processor: "/api/v1/logs/config/pipelines" }[assetType];
    const method = action === "created" ? "POST" : action === "deleted" ? "DELETE" : "PUT";
    return this.dd(a, min, "Log Management", action, { type: assetType, id, name }, {
      method, path: action === "created" && assetType !== "exclusion_filter" ? base : `${base}/${assetType === "exclusion_filter" ? (o.metadata?.index as string | undefined) ?? "main" : id}`,
      msg: `${a.ddEmail} ${action} ${assetType.replace(/_/g, " ")} "${name}"`, ...o,
    });
  }

  ddMonitor(a: Actor, min: number, action: "created" | "modified" | "deleted", name: string, o: DdOpts & { monitorId?: string } = {}): string {
    const id = o.monitorId ?? this.rng.digits(9);
    return this.dd(a, min, "Monitor", action, { type: "monitor", id, name }, {
      method: action === "created" ? "POST" : action === "deleted" ? "DELETE" : "PUT",
      path: action === "created" ? "/api/v1/monitor" : `/api/v1/monitor/${id}`,
      msg: `${a.ddEmail} ${action} monitor "${name}"`, ...o,
    });
  }

  ddRule(a: Actor, min: number, action: "created" | "modified" | "deleted", name: string, o: DdOpts = {}): string {
    const id = `${this.rng.chars("abcdefghijklmnopqrstuvwxyz0123456789", 3)}-${this.rng.chars("abcdefghijklmnopqrstuvwxyz0123456789", 3)}-${this.rng.chars("abcdefghijklmnopqrstuvwxyz0123456789", 3)}`;
    return this.dd(a, min, "Cloud Security Platform", action, { type: "security_rule", id, name }, {
      method: action === "created" ? "POST" : action === "deleted" ? "DELETE" : "PUT",
      path: action === "created" ? "/api/v2/security_monitoring/rules" : `/api/v2/security_monitoring/rules/${id}`,
      msg: `${a.ddEmail} ${action} detection rule "${name}"`, ...o,
    });
  }

  ddDashboard(a: Actor, min: number, action: "created" | "modified" | "deleted", name: string, o: DdOpts = {}): string {
    const id = `${this.rng.chars("abcdefghijkmnpqrstuvwxyz23456789", 3)}-${this.rng.chars("abcdefghijkmnpqrstuvwxyz23456789", 3)}-${this.rng.chars("abcdefghijkmnpqrstuvwxyz23456789", 3)}`;
    return this.dd(a, min, "Dashboard", action, { type: "dashboard", id, name }, {
      method: action === "created" ? "POST" : action === "deleted" ? "DELETE" : "PUT",
      path: action === "created" ? "/api/v1/dashboard" : `/api/v1/dashboard/${id}`,
      msg: `${a.ddEmail} ${action} dashboard "${name}"`, ...o,
    });
  }

  // ------------------------------------------------------------ noise
  /** Routine activity of `actors` spread between two offsets (minutes from the anomaly). */
  noise(actors: Actor[], n: { cf?: number; dd?: number }, fromMin: number, toMin: number, zones: string[] = []): void {
    const span = () => fromMin + this.rng.next() * (toMin - fromMin);
    for (let i = 0; i < (n.cf ?? 0); i++) {
      const a = this.rng.pick(actors);
      const z = zones.length ? this.rng.pick(zones) : "www.example.com";
      const m = span();
      const r = this.rng.next();
      if (r < 0.22) this.cfLogin(a, m);
      else if (r < 0.42) this.cfPurge(a, m, z);
      else if (r < 0.6) this.cfRecAdd(a, m, z, { type: this.rng.pick(["CNAME", "TXT", "A"] as const), name: `${this.rng.pick(["docs", "status", "img", "cdn", "_acme-challenge", "mail2", "blog", "beta"])}.${z}`, content: this.rng.pick(["198.51.100.23", "ghs.googlehosted.com", `"${this.rng.hex(24)}"`, "203.0.113.80"]) });
      else if (r < 0.74) this.cfRecDel(a, m, z, { type: "TXT", name: `_acme-challenge.${z}`, content: `"${this.rng.chars(B64, 43)}"` });
      else if (r < 0.92) {
        const [name, oldV, newV, type] = this.rng.pick([
          ["cache_level", "aggressive", "basic", "cache"],
          ["browser_cache_ttl", "14400", "7200", "cache"],
          ["always_use_https", "off", "on", "ssl"],
          ["development_mode", "off", "on", "cache"],
          ["development_mode", "on", "off", "cache"],
          ["minify", "{\"css\":\"off\",\"html\":\"off\",\"js\":\"off\"}", "{\"css\":\"on\",\"html\":\"off\",\"js\":\"on\"}", "performance"],
        ] as const);
        this.cfSetting(a, m, z, name, oldV, newV, { settingType: type });
      } else this.cfTls(m, z);
    }
    for (let i = 0; i < (n.dd ?? 0); i++) {
      const a = this.rng.pick(actors);
      const m = span();
      const r = this.rng.next();
      if (r < 0.45) {
        const [method, path] = this.rng.pick([
          ["GET", "/api/v1/dashboard"], ["GET", "/api/v1/monitor"], ["POST", "/api/v2/logs/events/search"],
          ["GET", "/api/v2/incidents"], ["GET", "/api/v1/slo"], ["GET", "/api/v2/metrics"], ["POST", "/api/v1/query"],
          ["GET", "/api/v1/notebooks"], ["GET", "/api/v2/spans/events"],
        ] as const);
        this.ddReq(a, m, method, path, "200");
      } else if (r < 0.6) this.ddLogin(a, m);
      else if (r < 0.78) this.ddDashboard(a, m, "modified", this.rng.pick(["Checkout latency", "Kubernetes overview", "Payments API SLOs", "Edge cache hit ratio", "Postgres replicas", "Team Ingest — weekly"]));
      else if (r < 0.93) this.ddMonitor(a, m, "modified", this.rng.pick(["[prod] api p99 latency", "[prod] queue depth orders", "[staging] disk usage", "[prod] 5xx rate edge", "[prod] cert expiry"]));
      else this.dd(a, m, "Notebook", "modified", { type: "notebook", id: this.rng.digits(7), name: this.rng.pick(["Postmortem INC-2291", "Capacity review Q3", "On-call handover"]) }, { method: "PUT", path: `/api/v1/notebooks/${this.rng.digits(7)}` });
    }
  }

  /** The actor's own routine: the previous day inside the window, and older events outside it. */
  routine(a: Actor, n: { cf?: number; dd?: number }, zones: string[] = []): void {
    const ws = this.windowStartMin;
    this.noise([a], n, ws + 20, -150, zones);
    const old = { cf: Math.ceil((n.cf ?? 0) / 2), dd: Math.ceil((n.dd ?? 0) / 2) };
    this.noise([a], old, ws - 26 * 60, ws - 30, zones);
  }

  // ------------------------------------------------------------ flag + label
  flag(eventId: string, o: { severity?: string; detector?: string; details?: Record<string, unknown>; actor?: string; action?: string; detId?: string } = {}): void {
    const ev = this.actorsById.get(eventId);
    if (!ev) throw new Error(`${this.id}: flagged event ${eventId} unknown`);
    const anomaly: Record<string, unknown> = {
      id: o.detId ?? `det-${this.rng.hex(6)}`,
      actor: o.actor ?? (ev.source === "cloudflare" ? ev.actor.email : ev.actor.ddEmail),
      action: o.action ?? ev.action,
      timestamp: ev.when,
      source: ev.source,
    };
    if (o.severity) anomaly.severity = o.severity;
    anomaly.detector = o.detector ?? (ev.source === "cloudflare" ? "cf-admin-anomaly" : "dd-audit-anomaly");
    if (o.details) anomaly.details = o.details;
    this.anomaly = anomaly;
  }

  setLabel(l: Label): void {
    this.label = l;
  }

  build(): Incident & { sources: Record<string, unknown> } {
    if (!this.anomaly || !this.label) throw new Error(`${this.id}: scenario needs flag() and setLabel()`);
    const sources: Record<string, unknown> = {};
    const desc = <T extends { ts: number }>(xs: T[]) => [...xs].sort((x, y) => y.ts - x.ts);
    if (this.cfAccount) {
      const rows = desc(this.cfRows);
      const cf: Record<string, unknown> = { account_id: this.cfAccount.id, audit_logs: rows.map((r) => r.v1) };
      if (this.v2) cf.audit_logs_v2 = rows.map((r) => this.toV2(r));
      sources.cloudflare = cf;
    }
    if (this.ddOrg) sources.datadog = { site: this.ddSite, audit_events: desc(this.ddRows).map((r) => r.obj) };
    const out: Record<string, unknown> = { id: this.id, title: this.title, now: new Date(this.nowMs).toISOString().replace(".000Z", "Z"), anomaly: this.anomaly, sources };
    if (this.faults) out.faults = this.faults;
    out.label = this.label;
    return out as Incident & { sources: Record<string, unknown> };
  }

  private toV2(r: CfRow): Record<string, unknown> {
    const v1 = r.v1 as { id: string; actor: { id: string; email?: string; ip?: string; type: string }; action: { result: boolean }; when: string; resource: { id: string } };
    const e = r.extra;
    const tokenId = e.tokenName ? this.rng.hex(32) : undefined;
    const userScoped = e.uri.startsWith("/user") || e.uri === "/login";
    return cfV2Entry({
      id: v1.id,
      account: { id: this.cfAccount!.id, name: this.cfAccount!.name },
      description: e.description,
      result: v1.action.result ? "success" : "failure",
      time: cfSeconds(r.ts),
      type: e.vtype,
      actor: { id: v1.actor.id, context: e.context, email: v1.actor.email || undefined, ip_address: v1.actor.ip || undefined, token_id: tokenId, token_name: e.tokenName && tokenId ? e.tokenName : undefined, type: v1.actor.type },
      rayId: cfRayId(this.rng.next),
      method: e.method,
      status: v1.action.result ? 200 : 403,
      uri: e.zone || userScoped ? e.uri : `/accounts/${this.cfAccount!.id}${e.uri}`,
      ua: e.ua,
      resource: { id: v1.resource.id, product: e.product, request: e.request ?? {}, response: {}, scope: e.zone ? "zones" : userScoped ? "user" : "accounts", type: e.rtype },
      zone: e.zone ? { id: e.zone.id, name: e.zone.name } : undefined,
    });
  }
}

// ---------------------------------------------------------------- writing a corpus
/** A corpus README: its introduction, then the incident table (one row per incident). */
export const readmeWithTable = (intro: string[], rows: string[]): string =>
  [...intro, "", "| id | label | title | what makes it hard | data |", "|---|---|---|---|---|", ...rows, ""].join("\n");

/** Writes a corpus folder: drops incident files no longer generated, writes every file and the README. */
export async function writeCorpus(dir: string, files: Map<string, string>, readmePath: string, readme: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (name.endsWith(".json") && !files.has(name)) await rm(path.join(dir, name));
  }
  for (const [name, text] of files) await writeFile(path.join(dir, name), text);
  await writeFile(readmePath, readme);
}
