// The model-backed analyst: asks the model to review the rules assessment over a compressed, pseudonymised
// timeline (analyst-compress.ts, analyst-pseudonymise.ts) and weighs its answer against the evidence
// (analyst-review.ts). Citations must be gathered ids (else asked again, then the rules verdict stands), unsafe
// rationale is refused, and every outcome — used, refused, failed, out of time — is recorded.
import type { z } from "zod";
import { Assessment } from "../../domain/schemas.ts";
import type { ChatClient, ChatMessage, Breakers } from "../model-client.ts";
import type { ModelOutcome } from "../model-outcome.ts";
import { askModel, type CallDeps } from "./model-call.ts";
import { buildAnalystPrompt, type AnalystPrompt, type LlmAnalystInput } from "./analyst-compress.ts";
import { Pseudonymiser } from "./analyst-pseudonymise.ts";
import { reviewVerdict } from "./analyst-review.ts";
import { unsafeReason, unsafeText } from "./unsafe-text.ts";

export { Pseudonymiser } from "./analyst-pseudonymise.ts";
export { buildAnalystPrompt, estimateTokens, PROMPT_CHAR_CAP, PROMPT_TOKEN_CAP, type AnalystPrompt, type LlmAnalystInput } from "./analyst-compress.ts";

export interface LlmAnalystOutput {
  assessment: Assessment;
  /** answers asked for (counted against the run's analyst attempt limit) */
  attempts: number;
  tokens: { input: number; output: number };
  /** placeholder → original value */
  replacements: Record<string, string>;
  rejected_citations: string[];
  prompt_chars: number;
  /** why the rules verdict stands, when the model gave no usable answer */
  fallback?: string;
  outcome: ModelOutcome;
}

/** What the model answers: the verdict part of an assessment (the rules add indicators and evidence). */
export const ModelAnalysis = Assessment.pick({ verdict: true, confidence: true, rationale: true, citations: true, techniques: true });
export type ModelAnalysis = z.infer<typeof ModelAnalysis>;

const TECHNIQUE_RE = /^T\d{4}(\.\d{3})?$/;

export interface LlmAnalystDeps {
  client: ChatClient;
  prompt: AnalystPrompt;
  maxAttempts?: number;
  breakers?: Breakers;
  /** aborts when the run's model time budget is spent */
  signal?: AbortSignal;
  now?: () => number;
  sleep?: CallDeps["sleep"];
}

export function createLlmAnalyst(opts: LlmAnalystDeps) {
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 2);
  const now = opts.now ?? Date.now;

  return async function llmAnalyst(input: LlmAnalystInput): Promise<LlmAnalystOutput> {
    const { rules, correlation: corr } = input;
    const built = buildAnalystPrompt(input, opts.prompt);
    const pseudo = new Pseudonymiser();
    Object.assign(pseudo.replacements, built.replacements);
    const known = new Set<string>();
    for (const e of corr.events) known.add(e.id);
    for (const e of corr.pivot_events) known.add(e.id);
    for (const e of input.events) known.add(e.id);

    const started = now();
    const tokens = { input: 0, output: 0 };
    const rejected: string[] = [];
    const rejections: string[] = [];
    const messages: ChatMessage[] = [
      { role: "system", content: built.system },
      { role: "user", content: built.user },
    ];
    const call: CallDeps = { client: opts.client, signal: opts.signal ?? new AbortController().signal, ...(opts.breakers ? { breakers: opts.breakers } : {}), ...(opts.sleep ? { sleep: opts.sleep } : {}) };
    let attempts = 0;
    let requests = 0;
    let mode: ModelOutcome["mode"];
    let why = "";
    let result: ModelAnalysis | undefined;

    while (attempts < maxAttempts) {
      attempts++;
      const res = await askModel(call, ModelAnalysis, "analysis", messages);
      requests += res.requests;
      tokens.input += res.tokens.input;
      tokens.output += res.tokens.output;
      mode = res.mode;
      if (res.error !== undefined || !res.value) {
        why = res.error ?? "no usable model answer";
        if (res.fatal) break;
        rejections.push(why);
        messages.push({ role: "user", content: "Your previous answer was not valid JSON for the required schema. Answer again with the schema fields only, as one JSON object." });
        continue;
      }
      const bad = res.value.citations.filter((c) => !known.has(c));
      if (bad.length) {
        for (const b of bad) if (!rejected.includes(b.slice(0, 200))) rejected.push(b.slice(0, 200));
        why = `the model cited ${bad.length} id(s) that are not in the gathered data`;
        rejections.push(why);
        messages.push({ role: "user", content: `These cited ids are not in the data: ${JSON.stringify(bad.slice(0, 10))}. Cite only "id" values present in the data block.` });
        continue;
      }
      result = res.value;
      break;
    }

    const base = { model: opts.client.model, host: opts.client.host, attempts: requests, ...(mode ? { mode } : {}), tokens, latency_ms: Math.max(0, Math.round(now() - started)) };
    const out = (assessment: Assessment, outcome: Omit<ModelOutcome, keyof typeof base>, fallback?: string): LlmAnalystOutput => ({
      assessment,
      attempts,
      tokens,
      replacements: built.replacements,
      rejected_citations: rejected,
      prompt_chars: built.chars,
      ...(fallback ? { fallback } : {}),
      outcome: { ...base, ...outcome },
    });

    if (!result) {
      const reason = `${why || "no usable model answer"}; the rules verdict stands`;
      return out({ ...rules, rationale: `${rules.rationale} A model review was attempted but ${reason}.` }, { engine: "rules", fallback: reason, rejections }, reason);
    }

    const rationale = pseudo.restore(result.rationale).replace(/[<>]/g, " ").slice(0, 2000);
    const unsafe = unsafeText(rationale, [rules.rationale]);
    if (unsafe.length) {
      rejections.push(unsafeReason("the model's rationale", unsafe));
      const reason = "the model's rationale carried instruction-like or de-escalating text; its answer was refused and the rules verdict stands";
      return out(
        { ...rules, ...(result.verdict !== rules.verdict ? { disagreement: `The model answered ${result.verdict}, but ${reason}.` } : {}) },
        { engine: "rules", fallback: reason, rejections, model_verdict: result.verdict, disagreed: result.verdict !== rules.verdict, overrode: false },
        reason,
      );
    }

    const flagged = corr.flagged.event_ids.filter((id) => known.has(id));
    const decision = reviewVerdict(rules, { verdict: result.verdict, citations: result.citations }, flagged);
    const disagreed = result.verdict !== rules.verdict;
    if (decision.outcome === "refuse") {
      rejections.push(decision.reason);
      return out(
        { ...rules, disagreement: `The model assessed this as ${result.verdict}, but ${decision.reason}; the rules verdict stands. Model rationale: ${rationale.slice(0, 600)}` },
        { engine: "rules", fallback: null, rejections, model_verdict: result.verdict, disagreed, overrode: false },
      );
    }
    const citations = [...new Set([...flagged, ...result.citations])].slice(0, 30);
    const techniques = [...new Set(result.techniques.filter((t) => TECHNIQUE_RE.test(t)))].sort();
    const assessment: Assessment = {
      verdict: result.verdict,
      confidence: decision.outcome === "override" ? decision.confidence : rules.confidence,
      rationale,
      citations,
      techniques,
      indicators: rules.indicators,
      engine: "model",
      scores: rules.scores,
      ...(rules.evidence ? { evidence: rules.evidence } : {}),
    };
    if (decision.outcome === "override") {
      assessment.rules_verdict = rules.verdict;
      assessment.disagreement = `The model's verdict (${result.verdict}) replaces the rules engine's (${rules.verdict}, confidence ${rules.confidence}): ${decision.reason}. Rules rationale: ${rules.rationale.slice(0, 600)}`;
    }
    return out(assessment, { engine: "model", fallback: null, rejections, model_verdict: result.verdict, disagreed, overrode: decision.outcome === "override" });
  };
}
