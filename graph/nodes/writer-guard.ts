// The writer only words: what of a model's summary and next steps may be published. Next steps come from the
// template set — the model may reword, merge or reorder them, never add an action: every model step must
// match a template step by its content words. Summary or steps with instruction-like or de-escalating text
// (unsafe-text.ts) are refused. Whatever is refused, the template wording stands and the reason is recorded.
import { unsafeReason, unsafeText } from "./unsafe-text.ts";

const STOP = new Set(["the", "and", "for", "with", "that", "this", "from", "into", "onto", "where", "which", "their", "there", "then", "than", "they", "them", "have", "been", "were", "when", "what", "were", "will", "your", "under", "over", "unless", "once", "page", "also", "each", "only", "about", "any", "all", "its", "are", "was", "not", "now", "new", "see"]);

/** Content words of a step, crudely stemmed ("revoked" ~ "revoke", "tokens" ~ "token"). */
export function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().slice(0, 600).match(/[a-z0-9][a-z0-9_-]{2,}/g) ?? []) {
    if (STOP.has(w)) continue;
    out.add(w.replace(/(?:ing|ed|es|s)$/, "").replace(/e$/, ""));
  }
  return out;
}

/** A model step rewords a template step when they share two content words, or half of the template step's. */
export const MATCH = { minShared: 2, minShare: 0.5 } as const;

export function matchesTemplate(step: string, template: readonly string[]): number {
  const w = contentWords(step);
  let best = -1;
  let bestScore = 0;
  template.forEach((t, i) => {
    const tw = contentWords(t);
    const shared = [...tw].filter((x) => w.has(x)).length;
    const share = tw.size ? shared / tw.size : 0;
    const ok = shared >= Math.min(MATCH.minShared, tw.size) || share >= MATCH.minShare;
    if (ok && share > bestScore) {
      best = i;
      bestScore = share;
    }
  });
  return best;
}

export interface GuardedText {
  summary?: string;
  nextSteps?: string[];
  rejected: string[];
}

export function guardWriterText(model: { summary: string; nextSteps: string[] }, template: { summary: string; nextSteps: string[] }): GuardedText {
  const rejected: string[] = [];
  const allowed = [template.summary, ...template.nextSteps];
  const out: GuardedText = { rejected };
  const sHits = unsafeText(model.summary, allowed);
  if (sHits.length) rejected.push(unsafeReason("the model's summary", sHits));
  else out.summary = model.summary;

  const steps = model.nextSteps;
  const unsafe = steps.map((s) => unsafeText(s, allowed)).find((h) => h.length);
  const added = steps.filter((s) => matchesTemplate(s, template.nextSteps) < 0);
  if (unsafe) rejected.push(unsafeReason("a model next step", unsafe));
  else if (added.length) rejected.push(`the model added ${added.length} next step(s) that reword no template step; the template steps stand`);
  else if (steps.length > template.nextSteps.length) rejected.push(`the model gave ${steps.length} next steps for ${template.nextSteps.length} template steps; the template steps stand`);
  else out.nextSteps = steps;
  return out;
}
