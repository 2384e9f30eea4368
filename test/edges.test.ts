import { describe, expect, it } from "vitest";
import { END } from "@langchain/langgraph";
import { routeAfterApproval, routeAfterWriter } from "../graph/edges.ts";

describe("routing", () => {
  it("goes through the approval gate only when the run's policy asks for it", () => {
    expect(routeAfterWriter({ limits: { maxAnalystAttempts: 3, maxEventsPerSource: 10, requireApproval: true } })).toBe("approval_gate");
    expect(routeAfterWriter({ limits: { maxAnalystAttempts: 3, maxEventsPerSource: 10, requireApproval: false } })).toBe("publish");
  });
  it("never publishes a rejected report", () => {
    expect(routeAfterApproval({ approval: { status: "rejected" } })).toBe(END);
    expect(routeAfterApproval({ approval: { status: "approved" } })).toBe("publish");
  });
});
