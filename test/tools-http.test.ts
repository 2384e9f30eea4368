// The shared HTTP helper and gatherer edge cases against tiny Fastify doubles on 127.0.0.1.
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { HttpClient, HttpError, UncertainOutcomeError, explainFailure, retryHintMs } from "../tools/http.ts";
import { explainCloudflareFailure } from "../tools/cloudflare/errors.ts";
import { explainConfluenceFailure } from "../tools/confluence/errors.ts";
import { explainDatadogFailure } from "../tools/datadog/errors.ts";
import { countVendorRequests } from "./vendor-counts.ts";
import { CLOUDFLARE_RETRY, createCloudflareGatherer } from "../tools/cloudflare/client.ts";
import { DatadogAuditClient, createDatadogGatherer } from "../tools/datadog/client.ts";
import { loadLimits } from "../tools/config.ts";

const httpCounters = countVendorRequests();

const apps: FastifyInstance[] = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  for (const a of apps.splice(0)) await a.close();
});

async function serve(register: (app: FastifyInstance) => void): Promise<string> {
  const app = Fastify();
  register(app);
  await app.listen({ host: "127.0.0.1", port: 0 });
  apps.push(app);
  const addr = app.server.address();
  if (!addr || typeof addr === "string") throw new Error("no address");
  return `http://127.0.0.1:${addr.port}`;
}

function client(baseUrl: string, over: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}): HttpClient {
  const c = new HttpClient({ vendor: "datadog", baseUrl, headers: { "dd-api-key": "secret-key-value" }, timeoutMs: 2000, maxRetryWaitMs: 5000, baseDelayMs: 5, ...over });
  clients.push(c);
  return c;
}

describe("retryHintMs", () => {
  const now = Date.parse("2026-08-20T14:00:00Z");
  it("reads Retry-After seconds and HTTP dates", () => {
    expect(retryHintMs({ "retry-after": "7" }, 503, now)).toBe(7000);
    expect(retryHintMs({ "retry-after": "Thu, 20 Aug 2026 14:00:30 GMT" }, 429, now)).toBe(30_000);
  });
  it("reads Ratelimit t= and X-RateLimit-Reset (seconds or ISO) only for a 429", () => {
    expect(retryHintMs({ ratelimit: '"default";r=0;t=42' }, 429, now)).toBe(42_000);
    expect(retryHintMs({ "x-ratelimit-reset": "12" }, 429, now)).toBe(12_000);
    expect(retryHintMs({ "x-ratelimit-reset": "2026-08-20T14:01:00Z" }, 429, now)).toBe(60_000);
    expect(retryHintMs({ ratelimit: '"default";r=900;t=300', "x-ratelimit-reset": "60" }, 503, now)).toBeUndefined();
    expect(retryHintMs({}, 429, now)).toBeUndefined();
  });
});

describe("HttpClient", () => {
  it("retries 429 honouring Retry-After, counts calls, retries and 429s", async () => {
    let n = 0;
    const url = await serve((app) =>
      app.get("/x", async (_req, reply) => (++n === 1 ? reply.code(429).header("retry-after", "0").send({ errors: ["Rate limit"] }) : { ok: true })),
    );
    const before = { ...httpCounters.datadog };
    const res = await client(url).request({ method: "GET", path: "/x", what: "test" });
    expect(res.body).toEqual({ ok: true });
    expect(n).toBe(2);
    expect(httpCounters.datadog.calls - before.calls).toBe(2);
    expect(httpCounters.datadog.retries - before.retries).toBe(1);
    expect(httpCounters.datadog.rate_limited - before.rate_limited).toBe(1);
  });

  it("an injected onRequest hook gets the counts instead of the diagnostics channel", async () => {
    let n = 0;
    const url = await serve((app) => app.get("/x", async (_req, reply) => (++n === 1 ? reply.code(503).send({}) : { ok: true })));
    const seen: unknown[] = [];
    const before = { ...httpCounters.datadog };
    await client(url, { onRequest: (e) => seen.push(e) }).request({ method: "GET", path: "/x", what: "test" });
    expect(seen).toEqual([
      { vendor: "datadog", count: "calls" },
      { vendor: "datadog", count: "retries" },
      { vendor: "datadog", count: "calls" },
    ]);
    expect(httpCounters.datadog).toEqual(before);
  });

  it("a Cloudflare 429 without hints means the 5-minute block: over the cap it fails at once, naming the variable", async () => {
    let n = 0;
    const url = await serve((app) =>
      app.get("/x", async (_req, reply) => {
        n++;
        return reply.code(429).send({ success: false, errors: [{ code: 10429, message: "too many" }] });
      }),
    );
    const c = client(url, { vendor: "cloudflare", ...CLOUDFLARE_RETRY, baseDelayMs: 5, explain: explainCloudflareFailure, maxRetryWaitMs: 1000 });
    const err = await c.request({ method: "GET", path: "/x", what: "audit log query (v1)" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as Error).message).toMatch(/Cloudflare rate limit hit \(429\).*wait 300 s.*CASEFILE_MAX_RETRY_WAIT_MS=1000/);
    expect(n).toBe(1);
  });

  it("never retries a non-idempotent POST after a 503 or a reset connection", async () => {
    let posts = 0;
    const url = await serve((app) => {
      app.post("/create", async (_req, reply) => {
        posts++;
        return reply.code(503).send({ message: "down" });
      });
      app.post("/reset", async (req) => {
        posts++;
        req.raw.socket.destroy();
      });
    });
    const c = client(url, { vendor: "confluence" });
    await expect(c.request({ method: "POST", path: "/create", json: {}, what: "page create" })).rejects.toBeInstanceOf(UncertainOutcomeError);
    expect(posts).toBe(1);
    const err = await c.request({ method: "POST", path: "/reset", json: {}, what: "page create" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UncertainOutcomeError);
    expect((err as Error).message).toMatch(/not retried blindly/);
    expect(posts).toBe(2);
  });

  it("retries idempotent calls on 502/503/504 and on a reset connection", async () => {
    let n = 0;
    const url = await serve((app) =>
      app.get("/x", async (req, reply) => {
        n++;
        if (n === 1) return reply.code(502).send("bad gateway");
        if (n === 2) return req.raw.socket.destroy();
        if (n === 3) return reply.code(504).send({});
        return { ok: n };
      }),
    );
    const res = await client(url).request({ method: "GET", path: "/x", what: "test" });
    expect(res.body).toEqual({ ok: 4 });
  });

  it("the bulkhead caps concurrent requests per vendor", async () => {
    let inFlight = 0;
    let peak = 0;
    const url = await serve((app) =>
      app.get("/x", async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return {};
      }),
    );
    const c = client(url, { concurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, () => c.request({ method: "GET", path: "/x", what: "t" })));
    expect(peak).toBe(2);
  });

  it("error messages never contain the credentials and strip control characters from vendor text", async () => {
    const url = await serve((app) => app.get("/x", async (_req, reply) => reply.code(403).send({ errors: ["Forbidden\n[fake] log line"] })));
    const err = (await client(url, { explain: explainDatadogFailure }).request({ method: "GET", path: "/x", what: "audit event search" }).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^Datadog rejected the keys \(403\).*DD_API_KEY and DD_APP_KEY.*audit_logs_read/);
    expect(err.message).not.toContain("secret-key-value");
    expect(err.message).not.toContain("\n");
  });

  it("explainFailure covers Confluence 404 on create and 401 with Confluence's table, the general message without one", () => {
    expect(explainFailure({ vendor: "confluence", status: 404, body: undefined, what: "page create" }, explainConfluenceFailure)).toMatch(/CONFLUENCE_SPACE_KEY.*no permission to create/);
    expect(explainFailure({ vendor: "confluence", status: 401, body: undefined, what: "space lookup" }, explainConfluenceFailure)).toMatch(/CONFLUENCE_EMAIL and CONFLUENCE_API_TOKEN/);
    expect(explainFailure({ vendor: "confluence", status: 401, body: { message: "no" }, what: "space lookup" })).toBe(
      'Confluence answered HTTP 401 during space lookup: check CONFLUENCE_BASE_URL and the credentials. Vendor said: "no".',
    );
    expect(explainFailure({ vendor: "cloudflare", status: 403, body: { success: false, errors: [{ code: 10000, message: "Authentication error" }] }, what: "q" }, explainCloudflareFailure)).toBe(
      "Cloudflare rejected the API token (403 Authentication error, code 10000) during q: check CLOUDFLARE_API_TOKEN (or the legacy CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY); it needs Account Settings Read on account CLOUDFLARE_ACCOUNT_ID.",
    );
  });
});

const W = { since: new Date("2026-08-20T00:00:00Z"), before: new Date("2026-08-21T00:00:00Z") };
const limits = { ...loadLimits({}), maxRetryWaitMs: 5000 };

describe("Cloudflare gatherer edge cases", () => {
  it("v2 refusing limit=1000 is retried with limit=100; cursor from result_info.cursors.after; malformed records counted", async () => {
    const limitsSeen: string[] = [];
    const url = await serve((app) =>
      app.get("/client/v4/accounts/:id/logs/audit", async (req, reply) => {
        const q = req.query as Record<string, string>;
        limitsSeen.push(q.limit!);
        if (q.limit === "1000") return reply.code(400).send({ success: false, errors: [{ code: 1001, message: "limit must be <= 100" }] });
        const rec = (id: string, time: string) => ({ id, action: { time, type: "update", result: "success" }, actor: { email: "a@x.io", ip_address: "192.0.2.1" } });
        if (!q.cursor) return { success: true, result: [rec("1", "2026-08-20T01:00:00Z"), { id: "bad" }], result_info: { cursors: { after: "c2" } } };
        if (q.cursor === "c2") return { success: true, result: [rec("2", "2026-08-20T02:00:00Z"), rec("3", "2026-08-22T00:00:00Z")], result_info: { count: "2" } };
        return reply.code(500).send({});
      }),
    );
    const g = createCloudflareGatherer({ baseUrl: `${url}/client/v4`, accountId: "acc", auth: { kind: "token", token: "t" }, auditApi: "v2" }, { limits, baseDelayMs: 5, pivot: { ips: 0 } });
    try {
      const r = await g.gather({ actor: "a@x.io", ...W });
      expect(limitsSeen.slice(0, 2)).toEqual(["1000", "100"]);
      expect(r.events.map((e) => e.id)).toEqual(["1", "2"]); // "3" is outside the window
      expect(r.status).toMatchObject({ status: "ok", events: 2, rejected: 1, pages: 2 });
      expect(r.status.warnings.join(" ")).toMatch(/record bad skipped/);
    } finally {
      await g.close();
    }
  });

  it("v1: a short page is not the end when the server caps per_page; stops at an empty page", async () => {
    const pages: number[] = [];
    const url = await serve((app) =>
      app.get("/client/v4/accounts/:id/audit_logs", async (req) => {
        const q = req.query as Record<string, string>;
        const page = Number(q.page);
        pages.push(page);
        const all = Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, when: `2026-08-20T0${i}:00:00Z`, action: { type: "login", result: true }, actor: { email: "a@x.io", ip: "192.0.2.1" } }));
        return { success: true, errors: [], messages: [], result: all.slice((page - 1) * 2, page * 2) };
      }),
    );
    const g = createCloudflareGatherer({ baseUrl: `${url}/client/v4`, accountId: "acc", auth: { kind: "token", token: "t" }, auditApi: "v1" }, { limits, pivot: { ips: 0 } });
    try {
      const r = await g.gather({ actor: "a@x.io", ...W });
      expect(r.events.map((e) => e.id)).toEqual(["e0", "e1", "e2", "e3", "e4"]);
      expect(pages).toEqual([1, 2, 3, 4]);
    } finally {
      await g.close();
    }
  });
});

describe("Datadog gatherer edge cases", () => {
  it("meta.status timeout and warnings make the status partial; missing meta ends paging", async () => {
    const url = await serve((app) =>
      app.post("/api/v2/audit/events/search", async (req) => {
        const body = req.body as { page: { cursor?: string } };
        const ev = (id: string) => ({ id, attributes: { timestamp: "2026-08-20T10:00:00Z", attributes: { usr: { email: "a@x.io" }, action: "login", evt: { name: "Authentication" } } } });
        if (!body.page.cursor) return { data: [ev("d1")], meta: { status: "timeout", page: { after: "n" }, warnings: [{ code: "unknown_index", title: "Unknown index", detail: "idx" }] } };
        return { data: [ev("d2")] };
      }),
    );
    const g = createDatadogGatherer({ baseUrl: url, site: "datadoghq.com", apiKey: "k", appKey: "a" }, { limits, pivot: { ips: 0 } });
    try {
      const r = await g.gather({ actor: "a@x.io", ...W });
      expect(r.events.map((e) => e.id)).toEqual(["d1", "d2"]);
      expect(r.status.status).toBe("partial");
      expect(r.status.warnings.join(" ")).toMatch(/timeout.*Unknown index/s);
    } finally {
      await g.close();
    }
  });
});

describe("paging", () => {
  it("each page is normalised before the next is asked for: only events (with their raw records) accumulate", async () => {
    const log: string[] = [];
    const note = (line: string) => {
      if (log.at(-1) !== line) log.push(line);
    };
    // A record whose id is read by the normaliser: the log shows when each page is normalised.
    const record = (page: number, i: number) => {
      const r: Record<string, unknown> = { attributes: { timestamp: "2026-08-20T10:00:00Z", attributes: { usr: { email: "a@x.io" }, action: "login" } } };
      Object.defineProperty(r, "id", { enumerable: true, get: () => (note(`normalise ${page}`), `p${page}-${i}`) });
      return r;
    };
    let page = 0;
    const http = {
      request: async () => {
        page++;
        note(`request ${page}`);
        return { status: 200, headers: {}, body: { data: [record(page, 0), record(page, 1)], meta: { page: { after: page < 3 ? `c${page}` : "" } } } };
      },
      close: async () => {},
    } as unknown as HttpClient;
    const client = new DatadogAuditClient({ baseUrl: "http://127.0.0.1:9", site: "datadoghq.com", apiKey: "k", appKey: "a" }, http);
    const r = await client.search("@usr.email:\"a@x.io\"", W.since, W.before, 100);
    expect(log).toEqual(["request 1", "normalise 1", "request 2", "normalise 2", "request 3", "normalise 3"]);
    expect(r.events.map((e) => e.id)).toEqual(["p1-0", "p1-1", "p2-0", "p2-1", "p3-0", "p3-1"]);
    expect(r.pages).toBe(3);
  });
});
