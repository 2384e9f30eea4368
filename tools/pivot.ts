// Pivots, shared by both gatherers: after the actor's own window is read, follow the evidence within a bounded
// budget — the addresses the actor used (other actors on them), the credentials the actor created or rolled (their
// use afterwards by any identity) and the resources the actor changed (other actors' changes to them). Every pivot
// event is labelled (pivot, pivot_kind, pivot_key) and every pivot is recorded, with what it found (also nothing).
import type { AuditEvent, PivotRecord, SourceStatus } from "../domain/events.ts";
import { safeText } from "./text.ts";
import type { PageBudget } from "./pages.ts";

/** The deterministic pivots' kinds (the gatherer agent's queries are recorded as kind "agent"). */
export type PivotKind = Exclude<PivotRecord["kind"], "agent">;

export interface PivotPage {
  events: AuditEvent[];
  pages: number;
  rejected: number;
  truncated: boolean;
  partial?: boolean;
  warnings?: string[];
}

/** One pivot to make: what is looked for, how to fetch it, and which fetched events belong to it. */
export interface PivotPlan {
  kind: PivotKind;
  key: string;
  label: string;
  /** Fetch at most `maxRecords` raw records. */
  fetch(maxRecords: number): Promise<PivotPage>;
  /** Client-side match (a vendor API that cannot filter on the key returns a wider page). Default: every event. */
  match?(e: AuditEvent): boolean;
  /** Only events from this time on (a credential is used after it was created). */
  sinceTs?: number;
}

export interface PivotBudget {
  /** Distinct addresses pivoted on (default 3). */
  addresses: number;
  /** Credentials the actor created or rolled (default 5). */
  credentials: number;
  /** Resources the actor changed (default 5). */
  resources: number;
  /** Raw records fetched per pivot (default 500). */
  eventsPerPivot: number;
  /** Wall-clock budget for all pivots of one source, ms (default 30 s): pivots not started by then are skipped. */
  ms: number;
}

export const DEFAULT_PIVOT_BUDGET: PivotBudget = { addresses: 3, credentials: 5, resources: 5, eventsPerPivot: 500, ms: 30_000 };

/** Accepts the older `{ ips, eventsPerIp }` spelling beside the budget's own names. */
export function pivotBudget(o: Partial<PivotBudget> & { ips?: number; eventsPerIp?: number } = {}): PivotBudget {
  const { ips, eventsPerIp, ...rest } = o;
  return {
    ...DEFAULT_PIVOT_BUDGET,
    ...(ips !== undefined ? { addresses: ips } : {}),
    ...(eventsPerIp !== undefined ? { eventsPerPivot: eventsPerIp } : {}),
    ...rest,
  };
}

const KIND_WORD: Record<PivotKind, string> = { address: "address", credential: "credential", resource: "resource" };
const BUDGET_OF: Record<PivotKind, "addresses" | "credentials" | "resources"> = { address: "addresses", credential: "credentials", resource: "resources" };

export interface RunPivotsOptions {
  vendor: string;
  plans: PivotPlan[];
  budget: PivotBudget;
  /** Events already held, by id (the actor's own); pivot events are added to it. */
  byId: Map<string, AuditEvent>;
  isOwn(e: AuditEvent): boolean;
  inWindow(e: AuditEvent): boolean;
  status: SourceStatus;
  /** The source's page cap (tools/pages.ts): pivots not started when it is reached are not run. */
  pages?: PageBudget;
  signal?: AbortSignal;
  clock?: () => number;
}

/** Runs the plans in order within the budget; returns the pivot events (labelled) and records each pivot in the status. */
export async function runPivots(o: RunPivotsOptions): Promise<AuditEvent[]> {
  const clock = o.clock ?? Date.now;
  const deadline = clock() + o.budget.ms;
  const records: PivotRecord[] = o.status.pivots ?? (o.status.pivots = []);
  const out: AuditEvent[] = [];
  const seen = new Set<string>();
  const taken: Record<PivotKind, number> = { address: 0, credential: 0, resource: 0 };
  const skipped: Record<PivotKind, number> = { address: 0, credential: 0, resource: 0 };
  for (const plan of o.plans) {
    const planKey = `${plan.kind}|${plan.key}`;
    if (seen.has(planKey)) continue;
    seen.add(planKey);
    if (taken[plan.kind] >= o.budget[BUDGET_OF[plan.kind]]) {
      skipped[plan.kind]++;
      continue;
    }
    taken[plan.kind]++;
    const rec: PivotRecord = { kind: plan.kind, key: safeText(plan.key, 200), label: safeText(plan.label, 300), queries: 0, found: 0, own: 0 };
    records.push(rec);
    if (clock() > deadline) {
      rec.note = `not run: the pivot time budget (${Math.round(o.budget.ms / 1000)} s) was spent`;
      continue;
    }
    if (o.pages && o.pages.used >= o.pages.max) {
      o.pages.capped = true;
      rec.note = `not run: the source's page cap (${o.pages.max}, CASEFILE_MAX_PAGES_PER_SOURCE) was reached`;
      continue;
    }
    try {
      const r = await plan.fetch(o.budget.eventsPerPivot);
      rec.queries += r.pages;
      o.status.pages += r.pages;
      o.status.rejected += r.rejected;
      if (r.partial && r.warnings) o.status.warnings.push(...r.warnings);
      for (const e of r.events) {
        if (!o.inWindow(e) || (plan.sinceTs !== undefined && e.ts < plan.sinceTs) || (plan.match && !plan.match(e))) continue;
        if (o.isOwn(e)) {
          rec.own++;
          continue;
        }
        if (o.byId.has(e.id)) continue;
        const p: AuditEvent = { ...e, pivot: true, pivot_kind: plan.kind, pivot_key: plan.key };
        o.byId.set(e.id, p);
        out.push(p);
        rec.found++;
      }
      if (r.truncated && o.pages?.capped) rec.note = `stopped at the source's page cap (${o.pages.max}, CASEFILE_MAX_PAGES_PER_SOURCE)`;
      else if (r.truncated) {
        rec.note = `stopped after ${o.budget.eventsPerPivot} records (pivot budget)`;
        o.status.warnings.push(`${o.vendor} pivot on ${KIND_WORD[plan.kind]} ${safeText(plan.key, 80)} stopped after ${o.budget.eventsPerPivot} records.`);
      }
    } catch (e) {
      if (o.signal?.aborted) throw e;
      // Pivots are extra context: a failed one is reported, the actor's own timeline stays complete.
      const msg = e instanceof Error ? e.message : String(e);
      rec.note = `failed: ${safeText(msg, 200)}`;
      o.status.warnings.push(`${o.vendor} pivot on ${KIND_WORD[plan.kind]} ${safeText(plan.key, 80)} failed: ${msg}`);
    }
  }
  for (const kind of Object.keys(skipped) as PivotKind[]) {
    if (skipped[kind]) o.status.warnings.push(`${o.vendor}: pivoted on ${taken[kind]} of ${taken[kind] + skipped[kind]} ${BUDGET_OF[kind]} (pivot budget).`);
  }
  o.status.pivot_events = (o.status.pivot_events ?? 0) + out.length;
  return out;
}

/** The addresses to pivot on: the anomaly's IP hint first, then the actor's addresses in order of first use. */
export function addressPlans(own: AuditEvent[], hintIp: string | undefined, fetchByIp: (ip: string, maxRecords: number) => Promise<PivotPage>): PivotPlan[] {
  const ips: string[] = [];
  for (const ip of [hintIp, ...own.map((e) => e.ip)]) if (ip && !ips.includes(ip)) ips.push(ip);
  return ips.map((ip) => ({ kind: "address", key: ip, label: `address ${ip}`, fetch: (max) => fetchByIp(ip, max) }));
}

/** A changed resource worth following: its id, a label, and when the actor changed it. */
export interface ChangedResource {
  id: string;
  label: string;
  ts: number;
}

/**
 * Resources the actor created, changed or deleted, one per id, nearest the flagged time first. `skip` leaves out
 * what is not one resource (a whole account) or is followed as a credential instead.
 */
export function changedResources(own: AuditEvent[], focusTs: number | undefined, skip: (e: AuditEvent) => boolean): ChangedResource[] {
  const byId = new Map<string, ChangedResource>();
  for (const e of own) {
    if (e.pivot || !["create", "update", "delete"].includes(e.operation) || !e.resource.id || skip(e)) continue;
    if (byId.has(e.resource.id)) continue;
    const name = e.resource.name && e.resource.name !== e.resource.id ? ` "${e.resource.name}"` : "";
    byId.set(e.resource.id, { id: e.resource.id, label: `${e.resource.type ?? "resource"}${name} (id ${e.resource.id})`, ts: e.ts });
  }
  const ref = focusTs ?? Math.max(0, ...own.map((e) => e.ts));
  return [...byId.values()].sort((a, b) => Math.abs(a.ts - ref) - Math.abs(b.ts - ref));
}
