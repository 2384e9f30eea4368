// The frame every vendor gatherer runs in (tools/<vendor>/client.ts): the window, the source status and its page
// cap; the actor's own events first (a failure there fails the source, an abort propagates); then the pivots
// planned from them (tools/pivot.ts); the events sorted by time.
import type { AuditEvent, SourceStatus } from "../domain/events.ts";
import { notePageCap, pageBudget, type PageBudget } from "./pages.ts";
import { runPivots, type PivotBudget, type PivotPlan } from "./pivot.ts";
import { failedSource, type GatherRequest, type GatherResult } from "./types.ts";

export interface GatherFrame {
  req: GatherRequest;
  status: SourceStatus;
  /** The source's page cap for this run, shared by every query of it. */
  pages: PageBudget;
  /** The actor's own events by id (pivots add theirs beside). */
  byId: Map<string, AuditEvent>;
  inWindow(e: AuditEvent): boolean;
}

export interface GatherSteps {
  /** The vendor's name in warnings, e.g. "Cloudflare". */
  vendor: string;
  /** Status fields the vendor knows up front (Datadog: its api). */
  initial?: Pick<SourceStatus, "api">;
  maxPages: number;
  budget: PivotBudget;
  /** Reads the actor's own events into `frame.byId`. */
  own(frame: GatherFrame): Promise<void>;
  /** What to pivot on, planned from the actor's own events, and which events are the actor's. */
  pivots(frame: GatherFrame, own: AuditEvent[]): { plans: PivotPlan[]; isOwn(e: AuditEvent): boolean };
}

export async function runGather(req: GatherRequest, steps: GatherSteps): Promise<GatherResult> {
  const started = Date.now();
  const sinceMs = req.since.getTime();
  const beforeMs = req.before.getTime();
  const inWindow = (e: AuditEvent) => e.ts >= sinceMs && e.ts <= beforeMs;
  const status: SourceStatus = { status: "ok", events: 0, pivot_events: 0, pages: 0, ...steps.initial, warnings: [], rejected: 0, pivots: [] };
  const frame: GatherFrame = { req, status, pages: pageBudget(steps.maxPages), byId: new Map(), inWindow };
  try {
    await steps.own(frame);
  } catch (e) {
    if (req.signal?.aborted) throw e;
    notePageCap(status, frame.pages, steps.vendor);
    return failedSource(status, e, started);
  }
  const own = [...frame.byId.values()];
  status.events = own.length;
  const { plans, isOwn } = steps.pivots(frame, own);
  const { byId, pages } = frame;
  const pivots = await runPivots({ vendor: steps.vendor, plans, budget: steps.budget, byId, isOwn, inWindow, status, pages, signal: req.signal });
  notePageCap(status, pages, steps.vendor);
  status.duration_ms = Date.now() - started;
  return { events: [...own, ...pivots].sort((a, b) => a.ts - b.ts), status };
}
