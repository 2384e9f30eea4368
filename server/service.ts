// Wires store, queue, investigator, notifier and the HTTP app; `startWorker` runs only the queue (PostgreSQL).
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import pino from "pino";
import type { Investigator } from "../graph/types.ts";
import type { EvidenceStore } from "../graph/evidence-store.ts";
import { disableStrayTracing as disableTracing, resolveConfig, type CasefileConfig } from "../config/load.ts";
import { buildApp } from "./app.ts";
import { checkServeSecurity, type ServiceConfig } from "../config/service.ts";
import { Metrics } from "./metrics.ts";
import { Notifier } from "./notify.ts";
import { PgBossQueue, SqliteQueue, type Queue } from "./queue.ts";
import { Runner } from "./runner.ts";
import { PostgresStore, SqliteStore, secureDataDir, withSetupLock, type Store } from "./store/index.ts";

export interface ServiceDeps {
  investigator?: Investigator;
  /** The evidence store of an injected investigator (the review UI reads event records from it by id). */
  evidence?: EvidenceStore;
  logger?: FastifyBaseLogger;
  /** PostgreSQL schemas (tests use unique ones). */
  pgSchema?: string;
  pgBossSchema?: string;
  /** SQLite queue tuning (tests poll faster). */
  pollMs?: number;
  leaseMs?: number;
  /** Run queue workers in this process (default true). */
  workers?: boolean;
  /** The whole configuration (config/load.ts) the default investigator is built from; default: from `config.env`. */
  settings?: CasefileConfig;
}

export interface Service {
  app: FastifyInstance;
  url: string;
  store: Store;
  queue: Queue;
  metrics: Metrics;
  runner: Runner;
  /** drain: wait for running investigations (default); otherwise leave them to resume on the next start. */
  close(opts?: { drain?: boolean }): Promise<void>;
}

/** Logs go to stderr (stdout is for command output such as `investigate --json`). */
export function createLogger(env: Record<string, string | undefined>): FastifyBaseLogger {
  return pino(
    {
      level: env.CASEFILE_LOG_LEVEL?.trim() || "info",
      base: { service: "casefile" },
      redact: { paths: ["req.headers.authorization", "req.headers.cookie", 'req.headers["webhook-signature"]', "secret", "token"], censor: "[redacted]" },
    },
    pino.destination({ dest: 2, sync: true }),
  ) as unknown as FastifyBaseLogger;
}

/** Tracing is off unless CASEFILE_ALLOW_TRACING=1 (config/load.ts, the one place that touches the process's environment). */
export function disableStrayTracing(env: Record<string, string | undefined>, logger?: FastifyBaseLogger): void {
  disableTracing(env, (variable, message) => logger?.warn({ variable }, message));
}

async function defaultInvestigator(config: ServiceConfig, settings: CasefileConfig | undefined): Promise<Investigator & { evidence: EvidenceStore }> {
  const { createInvestigator } = await import("../graph/investigator.ts");
  return createInvestigator({
    config: settings ?? resolveConfig({ env: config.env }),
    dataDir: config.dataDir,
    requireApproval: config.requireApproval,
    setupLock: withSetupLock,
  });
}

/**
 * CASEFILE_PG_SCHEMA (default `casefile`) names the PostgreSQL schema of the investigation records; the job queue
 * lives in `<name>_jobs` and the graph checkpoints in `<name>_checkpoints`, so several deployments (or test runs)
 * can share one database.
 */
export function pgSchemaFromEnv(env: Record<string, string | undefined>): string {
  const raw = env.CASEFILE_PG_SCHEMA?.trim();
  if (!raw) return "casefile";
  if (!/^[a-z_][a-z0-9_]{0,47}$/.test(raw)) {
    throw new Error(`CASEFILE_PG_SCHEMA=${JSON.stringify(raw.slice(0, 80))} is not a usable PostgreSQL schema name; use up to 48 lowercase letters, digits and _ (starting with a letter or _).`);
  }
  return raw;
}

async function openBackends(config: ServiceConfig, deps: ServiceDeps, logger: FastifyBaseLogger) {
  const onError = (err: unknown, investigationId: string) =>
    logger.error({ investigation_id: investigationId || undefined, err: err instanceof Error ? err.message : String(err) }, "queue error");
  if (config.databaseUrl) {
    const base = pgSchemaFromEnv(config.env);
    const store = await PostgresStore.open(config.databaseUrl, deps.pgSchema ?? base);
    try {
      const queue = await PgBossQueue.open(config.databaseUrl, { schema: deps.pgBossSchema ?? `${base}_jobs`, pollingIntervalSeconds: 1, onError });
      return { store, queue };
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  const store = new SqliteStore(config.dataDir);
  if (serveRunsWorkers(config, deps)) reclaimOrphanedJobs(store, logger);
  return { store, queue: new SqliteQueue(store, { pollMs: deps.pollMs, leaseMs: deps.leaseMs, onError }) };
}

/**
 * `serve` runs queue workers itself unless told not to: with PostgreSQL, CASEFILE_SERVE_WORKERS=0 leaves the
 * runs to `casefile worker` processes. On SQLite there are no other workers, so serve always runs them.
 */
export function serveRunsWorkers(config: ServiceConfig, deps: Pick<ServiceDeps, "workers"> = {}): boolean {
  if (deps.workers !== undefined) return deps.workers;
  return !config.databaseUrl || !/^(0|false|no|off)$/i.test(String(config.env.CASEFILE_SERVE_WORKERS ?? "").trim());
}

/**
 * The SQLite store belongs to one `casefile serve` process, so jobs still marked running when it starts were left
 * by a process that died (SIGKILL, OOM, power loss): hand them back at once instead of waiting for their lease to
 * lapse, so the runs resume from their checkpoints right away.
 */
function reclaimOrphanedJobs(store: SqliteStore, logger: FastifyBaseLogger) {
  const n = store.db.prepare(`UPDATE jobs SET state = 'queued', owner = NULL, locked_until = NULL WHERE state = 'running'`).run().changes;
  if (n > 0) logger.warn({ jobs: n }, "investigations left running by a previous process resume from their checkpoints");
}

function makeNotifier(config: ServiceConfig, logger: FastifyBaseLogger): Notifier | undefined {
  if (!config.notifyUrl || !config.notifySecret) return undefined;
  const n = new Notifier({
    url: config.notifyUrl,
    secret: config.notifySecret,
    allowPrivate: config.notifyAllowPrivate,
    onError: (message, type, id) => logger.warn({ investigation_id: id, event: type }, message),
  });
  const refused = n.checkTarget();
  if (refused) logger.warn(refused);
  return n;
}

export async function startService(config: ServiceConfig, deps: ServiceDeps = {}): Promise<Service> {
  const insecure = checkServeSecurity(config); // throws: no open door without an explicit opt-in
  const logger = deps.logger ?? createLogger(config.env);
  if (insecure) {
    logger.warn(insecure);
    process.stderr.write(`\n*** ${insecure} ***\n\n`);
  }
  disableStrayTracing(config.env, logger);
  secureDataDir(config.dataDir);
  const { store, queue } = await openBackends(config, deps, logger);
  let investigator: Investigator | undefined;
  let app: FastifyInstance | undefined;
  const notifier = makeNotifier(config, logger);
  try {
    const own = deps.investigator ? undefined : await defaultInvestigator(config, deps.settings);
    investigator = deps.investigator ?? own!;
    const metrics = new Metrics({ defaults: true });
    let url = "";
    const runner = new Runner({ store, investigator, metrics, notifier, logger, baseUrl: () => config.publicUrl ?? url });
    const evidence = deps.evidence ?? own?.evidence;
    app = await buildApp({ config, store, queue, runner, metrics, logger, ...(evidence ? { evidence } : {}) });
    await app.listen({ host: config.host, port: config.port });
    const addr = app.server.address();
    const port = typeof addr === "object" && addr ? addr.port : config.port;
    const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host.includes(":") ? `[${config.host}]` : config.host;
    url = `http://${host}:${port}`;

    if (serveRunsWorkers(config, deps)) await queue.start(runner.handle, config.concurrency);
    // Runs a previous process left unfinished resume from their checkpoints.
    for (const inv of await store.listUnfinished()) await queue.enqueue(inv.id);

    let closed = false;
    const ownInvestigator = !deps.investigator;
    const inv = investigator;
    const a = app;
    return {
      app: a,
      url,
      store,
      queue,
      metrics,
      runner,
      async close(opts = {}) {
        if (closed) return;
        closed = true;
        await a.close();
        await queue.stop({ drain: opts.drain ?? true });
        await notifier?.close();
        if (ownInvestigator) await inv.close();
        await store.close();
      },
    };
  } catch (e) {
    await app?.close().catch(() => {});
    await queue.stop({ drain: false }).catch(() => {});
    if (investigator && !deps.investigator) await investigator.close().catch(() => {});
    await store.close().catch(() => {});
    throw e;
  }
}

export interface Worker {
  store: Store;
  queue: Queue;
  close(opts?: { drain?: boolean }): Promise<void>;
}

/** `casefile worker`: runs investigations from the shared PostgreSQL queue; several may run side by side. */
export async function startWorker(config: ServiceConfig, deps: ServiceDeps = {}): Promise<Worker> {
  if (!config.databaseUrl) {
    throw new Error("casefile worker needs DATABASE_URL (PostgreSQL): with the built-in SQLite store, `casefile serve` runs the investigations itself.");
  }
  const logger = deps.logger ?? createLogger(config.env);
  disableStrayTracing(config.env, logger);
  secureDataDir(config.dataDir);
  const { store, queue } = await openBackends(config, deps, logger);
  const notifier = makeNotifier(config, logger);
  let investigator: Investigator | undefined;
  try {
    investigator = deps.investigator ?? (await defaultInvestigator(config, deps.settings));
    const runner = new Runner({ store, investigator, metrics: new Metrics(), notifier, logger, baseUrl: () => config.publicUrl ?? "" });
    await queue.start(runner.handle, config.concurrency);
    const inv = investigator;
    let closed = false;
    return {
      store,
      queue,
      async close(opts = {}) {
        if (closed) return;
        closed = true;
        await queue.stop({ drain: opts.drain ?? true });
        await notifier?.close();
        if (!deps.investigator) await inv.close();
        await store.close();
      },
    };
  } catch (e) {
    await queue.stop({ drain: false }).catch(() => {});
    if (investigator && !deps.investigator) await investigator.close().catch(() => {});
    await store.close().catch(() => {});
    throw e;
  }
}
