// Datadog double: Audit Trail search (POST) and list (GET), key validation (contracts/datadog.md).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  HttpError,
  SANDBOX_DD_API_KEY,
  decodeCursor,
  encodeCursor,
  getPath,
  intParam,
  one,
  recordTime,
  sortByTime,
  type SandboxContext,
} from "./common.ts";
import { QueryError, matches, parseQuery } from "./ddquery.ts";

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 10;
const UNITS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

/** `now`, `now-24h`, epoch milliseconds, or an ISO date / date-time (no zone = UTC). Relative to the incident clock. */
export function parseDatadogTime(raw: unknown, name: string, now: number): number {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  if (typeof raw === "string") {
    const s = raw.trim();
    const rel = /^now(?:([+-])(\d+)([smhdw]))?$/.exec(s);
    if (rel) return rel[1] ? now + (rel[1] === "-" ? -1 : 1) * Number(rel[2]) * UNITS[rel[3]!]! : now;
    if (/^\d{10,}$/.test(s)) return Number(s);
    const t = recordTime(s);
    if (t !== undefined) return t;
  }
  throw new HttpError(400, `${name}: invalid time ${JSON.stringify(raw)}; use an ISO-8601 date-time, epoch milliseconds, or date math such as now-24h`);
}

const SearchBody = z.looseObject({
  filter: z.looseObject({ query: z.string().optional(), from: z.union([z.string(), z.number()]).optional(), to: z.union([z.string(), z.number()]).optional() }).optional(),
  options: z.looseObject({ time_offset: z.number().int().optional(), timezone: z.string().optional() }).optional(),
  page: z.looseObject({ limit: z.number().int().optional(), cursor: z.string().optional() }).optional(),
  sort: z.enum(["timestamp", "-timestamp"]).optional(),
});

interface Search {
  query: string;
  from: number;
  to: number;
  sort: "timestamp" | "-timestamp";
  offset: number;
  limit: number;
}

function run(ctx: SandboxContext, s: Search): unknown {
  let node;
  try {
    node = parseQuery(s.query);
  } catch (err) {
    if (err instanceof QueryError) throw new HttpError(400, `invalid filter.query ${JSON.stringify(s.query)}: ${err.message}`);
    throw err;
  }
  const rows: { t: number; i: number; e: unknown }[] = [];
  (ctx.incident.sources.datadog?.audit_events ?? []).forEach((e, i) => {
    const t = recordTime(getPath(e, "attributes.timestamp"));
    if (t === undefined || t > ctx.now || t < s.from || t > s.to) return;
    if (matches(node, e)) rows.push({ t, i, e });
  });
  const size = Math.min(s.limit, ctx.maxPageSize.datadog ?? MAX_LIMIT);
  const data = sortByTime(rows, s.sort === "timestamp" ? "asc" : "desc")
    .slice(s.offset, s.offset + size)
    .map((r) => r.e);
  if (data.length === 0) return { data: [] };
  if (data.length < size) return { data };
  // A full page: like the real API, hand out a cursor; the page after the last one is exactly {"data":[]}.
  const after = encodeCursor({ o: s.offset + size, q: s.query, f: s.from, t: s.to, s: s.sort });
  const next = new URLSearchParams({
    "filter[query]": s.query,
    "filter[from]": new Date(s.from).toISOString(),
    "filter[to]": new Date(s.to).toISOString(),
    "page[cursor]": after,
    "page[limit]": String(s.limit),
    sort: s.sort,
  });
  return { data, links: { next: `${ctx.baseUrl}/api/v2/audit/events?${next.toString()}` }, meta: { page: { after } } };
}

/** A cursor carries the whole search, so following it needs nothing else. */
function fromCursor(cursor: string, limit: number): Search {
  const c = decodeCursor(cursor, "Datadog page");
  if (typeof c.q !== "string" || typeof c.f !== "number" || typeof c.t !== "number" || (c.s !== "timestamp" && c.s !== "-timestamp")) {
    throw new HttpError(400, "invalid page cursor: pass back exactly meta.page.after of the previous response");
  }
  return { query: c.q, from: c.f, to: c.t, sort: c.s, offset: c.o as number, limit };
}

function limitOf(raw: number | string | undefined): number {
  if (typeof raw === "number") {
    if (!Number.isInteger(raw) || raw < 1 || raw > MAX_LIMIT) throw new HttpError(400, `page.limit must be between 1 and ${MAX_LIMIT}, got ${raw}`);
    return raw;
  }
  return intParam(raw, "page[limit]", DEFAULT_LIMIT, 1, MAX_LIMIT);
}

export function registerDatadog(app: FastifyInstance, ctx: SandboxContext): void {
  app.get("/api/v1/validate", { config: { auth: "none" } }, async (req, reply) => {
    if (req.headers["dd-api-key"] !== SANDBOX_DD_API_KEY) return reply.code(403).send({ errors: ["Forbidden"] });
    return { valid: true };
  });

  app.post("/api/v2/audit/events/search", async (req) => {
    const parsed = SearchBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `invalid search body at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
    }
    const b = parsed.data;
    if (b.options?.time_offset !== undefined && b.options.timezone !== undefined) {
      throw new HttpError(400, "options: set either time_offset or timezone, not both");
    }
    const limit = limitOf(b.page?.limit);
    if (b.page?.cursor) return run(ctx, fromCursor(b.page.cursor, limit));
    return run(ctx, {
      query: b.filter?.query ?? "*",
      from: parseDatadogTime(b.filter?.from ?? "now-15m", "filter.from", ctx.now),
      to: parseDatadogTime(b.filter?.to ?? "now", "filter.to", ctx.now),
      sort: b.sort ?? "-timestamp",
      offset: 0,
      limit,
    });
  });

  app.get<{ Querystring: Record<string, unknown> }>("/api/v2/audit/events", async (req) => {
    const q = req.query;
    const limit = limitOf(one(q["page[limit]"]));
    const cursor = one(q["page[cursor]"]);
    if (cursor) return run(ctx, fromCursor(cursor, limit));
    const sort = one(q["sort"]) ?? "-timestamp";
    if (sort !== "timestamp" && sort !== "-timestamp") throw new HttpError(400, `sort must be "timestamp" or "-timestamp", got "${sort}"`);
    return run(ctx, {
      query: one(q["filter[query]"]) ?? "*",
      from: parseDatadogTime(one(q["filter[from]"]) ?? "now-15m", "filter[from]", ctx.now),
      to: parseDatadogTime(one(q["filter[to]"]) ?? "now", "filter[to]", ctx.now),
      sort,
      offset: 0,
      limit,
    });
  });
}
