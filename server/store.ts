// Durable investigation records: SQLite (one process) or PostgreSQL (N workers).
import { createHash, randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import pg from "pg";
import type { Anomaly } from "../domain/schemas.ts";
import type { InvestigationResult } from "../graph/types.ts";
import { withSetupLock } from "./pg-setup.ts";

/** `filtered`: an intake rule or a suppression (configuration `filters:`) kept the anomaly from an investigation. */
export const STATUSES = ["queued", "running", "awaiting_approval", "completed", "failed", "filtered"] as const;
export type InvestigationStatus = (typeof STATUSES)[number];

export interface Investigation {
  id: string;
  anomaly_id: string;
  actor: string;
  action: string;
  anomaly: Anomaly;
  /** Further anomalies attached by coalescing, in arrival order. */
  coalesced: Anomaly[];
  status: InvestigationStatus;
  verdict: string | null;
  confidence: number | null;
  report_url: string | null;
  page_id: string | null;
  sources: Record<string, unknown> | null;
  result: InvestigationResult | null;
  errors: string[];
  prompt_versions: Record<string, string> | null;
  models: Record<string, string> | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
}

export interface CreateOrAttachResult {
  investigation: Investigation;
  /** A new investigation was created (and must be enqueued). */
  created: boolean;
  /** The anomaly was attached to an existing investigation of the same actor. */
  attached: boolean;
  /** It attached to a published run, which goes back to the queue to amend and republish its page (enqueue it). */
  requeued?: boolean;
}

/**
 * Coalescing, declared once for both stores: an anomaly attaches to the actor's newest investigation created inside
 * the window and not failed (a failed run gets a fresh one). A published run is queued again so the runner amends
 * its report and republishes the same page; a run awaiting approval is amended when it is approved.
 */
export const COALESCE_TARGET_SQL = `actor = {1} AND created_at >= {2} AND status NOT IN ('failed', 'filtered')`;
const REQUEUE_SQL = `status = 'queued', finished_at = NULL`;

export interface ListQuery {
  status?: InvestigationStatus;
  verdict?: string;
  limit?: number;
  cursor?: string;
}

export interface ListPage {
  items: Investigation[];
  next_cursor: string | null;
}

/** new: first sighting; replay: same id, same body; conflict: same id, different body. */
export type WebhookIdCheck = "new" | "replay" | "conflict";

export type FinishOutcome = { result: InvestigationResult; error?: undefined } | { error: string; result?: InvestigationResult };

export interface Store {
  readonly kind: "sqlite" | "postgres";
  createOrAttach(anomaly: Anomaly, coalesceWindowMs: number, now?: Date): Promise<CreateOrAttachResult>;
  /** Stores a filtered anomaly as a finished record (status `filtered`, `note` says which rule); never coalesced. */
  recordFiltered(anomaly: Anomaly, note: string, now?: Date): Promise<CreateOrAttachResult>;
  get(id: string): Promise<Investigation | null>;
  getByAnomalyId(anomalyId: string): Promise<Investigation | null>;
  list(q?: ListQuery): Promise<ListPage>;
  /** Sets status running, stamps started_at (first time) and counts the attempt. */
  markRunning(id: string, now?: Date): Promise<Investigation | null>;
  markFinished(id: string, outcome: FinishOutcome, now?: Date): Promise<void>;
  markAwaiting(id: string, result?: InvestigationResult): Promise<void>;
  /** Requeue (e.g. after approval the run resumes). */
  markQueued(id: string): Promise<void>;
  /** awaiting_approval → running, atomically; false when the investigation was not awaiting a decision. */
  claimDecision(id: string): Promise<boolean>;
  /** Remember a webhook-id with the digest of its body; seen ids are kept for WEBHOOK_ID_TTL_MS. */
  recordWebhookId(webhookId: string, body: string, now?: Date): Promise<WebhookIdCheck>;
  /** Investigations that still need a worker: queued or running. */
  listUnfinished(): Promise<Investigation[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const WEBHOOK_ID_TTL_MS = 60 * 60_000;
export const MAX_LIST_LIMIT = 200;

const digest = (body: string) => createHash("sha256").update(body).digest("hex");
export const newInvestigationId = () => `inv_${randomUUID().replace(/-/g, "")}`;

export function encodeCursor(inv: Pick<Investigation, "created_at" | "id">): string {
  return Buffer.from(`${inv.created_at}|${inv.id}`).toString("base64url");
}
export function decodeCursor(cursor: string): { created_at: string; id: string } | null {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(inv_[a-f0-9]{32})$/.exec(text);
  return m ? { created_at: m[1]!, id: m[2]! } : null;
}

// ---------------------------------------------------------------- row mapping

type Row = Record<string, unknown>;
const json = <T>(v: unknown, def: T): T => {
  if (v === null || v === undefined) return def;
  if (typeof v === "string") return JSON.parse(v) as T;
  return v as T;
};

function fromRow(r: Row): Investigation {
  return {
    id: String(r.id),
    anomaly_id: String(r.anomaly_id),
    actor: String(r.actor),
    action: String(r.action),
    anomaly: json<Anomaly>(r.anomaly, {} as Anomaly),
    coalesced: json<Anomaly[]>(r.coalesced, []),
    status: r.status as InvestigationStatus,
    verdict: (r.verdict as string | null) ?? null,
    confidence: r.confidence === null || r.confidence === undefined ? null : Number(r.confidence),
    report_url: (r.report_url as string | null) ?? null,
    page_id: (r.page_id as string | null) ?? null,
    sources: json(r.sources, null),
    result: json(r.result, null),
    errors: json<string[]>(r.errors, []),
    prompt_versions: json(r.prompt_versions, null),
    models: json(r.models, null),
    created_at: String(r.created_at),
    started_at: (r.started_at as string | null) ?? null,
    finished_at: (r.finished_at as string | null) ?? null,
    attempts: Number(r.attempts ?? 0),
  };
}

function finishFields(outcome: FinishOutcome) {
  const r = outcome.result;
  const errors = [...(r?.errors ?? [])];
  if (outcome.error) errors.push(outcome.error);
  return {
    status: outcome.error ? "failed" : "completed",
    verdict: r?.verdict ?? null,
    confidence: r?.confidence ?? null,
    report_url: r?.report_url ?? null,
    page_id: r?.page_id ?? null,
    sources: r ? JSON.stringify(r.sources) : null,
    result: r ? JSON.stringify(r) : null,
    errors: JSON.stringify(errors),
    prompt_versions: r ? JSON.stringify(r.prompt_versions) : null,
    models: r ? JSON.stringify(r.models) : null,
  };
}

// ---------------------------------------------------------------- migrations

/** Versioned schema; `{S}` is the PostgreSQL schema prefix (empty on SQLite). Never edit a shipped step: append. */
export const MIGRATIONS: { version: number; sqlite: string; postgres: string }[] = [
  {
    version: 1,
    sqlite: `
      CREATE TABLE investigations (
        id TEXT PRIMARY KEY, anomaly_id TEXT NOT NULL UNIQUE, actor TEXT NOT NULL, action TEXT NOT NULL,
        anomaly TEXT NOT NULL, coalesced TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL,
        verdict TEXT, confidence REAL, report_url TEXT, page_id TEXT, sources TEXT, result TEXT,
        errors TEXT NOT NULL DEFAULT '[]', prompt_versions TEXT, models TEXT,
        created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, attempts INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX investigations_actor ON investigations(actor, status);
      CREATE INDEX investigations_created ON investigations(created_at DESC, id DESC);
      CREATE TABLE anomalies (
        anomaly_id TEXT PRIMARY KEY, investigation_id TEXT NOT NULL REFERENCES investigations(id),
        anomaly TEXT NOT NULL, received_at TEXT NOT NULL);
      CREATE INDEX anomalies_investigation ON anomalies(investigation_id);
      CREATE TABLE webhook_ids (id TEXT PRIMARY KEY, digest TEXT NOT NULL, seen_at INTEGER NOT NULL);
      CREATE TABLE jobs (
        investigation_id TEXT PRIMARY KEY, state TEXT NOT NULL, owner TEXT, locked_until INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0, enqueued_at INTEGER NOT NULL);
      CREATE INDEX jobs_state ON jobs(state, enqueued_at);`,
    postgres: `
      CREATE TABLE {S}investigations (
        id TEXT PRIMARY KEY, anomaly_id TEXT NOT NULL UNIQUE, actor TEXT NOT NULL, action TEXT NOT NULL,
        anomaly JSONB NOT NULL, coalesced JSONB NOT NULL DEFAULT '[]', status TEXT NOT NULL,
        verdict TEXT, confidence DOUBLE PRECISION, report_url TEXT, page_id TEXT, sources JSONB, result JSONB,
        errors JSONB NOT NULL DEFAULT '[]', prompt_versions JSONB, models JSONB,
        created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, attempts INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX investigations_actor ON {S}investigations(actor, status);
      CREATE INDEX investigations_created ON {S}investigations(created_at DESC, id DESC);
      CREATE TABLE {S}anomalies (
        anomaly_id TEXT PRIMARY KEY, investigation_id TEXT NOT NULL REFERENCES {S}investigations(id),
        anomaly JSONB NOT NULL, received_at TEXT NOT NULL);
      CREATE INDEX anomalies_investigation ON {S}anomalies(investigation_id);
      CREATE TABLE {S}webhook_ids (id TEXT PRIMARY KEY, digest TEXT NOT NULL, seen_at BIGINT NOT NULL);`,
  },
  {
    // Expiring seen webhook ids runs on every delivery: without an index it scans the whole table.
    version: 2,
    sqlite: `CREATE INDEX webhook_ids_seen ON webhook_ids(seen_at);`,
    postgres: `CREATE INDEX webhook_ids_seen ON {S}webhook_ids(seen_at);`,
  },
];

// ---------------------------------------------------------------- SQLite

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve("better-sqlite3");

// The checkpointer thread: its own connection copies committed WAL frames into the database file (PASSIVE: never
// waits for or blocks a writer) so that the fsyncs a checkpoint does happen off the event loop.
const CHECKPOINTER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 1000");
db.pragma("wal_autocheckpoint = 0");
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (e) { parentPort.postMessage(String(e && e.message)); }
}, workerData.intervalMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); process.exit(0); });
`;

/** How often the checkpointer thread folds the WAL back into the database file. */
const CHECKPOINT_INTERVAL_MS = 100;

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

  constructor(dataDir: string, file = "casefile.db") {
    secureDataDir(dataDir);
    this.db = new Database(join(dataDir, file));
    chmodSync(join(dataDir, file), 0o600);
    this.db.pragma("journal_mode = WAL");
    // Durability trade-off: in WAL mode, synchronous=NORMAL makes a commit durable once it is written to the WAL
    // (the OS has it), so a crash or SIGKILL of this process loses nothing that was committed; only an OS crash or
    // power loss can lose the last commits before the next checkpoint's fsync. FULL would fsync every commit, which
    // costs more than the whole rest of a webhook delivery. Run PostgreSQL (DATABASE_URL) for power-loss durability.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
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
      const w = new Worker(CHECKPOINTER, { eval: true, workerData: { file, module: BETTER_SQLITE3, intervalMs: CHECKPOINT_INTERVAL_MS } });
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

  /** Runs `fn` in one immediate (write-locking) transaction: everything in it commits together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
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
    const target = this.stmt(
      `SELECT id, status, report_url FROM investigations WHERE ${COALESCE_TARGET_SQL.replace("{1}", "?").replace("{2}", "?")}
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    ).get(anomaly.actor, since) as Row | undefined;
    const at = now.toISOString();
    const body = JSON.stringify(anomaly);
    if (target) {
      const id = String(target.id);
      this.stmt(`INSERT INTO anomalies (anomaly_id, investigation_id, anomaly, received_at) VALUES (?, ?, ?, ?)`).run(anomaly.id, id, body, at);
      this.stmt(`UPDATE investigations SET coalesced = json_insert(coalesced, '$[#]', json(?)) WHERE id = ?`).run(body, id);
      const requeued = target.status === "completed" && target.report_url != null;
      if (requeued) this.stmt(`UPDATE investigations SET ${REQUEUE_SQL} WHERE id = ?`).run(id);
      return { investigation: this.getSync(id)!, created: false, attached: true, requeued };
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
    return { investigation: this.getSync(id)!, created: true, attached: false };
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

  /** recordWebhookId for use inside `transaction`. */
  recordWebhookIdSync(webhookId: string, body: string, now = new Date()): WebhookIdCheck {
    const d = digest(body);
    const t = now.getTime();
    this.stmt(`DELETE FROM webhook_ids WHERE seen_at < ?`).run(t - WEBHOOK_ID_TTL_MS);
    const r = this.stmt(`SELECT digest FROM webhook_ids WHERE id = ?`).get(webhookId) as Row | undefined;
    if (r) return r.digest === d ? "replay" : "conflict";
    this.stmt(`INSERT INTO webhook_ids (id, digest, seen_at) VALUES (?, ?, ?)`).run(webhookId, d, t);
    return "new";
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

// ---------------------------------------------------------------- PostgreSQL

export class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  readonly pool: pg.Pool;
  private readonly s: string;

  private constructor(
    url: string,
    readonly schema: string,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`PostgreSQL schema name ${JSON.stringify(schema)} is invalid; use lowercase letters, digits and _.`);
    this.pool = new pg.Pool({ connectionString: url, max: 10 });
    this.pool.on("error", () => {
      /* idle client errors surface on the next query */
    });
    this.s = `"${schema}".`;
  }

  /** Connects, creates the schema and applies pending migrations (under the one set-up lock, see pg-setup.ts). */
  static async open(url: string, schema = "casefile"): Promise<PostgresStore> {
    const store = new PostgresStore(url, schema);
    try {
      await withSetupLock(url, () => store.migrate());
    } catch (e) {
      await store.pool.end().catch(() => {});
      throw new Error(`PostgreSQL at DATABASE_URL is not usable (${(e as Error).message}); check the URL, that the server runs and that the user may create schema "${schema}".`);
    }
    return store;
  }

  private async migrate() {
    const c = await this.pool.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.s}schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`);
      const done = new Set((await c.query(`SELECT version FROM ${this.s}schema_migrations`)).rows.map((r: Row) => Number(r.version)));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await c.query("BEGIN");
        try {
          await c.query(m.postgres.replaceAll("{S}", this.s));
          await c.query(`INSERT INTO ${this.s}schema_migrations (version, applied_at) VALUES ($1, $2)`, [m.version, new Date().toISOString()]);
          await c.query("COMMIT");
        } catch (e) {
          await c.query("ROLLBACK");
          throw e;
        }
      }
    } finally {
      c.release();
    }
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query("BEGIN");
      const out = await fn(c);
      await c.query("COMMIT");
      return out;
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private async getWith(c: pg.Pool | pg.PoolClient, id: string) {
    const r = await c.query(`SELECT * FROM ${this.s}investigations WHERE id = $1`, [id]);
    return r.rows[0] ? fromRow(r.rows[0]) : null;
  }

  async createOrAttach(anomaly: Anomaly, coalesceWindowMs: number, now = new Date()): Promise<CreateOrAttachResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.tx(async (c) => {
          // One writer per actor at a time across all processes; the unique anomaly_id catches the rest.
          await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`casefile-actor:${anomaly.actor}`]);
          const known = await c.query(`SELECT investigation_id FROM ${this.s}anomalies WHERE anomaly_id = $1`, [anomaly.id]);
          if (known.rows[0]) return { investigation: (await this.getWith(c, known.rows[0].investigation_id))!, created: false, attached: false };
          const since = new Date(now.getTime() - coalesceWindowMs).toISOString();
          const target = await c.query(
            `SELECT id, status, report_url FROM ${this.s}investigations WHERE ${COALESCE_TARGET_SQL.replace("{1}", "$1").replace("{2}", "$2")}
             ORDER BY created_at DESC, id DESC LIMIT 1`,
            [anomaly.actor, since],
          );
          const at = now.toISOString();
          const body = JSON.stringify(anomaly);
          if (target.rows[0]) {
            const id = String(target.rows[0].id);
            await c.query(`INSERT INTO ${this.s}anomalies (anomaly_id, investigation_id, anomaly, received_at) VALUES ($1, $2, $3, $4)`, [anomaly.id, id, body, at]);
            await c.query(`UPDATE ${this.s}investigations SET coalesced = coalesced || jsonb_build_array($1::jsonb) WHERE id = $2`, [body, id]);
            const requeued = target.rows[0].status === "completed" && target.rows[0].report_url != null;
            if (requeued) await c.query(`UPDATE ${this.s}investigations SET ${REQUEUE_SQL} WHERE id = $1`, [id]);
            return { investigation: (await this.getWith(c, id))!, created: false, attached: true, requeued };
          }
          const id = newInvestigationId();
          await c.query(
            `INSERT INTO ${this.s}investigations (id, anomaly_id, actor, action, anomaly, status, created_at) VALUES ($1, $2, $3, $4, $5, 'queued', $6)`,
            [id, anomaly.id, anomaly.actor, anomaly.action, body, at],
          );
          await c.query(`INSERT INTO ${this.s}anomalies (anomaly_id, investigation_id, anomaly, received_at) VALUES ($1, $2, $3, $4)`, [anomaly.id, id, body, at]);
          return { investigation: (await this.getWith(c, id))!, created: true, attached: false };
        });
      } catch (e) {
        // The same anomaly id raced in under a different actor lock: read the winner.
        if ((e as { code?: string }).code === "23505" && attempt < 2) continue;
        throw e;
      }
    }
  }


  async recordFiltered(anomaly: Anomaly, note: string, now = new Date()): Promise<CreateOrAttachResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.tx(async (c) => {
          const known = await c.query(`SELECT investigation_id FROM ${this.s}anomalies WHERE anomaly_id = $1`, [anomaly.id]);
          if (known.rows[0]) return { investigation: (await this.getWith(c, known.rows[0].investigation_id))!, created: false, attached: false };
          const id = newInvestigationId();
          const at = now.toISOString();
          const body = JSON.stringify(anomaly);
          await c.query(
            `INSERT INTO ${this.s}investigations (id, anomaly_id, actor, action, anomaly, status, errors, created_at, finished_at) VALUES ($1, $2, $3, $4, $5, 'filtered', $6, $7, $7)`,
            [id, anomaly.id, anomaly.actor, anomaly.action, body, JSON.stringify([note]), at],
          );
          await c.query(`INSERT INTO ${this.s}anomalies (anomaly_id, investigation_id, anomaly, received_at) VALUES ($1, $2, $3, $4)`, [anomaly.id, id, body, at]);
          return { investigation: (await this.getWith(c, id))!, created: true, attached: false };
        });
      } catch (e) {
        // the same anomaly id raced in: read the winner
        if ((e as { code?: string }).code === "23505" && attempt < 2) continue;
        throw e;
      }
    }
  }
  async get(id: string) {
    return this.getWith(this.pool, id);
  }

  async getByAnomalyId(anomalyId: string) {
    const r = await this.pool.query(`SELECT investigation_id FROM ${this.s}anomalies WHERE anomaly_id = $1`, [anomalyId]);
    return r.rows[0] ? this.get(String(r.rows[0].investigation_id)) : null;
  }

  async list(q: ListQuery = {}): Promise<ListPage> {
    const limit = Math.min(Math.max(q.limit ?? 50, 1), MAX_LIST_LIMIT);
    const where: string[] = [];
    const args: unknown[] = [];
    const p = (v: unknown) => (args.push(v), `$${args.length}`);
    if (q.status) where.push(`status = ${p(q.status)}`);
    if (q.verdict) where.push(`verdict = ${p(q.verdict)}`);
    const c = q.cursor ? decodeCursor(q.cursor) : null;
    if (c) {
      const ca = p(c.created_at);
      where.push(`(created_at < ${ca} OR (created_at = ${ca} AND id < ${p(c.id)}))`);
    }
    const sql = `SELECT * FROM ${this.s}investigations ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, id DESC LIMIT ${p(limit + 1)}`;
    const rows = (await this.pool.query(sql, args)).rows as Row[];
    const items = rows.slice(0, limit).map(fromRow);
    return { items, next_cursor: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null };
  }

  async markRunning(id: string, now = new Date()) {
    await this.pool.query(
      `UPDATE ${this.s}investigations SET status = 'running', started_at = COALESCE(started_at, $1), attempts = attempts + 1 WHERE id = $2`,
      [now.toISOString(), id],
    );
    return this.get(id);
  }

  async markFinished(id: string, outcome: FinishOutcome, now = new Date()) {
    const f = finishFields(outcome);
    await this.pool.query(
      `UPDATE ${this.s}investigations SET status = $1, verdict = $2, confidence = $3, report_url = $4, page_id = $5, sources = $6,
       result = $7, errors = $8, prompt_versions = $9, models = $10, finished_at = $11 WHERE id = $12`,
      [f.status, f.verdict, f.confidence, f.report_url, f.page_id, f.sources, f.result, f.errors, f.prompt_versions, f.models, now.toISOString(), id],
    );
  }

  async markAwaiting(id: string, result?: InvestigationResult) {
    if (result) {
      const f = finishFields({ result });
      await this.pool.query(
        `UPDATE ${this.s}investigations SET status = 'awaiting_approval', verdict = $1, confidence = $2, sources = $3, result = $4,
         errors = $5, prompt_versions = $6, models = $7 WHERE id = $8`,
        [f.verdict, f.confidence, f.sources, f.result, f.errors, f.prompt_versions, f.models, id],
      );
    } else {
      await this.pool.query(`UPDATE ${this.s}investigations SET status = 'awaiting_approval' WHERE id = $1`, [id]);
    }
  }

  async markQueued(id: string) {
    await this.pool.query(`UPDATE ${this.s}investigations SET status = 'queued' WHERE id = $1`, [id]);
  }

  async claimDecision(id: string) {
    const r = await this.pool.query(`UPDATE ${this.s}investigations SET status = 'running' WHERE id = $1 AND status = 'awaiting_approval'`, [id]);
    return r.rowCount === 1;
  }

  async recordWebhookId(webhookId: string, body: string, now = new Date()): Promise<WebhookIdCheck> {
    const d = digest(body);
    const t = now.getTime();
    await this.pool.query(`DELETE FROM ${this.s}webhook_ids WHERE seen_at < $1`, [t - WEBHOOK_ID_TTL_MS]);
    const ins = await this.pool.query(
      `INSERT INTO ${this.s}webhook_ids (id, digest, seen_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [webhookId, d, t],
    );
    if (ins.rowCount) return "new";
    const r = await this.pool.query(`SELECT digest FROM ${this.s}webhook_ids WHERE id = $1`, [webhookId]);
    return r.rows[0]?.digest === d ? "replay" : "conflict";
  }

  async listUnfinished() {
    const r = await this.pool.query(`SELECT * FROM ${this.s}investigations WHERE status IN ('queued','running') ORDER BY created_at`);
    return r.rows.map(fromRow);
  }

  async ping() {
    await this.pool.query(`SELECT 1`);
  }

  async close() {
    await this.pool.end();
  }
}

export async function openStore(opts: { dataDir: string; databaseUrl?: string; schema?: string }): Promise<Store> {
  return opts.databaseUrl ? PostgresStore.open(opts.databaseUrl, opts.schema) : new SqliteStore(opts.dataDir);
}
