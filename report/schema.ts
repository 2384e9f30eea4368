// The shape of a built report, as one zod schema: the types every renderer reads are inferred from it, and a
// report read back from the store (the review UI) is checked against it before anything renders it.
import { z } from "zod";
import { Anomaly, Indicator, Severity, Verdict } from "../domain/schemas.ts";
import { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";

export const RowFlag = z.enum(["flagged", "indicator", "pivot", "new-ip", "cited"]);
export type RowFlag = z.infer<typeof RowFlag>;

export const TimelineRow = z.object({
  id: z.string(),
  /** "2026-08-20 14:02:11" (UTC) */
  time: z.string(),
  ts: z.number(),
  source: SourceName,
  actor: z.string(),
  action: z.string(),
  resource: z.string(),
  ip: z.string(),
  outcome: AuditEvent.shape.outcome,
  flags: z.array(RowFlag),
});
export type TimelineRow = z.infer<typeof TimelineRow>;

export const TechniqueRef = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** undefined when the id is not a well-formed ATT&CK technique id */
  url: z.string().optional(),
});
export type TechniqueRef = z.infer<typeof TechniqueRef>;

export const ReportIndicator = z.object({
  id: z.string(),
  name: z.string(),
  kind: Indicator.shape.kind,
  severity: Severity,
  detail: z.string(),
  techniques: z.array(TechniqueRef),
  eventIds: z.array(z.string()),
});
export type ReportIndicator = z.infer<typeof ReportIndicator>;

export const DataGap = z.object({ source: SourceName, status: SourceStatus.shape.status, message: z.string() });
export type DataGap = z.infer<typeof DataGap>;

export const EvidenceItem = z.object({
  id: z.string(),
  source: SourceName.optional(),
  time: z.string().optional(),
  action: z.string().optional(),
  /** Pretty JSON of the redacted raw vendor record; undefined when the id is not among the gathered events. */
  json: z.string().optional(),
  truncated: z.boolean(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

const Lane = z.enum(["cloudflare", "datadog", "pivot"]);

/** Pre-binned data for the timeline picture (bounded size whatever the number of events). */
export const ChartData = z.object({
  since: z.number(),
  before: z.number(),
  bins: z.number(),
  lanes: z.array(z.object({ key: Lane, label: z.string(), counts: z.array(z.number()), total: z.number() })),
  /** Indicator events drawn individually (bounded). */
  marks: z.array(z.object({ id: z.string(), ts: z.number(), lane: Lane, label: z.string() })),
  flagged: z.object({ ts: z.number(), label: z.string() }),
});
export type ChartData = z.infer<typeof ChartData>;

export const ReportPivot = z.object({
  source: SourceName,
  kind: z.enum(["address", "credential", "resource", "agent"]),
  key: z.string(),
  label: z.string(),
  queries: z.number(),
  /** Events of other actors found. */
  found: z.number(),
  /** Matches already in the actor's own timeline. */
  own: z.number(),
  note: z.string().optional(),
  /** The first pivot events it found (citable). */
  eventIds: z.array(z.string()),
});
export type ReportPivot = z.infer<typeof ReportPivot>;

export const WeighedEvidence = z.object({
  rule: z.string(),
  why: z.string(),
  /** contribution to the verdict's margin over the runner-up class: positive for, negative against */
  weight: z.number(),
  direction: z.enum(["for", "against"]),
  clearing: z.boolean(),
  ids: z.array(z.string()),
});
export type WeighedEvidence = z.infer<typeof WeighedEvidence>;

export const Report = z.object({
  title: z.string(),
  verdict: Verdict,
  verdictLabel: z.string(),
  /** rules | model: which engine's verdict stands */
  assessmentEngine: z.string(),
  confidence: z.number(),
  /** "0.87" */
  confidenceText: z.string(),
  anomaly: Anomaly,
  investigationId: z.string(),
  window: z.object({ since: z.string(), before: z.string() }),
  summary: z.string(),
  summaryAuthor: z.enum(["template", "model"]),
  /** Always present: what the page falls back to when model text is rejected. */
  templateSummary: z.string(),
  rationale: z.string(),
  /** Model vs rules disagreement, shown beside the rationale. */
  disagreement: z.string().optional(),
  /** The evidence rules weighed for and against the verdict, strongest first, with their learned contributions. */
  weighed: z.array(WeighedEvidence).default([]),
  timeline: z.object({ rows: z.array(TimelineRow), total: z.number(), omitted: z.number(), omittedByAction: z.array(z.tuple([z.string(), z.number()])) }),
  indicators: z.array(ReportIndicator),
  techniques: z.array(TechniqueRef),
  nextSteps: z.array(z.string()),
  nextStepsAuthor: z.enum(["template", "model"]),
  /** Always present: the deterministic next steps. */
  templateNextSteps: z.array(z.string()),
  dataGaps: z.array(DataGap),
  sources: z.array(z.object({ source: SourceName, status: SourceStatus })),
  evidence: z.array(EvidenceItem),
  coalesced: z.array(z.object({ id: z.string(), actor: z.string(), action: z.string(), timestamp: z.string(), severity: z.string().optional() })),
  metadata: z.array(z.tuple([z.string(), z.string()])),
  chart: ChartData,
  /** Notes about model output that was rejected (shown in metadata). */
  writerNotes: z.array(z.string()),
  /** Every pivot the gatherers made: what was looked for and what it found (also nothing), with citable ids. */
  pivots: z.array(ReportPivot).default([]),
  /** Per source, the actor's spellings and vendor ids that were read. */
  identities: z.array(z.object({ source: SourceName, values: z.array(z.string()) })).default([]),
});
export type Report = z.infer<typeof Report>;
