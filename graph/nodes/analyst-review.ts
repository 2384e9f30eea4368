// The evidence is the floor: how a model's verdict is weighed against the rules assessment.
//   - same verdict: the model's wording, the rules' calibrated confidence;
//   - higher severity (likely_malicious > misconfiguration > benign): accepted with at least one valid citation;
//   - lower severity: accepted only when the model cites contrary evidence — event ids that a clearing rule of
//     the evidence table accepts for the model's class, outside every attack indicator, and not the flagged
//     event itself (the routine indicator and baseline-resemblance rules are never contrary evidence);
//   - inconclusive never replaces a rules verdict that has evidence.
// Otherwise the rules verdict stands and the disagreement is shown. The published confidence is never the
// model's number: the rules' confidence when the rules verdict stands or the model agrees, and a fixed
// discount of it when a justified model verdict replaces the rules' (OVERRIDE_CONFIDENCE_FACTOR).
import type { Assessment, Verdict } from "../../domain/schemas.ts";

/** Severity order of the classes; inconclusive is not a severity. */
export const SEVERITY: Record<Exclude<Verdict, "inconclusive">, number> = { likely_malicious: 2, misconfiguration: 1, benign: 0 };

/**
 * A justified override is published at this fraction of the rules' calibrated confidence: the rules were
 * confident in another class and the cited evidence argues against them, so certainty is lower than theirs.
 */
export const OVERRIDE_CONFIDENCE_FACTOR = 0.7;

export interface ModelVerdict {
  verdict: Verdict;
  /** cited ids, all present in the gathered data */
  citations: string[];
}

export type ReviewDecision =
  | { outcome: "agree" }
  | { outcome: "override"; direction: "raise" | "lower"; contrary: string[]; confidence: number; reason: string }
  | { outcome: "refuse"; reason: string };

/**
 * Routine is never contrary evidence: the events of the routine indicator, and clearing rules that only say the
 * activity resembles the actor's baseline (an attacker with the actor's session looks the same), do not count.
 */
export const ROUTINE_INDICATORS: readonly string[] = ["context.routine"];
export const NOT_CONTRARY_RULES: readonly string[] = [
  "clear.continues_routine",
  "clear.discounted_routine",
  "clear.same_place",
  "clear.no_sensitive_change",
  "clear.isolated_change",
  "clear.flagged_action_before",
];

const counts = (e: { clearing: boolean; cls: string; rule: string }, cls: Verdict) => e.clearing && e.cls === cls && !NOT_CONTRARY_RULES.includes(e.rule);

/** Event ids cited by the model that clear the activity towards `cls` (see the header). */
export function contraryEvidence(rules: Assessment, cls: Verdict, cited: string[], flagged: string[]): string[] {
  const clearing = new Set((rules.evidence ?? []).filter((e) => counts(e, cls)).flatMap((e) => e.ids ?? []));
  const attack = new Set(rules.indicators.filter((i) => i.kind === "attack" || ROUTINE_INDICATORS.includes(i.id)).flatMap((i) => i.event_ids));
  const flag = new Set(flagged);
  return [...new Set(cited)].filter((id) => clearing.has(id) && !attack.has(id) && !flag.has(id));
}

function clearingRules(rules: Assessment, cls: Verdict, ids: string[]): string[] {
  const set = new Set(ids);
  return [...new Set((rules.evidence ?? []).filter((e) => counts(e, cls) && (e.ids ?? []).some((id) => set.has(id))).map((e) => e.rule))];
}

const discounted = (c: number) => Math.round(c * OVERRIDE_CONFIDENCE_FACTOR * 100) / 100;

export function reviewVerdict(rules: Assessment, model: ModelVerdict, flagged: string[]): ReviewDecision {
  const from = rules.verdict;
  const to = model.verdict;
  if (to === from) return { outcome: "agree" };
  if (to === "inconclusive") return { outcome: "refuse", reason: "a model's inconclusive never replaces a rules verdict that has evidence" };
  const raise = from === "inconclusive" ? to === "likely_malicious" : SEVERITY[to] > SEVERITY[from];
  if (raise) {
    if (model.citations.length === 0) return { outcome: "refuse", reason: `the model raised the verdict to ${to} without citing any event` };
    return { outcome: "override", direction: "raise", contrary: [], confidence: discounted(rules.confidence), reason: `the model raised the verdict to ${to} citing ${model.citations.length} event(s)` };
  }
  if (!rules.evidence) return { outcome: "refuse", reason: `the model lowered the verdict to ${to}, but the rules assessment carries no evidence table to check contrary evidence against` };
  const contrary = contraryEvidence(rules, to, model.citations, flagged);
  if (contrary.length === 0) {
    return {
      outcome: "refuse",
      reason: `the model lowered the verdict to ${to} without citing contrary evidence (events outside every attack indicator that a clearing rule for ${to} accepts; routine activity and the flagged event do not count)`,
    };
  }
  return {
    outcome: "override",
    direction: "lower",
    contrary,
    confidence: discounted(rules.confidence),
    reason: `the model lowered the verdict to ${to} citing contrary evidence ${contrary.slice(0, 5).join(", ")} (clearing rule(s) ${clearingRules(rules, to, contrary).join(", ")})`,
  };
}
