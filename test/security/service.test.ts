// The service's doors, attacked over Fastify inject: start-up refusal without a token, Host allow-list (DNS
// rebinding), one throttle for every authentication failure, no token in URLs, Secure cookies behind a TLS proxy,
// logout revoking sessions, private data dir, generic readiness, webhook depth/format/rate-limit bounds,
// redacted error texts.
import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkServeSecurity, ConfigError } from "../../config/service.ts";
import { disableStrayTracing, startService, type Service } from "../../server/service.ts";
import { anomaly, FakeInvestigator, signed, silent, testConfig } from "../server-helpers.ts";

const TOKEN = "sec-test-token-0123456789abcdefghijklmnop";

async function boot(env: Record<string, string> = {}, inv = new FakeInvestigator()): Promise<{ svc: Service; inv: FakeInvestigator }> {
  const svc = await startService(testConfig({ CASEFILE_API_TOKEN: TOKEN, ...env }), { investigator: inv, logger: silent, pollMs: 20 });
  return { svc, inv };
}
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: "POST" as const,
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  payload: new URLSearchParams(fields).toString(),
});

describe("open by default", () => {
  it("serve refuses a non-loopback listener without a token, unless told loudly", async () => {
    expect(() => checkServeSecurity(testConfig({ CASEFILE_HOST: "0.0.0.0" }))).toThrow(/refuses to listen on 0\.0\.0\.0 without CASEFILE_API_TOKEN/);
    await expect(startService(testConfig({ CASEFILE_HOST: "0.0.0.0" }), { investigator: new FakeInvestigator(), logger: silent })).rejects.toThrow(ConfigError);
    expect(checkServeSecurity(testConfig({ CASEFILE_HOST: "127.0.0.1" }))).toBeUndefined();
    expect(checkServeSecurity(testConfig({ CASEFILE_HOST: "0.0.0.0", CASEFILE_INSECURE_NO_AUTH: "1" }))).toMatch(/^INSECURE/);
    expect(checkServeSecurity(testConfig({ CASEFILE_HOST: "0.0.0.0", CASEFILE_API_TOKEN: TOKEN }))).toBeUndefined();
    expect(() => testConfig({ CASEFILE_API_TOKEN: "short-token" })).toThrow(/at least|32/);
  });
});

describe("authentication", () => {
  let svc: Service;
  beforeAll(async () => ({ svc } = await boot()));
  afterAll(() => svc.close());

  it("DNS rebinding: a foreign Host gets neither the UI, its CSRF token nor the API; the webhook and probes still answer", async () => {
    for (const url of ["/ui", "/ui/login", "/v1/investigations", "/docs"]) {
      const r = await svc.app.inject({ url, headers: { host: "attacker.example", authorization: `Bearer ${TOKEN}` } });
      expect(r.statusCode, url).toBe(421);
      expect(r.body).not.toContain('name="csrf"');
    }
    expect((await svc.app.inject({ url: "/healthz", headers: { host: "10.0.0.7:8080" } })).statusCode).toBe(200);
    const body = JSON.stringify(anomaly());
    expect((await svc.app.inject({ method: "POST", url: "/v1/anomalies", headers: { ...signed(body), host: "10.0.0.7:8080" }, payload: body })).statusCode).toBe(202);
    expect((await svc.app.inject({ url: "/v1/investigations", headers: { host: "127.0.0.1:8080", authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
  });

  it("a token in a URL is never accepted", async () => {
    const r = await svc.app.inject({ url: `/ui/login?token=${TOKEN}` });
    expect(r.statusCode).toBe(400);
    expect(r.headers["set-cookie"]).toBeUndefined();
  });

  it("over-long tokens are refused unread", async () => {
    const r = await svc.app.inject({ url: "/v1/investigations", headers: { authorization: `Bearer ${TOKEN}${"x".repeat(100_000)}` } });
    expect(r.statusCode).toBe(401);
  });

  it("one throttle: Bearer failures and login-form failures share a bucket; the right token is refused once it is spent", async () => {
    const ip = { remoteAddress: "198.51.100.7" };
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await svc.app.inject({ url: "/v1/investigations", headers: { authorization: `Bearer guess-${i}` }, ...ip })).statusCode);
    for (let i = 0; i < 5; i++) codes.push((await svc.app.inject({ url: "/ui/login", ...form({ token: `guess-${i}` }), ...ip })).statusCode);
    expect(codes.every((c) => c === 401)).toBe(true);
    const spent = await svc.app.inject({ url: "/ui/login", ...form({ token: TOKEN }), ...ip });
    expect(spent.statusCode).toBe(429);
    expect(Number(spent.headers["retry-after"])).toBeGreaterThan(0);
    expect((await svc.app.inject({ url: "/v1/investigations", headers: { authorization: `Bearer ${TOKEN}` }, ...ip })).statusCode).toBe(429);
    // Another client is unaffected.
    expect((await svc.app.inject({ url: "/v1/investigations", headers: { authorization: `Bearer ${TOKEN}` }, remoteAddress: "198.51.100.8" })).statusCode).toBe(200);
  });

  it("logout revokes the session everywhere, not just in this browser", async () => {
    const login = await svc.app.inject({ url: "/ui/login", ...form({ token: TOKEN }) });
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    const page = await svc.app.inject({ url: "/ui", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    expect((await svc.app.inject({ url: "/ui/logout", ...form({ csrf }, { cookie }) })).statusCode).toBe(303);
    expect((await svc.app.inject({ url: "/ui", headers: { cookie } })).statusCode).toBe(303);
    expect((await svc.app.inject({ url: "/v1/investigations", headers: { cookie } })).statusCode).toBe(401);
  });

  it("/readyz says which backend failed, never its error text", async () => {
    const ping = svc.store.ping.bind(svc.store);
    svc.store.ping = async () => {
      throw new Error("connect ECONNREFUSED db.internal:5432 user=casefile password=hunter2");
    };
    try {
      const r = await svc.app.inject({ url: "/readyz" });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({ ok: false, checks: { store: "failed", queue: "ok" } });
    } finally {
      svc.store.ping = ping;
    }
  });
});

describe("behind a TLS proxy", () => {
  let svc: Service;
  beforeAll(async () => ({ svc } = await boot({ CASEFILE_TRUST_PROXY: "loopback", CASEFILE_ALLOWED_HOSTS: "casefile.example.com" })));
  afterAll(() => svc.close());

  it("uses the forwarded client address and sets a Secure __Host- cookie", async () => {
    const r = await svc.app.inject({
      url: "/ui/login",
      ...form({ token: TOKEN }, { host: "casefile.example.com", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.50" }),
      remoteAddress: "127.0.0.1",
    });
    expect(r.statusCode).toBe(303);
    expect(String(r.headers["set-cookie"])).toMatch(/^__Host-casefile_ui=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Secure/);
    // Failures count against the forwarded client, not the proxy.
    for (let i = 0; i < 10; i++) {
      await svc.app.inject({ url: "/ui/login", ...form({ token: "x" }, { host: "casefile.example.com", "x-forwarded-for": "203.0.113.51" }), remoteAddress: "127.0.0.1" });
    }
    expect((await svc.app.inject({ url: "/ui/login", ...form({ token: TOKEN }, { host: "casefile.example.com", "x-forwarded-for": "203.0.113.51" }), remoteAddress: "127.0.0.1" })).statusCode).toBe(429);
    expect((await svc.app.inject({ url: "/ui/login", ...form({ token: TOKEN }, { host: "casefile.example.com", "x-forwarded-for": "203.0.113.52" }), remoteAddress: "127.0.0.1" })).statusCode).toBe(303);
  });
});

describe("data at rest", () => {
  it("the data dir is 0700 and the SQLite store 0600", async () => {
    const { svc } = await boot();
    try {
      const dir = (svc.store as unknown as { db: { name: string } }).db.name.replace(/\/casefile\.db$/, "");
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, "casefile.db")).mode & 0o777).toBe(0o600);
    } finally {
      await svc.close();
    }
  });
});

describe("webhook bounds", () => {
  let svc: Service;
  beforeAll(async () => ({ svc } = await boot({ CASEFILE_RATE_LIMIT: "5" })));
  afterAll(() => svc.close());
  const post = (body: string, headers: Record<string, string>, qs = "") => svc.app.inject({ method: "POST", url: `/v1/anomalies${qs}`, headers, payload: body });

  it("details nested 5 000 deep is a 400, not a 500", async () => {
    const deep = `{"id":"deep-1","actor":"a@example.com","action":"x","timestamp":"2026-08-20T14:00:00Z","details":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const r = await post(deep, signed(deep));
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/nests deeper/);
  });

  it("?format=__proto__ and other prototype names are unknown formats", async () => {
    for (const f of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const body = JSON.stringify(anomaly());
      const r = await post(body, signed(body), `?format=${f}`);
      expect(r.statusCode, f).toBe(400);
      expect(r.json().field).toBe("format");
    }
  });

  it("an unsigned flood from the detector's address does not starve its signed deliveries", async () => {
    const ip = "192.0.2.44";
    const flood = await Promise.all(Array.from({ length: 30 }, () => svc.app.inject({ method: "POST", url: "/v1/anomalies", headers: { "content-type": "application/json" }, payload: "{}", remoteAddress: ip })));
    expect(flood.some((r) => r.statusCode === 429)).toBe(true);
    const body = JSON.stringify(anomaly({ actor: "flood-victim@example.com" }));
    const r = await svc.app.inject({ method: "POST", url: "/v1/anomalies", headers: signed(body), payload: body, remoteAddress: ip });
    expect(r.statusCode).toBe(202);
  });
});

describe("error texts", () => {
  let svc: Service;
  let inv: FakeInvestigator;
  beforeAll(async () => ({ svc, inv } = await boot()));
  afterAll(() => svc.close());

  it("a model error echoing a key is stored redacted", async () => {
    inv.mode = "throw";
    const orig = inv.run.bind(inv);
    inv.run = async (i) => {
      await orig(i).catch(() => {});
      throw new Error("401 Incorrect API key provided: sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
    };
    const body = JSON.stringify(anomaly({ actor: "errors@example.com" }));
    const r = await svc.app.inject({ method: "POST", url: "/v1/anomalies?wait=10", headers: signed(body), payload: body });
    const got = await svc.app.inject({ url: `/v1/investigations/${r.json().investigation_id}`, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(got.json().status).toBe("failed");
    expect(JSON.stringify(got.json().errors)).not.toContain("AbCdEfGhIjKlMnOp");
    expect(JSON.stringify(got.json().errors)).toContain("[REDACTED]");
  });
});

describe("tracing", () => {
  const saved = process.env.LANGSMITH_TRACING;
  afterEach(() => {
    if (saved === undefined) delete process.env.LANGSMITH_TRACING;
    else process.env.LANGSMITH_TRACING = saved;
  });
  it("a stray LANGSMITH_TRACING is switched off unless CASEFILE_ALLOW_TRACING=1", () => {
    process.env.LANGSMITH_TRACING = "true";
    disableStrayTracing({});
    expect(process.env.LANGSMITH_TRACING).toBe("false");
    process.env.LANGSMITH_TRACING = "true";
    disableStrayTracing({ CASEFILE_ALLOW_TRACING: "1" });
    expect(process.env.LANGSMITH_TRACING).toBe("true");
  });
});

