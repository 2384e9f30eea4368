import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PostgresStore, SqliteStore, WEBHOOK_ID_TTL_MS, type Store } from "../server/store/index.ts";
import { PG_URL, anomaly, hasPg, result } from "./server-helpers.ts";

const WINDOW = 15 * 60_000;

function contract(name: string, open: () => Promise<Store>, cleanup: () => Promise<void>) {
  describe(name, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it("creates, dedupes by anomaly id, attaches the same actor, separates others", async () => {
      const a = anomaly({ actor: "x@example.com" });
      const r1 = await store.createOrAttach(a, WINDOW);
      expect(r1).toMatchObject({ created: true, attached: false });
      expect(r1.investigation).toMatchObject({ anomaly_id: a.id, status: "queued", attempts: 0, coalesced: [] });
      expect(r1.investigation).toEqual(await store.get(r1.investigation.id)); // the new record, as stored
      const r2 = await store.createOrAttach(a, WINDOW);
      expect(r2).toMatchObject({ created: false, attached: false });
      expect(r2.investigation.id).toBe(r1.investigation.id);
      const b = anomaly({ actor: "x@example.com", action: "member_add" });
      const r3 = await store.createOrAttach(b, WINDOW);
      expect(r3).toMatchObject({ created: false, attached: true });
      expect(r3.investigation.coalesced.map((c) => c.id)).toEqual([b.id]);
      expect((await store.getByAnomalyId(b.id))?.id).toBe(r1.investigation.id);
      const c = await store.createOrAttach(anomaly({ actor: "y@example.com" }), WINDOW);
      expect(c.created).toBe(true);
    });

    it("coalesces with a finished run only inside the window", async () => {
      const t0 = new Date("2026-08-20T14:00:00Z");
      const a = await store.createOrAttach(anomaly({ actor: "w@example.com" }), WINDOW, t0);
      await store.markRunning(a.investigation.id, t0);
      await store.markFinished(a.investigation.id, { result: result({ investigationId: a.investigation.id, anomaly: { id: a.investigation.anomaly_id } }) }, t0);
      const inside = await store.createOrAttach(anomaly({ actor: "w@example.com" }), WINDOW, new Date(t0.getTime() + WINDOW - 1000));
      expect(inside.attached).toBe(true);
      const outside = await store.createOrAttach(anomaly({ actor: "w@example.com" }), WINDOW, new Date(t0.getTime() + WINDOW + 1000));
      expect(outside.created).toBe(true);
    });

    it("is atomic under concurrent deliveries: one investigation per actor burst", async () => {
      const actor = `burst-${randomBytes(4).toString("hex")}@example.com`;
      const same = anomaly({ actor });
      const outs = await Promise.all([
        ...Array.from({ length: 8 }, () => store.createOrAttach(same, WINDOW)),
        ...Array.from({ length: 8 }, () => store.createOrAttach(anomaly({ actor }), WINDOW)),
      ]);
      expect(outs.filter((o) => o.created)).toHaveLength(1);
      expect(new Set(outs.map((o) => o.investigation.id)).size).toBe(1);
    });

    it("records the run lifecycle and lists newest first with cursor and filters", async () => {
      const r = await store.createOrAttach(anomaly({ actor: "life@example.com" }), WINDOW);
      const id = r.investigation.id;
      expect((await store.markRunning(id))?.attempts).toBe(1);
      expect((await store.listUnfinished()).map((i) => i.id)).toContain(id);
      const res = result({ investigationId: id, anomaly: { id: r.investigation.anomaly_id } });
      await store.markAwaiting(id, res);
      expect((await store.get(id))?.status).toBe("awaiting_approval");
      expect(await store.claimDecision(id)).toBe(true);
      expect(await store.claimDecision(id)).toBe(false);
      await store.markFinished(id, { error: "Confluence answered HTTP 403", result: res });
      const done = (await store.get(id))!;
      expect(done).toMatchObject({ status: "failed", verdict: "likely_malicious", confidence: 0.87, page_id: "123" });
      expect(done.errors).toEqual(["Confluence answered HTTP 403"]);
      expect(done.sources).toMatchObject({ cloudflare: { events: 4 } });
      expect(done.prompt_versions).toEqual({ analyst: "1" });
      expect((await store.listUnfinished()).map((i) => i.id)).not.toContain(id);

      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({ limit: 2, cursor });
        all.push(...page.items.map((i) => i.created_at + i.id));
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      expect(all).toEqual([...all].sort().reverse());
      expect(new Set(all).size).toBe(all.length);
      const failed = await store.list({ status: "failed", verdict: "likely_malicious" });
      expect(failed.items.map((i) => i.id)).toEqual([id]);
    });

    it("remembers webhook ids: new, replay, conflict, expiry", async () => {
      const t = new Date();
      const id = `msg_${randomBytes(6).toString("hex")}`;
      expect(await store.recordWebhookId(id, "body-1", t)).toBe("new");
      expect(await store.recordWebhookId(id, "body-1", new Date(t.getTime() + 10 * 60_000))).toBe("replay");
      expect(await store.recordWebhookId(id, "body-2", t)).toBe("conflict");
      expect(await store.recordWebhookId(id, "body-2", new Date(t.getTime() + 2 * 3_600_000))).toBe("new");
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "casefile-store-"));
contract("SqliteStore", async () => new SqliteStore(dir), async () => {});

describe("SqliteStore WAL checkpoints", () => {
  it("the checkpointer thread (server/store/wal-worker.mjs) folds committed WAL frames into the database file", async () => {
    const d = mkdtempSync(join(tmpdir(), "casefile-wal-"));
    const store = new SqliteStore(d);
    try {
      const file = join(d, "casefile.db");
      const before = statSync(file).size;
      // ~2 MB of WAL: under SQLite's own automatic checkpoint (1000 pages, ~4 MB), which this connection turns off
      // while the thread runs, so only the thread can have moved it into the file.
      const details = { blob: "x".repeat(64_000) };
      for (let i = 0; i < 16; i++) await store.createOrAttach(anomaly({ actor: `wal-${i}@example.com`, details }), WINDOW);
      const deadline = Date.now() + 5000;
      while (statSync(file).size < before + 1_500_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(statSync(file).size).toBeGreaterThan(before + 1_500_000);
      // Still the thread's job: a failed thread hands checkpoints back to this connection (1000 pages).
      expect(store.db.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    } finally {
      await store.close();
    }
  });
});

const schema = `casefile_test_${randomBytes(4).toString("hex")}`;
describe.skipIf(!hasPg)("PostgreSQL", () => {
  contract("PostgresStore", () => PostgresStore.open(PG_URL, schema), async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  });

  it("a webhook id past its TTL counts as new even before the once-a-second sweep deletes it", async () => {
    const s3 = `casefile_test_${randomBytes(4).toString("hex")}`;
    const store = await PostgresStore.open(PG_URL, s3);
    try {
      const t = new Date();
      expect(await store.recordWebhookId("msg_first", "a", t)).toBe("new"); // the sweep runs here
      await store.pool.query(`INSERT INTO "${s3}".webhook_ids (id, digest, seen_at) VALUES ('msg_old', 'x', $1)`, [t.getTime() - WEBHOOK_ID_TTL_MS - 1]);
      expect(await store.recordWebhookId("msg_old", "b", new Date(t.getTime() + 10))).toBe("new");
      expect(await store.recordWebhookId("msg_old", "b", new Date(t.getTime() + 20))).toBe("replay");
      expect(await store.recordWebhookId("msg_old", "x", new Date(t.getTime() + 30))).toBe("conflict");
    } finally {
      await store.pool.query(`DROP SCHEMA "${s3}" CASCADE`);
      await store.close();
    }
  });

  it("migrations are idempotent and applied once under concurrent opens", async () => {
    const s2 = `casefile_test_${randomBytes(4).toString("hex")}`;
    const stores = await Promise.all([PostgresStore.open(PG_URL, s2), PostgresStore.open(PG_URL, s2)]);
    const r = await stores[0].pool.query(`SELECT version FROM "${s2}".schema_migrations ORDER BY version`);
    expect(r.rows).toEqual([{ version: 1 }, { version: 2 }]);
    await stores[0].pool.query(`DROP SCHEMA "${s2}" CASCADE`);
    await Promise.all(stores.map((s) => s.close()));
  });
});
