// Correlation: one deduplicated, ordered, sessionised timeline of the actor's events from both vendors, the flagged
// event(s) located, the actor's baseline from earlier in the window, and the contextual findings the indicator
// catalogue and the scorer build on, with the catalogue's event-level hits collected in the same single pass over
// the timeline (analysis/matcher.ts). Pure and linear-time (sorting aside); everything here is plain JSON.
import type { AuditEvent, SourceName } from "../domain/events.ts";
import type { Anomaly } from "../domain/schemas.ts";
import { BurstFinder } from "./bursts.ts";
import { HitCollector, knownArchiveAccounts, rememberHits } from "./matcher.ts";
import { ReferenceFinder } from "./references.ts";
import { RevertFinder } from "./reverts.ts";
import { haversineKm, memo, norm, subnetOf, uaFamily } from "./text.ts";

export interface Window {
  since: Date;
  before: Date;
}

export interface TimelineEntry {
  id: string;
  source: SourceName;
  ts: number;
  action: string;
  /** index into Correlation.sessions */
  session: number;
  flagged: boolean;
  /** true when the event is in the focus period (the flagged activity and after) */
  focus: boolean;
}

export interface Session {
  index: number;
  start: number;
  end: number;
  ips: string[];
  user_agents: string[];
  count: number;
  first_id: string;
  last_id: string;
}

export interface Baseline {
  /** epoch ms: events strictly before this are the baseline */
  cutoff: number;
  events: number;
  ips: string[];
  subnets: string[];
  user_agents: string[];
  countries: string[];
  /** UTC hours of day with baseline activity */
  hours: number[];
  /** normalised action label → count */
  actions: Record<string, number>;
  /** resource type → count */
  resource_types: Record<string, number>;
  resources: string[];
  auth_methods: string[];
}

export interface Revert {
  kind: "value_restored" | "created_then_deleted" | "deleted_then_restored" | "toggled_back";
  change_id: string;
  revert_id: string;
  what: string;
  minutes: number;
}

export interface Burst {
  kind: "destructive" | "discovery" | "export";
  start: number;
  end: number;
  count: number;
  event_ids: string[];
}

export interface Travel {
  from_id: string;
  to_id: string;
  km: number;
  minutes: number;
  kmh: number;
}

export interface PivotIp {
  ip: string;
  /** whether this IP is new for the investigated actor */
  new_for_actor: boolean;
  actors: string[];
  event_ids: string[];
}

export interface Correlation {
  anomaly: Anomaly;
  window: { since: string; before: string };
  actor: string;
  /** the actor's events, deduplicated and ordered by time */
  events: AuditEvent[];
  /** other actors' events fetched by IP pivots, deduplicated and ordered */
  pivot_events: AuditEvent[];
  timeline: TimelineEntry[];
  sessions: Session[];
  flagged: { event_ids: string[]; ts: number; match: "exact" | "loose" | "time" | "none" };
  /** index into events where the focus period (flagged activity and after) starts */
  focus_start: number;
  focus_start_ts: number;
  baseline: Baseline;
  novelty: {
    new_ips: string[];
    new_subnets: string[];
    new_user_agents: string[];
    new_countries: string[];
    new_auth_methods: string[];
    /** focus events carrying something first-seen */
    event_ids: string[];
    unusual_hour: boolean;
    concurrent_ips: string[];
  };
  reverts: Revert[];
  bursts: Burst[];
  automation: {
    identity: boolean;
    api_auth: boolean;
    automation_ua: boolean;
    /** claimed AND verified by known addresses and a history of the same work */
    known: boolean;
    reasons: string[];
    event_ids: string[];
  };
  pivots: PivotIp[];
  travel: Travel[];
  tickets: { ref: string; event_ids: string[] }[];
  injections: { event_ids: string[]; sample: string; in_anomaly: boolean };
  stats: { events: number; pivot_events: number; duplicates: number; by_source: Record<string, number> };
}

const SESSION_GAP_MS = 30 * 60_000;
const FOCUS_MAX_MS = 3 * 3600_000;

const AUTOMATION_NAME_RE = /(^|[^a-z])(svc|service|bot|automation|terraform|tf|ci|cd|deploy|deployer|pipeline|robot|integration|sa|sync|backup|scanner|github|gitlab|jenkins|ansible|pulumi)([^a-z]|$)/i;
const AUTOMATION_TYPE_RE = /service|system|bot|machine|^other$|application|integration/i;
const API_AUTH_RE = /api[\s_+-]*(and[\s_]*)?(app[\s_]*)?(key|token)|app(lication)?[\s_]*key|oauth|origin_ca|^api$/i;
const AUTOMATION_UA_RE =
  /terraform|hashicorp|go-http-client|python-requests|python-urllib|aiohttp|curl\/|wget|axios|node-fetch|undici|okhttp|github|gitlab|jenkins|circleci|buildkite|cloudflare-go|cloudflare-python|cloudflare-typescript|datadog-api-client|ansible|pulumi|wrangler|aws-sdk|boto|httpx|java\/|apache-httpclient/i;

const isAutoType = memo((s: string) => AUTOMATION_TYPE_RE.test(s));
const isApiAuth = memo((s: string) => API_AUTH_RE.test(s));
const isAutoUa = memo((s: string) => AUTOMATION_UA_RE.test(s));

function actorMatches(e: AuditEvent, actor: string): boolean {
  const a = actor.toLowerCase();
  return [e.actor.email, e.actor.id, e.actor.uuid].some((x) => x !== undefined && x.toLowerCase() === a);
}

function actorLabel(e: AuditEvent): string {
  return e.actor.email ?? e.actor.id ?? e.actor.uuid ?? "unknown";
}

/** Tokens of a loose action name, with common verb forms folded. */
function actionTokens(s: string): string[] {
  const fold: Record<string, string> = {
    created: "create", add: "create", added: "create", deleted: "delete", del: "delete", removed: "delete", remove: "delete",
    modified: "update", modify: "update", change: "update", changed: "update", updated: "update", accessed: "view",
    viewed: "view", rec: "record", dns_record: "record", apikey: "api_key", records: "record", keys: "key", tokens: "token",
    disable: "update", disabled: "update", enable: "update", enabled: "update", edit: "update", edited: "update",
    mute: "update", muted: "update", set: "update", revoke: "delete", revoked: "delete", destroy: "delete",
    new: "create", generate: "create", generated: "create", invite: "create", invited: "create", get: "view", read: "view",
  };
  return norm(s)
    .split(/[_./|:\s]+/)
    .filter((t) => t.length > 1)
    .map((t) => fold[t] ?? t);
}

function locateFlagged(events: AuditEvent[], anomaly: Anomaly): Correlation["flagged"] & { index?: number } {
  const t = Date.parse(anomaly.timestamp);
  const want = norm(anomaly.action);
  const wantTokens = new Set(actionTokens(anomaly.action));
  let best: { score: number; idx: number[]; match: Correlation["flagged"]["match"] } = { score: -Infinity, idx: [], match: "none" };
  // events are sorted: scan only those within ±30 minutes of the anomaly time
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.ts < t - 30 * 60_000) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < events.length && events[i]!.ts <= t + 30 * 60_000; i++) {
    const e = events[i]!;
    const a = norm(e.action);
    const dtMin = Math.abs(e.ts - t) / 60_000;
    let s: number;
    let match: Correlation["flagged"]["match"];
    if (a === want) {
      s = 100;
      match = "exact";
    } else if (want.length >= 3 && (a.includes(want) || a.endsWith(want))) {
      s = 70;
      match = "loose";
    } else {
      const toks = new Set([...actionTokens(e.action), ...actionTokens(e.category ?? ""), ...actionTokens(e.resource.type ?? "")]);
      let hit = 0;
      for (const w of wantTokens) if (toks.has(w)) hit++;
      s = wantTokens.size ? (40 * hit) / wantTokens.size : 0;
      match = hit > 0 ? "loose" : "time";
    }
    if (/^request\//.test(a) && match !== "exact") s -= 15; // prefer the product event over its HTTP request record
    s -= dtMin * 2;
    if (match === "time" && dtMin > 5) continue;
    if (s > best.score + 0.5) best = { score: s, idx: [i], match };
    else if (Math.abs(s - best.score) <= 0.5) best.idx.push(i);
  }
  if (!best.idx.length) return { event_ids: [], ts: t, match: "none" };
  const ids = best.idx.slice(0, 5).map((i) => events[i]!.id);
  return { event_ids: ids, ts: events[best.idx[0]!]!.ts, match: best.match, index: best.idx[0] };
}

function inc(m: Record<string, number>, k: string | undefined) {
  if (k) m[k] = (m[k] ?? 0) + 1;
}


export function correlate(input: AuditEvent[], anomaly: Anomaly, window: Window): Correlation {
  const seen: Record<string, Set<string>> = {};
  const mine: AuditEvent[] = [];
  const pivots: AuditEvent[] = [];
  let duplicates = 0;
  const by_source: Record<string, number> = {};
  const since = window.since.getTime();
  const before = window.before.getTime();
  for (const e of input) {
    const bySrc = (seen[e.source] ??= new Set<string>());
    if (bySrc.has(e.id)) {
      duplicates++;
      continue;
    }
    bySrc.add(e.id);
    if (!Number.isFinite(e.ts) || e.ts < since - 60_000 || e.ts > before + 60_000) continue;
    if (e.pivot && !actorMatches(e, anomaly.actor)) pivots.push(e);
    else {
      mine.push(e);
      inc(by_source, e.source);
    }
  }
  const cmp = (a: AuditEvent, b: AuditEvent) => a.ts - b.ts || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  mine.sort(cmp);
  pivots.sort(cmp);

  // sessions: a new one after a quiet gap or when the (known) IP changes
  const sessions: Session[] = [];
  const sessionOf = new Int32Array(mine.length);
  let cur: (Session & { ipSet: Set<string>; uaSet: Set<string>; lastIp?: string }) | undefined;
  const sessionSets: { ipSet: Set<string>; uaSet: Set<string> }[] = [];
  // when each address was first seen: a session that introduced one just before the flagged one belongs to the focus
  const firstSeen = new Map<string, number>();
  for (let i = 0; i < mine.length; i++) {
    const e = mine[i]!;
    const brk = !cur || e.ts - cur.end > SESSION_GAP_MS || (e.ip !== undefined && cur.lastIp !== undefined && e.ip !== cur.lastIp);
    if (brk) {
      cur = { index: sessions.length, start: e.ts, end: e.ts, ips: [], user_agents: [], count: 0, first_id: e.id, last_id: e.id, ipSet: new Set(), uaSet: new Set() };
      sessions.push(cur);
      sessionSets.push(cur);
    }
    const s = cur!;
    s.end = e.ts;
    s.count++;
    s.last_id = e.id;
    if (e.ip) {
      s.ipSet.add(e.ip);
      s.lastIp = e.ip;
    }
    if (e.user_agent && s.uaSet.size < 10) s.uaSet.add(e.user_agent);
    sessionOf[i] = s.index;
    if (e.ip && !firstSeen.has(e.ip)) firstSeen.set(e.ip, e.ts);
  }
  const cleanSessions: Session[] = sessions.map((s) => {
    const x = s as Session & { ipSet: Set<string>; uaSet: Set<string>; lastIp?: string };
    return { index: x.index, start: x.start, end: x.end, ips: [...x.ipSet], user_agents: [...x.uaSet], count: x.count, first_id: x.first_id, last_id: x.last_id };
  });

  const { index: fIdx, ...flagged } = locateFlagged(mine, anomaly);
  // focus period: the session holding the flagged event (capped for long-running automation), else the anomaly time
  let focusTs: number;
  if (fIdx !== undefined) {
    const s = cleanSessions[sessionOf[fIdx]!]!;
    focusTs = Math.max(s.start, flagged.ts - FOCUS_MAX_MS);
    // pull in immediately preceding sessions that introduced a first-seen address (e.g. a login from a new place
    // minutes before the flagged change made from elsewhere): they belong to the incident, not to the baseline
    for (let k = s.index - 1; k >= 0; k--) {
      const p = cleanSessions[k]!;
      if (p.end < focusTs - SESSION_GAP_MS || p.start < flagged.ts - FOCUS_MAX_MS) break;
      if (!p.ips.some((ip) => firstSeen.get(ip) === p.start || (firstSeen.get(ip) ?? 0) >= p.start)) break;
      focusTs = p.start;
    }
  } else {
    focusTs = flagged.ts - 30 * 60_000;
  }
  let focusStart = 0;
  while (focusStart < mine.length && mine[focusStart]!.ts < focusTs) focusStart++;

  // one pass over the ordered events: the baseline before the focus period, what is new in it, travel, reverts,
  // bursts, references, the automation claims, the timeline and the catalogue's hits
  const n = mine.length;
  const ips = new Set<string>(), subnets = new Set<string>(), uas = new Set<string>(), countries = new Set<string>();
  const hours = new Set<number>(), auths = new Set<string>(), resources = new Set<string>();
  const actions: Record<string, number> = {}, resource_types: Record<string, number> = {};
  const hasBase = focusStart > 0;
  const newIps = new Set<string>(), newSubnets = new Set<string>(), newUas = new Set<string>(), newCountries = new Set<string>(), newAuths = new Set<string>();
  const novelIds: string[] = [];
  // concurrent use: a subnet, another, the first again within minutes (A→B→A); kept as (A, B) until the new subnets are known
  const alternations: [string, string][] = [];
  let aSn: string | undefined, aTs = 0, bSn: string | undefined, bTs = 0;
  const travel: Travel[] = [];
  let lastLoc: AuditEvent | undefined;
  const reverts = new RevertFinder();
  const bursts = new BurstFinder();
  const references = new ReferenceFinder();
  const hits = new HitCollector(() => ({ knownAccounts: knownArchiveAccounts(mine, focusStart, pivots, focusTs) }));
  const flaggedIds = flagged.event_ids;
  const timeline: TimelineEntry[] = new Array(n);
  let autoType = false, autoToken = false, apiN = 0, automation_ua = false;
  for (let i = 0; i < n; i++) {
    const e = mine[i]!;
    const inFocus = i >= focusStart;
    if (!inFocus) {
      if (e.ip) {
        ips.add(e.ip);
        subnets.add(subnetOf(e.ip));
      }
      if (e.user_agent) uas.add(uaFamily(e.user_agent));
      if (e.location?.country) countries.add(e.location.country.toUpperCase());
      hours.add(Math.floor(e.ts / 3600_000) % 24);
      if (e.actor.auth) auths.add(norm(e.actor.auth));
      inc(actions, norm(e.action));
      inc(resource_types, norm(e.resource.type));
      if (resources.size < 5000 && (e.resource.id || e.resource.name)) resources.add(`${norm(e.resource.type)}|${e.resource.id ?? e.resource.name}`);
    } else {
      let novel = false;
      if (e.ip) {
        const sn = subnetOf(e.ip);
        if (aSn !== undefined && aSn === sn && aSn !== bSn && e.ts - aTs < 15 * 60_000) alternations.push([aSn, bSn!]);
        aSn = bSn;
        aTs = bTs;
        bSn = sn;
        bTs = e.ts;
        if (hasBase && !ips.has(e.ip) && ips.size > 0) {
          newIps.add(e.ip);
          novel = true;
          if (!subnets.has(sn)) newSubnets.add(sn);
        }
      }
      if (e.user_agent && hasBase && uas.size > 0 && !uas.has(uaFamily(e.user_agent))) {
        newUas.add(e.user_agent.slice(0, 200));
        novel = true;
      }
      if (e.location?.country && hasBase && countries.size > 0 && !countries.has(e.location.country.toUpperCase())) {
        newCountries.add(e.location.country.toUpperCase());
        novel = true;
      }
      if (e.actor.auth && hasBase && auths.size > 0 && !auths.has(norm(e.actor.auth))) {
        newAuths.add(e.actor.auth);
        novel = true;
      }
      if (novel && novelIds.length < 200) novelIds.push(e.id);
      if (isApiAuth(e.actor.auth ?? "")) apiN++;
      if (!automation_ua && isAutoUa(e.user_agent ?? "")) automation_ua = true;
      references.focus(e);
    }
    if (!autoType && isAutoType(e.actor.type ?? "")) autoType = true;
    if (!autoToken && e.actor.token_name !== undefined && AUTOMATION_NAME_RE.test(e.actor.token_name)) autoToken = true;
    // impossible travel between consecutive located events
    const l = e.location;
    if (l?.lat !== undefined && l.lon !== undefined) {
      if (lastLoc) {
        const p = lastLoc.location!;
        const km = haversineKm({ lat: p.lat!, lon: p.lon! }, { lat: l.lat, lon: l.lon });
        const minutes = Math.max((e.ts - lastLoc.ts) / 60_000, 1);
        const kmh = km / (minutes / 60);
        if (km > 500 && kmh > 900 && travel.length < 20) travel.push({ from_id: lastLoc.id, to_id: e.id, km: Math.round(km), minutes: Math.round(minutes), kmh: Math.round(kmh) });
      }
      lastLoc = e;
    }
    reverts.add(e);
    bursts.add(e);
    hits.add(e, inFocus);
    timeline[i] = { id: e.id, source: e.source, ts: e.ts, action: e.action, session: sessionOf[i]!, flagged: flaggedIds.length > 0 && flaggedIds.includes(e.id), focus: inFocus };
  }

  const baseline: Baseline = {
    cutoff: focusTs,
    events: focusStart,
    ips: [...ips].slice(0, 200),
    subnets: [...subnets].slice(0, 200),
    user_agents: [...uas].slice(0, 50),
    countries: [...countries],
    hours: [...hours].sort((a, b) => a - b),
    actions,
    resource_types,
    resources: [...resources].slice(0, 500),
    auth_methods: [...auths],
  };
  const concurrent = new Set<string>();
  for (const [x, y] of alternations) {
    if (newSubnets.has(x) || newSubnets.has(y)) {
      concurrent.add(x);
      concurrent.add(y);
    }
  }
  const fHour = new Date(flagged.ts).getUTCHours();
  const nearHour = (h: number) => [...hours].some((x) => Math.min(Math.abs(x - h), 24 - Math.abs(x - h)) <= 1);
  const unusual_hour = focusStart >= 5 && hours.size > 0 && !nearHour(fHour);

  // automation: a claim (identity, API auth, tool user agent) counts only when verified by history
  const reasons: string[] = [];
  // a vendor id (hex, UUID) is not a name: "…-4cd7-…" says nothing about automation
  const actorName = anomaly.actor.split("@")[0] ?? "";
  const nameSaysAutomation = !/^[0-9a-f-]{16,}$/i.test(actorName) && AUTOMATION_NAME_RE.test(actorName);
  const identity = autoType || nameSaysAutomation || autoToken;
  const focusN = n - focusStart;
  const api_auth = focusN > 0 && apiN * 2 >= focusN;
  if (identity) reasons.push("the actor is a service or system identity");
  if (api_auth) reasons.push("it authenticates with API keys or tokens");
  if (automation_ua) reasons.push("its user agent names an automation tool");
  const knownPlace = newSubnets.size === 0 && newIps.size === 0 && newUas.size === 0 && newCountries.size === 0;
  const history = focusStart >= 3 && hours.size >= 2;
  const known = (identity || api_auth || automation_ua) && knownPlace && history;
  if ((identity || api_auth || automation_ua) && !known)
    reasons.push(knownPlace ? "but there is no earlier history to confirm the schedule" : "but it acts from an address or client not seen before, so the claim is unverified");

  // pivots: other actors on the same addresses
  const pivMap = new Map<string, PivotIp>();
  for (const e of pivots) {
    if (!e.ip) continue;
    let p = pivMap.get(e.ip);
    if (!p) {
      p = { ip: e.ip, new_for_actor: !ips.has(e.ip), actors: [], event_ids: [] };
      pivMap.set(e.ip, p);
    }
    const who = actorLabel(e);
    if (!p.actors.includes(who) && p.actors.length < 50) p.actors.push(who);
    if (p.event_ids.length < 100) p.event_ids.push(e.id);
  }
  const { tickets, injections } = references.finish(mine, focusStart, pivots, anomaly);

  const corr: Correlation = {
    anomaly,
    window: { since: window.since.toISOString(), before: window.before.toISOString() },
    actor: anomaly.actor,
    events: mine,
    pivot_events: pivots,
    timeline,
    sessions: cleanSessions,
    flagged,
    focus_start: focusStart,
    focus_start_ts: focusTs,
    baseline,
    novelty: {
      new_ips: [...newIps].slice(0, 50),
      new_subnets: [...newSubnets].slice(0, 50),
      new_user_agents: [...newUas].slice(0, 20),
      new_countries: [...newCountries],
      new_auth_methods: [...newAuths],
      event_ids: novelIds,
      unusual_hour,
      concurrent_ips: [...concurrent],
    },
    reverts: reverts.reverts,
    bursts: bursts.bursts(),
    automation: { identity, api_auth, automation_ua, known, reasons, event_ids: mine.slice(focusStart, focusStart + 5).map((e) => e.id) },
    pivots: [...pivMap.values()],
    travel,
    tickets,
    injections,
    stats: { events: n, pivot_events: pivots.length, duplicates, by_source },
  };
  rememberHits(corr, hits.finish());
  return corr;
}
