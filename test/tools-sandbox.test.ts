// Contract tests of the vendor tools against the local doubles (sandbox/server.ts), with pages forced small,
// both Cloudflare API versions and every fault of the fault plan.
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { loadVendorConfig } from "../tools/config.ts";
import { createCloudflareGatherer } from "../tools/cloudflare/client.ts";
import { createDatadogGatherer } from "../tools/datadog/client.ts";
import { createConfluencePublisher, PayloadTooLargeError } from "../tools/confluence/client.ts";
import { runDoctor, formatDoctorTable } from "../tools/doctor.ts";
import { resolveConfig } from "../config/load.ts";
import { countVendorRequests } from "./vendor-counts.ts";
import { VendorError } from "../tools/types.ts";
import { cloudflareAuditTool } from "../tools/cloudflare/tool.ts";
import { datadogAuditTool } from "../tools/datadog/tool.ts";
import { ACTOR, ACTOR_IP, BEFORE, CF_V1_OWN_IDS, CF_V2_OWN_IDS, DD_OWN_IDS, SINCE, buildIncident } from "./tools-fixtures.ts";

const httpCounters = countVendorRequests();

let sb: Sandbox | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  await sb?.close();
  sb = undefined;
});

const fast = { baseDelayMs: 5 };
const req = { actor: ACTOR, since: SINCE, before: BEFORE };

async function cfGatherer(opts: { v2?: boolean; api?: string; page?: number; faults?: Record<string, string>; env?: Record<string, string> } = {}) {
  sb = await startSandbox({ incident: buildIncident({ v2: opts.v2 }), maxPageSize: { cloudflare: opts.page ?? 3 }, faults: opts.faults ?? {} });
  const cfg = loadVendorConfig({ ...sb.env, CLOUDFLARE_AUDIT_API: opts.api ?? "auto", ...opts.env });
  const g = createCloudflareGatherer(cfg.cloudflare!, { limits: cfg.limits, ...fast });
  closers.push(g.close);
  return g;
}

async function ddGatherer(opts: { page?: number; faults?: Record<string, string>; env?: Record<string, string> } = {}) {
  sb = await startSandbox({ incident: buildIncident(), maxPageSize: { datadog: opts.page ?? 2 }, faults: opts.faults ?? {} });
  const cfg = loadVendorConfig({ ...sb.env, ...opts.env });
  const g = createDatadogGatherer(cfg.datadog!, { limits: cfg.limits, ...fast });
  closers.push(g.close);
  return g;
}

describe("Cloudflare gatherer against the sandbox", () => {
  it.each([1, 3, 7])("v1 with page size %i: the actor's events in the window, pivots apart", async (page) => {
    const g = await cfGatherer({ api: "v1", page });
    const r = await g.gather(req);
    const own = r.events.filter((e) => !e.pivot);
    expect(new Set(own.map((e) => e.id))).toEqual(new Set(CF_V1_OWN_IDS));
    expect(r.events.filter((e) => e.pivot_kind === "address").map((e) => e.id)).toEqual(["pivot-bob-1"]);
    // the system's TLS deployment on the zone the actor changed, found by the resource pivot
    const resource = r.events.filter((e) => e.pivot_kind === "resource");
    expect(resource.map((e) => [e.id, e.pivot_key])).toEqual([["2ce6e0db-5527-4870-8f66-8ede1cd38791", "9a7806061c88ada191ed06f989cc3dac"]]);
    expect(r.events.filter((e) => e.pivot).every((e) => e.pivot_kind && e.pivot_key)).toBe(true);
    expect(r.status).toMatchObject({ status: "ok", api: "cloudflare-v1", events: CF_V1_OWN_IDS.length, pivot_events: 2, rejected: 0 });
    expect(r.status.pivots?.find((p) => p.kind === "address" && p.key === ACTOR_IP)?.found).toBe(1);
    expect(r.status.pages).toBeGreaterThan(Math.ceil(CF_V1_OWN_IDS.length / page));
    // pages until an empty page
    const v1 = sb!.requests.filter((x) => x.path.endsWith("/audit_logs"));
    expect(v1.every((x) => x.status === 200)).toBe(true);
  });

  it("auto falls back to v1 when v2 answers 404: recorded in status.api, not as a warning (no data gap)", async () => {
    const g = await cfGatherer({ api: "auto", v2: false });
    const r = await g.gather(req);
    expect(r.status.api).toBe("cloudflare-v1");
    expect(r.status.warnings.join(" ")).not.toMatch(/v2 not available/);
    expect(r.status.status).toBe("ok");
    expect(r.status.events).toBe(CF_V1_OWN_IDS.length);
  });

  it.each([1, 2, 7])("v2 with page size %i follows the cursor", async (page) => {
    const g = await cfGatherer({ api: "v2", v2: true, page });
    const r = await g.gather(req);
    expect(r.status.api).toBe("cloudflare-v2");
    expect(new Set(r.events.filter((e) => !e.pivot).map((e) => e.id))).toEqual(new Set(CF_V2_OWN_IDS));
    expect(r.events.filter((e) => e.pivot).map((e) => e.id)).toEqual(["v2-bob-1"]);
    expect(r.events.find((e) => e.id === "v2-alice-1")).toMatchObject({ action: "members.create", operation: "create", ip: ACTOR_IP, outcome: "success" });
    const first = sb!.requests.find((x) => x.path.endsWith("/logs/audit"));
    expect(first?.query).toMatchObject({ actor_email: ACTOR, limit: "1000" });
  });

  it("auto reads both histories when v2 answers and keeps what v2 lacks", async () => {
    const g = await cfGatherer({ api: "auto", v2: true, page: 3 });
    const r = await g.gather(req);
    expect(r.status.api).toBe("cloudflare-v2");
    const own = r.events.filter((e) => !e.pivot).map((e) => e.id);
    expect(new Set(own)).toEqual(new Set([...CF_V2_OWN_IDS, ...CF_V1_OWN_IDS]));
    expect(own.length).toBe(new Set(own).size);
    expect(sb!.requests.some((x) => x.path.endsWith("/audit_logs"))).toBe(true);
  });

  it("a page cap truncates and says which limit", async () => {
    const g = await cfGatherer({ api: "v1", page: 2, env: { CASEFILE_MAX_EVENTS_PER_SOURCE: "4" } });
    const r = await g.gather(req);
    expect(r.status.status).toBe("truncated");
    expect(r.status.warnings.join(" ")).toContain("CASEFILE_MAX_EVENTS_PER_SOURCE");
  });

  it("legacy email + key auth works", async () => {
    sb = await startSandbox({ incident: buildIncident(), faults: {} });
    const { CLOUDFLARE_API_TOKEN: _t, ...env } = sb.env;
    const cfg = loadVendorConfig({ ...env, CLOUDFLARE_EMAIL: "sandbox@example.com", CLOUDFLARE_API_KEY: "sandbox-cloudflare-global-key" });
    const g = createCloudflareGatherer(cfg.cloudflare!, { limits: cfg.limits, ...fast });
    closers.push(g.close);
    expect((await g.gather(req)).status.status).toBe("ok");
  });

  it("rate_limited_once: waits Retry-After and succeeds, counting the 429", async () => {
    const before = { ...httpCounters.cloudflare };
    const g = await cfGatherer({ api: "v1", faults: { cloudflare: "rate_limited_once" } });
    const r = await g.gather(req);
    expect(r.status.status).toBe("ok");
    expect(r.status.events).toBe(CF_V1_OWN_IDS.length);
    expect(httpCounters.cloudflare.rate_limited - before.rate_limited).toBe(1);
    expect(httpCounters.cloudflare.retries - before.retries).toBeGreaterThanOrEqual(1);
  });

  it("unavailable: status failed with a message naming vendor and status", async () => {
    const g = await cfGatherer({ api: "v1", faults: { cloudflare: "unavailable" } });
    const r = await g.gather(req);
    expect(r.status.status).toBe("failed");
    expect(r.status.error).toMatch(/Cloudflare is unavailable \(503\)/);
    // retried (1 + 3 retries) before giving up
    expect(sb!.requests.filter((x) => x.vendor === "cloudflare").length).toBe(4);
  });

  it("forbidden: names the token variable and the permission, never the token", async () => {
    const g = await cfGatherer({ api: "v1", faults: { cloudflare: "forbidden" } });
    const r = await g.gather(req);
    expect(r.status.status).toBe("failed");
    expect(r.status.error).toMatch(/Cloudflare rejected the API token \(403/);
    expect(r.status.error).toContain("CLOUDFLARE_API_TOKEN");
    expect(r.status.error).toContain("Account Settings Read");
    expect(r.status.error).not.toContain(sb!.env.CLOUDFLARE_API_TOKEN);
  });

  it("slow: a response slower than CASEFILE_HTTP_TIMEOUT_MS fails with a timeout message", async () => {
    const g = await cfGatherer({ api: "v1", faults: { cloudflare: "slow:1500" }, env: { CASEFILE_HTTP_TIMEOUT_MS: "300" } });
    const r = await g.gather(req);
    expect(r.status.status).toBe("failed");
    expect(r.status.error).toMatch(/did not answer .* within 300 ms/);
    expect(r.status.error).toContain("CASEFILE_HTTP_TIMEOUT_MS");
  });

  it("the LangChain tool returns compact JSON for an IP query", async () => {
    const g = await cfGatherer({ api: "v1" });
    const t = cloudflareAuditTool(g);
    const out = JSON.parse(String(await t.invoke({ ip: ACTOR_IP, since: SINCE.toISOString(), before: BEFORE.toISOString() })));
    expect(out.events.map((e: { actor: string }) => e.actor)).toContain("bob@example.com");
    expect(out.note).toMatch(/untrusted/);
    await expect(t.invoke({ since: SINCE.toISOString(), before: BEFORE.toISOString() } as never)).rejects.toThrow();
  });
});

describe("Datadog gatherer against the sandbox", () => {
  it.each([1, 2, 7])("page size %i: actor by email/id/uuid, key-authenticated events, IP pivots", async (page) => {
    const g = await ddGatherer({ page });
    const r = await g.gather(req);
    expect(new Set(r.events.filter((e) => !e.pivot).map((e) => e.id))).toEqual(new Set(DD_OWN_IDS));
    expect(r.events.filter((e) => e.pivot).map((e) => e.id)).toEqual(["dd-dave-1"]);
    expect(r.status).toMatchObject({ status: "ok", api: "datadog-search", events: DD_OWN_IDS.length, pivot_events: 1 });
    const searches = sb!.requests.filter((x) => x.path === "/api/v2/audit/events/search");
    // first a case-insensitive free-text discovery of the actor's spellings, then the actor under each of them
    expect((searches[0]?.query as { filter: { query: string } }).filter.query).toBe(`"${ACTOR}"`);
    const firstBody = searches.find((x) => (x.query as { filter: { query: string } }).filter.query.includes("@usr.email"))?.query as { filter: { query: string }; page: { limit: number }; sort: string };
    expect(firstBody.filter.query).toContain(`"${ACTOR}"`);
    expect(r.status.identities).toContain("3f1c9a62-6b0e-11ee-9c1d-da7ad0900002");
    expect(firstBody.page.limit).toBe(1000);
    expect(firstBody.sort).toBe("timestamp");
    expect(searches.some((s) => (s.query as { filter: { query: string } }).filter.query.includes("3f1c9a62"))).toBe(true);
  });

  it("rate_limited_once: retried and counted", async () => {
    const before = httpCounters.datadog.rate_limited;
    const g = await ddGatherer({ faults: { datadog: "rate_limited_once" } });
    const r = await g.gather(req);
    expect(r.status.status).toBe("ok");
    expect(httpCounters.datadog.rate_limited - before).toBe(1);
  });

  it("forbidden names DD_API_KEY, DD_APP_KEY and audit_logs_read", async () => {
    const g = await ddGatherer({ faults: { datadog: "forbidden" } });
    const r = await g.gather(req);
    expect(r.status.status).toBe("failed");
    expect(r.status.error).toMatch(/Datadog rejected the keys \(403\)/);
    expect(r.status.error).toContain("audit_logs_read");
  });

  it("unavailable and slow fail with clear messages", async () => {
    const g = await ddGatherer({ faults: { datadog: "unavailable" } });
    expect((await g.gather(req)).status.error).toMatch(/Datadog is unavailable \(503\)/);
    await g.close();
    await sb!.close();
    const g2 = await ddGatherer({ faults: { datadog: "slow:1500" }, env: { CASEFILE_HTTP_TIMEOUT_MS: "300" } });
    expect((await g2.gather(req)).status.error).toMatch(/Datadog did not answer/);
  });

  it("the LangChain tool searches by IP", async () => {
    const g = await ddGatherer();
    const t = datadogAuditTool(g);
    const out = JSON.parse(String(await t.invoke({ ip: ACTOR_IP, since: SINCE.toISOString(), before: BEFORE.toISOString() })));
    expect(out.events.map((e: { id: string }) => e.id)).toContain("dd-dave-1");
  });
});

describe("Confluence publisher against the sandbox", () => {
  async function publisher(faults: Record<string, string> = {}) {
    sb = await startSandbox({ incident: buildIncident(), faults, maxPageSize: { confluence: 1 } });
    const cfg = loadVendorConfig(sb.env);
    const p = createConfluencePublisher(cfg.confluence!, { limits: cfg.limits, ...fast });
    closers.push(p.close);
    return p;
  }
  const page = (key: string, title = "Investigation: alice anomaly det-1") => ({
    key,
    title,
    body: "<p>Report &amp; findings</p>",
    labels: ["casefile", "Security Investigation"],
    attachments: [{ name: "events.json", contentType: "application/json", data: '{"a":1}' }],
  });

  it("creates, then updates the same page on rerun; labels, key property and attachments", async () => {
    const p = await publisher();
    const a = await p.publish(page("det-1"));
    expect(a).toMatchObject({ created: true, version: 1, title: "Investigation: alice anomaly det-1" });
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wiki\/spaces\/.+\/pages\/\d+/);
    expect(a.attachments[0]?.url).toMatch(/\/wiki\/download\/attachments\/\d+\/events\.json/);
    const stored = sb!.confluence.pages.get(a.id)!;
    expect(stored.body).toBe("<p>Report &amp; findings</p>");
    expect(sb!.confluence.labels.get(a.id)?.map((l) => l.name).sort()).toEqual(["casefile", "security-investigation"]);
    expect(sb!.confluence.properties.get(a.id)?.[0]).toMatchObject({ key: "casefile-anomaly-id", value: "det-1" });
    const b = await p.publish({ ...page("det-1"), body: "<p>v2</p>" });
    expect(b).toMatchObject({ id: a.id, created: false, version: 2 });
    expect(sb!.confluence.pages.get(a.id)!.body).toBe("<p>v2</p>");
    // The page URL serves the report.
    const view = await fetch(b.url);
    expect(view.status).toBe(200);
  });

  it("a title owned by another anomaly gets a suffix", async () => {
    const p = await publisher();
    const a = await p.publish(page("det-1"));
    const b = await p.publish(page("det-2"));
    expect(b.id).not.toBe(a.id);
    expect(b.title).toBe("Investigation: alice anomaly det-1 (2)");
    const again = await p.publish(page("det-2"));
    expect(again).toMatchObject({ id: b.id, created: false });
  });

  it("413 becomes PayloadTooLargeError", async () => {
    const p = await publisher();
    const big = `<p>${"x".repeat(5 * 1024 * 1024 + 10)}</p>`;
    const err = await p.publish({ ...page("det-big"), body: big, attachments: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayloadTooLargeError);
    expect((err as Error).message).toMatch(/413/);
  });

  it("checkAccess finds the space", async () => {
    const p = await publisher();
    const r = await p.checkAccess();
    expect(r.space.id).toBeTruthy();
    expect(r.canCreate).not.toBe(false);
  });

  it("forbidden names the space variable; wrong credentials name email and token", async () => {
    const p = await publisher({ confluence: "forbidden" });
    await expect(p.publish(page("det-1"))).rejects.toThrow(/Confluence denied .* \(403\).*CONFLUENCE_SPACE_KEY/);
    await sb!.close();
    sb = await startSandbox({ incident: buildIncident(), faults: {} });
    const cfg = loadVendorConfig({ ...sb.env, CONFLUENCE_API_TOKEN: "wrong-token-value" });
    const p2 = createConfluencePublisher(cfg.confluence!, { limits: cfg.limits, ...fast });
    closers.push(p2.close);
    const err = await p2.publish(page("det-1")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorError);
    expect((err as Error).message).toMatch(/Confluence rejected the credentials \(401\).*CONFLUENCE_EMAIL and CONFLUENCE_API_TOKEN/);
    expect((err as Error).message).not.toContain("wrong-token-value");
  });

  it("rate_limited_once on the create is retried (a 429 means nothing was created)", async () => {
    const p = await publisher({ confluence: "rate_limited_once" });
    const a = await p.publish(page("det-1"));
    expect(a.created).toBe(true);
    expect(sb!.confluence.pages.size).toBeGreaterThan(0);
  });

  it("unavailable: fails clearly and creates nothing", async () => {
    const p = await publisher({ confluence: "unavailable" });
    await expect(p.publish(page("det-1"))).rejects.toThrow(/Confluence is unavailable \(503\)/);
  });
});

describe("doctor against the sandbox", () => {
  it("all green with the sandbox env; a forbidden vendor fails with a fix", async () => {
    sb = await startSandbox({ incident: buildIncident(), faults: {} });
    const ok = await runDoctor(resolveConfig({ env: sb.env }));
    expect(ok.rows.filter((r) => !r.ok)).toEqual([]);
    expect(ok.ok).toBe(true);
    expect(ok.rows.map((r) => `${r.vendor}:${r.check}`)).toEqual(
      expect.arrayContaining(["cloudflare:token verify", "cloudflare:audit log query", "datadog:key validate", "datadog:audit search", "confluence:space lookup"]),
    );
    await sb.close();
    sb = await startSandbox({ incident: buildIncident(), faults: { datadog: "forbidden" } });
    const bad = await runDoctor(resolveConfig({ env: { ...sb.env, CASEFILE_MAX_RETRY_WAIT_MS: "1000" } }));
    expect(bad.ok).toBe(false);
    const table = formatDoctorTable(bad.rows);
    expect(table).toMatch(/FAIL\s+datadog/);
    expect(table).toContain("How to fix:");
    expect(table).not.toContain(sb.env.DD_API_KEY);
  });

  it("a partly configured vendor is its own failure naming the variable", async () => {
    const r = await runDoctor(resolveConfig({ env: { DD_API_KEY: "x" } }));
    expect(r.ok).toBe(false);
    expect(r.rows.find((row) => row.vendor === "datadog")?.detail).toContain("DD_APP_KEY");
  });
});
