// Cloudflare double: v1 account audit logs, v2 audit logs, token verify (contracts/cloudflare.md).
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  HttpError,
  SANDBOX_CLOUDFLARE_TOKEN,
  SANDBOX_DEFAULT_ACCOUNT_ID,
  decodeCursor,
  encodeCursor,
  getPath,
  intParam,
  ipMatches,
  isIpOrCidr,
  many,
  one,
  parseDateOrRfc3339,
  recordTime,
  sortByTime,
  type SandboxContext,
} from "./common.ts";

type Row = { t: number; i: number; e: Record<string, unknown> };

const V1_MAX = 1000;
const V2_MAX = 1000;

/** v2 filter parameter → path inside a v2 entry. */
const V2_FILTERS: Record<string, string> = {
  account_name: "account.name",
  action_result: "action.result",
  action_type: "action.type",
  actor_context: "actor.context",
  actor_email: "actor.email",
  actor_id: "actor.id",
  actor_ip_address: "actor.ip_address",
  actor_token_id: "actor.token_id",
  actor_token_name: "actor.token_name",
  actor_type: "actor.type",
  id: "id",
  audit_log_id: "id",
  raw_cf_ray_id: "raw.cf_ray_id",
  raw_method: "raw.method",
  raw_status_code: "raw.status_code",
  raw_uri: "raw.uri",
  resource_id: "resource.id",
  resource_product: "resource.product",
  resource_scope: "resource.scope",
  resource_type: "resource.type",
  zone_id: "zone.id",
  zone_name: "zone.name",
};

export function cloudflareAccountId(ctx: SandboxContext): string {
  return ctx.incident.sources.cloudflare?.account_id ?? SANDBOX_DEFAULT_ACCOUNT_ID;
}

function checkAccount(ctx: SandboxContext, req: FastifyRequest<{ Params: { id: string } }>): void {
  const id = req.params.id;
  if (!/^[0-9a-f]{32}$/i.test(id)) {
    throw new HttpError(404, `Could not route to ${req.url.split("?")[0]}, perhaps your object identifier is invalid?`, 7003);
  }
  if (id !== cloudflareAccountId(ctx)) throw new HttpError(403, "Unauthorized to access requested resource", 9109);
}

function rows(entries: unknown[], timePath: string, now: number): Row[] {
  const out: Row[] = [];
  entries.forEach((e, i) => {
    if (!e || typeof e !== "object") return;
    const t = recordTime(getPath(e, timePath));
    if (t === undefined || t > now) return;
    out.push({ t, i, e: e as Record<string, unknown> });
  });
  return out;
}

function timeParam(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const t = parseDateOrRfc3339(raw);
  if (t === undefined) throw new HttpError(400, `${name} must be a date (2026-08-20) or an RFC3339 timestamp, got "${raw}"`);
  return t;
}

function directionParam(raw: string | undefined): "asc" | "desc" {
  if (raw === undefined || raw === "" || raw === "desc") return "desc";
  if (raw === "asc") return "asc";
  throw new HttpError(400, `direction must be "asc" or "desc", got "${raw}"`);
}

function boolParam(raw: string | undefined, name: string): boolean {
  if (raw === undefined || raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw new HttpError(400, `${name} must be true or false, got "${raw}"`);
}

function eqi(a: unknown, b: string): boolean {
  return typeof a === "string" ? a.toLowerCase() === b.toLowerCase() : a !== undefined && a !== null && String(a) === b;
}

export function registerCloudflare(app: FastifyInstance, ctx: SandboxContext): void {
  app.get("/client/v4/user/tokens/verify", { config: { auth: "none" } }, async (req, reply) => {
    if (req.headers.authorization !== `Bearer ${SANDBOX_CLOUDFLARE_TOKEN}`) {
      return reply.code(401).send({ success: false, errors: [{ code: 1000, message: "Invalid API Token" }], messages: [], result: null });
    }
    return {
      success: true,
      errors: [],
      messages: [{ code: 10000, message: "This API Token is valid and active", type: null }],
      result: { id: "5f3c1d0e9b8a7c6d5e4f3a2b1c0d9e8f", status: "active" },
    };
  });

  // v1: page-number pagination, dotted filter names, no result_info (as in captured responses).
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>("/client/v4/accounts/:id/audit_logs", async (req) => {
    checkAccount(ctx, req);
    const q = req.query;
    const perPage = intParam(one(q["per_page"]), "per_page", 100, 1, V1_MAX);
    const page = intParam(one(q["page"]), "page", 1, 1, Number.MAX_SAFE_INTEGER);
    const since = timeParam(one(q["since"]), "since");
    const before = timeParam(one(q["before"]), "before");
    const direction = directionParam(one(q["direction"]));
    const hideUserLogs = boolParam(one(q["hide_user_logs"]), "hide_user_logs");
    const email = one(q["actor.email"]);
    const ip = one(q["actor.ip"]);
    if (ip !== undefined && ip !== "" && !isIpOrCidr(ip)) throw new HttpError(400, `actor.ip must be an IP address or CIDR range, got "${ip}"`);
    const actionType = one(q["action.type"]);
    const zoneName = one(q["zone.name"]);
    const id = one(q["id"]);
    const accountId = cloudflareAccountId(ctx);

    const all = rows(ctx.incident.sources.cloudflare?.audit_logs ?? [], "when", ctx.now).filter(({ t, e }) => {
      if (since !== undefined && t < since) return false;
      if (before !== undefined && t > before) return false;
      if (email && !eqi(getPath(e, "actor.email"), email)) return false;
      if (ip && !ipMatches(getPath(e, "actor.ip"), ip)) return false;
      if (actionType && getPath(e, "action.type") !== actionType) return false;
      if (zoneName && !eqi(getPath(e, "metadata.zone_name"), zoneName)) return false;
      if (id && getPath(e, "id") !== id) return false;
      if (hideUserLogs && getPath(e, "owner.id") !== accountId) return false;
      return true;
    });
    const size = Math.min(perPage, ctx.maxPageSize.cloudflare ?? V1_MAX);
    const start = (page - 1) * size;
    const result = sortByTime(all, direction)
      .slice(start, start + size)
      .map((r) => r.e);
    return { success: true, errors: [], messages: [], result };
  });

  // v2: cursor pagination, required window, repeatable filters with `.not` negatives.
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>("/client/v4/accounts/:id/logs/audit", async (req) => {
    checkAccount(ctx, req);
    const v2 = ctx.incident.sources.cloudflare?.audit_logs_v2;
    if (!v2) throw new HttpError(404, "No route for the URI", 7003);
    const q = req.query;
    const sinceRaw = one(q["since"]);
    const beforeRaw = one(q["before"]);
    if (!sinceRaw || !beforeRaw) throw new HttpError(400, "since and before are required (a date such as 2026-08-20 or an RFC3339 timestamp)");
    const since = timeParam(sinceRaw, "since")!;
    const before = timeParam(beforeRaw, "before")!;
    const limit = intParam(one(q["limit"]), "limit", 100, 1, V2_MAX);
    const direction = directionParam(one(q["direction"]));
    const cursor = one(q["cursor"]);
    const offset = cursor ? (decodeCursor(cursor, "Cloudflare audit log").o as number) : 0;

    const positive: [string, string[]][] = [];
    const negative: [string, string[]][] = [];
    for (const [name, path] of Object.entries(V2_FILTERS)) {
      const yes = many(q[name]);
      const no = many(q[`${name}.not`]);
      if (yes.length) positive.push([path, yes]);
      if (no.length) negative.push([path, no]);
    }
    const matches = (e: unknown, path: string, values: string[]): boolean => {
      const v = getPath(e, path);
      return values.some((want) => (path === "actor.ip_address" ? ipMatches(v, want) : eqi(v, want)));
    };
    const all = rows(v2, "action.time", ctx.now).filter(
      ({ t, e }) =>
        t >= since &&
        t <= before &&
        positive.every(([p, vals]) => matches(e, p, vals)) &&
        !negative.some(([p, vals]) => matches(e, p, vals)),
    );
    const size = Math.min(limit, ctx.maxPageSize.cloudflare ?? V2_MAX);
    const result = sortByTime(all, direction)
      .slice(offset, offset + size)
      .map((r) => r.e);
    const more = offset + size < all.length;
    const next = more ? encodeCursor({ o: offset + size }) : undefined;
    return {
      success: true,
      errors: [],
      messages: [],
      result,
      result_info: next ? { count: String(result.length), cursor: next, cursors: { after: next } } : { count: String(result.length) },
    };
  });
}
