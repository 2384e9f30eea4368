// The SQLite store: one process, one file in the data dir, WAL mode with checkpoints on a worker thread.
import { chmodSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import type { Anomaly } from "../../domain/schemas.ts";
import type { InvestigationResult } from "../../graph/types.ts";
import { MIGRATIONS } from "./migrations.ts";
import { digest, finishFields, fromRow, queuedRecord, type Row } from "./rows.ts";
import { COALESCE_TARGET_SQL, MAX_LIST_LIMIT, REQUEUE_SQL, WEBHOOK_ID_TTL_MS, decodeCursor, encodeCursor, newInvestigationId } from "./types.ts";
import type { CreateOrAttachResult, FinishOutcome, Investigation, ListPage, ListQuery, Store, WebhookIdCheck } from "./types.ts";

/** The checkpointer thread's source (plain JavaScript: it runs without the TypeScript loader). */
const WAL_WORKER = new URL("./wal-worker.mjs", import.meta.url);

/** How often the checkpointer thread folds the WAL back into the database file. */
const CHECKPOINT_INTERVAL_MS = 100;
/** The investigation a new anomaly of an actor joins, if any (built once: the statement cache is keyed by its text). */
const COALESCE_TARGET = `SELECT id, status, report_url FROM investigations WHERE ${COALESCE_TARGET_SQL.replace("{1}", "?").replace("{2}", "?")}
       ORDER BY created_at DESC, id DESC LIMIT 1`;
/** Appends an anomaly to an investigation's coalesced list and answers the updated row (one statement, no read-back). */
const ATTACH = `UPDATE investigations SET coalesced = json_insert(coalesced, '$[#]', json(?)) WHERE id = ? RETURNING *`;
/** ATTACH for a finished investigation with a report: the new anomaly also queues it again. */
const ATTACH_REQUEUE = `UPDATE investigations SET coalesced = json_insert(coalesced, '$[#]', json(?)), ${REQUEUE_SQL} WHERE id = ? RETURNING *`;

/**
 * The data dir holds the SQLite store and graph checkpoints with raw vendor records: 0700 for the folder, 0600 for
 * the files already in it (files created later are unreachable for others through the folder).
 */
export function secureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    try {
      if (statSync(p).isFile()) chmodSync(p, 0o600);
    } catch {
      /* vanished meanwhile (a WAL file): nothing to protect */
    }
  }
}

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();
  /** One transaction wrapper for every call (building one per call costs more than a short transaction's statements). */
  private readonly tx: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(dataDir: string, file = "casefile.db") {
    secureDataDir(dataDir);
    this.db = new Database(join(dataDir, file));
    this.tx = this.db.transaction((fn: () => unknown) => fn());
    chmodSync(join(dataDir, file), 0o600);
    this.db.pragma("journal_mode = WAL");
    // Durability trade-off: in WAL mode, synchronous=NORMAL makes a commit durable once it is written to the WAL
    // (the OS has it), so a crash or SIGKILL of this process loses nothing that was committed; only an OS crash or
    // power loss can lose the last commits before the next checkpoint's fsync. FULL would fsync every commit, which
    // costs more than the whole rest of a webhook delivery. Run PostgreSQL (DATABASE_URL) for power-loss durability.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    // Reads on the accept path (an actor's open investigation, known anomaly and webhook ids) stay in memory: a 32 MB
    // page cache instead of 2 MB, the file mapped instead of read page by page, sorts in memory. Writes are unchanged.
    this.db.pragma("cache_size = -32000");
    this.db.pragma("mmap_size = 268435456");
    this.db.pragma("temp_store = MEMORY");
    this.db.pragma("foreign_keys = ON");
    this.migrate();
    this.startCheckpointer(join(dataDir, file));
  }

  private checkpointer?: Worker;

  /**
   * Moves WAL checkpoints (each one fsyncs) off the request path into a worker thread. Should the thread fail,
   * this connection checkpoints automatically again, as SQLite does by default.
   */
  private startCheckpointer(file: string) {
    const fallback = () => {
      this.checkpointer = undefined;
      if (this.db.open) this.db.pragma("wal_autocheckpoint = 1000");
    };
    try {
      const w = new Worker(WAL_WORKER, { workerData: { file, intervalMs: CHECKPOINT_INTERVAL_MS } });
      w.unref();
      w.on("error", fallback);
      w.on("exit", () => {
        if (this.checkpointer === w) fallback();
      });
      this.checkpointer = w;
      this.db.pragma("wal_autocheckpoint = 0");
    } catch {
      fallback();
    }
  }

  /** A prepared statement, compiled once per SQL text and reused (better-sqlite3 statements are reusable). */
  stmt(sql: string): Database.Statement {
    let st = this.stmts.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.stmts.set(sql, st);
    }
    return st;
  }

  /**
   * Runs `fn` in one immediate (write-locking) transaction: everything in it commits together or not at all. Called
   * inside another transaction, it runs in a savepoint: a throw rolls back `fn`'s writes alone.
   */
  transaction<T>(fn: () => T): T {
    return this.tx.immediate(fn) as T;
  }

  private migrate() {
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`);
    const done = new Set(this.db.prepare(`SELECT version FROM schema_migrations`).all().map((r) => (r as Row).version as number));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sqlite);
        this.db.prepare(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`).run(m.version, new Date().toISOString());
      }).immediate();
    }
  }

  private getSync(id: string): Investigation | null {
    const r = this.stmt(`SELECT * FROM investigations WHERE id = ?`).get(id) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  /** createOrAttach for use inside `transaction` (callers that also record the webhook id and enqueue). */
  createOrAttachSync(anomaly: Anomaly, coalesceWindowMs: number, now = new Date()): CreateOrAttachResult {
    const known = this.stmt(`SELECT investigation_id FROM anomalies WHERE anomaly_id = ?`).get(anomaly.id) as Row | undefined;
    if (known) return { investigation: this.getSync(String(known.investigation_id))!, created: false, attached: false };
    const since = new Date(now.getTime() - coalesceWindowMs).toISOString();
    const target = this.stmt(COALESCE_TARGET).get(anomaly.actor, since) as Row | undefined;
    const at = now.toISOString();
    const body = JSON.stringify(anomaly);
    if (target) {
      const id = String(target.id);
      this.stmt(`INSERT INTO anomalies (anomaly_id, investigation_id, anomaly, received_at) VALUES (?, ?, ?, ?)`).run(anomaly.id, id, body, at);
      const requeued = target.status === "completed" && target.report_url != null;
      const row = this.stmt(requeued ? ATTACH_REQUEUE : ATTACH).get(body, id) as Row;
      return { investigation: fromRow(row), created: false, attached: true, requeued };
    }
    const id = newInvestigationId();
    this.stmt(`INSERT INTO investigations (id, anomaly_id, actor, action, anomaly, status, created_at) VALUES (?, ?, ?, ?, ?, 'queued', ?)`).run(
      id,
      anomaly.id,
      anomaly.actor,
      anomaly.action,
      body,
      at,
    );
    this.stmt(`INSERT INTO anomalies (anomaly_id, investigation_id, anomaly, received_at) VALUES (?, ?, ?, ?)`).run(anomaly.id, id, body, at);
    return { investigation: queuedRecord(id, anomaly, at), created: true, attached: false };
  }

  async createOrAttach(anomaly: Anomaly, coalesceWindowMs: number, now = new Date()): Promise<CreateOrAttachResult> {
    return this.transaction(() => this.createOrAttachSync(anomaly, coalesceWindowMs, now));
  }

  recordFilteredSync(anomaly: Anomaly, note: string, now = new Date()): CreateOrAttachResult {
    const known = this.stmt(`SELECT investigation_id FROM anomalies WHERE anomaly_id = ?`).get(anomaly.id) as Row | undefined;
    if (known) return { investigation: this.getSync(String(known.investigation_id))!, created: false, attached: false };
    const id = newInvestigationId();
    const at = now.toISOString();
    const body = JSON.stringify(anomaly);
    this.stmt(`INSERT INTO investigations (id, anomaly_id, actor, action, anomaly, status, errors, created_at, finished_at) VALUES (?, ?, ?, ?, ?, 'filtered', ?, ?, ?)`).run(
      id, anomaly.id, anomaly.actor, anomaly.action, body, JSON.stringify([note]), at, at,
    );
    this.stmt(`INSERT INTO anomalies (anomaly_id, investigation_id, anomaly, received_at) VALUES (?, ?, ?, ?)`).run(anomaly.id, id, body, at);
    return { investigation: this.getSync(id)!, created: true, attached: false };
  }

  async recordFiltered(anomaly: Anomaly, note: string, now = new Date()): Promise<CreateOrAttachResult> {
    return this.transaction(() => this.recordFilteredSync(anomaly, note, now));
  }

  async get(id: string) {
    return this.getSync(id);
  }

  async getByAnomalyId(anomalyId: string) {
    const r = this.stmt(`SELECT investigation_id FROM anomalies WHERE anomaly_id = ?`).get(anomalyId) as Row | undefined;
    return r ? this.getSync(String(r.investigation_id)) : null;
  }

  async list(q: ListQuery = {}): Promise<ListPage> {
    const limit = Math.min(Math.max(q.limit ?? 50, 1), MAX_LIST_LIMIT);
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.status) (where.push(`status = ?`), args.push(q.status));
    if (q.verdict) (where.push(`verdict = ?`), args.push(q.verdict));
    const c = q.cursor ? decodeCursor(q.cursor) : null;
    if (c) (where.push(`(created_at < ? OR (created_at = ? AND id < ?))`), args.push(c.created_at, c.created_at, c.id));
    const sql = `SELECT * FROM investigations ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, id DESC LIMIT ?`;
    const rows = this.stmt(sql).all(...args, limit + 1) as Row[];
    const items = rows.slice(0, limit).map(fromRow);
    return { items, next_cursor: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null };
  }

  async markRunning(id: string, now = new Date()) {
    this.stmt(`UPDATE investigations SET status = 'running', started_at = COALESCE(started_at, ?), attempts = attempts + 1 WHERE id = ?`)
      .run(now.toISOString(), id);
    return this.getSync(id);
  }

  async markFinished(id: string, outcome: FinishOutcome, now = new Date()) {
    const f = finishFields(outcome);
    this.stmt(
        `UPDATE investigations SET status = ?, verdict = ?, confidence = ?, report_url = ?, page_id = ?, sources = ?, result = ?,
         errors = ?, prompt_versions = ?, models = ?, finished_at = ? WHERE id = ?`,
      )
      .run(f.status, f.verdict, f.confidence, f.report_url, f.page_id, f.sources, f.result, f.errors, f.prompt_versions, f.models, now.toISOString(), id);
  }

  async markAwaiting(id: string, result?: InvestigationResult) {
    if (result) {
      const f = finishFields({ result });
      this.stmt(
          `UPDATE investigations SET status = 'awaiting_approval', verdict = ?, confidence = ?, sources = ?, result = ?, errors = ?,
           prompt_versions = ?, models = ? WHERE id = ?`,
        )
        .run(f.verdict, f.confidence, f.sources, f.result, f.errors, f.prompt_versions, f.models, id);
    } else {
      this.stmt(`UPDATE investigations SET status = 'awaiting_approval' WHERE id = ?`).run(id);
    }
  }

  async markQueued(id: string) {
    this.stmt(`UPDATE investigations SET status = 'queued' WHERE id = ?`).run(id);
  }

  async claimDecision(id: string) {
    return this.stmt(`UPDATE investigations SET status = 'running' WHERE id = ? AND status = 'awaiting_approval'`).run(id).changes === 1;
  }

  /** Forgets webhook ids seen longer than WEBHOOK_ID_TTL_MS ago (a group commit does it once for all its deliveries). */
  expireWebhookIdsSync(now = new Date()): void {
    this.stmt(`DELETE FROM webhook_ids WHERE seen_at < ?`).run(now.getTime() - WEBHOOK_ID_TTL_MS);
  }

  /** recordWebhookId for use inside `transaction`; `expire: false` when the caller expires old ids itself. */
  recordWebhookIdSync(webhookId: string, body: string, now = new Date(), expire = true): WebhookIdCheck {
    const d = digest(body);
    const t = now.getTime();
    if (expire) this.expireWebhookIdsSync(now);
    // A new id (the usual case) costs one statement: the insert; only an id already seen is read back.
    if (this.stmt(`INSERT INTO webhook_ids (id, digest, seen_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`).run(webhookId, d, t).changes === 1) return "new";
    const r = this.stmt(`SELECT digest FROM webhook_ids WHERE id = ?`).get(webhookId) as Row;
    return r.digest === d ? "replay" : "conflict";
  }

  async recordWebhookId(webhookId: string, body: string, now = new Date()): Promise<WebhookIdCheck> {
    return this.transaction(() => this.recordWebhookIdSync(webhookId, body, now));
  }

  async listUnfinished() {
    return (this.stmt(`SELECT * FROM investigations WHERE status IN ('queued','running') ORDER BY created_at`).all() as Row[]).map(fromRow);
  }

  async ping() {
    this.stmt(`SELECT 1`).get();
  }

  async close() {
    const w = this.checkpointer;
    this.checkpointer = undefined;
    if (w) {
      const exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
      w.postMessage("stop");
      const timer = setTimeout(() => void w.terminate(), 2000);
      await exited;
      clearTimeout(timer);
    }
    // The last connection to close checkpoints the rest of the WAL.
    if (this.db.open) this.db.close();
  }
}
