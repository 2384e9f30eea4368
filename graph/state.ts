// The investigation state machine's channels. Channels written by the parallel gatherers have reducers;
// limits and attempt counters live here too, so a resumed run continues with the same budget. Every step's
// checkpoint holds all of it, so nothing here grows with the number of events: the events themselves and the
// correlation's timeline are in the evidence store (graph/evidence-store.ts), the state only counts them and
// keeps the ids the report cites.
import { Annotation } from "@langchain/langgraph";
import type { SourceName, SourceStatus } from "../domain/events.ts";
import type { Anomaly, Assessment } from "../domain/schemas.ts";
import type { Correlation } from "../analysis/timeline.ts";
import type { Report } from "../report/model.ts";
import type { Gathered } from "./evidence-store.ts";
import type { ModelOutcome } from "./model-outcome.ts";
import type { AgentRun } from "./nodes/gather-agent.ts";

export interface Window {
  /** ISO start: anomaly.timestamp − 24 h */
  since: string;
  /** ISO end: min(the clock at intake, anomaly.timestamp + the after-window) (graph/window.ts) */
  before: string;
}

export interface Limits {
  /** Model answers with hallucinated citations are retried at most this many times in all. */
  maxAnalystAttempts: number;
  maxEventsPerSource: number;
  /** How long after the flagged time the gatherers read (CASEFILE_AFTER_WINDOW, default 24 h). */
  afterWindowMs?: number;
  /**
   * Pause before publishing until a reviewer approves (CASEFILE_REQUIRE_APPROVAL): always (true), or only when
   * the model disagrees with the rules ("model-override").
   */
  requireApproval: boolean | "model-override";
}

export interface Publication {
  id: string;
  url: string | null;
  version: number;
  title: string;
  created: boolean;
  dry_run?: boolean;
  file?: string;
}

/** What the state keeps of the correlation: the flagged events the report cites and the counts. */
export type CorrelationSummary = Pick<Correlation, "flagged" | "stats">;

export interface Approval {
  status: "not_required" | "pending" | "approved" | "rejected";
  reviewer?: string;
  comment?: string;
}

const append = <T>(a: T[], b: T[] | undefined): T[] => (b && b.length ? a.concat(b) : a);
const merge = <T extends object>(a: T, b: T | undefined): T => (b ? { ...a, ...b } : a);
const sum = (a: { input: number; output: number }, b?: { input: number; output: number }) =>
  b ? { input: a.input + b.input, output: a.output + b.output } : a;

export const InvestigationState = Annotation.Root({
  investigationId: Annotation<string>(),
  anomaly: Annotation<Anomaly>(),
  coalesced: Annotation<Anomaly[]>({ reducer: (_a, b) => b, default: () => [] }),
  window: Annotation<Window | undefined>(),
  limits: Annotation<Limits>({
    reducer: (_a, b) => b,
    default: () => ({ maxAnalystAttempts: 3, maxEventsPerSource: 50_000, requireApproval: false }),
  }),
  /** How many events each gather wrote to the evidence store (both gatherers write in the same super-step). */
  gathered: Annotation<Gathered>({ reducer: merge, default: () => ({}) }),
  sources: Annotation<Partial<Record<SourceName, SourceStatus>>>({ reducer: merge, default: () => ({}) }),
  errors: Annotation<string[]>({ reducer: append, default: () => [] }),
  /** What the gatherer agent asked for and found (graph/nodes/gather-agent.ts), when one is configured. */
  gatherAgent: Annotation<AgentRun | undefined>(),
  /** The correlate node's summary; the whole correlation is in the evidence store (graph/nodes/correlate.ts). */
  correlation: Annotation<CorrelationSummary | undefined>(),
  assessment: Annotation<Assessment | undefined>(),
  /** The rules engine's own assessment, kept beside the model's. */
  rulesAssessment: Annotation<Assessment | undefined>(),
  /** Attempt counters per node (analyst model calls, publish tries). */
  attempts: Annotation<Record<string, number>>({ reducer: merge, default: () => ({}) }),
  /** Pseudonym → original value, for restoring model output. */
  replacements: Annotation<Record<string, string>>({ reducer: merge, default: () => ({}) }),
  /** Writer output: summary and next steps wording (model) — tables always come from state. */
  writerText: Annotation<{ summary?: string; nextSteps?: string[] } | undefined>(),
  /** The report's data model (report/model.ts), built by the writer from state. */
  report: Annotation<Report | undefined>(),
  /**
   * The timeline picture as PNG (base64), rendered by the writer while the model words the summary, for Confluence
   * pages that need a raster image. The SVG and the Markdown are rendered from the report when needed.
   */
  timelinePng: Annotation<string | undefined>(),
  reportTitle: Annotation<string | undefined>(),
  approval: Annotation<Approval>({ reducer: (_a, b) => b, default: () => ({ status: "not_required" }) }),
  publication: Annotation<Publication | undefined>(),
  promptVersions: Annotation<Record<string, string>>({ reducer: merge, default: () => ({}) }),
  models: Annotation<Record<string, string>>({ reducer: merge, default: () => ({}) }),
  /** What each model-backed node did: engine, model, attempts, fallback, rejections, tokens, latency. */
  modelOutcomes: Annotation<Record<string, ModelOutcome>>({ reducer: merge, default: () => ({}) }),
  tokens: Annotation<{ input: number; output: number }>({ reducer: sum, default: () => ({ input: 0, output: 0 }) }),
  timings: Annotation<Record<string, number>>({ reducer: merge, default: () => ({}) }),
});

export type State = typeof InvestigationState.State;
export type Update = typeof InvestigationState.Update;
