// Routing decisions: pure functions of state, tested on their own.
import { END } from "@langchain/langgraph";
import type { State } from "./state.ts";

/**
 * After the writer: through the approval gate when the run's policy asks for it — always, or with
 * "model-override" only when the model disagreed with the rules (whether or not its verdict was published).
 */
export function routeAfterWriter(state: Pick<State, "limits"> & Partial<Pick<State, "assessment">>): "approval_gate" | "publish" {
  const policy = state.limits.requireApproval;
  if (policy === "model-override") return state.assessment?.disagreement ? "approval_gate" : "publish";
  return policy === true ? "approval_gate" : "publish";
}

/** After the approval gate: a rejected report is never published. */
export function routeAfterApproval(state: Pick<State, "approval">): "publish" | typeof END {
  return state.approval.status === "rejected" ? END : "publish";
}
