// The run deadline: one pass of an investigation through the graph (a start, a resume, an approval decision or an
// amendment) gets at most CASEFILE_RUN_DEADLINE (default 10 min). Its AbortSignal goes into graph.invoke; LangGraph
// hands it to every node as `config.signal`; the gather nodes pass it to the vendor clients and the model-backed
// nodes to their model calls. A run past its deadline stops what it is doing and fails with an error that says
// so and what to do — it never hangs.
import { parseDuration } from "../config/duration.ts";

export const DEFAULT_RUN_DEADLINE_MS = 10 * 60 * 1000;

/** What a node receives from LangGraph beside the state: the run's signal. */
export interface RunConfig {
  signal?: AbortSignal;
}

/** Makes the signal of one run; the default is a plain timer (AbortSignal.timeout). Injected by tests. */
export type DeadlineFactory = (ms: number) => AbortSignal;
export const timerDeadline: DeadlineFactory = (ms) => AbortSignal.timeout(ms);

/** CASEFILE_RUN_DEADLINE (default 10m): seconds (600) or a duration (90s, 10m, 1h). */
export function loadRunDeadlineMs(env: Record<string, string | undefined>): number {
  const raw = env.CASEFILE_RUN_DEADLINE?.trim();
  if (!raw) return DEFAULT_RUN_DEADLINE_MS;
  const ms = parseDuration(raw, "CASEFILE_RUN_DEADLINE");
  if (ms < 1000) throw new Error(`CASEFILE_RUN_DEADLINE=${JSON.stringify(raw.slice(0, 40))} is shorter than a second; use e.g. 10m.`);
  return ms;
}

/** A node's own signal (a model time budget) that also aborts when the run's deadline passes. */
export function withRun(local: AbortSignal, config: RunConfig | undefined): AbortSignal {
  return config?.signal ? AbortSignal.any([local, config.signal]) : local;
}

function human(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/** The error of a run stopped by its deadline, naming the steps it was in. */
export function deadlineError(ms: number, steps: readonly string[] = []): string {
  const where = steps.length ? ` during ${steps.join(", ")}` : "";
  return `the investigation ran past its deadline of ${human(ms)} (run.deadline in the configuration file, or CASEFILE_RUN_DEADLINE)${where}; its vendor reads and model calls were stopped. Check the vendors' and the model endpoint's latency (casefile doctor), or raise run.deadline / CASEFILE_RUN_DEADLINE.`;
}
