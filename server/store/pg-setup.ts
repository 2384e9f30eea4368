// One PostgreSQL advisory lock serialises every schema set-up casefile does (store migrations, pg-boss install and
// queue creation, the lease table, the checkpointer's tables). PostgreSQL's `CREATE … IF NOT EXISTS` is not safe
// when two sessions run it at once (duplicate key in pg_type / pg_namespace), and operators start several
// `casefile serve` / `casefile worker` processes at the same moment after a deploy.
import pg from "pg";

/** The lock's name; one per database, so every deployment sharing a database takes turns (set-up takes < 1 s). */
export const SETUP_LOCK = "casefile:schema-setup";

export interface SetupLockOptions {
  /** Longest wait for another process's set-up before giving up (default 120 s). */
  timeoutMs?: number;
}

/**
 * Runs `fn` while holding the set-up lock on a dedicated connection. The lock is session-level: it is released in
 * `finally`, and by PostgreSQL itself if this process dies, so a killed process never leaves it held.
 */
export async function withSetupLock<T>(url: string, fn: () => Promise<T>, opts: SetupLockOptions = {}): Promise<T> {
  const timeoutMs = Math.max(1, Math.floor(opts.timeoutMs ?? 120_000));
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => {
    /* a dropped lock connection surfaces as a failed query below */
  });
  await c.connect();
  try {
    await c.query(`SET lock_timeout = ${timeoutMs}`);
    try {
      await c.query(`SELECT pg_advisory_lock(hashtext($1))`, [SETUP_LOCK]);
    } catch (e) {
      if ((e as { code?: string }).code === "55P03") {
        throw new Error(
          `another casefile process has held the PostgreSQL set-up lock for over ${Math.round(timeoutMs / 1000)} s; check for a stuck process with: SELECT pid, state, query FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory').`,
        );
      }
      throw e;
    }
    try {
      return await fn();
    } finally {
      await c.query(`SELECT pg_advisory_unlock(hashtext($1))`, [SETUP_LOCK]).catch(() => {});
    }
  } finally {
    await c.end().catch(() => {});
  }
}
