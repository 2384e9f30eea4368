// `casefile bench [--quick] [--check] [--out FILE] [--pg URL]`: measures casefile against its physical floor, every section in
// this one process run (analysis sizes in child processes for their own peak RSS), writes bench/results.json
// and prints a table. Exit 0 when every section ran (1 with --check when a target is missed), 1 when a section
// could not run, 2 on bad usage.
import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ChildResult } from "./child.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");

export const TARGETS = {
  critical_path_ratio: "<= 1.05",
  analysis_ratio: "<= 2",
  peak_rss_mb_100000: "< 512",
  prompt_tokens: "<= 8000",
  indicator_events_kept: "= 1",
  webhook_ratio: ">= 0.5",
  webhook_p99_ms: "<= 20",
  storm_investigations: "<= 100",
  storm_lost: "= 0",
  scale_ratio: ">= 1.8",
  pg_storm_lost: "= 0",
} as const;

export interface AnalysisRow {
  ms: number;
  parse_ms: number;
  ratio: number;
  peak_rss_mb: number;
}

export interface BenchResults {
  critical_path_ratio: number | null;
  analysis: Record<"1000" | "10000" | "100000", AnalysisRow | null>;
  prompt_tokens: Record<"100" | "10000" | "100000", number | null>;
  indicator_events_kept: number | null;
  webhook: { rps: number; bare_rps: number; ratio: number; p50_ms: number; p99_ms: number; cpu_ratio?: number } | null;
  storm: { anomalies: number; investigations: number; lost: number } | null;
  /** PostgreSQL: investigations per minute on 1 and 2 worker processes, and the storm (null: not measured) */
  scale?: { one_per_min: number; two_per_min: number; ratio: number; storm_anomalies: number; storm_lost: number } | null;
  meta: Record<string, unknown>;
  targets: typeof TARGETS;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** One analysis size in a child process (`node --import tsx bench/child.ts`). */
export function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "child.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line) return reject(new Error(`bench child ${args.join(" ")} exited with ${code}: ${err.trim().slice(-600)}`));
      try {
        resolve(JSON.parse(line) as ChildResult);
      } catch {
        reject(new Error(`bench child ${args.join(" ")} printed no JSON result: ${line.slice(0, 200)}`));
      }
    });
  });
}

export function analysisRow(c: ChildResult): AnalysisRow | null {
  if (!c.analysis) return null;
  return { ms: r1(c.analysis.ms), parse_ms: r1(c.analysis.parse_ms), ratio: r3(c.analysis.ms / c.analysis.parse_ms), peak_rss_mb: c.peak_rss_mb };
}

interface Check {
  metric: string;
  value: string;
  target: string;
  ok: boolean | null;
}

/** The table rows: every measured value against its target (ok null when not measured). */
export function checks(r: BenchResults): Check[] {
  const rows: Check[] = [];
  const add = (metric: string, v: number | null | undefined, target: string, pass: (x: number) => boolean, unit = "") =>
    rows.push({ metric, value: v === null || v === undefined ? "n/a" : `${v}${unit}`, target, ok: v === null || v === undefined ? null : pass(v) });
  add("critical path: e2e / floor", r.critical_path_ratio, TARGETS.critical_path_ratio, (x) => x <= 1.05);
  for (const size of ["1000", "10000", "100000"] as const) {
    const a = r.analysis[size];
    add(`analysis ${size}: ms / parse_ms`, a?.ratio, TARGETS.analysis_ratio, (x) => x <= 2);
    if (a) rows.push({ metric: `analysis ${size}: ms (parse_ms)`, value: `${a.ms} (${a.parse_ms})`, target: "-", ok: null });
  }
  add("analysis 100000: peak RSS", r.analysis["100000"]?.peak_rss_mb, TARGETS.peak_rss_mb_100000, (x) => x < 512, " MB");
  for (const size of ["100", "10000", "100000"] as const) add(`prompt tokens, ${size} events`, r.prompt_tokens[size], TARGETS.prompt_tokens, (x) => x <= 8000);
  add("indicator events kept in prompt", r.indicator_events_kept, TARGETS.indicator_events_kept, (x) => x === 1);
  const shown = (r.meta.details as { indicator_events_shown?: number } | undefined)?.indicator_events_shown;
  if (shown !== undefined) rows.push({ metric: "  of which shown as records", value: String(shown), target: "(info)", ok: null });
  add("webhook rps / bare rps", r.webhook?.ratio, TARGETS.webhook_ratio, (x) => x >= 0.5);
  if (r.webhook) rows.push({ metric: "webhook rps (bare)", value: `${r.webhook.rps} (${r.webhook.bare_rps})`, target: "-", ok: null });
  if (r.webhook?.cpu_ratio !== undefined) rows.push({ metric: "webhook CPU per request: bare / service", value: String(r.webhook.cpu_ratio), target: "(info)", ok: null });
  add("webhook p50", r.webhook?.p50_ms, "-", () => true, " ms");
  add("webhook p99", r.webhook?.p99_ms, TARGETS.webhook_p99_ms, (x) => x <= 20, " ms");
  add(`storm: investigations (${r.storm?.anomalies ?? "?"} anomalies)`, r.storm?.investigations, TARGETS.storm_investigations, (x) => x <= 100);
  add("storm: lost anomalies", r.storm?.lost, TARGETS.storm_lost, (x) => x === 0);
  if (r.scale) rows.push({ metric: "PostgreSQL: investigations/min, 1 (2) workers", value: `${r.scale.one_per_min} (${r.scale.two_per_min})`, target: "-", ok: null });
  add("PostgreSQL: 2 workers / 1 worker", r.scale?.ratio, TARGETS.scale_ratio, (x) => x >= 1.8);
  add(`PostgreSQL storm: lost (${r.scale?.storm_anomalies ?? "?"} anomalies)`, r.scale?.storm_lost, TARGETS.pg_storm_lost, (x) => x === 0);
  return rows;
}

export function formatTable(rows: Check[]): string {
  const head = { metric: "metric", value: "value", target: "target", ok: "ok" };
  const cells = rows.map((c) => ({ metric: c.metric, value: c.value, target: c.target, ok: c.ok === null ? "" : c.ok ? "yes" : "NO" }));
  const w = (k: keyof typeof head) => Math.max(head[k].length, ...cells.map((c) => c[k].length));
  const line = (c: typeof head) => `${c.metric.padEnd(w("metric"))}  ${c.value.padStart(w("value"))}  ${c.target.padEnd(w("target"))}  ${c.ok}`;
  return [line(head), line({ metric: "-".repeat(w("metric")), value: "-".repeat(w("value")), target: "-".repeat(w("target")), ok: "--" }), ...cells.map(line)].join("\n");
}

export async function benchCommand(argv: string[]): Promise<number> {
  let values: { quick?: boolean; check?: boolean; out?: string; pg?: string };
  try {
    values = parseArgs({ args: argv, options: { quick: { type: "boolean" }, check: { type: "boolean" }, out: { type: "string" }, pg: { type: "string" } }, strict: true }).values;
  } catch (err) {
    process.stderr.write(`casefile bench: ${(err as Error).message}\nUsage: casefile bench [--quick] [--check] [--out FILE] [--pg URL]\n`);
    return 2;
  }
  const quick = values.quick ?? false;
  const outFile = path.resolve(values.out ?? path.join(HERE, "results.json"));
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  const errors: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  const skips: string[] = [];
  const started = Date.now();
  const section = async <T>(name: string, fn: () => Promise<T>): Promise<T | null> => {
    log(`${name}…`);
    const t0 = Date.now();
    try {
      const v = await fn();
      log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return v;
    } catch (err) {
      errors[name] = err instanceof Error ? err.message : String(err);
      log(`${name} FAILED: ${errors[name]}`);
      return null;
    }
  };

  const results: BenchResults = {
    critical_path_ratio: null,
    analysis: { "1000": null, "10000": null, "100000": null },
    prompt_tokens: { "100": null, "10000": null, "100000": null },
    indicator_events_kept: null,
    webhook: null,
    storm: null,
    meta: {},
    targets: TARGETS,
  };

  // 1. Critical path.
  const critical = await section("critical path", async () => (await import("./critical.ts")).measureCriticalPath());
  if (critical) {
    results.critical_path_ratio = critical.ratio;
    details.critical_path = critical;
  }

  // 2 + 3. Analysis throughput, peak RSS and prompt budget, one child per size.
  const plan: { size: number; args: string[] }[] = [
    { size: 100, args: ["--prompt", "--reps", "1"] },
    { size: 1000, args: ["--analysis"] },
    { size: 10_000, args: ["--analysis", "--prompt", ...(quick ? ["--reps", "1"] : [])] },
    ...(quick ? [] : [{ size: 100_000, args: ["--analysis", "--prompt"] }]),
  ];
  const kept: { kept: number; shown: number | null; total: number }[] = [];
  const childDetails: Record<string, unknown> = {};
  const promptNotes: string[] = [];
  for (const p of plan) {
    const file = path.join(os.tmpdir(), `casefile-bench-pages-${process.pid}-${p.size}.json`);
    const c = await section(`analysis ${p.size}`, async () => {
      try {
        await runChild(["--size", String(p.size), "--write", file]);
        return await runChild(["--size", String(p.size), "--read", file, ...p.args]);
      } finally {
        await rm(file, { force: true });
      }
    });
    if (!c) continue;
    childDetails[String(p.size)] = c;
    const key = String(p.size);
    if (key === "1000" || key === "10000" || key === "100000") results.analysis[key] = analysisRow(c);
    if (c.prompt && "error" in c.prompt) promptNotes.push(c.prompt.error);
    else if (c.prompt) {
      if (key === "100" || key === "10000" || key === "100000") results.prompt_tokens[key] = c.prompt.tokens;
      kept.push({ kept: c.prompt.kept, shown: c.prompt.shown, total: c.prompt.total });
    }
  }
  // The worst size counts: every indicator event must be in every prompt.
  if (kept.length) results.indicator_events_kept = r3(Math.min(...kept.map((k) => (k.total === 0 ? 1 : k.kept / k.total))));
  // Stricter: the indicator events whose record (not only its id in an indicator's list) is in the prompt.
  const shown = kept.filter((k) => k.shown !== null);
  if (shown.length) details.indicator_events_shown = r3(Math.min(...shown.map((k) => (k.total === 0 ? 1 : k.shown! / k.total))));
  details.analysis = childDetails;
  if (promptNotes.length) errors.prompt = [...new Set(promptNotes)].join("; ");

  // 4. Webhook ingest.
  const webhook = await section("webhook", async () => (await import("./service.ts")).measureWebhook({ seconds: quick ? 3 : 10 }));
  if (webhook) {
    results.webhook = { rps: webhook.rps, bare_rps: webhook.bare_rps, ratio: webhook.ratio, p50_ms: webhook.p50_ms, p99_ms: webhook.p99_ms, cpu_ratio: webhook.cpu_ratio };
    details.webhook = webhook;
  }

  // 5. Alert storm.
  const storm = await section("storm", async () => (await import("./service.ts")).measureStorm({ anomalies: quick ? 2000 : 10_000 }));
  if (storm) {
    results.storm = { anomalies: storm.anomalies, investigations: storm.investigations, lost: storm.lost };
    details.storm = storm;
  }

  // 6. Scale-out on PostgreSQL (skipped, not failed, when no PostgreSQL answers).
  const scale = await section("scale", async () => {
    const { measureScale, PgUnavailable } = await import("./scale.ts");
    return measureScale({ ...(values.pg ? { url: values.pg } : {}), quick }).catch((e: unknown) => {
      if (!(e instanceof PgUnavailable)) throw e;
      skips.push(`scale: ${e.message}`);
      return null;
    });
  });
  if (scale) {
    results.scale = { one_per_min: scale.one.per_minute, two_per_min: scale.two.per_minute, ratio: scale.ratio, storm_anomalies: scale.storm.anomalies, storm_lost: scale.storm.lost };
    details.scale = scale;
  }

  results.meta = {
    date: new Date().toISOString(),
    quick,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    total_mem_mb: Math.round(os.totalmem() / 1048576),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    ...(quick ? { skipped: "quick mode: analysis and prompt at 100000 events not run; storm 2000 anomalies (500 on PostgreSQL); webhook 3 s; 60 runs a scale-out worker" } : {}),
    ...(skips.length ? { not_measured: skips } : {}),
    errors,
    details,
  };
  await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);
  const rows = checks(results);
  process.stdout.write(`${formatTable(rows)}\n\nresults: ${path.relative(process.cwd(), outFile) || outFile}\n`);
  for (const [name, msg] of Object.entries(errors)) process.stdout.write(`not measured — ${name}: ${msg}\n`);
  for (const msg of skips) process.stdout.write(`skipped — ${msg}\n`);
  if (Object.keys(errors).some((k) => k !== "prompt")) return 1;
  if (values.check && rows.some((c) => c.ok === false)) return 1;
  return 0;
}
