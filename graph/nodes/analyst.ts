// analyst: the rules engine always assesses; a model, when configured for the node, may refine the verdict.
// The model never gets the last word on evidence: its citations are checked against the gathered ids, and a
// critical rules indicator cannot become benign without contrary evidence (see analyst-llm.ts).
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { findIndicators } from "../../analysis/indicators.ts";
import { assess } from "../../analysis/score.ts";
import { loadCorrelation, type StoredCorrelation } from "./correlate.ts";
import type { NodePrompt } from "../../prompts/index.ts";
import { createLlmAnalyst } from "./analyst-llm.ts";
import type { State, Update } from "../state.ts";
import type { SourceName, SourceStatus } from "../../tools/events.ts";

export interface AnalystDeps {
  model?: BaseChatModel;
  prompt: NodePrompt;
  clock?: () => number;
}

export function createAnalystNode(deps: AnalystDeps) {
  const clock = deps.clock ?? Date.now;
  return async function analyst(state: State): Promise<Update> {
    const started = clock();
    const correlation = loadCorrelation(state.correlation as StoredCorrelation, state.events);
    const sources = state.sources as Record<SourceName, SourceStatus>;
    const indicators = findIndicators(correlation);
    const rules = assess(correlation, indicators, sources);
    if (!deps.model) {
      return { assessment: rules, rulesAssessment: rules, timings: { analyst: clock() - started } };
    }
    const used = state.attempts.analyst ?? 0;
    const remaining = Math.max(0, state.limits.maxAnalystAttempts - used);
    if (remaining === 0) {
      return { assessment: rules, rulesAssessment: rules, timings: { analyst: clock() - started } };
    }
    const llm = createLlmAnalyst({ model: deps.model, prompt: deps.prompt, maxAttempts: remaining });
    const out = await llm({
      correlation,
      indicators,
      rules,
      events: state.events,
      anomaly: state.anomaly,
      sources,
    });
    return {
      assessment: out.assessment,
      rulesAssessment: rules,
      attempts: { analyst: used + out.attempts },
      tokens: out.tokens,
      replacements: out.replacements,
      ...(out.rejected_citations.length
        ? { errors: [`analyst model cited ${out.rejected_citations.length} id(s) absent from the gathered data; they were rejected`] }
        : {}),
      timings: { analyst: clock() - started },
    };
  };
}
