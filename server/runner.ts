// The job handler: store bookkeeping, the investigator run, notifications and metrics around it.
import type { FastifyBaseLogger } from "fastify";
import type { Investigator, RunOutcome } from "../graph/types.ts";
import type { Metrics } from "./metrics.ts";
import type { Notifier, NotifyData } from "./notify.ts";
import type { Investigation, Store } from "./store.ts";

export interface RunnerDeps {
  store: Store;
  investigator: Investigator;
  metrics: Metrics;
  notifier?: Notifier;
  logger: FastifyBaseLogger;
  /** Absolute base for status links in notifications, e.g. CASEFILE_PUBLIC_URL or the listening URL. */
  baseUrl: () => string;
}

export type DecideOutcome = { ok: true; investigation: Investigation } | { ok: false; reason: "not_found" | "not_awaiting"; status?: string };

const errMsg = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 2000);

export class Runner {
  constructor(private readonly d: RunnerDeps) {}

  private note(inv: Investigation, type: Parameters<Notifier["send"]>[0], extra: Partial<NotifyData> = {}) {
    this.d.notifier?.send(type, {
      investigation_id: inv.id,
      anomaly_id: inv.anomaly_id,
      status: inv.status,
      verdict: inv.verdict,
      confidence: inv.confidence,
      report_url: inv.report_url,
      status_url: `${this.d.baseUrl()}/v1/investigations/${inv.id}`,
      ...extra,
    });
  }

  /** Queue handler: runs (or resumes) one investigation. Throws only when the store itself fails. */
  handle = async (investigationId: string): Promise<void> => {
    const { store, investigator, logger } = this.d;
    const log = logger.child({ investigation_id: investigationId });
    const before = await store.get(investigationId);
    if (!before) return log.warn("job for an unknown investigation skipped");
    if (before.status !== "queued" && before.status !== "running") return; // finished or waiting for a reviewer
    const inv = (await store.markRunning(investigationId))!;
    if (inv.attempts === 1) this.note(inv, "investigation.started");
    log.info({ attempt: inv.attempts, coalesced: inv.coalesced.length }, "investigation run started");
    const t0 = performance.now();
    let outcome: RunOutcome;
    try {
      outcome = await investigator.run({ investigationId, anomaly: inv.anomaly, coalesced: inv.coalesced });
      // Anomalies that attached while the run was under way: the report lists them all.
      let given = inv.coalesced.length;
      for (let round = 0; round < 3 && outcome.status === "completed" && investigator.amend; round++) {
        const latest = await store.get(investigationId);
        if (!latest || latest.coalesced.length <= given) break;
        given = latest.coalesced.length;
        log.info({ coalesced: given }, "redrafting the report with anomalies attached during the run");
        outcome = await investigator.amend(investigationId, latest.coalesced);
      }
    } catch (e) {
      outcome = { status: "failed", error: `investigation run crashed: ${errMsg(e)}` };
    }
    await this.apply(investigationId, outcome, (performance.now() - t0) / 1000);
  };

  /** Approve or reject a run paused at the approval gate. */
  async decide(investigationId: string, decision: { approve: boolean; reviewer?: string; comment?: string }): Promise<DecideOutcome> {
    const { store, investigator } = this.d;
    const inv = await store.get(investigationId);
    if (!inv) return { ok: false, reason: "not_found" };
    if (!(await store.claimDecision(investigationId))) return { ok: false, reason: "not_awaiting", status: inv.status };
    this.d.logger.info({ investigation_id: investigationId, approve: decision.approve }, "approval decision");
    const t0 = performance.now();
    let outcome: RunOutcome;
    try {
      outcome = await investigator.decide(investigationId, decision);
    } catch (e) {
      outcome = { status: "failed", error: `resuming after the approval decision failed: ${errMsg(e)}` };
    }
    await this.apply(investigationId, outcome, (performance.now() - t0) / 1000);
    return { ok: true, investigation: (await store.get(investigationId))! };
  }

  private async apply(id: string, outcome: RunOutcome, seconds: number) {
    const { store, metrics, logger } = this.d;
    const log = logger.child({ investigation_id: id });
    if (outcome.status === "awaiting_approval") {
      await store.markAwaiting(id, outcome.result);
    } else if (outcome.status === "completed" && outcome.result) {
      await store.markFinished(id, { result: outcome.result });
    } else {
      const error = outcome.error ?? (outcome.status === "completed" ? "run completed without a result" : "run failed without a reason");
      await store.markFinished(id, outcome.result ? { error, result: outcome.result } : { error });
    }
    metrics.recordRun(outcome.status, outcome.result, seconds);
    const inv = (await store.get(id))!;
    log.info({ status: inv.status, verdict: inv.verdict, confidence: inv.confidence, seconds: Math.round(seconds * 1000) / 1000 }, "investigation run ended");
    if (inv.status === "failed") log.warn({ error: outcome.error }, "investigation failed");
    const type =
      inv.status === "awaiting_approval" ? "investigation.awaiting_approval" : inv.status === "failed" ? "investigation.failed" : "investigation.completed";
    this.note(inv, type, inv.status === "failed" && outcome.error ? { error: outcome.error } : {});
  }
}
