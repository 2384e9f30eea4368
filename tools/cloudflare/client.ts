// Cloudflare account audit logs: thin client (v2 /logs/audit with v1 /audit_logs fallback) and the gatherer.
import type { CloudflareConfig } from "../config.ts";
import { loadLimits } from "../config.ts";
import type { AuditEvent, SourceStatus } from "../../domain/events.ts";
import { type HttpClient, HttpError, vendorHttpClient, type RetrySettings, type VendorHttpOptions } from "../http.ts";
import { safeText } from "../text.ts";
import { explainCloudflareFailure } from "./errors.ts";
import { addressPlans, changedResources, pivotBudget, type PivotBudget, type PivotPlan } from "../pivot.ts";
import { runGather } from "../gather.ts";
import { mergeTwins } from "./twins.ts";
import { takePage, type PageBudget } from "../pages.ts";
import type { Gatherer, GatherRequest, GatherResult } from "../types.ts";
import { VendorError } from "../types.ts";
import { normaliseCloudflare } from "./normalise.ts";

export interface CloudflareGathererOptions extends VendorHttpOptions {
  pivot?: Partial<PivotBudget> & { ips?: number; eventsPerIp?: number };
  http?: HttpClient;
}

export interface CloudflareQuery {
  actorEmail?: string;
  actorId?: string;
  ip?: string;
  /** v2 filters for pivots; v1 cannot filter on them and returns the account's window (matched by the caller). */
  tokenId?: string;
  tokenName?: string;
  resourceId?: string;
  since: Date;
  before: Date;
  /** Stop after this many raw records (→ truncated). */
  maxRecords: number;
  /** Records per page to ask for (default and maximum 1000). */
  pageSize?: number;
  /** The source's page cap for this run, shared by every query of one gather (→ truncated when reached). */
  pages?: PageBudget;
  signal?: AbortSignal;
}

export interface CloudflareFetch {
  events: AuditEvent[];
  rejected: number;
  warnings: string[];
  pages: number;
  truncated: boolean;
  api: "cloudflare-v1" | "cloudflare-v2";
  /** v1 copies merged into their v2 twins (auto mode). */
  merged?: number;
}

export function cloudflareAuthHeaders(cfg: CloudflareConfig): Record<string, string> {
  return cfg.auth.kind === "token"
    ? { authorization: `Bearer ${cfg.auth.token}` }
    : { "x-auth-email": cfg.auth.email, "x-auth-key": cfg.auth.key };
}

/**
 * Cloudflare's retry policy, run by HttpClient (tools/http.ts): a 429 waits what Retry-After / Ratelimit asks and,
 * without a hint, Cloudflare's documented 5-minute block; a wait longer than CASEFILE_MAX_RETRY_WAIT_MS fails at
 * once with a message naming it. 502/503/504 and network errors: exponential backoff from 500 ms, jittered. 3 retries,
 * 4 requests at a time. What each failure status means: ./errors.ts.
 */
export const CLOUDFLARE_RETRY: RetrySettings = { maxRetries: 3, baseDelayMs: 500, defaultRateLimitWaitMs: 300_000 };

export function createCloudflareHttp(cfg: CloudflareConfig, opts: VendorHttpOptions = {}): HttpClient {
  const vendor = { vendor: "cloudflare", baseUrl: cfg.baseUrl, headers: cloudflareAuthHeaders(cfg), retry: CLOUDFLARE_RETRY, explain: explainCloudflareFailure, concurrency: 4 } as const;
  return vendorHttpClient(vendor, opts);
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
      if (!takePage(q.pages)) {
        out.truncated = true;
        break;
      }
      const query = {
        since: rfc3339(q.since),
        before: rfc3339(q.before),
        limit,
        direction: "asc",
        actor_email: q.actorEmail,
        actor_id: q.actorId,
        actor_ip_address: q.ip,
        actor_token_id: q.tokenId,
        actor_token_name: q.tokenName,
        resource_id: q.resourceId,
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

  /** Account-wide v1 reads (pivots v1 cannot filter), shared by the pivots of one window. */
  private v1Scans = new Map<string, Promise<CloudflareFetch>>();

  /** v1 GET /accounts/{id}/audit_logs, paging until an empty page (or result_info proves the end). */
  async fetchV1(q: CloudflareQuery): Promise<CloudflareFetch> {
    if (q.actorEmail || q.actorId || q.ip) return this.readV1(q);
    // A pivot on a token or resource: v1 has no such filter, so it reads the account's window once (bounded).
    const key = `${q.since.getTime()}|${q.before.getTime()}|${q.maxRecords}`;
    let scan = this.v1Scans.get(key);
    if (!scan) {
      if (this.v1Scans.size >= 4) this.v1Scans.delete(this.v1Scans.keys().next().value!);
      scan = this.readV1({ since: q.since, before: q.before, maxRecords: q.maxRecords, pageSize: q.pageSize, pages: q.pages, signal: q.signal });
      scan.catch(() => this.v1Scans.delete(key));
      this.v1Scans.set(key, scan);
      return scan;
    }
    // A repeated read costs no query.
    return scan.then((r) => ({ ...r, pages: 0 }));
  }

  private async readV1(q: CloudflareQuery): Promise<CloudflareFetch> {
    const out: CloudflareFetch = { events: [], rejected: 0, warnings: [], pages: 0, truncated: false, api: "cloudflare-v1" };
    const perPage = Math.min(1000, q.pageSize ?? 1000);
    const seenIds = new Set<string>();
    let records = 0;
    for (let page = 1; ; page++) {
      if (!takePage(q.pages)) {
        out.truncated = true;
        break;
      }
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

/** v2 entries first, each merged with its v1 twin (tools/cloudflare/twins.ts); v1 entries v2 lacks are added. */
export function mergeHistories(v2: CloudflareFetch, v1: CloudflareFetch): CloudflareFetch {
  const { events, merged } = mergeTwins(v2.events, v1.events);
  return {
    events,
    merged: (v2.merged ?? 0) + (v1.merged ?? 0) + merged,
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

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" && v.length <= 300 ? v : undefined);

/** A credential the actor created or rolled: the API token's id (tag) and name. */
export interface CreatedCredential {
  id?: string;
  name?: string;
  ts: number;
}

const TOKEN_ACTION = /token_(create|roll)|api_tokens?\.(create|update)|tokens?\.(create|roll|update)/i;

/** Cloudflare API tokens created or rolled in the actor's own events (v1 `token_create`/`token_roll`, v2 `api_tokens.*`). */
export function createdCredentials(own: AuditEvent[]): CreatedCredential[] {
  const out: CreatedCredential[] = [];
  for (const e of own) {
    if (!TOKEN_ACTION.test(e.action) && !/token/i.test(e.resource.type ?? "")) continue;
    if (e.operation !== "create" && e.operation !== "update") continue;
    const md = e.metadata ?? {};
    const request = e.change?.new && typeof e.change.new === "object" ? (e.change.new as Record<string, unknown>) : {};
    // v2 metadata.token_id is the token that authenticated the request, not the one created: never a key here.
    const id = str(md.token_tag) ?? (/token/i.test(e.resource.type ?? "") && e.resource.id !== e.actor.id ? str(e.resource.id) : undefined);
    const name = str(md.token_name) ?? str(request.name) ?? (e.source === "cloudflare" ? undefined : str(e.resource.name));
    if (id || name) out.push({ ...(id ? { id } : {}), ...(name ? { name } : {}), ts: e.ts });
  }
  return out;
}

/** Does a Cloudflare event use (or manage) the credential? v2 names the token that authenticated the request. */
function usesCredential(e: AuditEvent, c: CreatedCredential): boolean {
  const tokenId = str(e.metadata?.token_id) ?? str(e.metadata?.token_tag);
  if (c.id && tokenId === c.id) return true;
  return !!c.name && e.actor.token_name === c.name;
}

/** The actor's spellings and ids seen in their own events: what was actually read. */
function identitiesOf(req: GatherRequest, own: AuditEvent[]): string[] {
  const out = new Set<string>([req.actor]);
  if (req.actorId) out.add(req.actorId);
  for (const e of own) {
    if (e.actor.email) out.add(e.actor.email);
    if (e.actor.id) out.add(`user id ${e.actor.id}`);
    const tid = str(e.metadata?.token_id);
    if (tid) out.add(`token ${e.actor.token_name ? `"${e.actor.token_name}" ` : ""}(id ${tid})`);
  }
  return [...out].slice(0, 20);
}

/** The Cloudflare gatherer: the actor's events in the window, then pivots on their addresses, tokens and resources. */
export function createCloudflareGatherer(
  cfg: CloudflareConfig,
  opts: CloudflareGathererOptions = {},
): Gatherer & { client: CloudflareAuditClient; close(): Promise<void> } {
  const limits = opts.limits ?? loadLimits({});
  const http = opts.http ?? createCloudflareHttp(cfg, opts);
  const client = new CloudflareAuditClient(cfg, http);
  const budget = pivotBudget(opts.pivot);

  const gather = (req: GatherRequest): Promise<GatherResult> =>
    runGather(req, {
      vendor: "Cloudflare",
      maxPages: limits.maxPagesPerSource,
      budget,
      async own({ status, pages, byId, inWindow }) {
        const email = isEmail(req.actor) ? req.actor : undefined;
        const actorId = email ? undefined : (req.actorId ?? req.actor);
        const own = await client.fetch({ actorEmail: email, actorId, since: req.since, before: req.before, maxRecords: limits.maxEventsPerSource, pages, signal: req.signal });
        status.api = own.api;
        status.pages += own.pages;
        status.rejected += own.rejected;
        status.warnings.push(...own.warnings);
        if (own.merged) status.merged_twins = own.merged;
        if (own.truncated) {
          status.status = "truncated";
          if (!pages.capped) status.warnings.push(`Cloudflare: stopped after ${limits.maxEventsPerSource} records (CASEFILE_MAX_EVENTS_PER_SOURCE); the timeline is incomplete.`);
        }
        for (const e of own.events) if (inWindow(e) && isOwn(e, req)) byId.set(e.id, e);
      },
      pivots: ({ status, pages }, ownEvents) => {
        status.identities = identitiesOf(req, ownEvents);
        return { plans: pivotPlans(ownEvents, req, { since: req.since, before: req.before, pages, signal: req.signal }, status), isOwn: (e) => isOwn(e, req) };
      },
    });

  /** Credentials first (a token the actor minted and someone else used is the strongest lead), then resources, then addresses. */
  function pivotPlans(ownEvents: AuditEvent[], req: GatherRequest, window: Pick<CloudflareQuery, "since" | "before" | "pages" | "signal">, status: SourceStatus): PivotPlan[] {
    const counted = async (q: CloudflareQuery) => {
      const r = await client.fetch(q);
      if (r.merged) status.merged_twins = (status.merged_twins ?? 0) + r.merged;
      return r;
    };
    const plans: PivotPlan[] = [];
    for (const c of createdCredentials(ownEvents)) {
      const key = c.id ?? c.name!;
      plans.push({
        kind: "credential",
        key,
        label: `API token${c.name ? ` "${c.name}"` : ""}${c.id ? ` (id ${c.id})` : ""}`,
        sinceTs: c.ts,
        match: (e) => usesCredential(e, c),
        fetch: async (max) => {
          const byTokenId = c.id ? await counted({ ...window, tokenId: c.id, maxRecords: max }) : undefined;
          const byName = c.name ? await counted({ ...window, tokenName: c.name, maxRecords: max }) : undefined;
          const parts = [byTokenId, byName].filter((r): r is CloudflareFetch => r !== undefined);
          return { events: parts.flatMap((r) => r.events), pages: parts.reduce((n, r) => n + r.pages, 0), rejected: parts.reduce((n, r) => n + r.rejected, 0), truncated: parts.some((r) => r.truncated) };
        },
      });
    }
    const isCredentialEvent = (e: AuditEvent) => TOKEN_ACTION.test(e.action) || /token|api_key/i.test(e.resource.type ?? "");
    for (const r of changedResources(ownEvents, req.focusTs, (e) => e.resource.type === "account" || e.resource.id === e.actor.id || e.resource.id === cfg.accountId || isCredentialEvent(e))) {
      plans.push({ kind: "resource", key: r.id, label: r.label, match: (e) => e.resource.id === r.id, fetch: (max) => counted({ ...window, resourceId: r.id, maxRecords: max }) });
    }
    plans.push(...addressPlans(ownEvents, req.ip, (ip, max) => counted({ ...window, ip, maxRecords: max })));
    return plans;
  }

  return { source: "cloudflare", gather, client, close: () => http.close() };
}
