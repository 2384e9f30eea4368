// The deterministic analyst in one call: correlate → indicators → assessment. Pure; no I/O.
import type { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";
import type { Anomaly, Assessment, Indicator } from "../domain/schemas.ts";
import { correlate, type Correlation, type Window } from "./timeline.ts";
import { findIndicators } from "./indicators.ts";
import { assess } from "./score.ts";

export type { Correlation, Window } from "./timeline.ts";
export { correlate } from "./timeline.ts";
export { findIndicators, CATALOGUE } from "./indicators.ts";
export { assess } from "./score.ts";

export interface AnalyseInput {
  events: AuditEvent[];
  anomaly: Anomaly;
  window: Window;
  sources: Partial<Record<SourceName, SourceStatus>>;
}

export function analyse(input: AnalyseInput): { correlation: Correlation; indicators: Indicator[]; assessment: Assessment } {
  const correlation = correlate(input.events, input.anomaly, input.window);
  const indicators = findIndicators(correlation);
  const assessment = assess(correlation, indicators, input.sources);
  return { correlation, indicators, assessment };
}
