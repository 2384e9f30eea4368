// What the outside world (server, CLI, eval runner) sees of one investigation run.
import type { Anomaly, Assessment, Verdict } from "../domain/schemas.ts";
import type { SourceName, SourceStatus } from "../domain/events.ts";
import type { ModelOutcome } from "./model-outcome.ts";
import type { AgentRun } from "./nodes/gather-agent.ts";

export interface InvestigationResult {
  investigation_id: string;
  anomaly_id: string;
  verdict: Verdict;
  confidence: number;
  /** Absolute Confluence page URL; null when publishing was skipped (dry run) or failed. */
  report_url: string | null;
  page_id?: string;
  page_version?: number;
  sources: Record<SourceName, SourceStatus>;
  assessment: Assessment;
  /** The report rendered as Markdown, for the CLI. */
  report_markdown: string;
  report_title: string;
  /** The report's data model (report/model.ts), for the review UI. */
  report?: unknown;
  /** The timeline picture (SVG). */
  timeline_svg?: string;
  prompt_versions: Record<string, string>;
  models: Record<string, string>;
  /** what each model-backed node did: engine, model, host, attempts, fallback, rejections, tokens, latency */
  nodes?: { analyst: ModelOutcome; writer: ModelOutcome; gatherer?: ModelOutcome };
  /** the gatherer agent's calls, results, budget and why it stopped (when CASEFILE_GATHER_MODEL is set) */
  gather_agent?: AgentRun;
  tokens: { input: number; output: number };
  timings_ms: Record<string, number>;
  errors: string[];
}

export type RunStatus = "completed" | "failed" | "awaiting_approval";

export interface RunOutcome {
  status: RunStatus;
  result?: InvestigationResult;
  /** Why it failed: a message that says what to fix. */
  error?: string;
}

export interface RunInput {
  /** Thread id of the checkpointed run. */
  investigationId: string;
  anomaly: Anomaly;
  /** Further anomalies attached to this investigation (alert-storm coalescing). */
  coalesced?: Anomaly[];
}

export interface Investigator {
  /** Start a run, or resume it from its checkpoint when one exists for the id. */
  run(input: RunInput): Promise<RunOutcome>;
  /** Resume a run paused at the approval gate. */
  decide(investigationId: string, decision: { approve: boolean; reviewer?: string; comment?: string }): Promise<RunOutcome>;
  /**
   * Anomalies attached to the investigation after its run started: redraft the report with all of them and
   * publish it again (the same page, next version). Only for a completed run.
   */
  amend?(investigationId: string, coalesced: Anomaly[]): Promise<RunOutcome>;
  /** Release the checkpointer's resources. */
  close(): Promise<void>;
}

export type { Anomaly, SourceName };
