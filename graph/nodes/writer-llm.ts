// The model-backed writer: words the summary and next steps of a report from its structured assessment.
// Its output is untrusted: capped, checked against the assessment's verdict (report/model.ts acceptWriter),
// and guarded (writer-guard.ts): steps only reword the template's, no instruction-like or de-escalating text.
// Whatever does not pass, the deterministic wording stands and the reason is recorded in the outcome.
// It never produces tables, ids, times or the verdict, and it never throws: a failed call is a fallback.
import { z } from "zod";
import { VERDICTS } from "../../domain/schemas.ts";
import { acceptWriter, type Report } from "../../report/model.ts";
import type { Breakers, ChatClient } from "../model-client.ts";
import type { ModelOutcome } from "../model-outcome.ts";
import { askModel, type CallDeps } from "./model-call.ts";
import { guardWriterText } from "./writer-guard.ts";

export interface WriterPrompt {
  name: string;
  version: string;
  system: string;
  buildUser(report: Report): string;
}

export const WriterOutput = z.object({
  verdict: z.enum(VERDICTS).describe("exactly the verdict given in the data"),
  summary: z.string().describe("3 to 5 plain sentences"),
  next_steps: z.array(z.string()).describe("the template next steps, reworded"),
});

export interface LlmWriterResult {
  summary: string;
  nextSteps: string[];
  tokens: { input: number; output: number };
  /** Why (part of) the model's text was not used (then that part is the deterministic wording). */
  rejected?: string[];
  outcome: ModelOutcome;
}

export interface LlmWriterDeps {
  client: ChatClient;
  prompt: WriterPrompt;
  breakers?: Breakers;
  signal?: AbortSignal;
  now?: () => number;
  sleep?: CallDeps["sleep"];
}

/** `createLlmWriter({ client, prompt })(report)`: one structured question, then the checks. */
export function createLlmWriter(deps: LlmWriterDeps) {
  const now = deps.now ?? Date.now;
  return async function write(report: Report): Promise<LlmWriterResult> {
    const template = { summary: report.templateSummary, nextSteps: report.templateNextSteps };
    const started = now();
    const res = await askModel(
      { client: deps.client, signal: deps.signal ?? new AbortController().signal, ...(deps.breakers ? { breakers: deps.breakers } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) },
      WriterOutput,
      "report",
      [
        { role: "system", content: deps.prompt.system },
        { role: "user", content: deps.prompt.buildUser(report) },
      ],
    );
    const base = { model: deps.client.model, host: deps.client.host, attempts: res.requests, mode: res.mode, tokens: res.tokens, latency_ms: Math.max(0, Math.round(now() - started)) };
    const fallback = (reason: string, rejected: string[] = []): LlmWriterResult => ({
      ...template,
      tokens: res.tokens,
      ...(rejected.length ? { rejected } : {}),
      outcome: { ...base, engine: "template", fallback: reason, rejections: rejected },
    });
    if (!res.value) {
      const reason = `${res.error ?? "no usable model answer"}; the template wording stands`;
      return res.fatal ? fallback(reason) : fallback(reason, [res.error ?? "no usable model answer"]);
    }
    if (res.value.verdict !== report.verdict) {
      const why = `the writer model claimed verdict ${res.value.verdict}, the assessment says ${report.verdict}`;
      return fallback(`${why}; the template wording stands`, [why]);
    }
    const checked = acceptWriter({ summary: res.value.summary, nextSteps: res.value.next_steps }, report.verdict);
    const guarded = guardWriterText(
      { summary: checked.summary ?? template.summary, nextSteps: checked.nextSteps ?? template.nextSteps },
      template,
    );
    const rejected = [...checked.notes, ...guarded.rejected];
    const summary = checked.summary !== undefined ? (guarded.summary ?? template.summary) : template.summary;
    const nextSteps = checked.nextSteps !== undefined ? (guarded.nextSteps ?? template.nextSteps) : template.nextSteps;
    const used = summary !== template.summary || nextSteps !== template.nextSteps;
    return {
      summary,
      nextSteps,
      tokens: res.tokens,
      ...(rejected.length ? { rejected } : {}),
      outcome: { ...base, engine: used ? "model" : "template", fallback: used ? null : "none of the model's wording passed the checks; the template wording stands", rejections: rejected },
    };
  };
}
