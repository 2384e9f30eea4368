// The eval runner: replays every labelled incident of a dataset through the whole pipeline (vendor doubles
// over HTTP → gatherers → analyst → writer → Confluence double) and scores the verdicts.
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createInvestigator, type InvestigatorOptions } from "../graph/investigator.ts";
import { GATHER_BEHAVIOURS, startScriptedGatherer, type GatherBehaviour } from "./gather-agent.ts";
import type { AnalystDeps } from "../graph/nodes/analyst.ts";
import type { Model } from "../analysis/weights.ts";
import { defaultPrompts, loadPrompts, promptHashes, type PromptSet } from "../prompts/index.ts";
import { startSandbox } from "../sandbox/server.ts";
import { compareReports, loadReport } from "./compare.ts";
import { GATE_THRESHOLDS, checkThresholds } from "./gate.ts";
import { listIncidentFiles, loadIncident, type Incident } from "../domain/incident.ts";
import { computeMetrics, formatMetrics, plain, type EvalReport, type EvalRow } from "./metrics.ts";

/** What the analyst node shows an observer: its correlation, indicators and source statuses. */
export type AnalysisInput = Parameters<NonNullable<AnalystDeps["observe"]>>[0];

export interface EvalOptions {
  /** Directory of labelled incident files (*.json). */
  dataset: string;
  /** Write the report as JSON to this file. */
  json?: string;
  /** A report written earlier with `json`; checked before the run so a bad path fails fast. */
  baseline?: string;
  /** Directory of prompt modules replacing prompts/ for this run. */
  promptsDir?: string;
  /** Model name for every model-backed node (CASEFILE_MODEL); needs OPENAI_API_KEY in this process's env. */
  model?: string;
  /** Per-node model names (CASEFILE_ANALYST_MODEL / CASEFILE_WRITER_MODEL); "rules" / "template" turns a node's model off. */
  nodeModels?: { analyst?: string; writer?: string };
  /** The caller's settings the model settings are read from (the command line passes the loaded configuration's). */
  env?: NodeJS.ProcessEnv;
  /** Incidents run at the same time (default 2). */
  concurrency?: number;
  /** Show a progress line on stderr (only when stderr is a terminal; default true). */
  progress?: boolean;
  /** When set, runEval rejects with an EvalGateError if the report misses one (see evals/gate.ts). */
  thresholds?: Partial<Record<string, number>>;
  /** Only the first N incident files (by name). */
  limit?: number;
  /** Sees each incident's analyst input (`casefile fit` learns from it). */
  onAnalysis?: (incidentId: string, input: AnalysisInput) => void;
  /** Evidence weights for the analyst (default: the shipped ones). */
  weights?: Model;
  /**
   * The gatherer agent: a scripted policy of evals/gather-agent.ts (scripted, flood, broken), served offline, or a
   * model name (CASEFILE_GATHER_MODEL; needs OPENAI_API_KEY). Default: CASEFILE_GATHER_MODEL of `env`, else none.
   */
  gatherAgent?: string;
}

/** The report missed a threshold; the report is attached. */
export class EvalGateError extends Error {
  constructor(
    readonly report: EvalReport,
    readonly failures: string[],
  ) {
    super(`the eval of ${report.dataset} misses ${failures.length} threshold(s):\n  ${failures.join("\n  ")}`);
    this.name = "EvalGateError";
  }
}

/** Longest a single incident may run before it is recorded as an error. */
export const INCIDENT_TIMEOUT_MS = 120_000;

/** Every vendor event id present in an incident's raw data: Cloudflare v1 + v2 log ids, Datadog event ids. */
export function rawEventIds(incident: Incident): Set<string> {
  const ids = new Set<string>();
  const add = (entries: unknown[] | undefined) => {
    for (const e of entries ?? []) {
      const id = e && typeof e === "object" ? (e as { id?: unknown }).id : undefined;
      if (typeof id === "string") ids.add(id);
    }
  };
  add(incident.sources.cloudflare?.audit_logs);
  add(incident.sources.cloudflare?.audit_logs_v2);
  add(incident.sources.datadog?.audit_events);
  return ids;
}

/** The model variables an eval run takes from the caller's environment. */
export const MODEL_ENV = [
  "OPENAI_BASE_URL",
  "CASEFILE_MODEL",
  "CASEFILE_ANALYST_MODEL",
  "CASEFILE_WRITER_MODEL",
  "CASEFILE_ANALYST_BASE_URL",
  "CASEFILE_WRITER_BASE_URL",
  "CASEFILE_MODEL_BUDGET_MS",
  "CASEFILE_GATHER_BASE_URL",
  "CASEFILE_GATHER_MAX_CALLS",
  "CASEFILE_GATHER_MAX_EVENTS",
  "CASEFILE_GATHER_SECONDS",
] as const;

/**
 * The gatherer agent's variables: a scripted policy points CASEFILE_GATHER_BASE_URL at the local endpoint (and, when
 * no key was given, keeps the analyst and writer deterministic so only the agent uses the placeholder key); a model
 * name needs the caller's OPENAI_API_KEY.
 */
export function gatherEnv(env: Record<string, string>, agent: string | undefined, callerEnv: Record<string, string | undefined>, scriptedURL?: string): Record<string, string> {
  if (!agent) return env;
  const out = { ...env };
  for (const name of MODEL_ENV) if (name.startsWith("CASEFILE_GATHER_") && callerEnv[name]?.trim()) out[name] = callerEnv[name]!.trim();
  if (scriptedURL) {
    out.CASEFILE_GATHER_MODEL = `scripted-${agent}`;
    out.CASEFILE_GATHER_BASE_URL = scriptedURL;
    if (!out.OPENAI_API_KEY) Object.assign(out, { OPENAI_API_KEY: "scripted-not-a-secret", CASEFILE_ANALYST_MODEL: "rules", CASEFILE_WRITER_MODEL: "template" });
    return out;
  }
  const key = callerEnv.OPENAI_API_KEY?.trim();
  if (!key) throw new Error(`the gatherer model ${agent} needs OPENAI_API_KEY in the environment (or use --gather-agent ${GATHER_BEHAVIOURS.join("|")} for a scripted one)`);
  if (!out.OPENAI_API_KEY) Object.assign(out, { OPENAI_API_KEY: key, CASEFILE_ANALYST_MODEL: "rules", CASEFILE_WRITER_MODEL: "template", ...(callerEnv.OPENAI_BASE_URL?.trim() ? { OPENAI_BASE_URL: callerEnv.OPENAI_BASE_URL.trim() } : {}) });
  out.CASEFILE_GATHER_MODEL = agent;
  return out;
}

/** Whether the caller asks for any model: a --model / per-node flag, or a CASEFILE_*MODEL variable. */
export function wantsModel(model: string | undefined, nodeModels: EvalOptions["nodeModels"] = {}, callerEnv: Record<string, string | undefined> = {}): boolean {
  return !!(model || nodeModels.analyst || nodeModels.writer || callerEnv.CASEFILE_MODEL?.trim() || callerEnv.CASEFILE_ANALYST_MODEL?.trim() || callerEnv.CASEFILE_WRITER_MODEL?.trim());
}

/**
 * The environment a run gets: the sandbox's vendor variables, plus the model variables when a model is asked
 * for (flags first, then CASEFILE_MODEL / CASEFILE_<NODE>_MODEL / CASEFILE_<NODE>_BASE_URL of the caller).
 */
export function evalEnv(
  sandboxEnv: Record<string, string>,
  model: string | undefined,
  callerEnv: Record<string, string | undefined> = {},
  nodeModels: EvalOptions["nodeModels"] = {},
): Record<string, string> {
  const env: Record<string, string> = { ...sandboxEnv };
  if (!wantsModel(model, nodeModels, callerEnv)) return env;
  const key = callerEnv.OPENAI_API_KEY?.trim();
  const asked = model ?? nodeModels.analyst ?? nodeModels.writer ?? "CASEFILE_MODEL";
  if (!key) throw new Error(`the model ${asked} needs OPENAI_API_KEY in the environment (and OPENAI_BASE_URL for a non-OpenAI endpoint)`);
  env.OPENAI_API_KEY = key;
  for (const name of MODEL_ENV) {
    const v = callerEnv[name]?.trim();
    if (v) env[name] = v;
  }
  if (model) env.CASEFILE_MODEL = model;
  if (nodeModels.analyst) env.CASEFILE_ANALYST_MODEL = nodeModels.analyst;
  if (nodeModels.writer) env.CASEFILE_WRITER_MODEL = nodeModels.writer;
  return env;
}

type PromptOverrides = { prompts?: PromptSet };

async function loadPromptOverrides(dir: string | undefined): Promise<PromptOverrides> {
  if (!dir) return {};
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`--prompts ${dir} is not a directory; pass a folder laid out like prompts/`);
  return { prompts: await loadPrompts(path.resolve(dir)) };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function errorRow(id: string, incident: Incident | undefined, error: string, duration: number | null): EvalRow {
  return {
    id,
    label: incident?.label?.verdict ?? null,
    verdict: "inconclusive",
    confidence: 0,
    cited_ids: [],
    invalid_cited_ids: [],
    techniques: [],
    key_event_ids: incident?.label?.key_event_ids ?? [],
    label_techniques: incident?.label?.techniques ?? [],
    duration_ms: duration,
    tokens: 0,
    prompt_versions: {},
    error,
  };
}

async function runIncident(file: string, opts: EvalOptions, prompts: PromptOverrides, scriptedURL?: string): Promise<EvalRow> {
  let incident: Incident;
  try {
    incident = await loadIncident(file);
  } catch (err) {
    return errorRow(path.basename(file, ".json"), undefined, (err as Error).message, null);
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
  let investigator: Awaited<ReturnType<typeof createInvestigator>> | undefined;
  let dataDir: string | undefined;
  try {
    sandbox = await startSandbox({ incident });
    dataDir = await mkdtemp(path.join(tmpdir(), `casefile-eval-${incident.id}-`));
    const now = new Date(incident.now);
    const options: InvestigatorOptions = {
      env: gatherEnv(evalEnv(sandbox.env, opts.model, opts.env ?? {}, opts.nodeModels), opts.gatherAgent, opts.env ?? {}, scriptedURL),
      dataDir,
      clock: () => now.getTime(),
      ...prompts,
      analysis: {
        ...(opts.weights ? { weights: opts.weights } : {}),
        ...(opts.onAnalysis ? { observe: (input: AnalysisInput) => opts.onAnalysis!(incident.id, input) } : {}),
      },
    };
    investigator = await createInvestigator(options);
    const outcome = await withTimeout(
      investigator.run({ investigationId: `eval-${incident.id}`, anomaly: incident.anomaly }),
      INCIDENT_TIMEOUT_MS,
      `the investigation of incident ${incident.id}`,
    );
    const duration = elapsed();
    const result = outcome.result;
    const cited = result?.assessment.citations ?? [];
    const known = rawEventIds(incident);
    const row: EvalRow = {
      ...errorRow(incident.id, incident, "", duration),
      cited_ids: cited,
      invalid_cited_ids: cited.filter((id) => !known.has(id)),
      techniques: result?.assessment.techniques ?? [],
      tokens: (result?.tokens.input ?? 0) + (result?.tokens.output ?? 0),
      prompt_versions: result?.prompt_versions ?? {},
      prompt_hashes: promptHashes(prompts.prompts ?? defaultPrompts),
      ...(result?.nodes ? { nodes: result.nodes } : {}),
      ...(result?.gather_agent
        ? { gather_agent: { calls: result.gather_agent.calls.length, refused: result.gather_agent.refused, events_added: result.gather_agent.events_added, failed: result.gather_agent.failed, stopped: result.gather_agent.stopped } }
        : {}),
    };
    if (outcome.status === "completed" && result) {
      row.verdict = result.assessment.verdict;
      row.confidence = result.assessment.confidence;
      delete row.error;
    } else {
      row.error =
        outcome.status === "awaiting_approval"
          ? "the run paused at the approval gate; the eval runs without CASEFILE_REQUIRE_APPROVAL"
          : `the run failed: ${outcome.error ?? "no reason given"}`;
    }
    return row;
  } catch (err) {
    return errorRow(incident.id, incident, (err as Error).message, elapsed());
  } finally {
    await investigator?.close().catch(() => {});
    await sandbox?.close().catch(() => {});
    if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => {});
  }
}

function progressLine(enabled: boolean, total: number) {
  const on = enabled && process.stderr.isTTY === true;
  const width = () => Math.max(40, process.stderr.columns || 80) - 1;
  let done = 0;
  return {
    tick(id: string) {
      done++;
      if (!on) return;
      const fill = Math.round((done / total) * 30);
      const line = `[${"#".repeat(fill)}${" ".repeat(30 - fill)}] ${done}/${total} ${plain(id, 40)}`;
      process.stderr.write(`\r${line.slice(0, width()).padEnd(width())}`);
    },
    end() {
      if (on) process.stderr.write(`\r${" ".repeat(width())}\r`);
    },
  };
}

/** Runs the dataset through the pipeline and scores it. */
export async function runEval(opts: EvalOptions): Promise<EvalReport> {
  const concurrency = opts.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  const info = await stat(opts.dataset).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`dataset ${opts.dataset} is not a directory; pass a folder of incident *.json files`);
  if (opts.baseline) await loadReport(opts.baseline);
  evalEnv({}, opts.model, opts.env ?? {}, opts.nodeModels);
  const agent = opts.gatherAgent ?? (opts.env?.CASEFILE_GATHER_MODEL?.trim() || undefined);
  const scripted = agent && (GATHER_BEHAVIOURS as readonly string[]).includes(agent) ? agent : undefined;
  if (agent && !scripted) gatherEnv({}, agent, opts.env ?? {});
  const runOpts: EvalOptions = { ...opts, ...(agent ? { gatherAgent: agent } : {}) };
  const prompts = await loadPromptOverrides(opts.promptsDir);

  let files = await listIncidentFiles(opts.dataset);
  if (files.length === 0) throw new Error(`dataset ${opts.dataset} holds no *.json incident files`);
  if (opts.limit !== undefined) files = files.slice(0, Math.max(1, opts.limit));

  const rows: EvalRow[] = new Array(files.length);
  const progress = progressLine(opts.progress ?? true, files.length);
  let next = 0;
  const model = scripted ? await startScriptedGatherer(scripted as GatherBehaviour) : undefined;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const row = await runIncident(files[i]!, runOpts, prompts, model?.baseURL);
      rows[i] = row;
      progress.tick(row.id);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  } finally {
    progress.end();
    await model?.close();
  }

  const report = computeMetrics(rows, opts.dataset);
  if (opts.json) await writeFile(opts.json, `${JSON.stringify(report, null, 2)}\n`);
  if (opts.thresholds) {
    const failures = checkThresholds(report, opts.thresholds);
    if (failures.length > 0) throw new EvalGateError(report, failures);
  }
  return report;
}

const USAGE = `usage: casefile eval --dataset DIR [--json FILE] [--baseline FILE] [--prompts DIR] [--model NAME]
                     [--concurrency N] [--limit N] [--gate]
  --dataset DIR      folder of labelled incident *.json files (e.g. evals/datasets/dev)
  --json FILE        write the full report as JSON (use it later as a --baseline)
  --baseline FILE    a report written by --json; prints what changed
  --prompts DIR      run with the prompt modules of DIR instead of prompts/
  --model NAME       model for the model-backed nodes (needs OPENAI_API_KEY; default: CASEFILE_MODEL, else no
                     model: rules + template)
  --analyst-model NAME, --writer-model NAME
                     model of one node ("rules" / "template" keeps it deterministic); CASEFILE_<NODE>_MODEL and
                     CASEFILE_<NODE>_BASE_URL of the environment are honoured too
  --adversarial      the red-team eval instead: scripted hostile model behaviours over the dataset's malicious
                     and misconfiguration incidents (evals/adversarial/)
  --gather-agent scripted|flood|broken|NAME
                     run the gatherer agent: a scripted offline policy (evals/gather-agent.ts) or a model
                     (CASEFILE_GATHER_MODEL, needs OPENAI_API_KEY); budgets from CASEFILE_GATHER_MAX_*
  --concurrency N    incidents run at once (default 2)
  --limit N          only the first N incident files
  --gate             exit 1 when the report misses a threshold of evals/gate.ts`;

function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`${flag} must be a positive integer, got "${v}"`);
  return Number(v);
}

/** `casefile eval …` (argv without "eval"): table on stdout; 0 ok, 1 gate missed or run error, 2 bad usage. */
export async function runEvalCommand(argv: string[], callerEnv: Record<string, string | undefined> = {}): Promise<number> {
  if (argv.includes("--cross-validate")) return (await import("./fit.ts")).runCrossValidateCommand(argv);
  let opts: EvalOptions;
  let gate = false;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        dataset: { type: "string" },
        json: { type: "string" },
        baseline: { type: "string" },
        prompts: { type: "string" },
        model: { type: "string" },
        "analyst-model": { type: "string" },
        "writer-model": { type: "string" },
        "gather-agent": { type: "string" },
        adversarial: { type: "boolean" },
        concurrency: { type: "string" },
        limit: { type: "string" },
        gate: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (!values.dataset) throw new Error("--dataset is required");
    const info = await stat(values.dataset).catch(() => undefined);
    if (!info?.isDirectory()) throw new Error(`dataset ${values.dataset} is not a directory; pass a folder of incident *.json files`);
    if ((await listIncidentFiles(values.dataset)).length === 0) throw new Error(`dataset ${values.dataset} holds no *.json incident files`);
    if (values.baseline) await loadReport(values.baseline);
    if (values.prompts) {
      const p = await stat(values.prompts).catch(() => undefined);
      if (!p?.isDirectory()) throw new Error(`--prompts ${values.prompts} is not a directory`);
    }
    const nodeModels = { ...(values["analyst-model"] ? { analyst: values["analyst-model"] } : {}), ...(values["writer-model"] ? { writer: values["writer-model"] } : {}) };
    evalEnv({}, values.model, callerEnv, nodeModels);
    if (values.prompts && !wantsModel(values.model, nodeModels, callerEnv)) {
      process.stderr.write(`casefile eval: warning: --prompts ${values.prompts} changes nothing without a model — pass --model NAME (or --analyst-model / --writer-model, or set CASEFILE_MODEL) and OPENAI_API_KEY\n`);
    }
    if (values.adversarial) {
      const { runAdversarialCommand } = await import("./adversarial/run.ts");
      return runAdversarialCommand({ dataset: values.dataset, ...(values.json ? { json: values.json } : {}), ...(positiveInt("--limit", values.limit) ? { limit: Number(values.limit) } : {}), gate: values.gate ?? false });
    }
    const concurrency = positiveInt("--concurrency", values.concurrency);
    const limit = positiveInt("--limit", values.limit);
    gate = values.gate ?? false;
    opts = {
      dataset: values.dataset,
      ...(values.json ? { json: values.json } : {}),
      ...(values.baseline ? { baseline: values.baseline } : {}),
      ...(values.prompts ? { promptsDir: values.prompts } : {}),
      ...(values.model ? { model: values.model } : {}),
      ...(Object.keys(nodeModels).length ? { nodeModels } : {}),
      ...(values["gather-agent"] ? { gatherAgent: values["gather-agent"] } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(limit ? { limit } : {}),
      env: callerEnv,
    };
  } catch (err) {
    process.stderr.write(`casefile eval: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }

  let report: EvalReport;
  try {
    report = await runEval(opts);
  } catch (err) {
    process.stderr.write(`casefile eval: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`${formatMetrics(report)}\n`);
  if (opts.baseline) process.stdout.write(`\n${compareReports(report, await loadReport(opts.baseline))}\n`);
  if (opts.json) process.stderr.write(`report written to ${opts.json}\n`);
  if (gate) {
    const failures = checkThresholds(report, GATE_THRESHOLDS);
    if (failures.length > 0) {
      process.stderr.write(`casefile eval: gate failed:\n  ${failures.join("\n  ")}\n`);
      return 1;
    }
  }
  return 0;
}
