// Hand-built normalised events in each vendor's vocabulary, for the analysis tests.
import type { AuditEvent, Operation, SourceStatus } from "../domain/events.ts";
import type { Anomaly } from "../domain/schemas.ts";

export const NOW = Date.parse("2026-08-20T15:00:00Z");
export const T = Date.parse("2026-08-20T14:06:31Z");
export const ALICE = "alice.ops@example.com";
export const HOME_IP = "203.0.113.45";
export const EVIL_IP = "198.51.100.9";
export const CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36";
export const CURL = "curl/8.4.0";

let seq = 0;
export function resetSeq() {
  seq = 0;
}

interface Opts {
  at: number;
  ip?: string | null;
  ua?: string;
  actor?: string;
  actorType?: string;
  auth?: string;
  id?: string;
  resource?: AuditEvent["resource"];
  description?: string;
  change?: AuditEvent["change"];
  metadata?: Record<string, unknown>;
  location?: AuditEvent["location"];
  pivot?: boolean;
  outcome?: AuditEvent["outcome"];
}

function base(o: Opts, source: AuditEvent["source"]): Omit<AuditEvent, "action" | "operation"> {
  const id = o.id ?? `${source === "cloudflare" ? "cf" : "dd"}-${++seq}`;
  return {
    source,
    id,
    time: new Date(o.at).toISOString(),
    ts: o.at,
    actor: { email: o.actor ?? ALICE, type: o.actorType ?? (source === "datadog" ? "USER" : "user"), ...(o.auth ? { auth: o.auth } : {}) },
    ...(o.ip === null ? {} : { ip: o.ip ?? HOME_IP }),
    ...(o.ua ? { user_agent: o.ua } : {}),
    ...(o.location ? { location: o.location } : {}),
    resource: o.resource ?? {},
    outcome: o.outcome ?? "success",
    ...(o.description ? { description: o.description } : {}),
    ...(o.change ? { change: o.change } : {}),
    ...(o.metadata ? { metadata: o.metadata } : {}),
    ...(o.pivot ? { pivot: true } : {}),
    raw: {},
  };
}

const cfOp = (t: string): Operation =>
  /create|add|roll/.test(t) ? "create" : /del|revoke|remove/.test(t) ? "delete" : /change|update|rotate/.test(t) ? "update" : /view/.test(t) ? "view" : t === "login" ? "login" : "other";

/** Cloudflare v1: action = action.type */
export function cf1(type: string, o: Opts): AuditEvent {
  return { ...base(o, "cloudflare"), action: type, operation: cfOp(type) };
}

/** Cloudflare v2: action = product.type, category = product */
export function cf2(product: string, type: Operation, o: Opts): AuditEvent {
  return { ...base(o, "cloudflare"), action: `${product}.${type}`, operation: type, category: product };
}

const ddOp = (a: string): Operation =>
  a === "created" ? "create" : a === "modified" ? "update" : a === "deleted" ? "delete" : a === "accessed" ? "view" : a === "login" ? "login" : "other";

/** Datadog: action = evt.name/asset.type/action */
export function dd(evtName: string, assetType: string, action: string, o: Opts): AuditEvent {
  const e = base({ ...o, resource: { type: assetType || undefined, ...o.resource } }, "datadog");
  return { ...e, action: `${evtName}/${assetType}/${action}`, operation: ddOp(action), category: evtName };
}

/** Datadog Request event */
export function ddReq(method: string, path: string, o: Opts): AuditEvent {
  return dd("Request", "", "accessed", {
    ...o,
    description: `${method} request made to ${path} by ${o.actor ?? ALICE} with response 200`,
    metadata: { http: { method, url_details: { path, host: "us1.prod.dog" }, status_code: "200" } },
  });
}

/** A routine day: dashboard and monitor edits, DNS adds, logins, from the home address. */
export function routineDay(opts: { ip?: string; ua?: string; actor?: string; auth?: string; actorType?: string } = {}): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let h = 22; h >= 3; h -= 1) {
    const at = T - h * 3600_000;
    const o = { ip: opts.ip ?? HOME_IP, ua: opts.ua ?? CHROME, actor: opts.actor, auth: opts.auth ?? "SESSION", actorType: opts.actorType };
    out.push(dd("Dashboard", "dashboard", "modified", { ...o, at, resource: { id: `dash-${h % 3}`, name: "Checkout overview" } }));
    out.push(dd("Monitor", "monitor", "modified", { ...o, at: at + 60_000, resource: { id: `mon-${h % 4}`, name: "[prod] latency" } }));
    if (h % 4 === 0) out.push(cf1("login", { ...o, at: at + 120_000 }));
    if (h % 5 === 0) out.push(cf1("purge", { ...o, at: at + 180_000, resource: { type: "zone", id: "zone-1" } }));
  }
  return out;
}

export function anomaly(action: string, at = T, extra: Partial<Anomaly> = {}): Anomaly {
  return { id: "det-1", actor: ALICE, action, timestamp: new Date(at).toISOString(), ...extra };
}

export const WINDOW = { since: new Date(T - 24 * 3600_000), before: new Date(NOW) };

export function okSources(): Record<"cloudflare" | "datadog", SourceStatus> {
  const s = (): SourceStatus => ({ status: "ok", events: 1, pivot_events: 0, pages: 1, warnings: [], rejected: 0 });
  return { cloudflare: s(), datadog: s() };
}
