// Run queue: an SQLite jobs table polled in-process, or pg-boss for N worker processes on PostgreSQL.
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { Anomaly } from "../domain/schemas.ts";
import { withSetupLock, type CreateOrAttachResult, type SqliteStore, type Store, type WebhookIdCheck } from "./store/index.ts";

export type JobHandler = (investigationId: string) => Promise<void>;

export interface Queue {
  readonly kind: "sqlite" | "pg-boss";
  /** Idempotent: a job already waiting or running for the id is not enqueued twice. */
  enqueue(investigationId: string): Promise<void>;
  start(handler: JobHandler, concurrency: number): Promise<void>;
  /** drain: wait for running jobs; otherwise hand them back so the next start resumes them from their checkpoint. */
  stop(opts?: { drain?: boolean }): Promise<void>;
  ping(): Promise<void>;
}

export interface SqliteQueueOptions {
  /** How often idle workers look for jobs. */
  pollMs?: number;
  /** How long a claimed job stays ours without a heartbeat; a dead process's jobs are reclaimed after it. */
  leaseMs?: number;
  /** Handler failures (thrown, not recorded failures) retried this many times in total. */
  maxAttempts?: number;
  onError?: (err: unknown, investigationId: string) => void;
}

type Row = Record<string, unknown>;

/** Most deliveries one group commit takes; the rest go into the next one at once. */
const MAX_GROUP_COMMIT = 256;

export class SqliteQueue implements Queue {
  readonly kind = "sqlite" as const;
  private readonly owner = randomUUID();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private handler?: JobHandler;
  private concurrency = 1;
  private running = false;
  private timer?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private readonly active = new Map<string, Promise<void>>();

  constructor(
    private readonly store: SqliteStore,
    private readonly opts: SqliteQueueOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 500;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.maxAttempts = opts.maxAttempts ?? 3;
  }

  private get db() {
    return this.store.db;
  }

  /** The store this queue's jobs table lives in (same SQLite file: one transaction can cover both). */
  get sqliteStore(): SqliteStore {
    return this.store;
  }

  /** Inserts the job row without waking the workers: for use inside `store.transaction`, then call `wake()`. */
  enqueueSync(investigationId: string): void {
    this.store
      .stmt(
        `INSERT INTO jobs (investigation_id, state, attempts, enqueued_at) VALUES (?, 'queued', 0, ?)
         ON CONFLICT (investigation_id) DO UPDATE SET state = 'queued', owner = NULL, locked_until = NULL, attempts = 0,
         enqueued_at = excluded.enqueued_at WHERE jobs.state = 'done'`,
      )
      .run(investigationId, Date.now());
  }

  /** Lets idle workers look for jobs now instead of at the next poll. */
  wake(): void {
    if (this.running) setImmediate(() => this.poll());
  }

  async enqueue(investigationId: string) {
    this.enqueueSync(investigationId);
    this.wake();
  }

  async start(handler: JobHandler, concurrency: number) {
    if (this.running) throw new Error("queue already started");
    this.handler = handler;
    this.concurrency = Math.max(1, concurrency);
    this.running = true;
    // Jobs a dead process left running come back once their lease has lapsed (poll reclaims them).
    this.heartbeat = setInterval(() => this.extendLeases(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    this.poll();
  }

  private extendLeases() {
    if (this.active.size === 0 || !this.db.open) return;
    this.store.stmt(`UPDATE jobs SET locked_until = ? WHERE owner = ? AND state = 'running'`).run(Date.now() + this.leaseMs, this.owner);
  }

  private claim(n: number): string[] {
    const now = Date.now();
    return this.db
      .transaction(() => {
        const rows = this.store
          .stmt(
            `SELECT investigation_id FROM jobs WHERE state = 'queued' OR (state = 'running' AND locked_until < ?)
             ORDER BY enqueued_at LIMIT ?`,
          )
          .all(now, n) as Row[];
        const ids = rows.map((r) => String(r.investigation_id)).filter((id) => !this.active.has(id));
        const upd = this.store.stmt(`UPDATE jobs SET state = 'running', owner = ?, locked_until = ?, attempts = attempts + 1 WHERE investigation_id = ?`);
        for (const id of ids) upd.run(this.owner, now + this.leaseMs, id);
        return ids;
      })
      .immediate();
  }

  private poll() {
    if (!this.running || !this.db.open) return;
    clearTimeout(this.timer);
    const free = this.concurrency - this.active.size;
    if (free > 0) {
      let ids: string[] = [];
      try {
        ids = this.claim(free);
      } catch (e) {
        this.opts.onError?.(e, "");
      }
      for (const id of ids) this.runOne(id);
    }
    this.timer = setTimeout(() => this.poll(), this.pollMs);
    this.timer.unref();
  }

  private runOne(id: string) {
    const p = (async () => {
      let ok = true;
      try {
        await this.handler!(id);
      } catch (e) {
        ok = false;
        this.opts.onError?.(e, id);
      }
      if (!this.db.open) return;
      const row = this.store.stmt(`SELECT attempts, owner FROM jobs WHERE investigation_id = ?`).get(id) as Row | undefined;
      if (!row || row.owner !== this.owner) return;
      const retry = !ok && Number(row.attempts) < this.maxAttempts;
      this.store
        .stmt(`UPDATE jobs SET state = ?, owner = NULL, locked_until = NULL WHERE investigation_id = ? AND owner = ?`)
        .run(retry ? "queued" : "done", id, this.owner);
    })().finally(() => {
      this.active.delete(id);
      if (this.running) setImmediate(() => this.poll());
    });
    this.active.set(id, p);
  }

  async stop(opts: { drain?: boolean } = {}) {
    this.running = false;
    clearTimeout(this.timer);
    if (opts.drain) await Promise.allSettled([...this.active.values()]);
    else if (this.db.open) {
      // Hand unfinished jobs back at once; the next start resumes them from their checkpoint.
      this.store.stmt(`UPDATE jobs SET state = 'queued', owner = NULL, locked_until = NULL WHERE owner = ? AND state = 'running'`).run(this.owner);
    }
    clearInterval(this.heartbeat);
  }

  async ping() {
    this.store.stmt(`SELECT count(*) FROM jobs`).get();
  }

  /** Deliveries waiting for the next group commit, and how many group commits ran (for tests and diagnostics). */
  private batch: { d: Delivery; now: Date; resolve: (o: AcceptOutcome) => void; reject: (e: unknown) => void }[] = [];
  groupCommits = 0;

  /**
   * The accept path on this queue's own store, group-committed: deliveries that arrive in the same turn of the event
   * loop (under load, those accepted within about a millisecond) share ONE SQLite transaction, so they pay for one
   * commit instead of one each. Each delivery runs in its own savepoint, so one that fails rolls back alone. A
   * promise settles only after the commit that holds its delivery: an answer never precedes durability.
   */
  accept(d: Delivery, now: Date): Promise<AcceptOutcome> {
    return new Promise((resolve, reject) => {
      if (this.batch.push({ d, now, resolve, reject }) === 1) setImmediate(() => this.commitBatch());
    });
  }

  private commitBatch() {
    const batch = this.batch.splice(0, MAX_GROUP_COMMIT);
    if (this.batch.length > 0) setImmediate(() => this.commitBatch());
    const s = this.store;
    const outcomes: ({ ok: true; out: AcceptOutcome } | { ok: false; err: unknown })[] = [];
    try {
      s.transaction(() => {
        s.expireWebhookIdsSync(batch[0]!.now);
        for (const { d, now } of batch) {
          try {
            outcomes.push({ ok: true, out: s.transaction(() => this.acceptOne(d, now)) }); // nested: a savepoint
          } catch (err) {
            outcomes.push({ ok: false, err });
          }
        }
      });
      this.groupCommits++;
    } catch (err) {
      for (const b of batch) b.reject(err);
      return;
    }
    let wake = false;
    batch.forEach((b, i) => {
      const o = outcomes[i]!;
      if (!o.ok) return b.reject(o.err);
      if (o.out.seen !== "conflict" && (o.out.created || o.out.requeued)) wake = true;
      b.resolve(o.out);
    });
    if (wake) this.wake();
  }

  private acceptOne(d: Delivery, now: Date): AcceptOutcome {
    const s = this.store;
    const seen = s.recordWebhookIdSync(d.webhookId, d.body, now, false);
    if (seen === "conflict") return { seen };
    if (d.filtered !== undefined) return { seen, ...s.recordFilteredSync(d.anomaly, d.filtered, now), created: false };
    const r = s.createOrAttachSync(d.anomaly, d.coalesceWindowMs, now);
    if (r.created || r.requeued) this.enqueueSync(r.investigation.id);
    return { seen, ...r };
  }

  /** For tests and diagnostics. */
  jobState(investigationId: string): { state: string; attempts: number } | null {
    const r = this.store.stmt(`SELECT state, attempts FROM jobs WHERE investigation_id = ?`).get(investigationId) as Row | undefined;
    return r ? { state: String(r.state), attempts: Number(r.attempts) } : null;
  }
}

export interface Delivery {
  webhookId: string;
  /** The raw body as signed (its digest tells a sender's retry from a reused webhook-id). */
  body: string;
  anomaly: Anomaly;
  coalesceWindowMs: number;
  /** Set when a filter keeps the anomaly from an investigation: stored as a `filtered` record with this note. */
  filtered?: string;
}

export type AcceptOutcome = { seen: "conflict" } | ({ seen: Exclude<WebhookIdCheck, "conflict"> } & CreateOrAttachResult);

/**
 * The webhook accept path: remember the webhook-id, create or attach the investigation and, when created, enqueue
 * its run. With the SQLite store and queue on the same file this is ONE transaction, shared by the deliveries of
 * the same moment (`SqliteQueue.accept`, group commit): when it returns, everything is recorded; when the process
 * dies before, nothing is, and the sender retries.
 * A reused webhook-id with another body ("conflict") records nothing. On PostgreSQL the steps run one after the
 * other, each durable (as before: PostgreSQL and pg-boss are separate connections).
 */
export async function acceptDelivery(store: Store, queue: Queue, d: Delivery, now = new Date()): Promise<AcceptOutcome> {
  if (queue instanceof SqliteQueue && queue.sqliteStore === store) return queue.accept(d, now);
  const seen = await store.recordWebhookId(d.webhookId, d.body, now);
  if (seen === "conflict") return { seen };
  if (d.filtered !== undefined) return { seen, ...(await store.recordFiltered(d.anomaly, d.filtered, now)), created: false };
  const r = await store.createOrAttach(d.anomaly, d.coalesceWindowMs, now);
  // A crash between these two leaves a queued investigation without a job: `startService` re-enqueues unfinished
  // investigations on start.
  if (r.created || r.requeued) await queue.enqueue(r.investigation.id);
  return { seen, ...r };
}

export const QUEUE_NAME = "casefile-investigations";

export interface PgBossQueueOptions {
  schema?: string;
  pollingIntervalSeconds?: number;
  onError?: (err: unknown, investigationId: string) => void;
}

/** A running PostgreSQL job renews its lease this often; one not renewed for LEASE_STALE_MS is run again. */
const LEASE_RENEW_MS = 5_000;
const LEASE_STALE_MS = 30_000;

export class PgBossQueue implements Queue {
  readonly kind = "pg-boss" as const;
  readonly boss: PgBoss;
  private started = false;

  private constructor(
    url: string,
    private readonly opts: PgBossQueueOptions,
  ) {
    this.boss = new PgBoss({ connectionString: url, schema: opts.schema ?? "casefile_jobs" });
    this.boss.on("error", (e) => opts.onError?.(e, ""));
  }

  static async open(url: string, opts: PgBossQueueOptions = {}): Promise<PgBossQueue> {
    const q = new PgBossQueue(url, opts);
    try {
      // Installing pg-boss, creating the queue and the lease table run under the one set-up lock (store/pg-setup.ts).
      await withSetupLock(url, async () => {
        await q.boss.start();
        // stately: at most one waiting and one running job per singletonKey (the investigation id).
        await q.boss.createQueue(QUEUE_NAME, { name: QUEUE_NAME, policy: "stately", retryLimit: 2, retryDelay: 5, expireInMinutes: 30 });
        await q.sql(
          `CREATE TABLE IF NOT EXISTS ${q.leaseTable} (investigation_id text PRIMARY KEY, job_id text NOT NULL, worker_id text NOT NULL, heartbeat_at timestamptz NOT NULL)`,
        );
      });
    } catch (e) {
      await q.boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw new Error(`pg-boss could not start on DATABASE_URL (${(e as Error).message}); check that PostgreSQL runs and the user may create schema "${opts.schema ?? "casefile_jobs"}".`);
    }
    return q;
  }

  async enqueue(investigationId: string) {
    await this.boss.send(QUEUE_NAME, { investigationId }, { singletonKey: investigationId });
  }

  /**
   * pg-boss has no heartbeat: a job whose worker was killed stays "active" until it expires (30 min). Each
   * running job therefore holds a lease that its worker renews every few seconds; any process finding a lease
   * that stopped being renewed enqueues the investigation again, and the graph resumes from its checkpoint.
   */
  private leases = new Set<string>();
  private timers: NodeJS.Timeout[] = [];
  private readonly workerId = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  private get leaseTable() {
    return `"${this.opts.schema ?? "casefile_jobs"}".casefile_leases`;
  }

  private async sql(text: string, values: unknown[] = []) {
    return this.boss.getDb().executeSql(text, values);
  }

  async start(handler: JobHandler, concurrency: number) {
    this.started = true;
    const opts = { batchSize: 1, pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 2 };
    for (let i = 0; i < Math.max(1, concurrency); i++) {
      // pg-boss waits out the polling interval after every fetch, a job or not: a worker that just finished a job
      // is told to fetch again at once (notifyWorker), so only an empty queue is polled at the interval.
      let workerId: string | undefined;
      workerId = await this.boss.work<{ investigationId: string }>(QUEUE_NAME, opts, async ([job]) => {
        if (!job) return;
        if (workerId) this.boss.notifyWorker(workerId);
        const id = job.data.investigationId;
        await this.sql(
          `INSERT INTO ${this.leaseTable} (investigation_id, job_id, worker_id, heartbeat_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (investigation_id) DO UPDATE SET job_id = EXCLUDED.job_id, worker_id = EXCLUDED.worker_id, heartbeat_at = now()`,
          [id, job.id, this.workerId],
        );
        this.leases.add(id);
        try {
          await handler(id);
        } catch (e) {
          this.opts.onError?.(e, id);
          throw e;
        } finally {
          this.leases.delete(id);
          await this.sql(`DELETE FROM ${this.leaseTable} WHERE investigation_id = $1 AND worker_id = $2`, [id, this.workerId]).catch(() => {});
        }
      });
    }
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const t = setInterval(() => void fn().catch((e) => this.opts.onError?.(e, "")), ms);
      t.unref();
      this.timers.push(t);
    };
    every(LEASE_RENEW_MS, async () => {
      if (this.leases.size) await this.sql(`UPDATE ${this.leaseTable} SET heartbeat_at = now() WHERE worker_id = $1`, [this.workerId]);
    });
    every(LEASE_RENEW_MS * 2, async () => {
      const { rows } = await this.sql(
        `DELETE FROM ${this.leaseTable} WHERE heartbeat_at < now() - make_interval(secs => $1) RETURNING investigation_id, job_id`,
        [LEASE_STALE_MS / 1000],
      );
      for (const r of rows) {
        // The dead worker's job still holds the queue's single "active" slot for this investigation (stately
        // policy): close it, then queue the investigation again.
        await this.boss.complete(QUEUE_NAME, String(r.job_id), { reclaimed: true }).catch(() => {});
        await this.enqueue(String(r.investigation_id));
      }
    });
  }

  async stop(opts: { drain?: boolean } = {}) {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    // Not draining: running jobs stay active and expire, then pg-boss retries them (the graph resumes from its checkpoint).
    await this.boss.stop({ graceful: opts.drain ?? false, wait: true, close: true, timeout: opts.drain ? 60_000 : 1_000 });
    this.started = false;
  }

  async ping() {
    await this.boss.getQueueSize(QUEUE_NAME);
  }

  get isStarted() {
    return this.started;
  }
}
