// The model-backed analyst: reviews the rules assessment over a compressed, pseudonymised timeline and may refine
// the verdict. The model never gets the last word on evidence: citations must be gathered ids (else retried,
// then the rules verdict stands), a critical rules indicator cannot become benign without contrary evidence,
// and any model/rules disagreement is recorded in the assessment.
import { z } from "zod";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { AuditEvent, SourceName, SourceStatus } from "../../tools/events.ts";
import { Verdict } from "../schemas.ts";
import type { Anomaly, Assessment, Indicator } from "../schemas.ts";
import type { Correlation } from "../../analysis/correlate.ts";
import type { AnalystPromptData } from "../../prompts/analyst.ts";

export interface AnalystPrompt {
  name: string;
  version: string;
  system: string;
  buildUser(input: AnalystPromptData): string;
}

export interface LlmAnalystInput {
  correlation: Correlation;
  indicators: Indicator[];
  rules: Assessment;
  events: AuditEvent[];
  anomaly: Anomaly;
  sources: Partial<Record<SourceName, SourceStatus>>;
}

export interface LlmAnalystOutput {
  assessment: Assessment;
  attempts: number;
  tokens: { input: number; output: number };
  /** placeholder → original value */
  replacements: Record<string, string>;
  rejected_citations: string[];
  prompt_chars: number;
  /** why the rules verdict stands, when it does */
  fallback?: string;
}

export const ModelAnalysis = z.object({
  verdict: Verdict,
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  citations: z.array(z.string()),
  techniques: z.array(z.string()),
});
export type ModelAnalysis = z.infer<typeof ModelAnalysis>;

export const PROMPT_CHAR_CAP = 28_000;
/** Upper bound on the prompt's estimated tokens (the model budget is 8 000; the estimate leaves a margin). */
export const PROMPT_TOKEN_CAP = 7_200;

/**
 * Token estimate without a tokenizer: long id-like runs (vendor ids, hashes) tokenise at ~2.5 characters per
 * token or less, the rest (JSON punctuation, placeholders and words) at ~3.
 */
export function estimateTokens(text: string): number {
  let idChars = 0;
  for (const m of text.matchAll(/[A-Za-z0-9_-]{16,}/g)) idChars += m[0].length;
  return Math.ceil(idChars / 1.9 + (text.length - idChars) / 2.8);
}

// ---- pseudonymisation -------------------------------------------------------------------------------------

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4_RE = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6_RE = /\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4}\b/g;

export class Pseudonymiser {
  private readonly forward = new Map<string, string>();
  readonly replacements: Record<string, string> = {};
  private readonly counters: Record<string, number> = {};
  private names: string[] = [];

  private put(kind: string, original: string, make: (n: number) => string): string {
    const key = `${kind}\u0000${original}`;
    let p = this.forward.get(key);
    if (!p) {
      const n = (this.counters[kind] = (this.counters[kind] ?? 0) + 1);
      p = make(n);
      this.forward.set(key, p);
      this.replacements[p] = original;
    }
    return p;
  }
  email(s: string): string {
    return this.put("email", s.toLowerCase(), (n) => `user_${n}@example.invalid`);
  }
  ip(s: string): string {
    return this.put("ip", s, (n) => `ip_${n}`);
  }
  /** A token/key name or a resource name; also replaced wherever it appears in free text later. */
  name(kind: "token" | "resource", s: string): string {
    if (!s) return s;
    const p = this.put(kind, s, (n) => `${kind}_${n}`);
    if (s.length >= 4 && !this.names.includes(s) && this.names.length < 500) this.names.push(s);
    return p;
  }
  /** Free text: known names, emails and addresses replaced. */
  text(s: string, max = 240): string {
    let t = s.slice(0, max * 2);
    for (const n of this.names) if (t.includes(n)) t = t.split(n).join(this.forward.get(`token\u0000${n}`) ?? this.forward.get(`resource\u0000${n}`) ?? n);
    t = t.replace(EMAIL_RE, (m) => this.email(m)).replace(IPV4_RE, (m) => this.ip(m)).replace(IPV6_RE, (m) => (m.split(":").length >= 3 ? this.ip(m) : m));
    return t.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").slice(0, max);
  }
  /** Put the original values back into model output. */
  restore(s: string): string {
    return s.replace(/\buser_\d+@example\.invalid|\b(?:ip|token|resource)_\d+\b/g, (m) => this.replacements[m] ?? m);
  }
}

// ---- prompt building --------------------------------------------------------------------------------------

function compactValue(v: unknown, p: Pseudonymiser, max: number): unknown {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return p.text(s ?? "", max);
}

function eventView(e: AuditEvent, p: Pseudonymiser, textMax: number): Record<string, unknown> {
  const who = e.actor.email ? p.email(e.actor.email) : e.actor.id ? p.text(e.actor.id, 60) : undefined;
  const v: Record<string, unknown> = {
    id: e.id,
    time: e.time,
    source: e.source,
    actor: who,
    actor_type: e.actor.type ? p.text(e.actor.type, 30) : undefined,
    auth: e.actor.auth ? p.text(e.actor.auth, 40) : undefined,
    token: e.actor.token_name ? p.name("token", e.actor.token_name) : undefined,
    ip: e.ip ? p.ip(e.ip) : undefined,
    user_agent: e.user_agent ? p.text(e.user_agent, 80) : undefined,
    country: e.location?.country ? p.text(e.location.country, 8) : undefined,
    action: p.text(e.action, 100),
    operation: e.operation,
    resource_type: e.resource.type ? p.text(e.resource.type, 60) : undefined,
    resource: e.resource.name ? p.name("resource", e.resource.name) : e.resource.id ? p.name("resource", e.resource.id) : undefined,
    outcome: e.outcome,
    description: e.description ? p.text(e.description, textMax) : undefined,
    setting: e.change?.setting ? p.text(e.change.setting, 60) : undefined,
    old: compactValue(e.change?.old, p, Math.min(textMax, 120)),
    new: compactValue(e.change?.new, p, Math.min(textMax, 120)),
  };
  const tn = e.metadata?.["token_name"];
  if (typeof tn === "string") v["token"] = p.name("token", tn);
  for (const k of Object.keys(v)) if (v[k] === undefined) delete v[k];
  return v;
}

function topCounts(m: Map<string, number>, n: number): Record<string, number> {
  return Object.fromEntries([...m].sort((a, b) => b[1] - a[1]).slice(0, n));
}

/** The prompt for one review: the pseudonymised, compressed data and the messages built from it. */
export function buildAnalystPrompt(input: LlmAnalystInput, prompt: AnalystPrompt): { system: string; user: string; replacements: Record<string, string>; chars: number; kept_event_ids: string[] } {
  const { correlation: corr, indicators, rules, anomaly, sources } = input;
  const byId = new Map<string, AuditEvent>();
  for (const e of corr.events) byId.set(e.id, e);
  for (const e of corr.pivot_events) byId.set(e.id, e);
  // key events: flagged first, then every indicator event by indicator severity
  const rank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
  const keyIds: string[] = [...corr.flagged.event_ids];
  for (const ind of [...indicators].sort((a, b) => (rank[a.severity] ?? 5) - (rank[b.severity] ?? 5)))
    for (const id of ind.event_ids) if (!keyIds.includes(id) && byId.has(id)) keyIds.push(id);
  const keySet = new Set(keyIds);

  // everything else as counts
  const perAction = new Map<string, number>(), perSource = new Map<string, number>(), perHour = new Map<string, number>();
  let rest = 0;
  for (const e of corr.events) {
    if (keySet.has(e.id)) continue;
    rest++;
    perAction.set(e.action.slice(0, 80), (perAction.get(e.action.slice(0, 80)) ?? 0) + 1);
    perSource.set(e.source, (perSource.get(e.source) ?? 0) + 1);
    const h = e.time.slice(0, 13) + ":00Z";
    perHour.set(h, (perHour.get(h) ?? 0) + 1);
  }

  const attempt = (keep: number, textMax: number, actionsTop: number) => {
    const p = new Pseudonymiser();
    // every indicator event id appears once: shown events carry the indexes of their indicators ("ind"), and an
    // indicator lists only the ids of its events that are not shown
    const shown = new Set(keyIds.slice(0, keep));
    const indOf = new Map<string, number[]>();
    indicators.forEach((ind, k) => {
      for (const id of ind.event_ids) if (shown.has(id)) indOf.set(id, [...(indOf.get(id) ?? []), k]);
    });
    const data: AnalystPromptData = {
      anomaly: {
        id: anomaly.id,
        actor: anomaly.actor.includes("@") ? p.email(anomaly.actor) : p.text(anomaly.actor, 80),
        action: p.text(anomaly.action, 100),
        timestamp: anomaly.timestamp,
        source: anomaly.source,
        severity: anomaly.severity,
        details: anomaly.details ? p.text(JSON.stringify(anomaly.details), 300) : undefined,
      },
      rules: { verdict: rules.verdict, confidence: rules.confidence, scores: rules.scores, rationale: p.text(rules.rationale, Math.min(1200, textMax * 5)) },
      indicators: indicators.map((i, k) => ({
        n: k,
        id: i.id,
        kind: i.kind,
        severity: i.severity,
        techniques: i.techniques,
        events_shown: i.event_ids.filter((id) => shown.has(id)).length,
        event_ids: i.event_ids.filter((id) => !shown.has(id)),
        detail: p.text(i.detail, Math.min(200, textMax)),
      })),
      context: {
        baseline_events: corr.baseline.events,
        baseline_addresses: corr.baseline.ips.slice(0, 5).map((ip) => p.ip(ip)),
        baseline_countries: corr.baseline.countries.slice(0, 5),
        new_addresses: corr.novelty.new_ips.slice(0, 5).map((ip) => p.ip(ip)),
        new_countries: corr.novelty.new_countries.slice(0, 5),
        new_clients: corr.novelty.new_user_agents.slice(0, 3).map((u) => p.text(u, 80)),
        automation: { known: corr.automation.known, reasons: corr.automation.reasons },
        reverts: corr.reverts.slice(0, 5),
        flagged_event_ids: corr.flagged.event_ids,
        flagged_match: corr.flagged.match,
      },
      sources: Object.fromEntries(Object.entries(sources).map(([k, s]) => [k, { status: s?.status, events: s?.events, error: s?.error ? p.text(s.error, 160) : undefined }])),
      events: keyIds.slice(0, keep).map((id) => {
        const v = eventView(byId.get(id)!, p, textMax);
        const ind = indOf.get(id);
        return ind ? { ...v, ind } : v;
      }),
      summary: {
        total_events: corr.events.length,
        key_events: keyIds.length,
        key_events_shown: Math.min(keep, keyIds.length),
        other_events: rest,
        other_by_source: Object.fromEntries(perSource),
        other_by_action: Object.fromEntries(Object.entries(topCounts(perAction, actionsTop)).map(([a, n]) => [p.text(a, 80), n])),
        other_by_hour: topCounts(perHour, Math.min(24, actionsTop)),
        pivot_events: corr.pivot_events.length,
      },
    };
    const user = prompt.buildUser(data);
    const chars = prompt.system.length + user.length;
    return { system: prompt.system, user, replacements: p.replacements, chars, tokens: estimateTokens(prompt.system) + estimateTokens(user), kept_event_ids: keyIds.slice(0, keep) };
  };

  let keep = keyIds.length;
  let textMax = 240;
  let actionsTop = 40;
  let out = attempt(keep, textMax, actionsTop);
  while ((out.chars > PROMPT_CHAR_CAP || out.tokens > PROMPT_TOKEN_CAP) && (keep > 5 || textMax > 60 || actionsTop > 10)) {
    keep = Math.max(5, Math.floor(keep * 0.7));
    textMax = Math.max(60, Math.floor(textMax * 0.8));
    actionsTop = Math.max(10, actionsTop - 5);
    out = attempt(keep, textMax, actionsTop);
  }
  const { tokens: _estimate, ...built } = out;
  return built;
}

// ---- the node ---------------------------------------------------------------------------------------------

const TECHNIQUE_RE = /^T\d{4}(\.\d{3})?$/;

export function createLlmAnalyst(opts: { model: BaseChatModel; prompt: AnalystPrompt; maxAttempts?: number }) {
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 2);
  const structured = opts.model.withStructuredOutput(ModelAnalysis, { name: "analysis", includeRaw: true });

  return async function llmAnalyst(input: LlmAnalystInput): Promise<LlmAnalystOutput> {
    const { rules, correlation: corr, indicators } = input;
    const built = buildAnalystPrompt(input, opts.prompt);
    const pseudo = new Pseudonymiser();
    Object.assign(pseudo.replacements, built.replacements);
    const known = new Set<string>();
    for (const e of corr.events) known.add(e.id);
    for (const e of corr.pivot_events) known.add(e.id);
    for (const e of input.events) known.add(e.id);

    const tokens = { input: 0, output: 0 };
    const rejected: string[] = [];
    const messages: BaseMessage[] = [new SystemMessage(built.system), new HumanMessage(built.user)];
    let attempts = 0;
    let why = "";
    let result: ModelAnalysis | undefined;
    const stand = (reason: string): LlmAnalystOutput => ({
      assessment: { ...rules, rationale: `${rules.rationale} A model review was attempted but ${reason}.` },
      attempts,
      tokens,
      replacements: built.replacements,
      rejected_citations: rejected,
      prompt_chars: built.chars,
      fallback: reason,
    });

    while (attempts < maxAttempts) {
      attempts++;
      let parsed: unknown;
      try {
        const res = (await structured.invoke(messages)) as { raw?: { usage_metadata?: { input_tokens?: number; output_tokens?: number } }; parsed?: unknown; parsingError?: unknown };
        tokens.input += res.raw?.usage_metadata?.input_tokens ?? 0;
        tokens.output += res.raw?.usage_metadata?.output_tokens ?? 0;
        parsed = res.parsed;
        if (parsed === null || parsed === undefined) {
          why = `the model's answer was not valid JSON for the analysis schema${res.parsingError ? ` (${String((res.parsingError as Error).message ?? res.parsingError).slice(0, 160)})` : ""}`;
          messages.push(new HumanMessage("Your previous answer was not valid JSON for the required schema. Answer again with the schema fields only."));
          continue;
        }
      } catch (err) {
        const msg = String((err as Error).message ?? err).replace(/\s+/g, " ").slice(0, 200);
        if (/json|pars|schema|unexpected token|validat|output_parser/i.test(msg)) {
          why = `the model's answer was not valid JSON for the analysis schema (${msg})`;
          messages.push(new HumanMessage("Your previous answer was not valid JSON for the required schema. Answer again with the schema fields only."));
          continue;
        }
        why = `the model call failed: ${msg}`;
        break;
      }
      const ok = ModelAnalysis.safeParse(parsed);
      if (!ok.success) {
        why = `the model's answer did not match the analysis schema: ${ok.error.issues[0]?.path.join(".")}: ${ok.error.issues[0]?.message}`;
        messages.push(new HumanMessage("Your previous answer did not match the required schema. Answer again with the schema fields only."));
        continue;
      }
      const bad = ok.data.citations.filter((c) => !known.has(c));
      if (bad.length) {
        for (const b of bad) if (!rejected.includes(b)) rejected.push(b.slice(0, 200));
        why = `the model cited ${bad.length} id(s) that are not in the gathered data`;
        messages.push(new HumanMessage(`These cited ids are not in the data: ${JSON.stringify(bad.slice(0, 10))}. Cite only "id" values present in the data block.`));
        continue;
      }
      result = ok.data;
      break;
    }
    if (!result) return stand(`${why || "no usable model answer"}; the rules verdict stands`);

    const rationale = pseudo.restore(result.rationale).replace(/[<>]/g, " ").slice(0, 2000);
    const flagged = corr.flagged.event_ids.filter((id) => known.has(id));
    const citations = [...new Set([...flagged, ...result.citations])].slice(0, 30);
    const techniques = [...new Set(result.techniques.filter((t) => TECHNIQUE_RE.test(t)))].sort();

    // a critical rules indicator cannot become benign without contrary evidence cited
    const critical = indicators.filter((i) => i.kind === "attack" && i.severity === "critical");
    if (result.verdict === "benign" && critical.length && rules.verdict !== "benign") {
      const contrary = new Set(indicators.filter((i) => i.kind === "benign" || i.kind === "misconfig").flatMap((i) => i.event_ids));
      if (!result.citations.some((c) => contrary.has(c))) {
        return {
          ...stand("the model called it benign despite a critical indicator without citing contrary evidence"),
          assessment: {
            ...rules,
            disagreement: `The model assessed this as benign (confidence ${result.confidence}) but cited no evidence against the critical indicator(s) ${critical.map((i) => i.id).join(", ")}; the rules verdict stands. Model rationale: ${rationale.slice(0, 600)}`,
          },
        };
      }
    }
    const assessment: Assessment = {
      verdict: result.verdict,
      confidence: Math.round(result.confidence * 100) / 100,
      rationale,
      citations,
      techniques,
      indicators: rules.indicators,
      engine: "model",
      scores: rules.scores,
    };
    if (result.verdict !== rules.verdict) {
      assessment.rules_verdict = rules.verdict;
      assessment.disagreement = `The model's verdict (${result.verdict}) differs from the rules engine's (${rules.verdict}, confidence ${rules.confidence}). Rules rationale: ${rules.rationale.slice(0, 600)}`;
    }
    return { assessment, attempts, tokens, replacements: built.replacements, rejected_citations: rejected, prompt_chars: built.chars };
  };
}
