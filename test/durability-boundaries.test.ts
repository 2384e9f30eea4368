// A run SIGKILLed right after each node of the graph resumes from its durable checkpoint and completes, and the
// resumed run still finds every gathered event and raw vendor record in the evidence store (the report's appendix
// shows them whole). On SQLite, and on PostgreSQL (fresh schemas) when it is reachable.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIncident, type Incident } from "../domain/incident.ts";
import { createInvestigator } from "../graph/investigator.ts";
import { loadEvents } from "../graph/evidence-store.ts";
import type { State } from "../graph/state.ts";
import type { Report } from "../report/model.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { hasPg, PG_URL } from "./server-helpers.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./fixtures/kill-at-node.ts", import.meta.url));
const NODES = ["intake", "gather_cloudflare", "gather_datadog", "correlate", "analyst", "writer", "publish"];

const schema = `boundaries_${randomBytes(4).toString("hex")}`;
const BACKENDS: [string, Record<string, string>][] = [
  ["SQLite", {}],
  ...(hasPg ? [["PostgreSQL", { DATABASE_URL: PG_URL, CASEFILE_PG_SCHEMA: schema }] as [string, Record<string, string>]] : []),
];

function runChild(settings: Record<string, string>, dataDir: string, id: string, node: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, dataDir, id, node], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", CASEFILE_TEST_SETTINGS: JSON.stringify(settings) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe.each(BACKENDS)("resume after SIGKILL at every node boundary (%s)", (_name, backend) => {
  let incident: Incident;
  let sandbox: Sandbox;
  let settings: Record<string, string>;
  const dirs: string[] = [];
  beforeAll(async () => {
    incident = await loadIncident(new URL("../sandbox/incidents/demo.json", import.meta.url).pathname);
    sandbox = await startSandbox({ incident });
    settings = { ...(sandbox.env as Record<string, string>), CASEFILE_DRY_RUN: "1", ...backend };
  });
  afterAll(async () => {
    await sandbox.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
    if (backend.CASEFILE_PG_SCHEMA) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}_checkpoints" CASCADE`);
      await c.end();
    }
  });

  it.each(NODES)("killed after %s", async (node) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), `casefile-kill-${node}-`));
    dirs.push(dataDir);
    const id = `inv-kill-${node}`;
    const child = await runChild(settings, dataDir, id, node);
    expect(child.signal, child.stderr.slice(-800)).toBe("SIGKILL");

    const investigator = await createInvestigator({ env: settings, dataDir, clock: () => Date.parse(incident.now) });
    try {
      const out = await investigator.run({ investigationId: id, anomaly: incident.anomaly });
      expect(out.status, out.error).toBe("completed");
      const state = (await investigator.graph.getState({ configurable: { thread_id: id } })).values as State;
      const events = await loadEvents(investigator.evidence, id, state.gathered);
      expect(events.length).toBeGreaterThan(5);
      expect(await investigator.evidence.count(id)).toBe(new Set(events.map((e) => e.id)).size);
      const report = out.result!.report as Report;
      const dd = report.evidence.filter((x) => x.source === "datadog");
      expect(dd.length).toBeGreaterThan(0);
      for (const item of dd) expect(item.json).toContain('"attributes"');
    } finally {
      await investigator.close();
    }
  }, 120_000);
});
