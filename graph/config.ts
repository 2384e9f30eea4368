// Models per node, defaults filled in one place, parsed from the settings variables (config/load.ts; the file's
// `models:` section is the same settings).
//   OPENAI_API_KEY            enables model-backed nodes (any OpenAI-compatible endpoint)
//   OPENAI_BASE_URL           e.g. http://127.0.0.1:11434/v1 (default: OpenAI)
//   CASEFILE_MODEL            default model name for every model-backed node (default gpt-4o-mini)
//   CASEFILE_<NODE>_MODEL     per node override; "rules" (analyst) or "template" (writer) turns the model off
//   CASEFILE_<NODE>_BASE_URL  per node endpoint override
//   CASEFILE_MODEL_BUDGET_MS  model time of one investigation, all nodes and attempts together (default 60000)
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
