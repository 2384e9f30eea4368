// correlate: one deduplicated, ordered, sessionised cross-source timeline with the actor's baseline.
// The checkpointed correlation refers to events by id: the events themselves are already in state, and
// writing them a second and third time into every checkpoint would dominate the run's time.
import { correlate, type Correlation } from "../../analysis/timeline.ts";
import type { AuditEvent } from "../../domain/events.ts";
import type { State, Update } from "../state.ts";
import { filterEvents } from "../../config/filters.ts";
import type { Filters } from "../../config/schema.ts";
import type { SourceName, SourceStatus } from "../../domain/events.ts";

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

export type StoredCorrelation = Omit<Correlation, "events" | "pivot_events"> & { event_keys: string[]; pivot_keys: string[] };

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

export function createCorrelateNode(clock: () => number = Date.now, filters?: Filters) {
  return async function correlateNode(state: State): Promise<Update> {
    const started = clock();
    const win = state.window!;
    // event filters leave named noise out of the analysis; the flagged action itself is never left out
    const { kept, dropped } = filters?.events.length
      ? filterEventsExcept(state.events, filters, (e) => e.action === state.anomaly.action)
      : { kept: state.events, dropped: [] };
    const correlation = correlate(kept, state.anomaly, { since: new Date(win.since), before: new Date(win.before) });
    return {
      correlation: storeCorrelation(correlation),
      timings: { correlate: clock() - started },
      ...(dropped.length ? { sources: droppedWarnings(state, dropped) } : {}),
    };
  };
}
