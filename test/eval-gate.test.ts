// CI gate: the dev corpus, run through the whole pipeline offline, must keep the quality set in evals/gate.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GATE_THRESHOLDS, checkThresholds } from "../evals/gate.ts";
import { formatMetrics } from "../evals/metrics.ts";
import { runEval } from "../evals/runner.ts";

const DEV = path.join(import.meta.dirname, "..", "evals", "datasets", "dev");
const CHALLENGES = ["challenge", "challenge2", "challenge3"].map((d) => path.join(import.meta.dirname, "..", "evals", "datasets", d));
const hasCorpus = (() => {
  try {
    return readdirSync(DEV).some((f) => f.endsWith(".json"));
  } catch {
    return false;
  }
})();

describe.skipIf(!hasCorpus)("eval gate on evals/datasets/dev", () => {
  it(
    "keeps accuracy, macro-F1 and key-event recall above the gate, with no invalid citation",
    async () => {
      const report = await runEval({ dataset: DEV, concurrency: 2, progress: false });
      const failures = checkThresholds(report, GATE_THRESHOLDS);
      // The table explains a failure in the CI log.
      expect(failures, `${failures.join("\n")}\n\n${formatMetrics(report)}`).toEqual([]);
      // Every corpus file loads.
      expect(report.per_incident.filter((r) => r.duration_ms === null).map((r) => `${r.id}: ${r.error}`)).toEqual([]);
      expect(report.invalid_citations).toBe(0);
      expect(report.accuracy).toBeGreaterThanOrEqual(GATE_THRESHOLDS.accuracy!);
      expect(report.macro_f1).toBeGreaterThanOrEqual(GATE_THRESHOLDS.macro_f1!);
      if (report.key_event_recall !== null) expect(report.key_event_recall).toBeGreaterThanOrEqual(GATE_THRESHOLDS.key_event_recall!);
    },
    120_000,
  );
});

describe("eval gate on the independent challenge sets", () => {
  for (const dir of CHALLENGES) {
    it.skipIf(!readdirSync(dir, { withFileTypes: true }).some((f) => f.name.endsWith(".json")))(
      `keeps accuracy and citations on ${path.basename(dir)}`,
      async () => {
        const report = await runEval({ dataset: dir, concurrency: 2, progress: false });
        const failures = checkThresholds(report, { accuracy: 0.9, invalid_citations: 0, abstentions: 0 });
        expect(failures, `${failures.join("\n")}\n\n${formatMetrics(report)}`).toEqual([]);
      },
      120_000,
    );
  }
});
