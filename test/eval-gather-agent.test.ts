// The gatherer agent in the eval: scripted offline policies (evals/gather-agent.ts) over the pivots dataset, where
// the deciding evidence is reached by following credentials and resources. Whatever the policy — sensible
// follow-ups, a flood of queries, a dead endpoint — the accuracy never drops below the run without the agent.
import { describe, expect, it } from "vitest";
import { runEval } from "../evals/runner.ts";
import { followUps } from "../evals/gather-agent.ts";

const PIVOTS = new URL("../evals/datasets/pivots", import.meta.url).pathname;

describe("gatherer agent in the eval", () => {
  it("scripted, flood and broken policies never lower accuracy; budgets hold; failures are counted", async () => {
    const base = await runEval({ dataset: PIVOTS, progress: false });
    expect(base.gather_agent).toBeNull();
    const scripted = await runEval({ dataset: PIVOTS, progress: false, gatherAgent: "scripted" });
    const flood = await runEval({ dataset: PIVOTS, progress: false, gatherAgent: "flood", env: { CASEFILE_GATHER_MAX_CALLS: "2" } });
    const broken = await runEval({ dataset: PIVOTS, progress: false, gatherAgent: "broken" });
    for (const r of [scripted, flood, broken]) {
      expect(r.accuracy).toBeGreaterThanOrEqual(base.accuracy);
      expect(r.invalid_citations).toBe(0);
      expect(r.gather_agent!.runs).toBe(base.n);
    }
    expect(scripted.gather_agent!.calls).toBeGreaterThan(0);
    expect(scripted.gather_agent!.failed).toBe(0);
    expect(flood.gather_agent!.calls).toBe(2 * base.n);
    expect(flood.gather_agent!.refused).toBe(998 * base.n);
    expect(broken.gather_agent).toMatchObject({ calls: 0, events_added: 0, failed: base.n });
    expect(broken.per_incident.map((r) => r.verdict)).toEqual(base.per_incident.map((r) => r.verdict));
  }, 600_000);

  it("the scripted policy follows other identities and untouched resources, never a resource a pivot followed", () => {
    const calls = followUps(
      {
        anomaly: { actor: "user_1@example.invalid", timestamp: "2026-01-01T12:00:00Z" },
        window: { since: "2026-01-01T00:00:00Z", before: "2026-01-02T00:00:00Z" },
        budget: { calls: 3 },
        queries_made: ["cloudflare: resource pivot on r-followed"],
        events: [
          { source: "cloudflare", time: "2026-01-01T11:00:00Z", actor: "user_1@example.invalid", resource: { id: "r-far" } },
          { source: "cloudflare", time: "2026-01-01T11:59:00Z", actor: "user_1@example.invalid", resource: { id: "r-followed" } },
          { source: "datadog", time: "2026-01-01T11:58:00Z", actor: "user_1@example.invalid", resource: { id: "r-near" } },
          { source: "cloudflare", time: "2026-01-01T12:30:00Z", actor: "user_2@example.invalid", pivot: "credential" },
        ],
      },
      ["cloudflare_audit_logs", "datadog_audit_events"],
    );
    expect(calls.map((c) => [c.name, c.args.actor ?? c.args.resource_id])).toEqual([
      ["cloudflare_audit_logs", "user_2@example.invalid"],
      ["datadog_audit_events", "r-near"],
      ["cloudflare_audit_logs", "r-far"],
    ]);
  });
});
