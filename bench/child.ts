// One analysis size in its own process, so its peak RSS is its own:
//   node --import tsx bench/child.ts --size N [--analysis] [--prompt]
// Prints one JSON line: timings, prompt budget and process.resourceUsage().maxRSS.
// Pages are handled as a gatherer handles them: each one is made (or read), parsed and its text dropped before
// the next, so only the parsed records (which the events keep as `raw`) and the events accumulate.
import { execFileSync } from "node:child_process";
import { appendFileSync, createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Anomaly } from "../domain/schemas.ts";
import { generateEvents, vendorPageTexts, type VendorPageText } from "./generate.ts";
import { analyse, analystInput, loadAnalystPrompt, measurePrompt, type Analysed, type PromptMeasure } from "./analysis.ts";

export interface ChildResult {
  size: number;
  analysis?: { ms: number; parse_ms: number; split: Record<string, number>; events: number; verdict: string; indicators: string[] };
  prompt?: (PromptMeasure & { source: string }) | { error: string };
  /** peak RSS of the analysis and the prompt build (not of the bench's token counting) */
  peak_rss_mb: number;
  /** with --prompt: peak RSS once the prompt's tokens were counted (js-tiktoken's tables included) */
  peak_rss_with_tokenizer_mb?: number;
  /** peak RSS before the first page is read (the pages are generated in another process) */
  rss_after_generate_mb: number;
}

/** The page file of --write / --read: a header line {anomaly, now}, then one line per page, `<vendor> <page JSON>`. */
async function* readPageFile(file: string): AsyncGenerator<VendorPageText> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const sp = line.indexOf(" ");
    yield { vendor: line.slice(0, sp) as VendorPageText["vendor"], text: line.slice(sp + 1) };
  }
}

async function readHeader(file: string): Promise<{ anomaly: Anomaly; now: string }> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return JSON.parse(line) as { anomaly: Anomaly; now: string };
  }
  throw new Error(`${file} is empty: write it with --write first`);
}

/** JSON.parse of every page, one at a time (timed), keeping each page's records and dropping its text. */
async function parsePageByPage(pages: AsyncIterable<VendorPageText>): Promise<{ parsed: { cloudflare: unknown[][]; datadog: unknown[][] }; parse_ms: number }> {
  const parsed: { cloudflare: unknown[][]; datadog: unknown[][] } = { cloudflare: [], datadog: [] };
  let parse_ms = 0;
  for await (const page of pages) {
    const t = performance.now();
    const body = JSON.parse(page.text) as { result?: unknown[]; data?: unknown[] };
    parse_ms += performance.now() - t;
    parsed[page.vendor].push((page.vendor === "cloudflare" ? body.result : body.data) ?? []);
  }
  return { parsed, parse_ms };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const { values } = parseArgs({ options: { size: { type: "string" }, reps: { type: "string" }, analysis: { type: "boolean" }, prompt: { type: "boolean" }, write: { type: "string" }, read: { type: "string" } } });
  const size = Number(values.size);
  if (!Number.isInteger(size) || size <= 0) throw new Error(`--size must be a positive integer, got ${values.size}`);
  // --write FILE: generate the pages and store them; --read FILE reads them page by page, as a gatherer would.
  // Without either, a --write run of this file (its own process: the generator's heap is not this one's) makes a
  // temporary page file, read the same way.
  if (values.write) {
    writePageFile(size, values.write);
    process.stdout.write(`${JSON.stringify({ size, written: values.write })}\n`);
    return;
  }
  const tmp = values.read ? undefined : mkdtempSync(path.join(os.tmpdir(), "casefile-bench-"));
  try {
    const file = values.read ?? path.join(tmp!, "pages.ndjson");
    if (!values.read) {
      // The profiling flags (--cpu-prof …) stay with the measuring process.
      const flags = process.execArgv.filter((a) => !/^--(cpu|heap)-prof/.test(a));
      execFileSync(process.execPath, [...flags, fileURLToPath(import.meta.url), "--size", String(size), "--write", file], { stdio: ["ignore", "ignore", "inherit"] });
    }
    process.stdout.write(`${JSON.stringify(await measure(size, file, values))}\n`);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** Generates `size` events and writes them as the page file; the generator's records are dropped as they are written. */
function writePageFile(size: number, file: string): void {
  const gen = generateEvents(size);
  writeFileSync(file, `${JSON.stringify({ anomaly: gen.anomaly, now: gen.now })}\n`);
  for (const p of vendorPageTexts(gen, 1000, true)) appendFileSync(file, `${p.vendor} ${p.text}\n`);
}

async function measure(size: number, file: string, values: { reps?: string; analysis?: boolean; prompt?: boolean }): Promise<ChildResult> {
  const reps = values.reps ? Number(values.reps) : size <= 1000 ? 15 : size <= 10_000 ? 3 : 1;
  const runs = reps > 1 ? reps + 1 : 1;
  const g = await readHeader(file);
  const generatedRss = Math.round(process.resourceUsage().maxRSS / 1024);
  const now = new Date(g.now);

  // parse and analysis of the same pages, side by side; median of `reps` runs (after one warm-up when reps > 1)
  const parseTimes: number[] = [];
  const times: number[] = [];
  const splits: Record<string, number>[] = [];
  let last: Analysed | undefined;
  for (let i = 0; i < runs; i++) {
    last = undefined;
    const { parsed, parse_ms } = await parsePageByPage(readPageFile(file));
    const b = performance.now();
    const out = analyse(parsed, g.anomaly, now);
    const ms = performance.now() - b;
    last = out;
    if (runs > 1 && i === 0) continue;
    parseTimes.push(parse_ms);
    times.push(ms);
    splits.push(out.split);
  }
  const analysed = last!;
  const out: ChildResult = { size, peak_rss_mb: 0, rss_after_generate_mb: generatedRss };
  if (values.analysis) {
    const ms = median(times);
    out.analysis = {
      ms,
      parse_ms: median(parseTimes),
      split: splits[times.indexOf(ms)]!,
      events: analysed.events.length,
      verdict: analysed.assessment.verdict,
      indicators: analysed.indicators.map((i) => i.id),
    };
  }
  const p = values.prompt ? await loadAnalystPrompt() : undefined;
  // The analyst's prompt is built once inside the measured peak (casefile builds it); counting its tokens loads
  // js-tiktoken's o200k tables (~150 MB), which casefile never does, so that comes after.
  if (p && !("error" in p)) p.build(analystInput(analysed, g.anomaly));
  out.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (p) {
    out.prompt = "error" in p ? p : { ...measurePrompt(p.build, analysed, g.anomaly), source: p.source };
    out.peak_rss_with_tokenizer_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  }
  return out;
}

main().catch((err) => {
  process.stderr.write(`bench child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
