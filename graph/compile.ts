// The investigation graph:
//   intake → (gather_cloudflare ∥ gather_datadog) → [gather_agent] → correlate → analyst → writer → [approval_gate] → publish
// gather_agent is there only when a model is configured for it (CASEFILE_GATHER_MODEL).
import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { Breakers, ChatClient } from "./model-client.ts";
import type { Gatherer, Publisher } from "../tools/types.ts";
import type { SourceName } from "../domain/events.ts";
import type { PromptSet } from "../prompts/index.ts";
import { InvestigationState, type Limits } from "./state.ts";
import { routeAfterApproval, routeAfterWriter } from "./edges.ts";
import { createIntakeNode } from "./nodes/intake.ts";
import { createGatherNode } from "./nodes/gather.ts";
import { createCorrelateNode } from "./nodes/correlate.ts";
import { createGatherAgentNode, type GatherAgentDeps } from "./nodes/gather-agent.ts";
import type { Filters } from "../config/schema.ts";
import { createAnalystNode, type AnalystDeps } from "./nodes/analyst.ts";
import { createWriterNode } from "./nodes/writer.ts";
import { createApprovalNode } from "./nodes/approval.ts";
import { createPublishNode } from "./nodes/publish.ts";
import type { EvidenceStore } from "./evidence-store.ts";

export interface GraphDeps {
  gatherers: Partial<Record<SourceName, Gatherer>>;
  publisher?: Publisher;
  models: { analyst?: ChatClient; writer?: ChatClient };
  /** model time of one investigation, all model-backed nodes together (CASEFILE_MODEL_BUDGET_MS) */
  modelBudgetMs?: number;
  /** circuit breakers of the model endpoints (default: shared by every run in the process) */
  breakers?: Breakers;
  prompts: PromptSet;
  clock: () => Date;
  limits: Limits;
  dryRun: boolean;
  dataDir: string;
  version: string;
  promptVersions: Record<string, string>;
  modelNames: Record<string, string>;
  /** the analyst's evidence weights and an observer of its input (see graph/nodes/analyst.ts) */
  analysis?: Pick<AnalystDeps, "weights" | "observe" | "extraRules">;
  /** event filters (configuration `filters.events`): named noise left out of the analysis, counted in the report */
  filters?: Filters;
  /** where the raw vendor records go (graph/evidence-store.ts); without one they stay in the state */
  evidence?: EvidenceStore;
  /** the gatherer agent (graph/nodes/gather-agent.ts); without it the deterministic pivots are the whole gather */
  gatherAgent?: Omit<GatherAgentDeps, "evidence" | "modelBudgetMs" | "breakers">;
}

const modelDeps = (deps: GraphDeps) => ({
  ...(deps.modelBudgetMs !== undefined ? { modelBudgetMs: deps.modelBudgetMs } : {}),
  ...(deps.breakers ? { breakers: deps.breakers } : {}),
});

export function buildGraph(deps: GraphDeps) {
  const graph = new StateGraph(InvestigationState)
    .addNode("intake", createIntakeNode({ clock: deps.clock, limits: deps.limits, promptVersions: deps.promptVersions, models: deps.modelNames }))
    .addNode("gather_cloudflare", createGatherNode("cloudflare", deps.gatherers.cloudflare, Date.now, deps.evidence))
    .addNode("gather_datadog", createGatherNode("datadog", deps.gatherers.datadog, Date.now, deps.evidence))
    .addNode("correlate", createCorrelateNode(Date.now, deps.filters))
    .addNode("analyst", createAnalystNode({ model: deps.models.analyst, prompt: deps.prompts.analyst, ...modelDeps(deps), ...deps.analysis }))
    .addNode("writer", createWriterNode({ model: deps.models.writer, prompt: deps.prompts.writer, version: deps.version, clock: deps.clock, ...modelDeps(deps), ...(deps.evidence ? { evidence: deps.evidence } : {}) }))
    .addNode("approval_gate", createApprovalNode())
    .addNode("publish", createPublishNode({ publisher: deps.publisher, dryRun: deps.dryRun, dataDir: deps.dataDir, version: deps.version, clock: deps.clock, ...(deps.evidence ? { evidence: deps.evidence } : {}) }), {
      retryPolicy: { maxAttempts: 2, initialInterval: 500, jitter: true },
    })
    .addEdge(START, "intake")
    .addEdge("intake", "gather_cloudflare")
    .addEdge("intake", "gather_datadog")
    .addEdge("correlate", "analyst")
    .addEdge("analyst", "writer")
    .addConditionalEdges("writer", routeAfterWriter, ["approval_gate", "publish"])
    .addConditionalEdges("approval_gate", routeAfterApproval, ["publish", END])
    .addEdge("publish", END);
  if (!deps.gatherAgent) return graph.addEdge(["gather_cloudflare", "gather_datadog"], "correlate");
  return graph
    .addNode("gather_agent", createGatherAgentNode({ ...deps.gatherAgent, ...modelDeps(deps), ...(deps.evidence ? { evidence: deps.evidence } : {}) }))
    .addEdge(["gather_cloudflare", "gather_datadog"], "gather_agent")
    .addEdge("gather_agent", "correlate");
}

export function compileGraph(deps: GraphDeps, checkpointer?: BaseCheckpointSaver) {
  return buildGraph(deps).compile(checkpointer ? { checkpointer } : {});
}
export type CompiledInvestigation = ReturnType<typeof compileGraph>;
