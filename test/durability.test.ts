// Durability with the built-in SQLite store: real `casefile serve` processes SIGKILLed mid-run and restarted on the
// same data directory lose no anomaly, finish every investigation and publish exactly one page per investigation.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import {
  SECRET,
  anomaly,
  deliver,
  delivery,
  demoIncident,
  getInvestigation,
  killAll,
  listInvestigations,
  pool,
  signedHeaders,
  startCasefile,
  waitFor,
  type Child,
  type Delivery,
} from "./durability-helpers.ts";

const sandboxes: Sandbox[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await killAll();
  await Promise.all(sandboxes.map((s) => s.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function setup(latencyMs: { cloudflare: number; datadog: number; confluence: number }) {
  const sandbox = await startSandbox({ incident: demoIncident(), latencyMs });
  sandboxes.push(sandbox);
  const dataDir = mkdtempSync(join(tmpdir(), "casefile-durability-"));
  dirs.push(dataDir);
  const env = {
    ...sandbox.env,
    CASEFILE_WEBHOOK_SECRET: SECRET,
    CASEFILE_DATA_DIR: dataDir,
    CASEFILE_HOST: "127.0.0.1",
    CASEFILE_PORT: "0",
    CASEFILE_CONCURRENCY: "2",
    CASEFILE_COALESCE_WINDOW: "15m",
  };
  return { sandbox, env };
}

const casefilePages = (s: Sandbox) => [...s.confluence.pages.values()].filter((p) => p.title.startsWith("[casefile]"));
const FINISHED = new Set(["completed", "failed"]);

/** Waits until every investigation is finished; returns them. */
async function allFinished(url: string, expected: number, timeoutMs: number) {
  let last: Awaited<ReturnType<typeof listInvestigations>> = [];
  return waitFor(
    async () => {
      last = await listInvestigations(url);
      return last.length >= expected && last.every((i) => FINISHED.has(i.status)) ? last : undefined;
    },
    timeoutMs,
    () => `investigations not finished: ${JSON.stringify(last.filter((i) => !FINISHED.has(i.status)).map((i) => [i.investigation_id, i.status, i.attempts]))} of ${last.length}`,
    200,
  );
}

describe("durability: SQLite, one process", () => {
  it("an anomaly storm survives a SIGKILL mid-way: every 202 maps to an investigation, one per actor burst, one page each", async () => {
    const { sandbox, env } = await setup({ cloudflare: 25, datadog: 25, confluence: 15 });
    const actors = Array.from({ length: 8 }, (_, i) => `storm${i}.ops@example.com`);
    const deliveries: Delivery[] = Array.from({ length: 60 }, (_, n) => delivery(anomaly(actors[n % actors.length]!, n, "storm")));
    const accepted = new Map<string, string>(); // anomaly id → investigation id
    let server: Child = await startCasefile("serve", env);

    // First part of the storm; the sender retries what failed (same webhook-id, same body).
    const send = async (list: Delivery[], url: string) => {
      const failed: Delivery[] = [];
      await pool(list, 4, async (d) => {
        const r = await deliver(url, d);
        if (!r) return void failed.push(d);
        expect(r.status, JSON.stringify(r.body)).toBe(202);
        accepted.set(d.anomalyId, String(r.body.investigation_id));
      });
      return failed;
    };
    const firstPart = deliveries.slice(0, 30);
    let retry = await send(firstPart.slice(0, 24), server.url);
    expect(retry).toEqual([]);
    // Kill while investigations are in flight (the sandbox is serving gatherers) and deliveries are still arriving.
    await waitFor(() => (sandbox.requests.some((r) => r.vendor === "cloudflare" || r.vendor === "datadog") ? true : undefined), 30_000, () => "no run started");
    const racing = send(firstPart.slice(24), server.url);
    await server.kill();
    retry = await racing;
    const runningAtKill = (await listInvestigationsSafe(server.url)).length; // the server is gone: nothing answers
    expect(runningAtKill).toBe(0);

    server = await startCasefile("serve", env);
    retry = await send([...retry, ...deliveries.slice(30)], server.url);
    expect(retry).toEqual([]);
    // Every delivered anomaly, including ones whose answer the kill swallowed, was answered 202.
    expect(new Set(accepted.keys()).size).toBe(deliveries.length);

    const invs = await allFinished(server.url, actors.length, 180_000);
    // One investigation per actor burst.
    expect(invs).toHaveLength(actors.length);
    expect(new Set(invs.map((i) => i.actor))).toEqual(new Set(actors));
    // Every 202 maps to an investigation that lists the anomaly.
    for (const d of deliveries) {
      const inv = await getInvestigation(server.url, accepted.get(d.anomalyId)!);
      expect(inv.anomalies).toContain(d.anomalyId);
    }
    const listed = invs.flatMap((i) => i.anomalies).sort();
    expect(listed).toEqual(deliveries.map((d) => d.anomalyId).sort());
    // Every investigation completed, exactly one page each.
    for (const inv of invs) expect(inv.status, JSON.stringify(inv.errors)).toBe("completed");
    const pages = casefilePages(sandbox);
    expect(pages).toHaveLength(invs.length);
    expect(new Set(pages.map((p) => p.title)).size).toBe(pages.length);
    expect(new Set(invs.map((i) => i.page_id))).toEqual(new Set(pages.map((p) => p.id)));

    // Forged, replayed-with-another-body and stale deliveries are refused.
    const fresh = delivery(anomaly("intruder@example.com", 1, "forged"));
    expect((await deliver(server.url, fresh, signedHeaders(fresh, { secret: `whsec_${Buffer.from("not-the-secret-at-all").toString("base64")}` })))?.status).toBe(401);
    const tampered = signedHeaders(fresh);
    expect((await deliver(server.url, { ...fresh, body: fresh.body.replace("intruder", "intrudr") }, tampered))?.status).toBe(401);
    const replayed = { ...deliveries[0]!, body: JSON.stringify(anomaly("intruder@example.com", 2, "replay")) };
    expect((await deliver(server.url, replayed))?.status).toBe(401);
    expect((await deliver(server.url, fresh, signedHeaders(fresh, { at: new Date(Date.now() - 10 * 60_000) })))?.status).toBe(401);
    expect(await listInvestigations(server.url)).toHaveLength(actors.length);
    await server.stop();
  }, 300_000);

  it("ten SIGKILLs mid-run (during gathering and between page create and its record): every run completes, one page each", async () => {
    const { sandbox, env } = await setup({ cloudflare: 15, datadog: 15, confluence: 30 });
    const deliveries = Array.from({ length: 6 }, (_, n) => delivery(anomaly(`kill${n}.ops@example.com`, n, "kill")));
    let server = await startCasefile("serve", env);
    const ids = new Set<string>();
    for (const d of deliveries) {
      const r = await deliver(server.url, d);
      expect(r?.status).toBe(202);
      ids.add(String(r!.body.investigation_id));
    }
    expect(ids.size).toBe(deliveries.length);

    let kills = 0;
    for (; kills < 10; kills++) {
      const pagesBefore = sandbox.confluence.pages.size;
      const seen = sandbox.requests.length;
      // Even kills: the moment a page appears (its anomaly-id property is the next request);
      // odd kills: the first vendor request after the restart (gathering or the title lookup).
      const trigger =
        kills % 2 === 0
          ? () => (sandbox.confluence.pages.size > pagesBefore ? true : undefined)
          : () => (sandbox.requests.length > seen ? true : undefined);
      let lastCheck = Date.now();
      const finished = async () => {
        if (Date.now() - lastCheck < 300) return undefined;
        lastCheck = Date.now();
        return (await allDone(server.url, ids)) ? false : undefined;
      };
      const hit = await waitFor(async () => trigger() ?? (await finished()), 60_000, () => `kill ${kills + 1}: no trigger`, 2);
      if (!hit) break; // everything finished before the trigger came
      await server.kill();
      server = await startCasefile("serve", env);
    }
    expect(kills).toBeGreaterThanOrEqual(6);

    const invs = await allFinished(server.url, ids.size, 90_000);
    for (const inv of invs) expect(inv.status, JSON.stringify(inv.errors)).toBe("completed");
    const pages = casefilePages(sandbox);
    expect(pages.map((p) => p.title).sort()).toHaveLength(ids.size);
    expect(new Set(pages.map((p) => p.title)).size).toBe(ids.size);
    expect(new Set(invs.map((i) => i.page_id))).toEqual(new Set(pages.map((p) => p.id)));
    // Every page carries its anomaly-id property (the record a kill could have cut off).
    for (const p of pages) expect(sandbox.confluence.properties.get(p.id)?.some((x) => x.key === "casefile-anomaly-id")).toBe(true);
    await server.stop();
  }, 300_000);
});

async function listInvestigationsSafe(url: string) {
  try {
    return await listInvestigations(url);
  } catch {
    return [];
  }
}

async function allDone(url: string, ids: Set<string>) {
  try {
    const invs = await listInvestigations(url);
    return invs.filter((i) => ids.has(i.investigation_id)).every((i) => FINISHED.has(i.status));
  } catch {
    return false;
  }
}
