// The sections of a report built from the gathered events: the timeline rows, the data gaps, the evidence
// appendix, the pre-binned chart and the pivots. buildReport (model.ts) puts them together with the verdict.
import type { Anomaly } from "../domain/schemas.ts";
import type { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";
import { redactText, redactValue } from "./redact.ts";
import type { ChartData, DataGap, EvidenceItem, Report, ReportPivot, RowFlag, TimelineRow } from "./schema.ts";
import { actorOf, cut, fmtValue, oneLine, utc } from "./text.ts";

export const MAX_ROUTINE_ROWS = 200;
const MAX_EVIDENCE = 100;
const MAX_EVIDENCE_JSON = 20_000;
const CHART_BINS = 240;
const MAX_MARKS = 400;

/** The event ids that mark a row: the flagged event(s), the assessment's citations, the indicator events. */
export interface RowMarks {
  flagged: Set<string>;
  cited: Set<string>;
  indicatorIds: Set<string>;
}

function describeResource(e: AuditEvent): string {
  const r = e.resource;
  const main = r.name ?? r.id ?? "";
  const parts: string[] = [];
  if (r.type) parts.push(main ? `${r.type} ${main}` : r.type);
  else if (main) parts.push(main);
  if (r.scope && r.scope !== main) parts.push(`(${r.scope})`);
  let out = parts.join(" ");
  if (e.change && (e.change.setting || e.change.old !== undefined || e.change.new !== undefined)) {
    const change = `${e.change.setting ?? "value"}: ${fmtValue(e.change.old)} → ${fmtValue(e.change.new)}`;
    out = out ? `${out}; ${change}` : change;
  }
  return oneLine(redactText(out), 300);
}

const MAX_PIVOT_IDS = 10;

/** The pivots of every source, each with the first events it found. */
export function reportPivots(sources: { source: SourceName; status: SourceStatus }[], events: AuditEvent[]): ReportPivot[] {
  const out: ReportPivot[] = [];
  for (const { source, status } of sources) {
    for (const p of status.pivots ?? []) {
      const ids = events.filter((e) => e.pivot && e.source === source && e.pivot_kind === p.kind && e.pivot_key === p.key).slice(0, MAX_PIVOT_IDS).map((e) => e.id);
      out.push({ source, kind: p.kind, key: oneLine(p.key, 200), label: oneLine(redactText(p.label), 300), queries: p.queries, found: p.found, own: p.own ?? 0, ...(p.note ? { note: oneLine(p.note, 300) } : {}), eventIds: ids });
    }
  }
  return out;
}

/**
 * The picture's time span: from the first to the last event (the flagged time included), padded by 5 % (at least
 * five minutes) on each side and kept inside the window, so a day of activity is not squashed into a sliver.
 */
export function chartSpan(events: AuditEvent[], flaggedTs: number, windowSince: number, windowBefore: number): { since: number; before: number } {
  let lo = Number.isFinite(flaggedTs) ? flaggedTs : windowSince;
  let hi = Number.isFinite(flaggedTs) ? flaggedTs : windowBefore;
  for (const e of events) {
    if (e.ts < lo) lo = e.ts;
    if (e.ts > hi) hi = e.ts;
  }
  const pad = Math.max(5 * 60_000, (hi - lo) * 0.05);
  const since = Math.max(windowSince, lo - pad);
  const before = Math.min(windowBefore, hi + pad);
  return before > since ? { since, before } : { since: windowSince, before: windowBefore };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Time order; ties by source and id, so every rendering lists events the same way. */
export const byTime = (a: AuditEvent, b: AuditEvent) => a.ts - b.ts || cmp(a.source, b.source) || cmp(a.id, b.id);

/** Every flagged / indicator / pivot / new-IP / cited row, and the routine rows nearest the flagged time. */
export function buildTimeline(events: AuditEvent[], marks: RowMarks, anomalyTs: number): Report["timeline"] {
  const { flagged, cited, indicatorIds } = marks;
  // new-IP: first appearance of an address after the actor was already seen from another one in the window
  const newIp = new Set<string>();
  const seenIps = new Set<string>();
  for (const e of events) {
    if (e.pivot || !e.ip) continue;
    if (!seenIps.has(e.ip)) {
      if (seenIps.size > 0) newIp.add(e.id);
      seenIps.add(e.ip);
    }
  }

  const rowOf = (e: AuditEvent): TimelineRow => {
    const flags: RowFlag[] = [];
    if (flagged.has(e.id)) flags.push("flagged");
    if (indicatorIds.has(e.id)) flags.push("indicator");
    if (e.pivot) flags.push("pivot");
    if (newIp.has(e.id)) flags.push("new-ip");
    if (cited.has(e.id)) flags.push("cited");
    return {
      id: e.id,
      time: utc(e.ts),
      ts: e.ts,
      source: e.source,
      actor: oneLine(actorOf(e), 200),
      action: oneLine(e.action, 200),
      resource: describeResource(e),
      ip: oneLine(e.ip ?? "", 64),
      outcome: e.outcome,
      flags,
    };
  };

  const important: AuditEvent[] = [];
  const routine: AuditEvent[] = [];
  for (const e of events) {
    if (flagged.has(e.id) || indicatorIds.has(e.id) || e.pivot || newIp.has(e.id) || cited.has(e.id)) important.push(e);
    else routine.push(e);
  }
  const keptRoutine = routine.length <= MAX_ROUTINE_ROWS ? routine : [...routine].sort((a, b) => Math.abs(a.ts - anomalyTs) - Math.abs(b.ts - anomalyTs)).slice(0, MAX_ROUTINE_ROWS);
  const keptSet = new Set(keptRoutine);
  const omittedCounts = new Map<string, number>();
  for (const e of routine) if (!keptSet.has(e)) omittedCounts.set(e.action, (omittedCounts.get(e.action) ?? 0) + 1);
  const shown = [...important, ...keptRoutine].sort(byTime);
  return {
    rows: shown.map(rowOf),
    total: events.length,
    omitted: routine.length - keptRoutine.length,
    omittedByAction: [...omittedCounts.entries()].map(([a, n]): [string, number] => [oneLine(a, 120), n]).sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])),
  };
}

export function buildDataGaps(sourcesList: { source: SourceName; status: SourceStatus }[]): DataGap[] {
  const dataGaps: DataGap[] = [];
  for (const { source, status } of sourcesList) {
    const bits: string[] = [];
    if (status.error) bits.push(oneLine(redactText(status.error), 500));
    for (const w of status.warnings ?? []) bits.push(oneLine(redactText(w), 300));
    if (status.rejected) bits.push(`${status.rejected} record(s) failed validation and were skipped`);
    if (status.status !== "ok" || bits.length) {
      const what =
        status.status === "failed" ? "no data could be fetched"
        : status.status === "partial" ? "only part of the window was fetched"
        : status.status === "truncated" ? "results were cut at the fetch limit"
        : status.status === "skipped" ? "the source was not queried"
        : status.status === "pending" ? "the fetch did not finish"
        : "complete, with warnings";
      dataGaps.push({ source, status: status.status, message: [what, ...bits].join(" — ") });
    }
  }
  return dataGaps;
}

/** Cited, indicator and flagged events, in time order; unknown ids listed as such. */
export function buildEvidence(evidenceIds: string[], byId: Map<string, AuditEvent>): EvidenceItem[] {
  return evidenceIds
    .map((id): EvidenceItem => {
      const e = byId.get(id);
      if (!e) return { id, truncated: false };
      let json: string;
      try {
        // Angle brackets and ampersands as JSON escapes: still the same JSON, and no markup-looking text from a
        // vendor reaches any rendering, even inside CDATA or <pre>.
        json = (JSON.stringify(redactValue(e.raw ?? null), null, 2) ?? "null").replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      } catch {
        json = '"(raw record could not be serialised)"';
      }
      const truncated = json.length > MAX_EVIDENCE_JSON;
      return { id, source: e.source, time: utc(e.ts), action: oneLine(e.action, 200), json: truncated ? `${cut(json, MAX_EVIDENCE_JSON)}\n… (cut at ${MAX_EVIDENCE_JSON} characters)` : json, truncated };
    })
    .sort((a, b) => (byId.get(a.id)?.ts ?? Infinity) - (byId.get(b.id)?.ts ?? Infinity))
    .slice(0, MAX_EVIDENCE);
}

/** Bounded bins per lane + individual indicator marks, over the span that has events (and the flagged time). */
export function buildChart(events: AuditEvent[], rowMarks: RowMarks, anomaly: Anomaly, window: { since: string; before: string }): ChartData {
  const { flagged, indicatorIds } = rowMarks;
  const anomalyTs = Date.parse(anomaly.timestamp);
  const { since, before } = chartSpan(events, anomalyTs, Date.parse(window.since), Date.parse(window.before));
  const span = Math.max(1, before - since);
  const lanes: ChartData["lanes"] = [
    { key: "cloudflare", label: "Cloudflare", counts: new Array<number>(CHART_BINS).fill(0), total: 0 },
    { key: "datadog", label: "Datadog", counts: new Array<number>(CHART_BINS).fill(0), total: 0 },
    { key: "pivot", label: "Other actors (pivot)", counts: new Array<number>(CHART_BINS).fill(0), total: 0 },
  ];
  const laneIndex = (e: AuditEvent) => (e.pivot ? 2 : e.source === "cloudflare" ? 0 : 1);
  const marks: ChartData["marks"] = [];
  for (const e of events) {
    const lane = lanes[laneIndex(e)]!;
    const b = Math.min(CHART_BINS - 1, Math.max(0, Math.floor(((e.ts - since) / span) * CHART_BINS)));
    lane.counts[b] = (lane.counts[b] ?? 0) + 1;
    lane.total++;
    if (indicatorIds.has(e.id) && marks.length < MAX_MARKS) marks.push({ id: e.id, ts: e.ts, lane: lane.key, label: oneLine(e.action, 80) });
  }
  const flaggedEvents = events.filter((e) => flagged.has(e.id));
  return {
    since,
    before,
    bins: CHART_BINS,
    lanes,
    marks,
    flagged: { ts: flaggedEvents[0]?.ts ?? anomalyTs, label: oneLine(anomaly.action, 60) },
  };
}
