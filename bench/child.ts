// One analysis size in its own process, so its peak RSS is its own:
//   node --import tsx bench/child.ts --size N [--analysis] [--prompt]
// Prints one JSON line: timings, prompt budget and process.resourceUsage().maxRSS.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Anomaly } from "../domain/schemas.ts";
import { generateEvents, vendorPages } from "./generate.ts";
import { loadAnalystPrompt, measurePrompt, timeAnalysis, type PromptMeasure } from "./analysis.ts";

export interface ChildResult {
  size: number;
  analysis?: { ms: number; parse_ms: number; split: Record<string, number>; events: number; verdict: string; indicators: string[] };
  prompt?: (PromptMeasure & { source: string }) | { error: string };
  peak_rss_mb: number;
  /** peak RSS once the pages were in memory (generated, or read with --read) */
  rss_after_generate_mb: number;
}

async function main() {
  const { values } = parseArgs({ options: { size: { type: "string" }, reps: { type: "string" }, analysis: { type: "boolean" }, prompt: { type: "boolean" }, write: { type: "string" }, read: { type: "string" } } });
  const size = Number(values.size);
  if (!Number.isInteger(size) || size <= 0) throw new Error(`--size must be a positive integer, got ${values.size}`);
  // --write FILE: generate the pages and store them, so the measuring process (--read FILE) holds only the
  // pages as text, as a gatherer would, and not the generator's objects.
  let data: { anomaly: Anomaly; now: string; pages: { cloudflare: string[]; datadog: string[] } };
  if (values.read) {
    data = JSON.parse(readFileSync(values.read, "utf8")) as typeof data;
  } else {
    const g = generateEvents(size);
    data = { anomaly: g.anomaly, now: g.now, pages: vendorPages(g, 1000) };
    if (values.write) {
      writeFileSync(values.write, JSON.stringify(data));
      process.stdout.write(`${JSON.stringify({ size, written: values.write })}\n`);
      return;
    }
  }
  const { pages } = data;
  const g = { anomaly: data.anomaly, now: data.now };
  const generatedRss = Math.round(process.resourceUsage().maxRSS / 1024);
  const now = new Date(g.now);
  const reps = values.reps ? Number(values.reps) : size <= 1000 ? 15 : size <= 10_000 ? 3 : 1;
  const t = timeAnalysis(pages, g.anomaly, now, reps);
  const out: ChildResult = { size, peak_rss_mb: 0, rss_after_generate_mb: generatedRss };
  if (values.analysis) {
    out.analysis = {
      ms: t.ms,
      parse_ms: t.parse_ms,
      split: t.split,
      events: t.last.events.length,
      verdict: t.last.assessment.verdict,
      indicators: t.last.indicators.map((i) => i.id),
    };
  }
  if (values.prompt) {
    const p = await loadAnalystPrompt();
    out.prompt = "error" in p ? p : { ...measurePrompt(p.build, t.last, g.anomaly), source: p.source };
  }
  out.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
