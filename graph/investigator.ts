// Builds the investigation graph from configuration and runs it with a durable checkpointer, so a run that
// was interrupted (crash, approval gate) resumes where it stopped instead of starting again.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Command, type BaseCheckpointSaver } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import Database from "better-sqlite3";
import pg from "pg";
import { FastJsonSerde } from "./serde.ts";
import { cachedEvidenceStore, memoryEvidenceStore, postgresEvidenceStore, sqliteEvidenceStore, type EvidenceStore } from "./evidence-store.ts";
import type { Breakers, ChatClient } from "./model-client.ts";
import { resolveConfig, type CasefileConfig } from "../config/load.ts";
import { ConfigError } from "../config/errors.ts";
import { createCloudflareGatherer } from "../tools/cloudflare/client.ts";
import { createDatadogGatherer } from "../tools/datadog/client.ts";
import { createConfluencePublisher } from "../tools/confluence/client.ts";
import type { Gatherer, Publisher } from "../tools/types.ts";
import type { SourceName, SourceStatus } from "../domain/events.ts";
import { defaultPrompts, loadPrompts, promptVersions as versionsOf, type PromptSet } from "../prompts/index.ts";
import { compileGraph, type CompiledInvestigation, type GraphDeps } from "./compile.ts";
import { loadWeights } from "../analysis/weights.ts";
import { orgEvidence } from "../analysis/org-context.ts";
import { createChatModel, describeModels } from "./config.ts";
import { createChatOpenAI, endpointHost } from "./model-client.ts";
import { gatherAgentTools } from "./nodes/gather-agent.ts";
import type { State } from "./state.ts";
import { deterministicOutcome } from "./model-outcome.ts";
import type { InvestigationResult, Investigator, RunInput, RunOutcome } from "./types.ts";
import { CASEFILE_VERSION } from "./version.ts";
import { renderMarkdown } from "../report/markdown.ts";
import { renderTimelineSvg } from "../report/svg.ts";
import { deadlineError, timerDeadline, type DeadlineFactory } from "./deadline.ts";

export interface InvestigatorOptions {
  /** The configuration (config/load.ts `loadConfig`, once per process). */
  config?: CasefileConfig;
  /** Settings as variables when no `config` is given (the eval's sandbox, tests), resolved by config/load.ts. */
  env?: Record<string, string | undefined>;
  /** Where checkpoints and dry-run reports live (CASEFILE_DATA_DIR, default ./.casefile). */
  dataDir?: string;
  /** The clock (epoch ms): the window ends at clock(). Injected by the eval runner (incident `now`) and tests. */
  clock?: () => number;
  checkpointer?: BaseCheckpointSaver;
  /** Where raw vendor records go (default: beside the checkpoints; in memory with an injected checkpointer). */
  evidence?: EvidenceStore;
  /** Overrides of what the environment would build. */
  gatherers?: Partial<Record<SourceName, Gatherer>>;
  publisher?: Publisher | null;
  models?: { analyst?: ChatClient; writer?: ChatClient };
  /** circuit breakers of the model endpoints (default: shared by every run in the process) */
  breakers?: Breakers;
  modelNames?: Record<string, string>;
  /** Prompts per node (`casefile eval --prompts DIR`); defaults to prompts/. */
  prompts?: PromptSet;
  /** true: every run pauses before publishing; "model-override": only runs whose model disagrees with the rules */
  requireApproval?: boolean | "model-override";
  dryRun?: boolean;
  /** Longest one pass through the graph may take (default: the configuration's `run.deadline`, 10 min). */
  runDeadlineMs?: number;
  /** Makes each pass's deadline signal (default: a timer); tests abort it by hand. */
  deadline?: DeadlineFactory;
  /** the analyst's evidence weights and an observer of its input (`casefile fit`) */
  analysis?: GraphDeps["analysis"];
  /** the gatherer agent (default: the configuration's `gatherAgent`, with the vendor tools of the gatherers); null: none */
  gatherAgent?: GraphDeps["gatherAgent"] | null;
  /**
   * Runs the PostgreSQL checkpointer's table set-up under the set-up lock the store and the queue share (the service
   * passes `withSetupLock` of server/store/pg-setup.ts); without one the set-up runs unserialised.
   */
  setupLock?: (databaseUrl: string, setup: () => Promise<void>) => Promise<void>;
}

export async function createInvestigator(opts: InvestigatorOptions = {}): Promise<Investigator & { graph: CompiledInvestigation; evidence: EvidenceStore }> {
  const settings = opts.config ?? resolveConfig({ env: opts.env ?? {} });
  const dataDir = opts.dataDir ?? settings.dataDir;
  mkdirSync(dataDir, { recursive: true });
  const clock = opts.clock ?? Date.now;
  const runDeadlineMs = opts.runDeadlineMs ?? settings.runDeadlineMs;
  const deadline = opts.deadline ?? timerDeadline;

  const vendors = settings.vendors;
  const gatherers: Partial<Record<SourceName, Gatherer>> = opts.gatherers ?? {
    ...(vendors.cloudflare ? { cloudflare: createCloudflareGatherer(vendors.cloudflare, { limits: vendors.limits }) } : {}),
    ...(vendors.datadog ? { datadog: createDatadogGatherer(vendors.datadog, { limits: vendors.limits }) } : {}),
  };
  const publisher =
    opts.publisher === null ? undefined : (opts.publisher ?? (vendors.confluence ? createConfluencePublisher(vendors.confluence) : undefined));

  const modelCfg = settings.models;
  const models = opts.models ?? {
    ...(modelCfg.analyst ? { analyst: createChatModel(modelCfg.analyst) } : {}),
    ...(modelCfg.writer ? { writer: createChatModel(modelCfg.writer) } : {}),
  };
  // an agent asked for but set up wrongly fails here rather than running without it (serve refuses earlier)
  if (opts.gatherAgent === undefined && settings.problems.gather_agent) throw new ConfigError(settings.problems.gather_agent);
  const agentCfg = opts.gatherAgent === undefined ? settings.gatherAgent : undefined;
  const gatherAgent: GraphDeps["gatherAgent"] =
    opts.gatherAgent === null
      ? undefined
      : (opts.gatherAgent ??
        (agentCfg
          ? { chat: createChatOpenAI(agentCfg), model: agentCfg.model, host: endpointHost(agentCfg.baseURL), tools: gatherAgentTools(gatherers), budget: agentCfg.budget }
          : undefined));
  const modelNames = { ...(opts.modelNames ?? describeModels(modelCfg)), ...(gatherAgent ? { gatherer: gatherAgent.model } : {}) };

  let checkpointer = opts.checkpointer;
  let evidence = opts.evidence ?? (checkpointer ? memoryEvidenceStore() : undefined);
  let closeCheckpointer = async () => {};
  if (!checkpointer) {
    if (settings.databaseUrl) {
      // Beside the service's own schema (CASEFILE_PG_SCHEMA, default casefile): <name>_checkpoints.
      const base = settings.pgSchema;
      const pool = new pg.Pool({ connectionString: settings.databaseUrl });
      const saver = new PostgresSaver(pool, new FastJsonSerde(), { schema: `${base}_checkpoints` });
      const pgEvidence = postgresEvidenceStore(pool, `${base}_checkpoints`);
      evidence ??= pgEvidence;
      // The checkpointer's tables (and the evidence tables beside them) are created under the one set-up lock
      // shared with the store and the queue (injected: it lives with the store).
      const setupLock = opts.setupLock ?? ((_url: string, setup: () => Promise<void>) => setup());
      try {
        await setupLock(settings.databaseUrl, async () => {
          await saver.setup();
          await pgEvidence.setup?.();
        });
      } catch (e) {
        await saver.end().catch(() => {});
        throw new Error(`the PostgreSQL checkpointer could not create its tables in schema "${base}_checkpoints" (${(e as Error).message}); check that PostgreSQL runs and the user may create schemas.`);
      }
      checkpointer = saver;
      closeCheckpointer = () => saver.end();
    } else {
      const db = new Database(path.join(dataDir, "checkpoints.db"));
      const saver = new SqliteSaver(db, new FastJsonSerde());
      evidence ??= sqliteEvidenceStore(db);
      checkpointer = saver;
      closeCheckpointer = async () => {
        saver.db.close();
      };
    }
  }

  // a pass's nodes read what its gathers and correlate node wrote from memory; released when the pass ends
  const backing = evidence ?? memoryEvidenceStore();
  const store = cachedEvidenceStore(backing);
  const prompts = opts.prompts ?? (settings.promptsDir ? await loadPrompts(settings.promptsDir) : defaultPrompts);
  const deps: GraphDeps = {
    gatherers,
    ...(publisher ? { publisher } : {}),
    models,
    prompts,
    clock,
    limits: {
      maxAnalystAttempts: 3,
      maxEventsPerSource: vendors.limits.maxEventsPerSource,
      afterWindowMs: settings.afterWindowMs,
      requireApproval: opts.requireApproval ?? settings.requireApproval,
    },
    dryRun: opts.dryRun ?? settings.dryRun,
    dataDir,
    version: CASEFILE_VERSION,
    promptVersions: versionsOf(prompts),
    modelNames,
    modelBudgetMs: settings.modelBudgetMs,
    ...(opts.breakers ? { breakers: opts.breakers } : {}),
    evidence: store,
    analysis: {
      weights: opts.analysis?.weights ?? (settings.weightsFile ? loadWeights(settings.weightsFile) : undefined),
      extraRules: opts.analysis?.extraRules ?? orgEvidence(settings.context),
      ...(opts.analysis?.observe ? { observe: opts.analysis.observe } : {}),
    },
    filters: settings.filters,
    ...(gatherAgent ? { gatherAgent } : {}),
  };
  const graph = compileGraph(deps, checkpointer);

  // Every step's checkpoint is written before the next step starts, so a crash resumes exactly where it stopped.
  const cfg = (id: string) => ({ configurable: { thread_id: id }, durability: "sync" as const, recursionLimit: 50 });

  async function outcome(id: string): Promise<RunOutcome> {
    const snap = await graph.getState(cfg(id));
    const values = snap.values as State;
    const interrupted = snap.tasks?.some((t) => (t.interrupts?.length ?? 0) > 0);
    if (interrupted) return { status: "awaiting_approval", result: toResult(values) };
    return finalOutcome(values);
  }

  async function invoke(id: string, input: unknown): Promise<RunOutcome> {
    let values: State & { __interrupt__?: unknown[] };
    // LangGraph hands the signal to every node (config.signal): gathering and model calls stop with the run.
    const signal = deadline(runDeadlineMs);
    try {
      values = (await graph.invoke(input as never, { ...cfg(id), signal })) as State & { __interrupt__?: unknown[] };
    } catch (err) {
      if (signal.aborted) {
        const snap = await graph.getState(cfg(id)).catch(() => undefined);
        return { status: "failed", error: deadlineError(runDeadlineMs, snap?.next ?? []), ...partialResult(snap?.values as State | undefined) };
      }
      return { status: "failed", error: err instanceof Error ? err.message : String(err), ...partialResult(await safeValues(id)) };
    } finally {
      store.release(id);
    }
    // The final values come back from invoke: reading them again from the checkpoint would deserialise it.
    if (values.__interrupt__?.length) return { status: "awaiting_approval", result: toResult(values) };
    return finalOutcome(values);
  }

  async function safeValues(id: string): Promise<State | undefined> {
    try {
      return (await graph.getState(cfg(id))).values as State;
    } catch {
      return undefined;
    }
  }

  return {
    graph,
    // Readers outside a run (the review UI) get the store itself: the per-run cache is released when a run ends and
    // must not keep what they read.
    evidence: backing,
    async run(input: RunInput) {
      const snap = await graph.getState(cfg(input.investigationId));
      const started = snap.values && (snap.values as State).anomaly;
      if (started) {
        if (snap.tasks?.some((t) => (t.interrupts?.length ?? 0) > 0)) return outcome(input.investigationId);
        if (snap.next.length === 0 && (snap.values as State).assessment) return outcome(input.investigationId);
        // Unfinished: resume from the last checkpoint.
        return invoke(input.investigationId, null);
      }
      return invoke(input.investigationId, {
        investigationId: input.investigationId,
        anomaly: input.anomaly,
        coalesced: input.coalesced ?? [],
      });
    },
    async decide(id, decision) {
      const snap = await graph.getState(cfg(id));
      if (!snap.tasks?.some((t) => (t.interrupts?.length ?? 0) > 0)) {
        return { status: "failed", error: `investigation ${id} is not awaiting approval` };
      }
      return invoke(id, new Command({ resume: decision }));
    },
    async amend(id, coalesced) {
      const snap = await graph.getState(cfg(id));
      const values = snap.values as State;
      if (!values?.assessment || snap.next.length > 0) return { status: "failed", error: `investigation ${id} has no finished run to amend` };
      // Back to just after the analyst: the writer drafts again with every attached anomaly, then publish.
      await graph.updateState(cfg(id), { coalesced }, "analyst");
      return invoke(id, null);
    },
    async close() {
      await closeCheckpointer();
    },
  };
}

function partialResult(values: State | undefined): { result?: InvestigationResult } {
  return values?.assessment ? { result: toResult(values) } : {};
}

function finalOutcome(values: State): RunOutcome {
  const result = toResult(values);
  const statuses = Object.values(values.sources ?? {}) as SourceStatus[];
  const usable = statuses.some((s) => s.status !== "failed" && s.status !== "skipped");
  const fatal = statuses.filter((s) => s.fatal && s.error).map((s) => s.error!);
  if (!usable && fatal.length > 0) {
    return { status: "failed", error: fatal.join("; "), result };
  }
  if (values.approval.status === "rejected") return { status: "completed", result };
  return { status: "completed", result };
}

const EMPTY: SourceStatus = { status: "skipped", events: 0, pivot_events: 0, pages: 0, warnings: [], rejected: 0 };

/** Per model-backed node, what it did; a node the run never reached reports its deterministic default. */
function nodeOutcomes(v: State): InvestigationResult["nodes"] {
  return {
    analyst: v.modelOutcomes?.analyst ?? deterministicOutcome("rules"),
    writer: v.modelOutcomes?.writer ?? deterministicOutcome("template"),
    ...(v.modelOutcomes?.gatherer ? { gatherer: v.modelOutcomes.gatherer } : {}),
  };
}

export function toResult(v: State): InvestigationResult {
  const assessment = v.assessment ?? {
    verdict: "inconclusive" as const,
    confidence: 0,
    rationale: "The run did not reach the analyst.",
    citations: [],
    techniques: [],
    indicators: [],
    engine: "rules" as const,
    scores: {},
  };
  return {
    investigation_id: v.investigationId,
    anomaly_id: v.anomaly?.id ?? "",
    verdict: assessment.verdict,
    confidence: assessment.confidence,
    report_url: v.publication?.url ?? null,
    ...(v.publication?.id ? { page_id: v.publication.id, page_version: v.publication.version } : {}),
    sources: { cloudflare: v.sources?.cloudflare ?? EMPTY, datadog: v.sources?.datadog ?? EMPTY },
    assessment,
    report_markdown: v.report ? renderMarkdown(v.report) : "",
    report_title: v.reportTitle ?? "",
    ...(v.report ? { report: v.report } : {}),
    ...(v.report ? { timeline_svg: renderTimelineSvg(v.report) } : {}),
    prompt_versions: v.promptVersions ?? {},
    models: v.models ?? {},
    nodes: nodeOutcomes(v),
    tokens: v.tokens ?? { input: 0, output: 0 },
    timings_ms: v.timings ?? {},
    errors: v.errors ?? [],
    ...(v.gatherAgent ? { gather_agent: v.gatherAgent } : {}),
  };
}
