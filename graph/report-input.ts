// Assemble the report's input from the investigation state and its events read back from the evidence store
// (shared by writer and publish).
import type { ReportInput } from "../report/model.ts";
import type { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";
import type { State } from "./state.ts";
import { describeOutcome } from "./model-outcome.ts";
import type { AgentRun } from "./nodes/gather-agent.ts";
import { loadEvents, withRecords, type EvidenceStore } from "./evidence-store.ts";

const EMPTY: SourceStatus = { status: "pending", events: 0, pivot_events: 0, pages: 0, warnings: [], rejected: 0 };

/** The gatherer agent's budget use and why it stopped (its calls are rows of the pivot table). */
function agentLine(a: AgentRun | undefined): string {
  if (!a) return "";
  return ` · ${a.calls.length} of ${a.budget.calls} queries, ${a.events_added} of ${a.budget.events} events added${a.refused ? `, ${a.refused} queries refused` : ""} · stopped: ${a.stopped}`;
}

/** The report's input; `events` are the investigation's events (reportEvents). */
export function reportInput(state: State, events: AuditEvent[], deps: { version: string; clock: () => number }): ReportInput {
  const sources = {
    cloudflare: state.sources.cloudflare ?? EMPTY,
    datadog: state.sources.datadog ?? EMPTY,
  } satisfies Record<SourceName, SourceStatus>;
  return {
    anomaly: state.anomaly,
    investigationId: state.investigationId,
    window: state.window!,
    events,
    assessment: state.assessment!,
    flaggedEventIds: state.correlation?.flagged.event_ids ?? [],
    sources,
    coalesced: state.coalesced,
    promptVersions: state.promptVersions,
    models: state.models,
    modelOutcomes: Object.fromEntries(Object.entries(state.modelOutcomes ?? {}).filter(([, o]) => o.model).map(([node, o]) => [node, describeOutcome(o) + (node === "gatherer" ? agentLine(state.gatherAgent) : "")])),
    casefileVersion: deps.version,
    generatedAt: new Date(deps.clock()).toISOString(),
    ...(state.writerText ? { writer: state.writerText } : {}),
  };
}

/** The events the report's evidence appendix shows: flagged, cited and indicator events. */
export function evidenceIds(state: State): string[] {
  const a = state.assessment;
  return [...new Set([...(state.correlation?.flagged.event_ids ?? []), ...(a?.citations ?? []), ...(a?.indicators.flatMap((i) => i.event_ids) ?? [])])];
}

/** The investigation's events for the report: every gathered one, the evidence events with their whole records. */
export async function reportEvents(state: State, store: EvidenceStore): Promise<AuditEvent[]> {
  const events = await loadEvents(store, state.investigationId, state.gathered);
  return withRecords(store, state.investigationId, events, evidenceIds(state));
}
