// The checkpoints of an investigation do not grow with the events it gathers: the events, their raw records and
// the correlation's timeline are in the evidence store, so the largest checkpoint step (checkpoint, metadata and
// pending writes) of a 10 000-event run stays within 1.2 × that of a 1 000-event run plus a small constant.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { benchIncident, generateEvents } from "../bench/generate.ts";
import { loadEvents } from "../graph/evidence-store.ts";
import { createInvestigator } from "../graph/investigator.ts";
import type { State } from "../graph/state.ts";
import { startSandbox } from "../sandbox/server.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Bytes written per checkpoint step of one run against the sandbox doubles serving `n` generated events. */
async function stepBytes(n: number): Promise<{ steps: number[]; events: number }> {
  const incident = benchIncident(generateEvents(n));
  const sandbox = await startSandbox({ incident, maxPageSize: { cloudflare: 1000, datadog: 1000 } });
  const dataDir = await mkdtemp(path.join(tmpdir(), `casefile-checkpoint-size-${n}-`));
  dirs.push(dataDir);
  try {
    const investigator = await createInvestigator({ env: { ...sandbox.env, CASEFILE_DRY_RUN: "1" }, dataDir, clock: () => Date.parse(incident.now) });
    let events: number;
    try {
      const out = await investigator.run({ investigationId: "inv", anomaly: incident.anomaly });
      expect(out.status, out.error).toBe("completed");
      const state = (await investigator.graph.getState({ configurable: { thread_id: "inv" } })).values as State;
      events = (await loadEvents(investigator.evidence, "inv", state.gathered)).length;
    } finally {
      await investigator.close();
    }
    const db = new Database(path.join(dataDir, "checkpoints.db"), { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT length(c.checkpoint) + length(c.metadata) + COALESCE((SELECT SUM(length(w.value)) FROM writes w WHERE w.thread_id = c.thread_id AND w.checkpoint_id = c.checkpoint_id), 0) AS bytes
           FROM checkpoints c WHERE c.thread_id = 'inv' ORDER BY c.checkpoint_id`,
        )
        .all() as { bytes: number }[];
      return { steps: rows.map((r) => r.bytes), events };
    } finally {
      db.close();
    }
  } finally {
    await sandbox.close();
  }
}

describe("checkpoint size per step", () => {
  it("does not grow with the number of events", async () => {
    const small = await stepBytes(1_000);
    const large = await stepBytes(10_000);
    expect(small.events).toBeGreaterThanOrEqual(1_000);
    expect(large.events).toBeGreaterThanOrEqual(10_000);
    expect(large.steps.length).toBe(small.steps.length);
    const max = (xs: number[]) => Math.max(...xs);
    // one event is a few hundred bytes: 9 000 more would add megabytes to any step that carried them
    expect(max(large.steps)).toBeLessThanOrEqual(1.2 * max(small.steps) + 16_384);
    expect(max(large.steps)).toBeLessThan(1_000_000);
  }, 240_000);
});
