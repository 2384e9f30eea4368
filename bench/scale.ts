// Scale-out on PostgreSQL: investigations per minute with a fake investigator (200 ms a run) on 1 and on 2 worker
// processes (bench/scale-worker.ts: `startWorker`, as `casefile worker` runs it) sharing one PostgreSQL, and the
// alert storm against PostgreSQL. Every run uses fresh schemas, dropped afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { Anomaly } from "../domain/schemas.ts";
import { PgBossQueue } from "../server/queue.ts";
import { PostgresStore } from "../server/store/index.ts";
import { BENCH_SECRET, benchAnomaly, measureStorm, type StormResult } from "./service.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");

/** Where the bench looks for PostgreSQL unless `casefile bench --pg URL` says otherwise (CI's local server). */
export const BENCH_PG_URL = "postgres://postgres@127.0.0.1:5432/test";

/** The URL without its password, for messages. */
const shown = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

/** null when PostgreSQL answers at `url`; otherwise why the scale-out section cannot run. */
export async function pgUnreachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on("error", () => {});
  try {
    await c.connect();
    await c.query("SELECT 1");
    return null;
  } catch (e) {
    return `no PostgreSQL reachable at ${shown(url)} (${(e as Error).message}); start one or pass casefile bench --pg URL`;
  } finally {
    await c.end().catch(() => {});
  }
}

async function dropSchemas(url: string, schemas: string[]) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await c.end();
  }
}

function startWorkerProcess(env: Record<string, string>, runMs: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "scale-worker.ts")], {
    cwd: ROOT,
    env: { ...process.env, BENCH_WORKER_ENV: JSON.stringify(env), BENCH_RUN_MS: String(runMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err = (err + d.toString("utf8")).slice(-2000)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString("utf8").includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`a bench worker exited with ${code} before it was ready: ${err.trim().slice(-600)}`)));
  });
  return { child, ready };
}

async function stopWorkerProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface RateResult {
  workers: number;
  jobs: number;
  /** investigations finished per minute from the moment every worker was ready to 90 % of the jobs (no tail) */
  per_minute: number;
  /** finished before the last worker was ready (left out of the rate) */
  started_with: number;
  /** from the moment every worker was ready to the last investigation finished */
  total_ms: number;
  seed_ms: number;
}

/** `jobs` queued investigations through `workers` worker processes, each running `concurrency` at a time. */
export async function measureRate(url: string, opts: { workers: number; jobs: number; runMs: number; concurrency: number; timeoutMs?: number }): Promise<RateResult> {
  const schema = `casefile_bench_${randomBytes(4).toString("hex")}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), "casefile-bench-scale-"));
  const env = {
    DATABASE_URL: url,
    CASEFILE_PG_SCHEMA: schema,
    CASEFILE_CONCURRENCY: String(opts.concurrency),
    CASEFILE_DATA_DIR: dataDir,
    CASEFILE_WEBHOOK_SECRET: BENCH_SECRET,
  };
  // Opened first, so the workers find the schemas made.
  const store = await PostgresStore.open(url, schema);
  const queue = await PgBossQueue.open(url, { schema: `${schema}_jobs` });
  const procs: ChildProcess[] = [];
  try {
    // The queue is filled first, so every worker finds it full; the rate is counted from the moment the last
    // worker is ready (what one worker ran while another was still starting is left out).
    const s0 = performance.now();
    for (let i = 0; i < opts.jobs; i += 25) {
      const batch = Array.from({ length: Math.min(25, opts.jobs - i) }, (_, k) => i + k);
      await Promise.all(
        batch.map(async (j) => {
          const r = await store.createOrAttach(benchAnomaly(j, opts.jobs, "scale") as Anomaly, 0);
          await queue.enqueue(r.investigation.id);
        }),
      );
    }
    const seedMs = performance.now() - s0;
    const completed = async () =>
      Number((await store.pool.query(`SELECT count(*)::int AS n FROM "${schema}".investigations WHERE status = 'completed'`)).rows[0].n);
    const started = Array.from({ length: opts.workers }, () => startWorkerProcess(env, opts.runMs));
    procs.push(...started.map((s) => s.child));
    await Promise.all(started.map((s) => s.ready));
    const t0 = performance.now();
    const first = { t: 0, n: await completed() };
    const marks = [first];
    const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
    for (;;) {
      const n = await completed();
      marks.push({ t: performance.now() - t0, n });
      if (n >= opts.jobs) break;
      if (Date.now() > deadline) throw new Error(`only ${n} of ${opts.jobs} investigations finished in ${(opts.timeoutMs ?? 300_000) / 1000} s`);
      await sleep(50);
    }
    const hi = marks.find((m) => m.n >= 0.9 * opts.jobs)!;
    return {
      workers: opts.workers,
      jobs: opts.jobs,
      per_minute: Math.round(((hi.n - first.n) / Math.max(hi.t, 1)) * 60_000),
      started_with: first.n,
      total_ms: Math.round(marks[marks.length - 1]!.t),
      seed_ms: Math.round(seedMs),
    };
  } finally {
    await Promise.all(procs.map(stopWorkerProcess));
    await queue.stop({ drain: false }).catch(() => {});
    await store.close().catch(() => {});
    await dropSchemas(url, [schema, `${schema}_jobs`, `${schema}_checkpoints`]).catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

export interface ScaleResult {
  one: RateResult;
  two: RateResult;
  /** investigations per minute on 2 workers ÷ on 1 */
  ratio: number;
  run_ms: number;
  concurrency: number;
  storm: StormResult;
}

/** Throws (with the reason) when PostgreSQL is not reachable: `casefile bench` reports the section as skipped. */
export async function measureScale(opts: { url?: string; quick?: boolean } = {}): Promise<ScaleResult> {
  const url = opts.url ?? BENCH_PG_URL;
  const why = await pgUnreachable(url);
  if (why) throw new PgUnavailable(why);
  const runMs = 200;
  const concurrency = 4;
  const perWorker = opts.quick ? 60 : 200;
  const one = await measureRate(url, { workers: 1, jobs: perWorker, runMs, concurrency });
  const two = await measureRate(url, { workers: 2, jobs: 2 * perWorker, runMs, concurrency });
  const schema = `casefile_bench_${randomBytes(4).toString("hex")}`;
  let storm: StormResult;
  try {
    storm = await measureStorm({ anomalies: opts.quick ? 500 : 2000, drainTimeoutMs: 60_000, env: { DATABASE_URL: url, CASEFILE_PG_SCHEMA: schema } });
  } finally {
    await dropSchemas(url, [schema, `${schema}_jobs`, `${schema}_checkpoints`]).catch(() => {});
  }
  return { one, two, ratio: Math.round((two.per_minute / Math.max(one.per_minute, 1)) * 100) / 100, run_ms: runMs, concurrency, storm };
}

/** No PostgreSQL to measure against: a skip, not a failure. */
export class PgUnavailable extends Error {}
