// Publishing is keyed by the anomaly id: a rerun whose verdict (and so title) changed updates the same page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIncident } from "../domain/incident.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { loadVendorConfig } from "../tools/config.ts";
import { createConfluencePublisher } from "../tools/confluence/client.ts";

describe("Confluence publishing keyed by anomaly id", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ incident: await loadIncident(new URL("../sandbox/incidents/demo.json", import.meta.url).pathname) });
  });
  afterAll(() => sandbox.close());

  it("retitles the page of an earlier verdict instead of creating a second one", async () => {
    const publisher = createConfluencePublisher(loadVendorConfig(sandbox.env).confluence!);
    const first = await publisher.publish({ key: "det-1", title: "[casefile] benign · a@example.com · login · 2026-08-20 UTC · det-1", body: "<p>one</p>", labels: ["casefile"] });
    const second = await publisher.publish({
      key: "det-1",
      title: "[casefile] likely_malicious · a@example.com · login · 2026-08-20 UTC · det-1",
      previousTitles: ["[casefile] benign · a@example.com · login · 2026-08-20 UTC · det-1", "[casefile] misconfiguration · a@example.com · login · 2026-08-20 UTC · det-1"],
      body: "<p>two</p>",
      labels: ["casefile"],
    });
    expect(second.id).toBe(first.id);
    expect(second.created).toBe(false);
    const page = sandbox.confluence.pages.get(first.id)!;
    expect(page.title).toContain("likely_malicious");
    expect(page.version.number).toBe(2);
    expect([...sandbox.confluence.pages.values()].filter((p) => p.title.includes("det-1"))).toHaveLength(1);
    // A page with an earlier title that belongs to another anomaly is left alone.
    const other = await publisher.publish({ key: "det-2", title: "[casefile] benign · b@example.com · login · 2026-08-20 UTC · det-2", body: "<p>x</p>", labels: [] });
    const third = await publisher.publish({ key: "det-3", title: "[casefile] likely_malicious · b@example.com · login · 2026-08-20 UTC · det-3", previousTitles: ["[casefile] benign · b@example.com · login · 2026-08-20 UTC · det-2"], body: "<p>y</p>", labels: [] });
    expect(third.id).not.toBe(other.id);
    expect(third.created).toBe(true);
    await publisher.close();
  });
});
