import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareReports, loadReport } from "../evals/compare.ts";
import { computeMetrics, type EvalRow, type Label, type Predicted } from "../evals/metrics.ts";

function row(id: string, label: Label, verdict: Predicted, confidence: number, extra: Partial<EvalRow> = {}): EvalRow {
  return {
    id, label, verdict, confidence,
    cited_ids: [], invalid_cited_ids: [], techniques: [], key_event_ids: [], label_techniques: [],
    duration_ms: 100, tokens: 0, prompt_versions: {}, ...extra,
  };
}

const baseline = computeMetrics(
  [
    row("fixed", "benign", "likely_malicious", 0.6),
    row("broken", "likely_malicious", "likely_malicious", 0.9),
    row("same", "misconfiguration", "misconfiguration", 0.8),
    row("gone", "benign", "benign", 0.8),
  ],
  "dev",
);
const current = computeMetrics(
  [
    row("fixed", "benign", "benign", 0.7),
    row("broken", "likely_malicious", "inconclusive", 0.2),
    row("same", "misconfiguration", "misconfiguration", 0.8, { invalid_cited_ids: ["nope"], cited_ids: ["nope"] }),
    row("new", "benign", "benign", 0.8),
  ],
  "dev",
);

describe("compareReports", () => {
  const text = compareReports(current, baseline);
  const line = (name: string) => text.split("\n").find((l) => l.startsWith(name + " ")) ?? "";

  it("prints each metric's delta and whether it got better or worse", () => {
    // accuracy 3/4 → 3/4: unchanged
    expect(line("accuracy")).toMatch(/0\.750\s+0\.750\s+0\.000$/);
    expect(line("invalid_citations")).toMatch(/0\s+1\s+\+1\s+WORSE$/);
    expect(line("abstentions")).toMatch(/0\s+1\s+\+1\s+WORSE$/);
    expect(line("f1 benign")).toMatch(/better$/);
    expect(line("f1 likely_malicious")).toMatch(/WORSE$/);
  });

  it("lists verdict flips with their effect, and incidents only on one side", () => {
    expect(text).toContain("2 incident(s) changed verdict");
    expect(text).toMatch(/fixed\s+benign\s+likely_malicious\s+benign\s+fixed/);
    expect(text).toMatch(/broken\s+likely_malicious\s+likely_malicious\s+inconclusive\s+BROKEN/);
    expect(text).not.toMatch(/^same /m);
    expect(text).toContain("only in this run: new");
    expect(text).toContain("only in the baseline: gone");
  });

  it("says so when nothing flipped", () => {
    expect(compareReports(baseline, baseline)).toContain("no incident changed verdict");
  });
});

describe("loadReport", () => {
  it("reads a saved report and rejects a file that is not one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "eval-compare-"));
    const good = path.join(dir, "good.json");
    await writeFile(good, JSON.stringify(baseline));
    expect((await loadReport(good)).per_incident).toHaveLength(4);
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ hello: 1 }));
    await expect(loadReport(bad)).rejects.toThrow(/is not an eval report.*casefile eval --json/);
    await expect(loadReport(path.join(dir, "missing.json"))).rejects.toThrow(/cannot read eval report/);
  });
});
