// Indicators of one correlation: the catalogue's event-level hits (analysis/matcher.ts) in the focus period, and
// the derived indicators built from the correlation's findings (bursts, first-seen places, travel, pivots, DNS
// repointing, instruction text, automation, tickets, rotation, routine work, reverts).
import type { AuditEvent } from "../domain/events.ts";
import type { Indicator, Severity } from "../domain/schemas.ts";
import { CATALOGUE, CREDENTIAL_WORDS, catalogueEntry, type CatalogueEntry } from "./catalogue.ts";
import { entryMatches, matchEvents } from "./matcher.ts";
import { changeDirection } from "./posture.ts";
import { norm, opOf, removedRecord } from "./text.ts";
import type { Correlation } from "./timeline.ts";

export { CATALOGUE, catalogueEntry, type CatalogueEntry, type Derived, type Matcher, type Stage, type ValuePredicate } from "./catalogue.ts";
export { entryMatches, matchEvents, type Hit, type MatchContext } from "./matcher.ts";
export { changeDirection } from "./posture.ts";

const SEV_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

function make(entry: CatalogueEntry, ids: string[], detail: string, severity?: Severity): Indicator {
  return {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    severity: severity ?? entry.severity,
    techniques: entry.techniques,
    event_ids: [...new Set(ids)].slice(0, 25),
    detail,
  };
}

const safe = (s: string) => JSON.stringify(s.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 80));

/** Whether the actor already had a burst of this kind before the focus period (routine bulk work). */
export function burstIsRoutine(corr: Correlation, kind: string): boolean {
  return corr.bursts.some((b) => b.kind === kind && b.end < corr.focus_start_ts);
}

const restoredMemo = new WeakMap<Correlation, { changes: Set<string>; restorations: Set<string> }>();

/**
 * Reverts that undo a removal or weakening (deleted then re-created, weakened then restored, muted then unmuted),
 * credentials aside: `changes` are the undone changes, `restorations` the events that undid them.
 */
export function restoredChanges(corr: Correlation): { changes: Set<string>; restorations: Set<string> } {
  let m = restoredMemo.get(corr);
  if (m) return m;
  m = { changes: new Set(), restorations: new Set() };
  const byId = new Map<string, AuditEvent>();
  const ids = new Set(corr.reverts.flatMap((r) => [r.change_id, r.revert_id]));
  for (const e of corr.events) if (ids.has(e.id)) byId.set(e.id, e);
  for (const r of corr.reverts) {
    if (r.kind === "created_then_deleted") continue;
    const c = byId.get(r.change_id);
    if (!c || changeDirection(c) === "stronger") continue;
    if (CREDENTIAL_WORDS.test(`${norm(c.action)}|${norm(c.resource.type)}|${norm(c.category)}`)) continue;
    m.changes.add(r.change_id);
    m.restorations.add(r.revert_id);
  }
  restoredMemo.set(corr, m);
  return m;
}

export function findIndicators(corr: Correlation): Indicator[] {
  const out: Indicator[] = [];
  const hits = matchEvents(corr);
  const byId = new Map(corr.events.map((e) => [e.id, e]));
  let sensitiveFocus = false;
  const restoring = new Set(
    corr.reverts.filter((r) => { const c = byId.get(r.change_id); return c && changeDirection(c) === "stronger"; }).map((r) => r.revert_id),
  );
  // the event that puts back what an earlier change removed or weakened is a restoration, not a new step
  const restorations = restoredChanges(corr).restorations;
  for (const entry of CATALOGUE) {
    const h0 = hits.get(entry.id);
    if (!h0 || !h0.focus.length) continue;
    const h = { ...h0, focus: h0.focus.filter((x) => !restorations.has(x) && (entry.stage !== "evasion" || !restoring.has(x))) };
    if (!h.focus.length) continue;
    const first = byId.get(h.focus[0]!);
    const routine = h.baseline > 0 ? ` The actor did the same kind of change ${h.baseline} time(s) earlier in the window.` : "";
    out.push(make(entry, h.focus, `${h.focus.length} event(s), first ${safe(first?.action ?? "")} at ${first?.time ?? "?"}.${routine}`));
    if (entry.kind === "attack" && entry.stage !== "discovery" && SEV_RANK[entry.severity] >= 3 && h.baseline === 0) sensitiveFocus = true;
  }
  const d = (id: string) => catalogueEntry(id)!;
  const inFocus = (ts: number) => ts >= corr.focus_start_ts;

  for (const b of corr.bursts) {
    if (!inFocus(b.end)) continue;
    const id = b.kind === "destructive" ? "destruction.burst" : b.kind === "discovery" ? "discovery.burst" : "collection.export_burst";
    if (b.kind === "destructive" && !burstIsRoutine(corr, b.kind)) sensitiveFocus = true;
    out.push(make(d(id), b.event_ids, `${b.count} ${b.kind} operations within ${Math.max(1, Math.round((b.end - b.start) / 60_000))} minute(s).`));
  }
  const nv = corr.novelty;
  const strongNovel = nv.new_subnets.length > 0 || nv.new_countries.length > 0 || (nv.new_ips.length > 0 && nv.new_user_agents.length > 0);
  const anyNovel = nv.new_ips.length + nv.new_user_agents.length + nv.new_countries.length > 0;
  const newPlaceIds = corr.events.slice(corr.focus_start).filter((e) => e.ip && nv.new_ips.includes(e.ip)).map((e) => e.id);
  const sharedBenign = corr.pivots.filter((p) => p.new_for_actor && p.actors.length >= 2);
  // sensitive changes made from the new place itself (or, with no address data, in a session with new traits)
  const attackIdsFromNew = new Set(newPlaceIds);
  const sensitiveFromNew = out.some((i) => i.kind === "attack" && i.event_ids.some((x) => attackIdsFromNew.has(x))) || (newPlaceIds.length === 0 && sensitiveFocus);
  if (anyNovel && strongNovel && sensitiveFocus && sensitiveFromNew) {
    const what = [
      nv.new_ips.length ? `address(es) ${nv.new_ips.slice(0, 3).join(", ")}` : "",
      nv.new_countries.length ? `country ${nv.new_countries.join(", ")}` : "",
      nv.new_user_agents.length ? `${nv.new_user_agents.length} new client(s)` : "",
    ].filter(Boolean).join("; ");
    out.push(make(d("access.new_location"), nv.event_ids.slice(0, 20), `Sensitive changes from a place not seen earlier in the window: ${what}.`));
  } else if (anyNovel) {
    out.push(make(d("context.first_seen"), nv.event_ids.slice(0, 20), `First seen in this window: ${nv.new_ips.length} address(es), ${nv.new_user_agents.length} client(s), ${nv.new_countries.length} country(ies).`));
  }
  for (const t of corr.travel.slice(0, 1))
    out.push(make(d("access.impossible_travel"), [t.from_id, t.to_id], `${t.km} km in ${t.minutes} minute(s) (${t.kmh} km/h).`));
  if (nv.concurrent_ips.length)
    out.push(make(d("access.concurrent_sessions"), nv.event_ids.slice(0, 10), `Known and first-seen networks alternate within minutes: ${nv.concurrent_ips.slice(0, 4).join(", ")}.`));
  if (nv.unusual_hour) out.push(make(d("context.unusual_hour"), corr.flagged.event_ids, `No earlier activity of this actor within an hour of ${new Date(corr.flagged.ts).getUTCHours()}:00 UTC.`));
  if (nv.new_auth_methods.length) out.push(make(d("context.new_auth_method"), nv.event_ids.slice(0, 10), `Authentication method(s) not used before: ${nv.new_auth_methods.slice(0, 3).map(safe).join(", ")}.`));

  // pivots: other actors on this actor's new address
  const pivotById = new Map(corr.pivot_events.map((e) => [e.id, e]));
  const attackEntries = CATALOGUE.filter((c) => c.match && c.kind === "attack" && SEV_RANK[c.severity] >= 3);
  const pivAttackIds: string[] = [];
  for (const p of corr.pivots) {
    if (!p.new_for_actor) continue;
    for (const id of p.event_ids) {
      const e = pivotById.get(id);
      if (e && attackEntries.some((c) => entryMatches(c, e))) pivAttackIds.push(id);
    }
  }
  if (pivAttackIds.length)
    out.push(make(d("pivot.shared_attacker_ip"), pivAttackIds, `${pivAttackIds.length} sensitive change(s) by other actors from the actor's first-seen address.`));
  else if (sharedBenign.length)
    out.push(make(d("context.pivot_shared_ip"), sharedBenign.flatMap((p) => p.event_ids.slice(0, 3)), `The first-seen address is also used by ${sharedBenign[0]!.actors.length} other member(s) for routine work (shared egress).`));

  // DNS record repointed: a record deleted and one of the same name and type added with another target
  const dnsDel = new Map<string, AuditEvent>();
  const repointed: string[] = [];
  // targets the actor's own earlier records already point at are known hosts, not an unknown destination
  const knownTargets = new Set<string>();
  for (const e of corr.events.slice(0, corr.focus_start)) {
    const c = e.change?.new && typeof e.change.new === "object" ? (e.change.new as Record<string, unknown>)["content"] : undefined;
    if (c !== undefined && /dns|record/.test(norm(e.resource.type) + norm(e.action))) knownTargets.add(String(c).toLowerCase());
  }
  for (const e of corr.events.slice(corr.focus_start)) {
    if (!/dns|record/.test(norm(e.resource.type) + norm(e.action))) continue;
    const rec = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : undefined);
    const op = opOf(e);
    if (op === "delete") {
      const r = rec(removedRecord(e));
      if (r?.["name"]) dnsDel.set(`${String(r["name"])}|${String(r["type"])}`, e);
    } else if (op === "create" || op === "update") {
      const r = rec(e.change?.new);
      const o = op === "update" ? rec(e.change?.old) : undefined;
      const k = r?.["name"] ? `${String(r["name"])}|${String(r["type"])}` : undefined;
      const prev = k ? dnsDel.get(k) : undefined;
      const prevContent = o?.["content"] ?? (prev ? rec(removedRecord(prev))?.["content"] : undefined);
      if (r && prevContent !== undefined && r["content"] !== undefined && String(prevContent) !== String(r["content"]) && !knownTargets.has(String(r["content"]).toLowerCase())) repointed.push(...(prev ? [prev.id] : []), e.id);
    }
  }
  if (repointed.length) out.push(make(d("dns.repointed"), repointed, `${repointed.length} DNS change(s) pointing an existing name at another target.`));

  if (corr.injections.event_ids.length || corr.injections.in_anomaly)
    out.push(make(d("context.instruction_text"), corr.injections.event_ids, `Vendor text reads like instructions to an analyst (treated as data only): ${safe(corr.injections.sample)}.`));
  const au = corr.automation;
  if (au.known) out.push(make(d("context.known_automation"), au.event_ids, `Automation verified by history: ${au.reasons.join("; ")}.`));
  else if (au.automation_ua || (au.identity && anyNovel)) out.push(make(d("context.unverified_automation"), au.event_ids, `${au.reasons.join("; ")}.`));
  if (corr.tickets.length)
    out.push(make(d("context.change_ticket"), corr.tickets.flatMap((t) => t.event_ids).slice(0, 20), `References: ${corr.tickets.slice(0, 5).map((t) => safe(t.ref)).join(", ")}.`));

  // rotation: a credential created and another revoked in the focus period
  const revokeIds: string[] = [];
  for (const e of corr.events.slice(corr.focus_start)) {
    const a = norm(e.action);
    const isCred = /token|api_key|application_key|app_key|credential/.test(`${a}|${norm(e.resource.type)}|${norm(e.category)}`) && !a.startsWith("request/");
    if (isCred && e.outcome !== "failure" && (opOf(e) === "delete" || /revoke|expire/.test(a))) revokeIds.push(e.id);
  }
  const created = out.find((i) => i.id === "credential.created");
  const createdThenDeleted = new Set(corr.reverts.filter((r) => r.kind === "created_then_deleted").flatMap((r) => [r.change_id, r.revert_id]));
  const realRevokes = revokeIds.filter((x) => !createdThenDeleted.has(x));
  if (created && realRevokes.length && realRevokes.length <= created.event_ids.length + 1)
    out.push(make(d("context.rotation"), [...created.event_ids.slice(0, 5), ...realRevokes.slice(0, 5)], `${created.event_ids.length} credential(s) created and ${realRevokes.length} existing one(s) revoked.`));

  // routine: share of focus actions the actor already performed earlier in the window
  const focusEvents = corr.events.length - corr.focus_start;
  if (corr.baseline.events > 0 && focusEvents > 0) {
    let known = 0;
    for (let i = corr.focus_start; i < corr.events.length; i++) if (corr.baseline.actions[norm(corr.events[i]!.action)]) known++;
    const share = known / focusEvents;
    if (share >= 0.5)
      out.push(make(d("context.routine"), corr.events.slice(corr.focus_start, corr.focus_start + 5).map((e) => e.id), `${Math.round(share * 100)}% of the actions around the anomaly were already performed earlier in the window.`));
  }
  for (const r of corr.reverts.slice(0, 5))
    out.push(make(d("context.revert"), [r.change_id, r.revert_id], `${r.kind.replace(/_/g, " ")}: ${safe(r.what)} after ${r.minutes} minute(s).`));
  return out;
}
