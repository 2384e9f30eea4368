// A vendor that answers one record per page, for ever, is stopped at CASEFILE_MAX_PAGES_PER_SOURCE: the source is
// marked truncated with a warning naming the setting, pivots past the cap are not run, and the vendor sees exactly
// the capped number of requests. Both gatherers, against endless pagers on 127.0.0.1.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loadLimits } from "../../tools/config.ts";
import { createCloudflareGatherer } from "../../tools/cloudflare/client.ts";
import { createDatadogGatherer } from "../../tools/datadog/client.ts";

const ACTOR = "alice.ops@example.com";
const WINDOW = { since: new Date("2026-08-20T00:00:00Z"), before: new Date("2026-08-21T00:00:00Z") };
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function endlessPager(page: (n: number, req: IncomingMessage) => unknown): Promise<{ url: string; hits: () => number }> {
  let n = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      n++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(page(n, req)));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => n };
}

const when = (n: number) => new Date(WINDOW.since.getTime() + n * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
const limits = { ...loadLimits({}), maxPagesPerSource: 25 };

describe("page cap per source", () => {
  it("Cloudflare: 25 one-record pages, then truncated with a warning naming CASEFILE_MAX_PAGES_PER_SOURCE", async () => {
    const vendor = await endlessPager((n) => ({
      success: true,
      errors: [],
      result: [{ id: `rec-${n}`, action: { result: true, type: "change_setting" }, actor: { email: ACTOR, id: "7c5dae5552338874e5053f2534d2767a", ip: "203.0.113.45", type: "user" }, resource: { id: `zone-${n}`, type: "zone" }, when: when(n) }],
      result_info: { page: n, per_page: 1000 },
    }));
    const g = createCloudflareGatherer(
      { baseUrl: vendor.url, accountId: "0123456789abcdef0123456789abcdef", auth: { kind: "token", token: "t" }, auditApi: "v1" },
      { limits, maxRetries: 0 },
    );
    const r = await g.gather({ actor: ACTOR, ...WINDOW });
    await g.close();
    expect(vendor.hits()).toBe(25);
    expect(r.status.status).toBe("truncated");
    expect(r.status.pages).toBe(25);
    expect(r.events).toHaveLength(25);
    expect(r.status.warnings.join("\n")).toMatch(/Cloudflare: stopped after 25 pages \(CASEFILE_MAX_PAGES_PER_SOURCE\)/);
    // The actor's address and changed zones would be pivots: none ran past the cap.
    expect(r.status.pivots!.length).toBeGreaterThan(0);
    for (const p of r.status.pivots!) expect(p.note).toMatch(/page cap \(25, CASEFILE_MAX_PAGES_PER_SOURCE\)/);
  });

  it("Datadog: 25 one-record pages over discovery and the actor query, then truncated", async () => {
    const vendor = await endlessPager((n) => ({
      meta: { page: { after: `cursor-${n}` } },
      data: [
        {
          id: `AQAA-${n}`,
          type: "audit",
          attributes: {
            timestamp: when(n),
            message: `${ACTOR} modified monitor`,
            attributes: { usr: { id: ACTOR, email: ACTOR }, evt: { name: "Monitor" }, action: "modified", asset: { type: "monitor", id: `m-${n}` } },
          },
        },
      ],
    }));
    const g = createDatadogGatherer({ baseUrl: vendor.url, site: "datadoghq.com", apiKey: "k", appKey: "a" }, { limits, maxRetries: 0, pivot: { eventsPerPivot: 5 } });
    const r = await g.gather({ actor: ACTOR, ...WINDOW });
    await g.close();
    expect(vendor.hits()).toBe(25);
    expect(r.status.status).toBe("truncated");
    expect(r.status.warnings.join("\n")).toMatch(/Datadog: stopped after 25 pages \(CASEFILE_MAX_PAGES_PER_SOURCE\)/);
    expect(r.status.warnings.join("\n")).not.toMatch(/CASEFILE_MAX_EVENTS_PER_SOURCE/);
  });

  it("a source that ends inside the cap is complete, not truncated", async () => {
    const vendor = await endlessPager((n) => ({
      meta: n < 3 ? { page: { after: `cursor-${n}` } } : {},
      data: n < 3 ? [{ id: `AQAA-${n}`, type: "audit", attributes: { timestamp: when(n), message: "m", attributes: { usr: { id: ACTOR, email: ACTOR }, evt: { name: "Monitor" }, action: "accessed", asset: { type: "monitor", id: "m" } } } }] : [],
    }));
    const g = createDatadogGatherer({ baseUrl: vendor.url, site: "datadoghq.com", apiKey: "k", appKey: "a" }, { limits: { ...limits, maxPagesPerSource: 1000 }, maxRetries: 0 });
    const r = await g.gather({ actor: ACTOR, ...WINDOW });
    await g.close();
    expect(r.status.status).toBe("ok");
    expect(r.status.warnings.join("\n")).not.toMatch(/MAX_PAGES/);
  });
});
