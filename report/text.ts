// One-line text helpers of the report model: collapsing and cutting vendor strings, UTC times, change values
// and the actor label of an event. They shape text; escaping is the renderers' job (report/escape.ts).
import type { AuditEvent } from "../domain/events.ts";
import { redactValue } from "./redact.ts";

/** Collapses whitespace and drops control and bidi-override characters: for one-line labels. */
export function oneLine(s: string, max = 500): string {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, " ").replace(/\s+/g, " ").trim();
  return cut(t, max);
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair; adds "…" when cut. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/** "2026-08-20 14:02:11" (UTC) */
export function utc(ts: number | string): string {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return String(ts);
  return d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "");
}

export function fmtValue(v: unknown): string {
  if (v === undefined || v === null || v === "") return "∅";
  if (typeof v === "string") return v;
  try {
    // Structured values are redacted by key name, as in the evidence appendix ("client_secret": …).
    return JSON.stringify(redactValue(v)) ?? String(v);
  } catch {
    return String(v);
  }
}
/** Who acted, as one label: email, token name, id or uuid. */
export function actorOf(e: AuditEvent): string {
  return e.actor.email ?? e.actor.token_name ?? e.actor.id ?? e.actor.uuid ?? "unknown";
}

