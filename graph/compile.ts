// The investigation graph:
//   intake → (gather_cloudflare ∥ gather_datadog) → [gather_agent] → correlate → analyst → writer → [approval_gate] → publish
// gather_agent is there only when a model is configured for it (CASEFILE_GATHER_MODEL). Every node is timed here
// (timed): its duration goes into the `timings` channel under the node's name.
import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { Breakers, ChatClient } from "./model-client.ts";
import type { Gatherer, Publisher } from "../tools/types.ts";
import type { SourceName } from "../domain/events.ts";
import type { PromptSet } from "../prompts/index.ts";
import { InvestigationState, type Limits, type State, type Update } from "./state.ts";
import type { RunConfig } from "./deadline.ts";
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
  /** the investigation's clock (epoch ms): the window ends at most here, the report is dated by it */
  clock: () => number;
  /** measures durations: node timings, source fetches, model latency, the gatherer agent's budget (default Date.now) */
  timer?: () => number;
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
  /** where the gathered events, their raw vendor records and the correlation go (graph/evidence-store.ts) */
  evidence: EvidenceStore;
  /** the gatherer agent (graph/nodes/gather-agent.ts); without it the deterministic pivots are the whole gather */
  gatherAgent?: Omit<GatherAgentDeps, "evidence" | "modelBudgetMs" | "breakers" | "timer">;
}

type Node = (state: State, config?: RunConfig) => Promise<Update>;

/** The node, with its duration recorded in the `timings` channel under its name (a node that throws records none). */
export function timed(name: string, node: Node, timer: () => number): Node {
  return async (state, config) => {
    const started = timer();
    const update = await node(state, config);
    return { ...update, timings: { ...update.timings, [name]: timer() - started } };
  };
}

const modelDeps = (deps: GraphDeps) => ({
  ...(deps.modelBudgetMs !== undefined ? { modelBudgetMs: deps.modelBudgetMs } : {}),
  ...(deps.breakers ? { breakers: deps.breakers } : {}),
  timer: deps.timer ?? Date.now,
});

export function buildGraph(deps: GraphDeps) {
  const timer = deps.timer ?? Date.now;
  const { clock, evidence } = deps;
  const node = (name: string, fn: Node) => timed(name, fn, timer);
  const graph = new StateGraph(InvestigationState)
    .addNode("intake", node("intake", createIntakeNode({ clock, limits: deps.limits, promptVersions: deps.promptVersions, models: deps.modelNames })))
    .addNode("gather_cloudflare", node("gather_cloudflare", createGatherNode("cloudflare", deps.gatherers.cloudflare, evidence, timer)))
    .addNode("gather_datadog", node("gather_datadog", createGatherNode("datadog", deps.gatherers.datadog, evidence, timer)))
    .addNode("correlate", node("correlate", createCorrelateNode(evidence, deps.filters)))
    .addNode("analyst", node("analyst", createAnalystNode({ model: deps.models.analyst, prompt: deps.prompts.analyst, evidence, ...modelDeps(deps), ...deps.analysis })))
    .addNode("writer", node("writer", createWriterNode({ model: deps.models.writer, prompt: deps.prompts.writer, version: deps.version, clock, evidence, ...modelDeps(deps) })))
    .addNode("approval_gate", node("approval_gate", createApprovalNode()))
    .addNode("publish", node("publish", createPublishNode({ publisher: deps.publisher, dryRun: deps.dryRun, dataDir: deps.dataDir, version: deps.version, clock, evidence })), {
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
    .addNode("gather_agent", node("gather_agent", createGatherAgentNode({ ...deps.gatherAgent, ...modelDeps(deps), evidence })))
    .addEdge(["gather_cloudflare", "gather_datadog"], "gather_agent")
    .addEdge("gather_agent", "correlate");
}

export function compileGraph(deps: GraphDeps, checkpointer?: BaseCheckpointSaver) {
  return buildGraph(deps).compile(checkpointer ? { checkpointer } : {});
}
export type CompiledInvestigation = ReturnType<typeof compileGraph>;
