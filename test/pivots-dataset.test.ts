// The pivots dataset: in every incident the deciding events are not the actor's own; the gatherers reach them only
// through a credential or resource pivot, labelled as such.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Incident } from "../domain/incident.ts";
import { buildPivots } from "../evals/datasets/pivots/generate.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { loadVendorConfig } from "../tools/config.ts";
import { createCloudflareGatherer } from "../tools/cloudflare/client.ts";
import { createDatadogGatherer } from "../tools/datadog/client.ts";
import type { AuditEvent } from "../domain/events.ts";
import { gatherWindow } from "../graph/window.ts";

const DIR = path.join(import.meta.dirname, "../evals/datasets/pivots");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe("pivots dataset", () => {
  it("has at least ten incidents and regenerates byte for byte", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const { files: built } = buildPivots();
    for (const f of files) expect(built.get(f)).toBe(readFileSync(path.join(DIR, f), "utf8"));
  });

  it.each(files)("%s: the deciding events of other identities are found only by a credential or resource pivot", async (f) => {
    const inc = Incident.parse(JSON.parse(readFileSync(path.join(DIR, f), "utf8")));
    sb = await startSandbox({ incident: inc });
    const cfg = loadVendorConfig(sb.env);
    const win = gatherWindow(Date.parse(inc.anomaly.timestamp), Date.parse(inc.now));
    const req = { actor: inc.anomaly.actor, since: new Date(win.since), before: new Date(win.before), focusTs: Date.parse(inc.anomaly.timestamp) };
    const events: AuditEvent[] = [];
    for (const g of [cfg.cloudflare && createCloudflareGatherer(cfg.cloudflare, { limits: cfg.limits }), cfg.datadog && createDatadogGatherer(cfg.datadog, { limits: cfg.limits })]) {
      if (!g) continue;
      events.push(...(await g.gather(req)).events);
      await g.close();
    }
    const byId = new Map(events.map((e) => [e.id, e]));
    const keys = inc.label!.key_event_ids!;
    const others = keys.filter((id) => byId.get(id)?.pivot);
    expect(keys.every((id) => byId.has(id))).toBe(true);
    expect(others.length).toBeGreaterThan(0);
    for (const id of others) expect(["credential", "resource"]).toContain(byId.get(id)!.pivot_kind);
  });
});
