// 10 000 generated requests against the webhook, the login form, the UI and the API (bodies, headers, hosts,
// cookies, methods): never a 5xx, and nothing changes state without authentication.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startService, type Service } from "../../server/service.ts";
import { anomaly, FakeInvestigator, silent, testConfig } from "../server-helpers.ts";

const TOKEN = "fuzz-token-0123456789abcdefghijklmnopqrstuv";
const N = 10_000;

/** Small seeded PRNG (mulberry32): the same 10 000 requests every run, so a failure reproduces. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const junk = (max: number) => Array.from({ length: Math.floor(next() * max) }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join("");
  return { next, pick, junk };
}

describe("fuzz", () => {
  let svc: Service;
  let inv: FakeInvestigator;
  let awaiting = "";
  beforeAll(async () => {
    inv = new FakeInvestigator();
    svc = await startService(testConfig({ CASEFILE_API_TOKEN: TOKEN, CASEFILE_RATE_LIMIT: "1000000" }), { investigator: inv, logger: silent, workers: false });
    const a = await svc.store.createOrAttach(anomaly({ actor: "fuzz@example.com" }), 60_000);
    await svc.store.markAwaiting(a.investigation.id);
    awaiting = a.investigation.id;
  });
  afterAll(() => svc.close());

  it(`${N} generated requests: no 5xx, no state change without auth`, async () => {
    const r = rng(15);
    const ids = [awaiting, "inv_00000000000000000000000000000000", "inv_x", "../etc/passwd", "%00", "__proto__"];
    const paths = () =>
      r.pick([
        "/v1/anomalies",
        `/v1/anomalies?format=${r.pick(["datadog", "cloudflare", "__proto__", "constructor", r.junk(10)])}&wait=${r.pick(["1", "-1", "x", "99"])}`,
        "/v1/investigations",
        `/v1/investigations?limit=${r.pick(["0", "500", "x", "10"])}&cursor=${encodeURIComponent(r.junk(30))}`,
        `/v1/investigations/${r.pick(ids)}`,
        `/v1/investigations/${r.pick(ids)}/${r.pick(["approve", "reject"])}`,
        "/ui",
        "/ui/login",
        `/ui/login?token=${r.pick([TOKEN, r.junk(20)])}`,
        "/ui/logout",
        `/ui/investigations/${r.pick(ids)}`,
        `/ui/investigations/${r.pick(ids)}/${r.pick(["approve", "reject", "status.json", "timeline.svg"])}`,
        "/readyz",
        "/healthz",
        "/docs",
        `/${r.junk(20)}`,
      ]);
    const bodies = () =>
      r.pick([
        "",
        "{}",
        r.junk(200),
        `${"[".repeat(Math.floor(r.next() * 3000))}`,
        JSON.stringify(anomaly()),
        JSON.stringify({ id: r.junk(10), actor: r.junk(10), action: r.junk(10), timestamp: r.junk(10), details: { __proto__: { x: 1 }, constructor: r.junk(5) } }),
        `token=${encodeURIComponent(r.pick([r.junk(40), "x".repeat(5000)]))}&csrf=${encodeURIComponent(r.junk(43))}`,
        `csrf=${encodeURIComponent(r.junk(43))}&reviewer=x`,
        '{"reviewer":"mallory"}',
      ]);
    const headers = (): Record<string, string> => {
      const h: Record<string, string> = {};
      h["content-type"] = r.pick(["application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", r.junk(10) || "x/y"]);
      if (r.next() < 0.5) h.host = r.pick(["localhost", "127.0.0.1:8080", "attacker.example", "[::1]:80", r.junk(20) || "x", "casefile.example.com"]);
      if (r.next() < 0.4) h.authorization = r.pick([`Bearer ${r.junk(40)}`, `Basic ${r.junk(20)}`, "Bearer", `Bearer ${"a".repeat(10_000)}`, r.junk(30)]);
      if (r.next() < 0.4) h.cookie = r.pick([`casefile_ui=${Math.floor(Date.now() / 1000)}.0.${"A".repeat(43)}`, `__Host-casefile_ui=${r.junk(60)}`, r.junk(100), `casefile_ui=${TOKEN}`]);
      if (r.next() < 0.3) h.origin = r.pick(["null", "https://attacker.example", r.junk(20)]);
      if (r.next() < 0.3) {
        h["webhook-id"] = r.junk(20) || "id";
        h["webhook-timestamp"] = r.pick([String(Math.floor(Date.now() / 1000)), "0", r.junk(5)]);
        h["webhook-signature"] = r.pick([`v1,${r.junk(44)}`, r.junk(100), "v1,"]);
      }
      if (r.next() < 0.2) h["x-forwarded-for"] = r.junk(20);
      for (const k of Object.keys(h)) h[k] = h[k]!.replace(/[^\t\x20-\x7e]/g, "");
      return h;
    };
    const before = (await svc.store.list({ limit: 200 })).items.length;
    const fives: string[] = [];
    for (let i = 0; i < N; i++) {
      const method = r.pick(["GET", "POST", "POST", "PUT", "DELETE", "OPTIONS"] as const);
      const url = paths();
      const res = await svc.app.inject({ method, url, headers: headers(), payload: method === "GET" || method === "OPTIONS" ? undefined : bodies(), remoteAddress: `10.0.${i % 256}.${(i >> 8) % 256}` });
      if (res.statusCode >= 500) fives.push(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(fives).toEqual([]);
    expect((await svc.store.get(awaiting))!.status).toBe("awaiting_approval");
    expect(inv.decisions).toEqual([]);
    expect((await svc.store.list({ limit: 200 })).items.length).toBe(before);
  }, 120_000);
});
