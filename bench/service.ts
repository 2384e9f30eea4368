// Webhook ingest (autocannon against the real service vs a bare Fastify route answering 202) and the alert
// storm (many anomalies over few actors: every anomaly must land in an investigation, investigations stay few).
import { createRequire } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import Fastify from "fastify";
import pino from "pino";
import { Pool } from "undici";
import { Webhook } from "standardwebhooks";
import type { FastifyBaseLogger } from "fastify";
import { loadServiceConfig } from "../config/service.ts";
import { startService, type Service } from "../server/service.ts";
import type { Investigator, InvestigationResult, RunInput, RunOutcome } from "../graph/types.ts";

// autocannon ships no type declarations: the slice used here.
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; path: string; setupRequest: (req: CannonRequest) => CannonRequest }[];
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Cannon;

export const BENCH_SECRET = `whsec_${randomBytes(24).toString("base64")}`;

/** A signed webhook delivery: unique webhook-id, fresh timestamp, Standard Webhooks signature. */
export function signedDelivery(wh: Webhook, msgId: string, anomaly: Record<string, unknown>): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(anomaly);
  const at = new Date();
  return {
    body,
    headers: {
      "content-type": "application/json",
      "webhook-id": msgId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": wh.sign(msgId, at, body),
    },
  };
}

export function benchAnomaly(i: number, actors: number, tag: string): Record<string, unknown> {
  return {
    id: `${tag}-${i}`,
    actor: `svc-${i % actors}@example.com`,
    action: "token_create",
    timestamp: new Date().toISOString(),
    source: "cloudflare",
    severity: "high",
    detector: "casefile-bench",
  };
}

function result(input: RunInput): InvestigationResult {
  const src = { status: "ok" as const, events: 1, pivot_events: 0, pages: 1, warnings: [], rejected: 0 };
  return {
    investigation_id: input.investigationId,
    anomaly_id: input.anomaly.id,
    verdict: "benign",
    confidence: 0.7,
    report_url: null,
    sources: { cloudflare: src, datadog: src },
    assessment: { verdict: "benign", confidence: 0.7, rationale: "bench", citations: [], techniques: [], indicators: [], engine: "rules", scores: {} },
    report_markdown: "",
    report_title: "bench",
    prompt_versions: {},
    models: {},
    tokens: { input: 0, output: 0 },
    timings_ms: {},
    errors: [],
  };
}

/** An investigator that takes `delayMs` per run (or never finishes) and records what it was asked to run. */
export class BenchInvestigator implements Investigator {
  readonly started = new Set<string>();
  runs = 0;
  constructor(private readonly delayMs: number | "never") {}
  async run(input: RunInput): Promise<RunOutcome> {
    this.runs++;
    this.started.add(input.investigationId);
    if (this.delayMs === "never") await new Promise(() => {});
    else await sleep(this.delayMs);
    return { status: "completed", result: result(input) };
  }
  async decide(): Promise<RunOutcome> {
    return { status: "failed", error: "the benchmark investigator takes no decisions" };
  }
  async close() {}
}

/**
 * The service as deployed (SQLite store, or PostgreSQL with `DATABASE_URL` and `CASEFILE_PG_SCHEMA` in `env`; info
 * logging to a discarded stream), on 127.0.0.1.
 */
async function benchService(investigator: Investigator, workers: boolean, env: Record<string, string> = {}): Promise<{ service: Service; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "casefile-bench-svc-"));
  const config = loadServiceConfig({
    CASEFILE_HOST: "127.0.0.1",
    CASEFILE_PORT: "0",
    CASEFILE_DATA_DIR: dataDir,
    CASEFILE_WEBHOOK_SECRET: BENCH_SECRET,
    CASEFILE_RATE_LIMIT: "1000000",
    CASEFILE_LOG_LEVEL: "info",
    ...env,
  });
  const logger = pino({ level: "info", base: { service: "casefile" } }, pino.destination({ dest: "/dev/null", sync: false })) as unknown as FastifyBaseLogger;
  const service = await startService(config, { investigator, logger, workers, pollMs: 50 });
  return { service, dataDir };
}

export interface WebhookResult {
  rps: number;
  bare_rps: number;
  ratio: number;
  /** Process CPU (all threads, client included) per request: steadier than rps on a loaded machine. */
  cpu_ms_per_req: number;
  bare_cpu_ms_per_req: number;
  /** bare CPU per request ÷ service CPU per request: the rps ratio an idle machine would show */
  cpu_ratio: number;
  p50_ms: number;
  p99_ms: number;
  bare_p50_ms: number;
  bare_p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  connections: number;
  seconds: number;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

export async function measureWebhook(opts: { seconds: number; connections?: number; actors?: number }): Promise<WebhookResult> {
  const connections = opts.connections ?? 10;
  const actors = opts.actors ?? 5000;
  const wh = new Webhook(BENCH_SECRET);
  let n = 0;
  const setupRequest = (req: CannonRequest): CannonRequest => {
    const i = n++;
    const d = signedDelivery(wh, `msg_bench_${i}`, benchAnomaly(i, actors, "wh"));
    return { ...req, headers: d.headers, body: d.body };
  };

  // Bare: the same requests (built and signed the same way) answered 202 by an empty route.
  const bare = Fastify({ logger: false });
  bare.post("/v1/anomalies", async (_req, reply) => reply.code(202).send({ accepted: true }));
  await bare.listen({ host: "127.0.0.1", port: 0 });
  const bareAddr = bare.server.address();
  let bareRes: CannonResult;
  let bareCpu: number;
  try {
    const url = `http://127.0.0.1:${typeof bareAddr === "object" && bareAddr ? bareAddr.port : 0}`;
    const c0 = process.cpuUsage();
    bareRes = await autocannon({ url, connections, duration: opts.seconds, requests: [{ method: "POST", path: "/v1/anomalies", setupRequest }] });
    bareCpu = cpuMs(process.cpuUsage(c0));
  } finally {
    await bare.close();
  }

  const investigator = new BenchInvestigator("never");
  const { service, dataDir } = await benchService(investigator, false);
  let res: CannonResult;
  let cpu: number;
  try {
    const c0 = process.cpuUsage();
    res = await autocannon({ url: service.url, connections, duration: opts.seconds, requests: [{ method: "POST", path: "/v1/anomalies", setupRequest }] });
    cpu = cpuMs(process.cpuUsage(c0));
  } finally {
    await service.close({ drain: false });
    await rm(dataDir, { recursive: true, force: true });
  }
  const rps = res.requests.total / res.duration;
  const bareRps = bareRes.requests.total / bareRes.duration;
  const perReq = Math.max(cpu, 0.001) / Math.max(res.requests.total, 1);
  const barePerReq = Math.max(bareCpu, 0.001) / Math.max(bareRes.requests.total, 1);
  return {
    rps: Math.round(rps),
    bare_rps: Math.round(bareRps),
    ratio: Math.round((rps / bareRps) * 1000) / 1000,
    cpu_ms_per_req: Math.round(perReq * 1000) / 1000,
    bare_cpu_ms_per_req: Math.round(barePerReq * 1000) / 1000,
    cpu_ratio: Math.round((barePerReq / perReq) * 1000) / 1000,
    p50_ms: res.latency.p50,
    p99_ms: res.latency.p99,
    bare_p50_ms: bareRes.latency.p50,
    bare_p99_ms: bareRes.latency.p99,
    requests: res.requests.total,
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
    connections,
    seconds: opts.seconds,
  };
}

export interface StormResult {
  anomalies: number;
  actors: number;
  investigations: number;
  /** investigation rows in the store */
  stored_investigations: number;
  lost: number;
  non2xx: number;
  send_ms: number;
  drained: boolean;
}

/**
 * `anomalies` over `actors`, sent with `concurrency` requests in flight; runs take `runMs` each. On SQLite, or on
 * PostgreSQL with `env` naming `DATABASE_URL` and a fresh `CASEFILE_PG_SCHEMA`.
 */
export async function measureStorm(opts: {
  anomalies: number;
  actors?: number;
  concurrency?: number;
  runMs?: number;
  drainTimeoutMs?: number;
  env?: Record<string, string>;
}): Promise<StormResult> {
  const actors = opts.actors ?? 100;
  const concurrency = opts.concurrency ?? 50;
  const investigator = new BenchInvestigator(opts.runMs ?? 20);
  const { service, dataDir } = await benchService(investigator, true, opts.env);
  const wh = new Webhook(BENCH_SECRET);
  const pool = new Pool(service.url, { connections: concurrency });
  const failed: number[] = [];
  const t0 = performance.now();
  try {
    let next = 0;
    const worker = async () => {
      while (next < opts.anomalies) {
        const i = next++;
        const d = signedDelivery(wh, `msg_storm_${i}`, benchAnomaly(i, actors, "storm"));
        try {
          const r = await pool.request({ method: "POST", path: "/v1/anomalies", headers: d.headers, body: d.body });
          await r.body.dump();
          if (r.statusCode < 200 || r.statusCode >= 300) failed.push(i);
        } catch {
          failed.push(i);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const sendMs = performance.now() - t0;
    // Let the queue finish what the storm started.
    const deadline = Date.now() + (opts.drainTimeoutMs ?? 30_000);
    let drained = false;
    while (Date.now() < deadline) {
      if ((await service.store.listUnfinished()).length === 0) {
        drained = true;
        break;
      }
      await sleep(100);
    }
    let lost = 0;
    for (let i = 0; i < opts.anomalies; i++) if (!(await service.store.getByAnomalyId(`storm-${i}`))) lost++;
    let stored = 0;
    for (let cursor: string | undefined; ; ) {
      const page = await service.store.list({ limit: 200, ...(cursor ? { cursor } : {}) });
      stored += page.items.length;
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    return {
      anomalies: opts.anomalies,
      actors,
      investigations: investigator.started.size,
      stored_investigations: stored,
      lost,
      non2xx: failed.length,
      send_ms: Math.round(sendMs),
      drained,
    };
  } finally {
    await pool.close();
    await service.close({ drain: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}
