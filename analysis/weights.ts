// Learned evidence weights: a small regularised multinomial logistic regression over the evidence table's
// activations, saved as a versioned JSON file with the corpora it was fitted on.
//
//   score(class) = bias[class] + Σ_rule activation(rule) × w[rule][class]
//   P(class)     = softmax(score / temperature)
//
// The weights are fitted by `casefile fit` (evals/fit.ts); the temperature is fitted on out-of-fold predictions only
// (leave-one-corpus-out), so the published confidence is honest about data the weights never saw.
// A weights file names its rules: a rule the file does not know weighs 0, a rule the table no longer has is an error.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { RULE_IDS } from "./evidence.ts";

export const CLASSES = ["likely_malicious", "misconfiguration", "benign"] as const;
export type Cls = (typeof CLASSES)[number];

export const WeightsFile = z.object({
  format: z.literal("casefile-weights/1"),
  /** content version: the date and a short hash of the weights */
  version: z.string().max(100),
  fitted_at: z.string().max(40),
  trained_on: z.array(z.object({ dataset: z.string().max(200), incidents: z.number().int().nonnegative() })).max(200),
  l2: z.number().nonnegative(),
  /** how far the L2 penalty pulls each rule towards the class it argues for (evals/crossval.ts declaredPrior) */
  prior_strength: z.number().nonnegative().optional(),
  temperature: z.number().positive().max(100),
  classes: z.tuple([z.literal("likely_malicious"), z.literal("misconfiguration"), z.literal("benign")]),
  bias: z.array(z.number()).length(3),
  /** rule id → one weight per class, in `classes` order */
  weights: z.record(z.string().max(100), z.array(z.number()).length(3)),
  /** leave-one-corpus-out figures measured when the file was fitted */
  cross_validation: z.unknown().optional(),
});
export type WeightsFile = z.infer<typeof WeightsFile>;

/** Weights aligned with the evidence table (one row per rule, table order). */
export interface Model {
  version: string;
  bias: number[];
  w: number[][];
  temperature: number;
  file: WeightsFile;
}

export function modelFrom(file: WeightsFile, source = "weights file"): Model {
  const unknown = Object.keys(file.weights).filter((r) => !RULE_IDS.includes(r));
  if (unknown.length) {
    throw new Error(`${source} names evidence rule(s) this version does not have: ${unknown.slice(0, 5).join(", ")}; refit it with \`casefile fit\``);
  }
  return { version: file.version, bias: file.bias, w: RULE_IDS.map((r) => file.weights[r] ?? [0, 0, 0]), temperature: file.temperature, file };
}

/** Reads and validates a weights file; errors name the file and the field. */
export function loadWeights(path: string): Model {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`cannot read the weights file ${path}: ${(err as Error).message}`);
  }
  const parsed = WeightsFile.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`the weights file ${path} is not a casefile weights file: ${i?.path.join(".") || "(root)"}: ${i?.message}; write one with \`casefile fit\``);
  }
  return modelFrom(parsed.data, `the weights file ${path}`);
}

let shipped: Model | undefined;
/** The weights shipped with casefile (analysis/weights.json), fitted on every corpus in evals/datasets. */
export function shippedModel(): Model {
  shipped ??= loadWeights(new URL("./weights.json", import.meta.url).pathname);
  return shipped;
}

export function logits(m: Pick<Model, "bias" | "w">, x: number[]): number[] {
  const out = [...m.bias];
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    if (a === 0) continue;
    const row = m.w[i]!;
    for (let c = 0; c < 3; c++) out[c]! += a * row[c]!;
  }
  return out;
}

export function softmax(z: number[], temperature = 1): number[] {
  const m = Math.max(...z);
  const ex = z.map((v) => Math.exp((v - m) / temperature));
  const s = ex.reduce((a, b) => a + b, 0);
  return ex.map((v) => v / s);
}

// ---------- fitting ----------

export interface Sample {
  x: number[];
  y: number;
  /** how much the sample counts (default 1); `casefile fit` gives every corpus the same total */
  weight?: number;
}

export interface FitOptions {
  l2: number;
  iterations?: number;
  /** rule × class: where the L2 penalty pulls each weight (default 0); a rule with little data keeps its prior */
  prior?: number[][];
}

/**
 * Multinomial logistic regression with an L2 penalty on the rule weights (not the biases), by full-batch gradient
 * descent with Nesterov momentum: the problem is convex and small (hundreds of incidents × tens of rules).
 */
export function fitLogistic(samples: Sample[], nRules: number, opts: FitOptions): { bias: number[]; w: number[][] } {
  const iters = opts.iterations ?? 1500;
  const total = samples.reduce((a, s) => a + (s.weight ?? 1), 0);
  const n = samples.length;
  const K = 3;
  const bias = [0, 0, 0];
  const w = Array.from({ length: nRules }, () => [0, 0, 0]);
  const vb = [0, 0, 0];
  const vw = Array.from({ length: nRules }, () => [0, 0, 0]);
  const lr = 0.5;
  const mu = 0.9;
  const active = samples.map((s) => s.x.map((a, i) => [i, a] as const).filter(([, a]) => a !== 0));
  for (let it = 0; it < iters; it++) {
    // look-ahead point
    const lb = bias.map((b, c) => b + mu * vb[c]!);
    const lw = w.map((row, i) => row.map((v, c) => v + mu * vw[i]![c]!));
    const gb = [0, 0, 0];
    const gw = Array.from({ length: nRules }, () => [0, 0, 0]);
    for (let s = 0; s < n; s++) {
      const z = [...lb];
      for (const [i, a] of active[s]!) for (let c = 0; c < K; c++) z[c]! += a * lw[i]![c]!;
      const p = softmax(z);
      for (let c = 0; c < K; c++) {
        const g = ((p[c]! - (samples[s]!.y === c ? 1 : 0)) * (samples[s]!.weight ?? 1)) / total;
        gb[c]! += g;
        for (const [i, a] of active[s]!) gw[i]![c]! += g * a;
      }
    }
    for (let c = 0; c < K; c++) {
      vb[c] = mu * vb[c]! - lr * gb[c]!;
      bias[c]! += vb[c]!;
    }
    for (let i = 0; i < nRules; i++) {
      for (let c = 0; c < K; c++) {
        const g = gw[i]![c]! + opts.l2 * (lw[i]![c]! - (opts.prior?.[i]?.[c] ?? 0));
        vw[i]![c] = mu * vw[i]![c]! - lr * g;
        w[i]![c]! += vw[i]![c]!;
      }
    }
  }
  // identifiability: centre each row (softmax is invariant to a common shift)
  const centre = (r: number[]) => {
    const m = (r[0]! + r[1]! + r[2]!) / 3;
    for (let c = 0; c < 3; c++) r[c] = r[c]! - m;
  };
  centre(bias);
  w.forEach(centre);
  return { bias, w };
}

/** The temperature minimising the negative log-likelihood of held-out logits (a 1-D golden-section search). */
export function fitTemperature(held: { z: number[]; y: number }[]): number {
  if (held.length === 0) return 1;
  const nll = (t: number) => held.reduce((a, h) => a - Math.log(Math.max(1e-12, softmax(h.z, t)[h.y]!)), 0);
  let lo = 0.2, hi = 8;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo), b = lo + g * (hi - lo);
  for (let i = 0; i < 60; i++) {
    if (nll(a) < nll(b)) (hi = b), (b = a), (a = hi - g * (hi - lo));
    else (lo = a), (a = b), (b = lo + g * (hi - lo));
  }
  return Math.round(((lo + hi) / 2) * 1000) / 1000;
}
