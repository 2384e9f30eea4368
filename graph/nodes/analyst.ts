// analyst: the rules engine always assesses; a model, when configured for the node, may refine the verdict.
// The evidence is the floor (analyst-review.ts): the model may raise severity with valid citations and lower it
// only with contrary evidence. Every model outcome, fallback included, is recorded in state.modelOutcomes.
import { findIndicators } from "../../analysis/indicators.ts";
import { assess, type ExtraRule } from "../../analysis/score.ts";
import { readCorrelation } from "./correlate.ts";
import type { EvidenceStore } from "../evidence-store.ts";
import type { NodePrompt } from "../../prompts/index.ts";
import { createLlmAnalyst } from "./analyst-llm.ts";
import type { State, Update } from "../state.ts";
import type { SourceName, SourceStatus } from "../../domain/events.ts";
import type { Breakers, ChatClient } from "../model-client.ts";
import { deterministicOutcome, spentMs } from "../model-outcome.ts";
import { DEFAULT_MODEL_BUDGET_MS } from "../config.ts";
import { withRun, type RunConfig } from "../deadline.ts";
import type { Model } from "../../analysis/weights.ts";
import type { Correlation } from "../../analysis/timeline.ts";
import type { Indicator } from "../../domain/schemas.ts";

export interface AnalystDeps {
  model?: ChatClient;
  prompt: NodePrompt;
  /** model time budget of one investigation, shared with the writer (CASEFILE_MODEL_BUDGET_MS) */
  modelBudgetMs?: number;
  breakers?: Breakers;
  /** where the correlate node put the correlation and the gathers their events */
  evidence: EvidenceStore;
  /** measures the model's latency (default Date.now) */
  timer?: () => number;
  /** the evidence table's weights (analysis/weights.ts); default: the shipped ones */
  weights?: Model;
  /** the organisation's evidence rules (configuration `context:`, analysis/org-context.ts) */
  extraRules?: readonly ExtraRule[];
  /** sees what the rules engine assessed (used by `casefile fit` to collect samples) */
  observe?: (input: AnalysisInput) => void;
}

/** What the rules engine assesses: the correlation, its indicators and the sources' status. */
export interface AnalysisInput {
  correlation: Correlation;
  indicators: Indicator[];
  sources: Record<SourceName, SourceStatus>;
}

export function createAnalystNode(deps: AnalystDeps) {
  const budget = deps.modelBudgetMs ?? DEFAULT_MODEL_BUDGET_MS;
  return async function analyst(state: State, config?: RunConfig): Promise<Update> {
    const { correlation, events } = await readCorrelation(deps.evidence, state);
    const sources = state.sources as Record<SourceName, SourceStatus>;
    const indicators = findIndicators(correlation);
    deps.observe?.({ correlation, indicators, sources });
    const rules = assess(correlation, indicators, sources, deps.weights, deps.extraRules);
    const rulesOnly = (fallback?: string): Update => ({
      assessment: rules,
      rulesAssessment: rules,
      modelOutcomes: {
        analyst: deps.model
          ? { ...deterministicOutcome("rules"), model: deps.model.model, host: deps.model.host, fallback: fallback ?? null }
          : deterministicOutcome("rules"),
      },
      ...(fallback ? { errors: [`analyst model not used, the rules verdict stands: ${fallback}`] } : {}),
    });
    if (!deps.model) return rulesOnly();
    const used = state.attempts.analyst ?? 0;
    const remaining = Math.max(0, state.limits.maxAnalystAttempts - used);
    if (remaining === 0) return rulesOnly("the run's analyst attempts are spent");
    const left = budget - spentMs(state.modelOutcomes, "analyst");
    if (left <= 0) return rulesOnly("the investigation's model time budget is spent");
    const signal = withRun(AbortSignal.timeout(left), config);
    const llm = createLlmAnalyst({ client: deps.model, prompt: deps.prompt, maxAttempts: remaining, signal, ...(deps.breakers ? { breakers: deps.breakers } : {}), ...(deps.timer ? { now: deps.timer } : {}) });
    const out = await llm({ correlation, indicators, rules, events, anomaly: state.anomaly, sources });
    const errors: string[] = [];
    if (out.rejected_citations.length) errors.push(`analyst model cited ${out.rejected_citations.length} id(s) absent from the gathered data; they were rejected`);
    if (out.outcome.fallback) errors.push(`analyst model not used, the rules verdict stands: ${out.outcome.fallback}`);
    return {
      assessment: out.assessment,
      rulesAssessment: rules,
      attempts: { analyst: used + out.attempts },
      tokens: out.tokens,
      replacements: out.replacements,
      modelOutcomes: { analyst: out.outcome },
      ...(errors.length ? { errors } : {}),
    };
  };
}
