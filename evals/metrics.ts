// Scoring of one eval run: pure functions from per-incident rows to the report a prompt engineer reads.
import { LABELS, VERDICTS } from "../domain/schemas.ts";
import type { ModelOutcome } from "../graph/model-outcome.ts";

export type Label = (typeof LABELS)[number];
export type Predicted = (typeof VERDICTS)[number];

/** What one incident's run produced: the fields the runner's row and the report's per-incident result share. */
export interface RunFields {
  /** Incident id, or the file name (without .json) when the file could not be loaded. */
  id: string;
  /** Expected verdict; null when the incident carries no label or could not be loaded. */
  label: Label | null;
  /** The pipeline's verdict; "inconclusive" whenever the run failed. */
  verdict: Predicted;
  /** Confidence of the predicted verdict, 0..1 (0 on error). */
  confidence: number;
  /** Vendor event ids the assessment cites. */
  cited_ids: string[];
  /** Cited ids that are absent from the incident's raw vendor data. */
  invalid_cited_ids: string[];
  /** ATT&CK ids the assessment names. */
  techniques: string[];
  /** Wall time of the run; null when the incident never ran (file failed to load). */
  duration_ms: number | null;
  /** Model tokens, input + output (0 offline). */
  tokens: number;
  /** Why the incident failed to load or the run failed. */
  error?: string;
}

/** What the runner records for one incident file. */
export interface EvalRow extends RunFields {
  /** label.key_event_ids (empty when the label has none). */
  key_event_ids: string[];
  /** label.techniques (empty when the label has none). */
  label_techniques: string[];
  prompt_versions: Record<string, string>;
  /** Content hash of each node's prompt, beside its version (prompts/index.ts promptHashes). */
  prompt_hashes?: Record<string, string>;
  /** What each model-backed node did in this run. */
  nodes?: { analyst: ModelOutcome; writer: ModelOutcome; gatherer?: ModelOutcome };
  /** The gatherer agent's queries, the events it added and why it stopped (when one ran). */
  gather_agent?: { calls: number; refused: number; events_added: number; failed: boolean; stopped: string };
}

export interface ClassStats {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface IncidentResult extends RunFields {
  /** per node: "model", or "rules"/"template" with the fallback reason when a model was configured */
  nodes?: Record<string, string>;
}

export interface EvalReport {
  dataset: string;
  /** Incident files in the run, including those that failed to load. */
  n: number;
  accuracy: number;
  macro_f1: number;
  per_class: Record<Label, ClassStats>;
  confusion: Record<Label, Record<Predicted, number>>;
  ece: number;
  /** Binary Brier score on correctness: mean of (confidence − correct)². */
  brier: number;
  abstentions: number;
  /** null when no incident of the dataset lists key_event_ids. */
  key_event_recall: number | null;
  invalid_citations: number;
  /** null when no incident of the dataset lists techniques. */
  technique_recall: number | null;
  duration_ms: { p50: number; p95: number };
  tokens: number;
  prompt_versions: Record<string, string>;
  prompt_hashes: Record<string, string>;
  /** per node, the share of runs with a model configured whose output the model wrote; null: no model configured */
  model_used_rate: { analyst: number | null; writer: number | null };
  /** share of runs with an analyst model where the model's verdict replaced the rules' (a justified override) */
  override_rate: number | null;
  /** the gatherer agent over the runs it ran in: queries made, events added, runs it failed in; null: no agent */
  gather_agent: { runs: number; calls: number; refused: number; events_added: number; failed: number } | null;
  per_incident: IncidentResult[];
}

export const ECE_BINS = 10;

function gatherAgentTotals(rows: EvalRow[]): EvalReport["gather_agent"] {
  const runs = rows.filter((r) => r.gather_agent);
  if (!runs.length) return null;
  const sum = (f: (g: NonNullable<EvalRow["gather_agent"]>) => number) => runs.reduce((s, r) => s + f(r.gather_agent!), 0);
  return { runs: runs.length, calls: sum((g) => g.calls), refused: sum((g) => g.refused), events_added: sum((g) => g.events_added), failed: sum((g) => (g.failed ? 1 : 0)) };
}

const ratio = (num: number, den: number) => (den === 0 ? 0 : num / den);
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Nearest-rank percentile (p in 0..100) of a list; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * Expected calibration error: 10 equal-width confidence bins ([0,0.1), …, [0.9,1.0]);
 * Σ (|bin| / N) · |accuracy(bin) − mean confidence(bin)|.
 */
export function expectedCalibrationError(points: { confidence: number; correct: boolean }[]): number {
  if (points.length === 0) return 0;
  const bins = Array.from({ length: ECE_BINS }, () => ({ n: 0, conf: 0, correct: 0 }));
  for (const p of points) {
    const c = Math.min(1, Math.max(0, p.confidence));
    const bin = bins[Math.min(ECE_BINS - 1, Math.floor(c * ECE_BINS))]!;
    bin.n++;
    bin.conf += c;
    bin.correct += p.correct ? 1 : 0;
  }
  let ece = 0;
  for (const b of bins) {
    if (b.n === 0) continue;
    ece += (b.n / points.length) * Math.abs(b.correct / b.n - b.conf / b.n);
  }
  return ece;
}

/** Over the rows that label any: how many distinct labelled items (key events, techniques) the run found. */
function coverage(rows: EvalRow[], wanted: (r: EvalRow) => string[], found: (r: EvalRow) => string[]): { total: number; hit: number } {
  let total = 0;
  let hit = 0;
  for (const r of rows) {
    const want = new Set(wanted(r));
    const got = new Set(found(r));
    total += want.size;
    for (const w of want) if (got.has(w)) hit++;
  }
  return { total, hit };
}

/**
 * Scores the rows of one run.
 * - Scored rows are those with a label plus those whose file failed to load (an unreadable incident must
 *   lower the score, never vanish). Labelled-less valid incidents only appear in per_incident.
 * - `inconclusive` is an abstention: never correct. A failed run counts as `inconclusive`.
 * - macro_f1 averages F1 over the labels present in the data or predicted (F1 of a label with no
 *   prediction and no support would be undefined).
 */
export function computeMetrics(rows: EvalRow[], dataset: string): EvalReport {
  const scored = rows.filter((r) => r.label !== null || r.duration_ms === null);
  const labelled = rows.filter((r): r is EvalRow & { label: Label } => r.label !== null);
  const isCorrect = (r: EvalRow) => r.label !== null && r.verdict !== "inconclusive" && r.verdict === r.label;

  const confusion = Object.fromEntries(
    LABELS.map((l) => [l, Object.fromEntries(VERDICTS.map((v) => [v, 0]))]),
  ) as Record<Label, Record<Predicted, number>>;
  for (const r of labelled) confusion[r.label][r.verdict]++;

  const per_class = {} as Record<Label, ClassStats>;
  const f1s: number[] = [];
  for (const l of LABELS) {
    const tp = confusion[l][l];
    const support = labelled.filter((r) => r.label === l).length;
    const predicted = labelled.filter((r) => r.verdict === l).length;
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    per_class[l] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
    if (support > 0 || predicted > 0) f1s.push(f1);
  }

  const points = scored.map((r) => ({ confidence: r.confidence, correct: isCorrect(r) }));
  const brier = ratio(
    points.reduce((s, p) => s + (p.confidence - (p.correct ? 1 : 0)) ** 2, 0),
    points.length,
  );

  const { total: keyTotal, hit: keyHit } = coverage(rows, (r) => r.key_event_ids, (r) => r.cited_ids);
  const { total: techTotal, hit: techHit } = coverage(rows, (r) => r.label_techniques, (r) => r.techniques);

  const ran = rows.filter((r) => r.duration_ms !== null);
  const durations = ran.map((r) => r.duration_ms!);

  const prompt_versions: Record<string, string> = {};
  for (const r of rows) {
    for (const [node, version] of Object.entries(r.prompt_versions)) {
      const seen = prompt_versions[node];
      if (seen === undefined) prompt_versions[node] = version;
      else if (!seen.split("|").includes(version)) prompt_versions[node] = `${seen}|${version}`;
    }
  }

  const prompt_hashes: Record<string, string> = {};
  for (const r of rows) {
    for (const [node, hash] of Object.entries(r.prompt_hashes ?? {})) {
      const seen = prompt_hashes[node];
      if (seen === undefined) prompt_hashes[node] = hash;
      else if (!seen.split("|").includes(hash)) prompt_hashes[node] = `${seen}|${hash}`;
    }
  }
  const withModel = (node: "analyst" | "writer") => rows.filter((r) => r.nodes?.[node]?.model);
  const usedRate = (node: "analyst" | "writer") => {
    const m = withModel(node);
    return m.length === 0 ? null : round(m.filter((r) => r.nodes![node].engine === "model").length / m.length);
  };
  const analystRuns = withModel("analyst");

  return {
    dataset,
    n: rows.length,
    accuracy: round(ratio(scored.filter(isCorrect).length, scored.length)),
    macro_f1: round(ratio(f1s.reduce((a, b) => a + b, 0), f1s.length)),
    per_class,
    confusion,
    ece: round(expectedCalibrationError(points)),
    brier: round(brier),
    abstentions: rows.filter((r) => r.verdict === "inconclusive").length,
    key_event_recall: keyTotal === 0 ? null : round(keyHit / keyTotal),
    invalid_citations: rows.reduce((s, r) => s + r.invalid_cited_ids.length, 0),
    technique_recall: techTotal === 0 ? null : round(techHit / techTotal),
    duration_ms: { p50: Math.round(percentile(durations, 50)), p95: Math.round(percentile(durations, 95)) },
    tokens: round(ratio(ran.reduce((s, r) => s + r.tokens, 0), ran.length)),
    prompt_versions,
    prompt_hashes,
    model_used_rate: { analyst: usedRate("analyst"), writer: usedRate("writer") },
    override_rate: analystRuns.length === 0 ? null : round(analystRuns.filter((r) => r.nodes!.analyst.overrode).length / analystRuns.length),
    gather_agent: gatherAgentTotals(rows),
    per_incident: rows.map((r) => ({
      id: r.id,
      label: r.label,
      verdict: r.verdict,
      confidence: r.confidence,
      cited_ids: r.cited_ids,
      invalid_cited_ids: r.invalid_cited_ids,
      techniques: r.techniques,
      duration_ms: r.duration_ms,
      tokens: r.tokens,
      ...(r.nodes ? { nodes: Object.fromEntries(Object.entries(r.nodes).map(([k, o]) => [k, o.fallback ? `${o.engine}: ${o.fallback}` : o.engine])) } : {}),
      ...(r.error ? { error: r.error } : {}),
    })),
  };
}

// ---------------------------------------------------------------- table printer

const SHORT: Record<Predicted, string> = {
  likely_malicious: "malicious",
  misconfiguration: "misconfig",
  benign: "benign",
  inconclusive: "inconcl.",
};

const fmt = (x: number | null, digits = 3) => (x === null ? "n/a" : x.toFixed(digits));

/** Pads cells into aligned columns; first column left-aligned, the rest right-aligned. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd())
    .join("\n");
}

/** Terminal-safe rendering of an untrusted string (ids, error messages): no control characters. */
export function plain(s: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, " ");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function formatMetrics(report: EvalReport): string {
  const out: string[] = [];
  out.push(`casefile eval — ${plain(report.dataset)} — ${report.n} incident(s)`);
  out.push("");
  out.push(
    table([
      ["metric", "value"],
      ["accuracy", fmt(report.accuracy)],
      ["macro_f1", fmt(report.macro_f1)],
      ["ece", fmt(report.ece)],
      ["brier", fmt(report.brier)],
      ["abstentions", String(report.abstentions)],
      ["key_event_recall", fmt(report.key_event_recall)],
      ["technique_recall", fmt(report.technique_recall)],
      ["invalid_citations", String(report.invalid_citations)],
      ["duration_ms p50/p95", `${report.duration_ms.p50}/${report.duration_ms.p95}`],
      ["tokens / incident", report.tokens.toFixed(0)],
      ["model_used_rate analyst/writer", `${fmt(report.model_used_rate.analyst)}/${fmt(report.model_used_rate.writer)}`],
      ["override_rate", fmt(report.override_rate)],
      ...(report.gather_agent
        ? [["gather agent runs/queries/refused/events/failed", `${report.gather_agent.runs}/${report.gather_agent.calls}/${report.gather_agent.refused}/${report.gather_agent.events_added}/${report.gather_agent.failed}`]]
        : []),
    ]),
  );
  out.push("");
  out.push(
    table([
      ["class", "precision", "recall", "f1", "support"],
      ...LABELS.map((l) => {
        const c = report.per_class[l];
        return [l, fmt(c.precision), fmt(c.recall), fmt(c.f1), String(c.support)];
      }),
    ]),
  );
  out.push("");
  out.push("confusion (rows: label, columns: predicted)");
  out.push(
    table([
      ["label \\ predicted", ...VERDICTS.map((v) => SHORT[v])],
      ...LABELS.map((l) => [l, ...VERDICTS.map((v) => String(report.confusion[l][v]))]),
    ]),
  );
  const versions = Object.entries(report.prompt_versions);
  if (versions.length > 0) {
    out.push("");
    out.push(`prompt versions: ${versions.map(([k, v]) => `${plain(k, 40)}=${plain(v, 40)}${report.prompt_hashes[k] ? ` (${plain(report.prompt_hashes[k]!, 40)})` : ""}`).join(", ")}`);
  }
  const wrong = report.per_incident.filter((r) => r.error || (r.label !== null && r.verdict !== r.label) || r.invalid_cited_ids.length > 0);
  if (wrong.length > 0) {
    out.push("");
    out.push("incidents needing attention");
    out.push(
      table([
        ["id", "label", "predicted", "conf", "note"],
        ...wrong.map((r) => [
          plain(r.id, 60),
          r.label ?? "-",
          r.verdict,
          r.confidence.toFixed(2),
          r.error
            ? plain(r.error, 100)
            : r.invalid_cited_ids.length > 0
              ? `cites unknown ids: ${plain(r.invalid_cited_ids.join(","), 80)}`
              : "",
        ]),
      ]),
    );
  }
  return out.join("\n");
}
