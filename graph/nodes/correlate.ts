// correlate: one deduplicated, ordered, sessionised cross-source timeline with the actor's baseline.
import { correlate } from "../../analysis/correlate.ts";
import type { State, Update } from "../state.ts";

export function createCorrelateNode(clock: () => number = Date.now) {
  return async function correlateNode(state: State): Promise<Update> {
    const started = clock();
    const win = state.window!;
    const correlation = correlate(state.events, state.anomaly, { since: new Date(win.since), before: new Date(win.before) });
    return { correlation, timings: { correlate: clock() - started } };
  };
}
