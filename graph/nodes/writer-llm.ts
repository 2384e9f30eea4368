// The model-backed writer: words the summary and next steps of a report from its structured assessment.
// Its output is untrusted: capped, checked against the assessment's verdict, and replaced by the
// deterministic wording when it does not pass. It never produces tables, ids, times or the verdict.
import { z } from "zod";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { VERDICTS } from "../schemas.ts";
import { acceptWriter, type Report } from "../../report/model.ts";
import { VendorError } from "../../tools/types.ts";

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
  /** Why the model's text was not used (then summary / nextSteps are the deterministic wording). */
  rejected?: string[];
}

function usage(raw: unknown): { input: number; output: number } {
  const u = (raw as { usage_metadata?: { input_tokens?: number; output_tokens?: number } } | undefined)?.usage_metadata;
  return { input: u?.input_tokens ?? 0, output: u?.output_tokens ?? 0 };
}

/**
 * `createLlmWriter({ model, prompt })(report)`: one structured call. Model / network failures throw (the
 * graph node keeps the template wording and records the error); output that fails the checks falls back to
 * the report's deterministic summary and steps, with the reasons in `rejected`.
 */
export function createLlmWriter(deps: { model: BaseChatModel; prompt: WriterPrompt }) {
  const structured = deps.model.withStructuredOutput(WriterOutput, { name: "report", includeRaw: true });
  return async function write(report: Report): Promise<LlmWriterResult> {
    const template = { summary: report.templateSummary, nextSteps: report.templateNextSteps };
    let out: { raw: unknown; parsed: unknown };
    try {
      out = await structured.invoke([
        { role: "system", content: deps.prompt.system },
        { role: "user", content: deps.prompt.buildUser(report) },
      ]);
    } catch (err) {
      // An answer that is not JSON is a bad answer, not an outage: keep the deterministic wording.
      if (err instanceof SyntaxError) {
        return { ...template, tokens: { input: 0, output: 0 }, rejected: [`the writer model's answer was not valid JSON (${err.message.slice(0, 200)})`] };
      }
      if (err instanceof z.ZodError || /ZodError|OutputParserException/.test((err as Error)?.name ?? "")) {
        return { ...template, tokens: { input: 0, output: 0 }, rejected: ["the writer model's answer did not match the expected {verdict, summary, next_steps} shape"] };
      }
      const status = (err as { status?: unknown })?.status;
      const code = typeof status === "number" ? status : undefined;
      throw new VendorError(
        "model",
        code,
        `writer model request failed${code ? ` (HTTP ${code})` : ""}: ${(err as Error)?.message ?? String(err)} — check OPENAI_API_KEY, CASEFILE_WRITER_MODEL / CASEFILE_MODEL and the base URL (CASEFILE_WRITER_BASE_URL / OPENAI_BASE_URL)`,
        code === undefined || code === 429 || code >= 500,
      );
    }
    const tokens = usage(out.raw);
    const fallback = { ...template, tokens };
    const parsed = WriterOutput.safeParse(out.parsed);
    if (!parsed.success) return { ...fallback, rejected: ["the writer model's answer did not match the expected {verdict, summary, next_steps} shape"] };
    if (parsed.data.verdict !== report.verdict) {
      return { ...fallback, rejected: [`the writer model claimed verdict ${parsed.data.verdict}, the assessment says ${report.verdict}`] };
    }
    const accepted = acceptWriter({ summary: parsed.data.summary, nextSteps: parsed.data.next_steps }, report.verdict);
    return {
      summary: accepted.summary ?? report.templateSummary,
      nextSteps: accepted.nextSteps ?? report.templateNextSteps,
      tokens,
      ...(accepted.notes.length ? { rejected: accepted.notes } : {}),
    };
  };
}
