// approval: a human gate before publishing (CASEFILE_REQUIRE_APPROVAL=1). The run pauses here with its state
// checkpointed; POST /v1/investigations/:id/approve or /reject resumes it.
import { interrupt } from "@langchain/langgraph";
import type { State, Update } from "../state.ts";

export interface ApprovalDecision {
  approve: boolean;
  reviewer?: string;
  comment?: string;
}

export function createApprovalNode() {
  return async function approval(state: State): Promise<Update> {
    const decision = interrupt({
      investigation_id: state.investigationId,
      verdict: state.assessment?.verdict,
      confidence: state.assessment?.confidence,
      title: state.reportTitle,
    }) as ApprovalDecision;
    return {
      approval: {
        status: decision?.approve ? "approved" : "rejected",
        ...(decision?.reviewer ? { reviewer: String(decision.reviewer).slice(0, 200) } : {}),
        ...(decision?.comment ? { comment: String(decision.comment).slice(0, 2000) } : {}),
      },
    };
  };
}
