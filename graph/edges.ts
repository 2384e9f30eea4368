// Routing decisions: pure functions of state, tested on their own.
import { END } from "@langchain/langgraph";
import type { State } from "./state.ts";

/** After the writer: through the approval gate when the run's policy asks for it. */
export function routeAfterWriter(state: Pick<State, "limits">): "approval_gate" | "publish" {
  return state.limits.requireApproval ? "approval_gate" : "publish";
}

/** After the approval gate: a rejected report is never published. */
export function routeAfterApproval(state: Pick<State, "approval">): "publish" | typeof END {
  return state.approval.status === "rejected" ? END : "publish";
}
