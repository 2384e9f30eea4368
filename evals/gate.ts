// The CI gate: minimum quality the dev corpus must keep. Set just below what the pipeline measures today,
// so a prompt or rules change that makes verdicts worse fails CI.
import type { EvalReport } from "./metrics.ts";

/** Metric name (a top-level key of the report, or a dotted path such as "per_class.benign.recall") → bound. */
export const GATE_THRESHOLDS: Record<string, number> = {
  // Measured offline (rules analyst, template writer) on 2026-11-29: dev (48) accuracy 1.000, macro_f1 1.000,
  // key_event_recall 0.79, technique_recall 0.89, ECE 0.07; challenge (24) and challenge2 (24) accuracy 1.000.
  accuracy: 0.95,
  macro_f1: 0.95,
  key_event_recall: 0.75,
  technique_recall: 0.85,
  invalid_citations: 0,
  abstentions: 0,
  ece: 0.15,
};

/**
 * The cross-validated gate (test/eval-gate.test.ts): leave-one-corpus-out figures pooled over every corpus in
 * evals/datasets, each corpus scored by weights and temperature fitted without it. Set just below what is measured,
 * so a change to the evidence table that generalises worse fails CI. Figures: README "Eval figures".
 */
export const CV_GATE = {
  accuracy: 0.74,
  macro_f1: 0.74,
  ece: 0.06,
  /** benign or misconfiguration incidents called likely_malicious with confidence ≥ 0.9 */
  confident_false_malicious: 2,
  dev_key_event_recall: 0.7,
} as const;

/** Metrics where a lower value is better: the threshold is a maximum. Every other threshold is a minimum. */
export const LOWER_IS_BETTER = new Set(["invalid_citations", "ece", "brier", "abstentions", "tokens", "duration_ms.p50", "duration_ms.p95"]);

function lookup(report: EvalReport, path: string): unknown {
  let v: unknown = report;
  for (const part of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * The thresholds a report misses, as readable lines (empty when it passes). A metric that could not be
 * measured (null, e.g. key_event_recall on a corpus without key events) is skipped, not failed.
 */
export function checkThresholds(report: EvalReport, thresholds: Partial<Record<string, number>>): string[] {
  const failures: string[] = [];
  for (const [name, bound] of Object.entries(thresholds)) {
    if (bound === undefined) continue;
    const value = lookup(report, name);
    if (value === null) continue;
    if (typeof value !== "number") {
      failures.push(`threshold on "${name}": the eval report has no such numeric metric`);
      continue;
    }
    const max = LOWER_IS_BETTER.has(name);
    if (max ? value > bound : value < bound) {
      failures.push(`${name} = ${value} ${max ? ">" : "<"} ${bound} (${max ? "maximum" : "minimum"} in evals/gate.ts)`);
    }
  }
  return failures;
}
