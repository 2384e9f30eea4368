// Models per node, defaults filled in one place, parsed from the settings variables (config/load.ts; the file's
// `models:` section is the same settings).
//   OPENAI_API_KEY            enables model-backed nodes (any OpenAI-compatible endpoint)
//   OPENAI_BASE_URL           e.g. http://127.0.0.1:11434/v1 (default: OpenAI)
//   CASEFILE_MODEL            default model name for every model-backed node (default gpt-4o-mini)
//   CASEFILE_<NODE>_MODEL     per node override; "rules" (analyst) or "template" (writer) turns the model off
//   CASEFILE_<NODE>_BASE_URL  per node endpoint override
//   CASEFILE_MODEL_BUDGET_MS  model time of one investigation, all nodes and attempts together (default 60000)
//   CASEFILE_GATHER_MODEL     the gatherer agent's model (graph/nodes/gather-agent.ts); unset or "off": the
//                             deterministic pivots only. Needs OPENAI_API_KEY
//   CASEFILE_GATHER_BASE_URL  its endpoint (default OPENAI_BASE_URL)
//   CASEFILE_GATHER_MAX_CALLS tool calls the agent may make per investigation (default 6)
//   CASEFILE_GATHER_MAX_EVENTS events of other actors it may add per investigation (default 200)
//   CASEFILE_GATHER_SECONDS   its wall time per investigation, model and vendor queries together (default 60)
import { createChatClient, endpointHost, type ChatClient } from "./model-client.ts";

export const MODEL_NODES = ["analyst", "writer"] as const;
export type ModelNode = (typeof MODEL_NODES)[number];

export interface NodeModelConfig {
  model: string;
  baseURL?: string;
  apiKey: string;
}

const OFF = new Set(["", "none", "off", "rules", "template", "deterministic"]);

export const DEFAULT_MODEL_BUDGET_MS = 60_000;

export function loadModelConfig(env: Record<string, string | undefined>): Partial<Record<ModelNode, NodeModelConfig>> {
  const out: Partial<Record<ModelNode, NodeModelConfig>> = {};
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return out;
  for (const node of MODEL_NODES) {
    const key = node.toUpperCase();
    const model = (env[`CASEFILE_${key}_MODEL`] ?? env.CASEFILE_MODEL ?? "gpt-4o-mini").trim();
    if (OFF.has(model.toLowerCase())) continue;
    const baseURL = (env[`CASEFILE_${key}_BASE_URL`] ?? env.OPENAI_BASE_URL)?.trim();
    out[node] = { model, apiKey, ...(baseURL ? { baseURL } : {}) };
  }
  return out;
}

/** CASEFILE_MODEL_BUDGET_MS: milliseconds, a positive integer. */
export function loadModelBudgetMs(env: Record<string, string | undefined>): number {
  const raw = env.CASEFILE_MODEL_BUDGET_MS?.trim();
  if (!raw) return DEFAULT_MODEL_BUDGET_MS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`CASEFILE_MODEL_BUDGET_MS=${JSON.stringify(raw.slice(0, 40))} is not a positive number of milliseconds; e.g. 60000`);
  return Number(raw);
}

export function createChatModel(cfg: NodeModelConfig): ChatClient {
  return createChatClient(cfg);
}

/** Model name per node for the run record: a model name, or how the node works without one. */
export function describeModels(cfg: Partial<Record<ModelNode, NodeModelConfig>>): Record<string, string> {
  return {
    analyst: cfg.analyst?.model ?? "rules",
    writer: cfg.writer?.model ?? "template",
  };
}

/** Endpoint host per configured node (no path, no credentials). */
export function describeHosts(cfg: Partial<Record<ModelNode, NodeModelConfig>>): Partial<Record<ModelNode, string>> {
  return Object.fromEntries(Object.entries(cfg).map(([node, c]) => [node, endpointHost(c?.baseURL)]));
}

// ---- the gatherer agent ------------------------------------------------------------------------------------

/** The gatherer agent's hard budget per investigation. */
export interface GatherAgentBudget {
  /** tool calls (vendor queries) it may make; calls asked for past it are refused without a query */
  calls: number;
  /** events of other actors it may add to the evidence */
  events: number;
  /** wall time, model and vendor queries together */
  ms: number;
}

export const DEFAULT_GATHER_BUDGET: GatherAgentBudget = { calls: 6, events: 200, ms: 60_000 };

export interface GatherAgentConfig extends NodeModelConfig {
  budget: GatherAgentBudget;
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number, example: string): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name}=${JSON.stringify(raw.slice(0, 40))} is not a positive whole number; e.g. ${example}`);
  return Number(raw);
}

/** CASEFILE_GATHER_*: the gatherer agent, or undefined when no model is configured for it. */
export function loadGatherAgentConfig(env: Record<string, string | undefined>): GatherAgentConfig | undefined {
  const model = env.CASEFILE_GATHER_MODEL?.trim() ?? "";
  if (OFF.has(model.toLowerCase())) return undefined;
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) throw new Error(`CASEFILE_GATHER_MODEL=${JSON.stringify(model.slice(0, 60))} needs OPENAI_API_KEY (the key of the OpenAI-compatible endpoint); set it, or unset CASEFILE_GATHER_MODEL to keep the deterministic pivots only`);
  const baseURL = (env.CASEFILE_GATHER_BASE_URL ?? env.OPENAI_BASE_URL)?.trim();
  return {
    model,
    apiKey,
    ...(baseURL ? { baseURL } : {}),
    budget: {
      calls: positiveInt(env, "CASEFILE_GATHER_MAX_CALLS", DEFAULT_GATHER_BUDGET.calls, "6"),
      events: positiveInt(env, "CASEFILE_GATHER_MAX_EVENTS", DEFAULT_GATHER_BUDGET.events, "200"),
      ms: positiveInt(env, "CASEFILE_GATHER_SECONDS", DEFAULT_GATHER_BUDGET.ms / 1000, "60") * 1000,
    },
  };
}
