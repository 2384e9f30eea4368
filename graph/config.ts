// Models per node, defaults filled in one place.
//   OPENAI_API_KEY            enables model-backed nodes (any OpenAI-compatible endpoint)
//   OPENAI_BASE_URL           e.g. http://127.0.0.1:11434/v1 (default: OpenAI)
//   CASEFILE_MODEL            default model name for every model-backed node (default gpt-4o-mini)
//   CASEFILE_<NODE>_MODEL     per node override; "rules" (analyst) or "template" (writer) turns the model off
//   CASEFILE_<NODE>_BASE_URL  per node endpoint override
import { ChatOpenAI } from "@langchain/openai";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

export const MODEL_NODES = ["analyst", "writer"] as const;
export type ModelNode = (typeof MODEL_NODES)[number];

export interface NodeModelConfig {
  model: string;
  baseURL?: string;
  apiKey: string;
}

const OFF = new Set(["", "none", "off", "rules", "template", "deterministic"]);

export function loadModelConfig(env: NodeJS.ProcessEnv = process.env): Partial<Record<ModelNode, NodeModelConfig>> {
  const out: Partial<Record<ModelNode, NodeModelConfig>> = {};
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return out;
  for (const node of MODEL_NODES) {
    const key = node.toUpperCase();
    const model = (env[`CASEFILE_${key}_MODEL`] ?? env.CASEFILE_MODEL ?? "gpt-4o-mini").trim();
    if (OFF.has(model.toLowerCase())) continue;
    const baseURL = env[`CASEFILE_${key}_BASE_URL`] ?? env.OPENAI_BASE_URL;
    out[node] = { model, apiKey, ...(baseURL ? { baseURL } : {}) };
  }
  return out;
}

export function createChatModel(cfg: NodeModelConfig): BaseChatModel {
  return new ChatOpenAI({
    model: cfg.model,
    apiKey: cfg.apiKey,
    temperature: 0,
    // The node's own retry budget applies; LangChain's default of 6 would multiply it.
    maxRetries: 1,
    timeout: 60_000,
    ...(cfg.baseURL ? { configuration: { baseURL: cfg.baseURL } } : {}),
  });
}

/** Model name per node for the run record: a model name, or how the node works without one. */
export function describeModels(cfg: Partial<Record<ModelNode, NodeModelConfig>>): Record<string, string> {
  return {
    analyst: cfg.analyst?.model ?? "rules",
    writer: cfg.writer?.model ?? "template",
  };
}
