// The page cap of one source: every page one gatherer reads for a run (the actor's own events, discovery and
// pivots) counts against CASEFILE_MAX_PAGES_PER_SOURCE, so a vendor that answers one record per page cannot keep a
// run paging for ever. Past the cap the source is marked truncated with a warning that names the setting.
import type { SourceStatus } from "../domain/events.ts";

export interface PageBudget {
  readonly max: number;
  used: number;
  /** A page was wanted after the cap was reached. */
  capped: boolean;
}

export function pageBudget(max: number): PageBudget {
  return { max, used: 0, capped: false };
}

/** May one more page be read? Counts it when yes; marks the budget capped when no. No budget: always yes. */
export function takePage(budget: PageBudget | undefined): boolean {
  if (!budget) return true;
  if (budget.used >= budget.max) {
    budget.capped = true;
    return false;
  }
  budget.used++;
  return true;
}

/** Marks the source truncated, once, when its page cap stopped a read. */
export function notePageCap(status: SourceStatus, budget: PageBudget, vendor: string): void {
  if (!budget.capped) return;
  if (status.status !== "failed" && status.status !== "skipped") status.status = "truncated";
  status.warnings.push(`${vendor}: stopped after ${budget.max} pages (CASEFILE_MAX_PAGES_PER_SOURCE); the timeline is incomplete — raise the setting if the vendor pages in small steps.`);
}
