// The one data model behind every rendering of an investigation report (Confluence page, HTML view, markdown,
// SVG): buildReport derives a Report (its shape: report/schema.ts) from state, and the page title is built here once.
// Model wording (writer) is accepted only for the summary and the wording of next steps, after checks. Vendor
// strings stay plain strings: renderers escape them (report/escape.ts).
import { createHash } from "node:crypto";
import type { Anomaly, Assessment, Verdict } from "../domain/schemas.ts";
import type { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";
import { SOURCE_LABEL, VERDICT_LABEL, techniqueRef } from "./labels.ts";
import { nextStepsFor } from "./next-steps.ts";
import { redactText } from "./redact.ts";
import type { Report, ReportIndicator } from "./schema.ts";
import { buildChart, buildDataGaps, buildEvidence, buildTimeline, byTime, reportPivots } from "./sections.ts";
import { cut, oneLine, utc } from "./text.ts";

export type { ChartData, DataGap, EvidenceItem, Report, ReportIndicator, ReportPivot, RowFlag, TechniqueRef, TimelineRow, WeighedEvidence } from "./schema.ts";

export interface ReportInput {
  anomaly: Anomaly;
  investigationId: string;
  window: { since: string; before: string };
  /** The actor's events + pivot events (pivot: true). */
  events: AuditEvent[];
  assessment: Assessment;
  /** The event(s) matching the flagged anomaly. */
  flaggedEventIds: string[];
  sources: Record<"cloudflare" | "datadog", SourceStatus>;
  /** Other anomalies attached to this investigation. */
  coalesced?: Anomaly[];
  /** node → version, e.g. { analyst: "analyst@1.0.0" } */
  promptVersions: Record<string, string>;
  /** node → model name or "rules" / "template" */
  models: Record<string, string>;
  /** one line per model-backed node: what the model did (graph/model-outcome.ts describeOutcome) */
  modelOutcomes?: Record<string, string>;
  casefileVersion: string;
  generatedAt: string;
  /** The LLM writer's wording, when a model is configured. */
  writer?: { summary?: string; nextSteps?: string[] };
}

// ---------- title ----------

const MAX_TITLE = 255;

function shortHash(s: string): string {
  return createHash("sha256").update(s).digest("hex").slice(0, 8);
}

/** The idempotent page title; always ends with the anomaly id (or a hash of a long id), never cut. */
export function buildTitle(verdict: Verdict, anomaly: Anomaly): string {
  const day = new Date(anomaly.timestamp).toISOString().slice(0, 10);
  const idPart = anomaly.id.length <= 40 ? anomaly.id : `${anomaly.id.slice(0, 24)}~${shortHash(anomaly.id)}`;
  const compose = (actor: string, action: string) => `[casefile] ${verdict} · ${actor} · ${action} · ${day} UTC · ${idPart}`;
  let actor = oneLine(anomaly.actor, 320);
  let action = oneLine(anomaly.action, 200);
  const room = MAX_TITLE - compose("", "").length;
  if (actor.length + action.length > room) {
    const half = Math.floor(room / 2);
    if (actor.length > half && action.length > room - half) {
      actor = cut(actor, half);
      action = cut(action, room - half);
    } else if (actor.length > half) actor = cut(actor, room - action.length);
    else action = cut(action, room - actor.length);
  }
  return compose(actor, action);
}

/** Verdict words a text may contain; model text naming another verdict than the assessment's is rejected. */
const VERDICT_TERMS: Record<Verdict, RegExp> = {
  likely_malicious: /\b(likely[\s_-]+)?malicious\b/i,
  misconfiguration: /\bmis-?configur(ation|ed)\b/i,
  benign: /\bbenign\b/i,
  inconclusive: /\binconclusive\b/i,
};

/** True when `s` names a verdict other than `verdict`. */
export function claimsOtherVerdict(s: string, verdict: Verdict): boolean {
  return (Object.keys(VERDICT_TERMS) as Verdict[]).some((v) => v !== verdict && VERDICT_TERMS[v].test(s));
}

export const WRITER_LIMITS = { summary: 1500, step: 300, steps: 10 } as const;

/** Checks the writer's text; returns what can be used and notes on what was rejected. */
export function acceptWriter(
  writer: ReportInput["writer"],
  verdict: Verdict,
  template?: { summary: string; nextSteps: string[] },
): { summary?: string; nextSteps?: string[]; notes: string[] } {
  const notes: string[] = [];
  if (!writer) return { notes };
  let summary: string | undefined;
  if (typeof writer.summary === "string" && writer.summary.trim()) {
    const s = oneLine(writer.summary, WRITER_LIMITS.summary);
    if (claimsOtherVerdict(s, verdict)) notes.push("model summary named a different verdict; template summary used");
    else if (s !== template?.summary) summary = s;
  }
  let nextSteps: string[] | undefined;
  if (Array.isArray(writer.nextSteps) && writer.nextSteps.length) {
    const steps = writer.nextSteps
      .filter((x): x is string => typeof x === "string")
      .map((x) => oneLine(x, WRITER_LIMITS.step))
      .filter(Boolean)
      .slice(0, WRITER_LIMITS.steps);
    if (steps.some((x) => claimsOtherVerdict(x, verdict))) notes.push("model next steps named a different verdict; template steps used");
    else if (steps.length && JSON.stringify(steps) !== JSON.stringify(template?.nextSteps)) nextSteps = steps;
  }
  return { summary, nextSteps, notes };
}

// ---------- build ----------

export function buildReport(input: ReportInput): Report {
  const { anomaly, assessment } = input;
  const verdict = assessment.verdict;
  const events = [...input.events].sort(byTime);
  const byId = new Map<string, AuditEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  // A change merged from Cloudflare v1 and v2 can be cited by either id.
  for (const e of events) for (const t of e.twin_ids ?? []) if (!byId.has(t)) byId.set(t, e);

  const flagged = new Set(input.flaggedEventIds);
  const cited = new Set(assessment.citations);
  const indicatorIds = new Set<string>();
  for (const ind of assessment.indicators) if (ind.kind === "attack" || ind.kind === "misconfig") for (const id of ind.event_ids) indicatorIds.add(id);

  const timeline = buildTimeline(events, { flagged, cited, indicatorIds }, Date.parse(anomaly.timestamp));

  // Indicators and techniques
  const indicators: ReportIndicator[] = assessment.indicators.map((ind) => ({
    id: oneLine(ind.id, 120),
    name: oneLine(ind.name, 200),
    kind: ind.kind,
    severity: ind.severity,
    detail: oneLine(redactText(ind.detail), 1000),
    techniques: ind.techniques.map(techniqueRef),
    eventIds: ind.event_ids,
  }));
  const techIds = [...new Set([...assessment.techniques, ...assessment.indicators.flatMap((i) => i.techniques)].map((t) => t.trim()))];
  const techniques = techIds.map(techniqueRef);

  // Data gaps
  const sourcesList = (Object.keys(input.sources) as SourceName[]).sort().map((source) => ({ source, status: input.sources[source] }));
  const dataGaps = buildDataGaps(sourcesList);

  // Evidence: cited, indicator and flagged events, in time order; unknown ids listed as such.
  const evidenceIds = [...new Set([...input.flaggedEventIds, ...assessment.citations, ...assessment.indicators.flatMap((i) => i.event_ids)])];
  const evidence = buildEvidence(evidenceIds, byId);

  // Steps: events driving the verdict (cited + indicator events; the flagged events when none)
  const driverIds = new Set([...assessment.citations, ...indicatorIds]);
  let drivers = events.filter((e) => driverIds.has(e.id) && !e.pivot);
  if (!drivers.length) drivers = events.filter((e) => flagged.has(e.id));
  const templateSteps = nextStepsFor(input, drivers);

  // Summary
  const own = events.filter((e) => !e.pivot);
  const count = (s: SourceName) => own.filter((e) => e.source === s).length;
  const pivots = events.length - own.length;
  const attackish = indicators.filter((i) => i.kind === "attack" || i.kind === "misconfig");
  const sentences: string[] = [];
  sentences.push(
    `${oneLine(anomaly.detector ?? "A detector", 120)} flagged ${oneLine(anomaly.action, 120)} by ${oneLine(anomaly.actor, 200)} at ${utc(anomaly.timestamp)} UTC${anomaly.severity ? ` (severity ${anomaly.severity})` : ""}.`,
  );
  sentences.push(
    `In the window ${utc(input.window.since)} – ${utc(input.window.before)} UTC the actor has ${count("cloudflare")} Cloudflare and ${count("datadog")} Datadog events${pivots ? `, plus ${pivots} event${pivots > 1 ? "s" : ""} of other actors found by pivots on its addresses, credentials and resources` : ""}; ${
      attackish.length
        ? `${attackish.length} indicator${attackish.length > 1 ? "s" : ""} stand${attackish.length > 1 ? "" : "s"} out: ${attackish.slice(0, 3).map((i) => i.name).join("; ")}${attackish.length > 3 ? "; …" : ""}`
        : "no attack or misconfiguration indicator stands out"
    }.`,
  );
  const rationale = oneLine(redactText(assessment.rationale), 2000);
  sentences.push(`The verdict is ${VERDICT_LABEL[verdict].toLowerCase()} with confidence ${assessment.confidence.toFixed(2)} (${assessment.engine} engine)${rationale ? `: ${cut(rationale, 300)}` : ""}${/[.!?]$/.test(cut(rationale, 300)) ? "" : "."}`);
  if (assessment.disagreement) sentences.push(`The model and the rules engine disagree: ${cut(oneLine(assessment.disagreement, 300), 300)}${assessment.rules_verdict ? ` (rules verdict: ${assessment.rules_verdict})` : ""}.`);
  sentences.push(dataGaps.length ? `Data gaps: ${dataGaps.map((g) => `${SOURCE_LABEL[g.source]} ${g.status}`).join(", ")} — the verdict may rest on incomplete data.` : "Both sources returned complete data for the window.");
  const templateSummary = sentences.join(" ");

  const accepted = acceptWriter(input.writer, verdict, { summary: templateSummary, nextSteps: templateSteps });

  // Chart: bounded bins per lane + individual indicator marks, over the span that has events (and the flagged time)
  const chart = buildChart(events, { flagged, cited, indicatorIds }, anomaly, input.window);

  const metadata: [string, string][] = [
    ["Anomaly id", anomaly.id],
    ["Investigation id", input.investigationId],
    ["Window (UTC)", `${utc(input.window.since)} – ${utc(input.window.before)}`],
    ["Verdict engine", assessment.engine],
  ];
  if (assessment.rules_verdict) metadata.push(["Rules verdict", assessment.rules_verdict]);
  if (assessment.disagreement) metadata.push(["Model / rules disagreement", oneLine(assessment.disagreement, 1000)]);
  const scores = Object.entries(assessment.scores ?? {});
  if (scores.length) metadata.push(["Rules scores", scores.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")]);
  for (const [node, v] of Object.entries(input.promptVersions).sort()) metadata.push([`Prompt (${node})`, v]);
  for (const [node, v] of Object.entries(input.models).sort()) metadata.push([`Model (${node})`, v]);
  for (const [node, v] of Object.entries(input.modelOutcomes ?? {}).sort()) metadata.push([`Model outcome (${node})`, v]);
  metadata.push(["Summary written by", accepted.summary ? "model" : "template"]);
  metadata.push(["Next steps written by", accepted.nextSteps ? "model" : "template"]);
  for (const n of accepted.notes) metadata.push(["Writer check", n]);
  for (const { source, status } of sourcesList) {
    metadata.push([
      `Source ${SOURCE_LABEL[source]}`,
      `${status.status}; ${status.events} events, ${status.pivot_events ?? 0} pivot events, ${status.pages ?? 0} pages${status.api ? `, ${status.api}` : ""}${status.duration_ms !== undefined ? `, ${Math.round(status.duration_ms)} ms` : ""}`,
    ]);
  }
  for (const { source, status } of sourcesList) {
    if (status.identities?.length) metadata.push([`Identities read (${SOURCE_LABEL[source]})`, oneLine(status.identities.join(", "), 1000)]);
    if (status.merged_twins) metadata.push([`Data note (${SOURCE_LABEL[source]})`, `${status.merged_twins} change(s) recorded by both audit log v1 and v2 shown once; both ids are kept and either can be cited`]);
  }
  if (assessment.weights_version) metadata.push(["Evidence weights", oneLine(assessment.weights_version, 80)]);
  metadata.push(["casefile version", input.casefileVersion]);
  metadata.push(["Generated at", input.generatedAt]);

  return {
    title: buildTitle(verdict, anomaly),
    verdict,
    verdictLabel: VERDICT_LABEL[verdict],
    confidence: assessment.confidence,
    confidenceText: assessment.confidence.toFixed(2),
    anomaly,
    investigationId: input.investigationId,
    window: input.window,
    summary: accepted.summary ?? templateSummary,
    summaryAuthor: accepted.summary ? "model" : "template",
    templateSummary,
    rationale,
    assessmentEngine: assessment.engine,
    disagreement: assessment.disagreement
      ? `${oneLine(assessment.disagreement, 1000)}${assessment.rules_verdict ? ` (rules verdict: ${assessment.rules_verdict})` : ""}`
      : undefined,
    weighed: (assessment.evidence ?? []).slice(0, 12).map((e) => ({
      rule: oneLine(e.rule, 80),
      why: oneLine(e.why, 300),
      weight: e.weight,
      direction: e.weight >= 0 ? ("for" as const) : ("against" as const),
      clearing: e.clearing,
      ids: e.ids.slice(0, 5).map((id) => oneLine(id, 120)),
    })),
    timeline,
    indicators,
    techniques,
    nextSteps: accepted.nextSteps ?? templateSteps,
    nextStepsAuthor: accepted.nextSteps ? "model" : "template",
    templateNextSteps: templateSteps,
    dataGaps,
    sources: sourcesList,
    evidence,
    coalesced: (input.coalesced ?? []).map((a) => ({
      id: a.id,
      actor: oneLine(a.actor, 200),
      action: oneLine(a.action, 200),
      timestamp: a.timestamp,
      severity: a.severity,
    })),
    metadata,
    chart,
    writerNotes: accepted.notes,
    pivots: reportPivots(sourcesList, events),
    identities: sourcesList.filter(({ status }) => status.identities?.length).map(({ source, status }) => ({ source, values: status.identities!.map((v) => oneLine(v, 200)) })),
  };
}
