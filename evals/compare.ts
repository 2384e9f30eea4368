// Compares two eval reports: what moved, in which direction, and which incidents changed verdict.
import { z } from "zod";
import { readJsonFile } from "../domain/json-file.ts";
import { LABELS } from "../domain/schemas.ts";
import { plain, table, type EvalReport } from "./metrics.ts";

/** Minimal shape check of a saved report (--baseline): enough to compare, unknown fields kept. */
const SavedReport = z.looseObject({
  dataset: z.string(),
  n: z.number(),
  accuracy: z.number(),
  macro_f1: z.number(),
  per_incident: z.array(z.looseObject({ id: z.string(), verdict: z.string(), label: z.string().nullable() })),
});

const FROM_EVAL = '; pass a file written by "casefile eval --json"';

export async function loadReport(file: string): Promise<EvalReport> {
  const report = await readJsonFile(file, SavedReport, {
    noun: "eval report",
    readHint: FROM_EVAL,
    invalid: (issue) => `${file} is not an eval report (${issue})${FROM_EVAL}`,
  });
  return report as unknown as EvalReport;
}

type Direction = "higher" | "lower" | "neutral";

interface MetricDef {
  name: string;
  get: (r: EvalReport) => number | null | undefined;
  better: Direction;
  digits: number;
}

const METRICS: MetricDef[] = [
  { name: "accuracy", get: (r) => r.accuracy, better: "higher", digits: 3 },
  { name: "macro_f1", get: (r) => r.macro_f1, better: "higher", digits: 3 },
  ...LABELS.map(
    (l): MetricDef => ({ name: `f1 ${l}`, get: (r) => r.per_class?.[l]?.f1, better: "higher", digits: 3 }),
  ),
  { name: "ece", get: (r) => r.ece, better: "lower", digits: 3 },
  { name: "brier", get: (r) => r.brier, better: "lower", digits: 3 },
  { name: "abstentions", get: (r) => r.abstentions, better: "lower", digits: 0 },
  { name: "key_event_recall", get: (r) => r.key_event_recall, better: "higher", digits: 3 },
  { name: "technique_recall", get: (r) => r.technique_recall, better: "higher", digits: 3 },
  { name: "invalid_citations", get: (r) => r.invalid_citations, better: "lower", digits: 0 },
  { name: "duration_ms p50", get: (r) => r.duration_ms?.p50, better: "neutral", digits: 0 },
  { name: "duration_ms p95", get: (r) => r.duration_ms?.p95, better: "neutral", digits: 0 },
  { name: "tokens / incident", get: (r) => r.tokens, better: "lower", digits: 0 },
];

function judge(delta: number, better: Direction): string {
  if (delta === 0 || better === "neutral") return "";
  return (delta > 0) === (better === "higher") ? "better" : "WORSE";
}

/** A readable comparison: one line per metric (baseline, current, delta, better/WORSE) and the verdict flips. */
export function compareReports(current: EvalReport, baseline: EvalReport): string {
  const out: string[] = [];
  const show = (x: number | null | undefined, d: number) => (typeof x === "number" ? x.toFixed(d) : "n/a");
  out.push(`comparison with baseline (${plain(baseline.dataset)}, ${baseline.n} incident(s))`);
  if (current.dataset !== baseline.dataset) {
    out.push(`note: the baseline was run on ${plain(baseline.dataset)}, this run on ${plain(current.dataset)}`);
  }
  const rows = [["metric", "baseline", "current", "delta", ""]];
  for (const m of METRICS) {
    const b = m.get(baseline);
    const c = m.get(current);
    if (typeof b === "number" && typeof c === "number") {
      const delta = Math.round((c - b) * 10 ** m.digits) / 10 ** m.digits;
      const sign = delta > 0 ? "+" : "";
      rows.push([m.name, show(b, m.digits), show(c, m.digits), `${sign}${delta.toFixed(m.digits)}`, judge(delta, m.better)]);
    } else {
      rows.push([m.name, show(b, m.digits), show(c, m.digits), "", ""]);
    }
  }
  out.push(table(rows));

  const before = new Map(baseline.per_incident.map((r) => [r.id, r]));
  const now = new Map(current.per_incident.map((r) => [r.id, r]));
  const flips: string[][] = [];
  for (const [id, c] of now) {
    const b = before.get(id);
    if (!b || b.verdict === c.verdict) continue;
    const label = c.label ?? b.label;
    const wasRight = label !== null && b.verdict === label;
    const isRight = label !== null && c.verdict === label;
    const effect = isRight && !wasRight ? "fixed" : wasRight && !isRight ? "BROKEN" : "changed";
    flips.push([plain(id, 60), label ?? "-", b.verdict, c.verdict, effect]);
  }
  out.push("");
  if (flips.length === 0) out.push("no incident changed verdict");
  else {
    out.push(`${flips.length} incident(s) changed verdict`);
    out.push(table([["id", "label", "baseline", "current", ""], ...flips]));
  }
  const added = [...now.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !now.has(id));
  if (added.length > 0) out.push(`only in this run: ${plain(added.join(", "), 400)}`);
  if (removed.length > 0) out.push(`only in the baseline: ${plain(removed.join(", "), 400)}`);
  return out.join("\n");
}
