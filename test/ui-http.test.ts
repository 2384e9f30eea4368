// The review UI over a real socket: login and sessions, security headers, escaping, CSRF, filters and paging.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../server/store/index.ts";
import { memoryEvidenceStore, readEvent, storeEvents } from "../graph/evidence-store.ts";
import { events, input } from "./report-fixture.ts";
import { resultFor, seed, startUi, TOKEN, XSS, type Seeded } from "./ui-fixture.ts";

const EXPECTED_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'";

interface Res {
  status: number;
  headers: Headers;
  body: string;
}

function client(url: string) {
  return async (path: string, init: RequestInit = {}): Promise<Res> => {
    const r = await fetch(url + path, { redirect: "manual", ...init });
    return { status: r.status, headers: r.headers, body: await r.text() };
  };
}

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  body: new URLSearchParams(fields).toString(),
});

const csrfOf = (body: string) => /name="csrf" value="([^"]+)"/.exec(body)?.[1] ?? "";

describe("review UI with an API token", () => {
  let dir: string;
  let store: SqliteStore;
  let app: FastifyInstance;
  let get: ReturnType<typeof client>;
  let ids: Seeded;
  const decisions: [string, boolean][] = [];
  let cookie = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "casefile-ui-http-"));
    store = new SqliteStore(dir);
    ids = await seed(store);
    const started = await startUi({
      store,
      apiToken: TOKEN,
      onDecision: async (id, approve) => {
        decisions.push([id, approve]);
        if (!(await store.claimDecision(id))) return { ok: false, reason: "not_awaiting" };
        await store.markQueued(id);
      },
    });
    app = started.app;
    get = client(started.url);
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends an anonymous reader to the login form and refuses data endpoints", async () => {
    const list = await get("/ui");
    expect(list.status).toBe(303);
    expect(list.headers.get("location")).toBe("/ui/login");
    const page = await get(`/ui/investigations/${ids.completed}`);
    expect(page.status).toBe(303);
    expect((await get(`/ui/investigations/${ids.running}/status.json`)).status).toBe(401);
    expect((await get(`/ui/investigations/${ids.completed}/timeline.svg`)).status).toBe(401);
    const login = await get("/ui/login");
    expect(login.status).toBe(200);
    expect(login.body).toContain('<label for="token">API token</label>');
    expect(login.body).toContain('id="token" name="token" type="password"');
  });

  it("rejects a wrong token and sets an HttpOnly SameSite=Strict HMAC cookie for the right one", async () => {
    const bad = await get("/ui/login", form({ token: "nope" }));
    expect(bad.status).toBe(401);
    expect(bad.headers.get("set-cookie")).toBeNull();
    expect(bad.body).toContain("not valid");

    const ok = await get("/ui/login", form({ token: TOKEN }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/ui");
    const set = ok.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/^casefile_ui=\d+\.\d+\.[A-Za-z0-9_-]{43};/);
    expect(set).toContain("HttpOnly");
    expect(set).toContain("SameSite=Strict");
    expect(set).not.toContain(TOKEN);
    cookie = set.split(";")[0]!;

    const list = await get("/ui", { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(list.body).toContain("Investigations");
  });

  it("refuses a ?token= link, and accepts a Bearer header; forged cookies fail", async () => {
    const link = await get(`/ui/login?token=${encodeURIComponent(TOKEN)}`);
    expect(link.status).toBe(400);
    expect(link.headers.get("set-cookie")).toBeNull();
    expect((await get("/ui", { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await get("/ui", { headers: { authorization: "Bearer wrong" } })).status).toBe(303);
    const issued = Math.floor(Date.now() / 1000);
    expect((await get("/ui", { headers: { cookie: `casefile_ui=${issued}.0.${"A".repeat(43)}` } })).status).toBe(303);
    expect((await get("/ui", { headers: { cookie: `casefile_ui=${TOKEN}` } })).status).toBe(303);
  });

  it("sets the security headers on pages and serves the picture as image/svg+xml", async () => {
    const page = await get(`/ui/investigations/${ids.completed}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")!.startsWith(EXPECTED_CSP)).toBe(true);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.body).toContain(`<img src="/ui/investigations/${ids.completed}/timeline.svg" alt="Timeline`);

    const svg = await get(`/ui/investigations/${ids.completed}/timeline.svg`, { headers: { cookie } });
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(svg.body).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(svg.body).not.toContain("<script");
    expect((await get(`/ui/investigations/${ids.running}/timeline.svg`, { headers: { cookie } })).status).toBe(404);
  });

  it("escapes every stored string: the only script element is the UI's own asset", async () => {
    for (const id of [ids.completed, ids.awaiting, ids.running]) {
      const page = await get(`/ui/investigations/${id}`, { headers: { cookie } });
      const scripts = page.body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.every((s) => s === '<script src="/ui/assets/ui.js" defer>')).toBe(true);
      expect(page.body).not.toContain("<img src=x");
      expect(page.body).not.toContain("<ac:structured-macro");
    }
    const page = await get(`/ui/investigations/${ids.completed}`, { headers: { cookie } });
    expect(page.body).toContain("mallory&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;@example.com");
    expect(page.body).toContain("ci-deploy &lt;script&gt;alert(1)&lt;/script&gt;");
    const list = await get("/ui", { headers: { cookie } });
    expect(list.body).not.toContain(XSS);
    expect(list.body).toContain("mallory&lt;script&gt;");
  });

  it("shows the report sections with ATT&CK links, highlighted rows and cited evidence", async () => {
    const page = (await get(`/ui/investigations/${ids.completed}`, { headers: { cookie } })).body;
    for (const h of ["Summary", "Indicators (3)", "Recommended next steps", "Timeline", "Pivots", "Evidence appendix (6 cited events)", "Data gaps", "Coalesced anomalies", "Metadata"]) expect(page).toContain(`>${h}</h2>`);
    expect(page).toContain('href="https://attack.mitre.org/techniques/T1098/001/"');
    expect(page).toMatch(/<tr class="row-flagged">[\s\S]*?token_create/);
    expect(page).toContain('class="row-indicator"');
    expect(page).toContain("Datadog returned HTTP 429");
    expect(page).toContain("det-7f3a92");
    expect(page).toContain('href="https://acme.atlassian.net/wiki/spaces/SEC/pages/98765"');
    // Secrets in raw records were redacted by the report model and stay so.
    expect(page).not.toContain("hunter2hunter2");
    // Without an evidence reader only the cited events link to a record (the appendix).
    expect(page).not.toContain("/events/");
    // No decision buttons on a completed run; the running one polls.
    expect(page).not.toContain("/approve");
    const running = (await get(`/ui/investigations/${ids.running}`, { headers: { cookie } })).body;
    expect(running).toContain(`data-status-url="/ui/investigations/${ids.running}/status.json"`);
    const status = await get(`/ui/investigations/${ids.running}/status.json`, { headers: { cookie } });
    expect(JSON.parse(status.body)).toMatchObject({ id: ids.running, status: "running" });
  });

  it("refuses decisions without the session's CSRF token or from another origin, then records one", async () => {
    const page = (await get(`/ui/investigations/${ids.awaiting}`, { headers: { cookie } })).body;
    expect(page).toContain("Approve and publish");
    const csrf = csrfOf(page);
    expect(csrf).not.toBe("");
    const path = `/ui/investigations/${ids.awaiting}/approve`;

    expect((await get(path, form({}, { cookie }))).status).toBe(403);
    expect((await get(path, form({ csrf: "forged" }, { cookie }))).status).toBe(403);
    expect((await get(path, form({ csrf }, { cookie, origin: "https://evil.example" }))).status).toBe(403);
    // Without a session at all.
    expect((await get(path, form({ csrf }))).status).toBe(401);
    expect(decisions).toEqual([]);

    const ok = await get(path, form({ csrf }, { cookie, origin: new URL(app.listeningOrigin).origin }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/ui/investigations/${ids.awaiting}?decided=approved`);
    expect(decisions).toEqual([[ids.awaiting, true]]);

    const again = await get(`/ui/investigations/${ids.awaiting}/reject`, form({ csrf }, { cookie }));
    expect(again.status).toBe(409);
    expect(decisions).toHaveLength(1);
  });

  it("filters by status and verdict, newest first, 25 to a page", async () => {
    const awaiting = (await get("/ui?status=queued", { headers: { cookie } })).body;
    expect(awaiting).toContain("bob.dev@example.com"); // queued again after the approval above
    expect(awaiting).not.toContain("carol@example.com");
    const malicious = (await get("/ui?verdict=likely_malicious", { headers: { cookie } })).body;
    expect(malicious).toContain("mallory");
    expect(malicious).not.toContain("carol@example.com");
    expect(malicious).toContain('<option value="likely_malicious" selected>');

    for (let i = 0; i < 30; i++) {
      await store.createOrAttach({ id: `det-bulk-${i}`, actor: `bulk${String(i).padStart(2, "0")}@example.com`, action: "login", timestamp: "2026-08-21T10:00:00Z" }, 0, new Date(Date.parse("2026-08-21T10:00:00Z") + i * 1000));
    }
    const first = (await get("/ui", { headers: { cookie } })).body;
    const rows = (b: string) => (b.match(/<tr>\s*<td><time/g) ?? []).length;
    expect(rows(first)).toBe(25);
    expect(first.indexOf("bulk29@")).toBeLessThan(first.indexOf("bulk28@"));
    const next = /href="(\/ui\?cursor=[^"]+)" rel="next"/.exec(first)?.[1];
    expect(next).toBeDefined();
    const second = (await get(next!.replaceAll("&amp;", "&"), { headers: { cookie } })).body;
    expect(rows(second)).toBe(33 - 25);
    expect(second).toContain("carol@example.com");
    expect(second).not.toContain('rel="next"');
  });

  it("logs out (with the CSRF token): the cookie is cleared and the session revoked", async () => {
    const page = (await get("/ui", { headers: { cookie } })).body;
    const out = await get("/ui/logout", form({ csrf: csrfOf(page) }, { cookie }));
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/^casefile_ui=;.*Max-Age=0/);
    expect((await get("/ui", { headers: { cookie } })).status).toBe(303);
  });
});

describe("review UI without an API token", () => {
  it("is open and says so in a banner; names a stored report it cannot read instead of rendering it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-ui-open-"));
    const store = new SqliteStore(dir);
    const { app, url } = await startUi({ store });
    try {
      await seed(store);
      const get = client(url);
      const list = await get("/ui");
      expect(list.status).toBe(200);
      expect(list.body).toContain("CASEFILE_API_TOKEN is not set");
      expect(list.headers.get("content-security-policy")!.startsWith(EXPECTED_CSP)).toBe(true);
      const page = await get("/ui/investigations/inv_00000000000000000000000000000000");
      expect(page.status).toBe(404);
      expect(page.body).toContain("There is no investigation");

      // A stored report of another shape (another version's, or damaged) is named as such, not rendered or a 500.
      const created = await store.createOrAttach({ id: "det-ui-0009", actor: "dave@example.com", action: "login", timestamp: "2026-08-20T14:00:00Z" }, 0);
      const id = created.investigation.id;
      await store.markRunning(id);
      const ri = input({ investigationId: id });
      await store.markFinished(id, { result: { ...resultFor(ri, null), report: { title: XSS, verdict: "likely_malicious", timeline: XSS } } });
      const odd = await get(`/ui/investigations/${id}`);
      expect(odd.status).toBe(200);
      expect(odd.body).toContain("The stored report could not be shown (");
      expect(odd.body).toContain(`GET /v1/investigations/${id} still have it`);
      expect(odd.body).not.toContain(XSS);
      expect(odd.body).toContain('<h2 id="s-meta">Metadata</h2>');
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("review UI with the evidence store", () => {
  it("links every timeline row to its whole vendor record, read by id, escaped and redacted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-ui-records-"));
    const store = new SqliteStore(dir);
    const evidence = memoryEvidenceStore();
    const { app, url } = await startUi({ store, readEvent: (inv, id) => readEvent(evidence, inv, id) });
    try {
      const ids = await seed(store);
      const gathered = events().map((e) => (e.id === "cf-login-1" ? { ...e, raw: { id: e.id, note: XSS, password: "hunter2hunter2" } } : e));
      await storeEvents(evidence, ids.completed, "cloudflare", gathered.filter((e) => e.source === "cloudflare"));
      await storeEvents(evidence, ids.completed, "datadog", gathered.filter((e) => e.source === "datadog"));
      const get = client(url);

      const page = (await get(`/ui/investigations/${ids.completed}`)).body;
      const link = `/ui/investigations/${ids.completed}/events/cf-login-1`;
      expect(page).toContain(`<a href="${link}" class="small">record<span class="sr-only"> cf-login-1</span></a>`);
      // Cited events keep their link to the appendix entry.
      expect(page).not.toContain(`/events/3c1f8e2a-6d4b-4f0e-9a57-2b8d1e6c4f90"`);

      const record = await get(link);
      expect(record.status).toBe(200);
      expect(record.headers.get("content-security-policy")!.startsWith(EXPECTED_CSP)).toBe(true);
      expect(record.body).toContain("<h1 class=\"wrap\">Event cf-login-1</h1>");
      expect(record.body).toContain("&quot;note&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(record.body).not.toContain(XSS);
      expect(record.body).not.toContain("hunter2hunter2");
      expect(record.body).toContain("198.51.100.9");

      // Only this investigation's events, by an id it gathered.
      expect((await get(`/ui/investigations/${ids.completed}/events/no-such-event`)).status).toBe(404);
      expect((await get(`/ui/investigations/${ids.awaiting}/events/cf-login-1`)).status).toBe(404);
      expect([404, 414]).toContain((await get(`/ui/investigations/${ids.completed}/events/${"x".repeat(301)}`)).status);
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
