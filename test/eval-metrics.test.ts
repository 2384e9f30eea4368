import { describe, expect, it } from "vitest";
import { computeMetrics, expectedCalibrationError, formatMetrics, percentile, type EvalRow, type Label, type Predicted } from "../evals/metrics.ts";
import { checkThresholds } from "../evals/gate.ts";

function row(id: string, label: Label | null, verdict: Predicted, confidence: number, extra: Partial<EvalRow> = {}): EvalRow {
  return {
    id,
    label,
    verdict,
    confidence,
    cited_ids: [],
    invalid_cited_ids: [],
    techniques: [],
    key_event_ids: [],
    label_techniques: [],
    duration_ms: 100,
    tokens: 0,
    prompt_versions: { analyst: "a1", writer: "w1" },
    ...extra,
  };
}

// Eight incidents, every number below worked out by hand.
const ROWS: EvalRow[] = [
  row("a", "likely_malicious", "likely_malicious", 0.9, {
    duration_ms: 100,
    tokens: 1000,
    key_event_ids: ["k1", "k2"],
    cited_ids: ["k1", "x"],
    invalid_cited_ids: ["x"],
    label_techniques: ["T1098", "T1078"],
    techniques: ["T1098"],
  }),
  row("b", "likely_malicious", "likely_malicious", 0.8, { duration_ms: 200, tokens: 600 }),
  row("c", "likely_malicious", "benign", 0.6, { duration_ms: 300, key_event_ids: ["k3"] }),
  row("d", "misconfiguration", "misconfiguration", 0.7, { duration_ms: 400, invalid_cited_ids: ["y", "z"], cited_ids: ["y", "z"] }),
  row("e", "misconfiguration", "inconclusive", 0.3, { duration_ms: 500 }),
  row("f", "benign", "benign", 0.95, { duration_ms: 600 }),
  row("g", "benign", "likely_malicious", 0.55, { duration_ms: 700 }),
  row("h", "benign", "inconclusive", 0, { duration_ms: 50, error: "the run failed: datadog 503" }),
];

describe("computeMetrics", () => {
  const r = computeMetrics(ROWS, "hand");

  it("has exactly the report keys", () => {
    expect(Object.keys(r).sort()).toEqual(
      [
        "dataset", "n", "accuracy", "macro_f1", "per_class", "confusion", "ece", "brier", "abstentions",
        "key_event_recall", "invalid_citations", "technique_recall", "duration_ms", "tokens", "prompt_versions", "prompt_hashes", "model_used_rate", "override_rate", "gather_agent", "per_incident",
      ].sort(),
    );
    expect(Object.keys(r.per_class).sort()).toEqual(["benign", "likely_malicious", "misconfiguration"]);
    expect(r.gather_agent).toBeNull(); // no row ran the gatherer agent
  });

  it("accuracy counts abstentions and errors as wrong", () => {
    expect(r.n).toBe(8);
    expect(r.accuracy).toBe(0.5); // a, b, d, f
    expect(r.abstentions).toBe(2); // e, h
  });

  it("confusion: label → predicted, with inconclusive as a column", () => {
    expect(r.confusion).toEqual({
      likely_malicious: { likely_malicious: 2, misconfiguration: 0, benign: 1, inconclusive: 0 },
      misconfiguration: { likely_malicious: 0, misconfiguration: 1, benign: 0, inconclusive: 1 },
      benign: { likely_malicious: 1, misconfiguration: 0, benign: 1, inconclusive: 1 },
    });
  });

  it("per-class precision/recall/F1 and macro-F1", () => {
    expect(r.per_class.likely_malicious).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3 });
    expect(r.per_class.misconfiguration).toEqual({ precision: 1, recall: 0.5, f1: 0.6667, support: 2 });
    expect(r.per_class.benign).toEqual({ precision: 0.5, recall: 0.3333, f1: 0.4, support: 3 });
    expect(r.macro_f1).toBe(0.5778); // (2/3 + 2/3 + 0.4) / 3
  });

  it("ECE over 10 bins and binary Brier on correctness", () => {
    // bin9 {0.9✓,0.95✓}: 2/8·0.075; bin8 0.8✓: 1/8·0.2; bin7 0.7✓: 1/8·0.3; bin6 0.6✗: 1/8·0.6;
    // bin5 0.55✗: 1/8·0.55; bin3 0.3✗: 1/8·0.3; bin0 0✗: 0  → 0.2625
    expect(r.ece).toBe(0.2625);
    // (.01 + .04 + .36 + .09 + .09 + .0025 + .3025 + 0) / 8 = 0.111875
    expect(r.brier).toBe(0.1119);
  });

  it("citation and technique metrics", () => {
    expect(r.key_event_recall).toBe(0.3333); // k1 of {k1,k2,k3}
    expect(r.invalid_citations).toBe(3); // x, y, z
    expect(r.technique_recall).toBe(0.5); // T1098 of {T1098,T1078}
  });

  it("durations, tokens, prompt versions, per-incident rows", () => {
    expect(r.duration_ms).toEqual({ p50: 300, p95: 700 });
    expect(r.tokens).toBe(200); // 1600 / 8
    expect(r.prompt_versions).toEqual({ analyst: "a1", writer: "w1" });
    expect(r.per_incident).toHaveLength(8);
    expect(r.per_incident[7]).toMatchObject({ id: "h", label: "benign", verdict: "inconclusive", error: "the run failed: datadog 503" });
    expect(r.per_incident[0]).toMatchObject({ id: "a", cited_ids: ["k1", "x"], duration_ms: 100, tokens: 1000 });
    expect(r.per_incident[0]).not.toHaveProperty("error");
  });
});

describe("computeMetrics edge cases", () => {
  it("an unreadable file lowers accuracy; an unlabelled incident is not scored", () => {
    const r = computeMetrics(
      [
        row("ok", "benign", "benign", 0.9),
        row("broken", null, "inconclusive", 0, { duration_ms: null, error: "not valid JSON" }),
        row("unlabelled", null, "likely_malicious", 0.8),
      ],
      "d",
    );
    expect(r.n).toBe(3);
    expect(r.accuracy).toBe(0.5);
    expect(r.abstentions).toBe(1);
    expect(r.confusion.benign.benign).toBe(1);
    expect(r.duration_ms).toEqual({ p50: 100, p95: 100 }); // the broken file never ran
  });

  it("macro-F1 averages only labels present or predicted; recalls are null when unmeasurable", () => {
    const r = computeMetrics([row("a", "benign", "benign", 1), row("b", "benign", "benign", 1)], "d");
    expect(r.macro_f1).toBe(1);
    expect(r.accuracy).toBe(1);
    expect(r.ece).toBe(0); // confidence 1.0 lands in the last bin
    expect(r.brier).toBe(0);
    expect(r.key_event_recall).toBeNull();
    expect(r.technique_recall).toBeNull();
  });

  it("different prompt versions across incidents are all reported", () => {
    const r = computeMetrics([row("a", "benign", "benign", 1), row("b", "benign", "benign", 1, { prompt_versions: { analyst: "a2" } })], "d");
    expect(r.prompt_versions).toEqual({ analyst: "a1|a2", writer: "w1" });
  });

  it("an empty dataset scores zero without dividing by zero", () => {
    const r = computeMetrics([], "empty");
    expect(r).toMatchObject({ n: 0, accuracy: 0, macro_f1: 0, ece: 0, brier: 0, tokens: 0, duration_ms: { p50: 0, p95: 0 } });
  });
});

describe("ECE and percentiles", () => {
  it("a calibrated bin has no error, an overconfident one does", () => {
    const calibrated = [0.75, 0.75, 0.75, 0.75].map((c, i) => ({ confidence: c, correct: i < 3 }));
    expect(expectedCalibrationError(calibrated)).toBeCloseTo(0, 10);
    const over = [0.95, 0.95].map((c, i) => ({ confidence: c, correct: i === 0 }));
    expect(expectedCalibrationError(over)).toBeCloseTo(0.45, 10);
  });

  it("nearest-rank percentiles", () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95)).toBe(19);
    expect(percentile([], 95)).toBe(0);
  });
});

describe("formatMetrics", () => {
  it("prints the headline metrics, the confusion matrix and wrong incidents, without control characters", () => {
    const rows = [...ROWS, row("evil\u001b[2J\nid", "benign", "likely_malicious", 0.5)];
    const text = formatMetrics(computeMetrics(rows, "hand"));
    expect(text).toMatch(/accuracy\s+0\.444/);
    expect(text).toMatch(/\nbenign\s+2\s+0\s+1\s+1\n/); // benign row of the confusion matrix (g and the evil id)
    expect(text).toContain("the run failed: datadog 503");
    expect(text).toContain("evil [2J id");
    expect(text).not.toContain("\u001b");
  });
});

describe("checkThresholds", () => {
  const r = computeMetrics(ROWS, "hand");
  it("minimums, maximums, dotted paths and unknown metrics", () => {
    expect(checkThresholds(r, { accuracy: 0.5, macro_f1: 0.5 })).toEqual([]);
    expect(checkThresholds(r, { accuracy: 0.6 })).toEqual([expect.stringContaining("accuracy = 0.5 < 0.6")]);
    expect(checkThresholds(r, { invalid_citations: 0 })).toEqual([expect.stringContaining("invalid_citations = 3 > 0")]);
    expect(checkThresholds(r, { "per_class.benign.recall": 0.3 })).toEqual([]);
    expect(checkThresholds(r, { acuracy: 0.1 })).toEqual([expect.stringContaining("no such numeric metric")]);
  });
  it("skips a metric the dataset cannot measure", () => {
    const empty = computeMetrics([row("a", "benign", "benign", 1)], "d");
    expect(checkThresholds(empty, { key_event_recall: 0.9 })).toEqual([]);
  });
});
