// The deterministic analyst's verdict: the evidence table (analysis/evidence.ts) weighed by learned weights
// (analysis/weights.ts), a calibrated softmax, and the citations and rationale a reviewer checks.
//
// Every rule that fired is reported with its contribution to the verdict's margin over the runner-up class:
// positive contributions argued for the verdict, negative ones against it. The confidence is the calibrated
// probability of the winning class (temperature fitted on out-of-fold predictions), lowered for data gaps; it
// falls on its own when the runner-up class has real evidence, because both classes' scores enter the softmax.
// `inconclusive` is answered only when there is no evidence to weigh.
import type { SourceName, SourceStatus } from "../domain/events.ts";
import type { Assessment, Evidence, Indicator, Verdict } from "../domain/schemas.ts";
import type { Correlation } from "./timeline.ts";
import { RULE_IDS, evaluateEvidence, evidenceContext, type Activation, type EvidenceContext, type EvidenceRule, type Fired } from "./evidence.ts";
import { CLASSES, logits, shippedModel, softmax, type Model } from "./weights.ts";

/** Confidence lost per failed source, per incomplete source, and when the flagged event itself was not found. */
export const GAP_DISCOUNT = { failed: 0.12, partial: 0.06, flaggedMissing: 0.1 } as const;
const RULE_INDEX = new Map(RULE_IDS.map((id, i) => [id, i]));
const round = (x: number) => Math.round(x * 100) / 100;
const LABEL: Record<string, string> = { likely_malicious: "likely malicious", misconfiguration: "a misconfiguration", benign: "benign" };

/** The evidence activations of one investigation and its data-gap discount: what `casefile fit` learns from. */
export function activations(corr: Correlation, indicators: Indicator[], sources: Partial<Record<SourceName, SourceStatus>>): { x: number[]; gap: number } {
  const ctx = evidenceContext(corr, indicators, sources);
  return { x: evaluateEvidence(ctx).x, gap: gapOf(ctx) };
}

/** Confidence lost to data gaps: failed and incomplete sources, a flagged event not found. */
function gapOf(ctx: EvidenceContext): number {
  return GAP_DISCOUNT.failed * ctx.failedSources.length + GAP_DISCOUNT.partial * ctx.partialSources.length + (ctx.corr.flagged.event_ids.length ? 0 : GAP_DISCOUNT.flaggedMissing);
}

/** The published confidence: the calibrated probability of the verdict, lowered for data gaps, within [0.34, 0.97]. */
export function publishedConfidence(p: number, gap: number): number {
  return Math.min(0.97, Math.max(0.34, p * (1 - gap)));
}

/** Rules beside the evidence table with their own fixed weights per class (organisation context, analysis/org-context.ts). */
export interface ExtraRule extends EvidenceRule {
  weights: readonly [number, number, number];
  eval(ctx: EvidenceContext): (Activation & { why?: string }) | undefined;
}

export function assess(corr: Correlation, indicators: Indicator[], sources: Partial<Record<SourceName, SourceStatus>>, model: Model = shippedModel(), extraRules: readonly ExtraRule[] = []): Assessment {
  const ctx = evidenceContext(corr, indicators, sources);
  const noData = (ctx.failedSources.length > 0 && ctx.failedSources.length === Object.keys(sources).filter((k) => sources[k as SourceName]).length) || corr.events.length === 0;
  if (noData) {
    const why =
      corr.events.length === 0 && ctx.failedSources.length === 0
        ? "No events of this actor were found in the window and the flagged event cannot be seen, so there is no evidence to weigh."
        : `No evidence could be gathered: ${ctx.failedSources.length ? `source(s) ${ctx.failedSources.join(", ")} failed` : "no events were returned"}. Re-run once the sources are reachable.`;
    return { verdict: "inconclusive", confidence: 0.2, rationale: why, citations: [], techniques: [], indicators, engine: "rules", scores: { likely_malicious: 0, misconfiguration: 0, benign: 0 }, evidence: [] };
  }

  const { x, fired } = evaluateEvidence(ctx);
  const z = logits(model, x);
  // extra rules add strength × their fixed weight to each class; they are reported like the table's rules
  const extraFired: { rule: ExtraRule; strength: number; ids: string[]; why: string }[] = [];
  for (const rule of extraRules) {
    const a = rule.eval(ctx);
    if (!a || !(a.strength > 0)) continue;
    for (let c = 0; c < 3; c++) z[c] = z[c]! + a.strength * rule.weights[c]!;
    extraFired.push({ rule, strength: a.strength, ids: [...new Set(a.ids)], why: a.why ?? rule.why });
  }
  const p = softmax(z, model.temperature);
  let top = 0;
  for (let c = 1; c < 3; c++) if (z[c]! > z[top]! + 1e-9) top = c;
  let second = top === 0 ? 1 : 0;
  for (let c = 0; c < 3; c++) if (c !== top && z[c]! > z[second]!) second = c;
  const verdict: Verdict = CLASSES[top]!;
  const confidence = round(publishedConfidence(p[top]!, gapOf(ctx)));

  const evidence = [
    ...weigh(fired, model, top, second),
    ...extraFired
      .map((f) => ({ rule: f.rule.id, cls: f.rule.cls, weight: round(f.strength * (f.rule.weights[top]! - f.rule.weights[second]!)), why: f.why, ids: f.ids, clearing: f.rule.clearing ?? false }))
      .filter((e) => e.weight !== 0),
  ].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const forIt = evidence.filter((e) => e.weight > 0);
  const against = evidence.filter((e) => e.weight < 0);

  const citations: string[] = [];
  const add = (id: string) => {
    if (citations.length < 20 && !citations.includes(id) && ctx.byId.has(id)) citations.push(id);
  };
  corr.flagged.event_ids.forEach(add);
  for (const e of forIt.slice(0, 6)) e.ids.slice(0, 5).forEach(add);
  for (const id of supportingContext(corr, corr.flagged.event_ids)) add(id);
  for (const e of against.slice(0, 2)) e.ids.slice(0, 2).forEach(add);

  const techniques =
    verdict === "benign"
      ? []
      : [
          ...new Set([
            ...(verdict === "likely_malicious" ? ctx.counted : [...ctx.counted, ...ctx.weakAll]).flatMap((i) => i.techniques),
            // malicious use of the actor's own audit trail means a valid cloud account was abused
            ...(verdict === "likely_malicious" ? ["T1078.004"] : []),
          ]),
        ].sort();

  const sentences: string[] = [];
  sentences.push(`The rules engine assesses this activity as ${LABEL[verdict]} (confidence ${confidence}; runner-up ${CLASSES[second]!.replace("_", " ")} at ${round(p[second]!)}).`);
  sentences.push(`Weighed for it: ${forIt.slice(0, 5).map((e) => `${e.why} (+${e.weight})`).join("; ") || "nothing beyond the prior"}.`);
  if (against.length) sentences.push(`Weighed against it: ${against.slice(0, 3).map((e) => `${e.why} (${e.weight})`).join("; ")}.`);
  if (corr.flagged.event_ids.length) sentences.push(`The flagged event was located (${corr.flagged.match} match) among ${corr.events.length} event(s) of the actor.`);
  else sentences.push(`The flagged event itself was not found among the ${corr.events.length} gathered event(s) of the actor; the verdict rests on the surrounding activity.`);
  sentences.push(corr.baseline.events ? `The baseline is ${corr.baseline.events} earlier event(s) from ${corr.baseline.ips.length} address(es).` : "There was no earlier activity in the window to form a baseline.");
  if (ctx.failedSources.length || ctx.partialSources.length)
    sentences.push(`Data gap: ${[...ctx.failedSources.map((s) => `${s} failed`), ...ctx.partialSources.map((s) => `${s} incomplete`)].join(", ")}; the confidence is lowered accordingly.`);
  if (ctx.discounted.length) sentences.push(`Discounted: ${ctx.discounted.map((d) => `${d.ind.name} (${d.reason})`).join("; ")}.`);

  return {
    verdict,
    confidence,
    rationale: sentences.join(" "),
    citations,
    techniques,
    indicators,
    engine: "rules",
    scores: { likely_malicious: round(z[0]!), misconfiguration: round(z[1]!), benign: round(z[2]!) },
    evidence,
    weights_version: model.version,
  };
}

/**
 * Each fired rule's contribution to the verdict's margin over the runner-up: activation × (w[verdict] − w[runner-up]).
 * Strongest first; rules that weigh nothing either way are left out.
 */
function weigh(fired: Fired[], model: Model, top: number, second: number): Evidence[] {
  const out: Evidence[] = [];
  for (const f of fired) {
    const i = RULE_INDEX.get(f.rule.id)!;
    const row = model.w[i]!;
    const contribution = round(f.strength * (row[top]! - row[second]!));
    if (contribution === 0) continue;
    out.push({ rule: f.rule.id, cls: f.rule.cls, weight: contribution, why: f.rule.why, ids: f.ids, clearing: f.rule.clearing ?? false });
  }
  return out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}

/**
 * Events a reviewer needs beside the indicators to check the verdict: how the focus period was entered (its
 * first event and any login in it), and what else the actor did to the flagged event's resource in the focus
 * period (a follow-up change, a revert, the record of a ticket).
 */
function supportingContext(corr: Correlation, flaggedIds: string[]): string[] {
  const out: string[] = [];
  const focus = corr.events.slice(Math.max(0, corr.focus_start));
  if (focus.length === 0) return out;
  const first = focus[0]!;
  if (!flaggedIds.includes(first.id)) out.push(first.id);
  for (const e of focus) {
    if (out.length >= 3) break;
    if (e.operation === "login" && !out.includes(e.id) && !flaggedIds.includes(e.id)) out.push(e.id);
  }
  const flagged = corr.events.filter((e) => flaggedIds.includes(e.id));
  const keyOf = (e: Correlation["events"][number]) => [e.resource.type, e.resource.id ?? e.resource.name].filter(Boolean).join(":");
  const keys = new Set(flagged.map(keyOf).filter((k) => k.includes(":")));
  let same = 0;
  for (const e of focus) {
    if (same >= 3) break;
    if (keys.has(keyOf(e)) && !flaggedIds.includes(e.id) && !out.includes(e.id)) {
      out.push(e.id);
      same++;
    }
  }
  return out;
}
