// gather: one node per vendor, run in parallel. A failing source never stops the other one;
// it is recorded as a data gap with a message that says what to fix. The events go to the evidence store here
// (each whole vendor record by id, and the normalised events as this source's batch); the state only counts them
// (graph/evidence-store.ts).
import { storeEvents, type EvidenceStore } from "../evidence-store.ts";
import { failedSource, type Gatherer } from "../../tools/types.ts";
import type { SourceName, SourceStatus } from "../../domain/events.ts";
import type { State, Update } from "../state.ts";
import type { RunConfig } from "../deadline.ts";

function detailString(details: Record<string, unknown> | undefined, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = details?.[k];
    if (typeof v === "string" && v.length > 0 && v.length < 200) return v;
  }
  return undefined;
}

export function createGatherNode(source: SourceName, gatherer: Gatherer | undefined, evidence: EvidenceStore, timer: () => number) {
  return async function gather(state: State, config?: RunConfig): Promise<Update> {
    const started = timer();
    if (!gatherer) {
      const status: SourceStatus = {
        status: "skipped",
        events: 0,
        pivot_events: 0,
        pages: 0,
        warnings: [],
        rejected: 0,
        error: `${source} is not configured (see the README's environment table)`,
      };
      return { sources: { [source]: status } };
    }
    const win = state.window!;
    const details = state.anomaly.details;
    let result: Awaited<ReturnType<Gatherer["gather"]>>;
    try {
      result = await gatherer.gather({
        actor: state.anomaly.actor,
        actorId: detailString(details, "actor_id", "actorId", "user_id"),
        ip: detailString(details, "ip", "client_ip", "source_ip"),
        focusTs: Date.parse(state.anomaly.timestamp),
        since: new Date(win.since),
        before: new Date(win.before),
        // The run's deadline (graph/deadline.ts): a vendor that stalls is cut off with the run.
        ...(config?.signal ? { signal: config.signal } : {}),
      });
    } catch (err) {
      if (config?.signal?.aborted) throw err;
      const empty: SourceStatus = { status: "pending", events: 0, pivot_events: 0, pages: 0, warnings: [], rejected: 0 };
      result = { events: [], status: failedSource(empty, err, 0).status };
    }
    // Only the vendor's failure is a data gap; a failing evidence store fails the node (it is retried on resume).
    // A failed attempt stores an empty batch: an earlier attempt may have stored events before the run stopped.
    const count = await storeEvents(evidence, state.investigationId, source, result.events);
    const status = { ...result.status, duration_ms: timer() - started };
    return {
      gathered: { [source]: count },
      sources: { [source]: status },
      ...(status.error ? { errors: [status.error] } : {}),
    };
  };
}
