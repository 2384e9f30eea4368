// Story helpers for the lookalike-identity corpus: identity events (keys, users, roles, login methods, notebooks)
// in Datadog's vocabulary, Cloudflare member / Access / Logpush events in the v2 vocabulary, threat-intel presets,
// and `pack`, which turns a finished context into one incident file plus the README row that describes it.
import {
  DAY,
  HOUR,
  MIN,
  cf2,
  ddAct,
  ddRaw,
  ddReq,
  iso,
  type CfActor,
  type Ctx,
  type DdActor,
  type Person,
  type ThreatIntel,
  type Zone,
} from "./builders.ts";
import { finish, orgNoise, sessions } from "./noise.ts";

export type Verdict = "likely_malicious" | "misconfiguration" | "benign";

export interface Meta {
  id: string;
  slug: string;
  title: string;
  triple: string;
  hard: string;
  grounding: string;
  deciding: string;
}

export interface Built {
  meta: Meta & { verdict: Verdict; flagged: string; events: number; cfCount: number; dd: number; faults?: Record<string, string> };
  incident: Record<string, unknown>;
}

export const TI = {
  vps: (country: string, city: string): ThreatIntel => ({ category: "hosting_proxy", intention: "suspicious", org: "Vantage VPS BV", asn: 64505, country, city, infrastructure: "DATACENTER" }),
  resiProxy: (country: string, city: string): ThreatIntel => ({ category: "residential_proxy", intention: "suspicious", org: "Tele Vista Broadband", asn: 64522, country, city, infrastructure: "RESIDENTIAL" }),
  hotel: (country: string, city: string): ThreatIntel => ({ category: "shared_proxy", intention: "unknown", org: "Hospitality Net Services", asn: 64531, country, city, infrastructure: "HOSPITALITY_WIFI" }),
  vpn: (country: string, city: string, org = "Cloudflare WARP"): ThreatIntel => ({ category: "vpn", intention: "benign", org, asn: 64540, country, city, infrastructure: "VPN" }),
  releasedProxy: (country: string, city: string): ThreatIntel => ({ category: "residential_proxy", intention: "suspicious", org: "Nordlink Fiber", asn: 64560, country, city, infrastructure: "RESIDENTIAL" }),
};

export interface AnomalySpec {
  actor: string;
  action: string;
  t: number;
  source: "cloudflare" | "datadog";
  severity: "low" | "medium" | "high" | "critical";
  detector: string;
  details: Record<string, unknown>;
}

export function pack(
  ctx: Ctx,
  meta: Meta,
  o: {
    anomaly: AnomalySpec;
    verdict: Verdict;
    keys: (string | undefined)[];
    techniques?: string[];
    rationale: string;
    faults?: Record<string, string>;
    cf?: boolean;
    dd?: boolean;
  },
): Built {
  const { cf1, cf2: v2, dd } = finish(ctx);
  const a = o.anomaly;
  if (a.t > ctx.now || a.t < ctx.now - DAY) throw new Error(`${meta.id}: now must be within 24 h after the anomaly`);
  const sources: Record<string, unknown> = {};
  if (o.cf !== false) {
    const c: Record<string, unknown> = { account_id: ctx.org.cfAccountId, audit_logs: cf1 };
    if (ctx.cfV2) c.audit_logs_v2 = v2;
    sources.cloudflare = c;
  }
  if (o.dd !== false) sources.datadog = { site: ctx.org.site, audit_events: dd };
  const keys = o.keys.filter((k): k is string => !!k);
  const all = new Set<string>([...cf1, ...v2, ...dd].map((x) => String(x.id)));
  for (const k of keys) if (!all.has(k)) throw new Error(`${meta.id}: key event ${k} is not in the incident (outside the window?)`);
  // every deciding event must be visible to a 24-hour look-back from the anomaly
  const timeOf = new Map<string, number>();
  for (const x of cf1) timeOf.set(String(x.id), Date.parse(String(x.when)));
  for (const x of v2) timeOf.set(String(x.id), Date.parse((x.action as { time: string }).time));
  for (const x of dd) timeOf.set(String(x.id), Date.parse((x.attributes as { timestamp: string }).timestamp));
  for (const k of keys) {
    const t = timeOf.get(k)!;
    if (t < a.t - DAY - 1000 || t > ctx.now) throw new Error(`${meta.id}: key event ${k} at ${iso(t)} lies outside [anomaly - 24 h, now]`);
  }
  const incident: Record<string, unknown> = {
    id: `${meta.id}`,
    title: meta.title,
    now: iso(ctx.now).replace(/\.000Z$/, "Z"),
    anomaly: {
      id: `det-${ctx.rng.hex(6)}`,
      actor: a.actor,
      action: a.action,
      timestamp: iso(a.t),
      source: a.source,
      severity: a.severity,
      detector: a.detector,
      details: a.details,
    },
    sources,
  };
  if (o.faults) incident.faults = o.faults;
  const label: Record<string, unknown> = { verdict: o.verdict, key_event_ids: keys };
  if (o.techniques && o.verdict !== "benign") label.techniques = o.techniques;
  label.rationale = o.rationale;
  incident.label = label;
  const cfCount = (o.cf !== false ? cf1.length + (ctx.cfV2 ? v2.length : 0) : 0);
  const ddCount = o.dd !== false ? dd.length : 0;
  return {
    meta: { ...meta, verdict: o.verdict, flagged: `${a.source}: ${a.action}`, events: cfCount + ddCount, cfCount, dd: ddCount, faults: o.faults },
    incident,
  };
}

/** Everyone's background plus the actor's own routine (before `until`) over the last eight days. */
export function background(ctx: Ctx, actor: Person | undefined, until: number, opts: { skip?: string[]; ci?: boolean; actorPerDay?: number; perDay?: number } = {}): void {
  const from = ctx.now - 8 * DAY;
  orgNoise(ctx, from, ctx.now, [...(opts.skip ?? []), ...(actor ? [actor.key] : [])], opts.perDay ?? 1, opts.ci ?? true);
  if (actor && actor.kind === "human") sessions(ctx, actor, from, until, { perDay: opts.actorPerDay ?? 2 });
}

// ---------------------------------------------------------------------------------------------------------------
// Datadog identity events

export function ddAppKeyCreated(ctx: Ctx, a: DdActor, t: number, k: { id: string; name: string; owner?: Person; scopes?: string[] | null }) {
  const sa = k.owner && k.owner.kind === "service";
  return ddAct(ctx, a, t, {
    evt: sa ? "Access Management" : "Authentication",
    action: "created",
    asset: { type: "application_key", id: k.id, name: k.name, new_value: { name: k.name, owner: k.owner?.ddEmail ?? a.handle, scopes: k.scopes ?? null } },
    message: `${a.handle} created application key "${k.name}"${sa ? ` for service account ${k.owner?.ddEmail}` : ""}`,
    req: { method: "POST", path: sa ? `/api/v2/service_accounts/${k.owner?.ddUuid}/application_keys` : "/api/v2/current_user/application_keys", status: "201" },
  });
}
export function ddAppKeyDeleted(ctx: Ctx, a: DdActor, t: number, k: { id: string; name: string; owner?: Person }) {
  const sa = k.owner && k.owner.kind === "service";
  return ddAct(ctx, a, t, {
    evt: sa ? "Access Management" : "Authentication",
    action: "deleted",
    asset: { type: "application_key", id: k.id, name: k.name },
    message: `${a.handle} deleted application key "${k.name}"`,
    req: { method: "DELETE", path: sa ? `/api/v2/service_accounts/${k.owner?.ddUuid}/application_keys/${k.id}` : `/api/v2/current_user/application_keys/${k.id}`, status: "204" },
  });
}
export function ddApiKey(ctx: Ctx, a: DdActor, t: number, action: "created" | "deleted", k: { id: string; name: string }) {
  return ddAct(ctx, a, t, {
    evt: "Authentication",
    action,
    asset: { type: "api_key", id: k.id, name: k.name },
    message: `${a.handle} ${action} API key "${k.name}"`,
    req: action === "created" ? { method: "POST", path: "/api/v2/api_keys", status: "201" } : { method: "DELETE", path: `/api/v2/api_keys/${k.id}`, status: "204" },
  });
}
export function ddUserCreated(ctx: Ctx, a: DdActor, t: number, u: { id: string; email: string; name: string; roles: string[] }) {
  return ddAct(ctx, a, t, {
    evt: "Access Management",
    action: "created",
    asset: { type: "user", id: u.id, name: u.email, new_value: { email: u.email, name: u.name, handle: u.email, status: "Pending", roles: u.roles } },
    message: `${a.handle} invited user "${u.email}"`,
    req: { method: "POST", path: "/api/v2/users", status: "201" },
  });
}
export function ddUserStatus(ctx: Ctx, a: DdActor, t: number, u: { id: string; email: string }, from: string, to: string) {
  return ddAct(ctx, a, t, {
    evt: "Access Management",
    action: "modified",
    asset: { type: "user", id: u.id, name: u.email, prev_value: { status: from, disabled: from === "Disabled" }, new_value: { status: to, disabled: to === "Disabled" } },
    message: `${a.handle} ${to === "Disabled" ? "disabled" : "enabled"} user "${u.email}"`,
    req: { method: "PATCH", path: `/api/v2/users/${u.id}`, status: "200" },
  });
}
export function ddRoleMembership(ctx: Ctx, a: DdActor, t: number, r: { id: string; name: string; user: string; add: boolean; before: string[]; description?: string }) {
  const after = r.add ? [...r.before, r.user] : r.before.filter((x) => x !== r.user);
  const pv: Record<string, unknown> = { name: r.name, user_count: r.before.length, users: r.before };
  const nv: Record<string, unknown> = { name: r.name, user_count: after.length, users: after };
  if (r.description) {
    pv.description = r.description;
    nv.description = r.description;
  }
  return ddAct(ctx, a, t, {
    evt: "Access Management",
    action: "modified",
    asset: { type: "role", id: r.id, name: r.name, prev_value: pv, new_value: nv },
    message: r.add ? `${a.handle} successfully added user "${r.user}" to the role "${r.name}"` : `${a.handle} successfully removed user "${r.user}" from the role "${r.name}"`,
    req: r.add ? { method: "POST", path: `/api/v2/roles/${r.id}/users`, status: "200" } : { method: "DELETE", path: `/api/v2/roles/${r.id}/users`, status: "200" },
  });
}
export function ddIdp(ctx: Ctx, a: DdActor, t: number, s: { id: string; name: string; prev: Record<string, unknown>; next: Record<string, unknown> }) {
  return ddAct(ctx, a, t, {
    evt: "Access Management",
    action: "modified",
    asset: { type: "identity_provider", id: s.id, name: s.name, prev_value: s.prev, new_value: s.next },
    message: `${a.handle} modified the authentication methods of the organization`,
    req: { method: "PATCH", path: `/api/v1/org/${ctx.org.ddOrgUuid}`, status: "200" },
  });
}
export function ddNotebook(ctx: Ctx, a: DdActor, t: number, name: string, action: "created" | "modified" = "created") {
  const id = String(ctx.rng.int(1_000_000, 9_999_999));
  return ddAct(ctx, a, t, {
    evt: "Notebook",
    action,
    asset: { type: "notebook", id, name, ...(action === "created" ? { new_value: { name, cells: ctx.rng.int(2, 6) } } : { prev_value: { name, cells: 3 }, new_value: { name, cells: 4 } }) },
    message: `${a.handle} ${action} notebook "${name}"`,
    req: { method: action === "created" ? "POST" : "PUT", path: action === "created" ? "/api/v1/notebooks" : `/api/v1/notebooks/${id}`, status: action === "created" ? "201" : "200" },
  });
}
export function ddMonitorMute(ctx: Ctx, a: DdActor, t: number, id: string, name: string, mute: boolean) {
  return ddAct(ctx, a, t, {
    evt: "Monitor",
    action: "modified",
    asset: { type: "monitor", id, name, prev_value: { name, options: { silenced: mute ? {} : { "*": null } } }, new_value: { name, options: { silenced: mute ? { "*": null } : {} } } },
    message: `${a.handle} ${mute ? "muted" : "unmuted"} monitor "${name}"`,
    req: { method: "PUT", path: `/api/v1/monitor/${id}`, status: "200" },
  });
}
export function ddLeak(ctx: Ctx, t: number, k: { type: "api_key" | "application_key"; id: string; name: string }, where: string): string {
  const a: DdActor = { handle: "system", email: "system", uuid: "00000000-0000-0000-0000-000000000000", type: "SYSTEM", auth: "SYSTEM", ip: "", ua: "" };
  return ddRaw(ctx, {
    t,
    a,
    evt: "Security Notification",
    action: "notification",
    asset: { type: k.type, id: k.id, name: k.name },
    status: "warn",
    message: `${k.type === "api_key" ? "API key" : "Application key"} "${k.name}" was found publicly exposed: ${where}`,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Cloudflare v2-only identity and Zero Trust events

export function cfMemberCreate(ctx: Ctx, a: CfActor, t: number, m: { id: string; email: string; roles?: string[]; policies?: Record<string, unknown>[] }) {
  const request: Record<string, unknown> = { email: m.email, status: "pending" };
  if (m.roles) request.roles = m.roles.map((r) => ({ id: ctx.rng.hex(32), name: r }));
  if (m.policies) request.policies = m.policies;
  return cf2(ctx, t, a, {
    type: "create",
    desc: "Add Member",
    product: "members",
    rtype: "member",
    rid: m.id,
    method: "POST",
    uri: `/accounts/${ctx.org.cfAccountId}/members`,
    request,
    response: { id: m.id, status: "pending", user: { email: m.email, two_factor_authentication_enabled: false } },
    scope: "memberships",
  });
}
export function cfMemberAccept(ctx: Ctx, a: CfActor, t: number, m: { id: string; email: string }) {
  return cf2(ctx, t, a, {
    type: "update",
    desc: "Accept invitation",
    product: "members",
    rtype: "member",
    rid: m.id,
    method: "PATCH",
    uri: `/memberships/${m.id}`,
    request: { status: "accepted" },
    response: { id: m.id, status: "accepted", user: { email: m.email } },
    scope: "memberships",
  });
}
export function cfMemberDelete(ctx: Ctx, a: CfActor, t: number, m: { id: string; email: string }) {
  return cf2(ctx, t, a, {
    type: "delete",
    desc: "Remove Member",
    product: "members",
    rtype: "member",
    rid: m.id,
    method: "DELETE",
    uri: `/accounts/${ctx.org.cfAccountId}/members/${m.id}`,
    response: { id: m.id, user: { email: m.email } },
    scope: "memberships",
  });
}
export function cfAccessPolicy(ctx: Ctx, a: CfActor, t: number, p: { appId: string; policyId: string; app: string; body: Record<string, unknown>; create?: boolean }) {
  return cf2(ctx, t, a, {
    type: p.create ? "create" : "update",
    desc: p.create ? "Create Access policy" : "Update Access policy",
    product: "access",
    rtype: "access_policy",
    rid: p.policyId,
    method: p.create ? "POST" : "PUT",
    uri: `/accounts/${ctx.org.cfAccountId}/access/apps/${p.appId}/policies${p.create ? "" : `/${p.policyId}`}`,
    request: p.body,
    response: { id: p.policyId, app: p.app, ...p.body, updated_at: iso(t).replace(/\.\d{3}Z$/, "Z") },
  });
}
export function cfLogpush(ctx: Ctx, a: CfActor, t: number, z: Zone | undefined, j: { id: number; op: "create" | "delete" | "update"; body?: Record<string, unknown> }) {
  const base = z ? `/zones/${z.id}` : `/accounts/${ctx.org.cfAccountId}`;
  return cf2(ctx, t, a, {
    type: j.op,
    desc: j.op === "create" ? "Create Logpush job" : j.op === "delete" ? "Delete Logpush job" : "Update Logpush job",
    product: "logpush",
    rtype: "job",
    rid: String(j.id),
    method: j.op === "create" ? "POST" : j.op === "delete" ? "DELETE" : "PUT",
    uri: j.op === "create" ? `${base}/logpush/jobs` : `${base}/logpush/jobs/${j.id}`,
    request: j.body ?? {},
    response: j.op === "delete" ? { id: j.id } : { id: j.id, ...(j.body ?? {}) },
    zone: z,
  });
}

/** The Terraform pipeline's daily run through an account-owned token: a burst of no-op reapplies. */
export function tfRuns(ctx: Ctx, a: () => CfActor, from: number, to: number, hourUtc: number, resources: { appId: string; policyId: string; app: string; body: Record<string, unknown> }[]): string[] {
  const ids: string[] = [];
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    let t = day + hourUtc * HOUR + ctx.rng.int(0, 4) * MIN + ctx.rng.int(0, 59) * 1000;
    if (t < from || t > to) continue;
    for (const r of resources) {
      t += ctx.rng.int(1, 4) * 1000;
      ids.push(cfAccessPolicy(ctx, a(), t, r).cite);
    }
  }
  return ids;
}

export { ddReq, ddAct, ddRaw, HOUR, MIN, DAY };
