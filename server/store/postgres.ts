// The PostgreSQL store: shared by every `casefile serve` / `casefile worker` process on one database.
import pg from "pg";
import type { Anomaly } from "../../domain/schemas.ts";
import type { InvestigationResult } from "../../graph/types.ts";
import { MIGRATIONS } from "./migrations.ts";
import { withSetupLock } from "./pg-setup.ts";
import { digest, finishFields, fromRow, queuedRecord, type Row } from "./rows.ts";
import { COALESCE_TARGET_SQL, MAX_LIST_LIMIT, REQUEUE_SQL, WEBHOOK_ID_TTL_MS, decodeCursor, encodeCursor, newInvestigationId } from "./types.ts";
import type { CreateOrAttachResult, FinishOutcome, ListPage, ListQuery, Store, WebhookIdCheck } from "./types.ts";

export class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  readonly pool: pg.Pool;
  private readonly s: string;
  /** When expired webhook ids were last deleted (ms). */
  private expiredAt = Number.NEGATIVE_INFINITY;

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
          return { investigation: queuedRecord(id, anomaly, at), created: true, attached: false };
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
    // Expired ids are forgotten at most once a second (one statement and commit fewer per delivery); the insert
    // treats an expired row as absent, so a reuse past the TTL is "new" either way.
    if (t - this.expiredAt >= 1000 || t < this.expiredAt) {
      this.expiredAt = t;
      await this.pool.query(`DELETE FROM ${this.s}webhook_ids WHERE seen_at < $1`, [t - WEBHOOK_ID_TTL_MS]);
    }
    const ins = await this.pool.query(
      `INSERT INTO ${this.s}webhook_ids AS w (id, digest, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET digest = EXCLUDED.digest, seen_at = EXCLUDED.seen_at WHERE w.seen_at < $4 RETURNING id`,
      [webhookId, d, t, t - WEBHOOK_ID_TTL_MS],
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
