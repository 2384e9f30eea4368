// The product-agnostic structure of the changes around an anomaly, for the evidence table (analysis/evidence.ts):
// what they touch, how wide a scope they give, whether they bound themselves, what was corrected, repeated or
// replaced, what came right before (errors) and after (silencing, follow-on changes in the other vendor, a new
// credential used from a new network). One linear pass over the focus period plus one over the flagged change's
// neighbourhood; every list is bounded.
import type { AuditEvent } from "../domain/events.ts";
import type { Correlation } from "./timeline.ts";
import { changeDirection, isSilencing } from "./posture.ts";
import { norm } from "./text.ts";

export const CRED_RE = /token|api_?key|application_?key|app_?key|credential|secret|access_?key|service_?token|client_?secret|password/;
export const FAIL_LOGIN_RE = /login|sign_?in|authenticat|session/;
/** Resources whose change matters to security, in both vendors' vocabularies (any product). */
const SENSITIVE_RE = /polic|access|rule|firewall|waf|auth|sso|saml|mfa|2fa|idp|identity|role|permission|member|user|invite|token|key|secret|credential|password|logpush|archive|audit|retention|forward|destination|integration|webhook|tunnel|certificate|ssl|tls|dns|record|zone|worker|script|pipeline|exclusion|filter|suppress|monitor|downtime|mute|scanner|variable|login|session|security|bypass|allowlist|ip_list|org_?setting|service_?account|connection|bucket|r2|email_?routing|route/;
/** A scope, query or path that matches everything. */
const MATCH_ALL_RE = /"(?:query|scope|filter|expression|match|path|paths|pattern|hostname|host|include|includes|monitor_tags|tags|selector|target|targets|resources|monitor_identifier|rule|rules)"\s*:\s*(?:"(?:\*|\.\*|\/\*|\*:\*|all|any|\*\.\*|)"|\[\s*"(?:\*|all|any)"\s*\])/;
/** A value that bounds itself in time (an expiry, an end) or in place (an address restriction). */
const BOUNDED_RE = /"(?:expires?(?:_on|_at)?|expiration|expiry|not_after|end|ends?_at|end_time|until|ttl|duration)"\s*:\s*(?!null|""|0[,}])/;
const RESTRICTED_RE = /"(?:request_ip|allowed_ips|ip_allowlist|ip_ranges|client_ip_restrictions|condition|source_ips|allowed_cidrs)"\s*:\s*[\[{"]/;
const PERSONAL_MAIL_RE = /@(?:gmail|googlemail|proton|protonmail|pm|outlook|hotmail|live|yahoo|icloud|me|aol|gmx|mail|yandex|tutanota|tuta|zoho|fastmail|qq|163)\.[a-z.]+/;
const ENUM_RE = /user|member|key|token|role|rule|secret|credential|permission|service_?account|invite|polic/;
const THREAT_RE = /"threat_intel"|"tor_exit|residential_proxy|"anonymi[sz]er|"is_tor"\s*:\s*true|"proxy"\s*:\s*true/;

/** A configuration change (not a read, a sign-in or an execution). */
export const isChange = (e: AuditEvent) => e.operation === "create" || e.operation === "update" || e.operation === "delete";

/** A resource's identity across events: its type and name (or id). */
const valuesMemo = new WeakMap<AuditEvent, string>();
/** A change's new value and request body as JSON (computed once per event; "" when it cannot be serialised). */
export function changeValues(e: AuditEvent): string {
  let v = valuesMemo.get(e);
  if (v === undefined) {
    const raw = e.raw as { resource?: { request?: unknown } } | undefined;
    try {
      v = JSON.stringify([e.change?.new ?? null, raw && typeof raw === "object" ? (raw.resource?.request ?? null) : null]) ?? "";
    } catch {
      v = "";
    }
    valuesMemo.set(e, v);
  }
  return v;
}

export const resKey = (e: AuditEvent) => `${norm(e.resource.type)}|${(e.resource.name ?? e.resource.id ?? "").toLowerCase()}`;

/** Product-agnostic structure of the focus changes: what they touch, how wide, how bounded, what came around them. */
export function changeStructure(corr: Correlation, focus: AuditEvent[]) {
  const sensitiveChanges: string[] = [], overbroadScope: string[] = [], correctedLater: string[] = [], errorBeforeChange: string[] = [];
  const repeatedElsewhere: string[] = [], boundedChanges: string[] = [], restrictedSource: string[] = [], replacement: string[] = [];
  const threatIntel: string[] = [], enumeration: string[] = [], personalIdentity: string[] = [];
  const observabilityPrepared: string[] = [], silencedAroundChange: string[] = [];
  const firstChange = new Map<string, AuditEvent>();
  const createdByType = new Map<string, AuditEvent>();
  const removedByType = new Map<string, AuditEvent>();
  const enumKinds = new Set<string>();
  const flagged = corr.events.find((e) => corr.flagged.event_ids.includes(e.id));
  const flaggedAction = flagged ? norm(flagged.action) : undefined;
  const flaggedScope = flagged ? `${flagged.resource.scope ?? ""}|${flagged.resource.id ?? flagged.resource.name ?? ""}` : undefined;
  let lastFailure: AuditEvent | undefined;
  // a failure just before the focus period counts as "before the change" too
  for (let i = Math.max(0, corr.focus_start - 20); i < corr.focus_start; i++) if (corr.events[i]!.outcome === "failure") lastFailure = corr.events[i];
  const domain = /@([a-z0-9.-]+)$/i.exec(corr.actor)?.[1]?.toLowerCase();
  let tiScanned = 0;
  for (const e of focus) {
    const typeAct = `${norm(e.resource.type)}|${norm(e.action)}|${norm(e.category)}`;
    if (tiScanned < 2000 && threatIntel.length < 5) {
      tiScanned++;
      let raw = "";
      try {
        raw = JSON.stringify(e.raw ?? null)?.slice(0, 6000).toLowerCase() ?? "";
      } catch {}
      if (THREAT_RE.test(raw)) threatIntel.push(e.id);
    }
    if (e.outcome === "failure") {
      if (!FAIL_LOGIN_RE.test(typeAct)) lastFailure = e;
      continue;
    }
    if ((e.operation === "view" || /(^|[_./|])(list|get|read|search|query)($|[_./|])/.test(typeAct)) && ENUM_RE.test(typeAct)) {
      const kind = typeAct.slice(0, 80);
      if (!enumKinds.has(kind) && enumeration.length < 10) (enumKinds.add(kind), enumeration.push(e.id));
    }
    if (!isChange(e)) continue;
    const k = resKey(e);
    const named = Boolean(e.resource.id || e.resource.name) && SENSITIVE_RE.test(typeAct) && !/(^|\|)request/.test(typeAct);
    const prev = named ? firstChange.get(k) : undefined;
    if (prev && e.ts - prev.ts >= 5 * 60_000 && correctedLater.length < 10) correctedLater.push(prev.id, e.id);
    else if (named && !prev) firstChange.set(k, e);
    if (lastFailure && e.ts - lastFailure.ts < 30 * 60_000 && errorBeforeChange.length < 6) {
      errorBeforeChange.push(lastFailure.id, e.id);
      lastFailure = undefined;
    }
    if (!SENSITIVE_RE.test(typeAct)) continue;
    if (sensitiveChanges.length < 20) sensitiveChanges.push(e.id);
    const v = changeValues(e).slice(0, 6000).toLowerCase();
    if (e.operation !== "delete" && MATCH_ALL_RE.test(v) && overbroadScope.length < 6) overbroadScope.push(e.id);
    if (e.operation !== "delete" && BOUNDED_RE.test(v) && boundedChanges.length < 6) boundedChanges.push(e.id);
    if (e.operation !== "delete" && RESTRICTED_RE.test(v) && restrictedSource.length < 6) restrictedSource.push(e.id);
    if (e.operation !== "delete" && personalIdentity.length < 6) {
      const m = PERSONAL_MAIL_RE.exec(v);
      if (m && !(domain && m[0].slice(1).startsWith(domain))) personalIdentity.push(e.id);
    }
    const type = norm(e.resource.type) || norm(e.category);
    const disabling = e.operation === "delete" || /disabl|revok|deactivat|"enabled":false/.test(`${typeAct}|${v.slice(0, 500)}`);
    if (e.operation === "create") {
      const r = removedByType.get(type);
      if (r && e.ts - r.ts < 3_600_000 && replacement.length < 6) replacement.push(r.id, e.id);
      createdByType.set(type, e);
    } else if (disabling) {
      const c = createdByType.get(type);
      if (c && e.ts - c.ts < 3_600_000 && replacement.length < 6) replacement.push(c.id, e.id);
      removedByType.set(type, e);
    }
    if (flagged && e !== flagged && flaggedAction === norm(e.action) && e.ts > flagged.ts && e.ts - flagged.ts < 3_600_000 && `${e.resource.scope ?? ""}|${e.resource.id ?? e.resource.name ?? ""}` !== flaggedScope && repeatedElsewhere.length < 4) repeatedElsewhere.push(flagged.id, e.id);
  }
  const flaggedDoneBefore = flaggedAction !== undefined && (corr.baseline.actions[flaggedAction] ?? 0) > 0;
  // around the flagged change (two hours either side): monitors, checks or tests set up, or alerting silenced
  if (flagged) {
    for (const e of corr.events) {
      if (e === flagged || Math.abs(e.ts - flagged.ts) > 2 * 3_600_000 || e.outcome === "failure") continue;
      const t = `${norm(e.resource.type)}|${norm(e.action)}|${norm(e.category)}`;
      if (!/monitor|synthetic|health|check|test|slo|probe|alert/.test(t)) continue;
      if (isSilencing(e) || e.operation === "delete" || /disabl/.test(t)) {
        if (silencedAroundChange.length < 6 && !isSilencing(flagged)) silencedAroundChange.push(e.id);
      } else if ((e.operation === "create" || e.operation === "update" || e.operation === "execute") && observabilityPrepared.length < 6) observabilityPrepared.push(e.id);
    }
  }
  // after the flagged change, in the other vendor: defences weakened, alerting silenced or credentials minted
  const crossVendorFollowOn: string[] = [];
  const newCredentialNewNetwork: string[] = [];
  if (flagged) {
    for (const e of focus) {
      if (crossVendorFollowOn.length >= 6) break;
      if (e.source === flagged.source || e.ts < flagged.ts || e.ts - flagged.ts > 2 * 3_600_000 || e.outcome === "failure" || !isChange(e)) continue;
      const t = `${norm(e.resource.type)}|${norm(e.action)}|${norm(e.category)}`;
      if (changeDirection(e) === "weaker" || isSilencing(e) || (e.operation === "create" && CRED_RE.test(t)) || (/monitor|rule|detection|logpush|archive|audit/.test(t) && e.operation === "delete")) crossVendorFollowOn.push(e.id);
    }
  }
  // a credential created in the focus period, then key- or token-authenticated activity from an address the actor had not used
  const created = focus.find((e) => e.operation === "create" && e.outcome !== "failure" && CRED_RE.test(`${norm(e.resource.type)}|${norm(e.action)}`));
  if (created) {
    const known = new Set(corr.baseline.ips);
    if (created.ip) known.add(created.ip);
    for (const e of focus) {
      if (newCredentialNewNetwork.length >= 6) break;
      if (e.ts <= created.ts || !e.ip || known.has(e.ip)) continue;
      if (/key|token|api/.test(norm(e.actor.auth)) || e.actor.token_name) newCredentialNewNetwork.push(created.id, e.id);
    }
  }
  let after = 0, withIp = 0, newIp = 0, changes = 0, deletes = 0;
  const products = new Set<string>(), vendors = new Set<string>();
  const knownIps = new Set(corr.baseline.ips);
  for (const e of focus) {
    vendors.add(e.source);
    if (e.ip) (withIp++, knownIps.has(e.ip) || newIp++);
    if (!isChange(e) || e.outcome === "failure") continue;
    changes++;
    if (e.operation === "delete") deletes++;
    products.add(`${e.source}|${norm(e.category) || norm(e.resource.type)}`);
    if (flagged && e.ts > flagged.ts) after++;
  }
  const shape = { after, products: products.size, newIpShare: withIp && corr.baseline.events ? newIp / withIp : 0, bothVendors: vendors.size > 1, deleteShare: changes ? deletes / changes : 0 };
  return {
    shape,
    crossVendorFollowOn,
    newCredentialNewNetwork,
    observabilityPrepared,
    silencedAroundChange, sensitiveChanges, overbroadScope, correctedLater, errorBeforeChange, repeatedElsewhere, boundedChanges, restrictedSource, replacement, flaggedDoneBefore, threatIntel, enumeration, personalIdentity };
}


/** Words of a change that name what it touched: resource name and id, host names in its new value (at least six characters). */
function namesOf(e: AuditEvent): string[] {
  const out = new Set<string>();
  for (const s of [e.resource.name, e.resource.id]) if (s && s.length >= 6) out.add(s.toLowerCase());
  for (const m of changeValues(e).slice(0, 4000).toLowerCase().matchAll(/"(?:hostname|domain|host|name|url)"\s*:\s*"([^"]{6,120})"/g)) out.add(m[1]!.replace(/^https?:\/\//, ""));
  return [...out].slice(0, 8);
}

/**
 * What became of a weakening afterwards: put right by a stronger change to the same resource (a correction), or left in
 * place;
 * and changes hours after the flagged one that name what it touched (a fix made late, once the problem was noticed).
 */
export function aftermath(corr: Correlation, focus: AuditEvent[]) {
  const weakenedThenStrengthened: string[] = [], leftWeakened: string[] = [], lateFix: string[] = [];
  const flagged = corr.events.find((e) => corr.flagged.event_ids.includes(e.id));
  const open = new Map<string, AuditEvent>();
  const names = flagged ? namesOf(flagged) : [];
  for (const e of focus) {
    if (e.outcome === "failure") continue;
    if (!isChange(e)) {
      continue;
    }
    const k = resKey(e);
    const d = changeDirection(e);
    const w = open.get(k);
    if (w && d === "stronger") {
      weakenedThenStrengthened.push(w.id, e.id);
      open.delete(k);
    } else if (d === "weaker" && !w && open.size < 50) open.set(k, e);
    if (flagged && e !== flagged && e.ts - flagged.ts >= 2 * 3_600_000 && lateFix.length < 4 && names.length) {
      const text = `${(e.resource.name ?? "").toLowerCase()}|${(e.resource.id ?? "").toLowerCase()}|${changeValues(e).slice(0, 4000).toLowerCase()}`;
      if (names.some((n) => text.includes(n))) lateFix.push(flagged.id, e.id);
    }
  }
  for (const w of open.values()) if (leftWeakened.length < 6) leftWeakened.push(w.id);
  return { weakenedThenStrengthened: weakenedThenStrengthened.slice(0, 8), leftWeakened, lateFix };
}
