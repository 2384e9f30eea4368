// Datadog Audit Trail: thin client (POST /api/v2/audit/events/search, cursor-paged) and the gatherer.
import type { DatadogConfig, Limits } from "../config.ts";
import { loadLimits } from "../config.ts";
import type { AuditEvent, SourceStatus } from "../events.ts";
import { HttpClient, safeText } from "../http.ts";
import { failedSource } from "../types.ts";
import { pivotOnIps } from "../pivot.ts";
import type { Gatherer, GatherRequest, GatherResult } from "../types.ts";
import { normaliseDatadog } from "./normalise.ts";

export interface DatadogGathererOptions {
  limits?: Limits;
  pivot?: Partial<{ ips: number; eventsPerIp: number }>;
  concurrency?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  /** Page size (default and maximum 1000). */
  pageLimit?: number;
  http?: HttpClient;
}

export interface DatadogFetch {
  events: AuditEvent[];
  rejected: number;
  warnings: string[];
  pages: number;
  truncated: boolean;
  /** meta.status timeout or meta.warnings: results may be incomplete. */
  partial: boolean;
}

/** Quotes a value for Datadog search syntax: `"a@b.c"` with `"` and `\` escaped. */
export function ddQuote(v: string): string {
  return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Query matching an actor by email, id or uuid. */
export function actorQuery(actor: string): string {
  const q = ddQuote(actor);
  return `(@usr.email:${q} OR @usr.id:${q} OR @usr.uuid:${q})`;
}

export function createDatadogHttp(cfg: DatadogConfig, opts: DatadogGathererOptions = {}): HttpClient {
  const limits = opts.limits ?? loadLimits({});
  return new HttpClient({
    vendor: "datadog",
    baseUrl: cfg.baseUrl,
    headers: { "dd-api-key": cfg.apiKey, "dd-application-key": cfg.appKey },
    timeoutMs: limits.httpTimeoutMs,
    maxRetryWaitMs: limits.maxRetryWaitMs,
    concurrency: opts.concurrency ?? 4,
    maxRetries: opts.maxRetries ?? 3,
    baseDelayMs: opts.baseDelayMs ?? 500,
  });
}

export class DatadogAuditClient {
  constructor(
    readonly cfg: DatadogConfig,
    readonly http: HttpClient,
    readonly pageLimit = 1000,
  ) {}

  /** Runs one search query over [from, to], following meta.page.after to the end or maxRecords. */
  async search(query: string, from: Date, to: Date, maxRecords: number, signal?: AbortSignal): Promise<DatadogFetch> {
    const out: DatadogFetch = { events: [], rejected: 0, warnings: [], pages: 0, truncated: false, partial: false };
    let cursor: string | undefined;
    const seen = new Set<string>();
    let records = 0;
    for (;;) {
      const body = {
        filter: { query, from: from.toISOString(), to: to.toISOString() },
        options: { timezone: "UTC" },
        page: { limit: Math.min(1000, this.pageLimit), ...(cursor ? { cursor } : {}) },
        sort: "timestamp",
      };
      // Search is read-only: retrying the POST is safe.
      const res = await this.http.request({ method: "POST", path: "/api/v2/audit/events/search", json: body, idempotent: true, signal, what: "audit event search" });
      out.pages++;
      const b = res.body && typeof res.body === "object" ? (res.body as Record<string, unknown>) : {};
      const data = Array.isArray(b.data) ? b.data : [];
      const meta = b.meta && typeof b.meta === "object" ? (b.meta as Record<string, unknown>) : undefined;
      if (meta?.status === "timeout") {
        out.partial = true;
        out.warnings.push("Datadog search timed out server-side (meta.status=timeout); results may be incomplete.");
      }
      if (Array.isArray(meta?.warnings)) {
        for (const w of meta.warnings) {
          const wo = w && typeof w === "object" ? (w as Record<string, unknown>) : {};
          out.partial = true;
          out.warnings.push(`Datadog warning ${safeText(wo.code, 40)}: ${safeText(wo.title, 120)} ${safeText(wo.detail, 200)}`.trim());
        }
      }
      records += data.length;
      const n = normaliseDatadog(data);
      out.events.push(...n.events);
      out.rejected += n.rejected;
      out.warnings.push(...n.warnings);
      const page = meta?.page && typeof meta.page === "object" ? (meta.page as Record<string, unknown>) : undefined;
      const after = page?.after;
      if (data.length === 0 || typeof after !== "string" || after === "" || seen.has(after)) break;
      if (records >= maxRecords) {
        out.truncated = true;
        break;
      }
      seen.add(after);
      cursor = after;
    }
    return out;
  }
}

/** The Datadog gatherer: the actor's events (by email/id/uuid, plus key-authenticated events under their uuid) and IP pivots. */
export function createDatadogGatherer(
  cfg: DatadogConfig,
  opts: DatadogGathererOptions = {},
): Gatherer & { client: DatadogAuditClient; close(): Promise<void> } {
  const limits = opts.limits ?? loadLimits({});
  const http = opts.http ?? createDatadogHttp(cfg, opts);
  const client = new DatadogAuditClient(cfg, http, opts.pageLimit ?? 1000);
  const budget = { ips: 3, eventsPerIp: 500, ...opts.pivot };

  async function gather(req: GatherRequest): Promise<GatherResult> {
    const started = Date.now();
    const sinceMs = req.since.getTime();
    const beforeMs = req.before.getTime();
    const inWindow = (e: AuditEvent) => e.ts >= sinceMs && e.ts <= beforeMs;
    const status: SourceStatus = { status: "ok", events: 0, pivot_events: 0, pages: 0, api: "datadog-search", warnings: [], rejected: 0 };
    const identities = new Set<string>([req.actor.toLowerCase()]);
    if (req.actorId) identities.add(req.actorId.toLowerCase());
    const isOwn = (e: AuditEvent) =>
      [e.actor.email, e.actor.id, e.actor.uuid].some((v) => v !== undefined && identities.has(v.toLowerCase()));
    const byId = new Map<string, AuditEvent>();
    const absorb = (r: DatadogFetch) => {
      status.pages += r.pages;
      status.rejected += r.rejected;
      status.warnings.push(...r.warnings);
      if (r.partial && status.status === "ok") status.status = "partial";
      if (r.truncated) {
        status.status = "truncated";
        status.warnings.push(`Datadog: stopped after ${limits.maxEventsPerSource} events (CASEFILE_MAX_EVENTS_PER_SOURCE); the timeline is incomplete.`);
      }
    };
    try {
      const first = await client.search(actorQuery(req.actor), req.since, req.before, limits.maxEventsPerSource, req.signal);
      absorb(first);
      for (const e of first.events) if (inWindow(e) && isOwn(e)) byId.set(e.id, e);
      // Key-authenticated events carry the user's uuid in usr.email / usr.id: learn the uuids and query again.
      const uuids = new Set<string>();
      for (const e of byId.values()) {
        const u = e.actor.uuid;
        if (u && !identities.has(u.toLowerCase())) uuids.add(u);
      }
      for (const u of [...uuids].slice(0, 5)) {
        identities.add(u.toLowerCase());
        const more = await client.search(actorQuery(u), req.since, req.before, limits.maxEventsPerSource, req.signal);
        absorb(more);
        for (const e of more.events) if (inWindow(e) && isOwn(e) && !byId.has(e.id)) byId.set(e.id, e);
      }
    } catch (e) {
      if (req.signal?.aborted) throw e;
      return failedSource(status, e, started);
    }
    const own = [...byId.values()];
    status.events = own.length;

    const pivots = await pivotOnIps({
      vendor: "Datadog",
      own,
      hintIp: req.ip,
      budget,
      fetchByIp: (ip) => client.search(`@network.client.ip:${ddQuote(ip)}`, req.since, req.before, budget.eventsPerIp, req.signal),
      byId,
      keep: (e) => inWindow(e) && !isOwn(e),
      status,
      signal: req.signal,
    });
    status.duration_ms = Date.now() - started;
    return { events: [...own, ...pivots].sort((a, b) => a.ts - b.ts), status };
  }

  return { source: "datadog", gather, client, close: () => http.close() };
}
