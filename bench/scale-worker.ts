// One queue worker process for the scale-out bench (bench/scale.ts): `startWorker`, as `casefile worker` runs it,
// with a fake investigator taking BENCH_RUN_MS per run. Prints "ready" once it takes jobs; SIGTERM stops it.
import pino from "pino";
import type { FastifyBaseLogger } from "fastify";
import { loadServiceConfig } from "../config/service.ts";
import { startWorker } from "../server/service.ts";
import { BenchInvestigator } from "./service.ts";

const env = JSON.parse(process.env.BENCH_WORKER_ENV ?? "{}") as Record<string, string>;
const runMs = Number(process.env.BENCH_RUN_MS ?? 200);
const logger = pino({ level: "warn" }, pino.destination({ dest: 2, sync: false })) as unknown as FastifyBaseLogger;
const worker = await startWorker(loadServiceConfig(env), { investigator: new BenchInvestigator(runMs), logger });
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  void worker.close({ drain: false }).finally(() => process.exit(0));
});
