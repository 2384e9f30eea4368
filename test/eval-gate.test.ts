// CI gate: verdict quality measured honestly. Every corpus in evals/datasets is replayed through the whole pipeline
// offline once; the gate then checks leave-one-corpus-out cross-validated figures (each corpus scored by weights
// fitted without it), the shipped weights' citations on the dev corpus, and that `casefile fit` round-trips.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULE_IDS } from "../analysis/evidence.ts";
import { loadWeights, logits, modelFrom, shippedModel } from "../analysis/weights.ts";
import { CV_GATE } from "../evals/gate.ts";
import { captureCorpus, crossValidate, fitWeights, formatCrossValidation, type Corpus } from "../evals/fit.ts";
import { formatMetrics } from "../evals/metrics.ts";
import { runEval } from "../evals/runner.ts";

const ROOT = path.join(import.meta.dirname, "..", "evals", "datasets");
const CORPORA = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(path.join(ROOT, d.name)).some((f) => f.endsWith(".json")))
  .map((d) => path.join(ROOT, d.name))
  .sort();

let corpora: Corpus[] = [];
const tmp = mkdtempSync(path.join(tmpdir(), "casefile-gate-"));

beforeAll(async () => {
  for (const dir of CORPORA) corpora.push(await captureCorpus(dir, 2));
}, 1_200_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("eval gate", () => {
  it("captures every incident of every corpus", () => {
    expect(corpora.length).toBeGreaterThanOrEqual(6);
    for (const c of corpora) expect(c.samples.length, c.name).toBeGreaterThan(0);
  });

  it("keeps the leave-one-corpus-out accuracy, macro-F1 and calibration above the gate", () => {
    const cv = crossValidate(corpora, shippedModel().file.l2);
    const table = formatCrossValidation(cv);
    expect(cv.pooled.accuracy, table).toBeGreaterThanOrEqual(CV_GATE.accuracy);
    expect(cv.pooled.macro_f1, table).toBeGreaterThanOrEqual(CV_GATE.macro_f1);
    expect(cv.pooled.ece, table).toBeLessThanOrEqual(CV_GATE.ece);
    expect(cv.pooled.confident_false_malicious, table).toBeLessThanOrEqual(CV_GATE.confident_false_malicious);
  });

  it("casefile fit round-trips: the written weights load and score exactly as fitted", () => {
    const file = fitWeights(corpora.slice(0, 3), 0.01);
    const out = path.join(tmp, "weights.json");
    writeFileSync(out, JSON.stringify(file));
    const loaded = loadWeights(out);
    const direct = modelFrom(file);
    for (const s of corpora[0]!.samples) expect(logits(loaded, s.x)).toEqual(logits(direct, s.x));
    expect(Object.keys(file.weights).sort()).toEqual([...RULE_IDS].sort());
    expect(file.trained_on.map((t) => t.dataset)).toEqual(corpora.slice(0, 3).map((c) => c.name));
  });

  it("the shipped weights were fitted on every corpus in the repository", () => {
    const trained = shippedModel().file.trained_on.map((t) => t.dataset).sort();
    expect(trained).toEqual(corpora.map((c) => c.name).sort());
  });

  it("the dev corpus keeps valid citations, key events and techniques with the shipped weights", async () => {
    const report = await runEval({ dataset: path.join(ROOT, "dev"), concurrency: 2, progress: false });
    const table = formatMetrics(report);
    expect(report.per_incident.filter((r) => r.duration_ms === null).map((r) => `${r.id}: ${r.error}`)).toEqual([]);
    expect(report.invalid_citations, table).toBe(0);
    expect(report.abstentions, table).toBe(0);
    if (report.key_event_recall !== null) expect(report.key_event_recall, table).toBeGreaterThanOrEqual(CV_GATE.dev_key_event_recall);
  }, 300_000);
});
