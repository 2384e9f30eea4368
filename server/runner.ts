// The job handler: store bookkeeping, the investigator run, notifications and metrics around it.
import type { FastifyBaseLogger } from "fastify";
import type { InvestigationResult, Investigator, RunOutcome } from "../graph/types.ts";
import { redactText } from "../report/redact.ts";
import type { Metrics } from "./metrics.ts";
import type { Notifier, NotifyData } from "./notify.ts";
import type { Investigation, Store } from "./store/index.ts";

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

/** Error texts (model and vendor errors may echo keys) are redacted before they are stored, shown or sent. */
const cleanError = (s: string) => redactText(s.slice(0, 2000));
function cleanOutcome(o: RunOutcome): RunOutcome {
  const out = { ...o };
  if (out.error) out.error = cleanError(out.error);
  if (out.result?.errors?.length) out.result = { ...out.result, errors: out.result.errors.map(cleanError) };
  return out;
}

/** Attached anomalies the report does not list yet (all of them when the report does not say). */
function unreported(attached: { id: string }[], result: InvestigationResult | undefined): number {
  const listed = (result?.report as { coalesced?: unknown } | undefined)?.coalesced;
  if (!Array.isArray(listed)) return attached.length;
  const ids = new Set(listed.map((c) => (c as { id?: unknown })?.id));
  return attached.filter((a) => !ids.has(a.id)).length;
}

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
      outcome = await this.amendForAttached(investigationId, outcome, inv.coalesced.length);
    } catch (e) {
      outcome = { status: "failed", error: `investigation run crashed: ${errMsg(e)}` };
    }
    await this.apply(investigationId, outcome, (performance.now() - t0) / 1000);
  };

  /**
   * Anomalies that attached while the run was under way, while it awaited approval, or after it was published (the
   * store queued it again): the report is redrafted with all of them and the same page republished (a new version).
   */
  private async amendForAttached(id: string, outcome: RunOutcome, given: number): Promise<RunOutcome> {
    const { store, investigator, logger } = this.d;
    let seen = -1;
    for (let round = 0; round < 3 && outcome.status === "completed" && investigator.amend; round++) {
      const latest = await store.get(id);
      if (!latest) break;
      const missing = outcome.result?.report === undefined ? Math.max(0, latest.coalesced.length - given) : unreported(latest.coalesced, outcome.result);
      if (missing === 0 || latest.coalesced.length === seen) break;
      seen = given = latest.coalesced.length;
      logger.info({ investigation_id: id, coalesced: given }, "redrafting the report with attached anomalies");
      outcome = await investigator.amend(id, latest.coalesced);
    }
    return outcome;
  }

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
      // Approved: anomalies that attached while it waited are added and the page republished.
      if (decision.approve) outcome = await this.amendForAttached(investigationId, outcome, 0);
    } catch (e) {
      outcome = { status: "failed", error: `resuming after the approval decision failed: ${errMsg(e)}` };
    }
    await this.apply(investigationId, outcome, (performance.now() - t0) / 1000);
    return { ok: true, investigation: (await store.get(investigationId))! };
  }

  private async apply(id: string, raw: RunOutcome, seconds: number) {
    const { store, metrics, logger } = this.d;
    const outcome = cleanOutcome(raw);
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
