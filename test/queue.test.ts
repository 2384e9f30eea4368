import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { type PgBossQueue, SqliteQueue, acceptDelivery } from "../server/queue.ts";
import { SqliteStore } from "../server/store/index.ts";
import { startService, startWorker } from "../server/service.ts";
import { FakeInvestigator, PG_URL, anomaly, hasPg, signed, silent, testConfig } from "./server-helpers.ts";


function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("SqliteQueue", () => {
  it("runs each job once, at most `concurrency` at a time, and enqueue is idempotent", async () => {
    const store = new SqliteStore(mkdtempSync(join(tmpdir(), "casefile-q-")));
    const q = new SqliteQueue(store, { pollMs: 10 });
    let active = 0;
    let peak = 0;
    const seen: string[] = [];
    const all = deferred();
    await q.start(async (id) => {
      active++;
      peak = Math.max(peak, active);
      seen.push(id);
      await new Promise((r) => setTimeout(r, 20));
      active--;
      if (seen.length === 6) all.resolve();
    }, 2);
    for (let i = 0; i < 6; i++) {
      await q.enqueue(`job-${i}`);
      await q.enqueue(`job-${i}`);
    }
    await all.promise;
    await q.stop({ drain: true });
    expect(seen.sort()).toEqual(["job-0", "job-1", "job-2", "job-3", "job-4", "job-5"]);
    expect(peak).toBe(2);
    expect(q.jobState("job-0")).toMatchObject({ state: "done", attempts: 1 });
    await store.close();
  });

  it("a job left running by a dead process is taken up again once its lease lapses", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-q-"));
    const s1 = new SqliteStore(dir);
    const dead = new SqliteQueue(s1, { pollMs: 10, leaseMs: 100 });
    const started = deferred();
    await dead.start(async () => {
      started.resolve();
      await new Promise(() => {}); // never finishes: the process "dies"
    }, 1);
    await dead.enqueue("inv-crash");
    await started.promise;
    (dead as unknown as { running: boolean }).running = false; // no more polls, no clean hand-back
    clearInterval((dead as unknown as { heartbeat: NodeJS.Timeout }).heartbeat);
    expect(dead.jobState("inv-crash")?.state).toBe("running");
    await s1.close();

    const s2 = new SqliteStore(dir);
    const q2 = new SqliteQueue(s2, { pollMs: 10, leaseMs: 100 });
    const resumed = deferred();
    await q2.start(async (id) => {
      if (id === "inv-crash") resumed.resolve();
    }, 1);
    await resumed.promise;
    await q2.stop({ drain: true });
    expect(q2.jobState("inv-crash")).toMatchObject({ state: "done", attempts: 2 });
    await s2.close();
  });

  it("stop without drain hands running jobs back for the next start", async () => {
    const store = new SqliteStore(mkdtempSync(join(tmpdir(), "casefile-q-")));
    const q = new SqliteQueue(store, { pollMs: 10 });
    const started = deferred();
    await q.start(async () => {
      started.resolve();
      await new Promise((r) => setTimeout(r, 50));
    }, 1);
    await q.enqueue("inv-1");
    await started.promise;
    await q.stop({ drain: false });
    expect(q.jobState("inv-1")?.state).toBe("queued");
    await new Promise((r) => setTimeout(r, 80)); // let the orphaned handler end: it must not mark the job done
    expect(q.jobState("inv-1")?.state).toBe("queued");
    await store.close();
  });

  it("the service re-enqueues unfinished investigations on start", async () => {
    const config = testConfig();
    const store = new SqliteStore(config.dataDir);
    const { investigation } = await store.createOrAttach(anomaly(), 60_000);
    await store.markRunning(investigation.id); // a previous process was running it
    await store.close();
    const inv = new FakeInvestigator();
    const svc = await startService(config, { investigator: inv, logger: silent, pollMs: 10 });
    await inv.started(1);
    expect(inv.runs[0]?.investigationId).toBe(investigation.id);
    await svc.close();
  });

  it("startWorker refuses to run without PostgreSQL, with a clear message", async () => {
    await expect(startWorker(testConfig(), { investigator: new FakeInvestigator(), logger: silent })).rejects.toThrow(/DATABASE_URL/);
  });
});

describe("the accept path (SQLite)", () => {
  it("records webhook-id, investigation and job in one transaction; a conflicting webhook-id records nothing", async () => {
    const store = new SqliteStore(mkdtempSync(join(tmpdir(), "casefile-q-")));
    const q = new SqliteQueue(store, { pollMs: 10 });
    const a = anomaly();
    const body = JSON.stringify(a);
    const r = await acceptDelivery(store, q, { webhookId: "msg-1", body, anomaly: a, coalesceWindowMs: 60_000 });
    expect(r).toMatchObject({ seen: "new", created: true });
    if (r.seen === "conflict") throw new Error("unexpected conflict");
    expect(q.jobState(r.investigation.id)).toMatchObject({ state: "queued" });
    // the sender's retry: same id, same body → the same investigation, no second job
    const again = await acceptDelivery(store, q, { webhookId: "msg-1", body, anomaly: a, coalesceWindowMs: 60_000 });
    expect(again).toMatchObject({ seen: "replay", created: false, investigation: { id: r.investigation.id } });
    const b = anomaly();
    const conflict = await acceptDelivery(store, q, { webhookId: "msg-1", body: JSON.stringify(b), anomaly: b, coalesceWindowMs: 60_000 });
    expect(conflict).toEqual({ seen: "conflict" });
    expect(await store.getByAnomalyId(b.id)).toBeNull();
    // a failure inside the transaction rolls back the webhook-id too: the retry is "new", not a "replay"
    const c = anomaly();
    const broken = { ...c, actor: undefined } as unknown as typeof c; // NOT NULL actor fails the insert
    await expect(acceptDelivery(store, q, { webhookId: "msg-2", body: "x", anomaly: broken, coalesceWindowMs: 60_000 })).rejects.toThrow();
    expect(await store.recordWebhookId("msg-2", "x")).toBe("new");
    await store.close();
  });

  it("group-commits the deliveries of one moment: one commit, each answered after it, a failing one rolled back alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-q-"));
    const store = new SqliteStore(dir);
    const q = new SqliteQueue(store, { pollMs: 10 });
    const reader = new Database(join(dir, "casefile.db"), { readonly: true });
    try {
      const items = Array.from({ length: 20 }, (_, i) => {
        const a = anomaly({ actor: `group-${i % 4}@example.com` });
        return { webhookId: `msg-g-${i}`, body: JSON.stringify(a), anomaly: a, coalesceWindowMs: 60_000 };
      });
      const bad = anomaly();
      const broken = { webhookId: "msg-g-bad", body: "x", anomaly: { ...bad, actor: undefined } as unknown as typeof bad, coalesceWindowMs: 60_000 };
      const before = q.groupCommits;
      // Another connection sees each delivery's rows the moment its promise settles: nothing is answered before its commit.
      const seenByReader = (id: string) => reader.prepare(`SELECT count(*) AS n FROM webhook_ids WHERE id = ?`).get(id) as { n: number };
      const settled = [...items.slice(0, 10), broken, ...items.slice(10)].map((d) =>
        acceptDelivery(store, q, d).then(
          (out) => ({ ok: true as const, out, visible: seenByReader(d.webhookId).n }),
          (err: unknown) => ({ ok: false as const, err, visible: seenByReader(d.webhookId).n }),
        ),
      );
      const outs = await Promise.all(settled);
      expect(q.groupCommits - before).toBe(1);
      expect(outs.filter((o) => o.ok).map((o) => o.visible)).toEqual(Array(20).fill(1));
      const failed = outs.filter((o) => !o.ok);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.visible).toBe(0); // its savepoint rolled back: a retry is new
      // Coalescing inside one commit still sees the earlier deliveries: four actors, four investigations, four jobs.
      const created = outs.flatMap((o) => (o.ok && o.out.seen !== "conflict" && o.out.created ? [o.out.investigation.id] : []));
      expect(created).toHaveLength(4);
      for (const id of created) expect(q.jobState(id)).toMatchObject({ state: "queued" });
      expect(await store.recordWebhookId("msg-g-bad", "x")).toBe("new");
    } finally {
      reader.close();
      await store.close();
    }
  });

  it("SIGKILL mid-storm: every anomaly answered 202 is recorded with its investigation and job", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "casefile-kill-"));
    const config = testConfig({ CASEFILE_DATA_DIR: dataDir, CASEFILE_RATE_LIMIT: "1000000" });
    const script = `
      const { startService } = await import(${JSON.stringify(new URL("../server/service.ts", import.meta.url).pathname)});
      const { loadServiceConfig } = await import(${JSON.stringify(new URL("../config/service.ts", import.meta.url).pathname)});
      const { default: pino } = await import("pino");
      const investigator = { run: () => new Promise(() => {}), decide: async () => ({ status: "failed", error: "none" }), close: async () => {} };
      const svc = await startService(loadServiceConfig(JSON.parse(process.env.KILL_ENV)), { investigator, logger: pino({ level: "silent" }), workers: false });
      process.stdout.write(svc.url + "\\n");`;
    const env = { CASEFILE_HOST: "127.0.0.1", CASEFILE_PORT: "0", CASEFILE_DATA_DIR: dataDir, CASEFILE_WEBHOOK_SECRET: config.webhookSecrets[0]!, CASEFILE_RATE_LIMIT: "1000000" };
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...process.env, KILL_ENV: JSON.stringify(env) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let dead = false;
    const exited = once(child, "exit").then((x) => ((dead = true), x));
    const started = await Promise.race([once(child.stdout!, "data"), exited.then(() => [Buffer.from("the service process exited before it listened")])]);
    const url = (started[0] as Buffer).toString().trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const accepted: string[] = [];
    let sent = 0;
    let killed = false;
    let unanswered = 0;
    // Senders keep going until the process is gone: deliveries answered in the same commit as the 150th arrive
    // together, so the ones that find the process dying are those sent after it.
    const sender = async () => {
      while (!dead) {
        const a = anomaly({ actor: `svc-${sent % 7}@example.com` });
        sent++;
        const body = JSON.stringify(a);
        try {
          const r = await fetch(`${url}/v1/anomalies`, { method: "POST", headers: signed(body), body, signal: AbortSignal.timeout(20_000) });
          if (r.status === 202) accepted.push(a.id);
          else throw new Error(`unexpected ${r.status}: ${await r.text()}`);
        } catch (e) {
          if (!killed) throw e;
          unanswered++;
        }
        if (accepted.length >= 150 && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    await exited;
    expect(unanswered).toBeGreaterThan(0); // some deliveries were in flight when it died
    expect(sent).toBe(accepted.length + unanswered);
    const store = new SqliteStore(dataDir);
    const q = new SqliteQueue(store);
    const lost: string[] = [];
    for (const id of accepted) {
      const inv = await store.getByAnomalyId(id);
      if (!inv) lost.push(id);
      else expect(q.jobState(inv.id)).not.toBeNull();
    }
    expect(lost).toEqual([]);
    await store.close();
  }, 60_000);
});

describe.skipIf(!hasPg)("pg-boss queue and workers on PostgreSQL", () => {
  it("serve enqueues, a separate worker runs it once; the job is not enqueued twice", async () => {
    const tag = randomBytes(4).toString("hex");
    const pgSchema = `casefile_test_${tag}`;
    const pgBossSchema = `casefile_jobs_test_${tag}`;
    const config = testConfig({ DATABASE_URL: PG_URL, CASEFILE_CONCURRENCY: "2" });
    const webInv = new FakeInvestigator();
    const workerInv = new FakeInvestigator();
    const svc = await startService(config, { investigator: webInv, logger: silent, pgSchema, pgBossSchema, workers: false });
    const worker = await startWorker(config, { investigator: workerInv, logger: silent, pgSchema, pgBossSchema });
    try {
      const boss = (svc.queue as PgBossQueue).boss;
      const body = JSON.stringify(anomaly());
      const r = await svc.app.inject({ method: "POST", url: "/v1/anomalies?wait=20", payload: body, headers: signed(body) });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ status: "completed", verdict: "likely_malicious" });
      expect(webInv.runs).toHaveLength(0);
      expect(workerInv.runs.map((x) => x.investigationId)).toEqual([r.json().investigation_id]);
      // singletonKey: two sends for a waiting job leave one job
      workerInv.hold();
      await worker.close({ drain: true });
      await svc.queue.enqueue("inv_same");
      await svc.queue.enqueue("inv_same");
      expect(await boss.getQueueSize("casefile-investigations")).toBe(1);
      expect((await svc.app.inject({ url: "/readyz" })).json()).toMatchObject({ ok: true });
    } finally {
      workerInv.release();
      await worker.close({ drain: false });
      await svc.close({ drain: false });
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
      await c.query(`DROP SCHEMA IF EXISTS "${pgBossSchema}" CASCADE`);
      await c.end();
    }
  }, 60_000);
});
