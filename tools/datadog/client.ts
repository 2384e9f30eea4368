// Datadog Audit Trail: thin client (POST /api/v2/audit/events/search, cursor-paged) and the gatherer.
import type { DatadogConfig } from "../config.ts";
import { loadLimits } from "../config.ts";
import type { AuditEvent } from "../../domain/events.ts";
import { type HttpClient, vendorHttpClient, type RetrySettings, type VendorHttpOptions } from "../http.ts";
import { safeText } from "../text.ts";
import { explainDatadogFailure } from "./errors.ts";
import { addressPlans, changedResources, pivotBudget, type PivotBudget, type PivotPlan } from "../pivot.ts";
import { runGather } from "../gather.ts";
import type { Gatherer, GatherRequest, GatherResult } from "../types.ts";
import { normaliseDatadog } from "./normalise.ts";
import { takePage, type PageBudget } from "../pages.ts";

export interface DatadogGathererOptions extends VendorHttpOptions {
  pivot?: Partial<PivotBudget> & { ips?: number; eventsPerIp?: number };
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

/** Query matching an actor by email, id or uuid, under any of the given spellings (attribute search is case-sensitive). */
export function actorQuery(...spellings: string[]): string {
  const vals = [...new Set(spellings)].map(ddQuote);
  const v = vals.length === 1 ? vals[0]! : `(${vals.join(" OR ")})`;
  return `(@usr.email:${v} OR @usr.id:${v} OR @usr.uuid:${v})`;
}

/**
 * The spellings of an email worth asking for: as given, lower case, and the capitalised form SSO often provisions
 * (`Jane.Doe@example.com`). Anything else is found by the discovery search (`resolveSpellings`).
 */
export function spellingVariants(actor: string): string[] {
  const out = [actor, actor.toLowerCase()];
  const at = actor.indexOf("@");
  if (at > 0) {
    const local = actor.slice(0, at).toLowerCase().replace(/(^|[._-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
    out.push(`${local}${actor.slice(at).toLowerCase()}`);
  }
  return [...new Set(out)];
}

/**
 * Datadog's retry policy, run by HttpClient (tools/http.ts): a 429 waits what Retry-After / X-RateLimit-Reset asks
 * (longer than CASEFILE_MAX_RETRY_WAIT_MS: fail at once), else backoff from 500 ms; 502/503/504 and network errors
 * the same (the search POST is read-only, so it is retried). 3 retries, 4 requests at a time. Messages: ./errors.ts.
 */
export const DATADOG_RETRY: RetrySettings = { maxRetries: 3, baseDelayMs: 500 };

export function createDatadogHttp(cfg: DatadogConfig, opts: VendorHttpOptions = {}): HttpClient {
  const headers = { "dd-api-key": cfg.apiKey, "dd-application-key": cfg.appKey };
  return vendorHttpClient({ vendor: "datadog", baseUrl: cfg.baseUrl, headers, retry: DATADOG_RETRY, explain: explainDatadogFailure, concurrency: 4 }, opts);
}

export class DatadogAuditClient {
  constructor(
    readonly cfg: DatadogConfig,
    readonly http: HttpClient,
    readonly pageLimit = 1000,
  ) {}

  /** Runs one search query over [from, to], following meta.page.after to the end, maxRecords or the page cap. */
  async search(query: string, from: Date, to: Date, maxRecords: number, signal?: AbortSignal, pages?: PageBudget): Promise<DatadogFetch> {
    const out: DatadogFetch = { events: [], rejected: 0, warnings: [], pages: 0, truncated: false, partial: false };
    let cursor: string | undefined;
    const seen = new Set<string>();
    let records = 0;
    for (;;) {
      if (!takePage(pages)) {
        out.truncated = true;
        break;
      }
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


/** API and application keys the actor created or regenerated, from their own events. */
export function createdKeys(own: AuditEvent[]): { id: string; name?: string; type: "api_key" | "application_key"; ts: number }[] {
  const out: { id: string; name?: string; type: "api_key" | "application_key"; ts: number }[] = [];
  for (const e of own) {
    const type = e.resource.type;
    if ((type !== "api_key" && type !== "application_key") || (e.operation !== "create" && e.operation !== "update") || !e.resource.id) continue;
    out.push({ id: e.resource.id, ...(e.resource.name ? { name: e.resource.name } : {}), type, ts: e.ts });
  }
  return out;
}

/** The Datadog gatherer: the actor under every spelling, then pivots on their keys, the resources they changed and their addresses. */
export function createDatadogGatherer(
  cfg: DatadogConfig,
  opts: DatadogGathererOptions = {},
): Gatherer & { client: DatadogAuditClient; close(): Promise<void> } {
  const limits = opts.limits ?? loadLimits({});
  const http = opts.http ?? createDatadogHttp(cfg, opts);
  const client = new DatadogAuditClient(cfg, http, opts.pageLimit ?? 1000);
  const budget = pivotBudget(opts.pivot);

  async function gather(req: GatherRequest): Promise<GatherResult> {
    const identities = new Set<string>([req.actor.toLowerCase()]);
    if (req.actorId) identities.add(req.actorId.toLowerCase());
    const isOwn = (e: AuditEvent) =>
      [e.actor.email, e.actor.id, e.actor.uuid].some((v) => v !== undefined && identities.has(v.toLowerCase()));
    // Exact spellings read, for the report: attribute search is case-sensitive, so each one is asked for.
    const spellings = new Set<string>([...spellingVariants(req.actor), ...(req.actorId ? [req.actorId] : [])]);
    return runGather(req, {
      vendor: "Datadog",
      initial: { api: "datadog-search" },
      maxPages: limits.maxPagesPerSource,
      budget,
      async own({ status, pages, byId, inWindow }) {
        const absorb = (r: DatadogFetch) => {
          status.pages += r.pages;
          status.rejected += r.rejected;
          status.warnings.push(...r.warnings);
          if (r.partial && status.status === "ok") status.status = "partial";
          if (r.truncated) {
            status.status = "truncated";
            if (!pages.capped) status.warnings.push(`Datadog: stopped after ${limits.maxEventsPerSource} events (CASEFILE_MAX_EVENTS_PER_SOURCE); the timeline is incomplete.`);
          }
        };
        // Discovery: free text is case-insensitive, so the actor's messages reveal the spellings and uuid Datadog
        // recorded (SSO may provision Jane.Doe@… where Cloudflare has jane.doe@…). Bounded; its gaps are not fatal.
        if (req.actor.includes("@")) {
          const found = await client.search(ddQuote(req.actor), req.since, req.before, budget.eventsPerPivot, req.signal, pages);
          status.pages += found.pages;
          for (const e of found.events) {
            const vals = [e.actor.email, e.actor.id, e.actor.uuid];
            if (!vals.some((v) => v !== undefined && identities.has(v.toLowerCase()))) continue;
            for (const v of vals) if (v) (spellings.add(v), identities.add(v.toLowerCase()));
          }
        }
        const first = await client.search(actorQuery(...spellings), req.since, req.before, limits.maxEventsPerSource, req.signal, pages);
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
          const unseen = !spellings.has(u);
          spellings.add(u);
          if (!unseen) continue;
          const more = await client.search(actorQuery(u), req.since, req.before, limits.maxEventsPerSource, req.signal, pages);
          absorb(more);
          for (const e of more.events) if (inWindow(e) && isOwn(e) && !byId.has(e.id)) byId.set(e.id, e);
        }
      },
      pivots: ({ status, pages }, own) => {
        status.identities = [...spellings].slice(0, 20);
        return { plans: pivotPlans(own, req, identities, pages), isOwn };
      },
    });
  }

  /** The keys the actor created, the resources they changed, their addresses. */
  function pivotPlans(own: AuditEvent[], req: GatherRequest, identities: Set<string>, pages: PageBudget): PivotPlan[] {
    const search = (query: string, max: number) => client.search(query, req.since, req.before, max, req.signal, pages);
    const plans: PivotPlan[] = [];
    for (const k of createdKeys(own)) {
      const ids = `@metadata.api_key.id:${ddQuote(k.id)} OR @metadata.application_key.id:${ddQuote(k.id)}`;
      const names = k.name ? ` OR @metadata.api_key.name:${ddQuote(k.name)} OR @metadata.application_key.name:${ddQuote(k.name)}` : "";
      plans.push({
        kind: "credential",
        key: k.id,
        label: `${k.type === "api_key" ? "API key" : "application key"}${k.name ? ` "${k.name}"` : ""} (id ${k.id})`,
        sinceTs: k.ts,
        fetch: (max) => search(`${ids}${names}`, max),
      });
    }
    const isKey = (e: AuditEvent) => e.resource.type === "api_key" || e.resource.type === "application_key";
    for (const r of changedResources(own, req.focusTs, (e) => isKey(e) || e.category === "Request" || identities.has(e.resource.id!.toLowerCase()))) {
      plans.push({ kind: "resource", key: r.id, label: r.label, fetch: (max) => search(`@asset.id:${ddQuote(r.id)}`, max) });
    }
    plans.push(...addressPlans(own, req.ip, (ip, max) => search(`@network.client.ip:${ddQuote(ip)}`, max)));
    return plans;
  }

  return { source: "datadog", gather, client, close: () => http.close() };
}
