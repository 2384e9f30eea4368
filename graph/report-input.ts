// Assemble the report's input from the investigation state (shared by writer and publish).
import type { ReportInput } from "../report/model.ts";
import type { StoredCorrelation } from "./nodes/correlate.ts";
import type { SourceName, SourceStatus } from "../tools/events.ts";
import type { State } from "./state.ts";
import { describeOutcome } from "./model-outcome.ts";

const EMPTY: SourceStatus = { status: "pending", events: 0, pivot_events: 0, pages: 0, warnings: [], rejected: 0 };

export function reportInput(state: State, deps: { version: string; clock: () => Date }): ReportInput {
  const sources = {
    cloudflare: state.sources.cloudflare ?? EMPTY,
    datadog: state.sources.datadog ?? EMPTY,
  } satisfies Record<SourceName, SourceStatus>;
  return {
    anomaly: state.anomaly,
    investigationId: state.investigationId,
    window: state.window!,
    events: state.events,
    assessment: state.assessment!,
    flaggedEventIds: (state.correlation as StoredCorrelation | undefined)?.flagged.event_ids ?? [],
    sources,
    coalesced: state.coalesced,
    promptVersions: state.promptVersions,
    models: state.models,
    modelOutcomes: Object.fromEntries(Object.entries(state.modelOutcomes ?? {}).filter(([, o]) => o.model).map(([node, o]) => [node, describeOutcome(o)])),
    casefileVersion: deps.version,
    generatedAt: deps.clock().toISOString(),
    ...(state.writerText ? { writer: state.writerText } : {}),
  };
}
