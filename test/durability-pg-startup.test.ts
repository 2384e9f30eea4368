// PostgreSQL start-up under concurrency: four workers starting at the same instant on a fresh database all come
// up (store migrations, pg-boss, lease table and checkpointer set-up are serialised), twenty times in a row.
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import pino from "pino";
import type { FastifyBaseLogger } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { loadServiceConfig } from "../config/service.ts";
import { QUEUE_NAME } from "../server/queue.ts";
import { startWorker, type Worker } from "../server/service.ts";
import { MIGRATIONS } from "../server/store/index.ts";
import { SECRET } from "./durability-helpers.ts";

const DATABASE_URL = process.env.CASEFILE_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ROUNDS = 20;
const WORKERS = 4;

async function postgresUp(): Promise<boolean> {
  const c = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const available = await postgresUp();
if (!available && process.env.CI === "true") throw new Error(`PostgreSQL is not reachable at ${DATABASE_URL}; CI must run the PostgreSQL start-up test (start it with .ci/run).`);
if (!available) console.warn(`durability-pg-startup: skipped — PostgreSQL is not reachable at ${DATABASE_URL} (set CASEFILE_TEST_DATABASE_URL or start it).`);

const prefix = `startup_${randomBytes(3).toString("hex")}`;
const dataDir = mkdtempSync(join(tmpdir(), "casefile-startup-"));
const logger = pino({ level: "silent" }) as unknown as FastifyBaseLogger;

async function dropSchemas(c: pg.Client, base: string) {
  for (const s of [base, `${base}_jobs`, `${base}_checkpoints`]) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
}

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (!available) return;
  const c = new pg.Client({ connectionString: DATABASE_URL });
  await c.connect();
  const left = await c.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${prefix}%`]);
  for (const r of left.rows as { nspname: string }[]) await c.query(`DROP SCHEMA IF EXISTS "${r.nspname}" CASCADE`);
  await c.end();
});

describe.skipIf(!available)("PostgreSQL start-up: several workers at once on a fresh schema", () => {
  it(`${WORKERS} workers started at the same instant all come up, ${ROUNDS} rounds in a row`, async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const base = `${prefix}_${round}`;
        const config = loadServiceConfig({ DATABASE_URL, CASEFILE_PG_SCHEMA: base, CASEFILE_WEBHOOK_SECRET: SECRET, CASEFILE_DATA_DIR: dataDir });
        // Each worker has its own pools, as separate processes would: the race is between connections.
        const started = await Promise.allSettled(Array.from({ length: WORKERS }, () => startWorker(config, { logger })));
        const up = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
        await Promise.all(up.map((w: Worker) => w.close({ drain: false })));
        const failures = started.flatMap((s) => (s.status === "rejected" ? [String((s.reason as Error)?.message ?? s.reason)] : []));
        expect(failures, `round ${round + 1}`).toEqual([]);

        // Every migration applied exactly once, and each component's schema is complete.
        const store = await admin.query(`SELECT version FROM "${base}".schema_migrations ORDER BY version`);
        expect(store.rows.map((r: { version: number }) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
        const cp = await admin.query(`SELECT count(*)::int AS n, count(DISTINCT v)::int AS d FROM "${base}_checkpoints".checkpoint_migrations`);
        expect(cp.rows[0].n).toBeGreaterThan(0);
        expect(cp.rows[0].n).toBe(cp.rows[0].d);
        const queues = await admin.query(`SELECT count(*)::int AS n FROM "${base}_jobs".queue WHERE name = $1`, [QUEUE_NAME]);
        expect(queues.rows[0].n).toBe(1);
        const lease = await admin.query(`SELECT to_regclass($1) AS t`, [`"${base}_jobs".casefile_leases`]);
        expect(lease.rows[0].t).not.toBeNull();
        await dropSchemas(admin, base);
      }
    } finally {
      await admin.end();
    }
  }, 120_000);
});
