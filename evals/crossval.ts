// Fitting and honest measurement of the evidence weights, pure (no pipeline, no files): the samples are the
// evidence table's activations of labelled incidents, grouped by corpus (one corpus = one author's view of the world).
//
// `crossValidate` is nested leave-one-corpus-out: each corpus is scored by weights fitted on the others, with a
// temperature fitted on the others' own leave-one-corpus-out logits. `fitWeights` writes the shipped weights file.
// The command line (capturing the corpora through the real pipeline) is evals/fit.ts.
import { createHash } from "node:crypto";
import { publishedConfidence } from "../analysis/score.ts";
import { EVIDENCE, RULE_IDS } from "../analysis/evidence.ts";
import { CLASSES, fitLogistic, fitTemperature, logits, softmax, type WeightsFile } from "../analysis/weights.ts";

export interface LabelledSample {
  id: string;
  x: number[];
  y: number;
  /** confidence discount for data gaps (see analysis/score.ts) */
  gap: number;
}

export interface Corpus {
  name: string;
  samples: LabelledSample[];
}

interface Prediction {
  corpus: string;
  id: string;
  y: number;
  z: number[];
  gap: number;
}

/**
 * The table's own prior: each rule leans towards the class it argues for (context facts lean nowhere). The L2
 * penalty pulls weights towards it, so a rule the corpora rarely exercise keeps its declared direction.
 */
export const PRIOR_STRENGTH = 0.5;

export function declaredPrior(strength: number): number[][] {
  return EVIDENCE.map((r) => CLASSES.map((c) => (r.id.startsWith("context.") || strength === 0 ? 0 : r.cls === c ? (2 * strength) / 3 : -strength / 3)));
}

/** Every corpus counts the same in the fit, whatever its size: each is one author's view of the world. */
export const trainCorpora = (corpora: Corpus[], l2: number) => {
  const mean = corpora.reduce((a, c) => a + c.samples.length, 0) / Math.max(1, corpora.length);
  return fitLogistic(corpora.flatMap((c) => c.samples.map((s) => ({ ...s, weight: mean / c.samples.length }))), RULE_IDS.length, { l2, prior: declaredPrior(PRIOR_STRENGTH) });
};

/** Leave-one-corpus-out logits: each corpus scored by weights fitted on the others. */
function outOfFold(corpora: Corpus[], l2: number): Prediction[] {
  const out: Prediction[] = [];
  for (const held of corpora) {
    const m = trainCorpora(corpora.filter((c) => c !== held), l2);
    for (const s of held.samples) out.push({ corpus: held.name, id: s.id, y: s.y, z: logits(m, s.x), gap: s.gap });
  }
  return out;
}

export interface Scores {
  n: number;
  accuracy: number;
  macro_f1: number;
  ece: number;
  /** benign or misconfiguration incidents called likely_malicious with confidence ≥ 0.9 */
  confident_false_malicious: number;
}

/** Confidence exactly as the analyst publishes it. */
const confidenceOf = (z: number[], t: number, gap: number) => {
  const p = softmax(z, t);
  const top = p.indexOf(Math.max(...p));
  return { top, conf: publishedConfidence(p[top]!, gap) };
};

export function score(preds: { y: number; top: number; conf: number }[]): Scores {
  const n = preds.length;
  const acc = preds.filter((p) => p.top === p.y).length / Math.max(1, n);
  let f1 = 0;
  for (let c = 0; c < 3; c++) {
    const tp = preds.filter((p) => p.top === c && p.y === c).length;
    const fp = preds.filter((p) => p.top === c && p.y !== c).length;
    const fn = preds.filter((p) => p.top !== c && p.y === c).length;
    f1 += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  let ece = 0;
  for (let b = 0; b < 10; b++) {
    const bin = preds.filter((p) => p.conf > b / 10 && p.conf <= (b + 1) / 10);
    if (!bin.length) continue;
    const a = bin.filter((p) => p.top === p.y).length / bin.length;
    const c = bin.reduce((s, p) => s + p.conf, 0) / bin.length;
    ece += (bin.length / n) * Math.abs(a - c);
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n, accuracy: r(acc), macro_f1: r(f1 / 3), ece: r(ece), confident_false_malicious: preds.filter((p) => p.top === 0 && p.y !== 0 && p.conf >= 0.9).length };
}

export interface CrossValidation {
  l2: number;
  folds: ({ corpus: string } & Scores)[];
  pooled: Scores;
  misses: { corpus: string; id: string; label: string; verdict: string; confidence: number }[];
}

/**
 * Nested leave-one-corpus-out: for each held-out corpus, weights are fitted on the others and the temperature on
 * the others' own leave-one-corpus-out logits, so nothing about the held-out corpus reaches its prediction.
 */
export function crossValidate(corpora: Corpus[], l2: number): CrossValidation {
  const all: (Prediction & { top: number; conf: number })[] = [];
  for (const held of corpora) {
    const rest = corpora.filter((c) => c !== held);
    const t = rest.length >= 2 ? fitTemperature(outOfFold(rest, l2)) : 1;
    const m = trainCorpora(rest, l2);
    for (const s of held.samples) {
      const z = logits(m, s.x);
      all.push({ corpus: held.name, id: s.id, y: s.y, z, gap: s.gap, ...confidenceOf(z, t, s.gap) });
    }
  }
  const folds = corpora.map((c) => ({ corpus: c.name, ...score(all.filter((p) => p.corpus === c.name)) }));
  return {
    l2,
    folds,
    pooled: score(all),
    misses: all.filter((p) => p.top !== p.y).map((p) => ({ corpus: p.corpus, id: p.id, label: CLASSES[p.y]!, verdict: CLASSES[p.top]!, confidence: Math.round(p.conf * 100) / 100 })),
  };
}

export const L2_GRID = [0.003, 0.01, 0.03, 0.1] as const;

/** Fits the weights file on every corpus: weights on all samples, temperature on leave-one-corpus-out logits. */
export function fitWeights(corpora: Corpus[], l2: number, cv?: CrossValidation, now = new Date()): WeightsFile {
  const m = trainCorpora(corpora, l2);
  const temperature = corpora.length >= 2 ? fitTemperature(outOfFold(corpora, l2)) : 1;
  const r = (x: number) => Math.round(x * 10000) / 10000;
  const weights: Record<string, number[]> = {};
  RULE_IDS.forEach((id, i) => (weights[id] = m.w[i]!.map(r)));
  const bias = m.bias.map(r);
  const hash = createHash("sha256").update(JSON.stringify({ bias, weights, temperature })).digest("hex").slice(0, 8);
  return {
    format: "casefile-weights/1",
    version: `${now.toISOString().slice(0, 10)}-${hash}`,
    fitted_at: now.toISOString(),
    trained_on: corpora.map((c) => ({ dataset: c.name, incidents: c.samples.length })),
    l2,
    prior_strength: PRIOR_STRENGTH,
    temperature,
    classes: [...CLASSES],
    bias,
    weights,
    ...(cv ? { cross_validation: { l2: cv.l2, pooled: cv.pooled, folds: cv.folds } } : {}),
  };
}

export function formatCrossValidation(cv: CrossValidation): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const line = (name: string, s: Scores) =>
    `${pad(name, 22)} ${String(s.n).padStart(4)}  ${s.accuracy.toFixed(3)}  ${s.macro_f1.toFixed(3)}  ${s.ece.toFixed(3)}  ${String(s.confident_false_malicious).padStart(3)}`;
  return [
    `leave-one-corpus-out cross-validation (l2 ${cv.l2}; each corpus scored by weights and temperature fitted without it)`,
    `${pad("corpus", 22)} ${"n".padStart(4)}  acc    macroF1 ECE    ≥0.9 false-malicious`,
    ...cv.folds.map((f) => line(f.corpus, f)),
    line("pooled", cv.pooled),
  ].join("\n");
}

/** The L2 penalty with the best pooled cross-validated log-loss proxy (accuracy, then ECE). */
export function pickL2(corpora: Corpus[], grid: number[]): CrossValidation {
  if (corpora.length < 2) return { l2: grid[0]!, folds: [], pooled: score([]), misses: [] };
  let best: CrossValidation | undefined;
  for (const l2 of grid) {
    const cv = crossValidate(corpora, l2);
    if (!best || cv.pooled.accuracy > best.pooled.accuracy + 1e-9 || (Math.abs(cv.pooled.accuracy - best.pooled.accuracy) < 1e-9 && cv.pooled.ece < best.pooled.ece)) best = cv;
  }
  return best!;
}

