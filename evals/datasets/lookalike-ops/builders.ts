// Record builders for the lookalike-ops corpus: a seeded random source, the three fictitious organisations
// (one Cloudflare account + one Datadog org each, with their operations teams) and vendor-shaped records —
// Cloudflare audit log v1 entries, v2 entries and Datadog Audit Trail events — plus the background noise every
// incident carries (other actors, the actor's own routine, older events). Used only by ./generate.ts. Random
// sources and record shapes are the shared ones of ../vendor, laid out as this corpus was first written.
import { type CfV2Call, cfMicro, cfRayId, cfSeconds, cfV1Entry, cfV2Entry } from "../vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddHttp, ddInnerTime } from "../vendor/datadog.ts";
import type { Org, Person, Zone } from "./world.ts";
import { B64, type Draw, drawChars, drawInt, drawPick, drawUuidInOrder, fnv1a, HEX, mulberry32 } from "../vendor/rng.ts";

// ---------- deterministic randomness ----------
export type Rng = Draw;

/** mulberry32 over the FNV-1a hash of the seed text (a zero hash becomes 1). */
export const seeded = (seed: string): Rng => mulberry32(fnv1a(seed) || 1);
export const int = drawInt;
export const pick = drawPick;
export const hex = (r: Rng, n: number) => drawChars(r, HEX, n);
export const uuid = drawUuidInOrder;
export const ddId = (r: Rng) => ddEventId(r, B64, [48]);

// ---------- time ----------
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const t = (iso: string) => Date.parse(iso);
export const isoSec = cfSeconds;
export const isoMs = (ms: number) => new Date(ms).toISOString();

// ---------- record builders ----------
export interface CfAuth {
  /** how the request was authenticated: dashboard session, API token or global API key */
  via: "dash" | "api_token" | "api_key";
  ip: string;
  token?: { id: string; name: string };
  ua?: string;
}

export interface V1Opts {
  type: string;
  resource: { id: string; type: string };
  metadata?: Record<string, unknown>;
  newValue?: string;
  oldValue?: string;
  newValueJson?: unknown;
  oldValueJson?: unknown;
  info?: string;
  result?: boolean;
  owner?: string;
}
export interface V2Opts extends CfV2Call {
  description: string;
  request?: unknown;
  response?: unknown;
  zone?: Zone;
  result?: "success" | "failure";
}
export interface DdOpts {
  evt?: string;
  action: string;
  asset?: { type: string; id: string; name?: string; prev_value?: unknown; new_value?: unknown };
  message: string;
  status?: string;
  http?: { method: string; path: string; status: string; ua: string };
  ip?: string;
  bytes?: [number, number];
  threat?: { category: string; name: string };
}

/** One incident's raw data, built event by event. */
export class Book {
  cf1: Record<string, unknown>[] = [];
  cf2: Record<string, unknown>[] = [];
  dd: Record<string, unknown>[] = [];
  constructor(
    readonly org: Org,
    readonly r: Rng,
  ) {}

  /** Cloudflare v1 entry; returns its id. */
  v1(p: Person | null, ms: number, auth: CfAuth | null, o: V1Opts): string {
    const id = uuid(this.r);
    if (ms % 1000 === 0) ms += int(this.r, 0, 999);
    /** v1 `when`: microseconds for most entries, whole seconds for some (both are observed). */
    const when = this.r() < 0.7 ? cfMicro(ms, int(this.r, 0, 999)) : isoSec(ms);
    const actor = p ? { email: p.cfEmail, id: p.cfId, ip: auth!.ip, type: "user" } : { id: "1", type: "system" };
    const iface = p ? (auth!.via === "dash" ? "UI" : "API") : "";
    const e = cfV1Entry({ ...o, id, actor, interface: iface, owner: o.owner ?? this.org.accountId, when }, { infoFirst: true });
    this.cf1.push(e);
    return id;
  }

  /** Cloudflare v2 entry; returns its id. */
  v2(p: Person | null, ms: number, auth: CfAuth | null, o: V2Opts): string {
    const id = hex(this.r, 32);
    const actor = p
      ? { id: p.cfId, context: auth!.via, email: p.cfEmail, ip_address: auth!.ip, token_id: auth!.token?.id, token_name: auth!.token?.name, type: "user" }
      : { id: "system", context: "origin_ca_key", type: "system" };
    const e = cfV2Entry({
      id,
      account: { id: this.org.accountId, name: this.org.accountName },
      description: o.description,
      result: o.result ?? "success",
      time: isoSec(ms),
      type: o.type,
      actor,
      rayId: cfRayId(this.r),
      method: o.method,
      status: o.status ?? 200,
      uri: o.uri,
      ua: auth?.ua ?? (p ? (auth!.via === "dash" ? p.ua : "curl/8.5.0") : "cloudflare-internal"),
      resource: { id: o.rid, product: o.product, request: o.request ?? {}, response: o.response ?? {}, scope: o.scope ?? (o.zone ? "zones" : "accounts"), type: o.rtype },
      zone: o.zone ? { id: o.zone.id, name: o.zone.name } : undefined,
    });
    this.cf2.push(e);
    return id;
  }

  /** Datadog Audit Trail event of a person (session) or of a key-authenticated identity; returns its id. */
  ddEv(
    u: { email: string; id: string; uuid: string; type: string; auth: string },
    ms: number,
    o: DdOpts,
  ): string {
    const id = ddId(this.r);
    if (ms % 1000 === 0) ms += int(this.r, 0, 999);
    const timestamp = ddInnerTime(ms, String(int(this.r, 0, 999)).padStart(3, "0"));
    const inner = ddHead({ status: o.status ?? "info", timestamp, org: this.org.ddOrg, evtName: o.evt, actorType: u.type, usr: u });
    inner.action = o.action;
    inner.auth_method = u.auth;
    if (o.asset) inner.asset = o.asset;
    if (o.http) {
      inner.http = ddHttp({ ...o.http, host: this.org.ddHost });
      inner.network = {
        bytes_read: o.bytes?.[0] ?? int(this.r, 40, 2400),
        client: { ip: o.ip },
        bytes_written: o.bytes?.[1] ?? int(this.r, 300, 90000),
      };
    }
    if (o.threat) {
      inner.threat_intel = {
        indicators_matched: ["IP"],
        results: [{ category: o.threat.category, intention: "suspicious", source: { name: "spur" }, name: o.threat.name }],
      };
    }
    this.dd.push(ddEnvelope({ attributes: inner, message: o.message, timestamp: isoMs(ms), id }));
    return id;
  }

  /** a person's session identity in Datadog */
  sess(p: Person) {
    return { email: p.ddEmail, id: p.ddEmail, uuid: p.ddUuid, type: "USER", auth: "SESSION" };
  }
  /** a person's API + application key identity in Datadog: usr.email is the key owner's UUID */
  keyed(p: Person, type = "Other") {
    return { email: p.ddUuid, id: p.ddEmail, uuid: p.ddUuid, type, auth: this.org.keyAuth };
  }
  machine(m: Org["machines"][number]) {
    return { email: m.uuid, id: m.uuid, uuid: m.uuid, type: m.type, auth: this.org.keyAuth };
  }

  /** Request event of a person's session (or keyed identity) */
  req(p: Person, ms: number, method: string, path: string, ip: string, o: { status?: string; keyed?: boolean; ua?: string; bytes?: [number, number]; threat?: DdOpts["threat"] } = {}): string {
    const u = o.keyed ? this.keyed(p) : this.sess(p);
    const status = o.status ?? (method === "POST" ? "201" : "200");
    return this.ddEv(u, ms, {
      evt: "Request",
      action: "accessed",
      message: `${method} request made to ${path} by ${u.email} with response ${status}`,
      http: { method, path, status, ua: o.ua ?? (o.keyed ? "datadog-api-client-go/2.44.0" : p.ua) },
      ip,
      bytes: o.bytes,
      threat: o.threat,
    });
  }

  ddLogin(p: Person, ms: number, ip: string, threat?: DdOpts["threat"]): string {
    this.req(p, ms - 900, "POST", "/account/login", ip, { status: "302", threat });
    return this.ddEv(this.sess(p), ms, { evt: "Authentication", action: "login", message: `${p.ddEmail} logged in` });
  }

  cfLogin(p: Person, ms: number, ip: string): string {
    return this.v1(p, ms, { via: "dash", ip }, { type: "login", resource: { id: p.cfId, type: "user" }, owner: p.cfId });
  }

  dashView(p: Person, ms: number, ip: string, name?: string): string {
    const d = name ?? pick(this.r, this.org.dashboards);
    this.req(p, ms - 400, "GET", `/api/v1/dashboard/${dashId(d)}`, ip);
    return this.ddEv(this.sess(p), ms, { evt: "Dashboard", action: "accessed", asset: { type: "dashboard", id: dashId(d), name: d }, message: `${p.ddEmail} accessed dashboard "${d}"` });
  }

  /** DNS record change, v1 plus (when twin) its v2 twin; returns [v1 id, v2 id?] */
  dns(p: Person, ms: number, auth: CfAuth, kind: "add" | "del", z: Zone, rec: { name: string; type: string; content: string; proxied?: boolean; ttl?: number; id?: string }, twin = true): { v1: string; v2?: string; recId: string } {
    const recId = rec.id ?? hex(this.r, 32);
    const body = { content: rec.content, id: recId, name: rec.name, proxied: rec.proxied ?? false, ttl: rec.ttl ?? 1, type: rec.type, zone_id: z.id, zone_name: z.name };
    const v1 = this.v1(p, ms, auth, {
      type: kind === "add" ? "rec_add" : "rec_del",
      resource: { id: String(int(this.r, 10_000_000_000, 12_999_999_999)), type: "DNS_record" },
      metadata: { zone_name: z.name },
      ...(kind === "add" ? { newValueJson: body } : { oldValueJson: body }),
    });
    let v2: string | undefined;
    if (twin)
      v2 = this.v2(p, ms + int(this.r, 0, 900), auth, {
        type: kind === "add" ? "create" : "delete",
        description: kind === "add" ? "Create DNS record" : "Delete DNS record",
        product: "dns_records",
        rtype: "dns.record",
        rid: recId,
        method: kind === "add" ? "POST" : "DELETE",
        uri: kind === "add" ? `/zones/${z.id}/dns_records` : `/zones/${z.id}/dns_records/${recId}`,
        request: kind === "add" ? { content: rec.content, name: rec.name, proxied: rec.proxied ?? false, ttl: rec.ttl ?? 1, type: rec.type } : {},
        response: kind === "add" ? body : { id: recId },
        zone: z,
      });
    return { v1, v2, recId };
  }

  /** zone setting change (v1 change_setting + v2 twin) */
  setting(p: Person, ms: number, auth: CfAuth, z: Zone, name: string, type: string, from: string, to: string, twin = true): { v1: string; v2?: string } {
    const v1 = this.v1(p, ms, auth, {
      type: "change_setting",
      resource: { id: z.id, type: "zone" },
      metadata: { name, type, value: to, zone_name: z.name },
      newValue: to,
      oldValue: from,
    });
    const v2 = twin
      ? this.v2(p, ms + int(this.r, 0, 900), auth, {
          type: "update",
          description: `Update zone setting ${name}`,
          product: "zone_settings",
          rtype: "zone.setting",
          rid: name,
          method: "PATCH",
          uri: `/zones/${z.id}/settings/${name}`,
          request: { value: to },
          response: { id: name, value: to, editable: true, modified_on: isoSec(ms) },
          zone: z,
        })
      : undefined;
    return { v1, v2 };
  }

  purge(p: Person, ms: number, auth: CfAuth, z: Zone, body: Record<string, unknown>, twin = true): { v1: string; v2?: string } {
    const v1 = this.v1(p, ms, auth, { type: "purge", resource: { id: z.id, type: "zone" }, metadata: { zone_name: z.name } });
    const v2 = twin
      ? this.v2(p, ms + int(this.r, 0, 900), auth, {
          type: "create",
          description: "Purge cache",
          product: "cache",
          rtype: "cache.purge",
          rid: z.id,
          method: "POST",
          uri: `/zones/${z.id}/purge_cache`,
          request: body,
          response: { id: z.id },
          zone: z,
        })
      : undefined;
    return { v1, v2 };
  }

  /** Datadog product event of a session user */
  ddDo(p: Person, ms: number, o: DdOpts & { keyed?: boolean }): string {
    return this.ddEv(o.keyed ? this.keyed(p) : this.sess(p), ms, o);
  }

  sorted() {
    const byCf1 = (x: Record<string, unknown>) => t(String(x.when));
    const byCf2 = (x: Record<string, unknown>) => t(String((x.action as Record<string, unknown>).time));
    const byDd = (x: Record<string, unknown>) => t(String((x.attributes as Record<string, unknown>).timestamp));
    return {
      cf1: [...this.cf1].sort((a, b) => byCf1(b) - byCf1(a)),
      cf2: [...this.cf2].sort((a, b) => byCf2(b) - byCf2(a)),
      dd: [...this.dd].sort((a, b) => byDd(b) - byDd(a)),
    };
  }
}

export function dashId(name: string): string {
  let h = 7;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const a = "abcdefghijkmnpqrstuvwxyz23456789";
  const s = Array.from({ length: 9 }, (_, i) => a[(h >>> (i * 3)) % a.length]).join("");
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)}`;
}
export function monId(name: string): string {
  let h = 11;
  for (const c of name) h = (h * 131 + c.charCodeAt(0)) >>> 0;
  return String(100_000_000 + (h % 90_000_000));
}

// ---------- background ----------
const WORDS = ["api", "www", "img", "static", "status", "docs", "mail", "shop", "help", "partners", "blog", "assets", "eu", "us", "cdn", "auth"];

/** Routine events of one person between [from, to): logins, dashboards, requests, small Cloudflare edits. */
export function routine(b: Book, p: Person, from: number, to: number, density: number, opts: { ip?: string; cfOnly?: boolean; ddOnly?: boolean; quiet?: boolean } = {}): void {
  const r = b.r;
  const days = Math.max(1, Math.ceil((to - from) / DAY));
  for (let d = 0; d < days; d++) {
    const dayStart = from + d * DAY;
    const sessions = Math.max(0, Math.round(density * (0.6 + r())));
    for (let s = 0; s < sessions; s++) {
      const ms = dayStart + int(r, 0, DAY - HOUR);
      if (ms >= to || ms < from) continue;
      const ip = opts.ip ?? (r() < 0.7 ? p.office : p.home);
      if (!opts.cfOnly) {
        b.ddLogin(p, ms, ip);
        const n = int(r, 1, 4);
        for (let k = 0; k < n; k++) {
          const at = ms + int(r, 1, 40) * MIN;
          if (at >= to) break;
          const kind = r();
          if (kind < 0.45) b.dashView(p, at, ip);
          else if (kind < 0.7) b.req(p, at, pick(r, ["GET", "POST"]), pick(r, ["/api/v1/monitor", "/api/v2/logs/events/search", "/api/v1/query", "/api/v2/incidents", "/api/v1/slo"]), ip);
          else if (kind < 0.85 && !opts.quiet) {
            const m = pick(r, b.org.monitors);
            b.ddDo(p, at, { evt: "Monitor", action: "modified", asset: { type: "monitor", id: monId(m), name: m, prev_value: { name: m, options: { thresholds: { critical: 5 } } }, new_value: { name: m, options: { thresholds: { critical: pick(r, [4, 6, 8]) } } } }, message: `${p.ddEmail} modified monitor "${m}"` });
          } else b.req(p, at, "GET", "/api/v1/notebooks", ip);
        }
      }
      if (!opts.ddOnly && r() < 0.6) {
        const at = ms + int(r, 2, 50) * MIN;
        if (at >= to) continue;
        b.cfLogin(p, at, ip);
        if (!opts.quiet && r() < 0.6) {
          const z = pick(r, b.org.zones);
          const kind = r();
          const auth: CfAuth = { via: "dash", ip };
          if (kind < 0.5) {
            const name = `${pick(r, WORDS)}${int(r, 1, 9)}.${z.name}`;
            b.dns(p, at + 3 * MIN, auth, "add", z, { name, type: "CNAME", content: `${pick(r, WORDS)}.${b.org.zones[0]!.name}`, proxied: true });
          } else if (kind < 0.75) b.purge(p, at + 2 * MIN, auth, z, { files: [`https://${z.name}/${pick(r, WORDS)}/index.html`] });
          else b.setting(p, at + 2 * MIN, auth, z, pick(r, ["always_use_https", "browser_cache_ttl", "min_tls_version"]), pick(r, ["ssl", "cache", "security"]), "off", "on");
        }
      }
    }
  }
}

/** Noise for an incident: other people, machines and Cloudflare system entries over [now - span, now]. */
export function background(b: Book, actor: Person | null, now: number, span: number, density: number, exclude: string[] = []): void {
  const r = b.r;
  for (const p of b.org.people) {
    if (p === actor || exclude.includes(p.key) || p.key === "ci-deploy" || p.key === "automation" || p.key === "svc-logs") continue;
    routine(b, p, now - span, now, density * (0.5 + r()));
  }
  for (let d = 0; d < span / DAY; d++) {
    const ms = now - d * DAY - int(r, 1, 20) * HOUR;
    const z = pick(r, b.org.zones);
    b.v1(null, ms, null, {
      type: "tls_settings_deployed",
      resource: { id: z.id, type: "zone" },
      metadata: { zone_name: z.name },
      newValueJson: { ciphers: "", http_2: "Enabled", min_tls_version: "TLSv1.2", quic: "Default", session_tickets: "Enabled", tls_13: "Default", zero_rtt: "Default" },
    });
    const m = b.org.machines[0]!;
    b.ddEv(b.machine(m), ms + 3 * HOUR < now ? ms + 3 * HOUR : ms - 3 * HOUR, { action: "update_config", message: "Agent configuration successfuly updated" });
  }
}
