// The evidence store: raw vendor records written once per investigation (SQLite, PostgreSQL, memory), compressed,
// read back by id; the graph state carries the normalised events with only what the analysis reads of a record,
// the analysis sees the same thing, and the report's evidence appendix shows the full records.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correlate } from "../analysis/timeline.ts";
import { findIndicators } from "../analysis/indicators.ts";
import { loadIncident, type Incident } from "../domain/incident.ts";
import { cachedEvidenceStore, loadEvents, memoryEvidenceStore, postgresEvidenceStore, readEvent, splitEvidence, sqliteEvidenceStore, storeEvents, type EvidenceStore } from "../graph/evidence-store.ts";
import type { AuditEvent } from "../domain/events.ts";
import { createInvestigator } from "../graph/investigator.ts";
import type { State } from "../graph/state.ts";
import type { Report } from "../report/model.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { hasPg, PG_URL } from "./server-helpers.ts";
import { goldenCases } from "./analysis-golden.ts";
import { normaliseCloudflare } from "../tools/cloudflare/normalise.ts";
import { normaliseDatadog } from "../tools/datadog/normalise.ts";


const big = (i: number) => ({ id: `ev-${i}`, attributes: { note: "routine ".repeat(200), i }, resource: { response: { id: `r-${i}` } } });

function storeContract(name: string, make: () => Promise<{ store: EvidenceStore; close: () => Promise<void> }>) {
  describe(`${name} evidence store`, () => {
    let store: EvidenceStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await make());
      await store.setup?.();
    });
    afterAll(async () => close());

    it("writes once, reads back by id, keeps investigations apart", async () => {
      const records = Array.from({ length: 2500 }, (_, i) => ({ source: "datadog", id: `ev-${i}`, raw: big(i) }));
      await store.put("inv-a", records);
      await store.put("inv-a", [{ source: "datadog", id: "ev-1", raw: { changed: true } }]); // a resumed gather: kept as first written
      expect(await store.count("inv-a")).toBe(2500);
      expect(await store.count("inv-b")).toBe(0);
      const got = await store.get("inv-a", ["ev-1", "ev-2499", "missing", "ev-1"]);
      expect([...got.keys()].sort()).toEqual(["ev-1", "ev-2499"]);
      expect(got.get("ev-1")).toEqual(big(1));
      expect((await store.get("inv-b", ["ev-1"])).size).toBe(0);
    });

    it("replaces a batch whole, keeps its order across chunks and investigations apart", async () => {
      const values = Array.from({ length: 4500 }, (_, i) => ({ i, note: "x".repeat(i % 50) }));
      await store.putBatch("inv-c", "b", values);
      await store.putBatch("inv-d", "b", [{ other: true }]);
      expect(await store.getBatch("inv-c", "b")).toEqual(values);
      // a resumed node writes its batch again, shorter this time: nothing of the first write is left
      await store.putBatch("inv-c", "b", values.slice(0, 10));
      expect(await store.getBatch("inv-c", "b")).toEqual(values.slice(0, 10));
      expect(await store.getBatch("inv-d", "b")).toEqual([{ other: true }]);
      expect(await store.getBatch("inv-c", "missing")).toEqual([]);
    });

    it("gives the events back in gather order, checked against the state's counts, and one by id", async () => {
      const ev = (id: string, source: "cloudflare" | "datadog", extra: Partial<AuditEvent> = {}) =>
        ({ id, source, ts: 1, time: "t", actor: { email: "a@example.com" }, action: "x", resource: {}, outcome: "success", raw: { id, attributes: { secret: "kept out of the batch" } }, ...extra }) as unknown as AuditEvent;
      await storeEvents(store, "inv-e", "datadog", [ev("d1", "datadog"), ev("d2", "datadog")]);
      await storeEvents(store, "inv-e", "cloudflare", [ev("c1", "cloudflare", { twin_ids: ["c1-v1"] })]);
      const events = await loadEvents(store, "inv-e", { cloudflare: 1, datadog: 2 });
      expect(events.map((e) => e.id)).toEqual(["c1", "d1", "d2"]);
      expect(events.every((e) => e.raw === undefined)).toBe(true);
      await expect(loadEvents(store, "inv-e", { cloudflare: 1, datadog: 3 })).rejects.toThrow(/holds 2 datadog events .* recorded 3/);
      const one = await readEvent(store, "inv-e", "c1-v1");
      expect(one?.event.id).toBe("c1");
      expect(one?.raw).toEqual({ id: "c1", attributes: { secret: "kept out of the batch" } });
      expect(await readEvent(store, "inv-e", "nope")).toBeUndefined();
    });
  });
}

storeContract("memory", async () => ({ store: memoryEvidenceStore(), close: async () => {} }));
storeContract("SQLite", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "casefile-evidence-"));
  const db = new Database(path.join(dir, "checkpoints.db"));
  return {
    store: sqliteEvidenceStore(db),
    close: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
describe.skipIf(!hasPg)("PostgreSQL", () => {
  storeContract("PostgreSQL", async () => {
    const pool = new pg.Pool({ connectionString: PG_URL });
    const schema = `evidence_${randomBytes(4).toString("hex")}`;
    return {
      store: postgresEvidenceStore(pool, schema),
      close: async () => {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool.end();
      },
    };
  });
});

it("serves a pass from memory and reads the database again once the pass is released", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "casefile-evidence-cache-"));
  const db = new Database(path.join(dir, "checkpoints.db"));
  const other = new Database(path.join(dir, "checkpoints.db")); // another process on the same file
  try {
    const cached = cachedEvidenceStore(sqliteEvidenceStore(db));
    await cached.putBatch("inv", "b", [{ n: 1 }]);
    await sqliteEvidenceStore(other).putBatch("inv", "b", [{ n: 2 }]);
    const read = await cached.getBatch("inv", "b");
    expect(read).toEqual([{ n: 1 }]);
    read.push({ n: 99 }); // a caller's array is its own
    expect(await cached.getBatch("inv", "b")).toEqual([{ n: 1 }]);
    cached.release("inv");
    expect(await cached.getBatch("inv", "b")).toEqual([{ n: 2 }]);
  } finally {
    db.close();
    other.close();
    await rm(dir, { recursive: true, force: true });
  }
});

it("compresses the records it keeps together in packs of 200, and keeps no pack without a new id", async () => {
  const db = new Database(":memory:");
  const store = sqliteEvidenceStore(db);
  const records = Array.from({ length: 1200 }, (_, i) => ({ source: "datadog", id: `ev-${i}`, raw: big(i) }));
  await store.put("inv", records);
  const packs = db.prepare("SELECT length(data) AS n FROM evidence_packs").all() as { n: number }[];
  expect(packs).toHaveLength(6);
  const bytes = packs.reduce((a, r) => a + r.n, 0);
  expect(bytes).toBeLessThan(JSON.stringify(records.map((r) => r.raw)).length / 20);
  // a resumed gather writes the same records again: nothing new is kept, the first write is what reads back
  await store.put("inv", records.map((r) => ({ ...r, raw: { changed: true } })));
  expect(db.prepare("SELECT COUNT(*) AS n FROM evidence_packs").get()).toEqual({ n: 6 });
  expect((await store.get("inv", ["ev-1199"])).get("ev-1199")).toEqual(big(1199));
  db.close();
});

describe("the state's slim records", () => {
  it("give the analysis exactly what the full records give (committed datasets)", async () => {
    const cases = (await goldenCases()).filter((c) => /^(dev|pivots|lookalike-observe|challenge3)\//.test(c.name));
    expect(cases.length).toBeGreaterThan(50);
    const ids = (es: { id: string }[]) => es.map((e) => e.id);
    for (const { incident: inc } of cases) {
      const cf = inc.sources.cloudflare;
      const dd = inc.sources.datadog;
      const events = [
        ...(cf ? normaliseCloudflare(cf.audit_logs, "v1").events : []),
        ...(cf?.audit_logs_v2 ? normaliseCloudflare(cf.audit_logs_v2, "v2").events : []),
        ...(dd ? normaliseDatadog(dd.audit_events).events : []),
      ];
      const win = { since: new Date(Date.parse(inc.anomaly.timestamp) - 86_400_000), before: new Date(inc.now) };
      const full = correlate(events, inc.anomaly, win);
      const slim = correlate(splitEvidence(events).events, inc.anomaly, win);
      expect({ ...slim, events: ids(slim.events), pivot_events: ids(slim.pivot_events) }).toEqual({ ...full, events: ids(full.events), pivot_events: ids(full.pivot_events) });
      expect(findIndicators(slim)).toEqual(findIndicators(full));
    }
  });
});

describe("an investigation", () => {
  let incident: Incident;
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    incident = await loadIncident(new URL("../sandbox/incidents/demo.json", import.meta.url).pathname);
    sandbox = await startSandbox({ incident });
    dir = await mkdtemp(path.join(tmpdir(), "casefile-evidence-run-"));
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps raw records out of its checkpoints and shows them whole in the evidence appendix", async () => {
    const investigator = await createInvestigator({ env: { ...sandbox.env, CASEFILE_DRY_RUN: "1" }, dataDir: dir, clock: () => Date.parse(incident.now) });
    try {
      const out = await investigator.run({ investigationId: "inv-evidence", anomaly: incident.anomaly });
      expect(out.status).toBe("completed");
      const state = (await investigator.graph.getState({ configurable: { thread_id: "inv-evidence" } })).values as State;
      const events = await loadEvents(investigator.evidence, "inv-evidence", state.gathered);
      expect(events.length).toBeGreaterThan(5);
      // every gathered record is stored, and the stored events hold at most the resource request/response of one
      expect(await investigator.evidence.count("inv-evidence")).toBe(new Set(events.map((e) => e.id)).size);
      for (const e of events) if (e.raw !== undefined) expect(Object.keys(e.raw as object)).toEqual(["resource"]);
      // the appendix shows the vendor's whole record (Datadog's "attributes" is never kept in state)
      const report = out.result!.report as Report;
      const dd = report.evidence.filter((x) => x.source === "datadog");
      expect(dd.length).toBeGreaterThan(0);
      for (const item of dd) expect(item.json).toContain('"attributes"');
    } finally {
      await investigator.close();
    }
  });
});
