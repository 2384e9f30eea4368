// correlate: one deduplicated, ordered, sessionised cross-source timeline with the actor's baseline.
// The whole correlation goes to the evidence store (it grows with the events: timeline, sessions, baseline),
// referring to its events by key since they are stored already; the state keeps only the flagged events and
// the counts. The analyst reads it back with readCorrelation.
import { correlate, type Correlation } from "../../analysis/timeline.ts";
import type { AuditEvent } from "../../domain/events.ts";
import type { CorrelationSummary, State, Update } from "../state.ts";
import { filterEvents } from "../../config/filters.ts";
import type { Filters } from "../../config/schema.ts";
import type { SourceName, SourceStatus } from "../../domain/events.ts";
import { loadEvents, type EvidenceStore } from "../evidence-store.ts";

function filterEventsExcept(events: AuditEvent[], filters: Filters, keep: (e: AuditEvent) => boolean) {
  return filterEvents(events, filters, new Set(events.filter(keep).map((e) => e.id)));
}

/** Each source's status with a warning per event filter that took events from it (the report's data gaps). */
function droppedWarnings(state: State, dropped: { name: string; count: number; reason?: string; source: SourceName }[]): Partial<Record<SourceName, SourceStatus>> {
  const out: Partial<Record<SourceName, SourceStatus>> = {};
  for (const d of dropped) {
    const base = out[d.source] ?? state.sources[d.source];
    if (!base) continue;
    out[d.source] = { ...base, warnings: [...base.warnings, `${d.count} event(s) left out of the analysis by the event filter "${d.name}"${d.reason ? ` (${d.reason})` : ""} — configuration filters.events`] };
  }
  return out;
}

/** The correlation as stored: its events by key (source:id), the events themselves being stored already. */
export type StoredCorrelation = Omit<Correlation, "events" | "pivot_events"> & { event_keys: string[]; pivot_keys: string[] };

const BATCH = "correlation";
const keyOf = (e: AuditEvent) => `${e.source}:${e.id}`;

export function storeCorrelation(c: Correlation): StoredCorrelation {
  const { events, pivot_events, ...rest } = c;
  return { ...rest, event_keys: events.map(keyOf), pivot_keys: pivot_events.map(keyOf) };
}

export function loadCorrelation(stored: StoredCorrelation, events: AuditEvent[]): Correlation {
  const byKey = new Map<string, AuditEvent>();
  for (const e of events) byKey.set(keyOf(e), e);
  const pick = (keys: string[]) => keys.map((k) => byKey.get(k)).filter((e): e is AuditEvent => e !== undefined);
  const { event_keys, pivot_keys, ...rest } = stored;
  return { ...rest, events: pick(event_keys), pivot_events: pick(pivot_keys) };
}

/** The correlate node's correlation and every gathered event, read back from the evidence store. */
export async function readCorrelation(store: EvidenceStore, state: State): Promise<{ correlation: Correlation; events: AuditEvent[] }> {
  const [stored] = (await store.getBatch(state.investigationId, BATCH)) as StoredCorrelation[];
  if (!stored) throw new Error(`the evidence store has no correlation for investigation ${state.investigationId} although its checkpoint is past the correlate node; start the investigation again under a new id.`);
  const events = await loadEvents(store, state.investigationId, state.gathered);
  return { correlation: loadCorrelation(stored, events), events };
}

export function createCorrelateNode(evidence: EvidenceStore, filters?: Filters) {
  return async function correlateNode(state: State): Promise<Update> {
    const win = state.window!;
    const events = await loadEvents(evidence, state.investigationId, state.gathered);
    // event filters leave named noise out of the analysis; the flagged action itself is never left out
    const { kept, dropped } = filters?.events.length
      ? filterEventsExcept(events, filters, (e) => e.action === state.anomaly.action)
      : { kept: events, dropped: [] };
    const correlation = correlate(kept, state.anomaly, { since: new Date(win.since), before: new Date(win.before) });
    await evidence.putBatch(state.investigationId, BATCH, [storeCorrelation(correlation)]);
    const summary: CorrelationSummary = { flagged: correlation.flagged, stats: correlation.stats };
    return {
      correlation: summary,
      ...(dropped.length ? { sources: droppedWarnings(state, dropped) } : {}),
    };
  };
}
