// writer: the report's data model comes from state; a model, when configured, only words the summary and
// next steps. Tables, ids, times and the verdict are never taken from model text.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { buildReport } from "../../report/model.ts";
import { renderMarkdown } from "../../report/markdown.ts";
import { renderTimelinePng, renderTimelineSvg } from "../../report/svg.ts";
import type { NodePrompt } from "../../prompts/index.ts";
import { createLlmWriter } from "./writer-llm.ts";
import { reportInput } from "../report-input.ts";
import type { State, Update } from "../state.ts";

export interface WriterDeps {
  model?: BaseChatModel;
  prompt: NodePrompt;
  version: string;
  clock: () => Date;
}

export function createWriterNode(deps: WriterDeps) {
  return async function writer(state: State): Promise<Update> {
    const started = Date.now();
    let writerText: State["writerText"];
    let tokens = { input: 0, output: 0 };
    const errors: string[] = [];
    const draft = buildReport(reportInput(state, deps));
    // The model words the summary while the picture renders: the timeline does not depend on the wording.
    const worded = deps.model ? createLlmWriter({ model: deps.model, prompt: deps.prompt })(draft) : undefined;
    worded?.catch(() => {}); // handled below; keeps an early rejection from going unhandled while rendering
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
        writerText = { summary: out.summary, nextSteps: out.nextSteps };
        tokens = out.tokens;
      } catch (err) {
        errors.push(`writer model failed, the template wording stands: ${(err as Error).message}`);
      }
    }
    const report = writerText ? buildReport(reportInput({ ...state, writerText }, deps)) : draft;
    return {
      writerText,
      report,
      timelineSvg,
      timelinePng,
      reportTitle: report.title,
      reportMarkdown: renderMarkdown(report),
      tokens,
      errors,
      timings: { writer: Date.now() - started },
    };
  };
}
