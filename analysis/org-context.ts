// Organisation context as evidence: what the team told casefile about itself (configuration `context:`), turned
// into evidence rules the analyst weighs beside the evidence table (analysis/evidence.ts) and the report cites.
//
// Each rule is bound to one organisation's context, cites the events it rests on and names the configuration key:
//   "100.64.10.0/24 is corporate VPN — configuration context.networks".
//
// Learned weights exist only for the evidence table (`casefile fit` has no organisation to learn from), so these
// rules carry fixed, documented weights per class [likely_malicious, misconfiguration, benign]. They are sized
// against the table's shipped scale (a counted attack rule weighs about 1 for its class):
//   org.trusted_network      [-2, 0, +0.5]  clears "new place" and "first seen" (together ≈ +2 malicious) when every
//                                           address new to the actor lies in a named trusted network;
//   org.known_automation     [-2, +0.5, +1.5] a declared automation identity acting from its declared addresses and
//                                           clients: clears "unverified automation"; a faulty run stays possible;
//   org.automation_elsewhere [+1.5, 0, -0.5] a declared automation identity acting from elsewhere;
//   org.change_ticket        [-0.5, +0.5, +1] a change carries a reference in one of the team's ticket formats;
//   org.change_window        [-0.5, +0.25, +0.75] every change falls inside a declared change window;
//   org.working_hours        [-0.25, 0, +0.25] the actor's team works (or is on call) at the time of every change;
//   org.outside_hours        [+0.75, 0, -0.25] changes outside the actor's team's hours and on-call;
//   org.sensitive_resource   [+1, +0.5, -1]  a change touches a declared sensitive zone, role or monitor.
import { BlockList, isIP } from "node:net";
import type { Period, OrgContext } from "../config/schema.ts";
import { matchesAny } from "../config/filters.ts";
import type { AuditEvent } from "../domain/events.ts";
import type { Activation, EvidenceContext, EvidenceRule } from "./evidence.ts";
import { textOf } from "./text.ts";

/** An evidence rule with fixed weights per class (likely_malicious, misconfiguration, benign). */
export interface WeightedRule extends EvidenceRule {
  weights: readonly [number, number, number];
  /** the configuration key the rule reads */
  key: string;
  eval(ctx: EvidenceContext): (Activation & { why?: string }) | undefined;
}

const CHANGE_OPS = new Set(["create", "update", "delete"]);
const isChange = (e: AuditEvent) => CHANGE_OPS.has(e.operation);
const actorNames = (e: AuditEvent) => [e.actor.email, e.actor.id, e.actor.token_name].filter((x): x is string => !!x);

interface Net {
  cidr: string;
  name: string;
  list: BlockList;
}

function netOf(cidr: string, name: string): Net | undefined {
  const [addr, bits] = cidr.split("/");
  const family = isIP(addr ?? "");
  if (!family) return undefined;
  const list = new BlockList();
  const type = family === 6 ? "ipv6" : "ipv4";
  if (bits === undefined) list.addAddress(addr!, type);
  else list.addSubnet(addr!, Number(bits), type);
  return { cidr, name, list };
}

function inNet(nets: Net[], ip: string | undefined): Net | undefined {
  const family = ip ? isIP(ip) : 0;
  if (!family) return undefined;
  return nets.find((n) => n.list.check(ip!, family === 6 ? "ipv6" : "ipv4"));
}

const DAY_INDEX: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

function offsetMinutes(o: string): number {
  if (o === "UTC" || o === "Z") return 0;
  const sign = o.startsWith("-") ? -1 : 1;
  const [h, m] = o.slice(1).split(":").map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0));
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a time falls inside a weekly period (an end before the start crosses midnight into the next day). */
export function inPeriod(p: Period, ts: number): boolean {
  const local = new Date(ts + offsetMinutes(p.utc_offset) * 60_000);
  const day = local.getUTCDay();
  const m = local.getUTCHours() * 60 + local.getUTCMinutes();
  const start = minutes(p.start);
  const end = minutes(p.end);
  const days = new Set(p.days.map((d) => DAY_INDEX[d]!));
  if (start <= end) return days.has(day) && m >= start && m <= end;
  return (days.has(day) && m >= start) || (days.has((day + 6) % 7) && m <= end);
}

const fired = (ids: string[], why: string, strength = 1): (Activation & { why: string }) | undefined =>
  ids.length ? { strength, ids: [...new Set(ids)].slice(0, 10), why } : undefined;

/**
 * Two rules over one declared expectation (an automation's addresses, a team's hours): the benign one clears when
 * every event it considers meets the expectation, the other fires on the events that do not.
 */
function expectation(p: {
  key: string;
  applies: (ctx: EvidenceContext) => boolean;
  considered: (ctx: EvidenceContext) => AuditEvent[];
  meets: (e: AuditEvent) => boolean;
  met: { id: string; weights: WeightedRule["weights"]; why: string; ids: (ctx: EvidenceContext, considered: AuditEvent[]) => string[]; say: (ctx: EvidenceContext) => string };
  unmet: { id: string; weights: WeightedRule["weights"]; why: string; say: (ctx: EvidenceContext, off: AuditEvent[]) => string };
}): WeightedRule[] {
  return [
    {
      id: p.met.id,
      cls: "benign",
      clearing: true,
      key: p.key,
      weights: p.met.weights,
      why: p.met.why,
      eval(ctx) {
        const xs = p.considered(ctx);
        if (!xs.length || !p.applies(ctx) || !xs.every(p.meets)) return undefined;
        return fired(p.met.ids(ctx, xs), p.met.say(ctx));
      },
    },
    {
      id: p.unmet.id,
      cls: "likely_malicious",
      key: p.key,
      weights: p.unmet.weights,
      why: p.unmet.why,
      eval(ctx) {
        if (!p.applies(ctx)) return undefined;
        const off = p.considered(ctx).filter((e) => !p.meets(e));
        return fired(off.map((e) => e.id), p.unmet.say(ctx, off));
      },
    },
  ];
}

/** The organisation's evidence rules; none when the context is empty. */
export function orgEvidence(org: OrgContext | undefined): WeightedRule[] {
  if (!org) return [];
  const rules: WeightedRule[] = [];
  const nets = org.networks.map((n) => netOf(n.cidr, n.name)).filter((n): n is Net => !!n);

  if (nets.length) {
    rules.push({
      id: "org.trusted_network",
      cls: "benign",
      clearing: true,
      key: "context.networks",
      weights: [-2, 0, 0.5],
      why: "the actor's new address is inside a trusted network (configuration context.networks)",
      eval(ctx) {
        const known = new Set(ctx.corr.baseline.ips);
        const fresh = ctx.focus.filter((e) => e.ip && !known.has(e.ip));
        if (!fresh.length) return undefined;
        const hits = fresh.map((e) => ({ e, net: inNet(nets, e.ip) }));
        if (hits.some((h) => !h.net)) return undefined; // one address outside every trusted network: no clearing
        const named = [...new Map(hits.map((h) => [h.net!.cidr, h.net!])).values()];
        const addrs = [...new Set(fresh.map((e) => e.ip!))].slice(0, 3).join(", ");
        return fired(
          hits.map((h) => h.e.id),
          `${named.map((n) => `${n.cidr} is ${n.name}`).join("; ")} — configuration context.networks (the actor's address${fresh.length > 1 ? "es" : ""} ${addrs})`,
        );
      },
    });
  }

  for (const a of org.automation) {
    const anets = a.addresses.map((c) => netOf(c, a.name)).filter((n): n is Net => !!n);
    const isIdentity = (ctx: EvidenceContext) => matchesAny(a.actors, ctx.corr.actor) || ctx.focus.some((e) => actorNames(e).some((n) => matchesAny(a.actors, n)));
    const where = (e: AuditEvent) => (anets.length === 0 || !!inNet(anets, e.ip)) && (a.user_agents.length === 0 || matchesAny(a.user_agents, e.user_agent));
    const label = `${a.name}${a.vendor ? ` (${a.vendor})` : ""}`;
    rules.push(
      ...expectation({
        key: "context.automation",
        applies: isIdentity,
        considered: (ctx) => ctx.focus,
        meets: where,
        met: {
          id: "org.known_automation",
          weights: [-2, 0.5, 1.5],
          why: "a declared automation identity acting from its expected addresses and clients (configuration context.automation)",
          ids: (ctx) => ctx.focus.filter(isChange).map((e) => e.id).concat(ctx.focus.slice(0, 2).map((e) => e.id)),
          say: (ctx) => `${ctx.corr.actor} is the automation identity ${label}, acting from its expected ${anets.length ? "addresses" : "clients"} — configuration context.automation`,
        },
        unmet: {
          id: "org.automation_elsewhere",
          weights: [1.5, 0, -0.5],
          why: "a declared automation identity acting from an address or client it is not expected to use (configuration context.automation)",
          say: (ctx, off) => `${ctx.corr.actor} is the automation identity ${label}, but acted from ${[...new Set(off.map((e) => e.ip ?? e.user_agent ?? "?"))].slice(0, 3).join(", ")}, outside its declared addresses and clients — configuration context.automation`,
        },
      }),
    );
  }

  if (org.changes.tickets.length) {
    rules.push({
      id: "org.change_ticket",
      cls: "benign",
      clearing: true,
      key: "context.changes.tickets",
      weights: [-0.5, 0.5, 1],
      why: "the change references a ticket in the team's format (configuration context.changes.tickets)",
      eval(ctx) {
        const hits: { id: string; ref: string }[] = [];
        for (const e of ctx.focus.concat(ctx.baselineEvents.slice(-50))) {
          const text = textOf(e, 2000);
          for (const p of org.changes.tickets) {
            const m = new RegExp(p.startsWith("/") ? p.slice(1, p.lastIndexOf("/")) : p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "\\S*"), "i").exec(text);
            if (m) hits.push({ id: e.id, ref: m[0] });
          }
        }
        if (!hits.length || !ctx.focus.some(isChange)) return undefined;
        return fired(hits.map((h) => h.id), `${[...new Set(hits.map((h) => h.ref))].slice(0, 3).join(", ")} matches the team's change-ticket format — configuration context.changes.tickets`);
      },
    });
  }

  if (org.changes.windows.length) {
    rules.push({
      id: "org.change_window",
      cls: "benign",
      clearing: true,
      key: "context.changes.windows",
      weights: [-0.5, 0.25, 0.75],
      why: "every change falls inside a declared change window (configuration context.changes.windows)",
      eval(ctx) {
        const changes = ctx.focus.filter(isChange);
        if (!changes.length) return undefined;
        const w = org.changes.windows.find((p) => changes.every((e) => inPeriod(p, e.ts)));
        return w ? fired(changes.map((e) => e.id), `every change falls inside the change window "${w.name}" — configuration context.changes.windows`) : undefined;
      },
    });
  }

  for (const team of org.teams) {
    if (!team.hours.length) continue;
    const member = (ctx: EvidenceContext) => matchesAny(team.members, ctx.corr.actor);
    const onDuty = (ts: number) => team.hours.some((p) => inPeriod(p, ts)) || team.on_call.some((p) => inPeriod(p, ts));
    rules.push(
      ...expectation({
        key: "context.teams",
        applies: member,
        considered: (ctx) => ctx.focus.filter(isChange),
        meets: (e) => onDuty(e.ts),
        met: {
          id: "org.working_hours",
          weights: [-0.25, 0, 0.25],
          why: "the changes fall inside the actor's team's working hours or on-call (configuration context.teams)",
          ids: (_ctx, changes) => changes.map((e) => e.id),
          say: (ctx) => `${ctx.corr.actor} is in team ${team.name}, working or on call at the time of the changes — configuration context.teams`,
        },
        unmet: {
          id: "org.outside_hours",
          weights: [0.75, 0, -0.25],
          why: "changes outside the actor's team's working hours and on-call (configuration context.teams)",
          say: (ctx, off) => `${ctx.corr.actor} is in team ${team.name}, but ${off.length} change(s) fall outside its working hours and on-call — configuration context.teams`,
        },
      }),
    );
  }

  if (org.sensitive.length) {
    rules.push({
      id: "org.sensitive_resource",
      cls: "likely_malicious",
      key: "context.sensitive",
      weights: [1, 0.5, -1],
      why: "a change touches a resource the organisation declared sensitive (configuration context.sensitive)",
      eval(ctx) {
        const hits: { id: string; name: string }[] = [];
        for (const e of ctx.focus) {
          if (!isChange(e)) continue;
          const names = [e.resource.name, e.resource.id, e.resource.scope].filter((x): x is string => !!x);
          const s = org.sensitive.find((r) => names.some((n) => matchesAny(r.match, n)));
          if (s) hits.push({ id: e.id, name: `${s.name} (${s.kind})` });
        }
        return fired(hits.map((h) => h.id), `the change touches ${[...new Set(hits.map((h) => h.name))].slice(0, 3).join(", ")}, declared sensitive — configuration context.sensitive`);
      },
    });
  }
  return rules;
}
