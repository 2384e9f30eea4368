import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { startService, type Service } from "../server/service.ts";
import { FakeInvestigator, SECRET, anomaly, signed, silent, testConfig } from "./server-helpers.ts";

let svc: Service;
let inv: FakeInvestigator;

async function boot(env: Record<string, string> = {}) {
  inv = new FakeInvestigator();
  svc = await startService(testConfig(env), { investigator: inv, logger: silent, pollMs: 20 });
  return svc;
}

function post(body: string, headers: Record<string, string>, query = "") {
  return svc.app.inject({ method: "POST", url: `/v1/anomalies${query}`, payload: body, headers });
}

async function waitStatus(id: string, want: string[]) {
  for (;;) {
    const s = await svc.store.get(id);
    if (s && want.includes(s.status)) return s;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("anomaly webhook", () => {
  beforeAll(() => boot({ CASEFILE_RATE_LIMIT: "100000" }));
  afterAll(() => svc.close());
  afterEach(() => {
    inv.mode = "completed";
    inv.release();
  });

  it("accepts a signed anomaly over a real socket (202) and runs it to completion", async () => {
    const body = JSON.stringify(anomaly());
    const res = await fetch(`${svc.url}/v1/anomalies`, { method: "POST", body, headers: signed(body) });
    expect(res.status).toBe(202);
    const j = (await res.json()) as Record<string, unknown>;
    expect(j).toMatchObject({ status: "queued", coalesced: false });
    expect(j.status_url).toBe(`${svc.url}/v1/investigations/${j.investigation_id}`);
    await waitStatus(String(j.investigation_id), ["completed"]);
    const st = await fetch(String(j.status_url));
    expect(st.status).toBe(200);
    const v = (await st.json()) as Record<string, any>;
    expect(v).toMatchObject({ status: "completed", verdict: "likely_malicious", confidence: 0.87, anomaly_id: JSON.parse(body).id });
    expect(v.sources.cloudflare).toMatchObject({ status: "ok", events: 4 });
    expect(v.anomalies).toEqual([JSON.parse(body).id]);
    expect(v.prompt_versions).toEqual({ analyst: "1" });
    expect(v.started_at).toBeTruthy();
    expect(v.finished_at).toBeTruthy();
  });

  it("rejects unsigned, tampered, stale and wrongly keyed deliveries with 401 and runs nothing", async () => {
    const before = inv.runs.length;
    const body = JSON.stringify(anomaly());
    const unsigned = await post(body, { "content-type": "application/json" });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().message).toMatch(/webhook-signature/);
    const h = signed(body);
    const tampered = await post(body.replace("alice", "mallory"), h);
    expect(tampered.statusCode).toBe(401);
    const stale = await post(body, signed(body, { at: new Date(Date.now() - 10 * 60_000) }));
    expect(stale.statusCode).toBe(401);
    expect(stale.json().message).toMatch(/5-minute/);
    const other = await post(body, signed(body, { secret: `whsec_${randomBytes(24).toString("base64")}` }));
    expect(other.statusCode).toBe(401);
    expect(await svc.store.getByAnomalyId(JSON.parse(body).id)).toBeNull();
    expect(inv.runs.length).toBe(before);
  });

  it("names the missing or invalid field in a 400", async () => {
    const { actor: _a, ...noActor } = anomaly();
    const b1 = JSON.stringify(noActor);
    const r1 = await post(b1, signed(b1));
    expect(r1.statusCode).toBe(400);
    expect(r1.json()).toMatchObject({ error: "invalid anomaly", field: "actor" });
    const b2 = JSON.stringify(anomaly({ timestamp: "yesterday" }));
    const r2 = await post(b2, signed(b2));
    expect(r2.statusCode).toBe(400);
    expect(r2.json()).toMatchObject({ field: "timestamp" });
    expect(r2.json().message).toMatch(/ISO-8601/);
    const b3 = "{not json";
    const r3 = await post(b3, signed(b3));
    expect(r3.statusCode).toBe(400);
    expect(r3.json().field).toBe("(body)");
  });

  it("answers 413 for oversized bodies and 415 for other media types", async () => {
    const big = JSON.stringify(anomaly({ details: { pad: "x".repeat(300 * 1024) } }));
    const r = await post(big, signed(big));
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toBe("payload too large");
    const body = JSON.stringify(anomaly());
    const r2 = await post(body, { ...signed(body), "content-type": "text/plain" });
    expect(r2.statusCode).toBe(415);
    expect(r2.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it("same anomaly id twice → same investigation, one run; an identical retry of a webhook-id → same answer", async () => {
    const a = anomaly({ actor: `dedupe-${Date.now()}@example.com` });
    const body = JSON.stringify(a);
    const h = signed(body);
    const r1 = await post(body, h);
    const r2 = await post(body, h); // sender retry: same webhook-id, same body
    const b2 = JSON.stringify({ ...a });
    const r3 = await post(b2, signed(b2)); // a new delivery of the same anomaly
    expect([r1.statusCode, r2.statusCode, r3.statusCode]).toEqual([202, 202, 202]);
    const id = r1.json().investigation_id;
    expect(r2.json().investigation_id).toBe(id);
    expect(r3.json().investigation_id).toBe(id);
    await waitStatus(id, ["completed"]);
    expect(inv.runs.filter((r) => r.investigationId === id)).toHaveLength(1);
  });

  it("refuses a reused webhook-id with a different body (401)", async () => {
    const body = JSON.stringify(anomaly());
    const h = signed(body);
    expect((await post(body, h)).statusCode).toBe(202);
    const other = JSON.stringify(anomaly());
    const sig = new Webhook(SECRET).sign(h["webhook-id"], new Date(), other);
    const r = await post(other, { ...h, "webhook-signature": sig });
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toBe("webhook-id reused");
  });

  it("coalesces an alert storm of one actor into one investigation", async () => {
    inv.hold();
    const actor = `storm-${Date.now()}@example.com`;
    const first = JSON.stringify(anomaly({ actor }));
    const r1 = await post(first, signed(first));
    const id = r1.json().investigation_id;
    await inv.started(inv.runs.length); // the first may already be running
    const second = JSON.stringify(anomaly({ actor, action: "member_add" }));
    const r2 = await post(second, signed(second));
    expect(r2.statusCode).toBe(202);
    expect(r2.json()).toMatchObject({ investigation_id: id, coalesced: true });
    const other = JSON.stringify(anomaly({ actor: `other-${actor}` }));
    const r3 = await post(other, signed(other));
    expect(r3.json().investigation_id).not.toBe(id);
    expect(r3.json().coalesced).toBe(false);
    inv.release();
    await waitStatus(id, ["completed"]);
    const v = (await svc.app.inject({ url: `/v1/investigations/${id}` })).json();
    expect(v.anomalies).toEqual([JSON.parse(first).id, JSON.parse(second).id]);
    expect(inv.runs.filter((r) => r.investigationId === id)).toHaveLength(1);
    // finished within the window: still attached
    const third = JSON.stringify(anomaly({ actor }));
    const r4 = await post(third, signed(third));
    expect(r4.json()).toMatchObject({ investigation_id: id, coalesced: true, status: "queued" }); // published: queued again to republish with it
  });

  it("?wait=N holds the answer until the run ends (200) and validates N", async () => {
    const body = JSON.stringify(anomaly({ actor: "wait@example.com" }));
    const r = await post(body, signed(body), "?wait=10");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: "completed", verdict: "likely_malicious", confidence: 0.87 });
    expect(r.json().report_url).toMatch(/^https:\/\//);
    for (const w of ["0", "61", "abc", "1.5"]) {
      const b = JSON.stringify(anomaly());
      const bad = await post(b, signed(b), `?wait=${w}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe("wait");
    }
  });

  it("?wait returns 202 with the current status when the run outlasts N", async () => {
    inv.hold();
    const body = JSON.stringify(anomaly({ actor: "slow@example.com" }));
    const r = await post(body, signed(body), "?wait=1");
    expect(r.statusCode).toBe(202);
    expect(["queued", "running"]).toContain(r.json().status);
  });

  it("records failures and crashes as failed with the reason", async () => {
    inv.mode = "failed";
    const b1 = JSON.stringify(anomaly({ actor: "fail@example.com" }));
    const r1 = await post(b1, signed(b1), "?wait=10");
    expect(r1.json().status).toBe("failed");
    const v1 = (await svc.app.inject({ url: `/v1/investigations/${r1.json().investigation_id}` })).json();
    expect(v1.errors.join(" ")).toMatch(/HTTP 403/);
    inv.mode = "throw";
    const b2 = JSON.stringify(anomaly({ actor: "crash@example.com" }));
    const r2 = await post(b2, signed(b2), "?wait=10");
    expect(r2.json().status).toBe("failed");
    const v2 = (await svc.app.inject({ url: `/v1/investigations/${r2.json().investigation_id}` })).json();
    expect(v2.errors.join(" ")).toMatch(/graph exploded/);
  });

  it("approve / reject resume a paused run; 409 otherwise; 404 for unknown ids", async () => {
    inv.mode = "awaiting_approval";
    const ids: string[] = [];
    for (const actor of ["gate1@example.com", "gate2@example.com"]) {
      const b = JSON.stringify(anomaly({ actor }));
      const r = await post(b, signed(b), "?wait=10");
      expect(r.statusCode).toBe(200);
      expect(r.json().status).toBe("awaiting_approval");
      ids.push(r.json().investigation_id);
    }
    const ok = await svc.app.inject({ method: "POST", url: `/v1/investigations/${ids[0]}/approve`, payload: { reviewer: "bob" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "completed", report_url: expect.stringMatching(/^https/) });
    const again = await svc.app.inject({ method: "POST", url: `/v1/investigations/${ids[0]}/approve` });
    expect(again.statusCode).toBe(409);
    const rej = await svc.app.inject({ method: "POST", url: `/v1/investigations/${ids[1]}/reject` });
    expect(rej.statusCode).toBe(200);
    expect(rej.json().report_url).toBeNull();
    expect(inv.decisions).toEqual([{ id: ids[0], approve: true }, { id: ids[1], approve: false }]);
    const missing = await svc.app.inject({ method: "POST", url: `/v1/investigations/inv_${"0".repeat(32)}/approve` });
    expect(missing.statusCode).toBe(404);
    expect((await svc.app.inject({ url: `/v1/investigations/nope` })).statusCode).toBe(400);
  });

  it("lists newest first with filters and a cursor", async () => {
    const page1 = (await svc.app.inject({ url: "/v1/investigations?limit=2" })).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].created_at >= page1.items[1].created_at).toBe(true);
    const page2 = (await svc.app.inject({ url: `/v1/investigations?limit=2&cursor=${page1.next_cursor}` })).json();
    expect(page2.items[0].investigation_id).not.toBe(page1.items[1].investigation_id);
    const failed = (await svc.app.inject({ url: "/v1/investigations?status=failed" })).json();
    expect(failed.items.length).toBeGreaterThanOrEqual(2);
    expect(failed.items.every((i: { status: string }) => i.status === "failed")).toBe(true);
    expect((await svc.app.inject({ url: "/v1/investigations?verdict=evil" })).statusCode).toBe(400);
  });

  it("serves health, readiness, metrics and the OpenAPI document", async () => {
    expect((await svc.app.inject({ url: "/healthz" })).json()).toEqual({ ok: true });
    expect((await svc.app.inject({ url: "/readyz" })).json()).toMatchObject({ ok: true, checks: { store: "ok", queue: "ok" } });
    const m = (await svc.app.inject({ url: "/metrics" })).body;
    expect(m).toMatch(/casefile_runs_total\{status="completed",verdict="likely_malicious"\} \d+/);
    expect(m).toMatch(/casefile_node_duration_seconds_count\{node="gather"\}/);
    expect(m).toMatch(/casefile_vendor_calls_total\{vendor="cloudflare"\}/);
    expect(m).toMatch(/casefile_model_tokens_total\{direction="input"\}/);
    const doc = (await svc.app.inject({ url: "/docs/json" })).json();
    expect(Object.keys(doc.paths)).toContain("/v1/anomalies");
  });

  it("fuzz: arbitrary bodies and headers never give a 5xx and never start a run", async () => {
    const runs = inv.runs.length;
    const created = (await svc.store.list({ limit: 200 })).items.length;
    const header = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 80 }), fc.constantFrom("v1,AAAA", "v1,", " ", `${Math.floor(Date.now() / 1000)}`));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 3 }), fc.constant(JSON.stringify(anomaly()))),
        fc.record({ id: header, ts: header, sig: header }),
        fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "", "application/x-www-form-urlencoded"),
        fc.constantFrom("", "?wait=1", "?format=datadog", "?format=zzz", "?wait=-1", "?wait=%00"),
        async (body, h, ct, query) => {
          const headers: Record<string, string> = {};
          if (ct) headers["content-type"] = ct;
          if (h.id !== undefined) headers["webhook-id"] = h.id;
          if (h.ts !== undefined) headers["webhook-timestamp"] = h.ts;
          if (h.sig !== undefined) headers["webhook-signature"] = h.sig;
          const r = await svc.app.inject({ method: "POST", url: `/v1/anomalies${query}`, payload: body, headers });
          expect(r.statusCode).toBeGreaterThanOrEqual(400);
          expect(r.statusCode).toBeLessThan(500);
          expect(r.body).not.toMatch(/\.ts:\d+/);
        },
      ),
      { numRuns: 1000 },
    );
    expect(inv.runs.length).toBe(runs);
    expect((await svc.store.list({ limit: 200 })).items.length).toBe(created);
  });

  it("fuzz: signed arbitrary JSON is a 400 naming a field or a 202, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { id: fc.oneof(fc.string(), fc.integer()), actor: fc.oneof(fc.string(), fc.constant(null)), action: fc.string(), timestamp: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), details: fc.jsonValue() },
          { requiredKeys: [] },
        ),
        async (obj) => {
          const body = JSON.stringify(obj);
          const r = await post(body, signed(body));
          expect([202, 400]).toContain(r.statusCode);
          if (r.statusCode === 400) expect(typeof r.json().field).toBe("string");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("detector payload formats", () => {
  beforeAll(() => boot({ CASEFILE_PAYLOAD_MAPPINGS: JSON.stringify({ siem: { id: "$.alert.id", actor: "$.user.email", action: "$.event", timestamp: "$.at", details: "$.extra" } }) }));
  afterAll(() => svc.close());

  it("maps Datadog webhook JSON", async () => {
    const body = JSON.stringify({ id: "7391", title: "api_key created", user: "carol@example.com", date: String(Date.parse("2026-08-20T14:06:31Z")), priority: "P2" });
    const r = await post(body, signed(body), "?format=datadog");
    expect(r.statusCode).toBe(202);
    const v = await svc.store.get(r.json().investigation_id);
    expect(v?.anomaly).toMatchObject({ id: "datadog-7391", actor: "carol@example.com", action: "api_key created", timestamp: "2026-08-20T14:06:31.000Z", severity: "high", source: "datadog" });
    const bad = JSON.stringify({ id: "1", title: "x", date: "1755698791000" });
    const r2 = await post(bad, signed(bad), "?format=datadog");
    expect(r2.statusCode).toBe(400);
    expect(r2.json()).toMatchObject({ field: "actor" });
    expect(r2.json().message).toMatch(/datadog/);
  });

  it("maps Cloudflare notification JSON", async () => {
    const body = JSON.stringify({ name: "Audit alert", text: "t", ts: 1755698791, alert_type: "token_create", alert_correlation_id: "c0ffee", data: { actor_email: "dan@example.com" } });
    const r = await post(body, signed(body), "?format=cloudflare");
    expect(r.statusCode).toBe(202);
    const v = await svc.store.get(r.json().investigation_id);
    expect(v?.anomaly).toMatchObject({ id: "cloudflare-c0ffee", actor: "dan@example.com", action: "token_create", source: "cloudflare" });
  });

  it("maps a configured generic format and rejects unknown formats", async () => {
    const body = JSON.stringify({ alert: { id: "s-1" }, user: { email: "erin@example.com" }, event: "role_change", at: "2026-08-20T14:06:31+02:00", extra: { k: 1 } });
    const r = await post(body, signed(body), "?format=siem");
    expect(r.statusCode).toBe(202);
    const v = await svc.store.get(r.json().investigation_id);
    expect(v?.anomaly).toMatchObject({ id: "s-1", actor: "erin@example.com", action: "role_change", detector: "siem", details: { k: 1 } });
    const r2 = await post(body, signed(body), "?format=nope");
    expect(r2.statusCode).toBe(400);
    expect(r2.json().field).toBe("format");
  });
});

describe("access control, rate limit, secret rotation", () => {
  const other = `whsec_${randomBytes(24).toString("base64")}`;
  beforeAll(() => boot({ CASEFILE_API_TOKEN: "t0ken-for-tests-0123456789abcdefghij", CASEFILE_RATE_LIMIT: "3", CASEFILE_WEBHOOK_SECRET: `${other}, ${SECRET}` }));
  afterAll(() => svc.close());

  it("requires the bearer token for investigations but not for the webhook", async () => {
    expect((await svc.app.inject({ url: "/v1/investigations" })).statusCode).toBe(401);
    expect((await svc.app.inject({ url: "/v1/investigations", headers: { authorization: "Bearer wrong" } })).statusCode).toBe(401);
    expect((await svc.app.inject({ url: "/v1/investigations", headers: { authorization: "Bearer t0ken-for-tests-0123456789abcdefghij" } })).statusCode).toBe(200);
    const body = JSON.stringify(anomaly());
    expect((await post(body, signed(body, { secret: other }))).statusCode).toBe(202); // rotation: either secret
  });

  it("answers 429 with Retry-After past the per-source rate", async () => {
    const codes: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 6; i++) {
      const r = await post("{}", { "content-type": "application/json" });
      codes.push(r.statusCode);
      if (r.statusCode === 429) retryAfter = String(r.headers["retry-after"]);
    }
    expect(codes).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe("notifications", () => {
  const got: { headers: IncomingMessage["headers"]; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let b = "";
    req.on("data", (c) => (b += c));
    req.on("end", () => {
      got.push({ headers: req.headers, body: b });
      res.writeHead(got.length === 1 ? 503 : 204).end(); // the first delivery fails: retried
    });
  });
  const notifySecret = `whsec_${randomBytes(24).toString("base64")}`;
  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const port = (receiver.address() as AddressInfo).port;
    await boot({ CASEFILE_NOTIFY_URL: `http://127.0.0.1:${port}/hook`, CASEFILE_NOTIFY_SECRET: notifySecret, CASEFILE_NOTIFY_ALLOW_PRIVATE: "1" });
  });
  afterAll(async () => {
    await svc.close();
    receiver.close();
  });

  it("delivers signed started and completed events, retrying a failed delivery", async () => {
    const body = JSON.stringify(anomaly({ actor: "notify@example.com" }));
    const r = await post(body, signed(body), "?wait=10");
    expect(r.json().status).toBe("completed");
    await svc.close(); // waits for background deliveries
    const events = got.map((g) => {
      new Webhook(notifySecret).verify(g.body, g.headers as Record<string, string>);
      return JSON.parse(g.body) as { type: string; data: { investigation_id: string } };
    });
    const types = [...new Set(events.map((e) => e.type))].sort();
    expect(types).toEqual(["investigation.completed", "investigation.started"]);
    expect(got.length).toBe(3);
    expect(events.every((e) => e.data.investigation_id === r.json().investigation_id)).toBe(true);
  });
});
