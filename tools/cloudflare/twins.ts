// One change, one row: Cloudflare records a change in audit logs v1 and v2 under different ids (`rec_add` beside
// `dns_records.create`, a few hundred milliseconds apart). Twins — time within a small tolerance, the same
// resource id, the same kind of operation, and no conflicting actor — are merged into the v2 entry, which keeps its
// richer fields (user agent, request and response, token) and takes from v1 only what it lacks; the v1 id stays in
// `twin_ids` so either id can be cited.
import type { AuditEvent } from "../../domain/events.ts";

/** Largest clock difference between the two copies of one change (ms). */
export const TWIN_TOLERANCE_MS = 2_000;

const lc = (s: string | undefined) => s?.toLowerCase();

function sameActor(a: AuditEvent, b: AuditEvent): boolean {
  const ea = lc(a.actor.email);
  const eb = lc(b.actor.email);
  if (ea && eb) return ea === eb;
  if (a.actor.id && b.actor.id) return a.actor.id === b.actor.id;
  return true;
}

/** Are these two events (v2 `a`, v1 `b`) the same change seen by the two APIs? */
export function areTwins(a: AuditEvent, b: AuditEvent, toleranceMs = TWIN_TOLERANCE_MS): boolean {
  if (a.id === b.id) return true;
  if (Math.abs(a.ts - b.ts) > toleranceMs) return false;
  if (a.operation !== b.operation) return false;
  if ((a.resource.id ?? "") !== (b.resource.id ?? "")) return false;
  // Without a resource id on either side only the same actor at the same moment can tell: require it.
  if (!a.resource.id && !(lc(a.actor.email) && lc(a.actor.email) === lc(b.actor.email))) return false;
  return sameActor(a, b);
}

/** The v2 entry enriched with what only its v1 twin carries (previous value, address, names), and both ids. */
export function mergeTwin(v2: AuditEvent, v1: AuditEvent): AuditEvent {
  const out: AuditEvent = { ...v2, actor: { ...v2.actor }, resource: { ...v2.resource } };
  if (v1.id !== v2.id) out.twin_ids = [...new Set([...(v2.twin_ids ?? []), v1.id, ...(v1.twin_ids ?? [])])];
  for (const k of ["email", "id", "type", "auth", "token_name"] as const) if (out.actor[k] === undefined && v1.actor[k] !== undefined) out.actor[k] = v1.actor[k];
  for (const k of ["type", "name", "scope"] as const) if (out.resource[k] === undefined && v1.resource[k] !== undefined) out.resource[k] = v1.resource[k];
  if (out.ip === undefined && v1.ip !== undefined) out.ip = v1.ip;
  if (out.description === undefined && v1.description !== undefined) out.description = v1.description;
  if (v1.change) {
    const c = { ...(out.change ?? {}) };
    if (c.setting === undefined && v1.change.setting !== undefined) c.setting = v1.change.setting;
    if (c.old === undefined && v1.change.old !== undefined) c.old = v1.change.old;
    if (c.new === undefined && v1.change.new !== undefined) c.new = v1.change.new;
    out.change = c;
  }
  if (v1.metadata) out.metadata = { ...v1.metadata, ...(v2.metadata ?? {}) };
  return out;
}

/**
 * v2 entries first, each merged with at most one v1 twin; v1 entries without a twin are kept as they are.
 * Returns the events and how many v1 copies were merged away.
 */
export function mergeTwins(v2: AuditEvent[], v1: AuditEvent[], toleranceMs = TWIN_TOLERANCE_MS): { events: AuditEvent[]; merged: number } {
  // Index v2 by resource id so each v1 entry looks at a handful of candidates.
  const byResource = new Map<string, number[]>();
  v2.forEach((e, i) => {
    const k = e.resource.id ?? "";
    const list = byResource.get(k);
    if (list) list.push(i);
    else byResource.set(k, [i]);
  });
  const ids = new Map(v2.map((e, i) => [e.id, i]));
  const out = [...v2];
  const used = new Set<number>();
  const extra: AuditEvent[] = [];
  let merged = 0;
  for (const e of v1) {
    let hit = ids.get(e.id);
    if (hit === undefined) {
      let best = Infinity;
      for (const i of byResource.get(e.resource.id ?? "") ?? []) {
        if (used.has(i) || !areTwins(v2[i]!, e, toleranceMs)) continue;
        const d = Math.abs(v2[i]!.ts - e.ts);
        if (d < best) (best = d), (hit = i);
      }
    }
    if (hit === undefined) {
      extra.push(e);
      continue;
    }
    used.add(hit);
    if (out[hit]!.id !== e.id) merged++;
    out[hit] = mergeTwin(out[hit]!, e);
  }
  return { events: [...out, ...extra], merged };
}
