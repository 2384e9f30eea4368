// correlate: one deduplicated, ordered, sessionised cross-source timeline with the actor's baseline.
// The checkpointed correlation refers to events by id: the events themselves are already in state, and
// writing them a second and third time into every checkpoint would dominate the run's time.
import { correlate, type Correlation } from "../../analysis/correlate.ts";
import type { AuditEvent } from "../../tools/events.ts";
import type { State, Update } from "../state.ts";

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

export function createCorrelateNode(clock: () => number = Date.now) {
  return async function correlateNode(state: State): Promise<Update> {
    const started = clock();
    const win = state.window!;
    const correlation = correlate(state.events, state.anomaly, { since: new Date(win.since), before: new Date(win.before) });
    return { correlation: storeCorrelation(correlation), timings: { correlate: clock() - started } };
  };
}
