// Filters from the configuration (`filters:`), as decisions over declared rules:
//   intake        which anomalies start an investigation (`investigate` rules select, `ignore` rules drop);
//   suppressions  owned, reasoned, dated exceptions: past their expiry they no longer apply;
//   events        named noise (health checks, synthetic probes) left out of the analysis, counted in the report.
// A filtered anomaly is never dropped silently: the webhook stores it and answers which rule filtered it.
import type { Anomaly } from "../domain/schemas.ts";
import type { AuditEvent } from "../domain/events.ts";
import type { AnomalyMatch, EventMatch, Filters } from "./schema.ts";

const compiled = new Map<string, RegExp>();

/** A configured pattern → RegExp: `/re/flags` as written, else a case-insensitive glob (`*` any run, `?` one). */
export function patternRe(p: string): RegExp {
  let re = compiled.get(p);
  if (!re) {
    const m = /^\/(.+)\/([a-z]*)$/.exec(p);
    re = m ? new RegExp(m[1]!, m[2]) : new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    if (compiled.size > 2000) compiled.clear();
    compiled.set(p, re);
  }
  return re;
}

export const matchesAny = (patterns: readonly string[] | undefined, value: string | undefined): boolean =>
  patterns === undefined || (value !== undefined && patterns.some((p) => patternRe(p).test(value)));

export function anomalyMatches(m: AnomalyMatch, a: Anomaly): boolean {
  return (
    matchesAny(m.detector, a.detector) &&
    (m.severity === undefined || m.severity.includes(a.severity ?? "unknown")) &&
    matchesAny(m.actor, a.actor) &&
    matchesAny(m.action, a.action) &&
    matchesAny(m.source, a.source)
  );
}

export type IntakeDecision =
  | { filtered: false }
  | { filtered: true; rule: string; kind: "intake" | "suppression"; reason: string; owner?: string; expires?: string };

/** Whether an anomaly starts an investigation; `now` decides which suppressions are still in force. */
export function decideIntake(a: Anomaly, f: Filters | undefined, now = new Date()): IntakeDecision {
  if (!f) return { filtered: false };
  for (const s of f.suppressions) {
    if (!anomalyMatches(s.match, a)) continue;
    // a date-only expiry lasts to the end of that day (UTC)
    const end = /^\d{4}-\d{2}-\d{2}$/.test(s.expires) ? Date.parse(`${s.expires}T23:59:59.999Z`) : Date.parse(s.expires);
    if (now.getTime() > end) continue;
    return { filtered: true, rule: `suppressions.${s.name}`, kind: "suppression", reason: s.reason, owner: s.owner, expires: s.expires };
  }
  const ignore = f.intake.find((r) => r.action === "ignore" && anomalyMatches(r.match, a));
  if (ignore) return { filtered: true, rule: `intake.${ignore.name}`, kind: "intake", reason: `matches the intake rule "${ignore.name}" (ignore)` };
  const select = f.intake.filter((r) => r.action === "investigate");
  if (select.length && !select.some((r) => anomalyMatches(r.match, a))) {
    return { filtered: true, rule: "intake.not-selected", kind: "intake", reason: `matches none of the intake rules that select anomalies (${select.map((r) => r.name).join(", ")})` };
  }
  return { filtered: false };
}

/** The record's note: `filtered by <rule>: <reason>` (+ owner and expiry of a suppression). */
export function filterNote(d: Extract<IntakeDecision, { filtered: true }>): string {
  return `filtered by ${d.rule}: ${d.reason}${d.owner ? ` (owner ${d.owner}, expires ${d.expires})` : ""}`;
}

function eventMatches(m: EventMatch, e: AuditEvent): boolean {
  return (
    matchesAny(m.action, e.action) &&
    matchesAny(m.actor, e.actor.email ?? e.actor.id ?? e.actor.token_name) &&
    (m.source === undefined || m.source.includes(e.source)) &&
    matchesAny(m.user_agent, e.user_agent)
  );
}

/** Leaves out the events a named event filter matches; says how many each filter took per source. The `keep` ids stay. */
export function filterEvents(
  events: AuditEvent[],
  f: Filters | undefined,
  keep: ReadonlySet<string> = new Set(),
): { kept: AuditEvent[]; dropped: { name: string; source: AuditEvent["source"]; count: number; reason?: string }[] } {
  if (!f?.events.length) return { kept: events, dropped: [] };
  const counts = new Map<string, { name: string; source: AuditEvent["source"]; count: number; reason?: string }>();
  const kept: AuditEvent[] = [];
  for (const e of events) {
    const rule = keep.has(e.id) ? undefined : f.events.find((r) => eventMatches(r.match, e));
    if (!rule) {
      kept.push(e);
      continue;
    }
    const k = `${rule.name}|${e.source}`;
    const c = counts.get(k) ?? { name: rule.name, source: e.source, count: 0, ...(rule.reason ? { reason: rule.reason } : {}) };
    c.count++;
    counts.set(k, c);
  }
  return { kept, dropped: [...counts.values()] };
}
