// intake: fix the investigation window and the run's budget from the anomaly and the injected clock.
import type { State, Update, Limits } from "../state.ts";

export const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface IntakeDeps {
  clock: () => Date;
  limits: Limits;
  promptVersions: Record<string, string>;
  models: Record<string, string>;
}

export function createIntakeNode(deps: IntakeDeps) {
  return async function intake(state: State): Promise<Update> {
    if (state.window) return {}; // resumed run: keep the window it started with
    const flagged = Date.parse(state.anomaly.timestamp);
    const now = deps.clock().getTime();
    const since = new Date(flagged - WINDOW_MS);
    // A flagged time in the future of the clock still gets a window that contains it.
    const before = new Date(Math.max(now, flagged));
    return {
      window: { since: since.toISOString(), before: before.toISOString() },
      limits: deps.limits,
      promptVersions: deps.promptVersions,
      models: deps.models,
    };
  };
}
