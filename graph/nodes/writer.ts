// writer: the report's data model comes from state; a model, when configured, only words the summary and
// next steps (writer-llm.ts, writer-guard.ts). Tables, ids, times and the verdict are never taken from model
// text. What the model did — used, refused and why, failed, out of time — is recorded in state.modelOutcomes.
import { buildReport } from "../../report/model.ts";
import { renderTimelinePng, renderTimelineSvg } from "../../report/svg.ts";
import type { NodePrompt } from "../../prompts/index.ts";
import { createLlmWriter } from "./writer-llm.ts";
import { reportEvents, reportInput } from "../report-input.ts";
import type { EvidenceStore } from "../evidence-store.ts";
import type { State, Update } from "../state.ts";
import type { Breakers, ChatClient } from "../model-client.ts";
import { deterministicOutcome, spentMs, type ModelOutcome } from "../model-outcome.ts";
import { DEFAULT_MODEL_BUDGET_MS } from "../config.ts";
import { withRun, type RunConfig } from "../deadline.ts";

export interface WriterDeps {
  model?: ChatClient;
  prompt: NodePrompt;
  version: string;
  /** the investigation's clock (epoch ms): the report's "generated at" */
  clock: () => number;
  /** model time budget of one investigation, shared with the analyst (CASEFILE_MODEL_BUDGET_MS) */
  modelBudgetMs?: number;
  breakers?: Breakers;
  /** the investigation's events, and the raw vendor records of the evidence appendix by id */
  evidence: EvidenceStore;
  /** measures the model's latency (default Date.now) */
  timer?: () => number;
}

export function createWriterNode(deps: WriterDeps) {
  const budget = deps.modelBudgetMs ?? DEFAULT_MODEL_BUDGET_MS;
  return async function writer(state: State, config?: RunConfig): Promise<Update> {
    const events = await reportEvents(state, deps.evidence);
    let writerText: State["writerText"];
    let tokens = { input: 0, output: 0 };
    const errors: string[] = [];
    const draft = buildReport(reportInput(state, events, deps));
    let outcome: ModelOutcome = deterministicOutcome("template");
    let worded: ReturnType<ReturnType<typeof createLlmWriter>> | undefined;
    if (deps.model) {
      const left = budget - spentMs(state.modelOutcomes, "writer");
      if (left > 0) {
        // The model words the summary while the picture renders: the timeline does not depend on the wording.
        worded = createLlmWriter({ client: deps.model, prompt: deps.prompt, signal: withRun(AbortSignal.timeout(left), config), ...(deps.breakers ? { breakers: deps.breakers } : {}), ...(deps.timer ? { now: deps.timer } : {}) })(draft);
        worded.catch(() => {}); // awaited below; keeps an early rejection from going unhandled while rendering
      } else {
        outcome = { ...outcome, model: deps.model.model, host: deps.model.host, fallback: "the investigation's model time budget is spent; the template wording stands" };
      }
    }
    const timelineSvg = renderTimelineSvg(draft);
    let timelinePng: string | undefined;
    try {
      timelinePng = renderTimelinePng(timelineSvg).toString("base64");
    } catch {
      timelinePng = undefined; // the SVG alone still shows the picture
    }
    if (worded) {
      try {
        const out = await worded;
        outcome = out.outcome;
        tokens = out.tokens;
        if (out.outcome.engine === "model") writerText = { summary: out.summary, nextSteps: out.nextSteps };
      } catch (err) {
        outcome = { ...outcome, model: deps.model!.model, host: deps.model!.host, fallback: `the writer failed: ${(err as Error).message}` };
      }
    }
    if (outcome.fallback && deps.model) errors.push(`writer model not used, the template wording stands: ${outcome.fallback}`);
    const report = buildReport(reportInput({ ...state, ...(writerText ? { writerText } : {}), modelOutcomes: { ...state.modelOutcomes, writer: outcome } }, events, deps));
    return {
      writerText,
      report,
      timelinePng,
      reportTitle: report.title,
      tokens,
      modelOutcomes: { writer: outcome },
      errors,
    };
  };
}
