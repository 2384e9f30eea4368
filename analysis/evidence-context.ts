// The evidence context: everything the evidence table's rules (analysis/evidence.ts) read, computed once per
// assessment in a few linear passes over the timeline (each event's hosts and values are read once), so no rule
// re-scans the events. The change-structure part is in analysis/evidence-structure.ts.
import type { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";
import type { Indicator } from "../domain/schemas.ts";
import type { Correlation } from "./timeline.ts";
import { aftermath, CRED_RE, changeStructure, changeValues, FAIL_LOGIN_RE, isChange, resKey } from "./evidence-structure.ts";
import { burstIsRoutine, catalogueEntry, matchEvents, restoredChanges, type Stage } from "./indicators.ts";
import { changeDirection, isSilencing, opensToEveryone, silenceIsBounded } from "./posture.ts";
import { memo, norm, textOf } from "./text.ts";

const WEAKENING = new Set(["logging.impaired", "firewall.weakened", "detection.impaired", "auth.modified", "mail_auth.removed", "policy.opened"]);
const BURST_OF: Record<string, string> = { "destruction.burst": "destructive", "discovery.burst": "discovery", "collection.export_burst": "export" };
const GRANTS = new Set(["privilege.granted", "account.created"]);
const READ_ONLY_RE = /\b(read|read_?only|readonly|viewer|view|get|list|query|audit_?log_?read|logs_read_data|analytics|reports?)\b/;
const WRITE_RE = /\b(write|edit|admin|administrator|manage|owner|delete|create|update|full|all|super|modify|deploy|put|post)\b/;
const VERIFY_RE = /(^|[_./|])(test|tested|verify|verified|validate|validated|check|checked|health|preview|dry_?run|connectivity|debug|trace|lookup|get|read|view|list|show|describe)($|[_./|])/;
const INCIDENT_RE = /incident|alert|trigger|triggered|resolve|resolved|page|pager|on_?call|outage|degrad|postmortem|acknowledg|escalat|status_?page/;
const LEAK_RE = /\b(detected|found|exposed|leaked|leak|published|committed)\b[^.\n]{0,80}\b(keys?|tokens?|secrets?|credentials?)\b[^.\n]{0,80}\b(public|repository|repo|github|gitlab|bitbucket|paste(bin)?|internet)\b|\b(keys?|tokens?|secrets?|credentials?)\b[^.\n]{0,40}\b(leaked|exposed)\b/i;
const ADMIN_RE = /\b(admin|admins|administrator|administrators|owner|owners|super[\s_-]?admin|super[\s_-]?user|superuser|full[\s_-]access|all[\s_-]privileges|account[\s_-]admin)\b/i;
const OUTSIDER_RE = /\b(contractor|consultant|consultancy|vendor|external|third[\s-]party|guest|freelancer|agency|partner)\b/i;
const EMAIL_RE = /[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;
const HOST_RE = /\b((?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|app|co|cloud|xyz|ru|cn|top|info|biz|site|online|me|sh|us|uk|de|eu))\b/gi;
const MAX_SCAN = 50_000;
/** Everything the rules read, computed once per assessment in linear passes over the timeline. */
export interface EvidenceContext {
  corr: Correlation;
  indicators: Indicator[];
  sources: Partial<Record<SourceName, SourceStatus>>;
  byId: Map<string, AuditEvent>;
  focus: AuditEvent[];
  baselineEvents: AuditEvent[];
  /** attack indicators that count: not routine for the actor, not explained, not undone */
  counted: Indicator[];
  /** attack indicators discounted as routine, explained (rotation, planned) or undone */
  discounted: { ind: Indicator; reason: string }[];
  stages: Set<Stage>;
  novel: boolean;
  rotation: boolean;
  planned: { ids: string[]; preApproved: boolean } | undefined;
  selfGrant: string[];
  overbroad: string[];
  widenedRoles: string[];
  weakAll: Indicator[];
  focusReverts: string[];
  earlierReverts: string[];
  maintenance: string[];
  leaks: string[];
  routineShare: number;
  failedSources: string[];
  partialSources: string[];
  /** focus changes by structured values: weaker / stronger (any product) */
  weakerChanges: string[];
  strongerChanges: string[];
  openedToEveryone: string[];
  externalTargets: string[];
  verification: string[];
  pairedSameValue: string[];
  pairedNewValue: string[];
  readOnlyGrants: string[];
  otherVendorIncident: string[];
  mirroredCleanup: string[];
  failedLogins: string[];
  unboundedSilence: string[];
  credentialUsedElsewhere: string[];
  changedBackByOther: string[];
  /** the new credential's use afterwards, when it only read or sent data */
  credentialOnlyRead: string[];
  sensitiveChanges: string[];
  overbroadScope: string[];
  correctedLater: string[];
  errorBeforeChange: string[];
  repeatedElsewhere: string[];
  boundedChanges: string[];
  restrictedSource: string[];
  replacement: string[];
  flaggedDoneBefore: boolean;
  threatIntel: string[];
  enumeration: string[];
  personalIdentity: string[];
  observabilityPrepared: string[];
  silencedAroundChange: string[];
  crossVendorFollowOn: string[];
  newCredentialNewNetwork: string[];
  troubleAfter: string[];
  /** what became of weakenings and of the flagged change afterwards (evidence-structure.ts aftermath) */
  weakenedThenStrengthened: string[];
  leftWeakened: string[];
  lateFix: string[];
  /** numeric shape of the focus period */
  shape: { after: number; products: number; newIpShare: number; bothVendors: boolean; deleteShare: number };
}


/** Builds the context in a few linear passes. Pure. */
export function evidenceContext(corr: Correlation, indicators: Indicator[], sources: Partial<Record<SourceName, SourceStatus>>): EvidenceContext {
  const byId = new Map<string, AuditEvent>();
  for (const e of corr.events) byId.set(e.id, e);
  const focus = corr.events.slice(corr.focus_start);
  const baselineEvents = corr.events.slice(0, corr.focus_start);
  const hits = matchEvents(corr);
  const has = (id: string) => indicators.some((i) => i.id === id);
  const novel = has("access.new_location") || has("context.first_seen") || has("access.impossible_travel") || has("access.concurrent_sessions");
  const rotation = has("context.rotation");
  const restored = restoredChanges(corr);

  // planned bulk removal: (nearly) every deletion carries a change reference, or one was recorded for the same scope first
  const ticketed = new Set(corr.tickets.flatMap((t) => t.event_ids));
  const burstIds = indicators.find((i) => i.id === "destruction.burst")?.event_ids ?? [];
  const baselineIds = new Set(baselineEvents.map((e) => e.id));
  const burstScopes = new Set(burstIds.map((id) => byId.get(id)?.resource.scope));
  const preApproved = burstIds.length >= 3 && burstScopes.size === 1 && !burstScopes.has(undefined) && [...ticketed].some((id) => baselineIds.has(id) && burstScopes.has(byId.get(id)?.resource.scope));
  const planned = burstIds.length >= 3 && (preApproved || burstIds.filter((id) => ticketed.has(id)).length >= 0.8 * burstIds.length) ? { ids: burstIds.slice(0, 10), preApproved } : undefined;

  const countedList: Indicator[] = [];
  const discounted: { ind: Indicator; reason: string }[] = [];
  const stages = new Set<Stage>();
  const selfGrant: string[] = [];
  const me = corr.actor.toLowerCase();
  for (const i of indicators) {
    if (i.kind !== "attack") continue;
    const burstKind = BURST_OF[i.id];
    const routine = burstKind ? burstIsRoutine(corr, burstKind) : (hits.get(i.id)?.baseline ?? 0) > 0;
    const explained = ((i.id === "credential.created" || i.id === "credential.viewed") && rotation) || (i.id === "destruction.burst" && planned !== undefined);
    const undone = i.event_ids.length > 0 && i.event_ids.every((id) => restored.changes.has(id));
    if (undone || routine || explained) {
      discounted.push({ ind: i, reason: undone ? "undone later by the actor" : explained ? "explained" : "seen earlier in the window too" });
      continue;
    }
    countedList.push(i);
    const stage = catalogueEntry(i.id)?.stage;
    if (stage && stage !== "access") stages.add(stage);
    if (i.id === "privilege.granted" && me.length > 3) {
      for (const id of i.event_ids) {
        const e = byId.get(id);
        const t = `${e?.description ?? ""} ${e?.resource.name ?? ""}`.toLowerCase();
        if (t.split(me).length - 1 >= (e?.description?.toLowerCase().startsWith(me) ? 2 : 1)) selfGrant.push(id);
      }
    }
  }
  if (countedList.some((i) => catalogueEntry(i.id)?.stage === "access") && stages.size) stages.add("access");

  const usualSelf = !novel && corr.baseline.events >= 3 && !has("context.instruction_text");
  const grantOnly = usualSelf && countedList.some((i) => GRANTS.has(i.id)) && selfGrant.length === 0 && countedList.every((i) => GRANTS.has(i.id));
  const grantIds = countedList.filter((i) => GRANTS.has(i.id)).flatMap((i) => i.event_ids);
  const overbroad = grantOnly ? overbroadGrant(corr, grantIds, byId) : [];
  const widenedRoles = grantOnly && !overbroad.length ? roleWidened(grantIds, byId) : [];
  const weakAll = indicators.filter((i) => WEAKENING.has(i.id));

  // reverts: focus ones (a change around the anomaly undone) vs earlier ones; bounded silences lifted are maintenance
  const focusIdSet = new Set(focus.map((e) => e.id));
  const reverts = corr.reverts.filter((r) => {
    const e = byId.get(r.change_id);
    return e !== undefined && changeDirection(e) !== "stronger" && !CRED_RE.test(`${norm(e.resource.type)}|${norm(e.action)}`);
  });
  const maintenance: string[] = [];
  const focusReverts: string[] = [];
  const earlierReverts: string[] = [];
  for (const r of reverts) {
    const e = byId.get(r.change_id)!;
    const inFocus = focusIdSet.has(r.change_id) || focusIdSet.has(r.revert_id);
    if (isSilencing(e) && silenceIsBounded(e) && inFocus) maintenance.push(r.change_id, r.revert_id);
    else if (inFocus) focusReverts.push(r.change_id, r.revert_id);
    else earlierReverts.push(r.change_id, r.revert_id);
  }

  const leaks: string[] = [];
  const weakerChanges: string[] = [];
  const strongerChanges: string[] = [];
  const openedToEveryone: string[] = [];
  const unboundedSilence: string[] = [];
  const failedLogins: string[] = [];
  const readOnlyGrants: string[] = [];
  const knownHosts = new Set<string>();
  const actorDomain = /@([a-z0-9.-]+)$/i.exec(corr.actor)?.[1]?.toLowerCase();
  if (actorDomain) knownHosts.add(registrable(actorDomain));
  const baseScan = baselineEvents.length > MAX_SCAN ? baselineEvents.slice(-MAX_SCAN) : baselineEvents;
  for (const e of baseScan) for (const h of hostsOf(e)) knownHosts.add(h);
  for (const e of corr.events) if (e.resource.scope) knownHosts.add(registrable(e.resource.scope.toLowerCase()));
  const externalTargets: string[] = [];
  const focusScan = focus.length > MAX_SCAN ? focus.slice(0, MAX_SCAN) : focus;
  for (const e of focusScan) {
    const cat = `${norm(e.category)}|${norm(e.action)}`;
    if (/notif|secur|alert|leak|scan/.test(cat) && LEAK_RE.test(textOf(e, 600))) leaks.push(e.id);
    if (e.outcome === "failure" && FAIL_LOGIN_RE.test(`${norm(e.action)}|${norm(e.category)}`)) failedLogins.push(e.id);
    if (e.outcome === "failure") continue;
    if (isChange(e)) {
      const d = changeDirection(e);
      if (d === "weaker") weakerChanges.push(e.id);
      else if (d === "stronger") strongerChanges.push(e.id);
      if (opensToEveryone(e)) openedToEveryone.push(e.id);
      if (isSilencing(e) && !silenceIsBounded(e) && e.operation !== "delete") unboundedSilence.push(e.id);
      if (e.operation !== "delete" && e.change?.new !== undefined) {
        const hs = hostsOf(e, true);
        if (hs.some((h) => !knownHosts.has(h))) externalTargets.push(e.id);
      }
      if ((e.operation === "create" || e.operation === "update") && /token|key|credential|role|permission|policy|service_?account|member|user/.test(`${norm(e.resource.type)}|${norm(e.action)}`)) {
        const v = valueText(e);
        if (v && READ_ONLY_RE.test(v) && !WRITE_RE.test(v)) readOnlyGrants.push(e.id);
      }
    }
  }
  // failed sign-ins just before the focus period count too
  for (let i = Math.max(0, corr.focus_start - 30); i < corr.focus_start; i++) {
    const e = corr.events[i]!;
    if (e.outcome === "failure" && FAIL_LOGIN_RE.test(`${norm(e.action)}|${norm(e.category)}`) && corr.focus_start_ts - e.ts < 3_600_000) failedLogins.push(e.id);
  }

  const structure = changeStructure(corr, focusScan);
  const { verification, pairedSameValue, pairedNewValue } = followUps(focusScan);
  const incidents = incidentSignals(corr);
  const otherVendorIncident = incidents.before;
  const mirroredCleanup = mirrored(focusScan);
  const { credentialUsedElsewhere, changedBackByOther, credentialOnlyRead } = pivotEvidence(corr, focusScan);

  let share = 0;
  if (corr.baseline.events > 0 && focus.length > 0) {
    let k = 0;
    for (const e of focus) if (corr.baseline.actions[norm(e.action)]) k++;
    share = k / focus.length;
  }

  const failedSources: string[] = [], partialSources: string[] = [];
  for (const [name, s] of Object.entries(sources)) {
    if (!s) continue;
    if (s.status === "failed" || s.status === "skipped" || s.status === "pending") failedSources.push(name);
    else if (s.status === "partial" || s.status === "truncated") partialSources.push(name);
  }

  return {
    corr, indicators, sources, byId, focus, baselineEvents,
    counted: countedList, discounted, stages, novel, rotation, planned,
    selfGrant, overbroad, widenedRoles, weakAll, focusReverts, earlierReverts, maintenance, leaks,
    routineShare: share, failedSources, partialSources,
    weakerChanges: weakerChanges.slice(0, 20), strongerChanges: strongerChanges.slice(0, 20), openedToEveryone: openedToEveryone.slice(0, 10),
    externalTargets: externalTargets.slice(0, 10), verification, pairedSameValue, pairedNewValue,
    readOnlyGrants: readOnlyGrants.slice(0, 10), otherVendorIncident, mirroredCleanup, failedLogins: failedLogins.slice(0, 10),
    unboundedSilence: unboundedSilence.slice(0, 10), credentialUsedElsewhere, changedBackByOther, credentialOnlyRead,
    ...structure,
    ...aftermath(corr, focusScan),
    troubleAfter: incidents.after,
  };
}

/** Text of a change's new value and request body, lower-cased and bounded. */
function valueText(e: AuditEvent): string {
  return norm(changeValues(e).slice(0, 3000)).replace(/_/g, " ");
}

/** Registrable part of a host name (last two labels, three for short second-level labels like co.uk). */
const registrable = memo(registrableOf);
function registrableOf(host: string): string {
  const parts = host.replace(/\.$/, "").split(".");
  if (parts.length <= 2) return parts.join(".");
  const two = parts.slice(-2);
  return two[0]!.length <= 3 && two[1]!.length === 2 ? parts.slice(-3).join(".") : two.join(".");
}

/** Domains named in a change's values (emails, host names, URLs), as registrable domains; bounded. Each distinct text is scanned once. */
function hostsOf(e: AuditEvent, onlyValues = false): string[] {
  let s: string;
  try {
    s = onlyValues ? (JSON.stringify(e.change?.new ?? null) ?? "") : `${JSON.stringify(e.change?.new ?? null) ?? ""} ${JSON.stringify(e.change?.old ?? null) ?? ""} ${e.resource.name ?? ""}`;
  } catch {
    return [];
  }
  return hostsIn(s.slice(0, 4000).toLowerCase());
}

const hostsIn = memo((s: string): string[] => {
  const out = new Set<string>();
  for (const m of s.matchAll(EMAIL_RE)) out.add(registrable(m[1]!));
  for (const m of s.matchAll(HOST_RE)) out.add(registrable(m[1]!));
  return [...out];
});

/**
 * What follows each change in the focus period: a check of the same resource (verification), and for removals,
 * a re-creation of the same name — with the same value (put right) or a new one (a migration).
 */
function followUps(focus: AuditEvent[]): { verification: string[]; pairedSameValue: string[]; pairedNewValue: string[] } {
  const verification: string[] = [];
  const pairedSameValue: string[] = [];
  const pairedNewValue: string[] = [];
  const lastChange = new Map<string, AuditEvent>();
  const deleted = new Map<string, AuditEvent>();
  let lastAuthChange: AuditEvent | undefined;
  for (const e of focus) {
    const k = resKey(e);
    const a = `${norm(e.action)}|${norm(e.category)}`;
    if (isChange(e)) {
      if (e.operation === "delete") deleted.set(k, e);
      else if (e.operation === "create") {
        const d = deleted.get(k);
        if (d && e.ts - d.ts < 3_600_000) {
          const before = JSON.stringify(recordContent(d.change?.old ?? d.metadata));
          const after = JSON.stringify(recordContent(e.change?.new ?? e.metadata));
          (before === after ? pairedSameValue : pairedNewValue).push(d.id, e.id);
          deleted.delete(k);
        }
      }
      if (/auth|sso|saml|idp|login|mfa|2fa|identity/.test(a + norm(e.resource.type))) lastAuthChange = e;
      lastChange.set(k, e);
      continue;
    }
    const c = /(^|\|)request/.test(a) || !(e.resource.id || e.resource.name) ? undefined : lastChange.get(k);
    if (c && e.ts - c.ts < 3_600_000 && e.outcome !== "failure" && (e.operation === "view" || e.operation === "execute" || VERIFY_RE.test(a))) {
      verification.push(c.id, e.id);
      lastChange.delete(k);
    } else if (lastAuthChange && e.operation === "login" && e.outcome === "success" && e.ts - lastAuthChange.ts < 3_600_000) {
      verification.push(lastAuthChange.id, e.id);
      lastAuthChange = undefined;
    }
    if (verification.length >= 10) break;
  }
  return { verification, pairedSameValue: pairedSameValue.slice(0, 10), pairedNewValue: pairedNewValue.slice(0, 10) };
}

/** The target-bearing part of a record's value (content/target/destination), so names and ids do not decide. */
function recordContent(v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  const r = v as Record<string, unknown>;
  for (const k of ["content", "target", "destination", "value", "origin", "address", "url"]) if (k in r) return r[k];
  return v;
}

/**
 * Incident signals around the flagged change (either vendor, three hours): those before it are work the change
 * answers (an incident being worked), those after it are trouble it may have caused (alerts, errors, an incident
 * opened, failed requests of the actor).
 */
function incidentSignals(corr: Correlation): { before: string[]; after: string[] } {
  const t = corr.flagged.ts || corr.focus_start_ts;
  const flaggedIds = new Set(corr.flagged.event_ids);
  const before: string[] = [], after: string[] = [];
  for (const e of corr.events) {
    if (before.length >= 6 && after.length >= 6) break;
    if (flaggedIds.has(e.id) || Math.abs(e.ts - t) > 3 * 3_600_000) continue;
    const s = `${norm(e.action)}|${norm(e.category)}|${norm(e.resource.type)}|${(e.description ?? "").slice(0, 200).toLowerCase()}`;
    const trouble = e.ts > t && e.outcome === "failure" && !FAIL_LOGIN_RE.test(s);
    if (!INCIDENT_RE.test(s) && !trouble) continue;
    if (e.ts <= t) {
      if (before.length < 6) before.push(e.id);
    } else if (after.length < 6) after.push(e.id);
  }
  return { before, after };
}

/** Deletions in both vendors in the focus period whose resource names share a word of four letters or more. */
function mirrored(focus: AuditEvent[]): string[] {
  const words = (e: AuditEvent) => new Set((e.resource.name ?? "").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 4));
  const del: Record<string, AuditEvent[]> = { cloudflare: [], datadog: [] };
  for (const e of focus) if (e.operation === "delete" && e.outcome !== "failure") del[e.source]?.push(e);
  const cf = del["cloudflare"]!.slice(0, 200), dd = del["datadog"]!.slice(0, 200);
  if (!cf.length || !dd.length) return [];
  const cfWords = new Map<string, string>();
  for (const e of cf) for (const w of words(e)) cfWords.set(w, e.id);
  const out: string[] = [];
  for (const e of dd) {
    for (const w of words(e)) {
      const id = cfWords.get(w);
      if (id && !/^(prod|production|staging|stage|test|main|www|record|monitor|dashboard)$/.test(w)) {
        out.push(id, e.id);
        break;
      }
    }
    if (out.length >= 6) break;
  }
  return out;
}

/**
 * Pivot evidence: a credential the actor created used afterwards by another identity or from an address the actor
 * never used; another identity changing a resource the actor changed, afterwards.
 */
function pivotEvidence(corr: Correlation, focus: AuditEvent[]): { credentialUsedElsewhere: string[]; changedBackByOther: string[]; credentialOnlyRead: string[] } {
  const credentialUsedElsewhere: string[] = [];
  const changedBackByOther: string[] = [];
  const credentialReads: string[] = [];
  if (!corr.pivot_events.length) return { credentialUsedElsewhere, changedBackByOther, credentialOnlyRead: [] };
  const actorIps = new Set(corr.events.map((e) => e.ip).filter(Boolean));
  const changed = new Map<string, AuditEvent>();
  for (const e of focus) if (isChange(e) && (e.resource.id || e.resource.name)) changed.set(resKey(e), e);
  for (const p of corr.pivot_events) {
    const kind = (p as AuditEvent & { pivot_kind?: string }).pivot_kind;
    // used to change configuration (not only to read or send data) by another identity or from another network
    if (kind === "credential" && isChange(p) && p.outcome !== "failure" && p.ts >= corr.focus_start_ts && (!p.ip || !actorIps.has(p.ip) || (p.actor.email && p.actor.email.toLowerCase() !== corr.actor.toLowerCase()))) {
      if (credentialUsedElsewhere.length < 10) credentialUsedElsewhere.push(p.id);
    } else if (kind === "credential" && !isChange(p) && p.outcome !== "failure" && credentialReads.length < 10) credentialReads.push(p.id);
    const c = isChange(p) ? changed.get(resKey(p)) : undefined;
    if (c && p.ts > c.ts && changedBackByOther.length < 10) changedBackByOther.push(c.id, p.id);
  }
  return { credentialUsedElsewhere, changedBackByOther, credentialOnlyRead: credentialUsedElsewhere.length ? [] : credentialReads };
}

/** Grants of an administrator-level role to an identity outside the organisation (another e-mail domain, an outsider word). */
function overbroadGrant(corr: Correlation, ids: string[], byId: Map<string, AuditEvent>): string[] {
  const mine = /@([a-z0-9.-]+)$/i.exec(corr.actor)?.[1]?.toLowerCase();
  const out: string[] = [];
  let outsider = false, admin = false;
  for (const id of ids) {
    const e = byId.get(id);
    if (!e) continue;
    const text = textOf(e, 2000);
    const domains = [...text.matchAll(EMAIL_RE)].map((m) => m[1]!.toLowerCase());
    const stranger = (mine !== undefined && domains.some((d) => d !== mine && !d.endsWith(`.${mine}`))) || OUTSIDER_RE.test(text.replace(EMAIL_RE, " "));
    const adm = ADMIN_RE.test(text.replace(EMAIL_RE, " "));
    if (stranger) outsider = true;
    if (adm) admin = true;
    if (stranger || adm) out.push(id);
  }
  return outsider && admin ? out : [];
}

const ADMIN_PERMISSION_RE = /admin|manage|management|owner|write|_edit$|^edit_|full_access|all_privileges/;

/** Role-definition changes whose permission list gained administrative entries. */
function roleWidened(ids: string[], byId: Map<string, AuditEvent>): string[] {
  const list = (v: unknown): string[] | undefined => {
    const r = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    const p = r?.["permissions"] ?? r?.["permission_names"] ?? r?.["scopes"];
    return Array.isArray(p) ? p.slice(0, 500).map((x) => norm(typeof x === "string" ? x : String((x as Record<string, unknown> | null)?.["name"] ?? ""))) : undefined;
  };
  const out: string[] = [];
  for (const id of ids) {
    const e = byId.get(id);
    if (!e || !/role/.test(norm(e.resource.type))) continue;
    const before = list(e.change?.old), after = list(e.change?.new);
    if (!before || !after) continue;
    const had = new Set(before);
    if (after.some((p) => !had.has(p) && ADMIN_PERMISSION_RE.test(p))) out.push(id);
  }
  return out;
}

