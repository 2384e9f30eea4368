// IP pivots, shared by both gatherers: other actors' activity from the addresses the actor used in the window,
// within a bounded budget, so the analyst can see a shared attacker address. Pivot events are labelled.
import type { AuditEvent, SourceStatus } from "./events.ts";
import { safeText } from "./http.ts";

export interface PivotPage {
  events: AuditEvent[];
  pages: number;
  rejected: number;
  truncated: boolean;
  partial?: boolean;
  warnings?: string[];
}

export interface PivotOptions {
  vendor: string;
  /** The actor's own events (their IPs are pivoted on), and an IP hint from the anomaly first. */
  own: AuditEvent[];
  hintIp?: string;
  budget: { ips: number; eventsPerIp: number };
  fetchByIp(ip: string): Promise<PivotPage>;
  /** Events already held, by id (the actor's own); pivot events are added to it. */
  byId: Map<string, AuditEvent>;
  keep(e: AuditEvent): boolean;
  status: SourceStatus;
  signal?: AbortSignal;
}

export async function pivotOnIps(o: PivotOptions): Promise<AuditEvent[]> {
  const ips: string[] = [];
  for (const ip of [o.hintIp, ...o.own.map((e) => e.ip)]) if (ip && !ips.includes(ip)) ips.push(ip);
  const pivots: AuditEvent[] = [];
  for (const ip of ips.slice(0, o.budget.ips)) {
    try {
      const r = await o.fetchByIp(ip);
      o.status.pages += r.pages;
      o.status.rejected += r.rejected;
      if (r.partial && r.warnings) o.status.warnings.push(...r.warnings);
      for (const e of r.events) {
        if (!o.keep(e) || o.byId.has(e.id)) continue;
        const p = { ...e, pivot: true };
        o.byId.set(e.id, p);
        pivots.push(p);
      }
      if (r.truncated) o.status.warnings.push(`${o.vendor} pivot on IP ${safeText(ip, 60)} stopped after ${o.budget.eventsPerIp} records.`);
    } catch (e) {
      if (o.signal?.aborted) throw e;
      // Pivots are extra context: a failed one is reported, the actor's own timeline stays complete.
      o.status.warnings.push(`${o.vendor} pivot on IP ${safeText(ip, 60)} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (ips.length > o.budget.ips) o.status.warnings.push(`${o.vendor}: pivoted on ${o.budget.ips} of ${ips.length} actor IPs (pivot budget).`);
  o.status.pivot_events = pivots.length;
  return pivots;
}
