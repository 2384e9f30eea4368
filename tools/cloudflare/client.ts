// Cloudflare account audit logs: thin client (v2 /logs/audit with v1 /audit_logs fallback) and the gatherer.
import type { CloudflareConfig, Limits } from "../config.ts";
import { loadLimits } from "../config.ts";
import type { AuditEvent, SourceStatus } from "../events.ts";
import { HttpClient, HttpError, safeText } from "../http.ts";
import { failedSource } from "../types.ts";
import { pivotOnIps } from "../pivot.ts";
import type { Gatherer, GatherRequest, GatherResult } from "../types.ts";
import { VendorError } from "../types.ts";
import { normaliseCloudflare } from "./normalise.ts";

export interface PivotBudget {
  /** Distinct actor IPs to pivot on (default 3). */
  ips: number;
  /** Records fetched per IP (default 500). */
  eventsPerIp: number;
}

export interface CloudflareGathererOptions {
  limits?: Limits;
  pivot?: Partial<PivotBudget>;
  /** Concurrent requests (default 4). */
  concurrency?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff delay without a server hint, ms (default 500). */
  baseDelayMs?: number;
  http?: HttpClient;
}

export interface CloudflareQuery {
  actorEmail?: string;
  actorId?: string;
  ip?: string;
  since: Date;
  before: Date;
  /** Stop after this many raw records (→ truncated). */
  maxRecords: number;
  /** Records per page to ask for (default and maximum 1000). */
  pageSize?: number;
  signal?: AbortSignal;
}

export interface CloudflareFetch {
  events: AuditEvent[];
  rejected: number;
  warnings: string[];
  pages: number;
  truncated: boolean;
  api: "cloudflare-v1" | "cloudflare-v2";
}

export function cloudflareAuthHeaders(cfg: CloudflareConfig): Record<string, string> {
  return cfg.auth.kind === "token"
    ? { authorization: `Bearer ${cfg.auth.token}` }
    : { "x-auth-email": cfg.auth.email, "x-auth-key": cfg.auth.key };
}

export function createCloudflareHttp(cfg: CloudflareConfig, opts: CloudflareGathererOptions = {}): HttpClient {
  const limits = opts.limits ?? loadLimits({});
  return new HttpClient({
    vendor: "cloudflare",
    baseUrl: cfg.baseUrl,
    headers: cloudflareAuthHeaders(cfg),
    timeoutMs: limits.httpTimeoutMs,
    maxRetryWaitMs: limits.maxRetryWaitMs,
    concurrency: opts.concurrency ?? 4,
    maxRetries: opts.maxRetries ?? 3,
    baseDelayMs: opts.baseDelayMs ?? 500,
    // Cloudflare documents a 5-minute block after a 429.
    defaultRateLimitWaitMs: 300_000,
  });
}

function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A Cloudflare envelope with success:false is a failure even when the status is 200. */
function resultArray(body: unknown, what: string): { result: unknown[]; info: Record<string, unknown> | undefined } {
  if (!body || typeof body !== "object") throw new VendorError("cloudflare", 200, `Cloudflare returned a non-JSON body for ${what}; check CLOUDFLARE_BASE_URL ends in /client/v4.`);
  const b = body as Record<string, unknown>;
  if (b.success === false) {
    const errs = Array.isArray(b.errors) ? b.errors : [];
    const first = errs[0] as Record<string, unknown> | undefined;
    throw new VendorError("cloudflare", 200, `Cloudflare reported a failure for ${what}: ${safeText(first?.message ?? "unknown error")}.`);
  }
  const result = Array.isArray(b.result) ? b.result : [];
  const info = b.result_info && typeof b.result_info === "object" ? (b.result_info as Record<string, unknown>) : undefined;
  return { result, info };
}

/** v2 is "not available" when the route is missing (404 / code 7003) or the API says so in a 400. */
function v2Unavailable(e: unknown): boolean {
  if (!(e instanceof HttpError)) return false;
  if (e.status === 404) return true;
  if (e.status === 400) {
    const text = JSON.stringify(e.body ?? "").toLowerCase();
    return /not (available|enabled|supported|entitled)|no route|7003|unknown route/.test(text) && !/limit/.test(text);
  }
  return false;
}

export class CloudflareAuditClient {
  /** Set once v2 answered "not available" in auto mode: later queries go straight to v1. */
  private v2Missing = false;

  constructor(
    readonly cfg: CloudflareConfig,
    readonly http: HttpClient,
  ) {}

  private get accountPath(): string {
    return `/accounts/${encodeURIComponent(this.cfg.accountId)}`;
  }

  /** v2 GET /accounts/{id}/logs/audit, following the cursor. */
  async fetchV2(q: CloudflareQuery): Promise<CloudflareFetch> {
    const out: CloudflareFetch = { events: [], rejected: 0, warnings: [], pages: 0, truncated: false, api: "cloudflare-v2" };
    let limit = Math.min(1000, q.pageSize ?? 1000);
    let cursor: string | undefined;
    const seenCursors = new Set<string>();
    let records = 0;
    for (;;) {
      const query = {
        since: rfc3339(q.since),
        before: rfc3339(q.before),
        limit,
        direction: "asc",
        actor_email: q.actorEmail,
        actor_id: q.actorId,
        actor_ip_address: q.ip,
        cursor,
      };
      let body: unknown;
      try {
        body = (await this.http.request({ method: "GET", path: `${this.accountPath}/logs/audit`, query, signal: q.signal, what: "audit log query (v2)" })).body;
      } catch (e) {
        // The v2 maximum page size is not documented: fall back to 100 when 1000 is refused.
        if (e instanceof HttpError && e.status === 400 && limit > 100 && !v2Unavailable(e)) {
          limit = 100;
          out.warnings.push("Cloudflare v2 refused limit=1000; using limit=100.");
          continue;
        }
        throw e;
      }
      const { result, info } = resultArray(body, "audit log query (v2)");
      out.pages++;
      records += result.length;
      const n = normaliseCloudflare(result, "v2");
      out.events.push(...n.events);
      out.rejected += n.rejected;
      out.warnings.push(...n.warnings);
      const cursors = info?.cursors && typeof info.cursors === "object" ? (info.cursors as Record<string, unknown>) : undefined;
      const next = info?.cursor ?? cursors?.after;
      if (result.length === 0 || typeof next !== "string" || next === "" || seenCursors.has(next)) break;
      if (records >= q.maxRecords) {
        out.truncated = true;
        break;
      }
      seenCursors.add(next);
      cursor = next;
    }
    return out;
  }

  /** v1 GET /accounts/{id}/audit_logs, paging until an empty page (or result_info proves the end). */
  async fetchV1(q: CloudflareQuery): Promise<CloudflareFetch> {
    const out: CloudflareFetch = { events: [], rejected: 0, warnings: [], pages: 0, truncated: false, api: "cloudflare-v1" };
    const perPage = Math.min(1000, q.pageSize ?? 1000);
    const seenIds = new Set<string>();
    let records = 0;
    for (let page = 1; ; page++) {
      const query = {
        "actor.email": q.actorEmail,
        "actor.ip": q.ip,
        since: rfc3339(q.since),
        before: rfc3339(q.before),
        direction: "asc",
        per_page: perPage,
        page,
      };
      const res = await this.http.request({ method: "GET", path: `${this.accountPath}/audit_logs`, query, signal: q.signal, what: "audit log query (v1)" });
      const { result, info } = resultArray(res.body, "audit log query (v1)");
      out.pages++;
      if (result.length === 0) break;
      // A server that ignores `page` would repeat itself forever: stop when a page brings nothing new.
      let fresh = 0;
      for (const r of result) {
        const id = r && typeof r === "object" ? (r as Record<string, unknown>).id : undefined;
        if (typeof id !== "string" || !seenIds.has(id)) fresh++;
        if (typeof id === "string") seenIds.add(id);
      }
      if (fresh === 0) break;
      records += result.length;
      const n = normaliseCloudflare(result, "v1");
      // v1 has no actor-id filter: keep only the requested actor's records.
      out.events.push(...(q.actorId && !q.actorEmail ? n.events.filter((e) => e.actor.id === q.actorId) : n.events));
      out.rejected += n.rejected;
      out.warnings.push(...n.warnings);
      const totalPages = Number(info?.total_pages);
      const totalCount = Number(info?.total_count);
      if (Number.isFinite(totalPages) && totalPages > 0 && page >= totalPages) break;
      if (Number.isFinite(totalCount) && totalCount >= 0 && records >= totalCount) break;
      if (records >= q.maxRecords) {
        out.truncated = true;
        break;
      }
    }
    return out;
  }

  /** Queries the configured API version; `auto` tries v2 and falls back to v1 when v2 is not available. */
  async fetch(q: CloudflareQuery): Promise<CloudflareFetch> {
    if (this.cfg.auditApi === "v1") return this.fetchV1(q);
    if (this.cfg.auditApi === "v2") return this.fetchV2(q);
    if (this.v2Missing) return this.fetchV1(q);
    let v2: CloudflareFetch;
    try {
      v2 = await this.fetchV2(q);
    } catch (e) {
      if (!v2Unavailable(e)) throw e;
      // A fallback is not a data gap: `api: "cloudflare-v1"` in the source status records it, no warning.
      this.v2Missing = true;
      return this.fetchV1(q);
    }
    // Both histories exist while Cloudflare moves from v1 to v2, and neither is promised to hold every entry the
    // other has: read v1 too and keep what v2 lacks.
    let v1: CloudflareFetch;
    try {
      v1 = await this.fetchV1(q);
    } catch (e) {
      return { ...v2, warnings: [...v2.warnings, `Cloudflare audit logs v1 could not be read beside v2 (${e instanceof Error ? e.message : String(e)}); the timeline holds v2 entries only.`] };
    }
    return mergeHistories(v2, v1);
  }
}

/**
 * v2 entries first; a v1 entry is added unless v2 has the same id, or an entry at the same second on the same
 * resource with the same kind of operation (the same change as seen by the other API).
 */
export function mergeHistories(v2: CloudflareFetch, v1: CloudflareFetch): CloudflareFetch {
  const ids = new Set(v2.events.map((e) => e.id));
  const same = new Set(v2.events.map((e) => `${Math.floor(e.ts / 1000)}|${e.resource.id ?? ""}|${e.operation}`));
  const extra = v1.events.filter((e) => !ids.has(e.id) && !same.has(`${Math.floor(e.ts / 1000)}|${e.resource.id ?? ""}|${e.operation}`));
  return {
    events: [...v2.events, ...extra],
    rejected: v2.rejected + v1.rejected,
    warnings: [...v2.warnings, ...v1.warnings],
    pages: v2.pages + v1.pages,
    truncated: v2.truncated || v1.truncated,
    api: "cloudflare-v2",
  };
}

function isEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(s);
}

function isOwn(e: AuditEvent, req: GatherRequest): boolean {
  const a = req.actor.toLowerCase();
  return e.actor.email?.toLowerCase() === a || e.actor.id === req.actor || (req.actorId !== undefined && e.actor.id === req.actorId);
}

/** The Cloudflare gatherer: the actor's events in the window, plus IP pivots (other actors, pivot: true). */
export function createCloudflareGatherer(
  cfg: CloudflareConfig,
  opts: CloudflareGathererOptions = {},
): Gatherer & { client: CloudflareAuditClient; close(): Promise<void> } {
  const limits = opts.limits ?? loadLimits({});
  const http = opts.http ?? createCloudflareHttp(cfg, opts);
  const client = new CloudflareAuditClient(cfg, http);
  const budget: PivotBudget = { ips: 3, eventsPerIp: 500, ...opts.pivot };

  async function gather(req: GatherRequest): Promise<GatherResult> {
    const started = Date.now();
    const sinceMs = req.since.getTime();
    const beforeMs = req.before.getTime();
    const inWindow = (e: AuditEvent) => e.ts >= sinceMs && e.ts <= beforeMs;
    const status: SourceStatus = { status: "ok", events: 0, pivot_events: 0, pages: 0, warnings: [], rejected: 0 };
    const byId = new Map<string, AuditEvent>();
    const email = isEmail(req.actor) ? req.actor : undefined;
    const actorId = email ? undefined : (req.actorId ?? req.actor);
    try {
      const own = await client.fetch({ actorEmail: email, actorId, since: req.since, before: req.before, maxRecords: limits.maxEventsPerSource, signal: req.signal });
      status.api = own.api;
      status.pages += own.pages;
      status.rejected += own.rejected;
      status.warnings.push(...own.warnings);
      if (own.truncated) {
        status.status = "truncated";
        status.warnings.push(`Cloudflare: stopped after ${limits.maxEventsPerSource} records (CASEFILE_MAX_EVENTS_PER_SOURCE); the timeline is incomplete.`);
      }
      for (const e of own.events) if (inWindow(e) && isOwn(e, req)) byId.set(e.id, e);
    } catch (e) {
      if (req.signal?.aborted) throw e;
      return failedSource(status, e, started);
    }
    const ownEvents = [...byId.values()];
    status.events = ownEvents.length;

    // Pivots: other actors seen from the actor's IPs (the hinted IP first).
    const pivots = await pivotOnIps({
      vendor: "Cloudflare",
      own: ownEvents,
      hintIp: req.ip,
      budget,
      fetchByIp: (ip) => client.fetch({ ip, since: req.since, before: req.before, maxRecords: budget.eventsPerIp, signal: req.signal }),
      byId,
      keep: (e) => inWindow(e) && !isOwn(e, req),
      status,
      signal: req.signal,
    });
    status.duration_ms = Date.now() - started;
    const events = [...ownEvents, ...pivots].sort((a, b) => a.ts - b.ts);
    return { events, status };
  }

  return { source: "cloudflare", gather, client, close: () => http.close() };
}
