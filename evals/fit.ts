// Learning the analyst's evidence weights from labelled incidents, and measuring them honestly.
//
//   casefile fit --dataset DIR [--dataset DIR…] --out FILE [--l2 X]
//   casefile eval --cross-validate --dataset DIR [--dataset DIR…] [--json FILE]
//
// Every incident is replayed through the real pipeline (vendor doubles over HTTP → gatherers → correlate) up to the
// analyst, whose input is captured and turned into the evidence table's activations. `fit` trains a regularised
// multinomial logistic regression on all of them; the confidence temperature is fitted on leave-one-corpus-out
// predictions only. `--cross-validate` trains on every corpus but one and scores the one left out, for each corpus
// in turn (nested: the held-out corpus's temperature is fitted without it too), and prints per-corpus and pooled
// accuracy, macro-F1 and ECE: the figures to trust, since no corpus is scored by weights that saw it. The fitting and
// the cross-validation themselves are pure, in evals/crossval.ts.
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { activations } from "../analysis/score.ts";
import { CLASSES } from "../analysis/weights.ts";
import type { AnalystDeps } from "../graph/nodes/analyst.ts";
import { listIncidentFiles } from "../domain/incident.ts";
import { type Corpus, fitWeights, formatCrossValidation, type LabelledSample, L2_GRID, pickL2 } from "./crossval.ts";
import { runEval } from "./runner.ts";

export * from "./crossval.ts";

type AnalysisInput = Parameters<NonNullable<AnalystDeps["observe"]>>[0];

/** Replays a dataset through the pipeline and captures each incident's evidence activations. */
export async function captureCorpus(dir: string, concurrency = 2): Promise<Corpus> {
  const inputs = new Map<string, AnalysisInput>();
  const report = await runEval({ dataset: dir, concurrency, progress: true, onAnalysis: (id, input) => inputs.set(id, input) });
  const samples: LabelledSample[] = [];
  for (const row of report.per_incident) {
    const input = inputs.get(row.id);
    if (!input || !row.label) continue;
    const y = CLASSES.indexOf(row.label as (typeof CLASSES)[number]);
    if (y < 0) continue;
    samples.push({ id: row.id, y, ...activations(input.correlation, input.indicators, input.sources) });
  }
  return { name: path.basename(path.resolve(dir)), samples };
}

async function corporaFrom(dirs: string[], concurrency: number): Promise<Corpus[]> {
  // Every folder is checked before the first (slow) capture, so a wrong one fails at once.
  for (const d of dirs) {
    const info = await stat(d).catch(() => undefined);
    if (!info?.isDirectory() || (await listIncidentFiles(d)).length === 0) throw new Error(`dataset ${d} is not a folder of incident *.json files`);
  }
  const out: Corpus[] = [];
  for (const d of dirs) {
    process.stderr.write(`capturing ${d}\n`);
    out.push(await captureCorpus(d, concurrency));
  }
  return out;
}

const FIT_USAGE = `usage: casefile fit --dataset DIR [--dataset DIR…] --out FILE [--l2 X] [--concurrency N]
  --dataset DIR   a folder of labelled incidents (evals/INCIDENT-FORMAT.md); each folder is one cross-validation fold
  --out FILE      where to write the weights file (use it with CASEFILE_WEIGHTS=FILE)
  --l2 X          L2 penalty (default: chosen by leave-one-corpus-out cross-validation from ${L2_GRID.join(", ")})`;

/** `casefile fit …`: 0 written, 1 failed, 2 bad usage. */
export async function runFitCommand(argv: string[]): Promise<number> {
  let values: { dataset?: string[]; out?: string; l2?: string; concurrency?: string; help?: boolean };
  try {
    values = parseArgs({ args: argv, strict: true, options: { dataset: { type: "string", multiple: true }, out: { type: "string" }, l2: { type: "string" }, concurrency: { type: "string" }, help: { type: "boolean", short: "h" } } }).values;
    if (values.help) {
      process.stdout.write(`${FIT_USAGE}\n`);
      return 0;
    }
    if (!values.dataset?.length) throw new Error("--dataset is required");
    if (!values.out) throw new Error("--out is required");
    checkL2(values.l2);
  } catch (err) {
    process.stderr.write(`casefile fit: ${(err as Error).message}\n${FIT_USAGE}\n`);
    return 2;
  }
  try {
    const corpora = await corporaFrom(values.dataset, Number(values.concurrency ?? 2) || 2);
    const cv = pickL2(corpora, values.l2 !== undefined ? [Number(values.l2)] : [...L2_GRID]);
    const file = fitWeights(corpora, cv.l2, corpora.length >= 2 ? cv : undefined);
    await writeFile(values.out, `${JSON.stringify(file, null, 1)}\n`);
    if (corpora.length >= 2) process.stdout.write(`${formatCrossValidation(cv)}\n`);
    process.stdout.write(`weights ${file.version} fitted on ${file.trained_on.map((t) => `${t.dataset} (${t.incidents})`).join(", ")}; temperature ${file.temperature}; written to ${values.out}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`casefile fit: ${(err as Error).message}\n`);
    return 1;
  }
}

function checkL2(l2: string | undefined): void {
  if (l2 !== undefined && !(Number(l2) >= 0)) throw new Error(`--l2 must be a non-negative number, got "${l2}"`);
}

/** `casefile eval --cross-validate --dataset DIR…`: per-corpus and pooled figures on stdout. */
export async function runCrossValidateCommand(argv: string[]): Promise<number> {
  let values: { dataset?: string[]; json?: string; l2?: string; concurrency?: string };
  try {
    values = parseArgs({ args: argv.filter((a) => a !== "--cross-validate"), strict: true, options: { dataset: { type: "string", multiple: true }, json: { type: "string" }, l2: { type: "string" }, concurrency: { type: "string" } } }).values;
    if ((values.dataset?.length ?? 0) < 2) throw new Error("--cross-validate needs at least two --dataset folders (each one is a fold)");
    checkL2(values.l2);
  } catch (err) {
    process.stderr.write(`casefile eval: ${(err as Error).message}\n`);
    return 2;
  }
  try {
    const corpora = await corporaFrom(values.dataset!, Number(values.concurrency ?? 2) || 2);
    const cv = pickL2(corpora, values.l2 !== undefined ? [Number(values.l2)] : [...L2_GRID]);
    process.stdout.write(`${formatCrossValidation(cv)}\n`);
    if (values.json) await writeFile(values.json, `${JSON.stringify(cv, null, 2)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`casefile eval: ${(err as Error).message}\n`);
    return 1;
  }
}
