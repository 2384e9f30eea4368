// intake: fix the investigation window and the run's budget from the anomaly and the injected clock.
import type { State, Update, Limits } from "../state.ts";
import { BEFORE_WINDOW_MS, gatherWindow } from "../window.ts";

export const WINDOW_MS = BEFORE_WINDOW_MS;

export interface IntakeDeps {
  /** the investigation's clock (epoch ms): the window ends at most here */
  clock: () => number;
  limits: Limits;
  promptVersions: Record<string, string>;
  models: Record<string, string>;
}

export function createIntakeNode(deps: IntakeDeps) {
  return async function intake(state: State): Promise<Update> {
    if (state.window) return {}; // resumed run: keep the window it started with
    const window = gatherWindow(Date.parse(state.anomaly.timestamp), deps.clock(), deps.limits.afterWindowMs);
    return {
      window,
      limits: deps.limits,
      promptVersions: deps.promptVersions,
      models: deps.models,
    };
  };
}
