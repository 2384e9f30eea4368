// Analysis throughput and prompt budget, measured on generated vendor pages. Pure apart from the clock.
import { performance } from "node:perf_hooks";
import { getEncoding, type Tiktoken } from "js-tiktoken";
import { normaliseCloudflare } from "../tools/cloudflare/normalise.ts";
import { normaliseDatadog } from "../tools/datadog/normalise.ts";
import { correlate, type Correlation } from "../analysis/timeline.ts";
import { findIndicators } from "../analysis/indicators.ts";
import { assess } from "../analysis/score.ts";
import type { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";
import type { Anomaly, Assessment, Indicator } from "../domain/schemas.ts";

export interface Analysed {
  events: AuditEvent[];
  correlation: Correlation;
  indicators: Indicator[];
  assessment: Assessment;
  sources: Record<SourceName, SourceStatus>;
}

export interface AnalysisTiming {
  /** JSON.parse of every page */
  parse_ms: number;
  /** normalise + correlate + findIndicators + assess */
  ms: number;
  /**
   * where `ms` goes; the catalogue is matched during correlate's one pass over the timeline, so `correlate_ms` holds
   * the matching and `indicators_ms` only the derived indicators
   */
  split: { normalise_ms: number; correlate_ms: number; indicators_ms: number; assess_ms: number };
}

const status = (events: number, pages: number): SourceStatus => ({ status: "ok", events, pivot_events: 0, pages, warnings: [], rejected: 0 });

export function parsePages(pages: { cloudflare: string[]; datadog: string[] }): { cloudflare: unknown[][]; datadog: unknown[][] } {
  return {
    cloudflare: pages.cloudflare.map((p) => (JSON.parse(p) as { result: unknown[] }).result),
    datadog: pages.datadog.map((p) => (JSON.parse(p) as { data: unknown[] }).data),
  };
}

/** The deterministic analysis on parsed pages, timed per stage. */
export function analyse(parsed: { cloudflare: unknown[][]; datadog: unknown[][] }, anomaly: Anomaly, now: Date): Analysed & { split: AnalysisTiming["split"] } {
  const t0 = performance.now();
  const events: AuditEvent[] = [];
  let cf = 0;
  let dd = 0;
  for (const page of parsed.cloudflare) {
    const out = normaliseCloudflare(page, "v1");
    cf += out.events.length;
    for (const e of out.events) events.push(e);
  }
  for (const page of parsed.datadog) {
    const out = normaliseDatadog(page);
    dd += out.events.length;
    for (const e of out.events) events.push(e);
  }
  const t1 = performance.now();
  const window = { since: new Date(now.getTime() - 24 * 3_600_000), before: now };
  const correlation = correlate(events, anomaly, window);
  const t2 = performance.now();
  const indicators = findIndicators(correlation);
  const t3 = performance.now();
  const sources = { cloudflare: status(cf, parsed.cloudflare.length), datadog: status(dd, parsed.datadog.length) };
  const assessment = assess(correlation, indicators, sources);
  const t4 = performance.now();
  return {
    events,
    correlation,
    indicators,
    assessment,
    sources,
    split: { normalise_ms: t1 - t0, correlate_ms: t2 - t1, indicators_ms: t3 - t2, assess_ms: t4 - t3 },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** parse and analysis of the same pages, side by side; median of `reps` runs (after one warm-up when reps > 1). */
export function timeAnalysis(pages: { cloudflare: string[]; datadog: string[] }, anomaly: Anomaly, now: Date, reps = 1): AnalysisTiming & { last: Analysed } {
  const parseTimes: number[] = [];
  const times: number[] = [];
  const splits: AnalysisTiming["split"][] = [];
  let last: Analysed | undefined;
  const runs = reps > 1 ? reps + 1 : 1;
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    const parsed = parsePages(pages);
    const b = performance.now();
    const out = analyse(parsed, anomaly, now);
    const c = performance.now();
    last = out;
    if (reps > 1 && i === 0) continue;
    parseTimes.push(b - a);
    times.push(c - b);
    splits.push(out.split);
  }
  const ms = median(times);
  const split = splits[times.indexOf(ms)]!;
  return { parse_ms: median(parseTimes), ms, split, last: last! };
}

// ---------------------------------------------------------------- prompt budget

let enc: Tiktoken | undefined;
/** Exact o200k_base count up to `exactChars`; past that, extrapolated from the counted part (flagged). */
export function countTokens(text: string, exactChars = 600_000): { tokens: number; estimated: boolean } {
  enc ??= getEncoding("o200k_base");
  if (text.length <= exactChars) return { tokens: enc.encode(text).length, estimated: false };
  const head = enc.encode(text.slice(0, exactChars)).length;
  return { tokens: Math.round((head * text.length) / exactChars), estimated: true };
}

/** Everything a prompt builder may return (a string, {system,user}, messages) as one text. */
export function promptText(p: unknown): string {
  if (typeof p === "string") return p;
  if (Array.isArray(p)) return p.map(promptText).join("\n");
  if (p && typeof p === "object") {
    const o = p as Record<string, unknown>;
    if (typeof o.content === "string") return o.content;
    if (Array.isArray(o.content)) return promptText(o.content);
    if (typeof o.text === "string") return o.text;
    if (typeof o.system === "string" && typeof o.user === "string") return `${o.system}\n${o.user}`;
    return Object.values(o).map(promptText).filter(Boolean).join("\n");
  }
  return "";
}

export type PromptBuilder = (input: Record<string, unknown>) => unknown;

async function importOptional(rel: string): Promise<Record<string, unknown> | string> {
  try {
    // Loaded by URL: the modules are optional for the benchmark (a missing prompt is reported, not fatal).
    return (await import(new URL(rel, import.meta.url).href)) as Record<string, unknown>;
  } catch (err) {
    return `${rel.replace(/^\.\.\//, "")} could not be loaded: ${(err as Error).message.split("\n")[0]}`;
  }
}

/**
 * The analyst prompt as the model-backed analyst builds it: graph/nodes/analyst-llm.ts
 * `buildAnalystPrompt(input, prompt)` with prompts/analyst.ts; else the prompt object alone (system + buildUser).
 */
export async function loadAnalystPrompt(): Promise<{ build: PromptBuilder; source: string } | { error: string }> {
  const prompts = await importOptional("../prompts/analyst.ts");
  if (typeof prompts === "string") return { error: prompts };
  let prompt: { system?: string; buildUser(i: unknown): string } | undefined;
  for (const c of [prompts.default, ...Object.values(prompts)]) {
    if (c && typeof c === "object" && typeof (c as { buildUser?: unknown }).buildUser === "function") {
      prompt = c as { system?: string; buildUser(i: unknown): string };
      break;
    }
  }
  const node = await importOptional("../graph/nodes/analyst-llm.ts");
  if (typeof node !== "string" && typeof node.buildAnalystPrompt === "function" && prompt) {
    const build = node.buildAnalystPrompt as (input: unknown, p: unknown) => unknown;
    const p = prompt;
    return { build: (input) => build(input, p), source: "graph/nodes/analyst-llm.ts buildAnalystPrompt" };
  }
  if (typeof prompts.buildAnalystPrompt === "function") return { build: prompts.buildAnalystPrompt as PromptBuilder, source: "prompts/analyst.ts buildAnalystPrompt" };
  if (prompt) {
    const p = prompt;
    return { build: (input) => `${p.system ?? ""}\n${p.buildUser(input)}`, source: "prompts/analyst.ts (system + buildUser)" };
  }
  return { error: "no analyst prompt builder: neither graph/nodes/analyst-llm.ts buildAnalystPrompt nor a prompt object in prompts/analyst.ts" };
}

/** The analyst node's input, as graph/nodes/analyst.ts hands it to the model-backed analyst. */
export function analystInput(a: Analysed, anomaly: Anomaly): Record<string, unknown> {
  return { correlation: a.correlation, indicators: a.indicators, rules: a.assessment, events: a.events, anomaly, sources: a.sources };
}

/** Ids of the events the indicators rest on (all indicator kinds). */
export function indicatorEventIds(indicators: Indicator[]): string[] {
  return [...new Set(indicators.flatMap((i) => i.event_ids))];
}

export interface PromptMeasure {
  tokens: number;
  estimated: boolean;
  chars: number;
  /** indicator event ids present anywhere in the prompt text */
  kept: number;
  total: number;
  /** indicator events whose record is shown in the prompt (builder's kept_event_ids), when it says */
  shown: number | null;
  build_ms: number;
}

export function measurePrompt(build: PromptBuilder, a: Analysed, anomaly: Anomaly): PromptMeasure {
  const t0 = performance.now();
  const built = build(analystInput(a, anomaly));
  const text = promptText(built);
  const build_ms = performance.now() - t0;
  const ids = indicatorEventIds(a.indicators);
  const kept = ids.filter((id) => text.includes(id)).length;
  const listed = (built as { kept_event_ids?: unknown } | null)?.kept_event_ids;
  const shownSet = Array.isArray(listed) ? new Set(listed as string[]) : undefined;
  const shown = shownSet ? ids.filter((id) => shownSet.has(id)).length : null;
  const { tokens, estimated } = countTokens(text);
  return { tokens, estimated, chars: text.length, kept, total: ids.length, shown, build_ms };
}
