// Shared fixtures for the service tests: a fake investigator, signed requests, a temp config.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { Webhook } from "standardwebhooks";
import type { FastifyBaseLogger } from "fastify";
import type { Investigator, InvestigationResult, RunInput, RunOutcome } from "../graph/types.ts";
import { loadServiceConfig } from "../config/service.ts";
import type { Anomaly } from "../domain/schemas.ts";

export const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
export const silent = pino({ level: "silent" }) as unknown as FastifyBaseLogger;

export function testConfig(extra: Record<string, string> = {}) {
  return loadServiceConfig({
    CASEFILE_HOST: "127.0.0.1",
    CASEFILE_PORT: "0",
    CASEFILE_DATA_DIR: mkdtempSync(join(tmpdir(), "casefile-server-")),
    CASEFILE_WEBHOOK_SECRET: SECRET,
    ...extra,
  });
}

export function anomaly(over: Record<string, unknown> = {}): Anomaly {
  return {
    id: `det-${randomUUID().slice(0, 8)}`,
    actor: "alice.ops@example.com",
    action: "token_create",
    timestamp: "2026-08-20T14:06:31Z",
    source: "cloudflare",
    severity: "high",
    ...over,
  } as Anomaly;
}

export function signed(body: string, opts: { secret?: string; id?: string; at?: Date } = {}) {
  const id = opts.id ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(opts.secret ?? SECRET).sign(id, at, body),
  };
}

export function result(input: { investigationId: string; anomaly: { id: string } }, over: Partial<InvestigationResult> = {}): InvestigationResult {
  return {
    investigation_id: input.investigationId,
    anomaly_id: input.anomaly.id,
    verdict: "likely_malicious",
    confidence: 0.87,
    report_url: "https://example.atlassian.net/wiki/spaces/SEC/pages/123",
    page_id: "123",
    sources: {
      cloudflare: { status: "ok", events: 4, pivot_events: 0, pages: 1, warnings: [], rejected: 0 },
      datadog: { status: "ok", events: 2, pivot_events: 0, pages: 1, warnings: [], rejected: 0 },
    },
    assessment: { verdict: "likely_malicious", confidence: 0.87, rationale: "r", citations: [], techniques: [], indicators: [], engine: "rules", scores: {} },
    report_markdown: "# r",
    report_title: "r",
    prompt_versions: { analyst: "1" },
    models: { analyst: "rules" },
    tokens: { input: 10, output: 5 },
    timings_ms: { gather: 12, analyst: 3 },
    errors: [],
    ...over,
  };
}

/** A controllable investigator: every run waits for `release()` (or `delayMs`), then answers `mode`. */
export class FakeInvestigator implements Investigator {
  runs: RunInput[] = [];
  decisions: { id: string; approve: boolean }[] = [];
  mode: "completed" | "failed" | "throw" | "awaiting_approval" = "completed";
  delayMs = 0;
  private gate?: Promise<void>;
  private open?: () => void;
  private waiters: (() => void)[] = [];

  hold() {
    this.gate = new Promise((r) => (this.open = r));
  }
  release() {
    this.open?.();
    this.gate = undefined;
  }
  /** Resolves once `n` runs have started. */
  started(n: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.runs.length >= n ? resolve() : this.waiters.push(check));
      check();
    });
  }

  async run(input: RunInput): Promise<RunOutcome> {
    this.runs.push(input);
    for (const w of this.waiters.splice(0)) w();
    if (this.gate) await this.gate;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.mode === "throw") throw new Error("graph exploded");
    if (this.mode === "failed") return { status: "failed", error: "Cloudflare answered HTTP 403: grant Account Audit Logs Read to CLOUDFLARE_API_TOKEN" };
    if (this.mode === "awaiting_approval") return { status: "awaiting_approval", result: result(input, { report_url: null }) };
    return { status: "completed", result: result(input) };
  }

  async decide(id: string, d: { approve: boolean }): Promise<RunOutcome> {
    this.decisions.push({ id, approve: d.approve });
    const input = { investigationId: id, anomaly: { id: "x" } };
    return d.approve ? { status: "completed", result: result(input) } : { status: "completed", result: result(input, { report_url: null, page_id: undefined }) };
  }

  async close() {}
}

export const PG_URL = process.env.CASEFILE_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function pgAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}
/** PostgreSQL tests skip only when it is absent and CI is not "true". */
export const hasPg = await pgAvailable();
if (!hasPg && process.env.CI === "true") throw new Error(`PostgreSQL is required under CI=true but ${PG_URL} is unreachable; start it (pg_ctlcluster … main start).`);
if (!hasPg) console.warn(`PostgreSQL at ${PG_URL} is unreachable: PostgreSQL store/queue tests skipped (they run under CI=true).`);
