// The evidence table: every named piece of evidence the deterministic analyst weighs, as declared data.
//
// Each rule says which class it argues for, when it is present, how strongly (an activation in [0, 1]), why a
// reviewer should care, and which vendor events it rests on. The rules only observe; how much each one counts is
// learned from labelled incidents (analysis/weights.ts, `casefile fit`), never typed in by hand.
//
// Three families:
//   attack.*  — what an intruder's session looks like, product-agnostic where possible: access from a new place,
//               credentials minted or revealed, identity and trust changed, defences weakened, exposure to everyone,
//               data or logs sent to a new destination, bulk reads, an attack chain across stages;
//   mis.*     — what a faulty change looks like: a risky weakening with nothing of an attack around it, a change
//               undone, an over-broad grant, bulk deletions from a known place, a leaked-credential notice;
//   clear.*   — what explains the activity away (clearing evidence): routine consistent with the actor's history,
//               rotation, verification after the change, paired re-creation, read-only scope, a strengthening,
//               planned and ticketed work, incident work visible in the other vendor, clean-up mirrored across
//               vendors, verified automation, a bounded maintenance window.
// context.* rules are facts (service account, API-key authentication, data gaps) that the fit may weigh either way.
import type { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";
import type { Indicator, Verdict } from "../domain/schemas.ts";
import type { Correlation } from "./timeline.ts";
import { burstIsRoutine, catalogueEntry, matchEvents, restoredChanges, type Stage } from "./indicators.ts";
import { changeDirection, isSilencing, opensToEveryone, silenceIsBounded } from "./posture.ts";
import { norm, textOf } from "./text.ts";

export type Label = Exclude<Verdict, "inconclusive">;

export interface Activation {
  /** in (0, 1]; 0 or undefined means the rule did not fire */
  strength: number;
  ids: string[];
}

export interface EvidenceRule {
  id: string;
  cls: Label;
  /** evidence that explains the activity away; a model may only lower a verdict by citing it */
  clearing?: boolean;
  why: string;
  /** whether the rule applies, its strength and the events it rests on */
  eval(ctx: EvidenceContext): Activation | undefined;
}

const WEAKENING = new Set(["logging.impaired", "firewall.weakened", "detection.impaired", "auth.modified", "mail_auth.removed", "policy.opened"]);
const BURST_OF: Record<string, string> = { "destruction.burst": "destructive", "discovery.burst": "discovery", "collection.export_burst": "export" };
const GRANTS = new Set(["privilege.granted", "account.created"]);
const CRED_RE = /token|api_?key|application_?key|app_?key|credential|secret|access_?key|service_?token|client_?secret|password/;
const READ_ONLY_RE = /\b(read|read_?only|readonly|viewer|view|get|list|query|audit_?log_?read|logs_read_data|analytics|reports?)\b/;
const WRITE_RE = /\b(write|edit|admin|administrator|manage|owner|delete|create|update|full|all|super|modify|deploy|put|post)\b/;
const VERIFY_RE = /(^|[_./|])(test|tested|verify|verified|validate|validated|check|checked|health|preview|dry_?run|connectivity|debug|trace|lookup|get|read|view|list|show|describe)($|[_./|])/;
const INCIDENT_RE = /incident|alert|trigger|triggered|resolve|resolved|page|pager|on_?call|outage|degrad|postmortem|acknowledg|escalat|status_?page/;
const LEAK_RE = /\b(detected|found|exposed|leaked|leak|published|committed)\b[^.\n]{0,80}\b(keys?|tokens?|secrets?|credentials?)\b[^.\n]{0,80}\b(public|repository|repo|github|gitlab|bitbucket|paste(bin)?|internet)\b|\b(keys?|tokens?|secrets?|credentials?)\b[^.\n]{0,40}\b(leaked|exposed)\b/i;
const ADMIN_RE = /\b(admin|admins|administrator|administrators|owner|owners|super[\s_-]?admin|super[\s_-]?user|superuser|full[\s_-]access|all[\s_-]privileges|account[\s_-]admin)\b/i;
const OUTSIDER_RE = /\b(contractor|consultant|consultancy|vendor|external|third[\s-]party|guest|freelancer|agency|partner)\b/i;
const EMAIL_RE = /[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;
const HOST_RE = /\b((?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|app|co|cloud|xyz|ru|cn|top|info|biz|site|online|me|sh|us|uk|de|eu))\b/gi;
const FAIL_LOGIN_RE = /login|sign_?in|authenticat|session/;
const MAX_SCAN = 50_000;
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
  /** numeric shape of the focus period */
  shape: { after: number; products: number; newIpShare: number; bothVendors: boolean; deleteShare: number };
}

const ind = (ctx: EvidenceContext, id: string) => ctx.indicators.find((i) => i.id === id);
const counted = (ctx: EvidenceContext, id: string) => ctx.counted.find((i) => i.id === id);
/** Fires when the list of supporting events is not empty. */
const fire = (ids: string[], strength = 1): Activation | undefined => (ids.length > 0 && strength > 0 ? { strength: Math.min(1, strength), ids: ids.slice(0, 10) } : undefined);
/** Fires when the condition holds, whatever events it cites. */
const fireIf = (cond: unknown, ids: string[] = [], strength = 1): Activation | undefined => (cond && strength > 0 ? { strength: Math.min(1, strength), ids: ids.slice(0, 10) } : undefined);
/** Fires when the indicator is present (routine or not), citing its events. */
const present = (id: string) => (ctx: EvidenceContext) => {
  const i = ind(ctx, id);
  return i ? fireIf(true, i.event_ids) : undefined;
};
/** One catalogue indicator counted (not routine): strength grows with its event count. */
const countedRule = (id: string) => (ctx: EvidenceContext) => {
  const i = counted(ctx, id);
  return i ? fire(i.event_ids, 0.75 + 0.25 * Math.min(1, (i.event_ids.length - 1) / 3)) : undefined;
};

/** The evidence table. Order is the report's order among equal contributions; ids are stable (weights refer to them). */
export const EVIDENCE: readonly EvidenceRule[] = [
  // —— attack: access ——
  { id: "attack.new_place", cls: "likely_malicious", why: "sensitive changes from an address, network or client not seen earlier for this actor", eval: countedRule("access.new_location") },
  { id: "attack.impossible_travel", cls: "likely_malicious", why: "impossible travel between consecutive events", eval: present("access.impossible_travel") },
  { id: "attack.concurrent_sessions", cls: "likely_malicious", why: "a known and a first-seen network used alternately within minutes", eval: present("access.concurrent_sessions") },
  { id: "attack.first_seen", cls: "likely_malicious", why: "a first-seen address, client or country around the anomaly", eval: (c) => fireIf(ind(c, "context.first_seen") || ind(c, "access.new_location"), (ind(c, "context.first_seen") ?? ind(c, "access.new_location"))?.event_ids) },
  { id: "attack.unusual_hour", cls: "likely_malicious", why: "activity at an hour this actor was not active earlier", eval: present("context.unusual_hour") },
  { id: "attack.new_auth_method", cls: "likely_malicious", why: "an authentication method the actor had not used before", eval: present("context.new_auth_method") },
  { id: "attack.failed_logins", cls: "likely_malicious", why: "failed sign-ins or authentication failures before the activity", eval: (c) => fire(c.failedLogins, c.failedLogins.length / 2) },
  { id: "attack.shared_attacker_ip", cls: "likely_malicious", why: "other identities made sensitive changes from the actor's first-seen address", eval: present("pivot.shared_attacker_ip") },
  { id: "attack.unverified_automation", cls: "likely_malicious", why: "an automation claim (client or identity) that the actor's history does not back", eval: (c) => fireIf(ind(c, "context.unverified_automation") && c.novel, ind(c, "context.unverified_automation")?.event_ids) },
  { id: "attack.no_baseline", cls: "likely_malicious", why: "no earlier activity of the actor in the window (a dormant or new identity)", eval: (c) => fireIf(c.corr.baseline.events === 0 && c.corr.events.length > 0, []) },
  // —— attack: what was done ——
  { id: "attack.credential_minted", cls: "likely_malicious", why: "an API credential created or rolled, not as part of a rotation", eval: countedRule("credential.created") },
  { id: "attack.secret_viewed", cls: "likely_malicious", why: "a standing secret revealed", eval: countedRule("credential.viewed") },
  { id: "attack.credential_used_elsewhere", cls: "likely_malicious", why: "a credential the actor created was then used to change configuration by another identity or from another network", eval: (c) => fire(c.credentialUsedElsewhere) },
  { id: "attack.privilege_granted", cls: "likely_malicious", why: "a role granted or privileges widened", eval: (c) => (c.overbroad.length || c.widenedRoles.length ? undefined : countedRule("privilege.granted")(c)) },
  { id: "clear.credential_only_read", cls: "benign", clearing: true, why: "the credential the actor created was afterwards only used to read or send data, never to change configuration", eval: (c) => fire(c.credentialOnlyRead) },
  { id: "attack.self_granted", cls: "likely_malicious", why: "the actor granted privileges to itself", eval: (c) => fire(c.selfGrant) },
  { id: "attack.member_added", cls: "likely_malicious", why: "a new member or user created", eval: countedRule("account.created") },
  { id: "attack.others_removed", cls: "likely_malicious", why: "other members removed or disabled, or their credentials revoked", eval: countedRule("admin.removed") },
  { id: "attack.identity_trust_changed", cls: "likely_malicious", why: "MFA, SSO, identity provider or login methods changed", eval: countedRule("auth.modified") },
  { id: "attack.logging_impaired", cls: "likely_malicious", why: "audit logging, retention or log delivery impaired", eval: countedRule("logging.impaired") },
  { id: "attack.defences_weakened", cls: "likely_malicious", why: "a firewall, WAF, detection rule or monitor weakened, deleted or muted", eval: (c) => countedRule("firewall.weakened")(c) ?? countedRule("detection.impaired")(c) },
  { id: "attack.exposed_to_everyone", cls: "likely_malicious", why: "a policy or resource opened to everyone (bypass, allow all, 0.0.0.0/0, public)", eval: (c) => fire([...(counted(c, "policy.opened")?.event_ids ?? []), ...c.openedToEveryone]) },
  { id: "attack.new_destination", cls: "likely_malicious", why: "logs or data sent to a destination not seen before", eval: countedRule("exfil.new_destination") },
  { id: "attack.external_target", cls: "likely_malicious", why: "a change points at a domain or host outside those the actor's work already used", eval: (c) => fire(c.externalTargets, c.externalTargets.length / 2) },
  { id: "attack.mail_or_dns_hijack", cls: "likely_malicious", why: "mail authentication removed or a DNS name repointed to another target", eval: (c) => fire([...(counted(c, "mail_auth.removed")?.event_ids ?? []), ...(ind(c, "dns.repointed")?.event_ids ?? [])]) },
  { id: "attack.destruction_burst", cls: "likely_malicious", why: "a burst of deletions", eval: countedRule("destruction.burst") },
  { id: "attack.discovery_burst", cls: "likely_malicious", why: "bulk listing of users, keys or roles", eval: countedRule("discovery.burst") },
  { id: "attack.bulk_read", cls: "likely_malicious", why: "bulk export or read of logs and data", eval: countedRule("collection.export_burst") },
  { id: "attack.weakening_any_product", cls: "likely_malicious", why: "a setting weakened according to its before and after values", eval: (c) => fire(c.weakerChanges, c.weakerChanges.length / 2) },
  { id: "attack.chain", cls: "likely_malicious", why: "an attack chain across stages (access, credentials, privileges, evasion, exfiltration, impact)", eval: (c) => fire(c.counted.flatMap((i) => i.event_ids.slice(0, 2)), (c.stages.size - 1) / 3) },
  { id: "attack.instruction_text", cls: "likely_malicious", why: "instruction-like text planted in vendor data (read as data, weighed as a manipulation attempt)", eval: present("context.instruction_text") },
  // —— misconfiguration ——
  { id: "mis.weakening_alone", cls: "misconfiguration", why: "a risky weakening of defences with no credential, privilege, access or exfiltration activity around it", eval: (c) => fireIf(c.weakAll.length && !attackAround(c), c.weakAll.flatMap((i) => i.event_ids.slice(0, 5))) },
  { id: "mis.reverted", cls: "misconfiguration", why: "a change around the anomaly was undone (changed and then restored)", eval: (c) => fire(c.focusReverts) },
  { id: "mis.earlier_reverts", cls: "misconfiguration", why: "earlier changes in the window were undone", eval: (c) => fire(c.earlierReverts, 0.5 + c.earlierReverts.length / 8) },
  { id: "mis.overbroad_grant", cls: "misconfiguration", why: "an administrator-level role granted to an identity outside the organisation by the actor's usual self", eval: (c) => fire(c.overbroad) },
  { id: "mis.role_widened", cls: "misconfiguration", why: "a shared role's definition widened with administrative permissions by the actor's usual self", eval: (c) => fire(c.widenedRoles) },
  { id: "mis.bulk_delete_known_place", cls: "misconfiguration", why: "bulk deletions from the actor's usual place with no credential or privilege activity", eval: (c) => { const d = counted(c, "destruction.burst"); return fireIf(d && !attackAround(c), d?.event_ids); } },
  { id: "mis.leaked_credential_notice", cls: "misconfiguration", why: "the vendor reported one of the actor's credentials exposed (a credential-hygiene failure)", eval: (c) => fire(c.leaks) },
  { id: "mis.unbounded_silence", cls: "misconfiguration", why: "alerting silenced with no end time", eval: (c) => fire(c.unboundedSilence) },
  { id: "mis.risky_automation", cls: "misconfiguration", why: "verified automation made a risky change (a faulty run)", eval: (c) => fireIf(c.corr.automation.known && (c.weakAll.length || ind(c, "destruction.burst")), c.corr.automation.event_ids) },
  { id: "mis.changed_back_by_other", cls: "misconfiguration", why: "another identity changed the same resource back afterwards", eval: (c) => fire(c.changedBackByOther) },
  { id: "mis.paired_same_value", cls: "misconfiguration", why: "resources deleted and re-created as they were (a faulty bulk change put right)", eval: (c) => fire(c.pairedSameValue, c.pairedSameValue.length / 4) },
  // —— clearing ——
  { id: "clear.continues_routine", cls: "benign", clearing: true, why: "the actions around the anomaly continue the actor's earlier work", eval: (c) => fire(ind(c, "context.routine")?.event_ids ?? [], c.routineShare) },
  { id: "clear.no_sensitive_change", cls: "benign", clearing: true, why: "no sensitive change beyond the actor's routine", eval: (c) => fireIf(!c.counted.length && !c.weakAll.length && !c.focusReverts.length && !c.leaks.length && !c.sensitiveChanges.length) },
  { id: "clear.same_place", cls: "benign", clearing: true, why: "the activity comes from the actor's known addresses and clients", eval: (c) => fireIf(!c.novel && c.corr.baseline.events >= 3, c.focus.slice(0, 2).map((e) => e.id)) },
  { id: "clear.rotation", cls: "benign", clearing: true, why: "credential rotation: a new credential and the old one revoked", eval: (c) => fireIf(c.rotation, ind(c, "context.rotation")?.event_ids) },
  { id: "clear.verification", cls: "benign", clearing: true, why: "the actor checked the changed resource right after the change (a test, a read, a sign-in through it)", eval: (c) => fire(c.verification) },
  { id: "clear.paired_recreation", cls: "benign", clearing: true, why: "each removal paired with a re-creation pointing at a new target (a migration)", eval: (c) => fire(c.pairedNewValue, c.pairedNewValue.length / 4) },
  { id: "clear.read_only_scope", cls: "benign", clearing: true, why: "the credential or role granted is read-only", eval: (c) => fire(c.readOnlyGrants) },
  { id: "clear.strengthening", cls: "benign", clearing: true, why: "the change strengthens a defence according to its before and after values", eval: (c) => fireIf(c.strongerChanges.length && !c.weakerChanges.length, c.strongerChanges) },
  { id: "clear.planned_bulk", cls: "benign", clearing: true, why: "bulk deletions each carrying a change reference, or approved beforehand for the same scope", eval: (c) => fire(c.planned?.ids ?? []) },
  { id: "clear.change_ticket", cls: "benign", clearing: true, why: "the change references a change ticket or change window", eval: (c) => fireIf(ind(c, "context.change_ticket") && c.focus.some((e) => isChange(e)), ind(c, "context.change_ticket")?.event_ids) },
  { id: "clear.incident_work", cls: "benign", clearing: true, why: "the actor was working an incident when the change was made (alerts, incidents, pages before it)", eval: (c) => fire(c.otherVendorIncident) },
  { id: "mis.trouble_after", cls: "misconfiguration", why: "alerts, errors or an incident followed the change", eval: (c) => fire(c.troubleAfter) },
  { id: "clear.mirrored_cleanup", cls: "benign", clearing: true, why: "the same clean-up done in both vendors (a decommission)", eval: (c) => fire(c.mirroredCleanup) },
  { id: "clear.known_automation", cls: "benign", clearing: true, why: "verified automation acting from its usual place", eval: (c) => fireIf(c.corr.automation.known && !c.novel, c.corr.automation.event_ids) },
  { id: "clear.maintenance_window", cls: "benign", clearing: true, why: "alerting silenced with an end time and restored afterwards (a planned maintenance window)", eval: (c) => fire(c.maintenance) },
  { id: "clear.shared_egress", cls: "benign", clearing: true, why: "the new address is shared by colleagues doing routine work", eval: (c) => fireIf(ind(c, "context.pivot_shared_ip") && !ind(c, "access.new_location"), ind(c, "context.pivot_shared_ip")?.event_ids) },
  { id: "clear.isolated_change", cls: "benign", clearing: true, why: "an isolated change from the actor's known place and client, no attack chain", eval: (c) => fireIf(!c.novel && c.stages.size <= 1 && c.counted.length > 0 && !c.weakAll.length && !counted(c, "destruction.burst") && !c.overbroad.length && !c.widenedRoles.length) },
  { id: "clear.discounted_routine", cls: "benign", clearing: true, why: "attack-shaped actions the actor already performed earlier in the window, or explained (rotation, planned)", eval: (c) => fire(c.discounted.flatMap((d) => d.ind.event_ids.slice(0, 2)), c.discounted.length / 2) },
  // —— structure of the change, any product ——
  { id: "attack.sensitive_change", cls: "likely_malicious", why: "security-relevant configuration changed (access, identity, credentials, logging, detection, routing)", eval: (c) => fire(c.sensitiveChanges, 0.5 + c.sensitiveChanges.length / 8) },
  { id: "attack.personal_identity", cls: "likely_malicious", why: "access or a destination given to a personal mailbox (webmail) identity", eval: (c) => fire(c.personalIdentity) },
  { id: "attack.threat_intel", cls: "likely_malicious", why: "the actor's address carries threat-intelligence tags (proxy, Tor, anonymiser)", eval: (c) => fire(c.threatIntel) },
  { id: "attack.enumeration", cls: "likely_malicious", why: "users, keys, roles or rules listed one after another around the change", eval: (c) => fire(c.enumeration, c.enumeration.length / 5) },
  { id: "mis.overbroad_scope", cls: "misconfiguration", why: "a scope, query or path that matches everything (*, all, an empty query)", eval: (c) => fire(c.overbroadScope) },
  { id: "mis.corrected_later", cls: "misconfiguration", why: "the actor changed the same resource again later (a correction)", eval: (c) => fire(c.correctedLater) },
  { id: "mis.error_before_change", cls: "misconfiguration", why: "a failed request just before the change (a work-around after an error)", eval: (c) => fire(c.errorBeforeChange) },
  { id: "mis.repeated_elsewhere", cls: "misconfiguration", why: "the same action repeated on another scope soon after (the intended target after a wrong one)", eval: (c) => fire(c.repeatedElsewhere) },
  { id: "attack.cross_vendor_follow_on", cls: "likely_malicious", why: "right after the flagged change, the other vendor's defences were weakened, alerting silenced or a credential minted", eval: (c) => fire(c.crossVendorFollowOn) },
  { id: "attack.new_credential_new_network", cls: "likely_malicious", why: "a credential created, then key- or token-authenticated activity from an address the actor had not used", eval: (c) => fire(c.newCredentialNewNetwork) },
  { id: "attack.alerting_silenced_around", cls: "likely_malicious", why: "alerting silenced or a monitor removed around the flagged change (blinding the defenders)", eval: (c) => fire(c.silencedAroundChange) },
  { id: "clear.observability_prepared", cls: "benign", clearing: true, why: "monitors, health checks or tests set up or run around the change", eval: (c) => fire(c.observabilityPrepared) },
  { id: "clear.bounded", cls: "benign", clearing: true, why: "the change bounds itself (an expiry, an end time)", eval: (c) => fire(c.boundedChanges) },
  { id: "clear.restricted_source", cls: "benign", clearing: true, why: "the credential or rule is restricted to given addresses", eval: (c) => fire(c.restrictedSource) },
  { id: "clear.replacement", cls: "benign", clearing: true, why: "a replacement created beside the removal (a migration or rotation)", eval: (c) => fire(c.replacement) },
  { id: "clear.flagged_action_before", cls: "benign", clearing: true, why: "the actor performed the flagged action earlier in the window", eval: (c) => fireIf(c.flaggedDoneBefore, c.corr.flagged.event_ids) },
  // —— context facts (weighed either way by the fit) ——
  { id: "context.key_authenticated", cls: "benign", why: "the actor authenticated with an API key or token", eval: (c) => fireIf(c.corr.automation.api_auth) },
  { id: "context.automation_identity", cls: "benign", why: "the actor is an automation or service identity", eval: (c) => fireIf(c.corr.automation.identity) },
  { id: "context.changes_after_flag", cls: "likely_malicious", why: "how much the actor changed after the flagged event", eval: (c) => fireIf(c.shape.after > 0, [], Math.log1p(c.shape.after) / 3) },
  { id: "context.products_touched", cls: "likely_malicious", why: "how many products the actor changed around the anomaly", eval: (c) => fireIf(c.shape.products > 1, [], (c.shape.products - 1) / 4) },
  { id: "context.new_address_share", cls: "likely_malicious", why: "the share of the actor's activity around the anomaly from addresses not seen before", eval: (c) => fireIf(c.shape.newIpShare > 0, [], c.shape.newIpShare) },
  { id: "context.both_vendors", cls: "benign", why: "the actor worked in both vendors around the anomaly", eval: (c) => fireIf(c.shape.bothVendors) },
  { id: "context.deletions_share", cls: "misconfiguration", why: "the share of deletions among the actor's changes around the anomaly", eval: (c) => fireIf(c.shape.deleteShare > 0, [], c.shape.deleteShare) },
  { id: "context.flagged_not_found", cls: "misconfiguration", why: "the flagged event itself was not found", eval: (c) => fireIf(c.corr.flagged.event_ids.length === 0) },
];

/** Credential, privilege, account, exfiltration or new-access activity counted around the anomaly. */
function attackAround(c: EvidenceContext): boolean {
  return c.counted.some((i) => ["credential.created", "privilege.granted", "account.created", "exfil.new_destination", "collection.export_burst", "admin.removed"].includes(i.id) || catalogueEntry(i.id)?.stage === "access");
}

const isChange = (e: AuditEvent) => e.operation === "create" || e.operation === "update" || e.operation === "delete";

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
    if (LEAK_RE.test(textOf(e, 600)) && /notif|secur|alert|leak|scan/.test(cat)) leaks.push(e.id);
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
    troubleAfter: incidents.after,
  };
}

/** Text of a change's new value and request body, lower-cased and bounded. */
function valueText(e: AuditEvent): string {
  const raw = e.raw as { resource?: { request?: unknown } } | undefined;
  const req = raw && typeof raw === "object" ? raw.resource?.request : undefined;
  let s = "";
  try {
    s = JSON.stringify([e.change?.new ?? null, req ?? null]) ?? "";
  } catch {
    return "";
  }
  return norm(s.slice(0, 3000)).replace(/_/g, " ");
}

/** Registrable part of a host name (last two labels, three for short second-level labels like co.uk). */
function registrable(host: string): string {
  const parts = host.replace(/\.$/, "").split(".");
  if (parts.length <= 2) return parts.join(".");
  const two = parts.slice(-2);
  return two[0]!.length <= 3 && two[1]!.length === 2 ? parts.slice(-3).join(".") : two.join(".");
}

/** Domains named in a change's values (emails, host names, URLs), as registrable domains; bounded. */
function hostsOf(e: AuditEvent, onlyValues = false): string[] {
  let s: string;
  try {
    s = onlyValues ? (JSON.stringify(e.change?.new ?? null) ?? "") : `${JSON.stringify(e.change?.new ?? null) ?? ""} ${JSON.stringify(e.change?.old ?? null) ?? ""} ${e.resource.name ?? ""}`;
  } catch {
    return [];
  }
  s = s.slice(0, 4000).toLowerCase();
  const out = new Set<string>();
  for (const m of s.matchAll(EMAIL_RE)) out.add(registrable(m[1]!));
  for (const m of s.matchAll(HOST_RE)) out.add(registrable(m[1]!));
  return [...out];
}

const resKey = (e: AuditEvent) => `${norm(e.resource.type)}|${(e.resource.name ?? e.resource.id ?? "").toLowerCase()}`;

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

/** Product-agnostic structure of the focus changes: what they touch, how wide, how bounded, what came around them. */
function changeStructure(corr: Correlation, focus: AuditEvent[]) {
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
    let v = "";
    try {
      const raw = e.raw as { resource?: { request?: unknown } } | undefined;
      v = (JSON.stringify([e.change?.new ?? null, raw && typeof raw === "object" ? (raw.resource?.request ?? null) : null]) ?? "").slice(0, 6000).toLowerCase();
    } catch {}
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

export const RULE_IDS: readonly string[] = EVIDENCE.map((r) => r.id);

export interface Fired {
  rule: EvidenceRule;
  strength: number;
  ids: string[];
}

/** Evaluates every rule; returns the activations (by table order) and the rules that fired. */
export function evaluateEvidence(ctx: EvidenceContext): { x: number[]; fired: Fired[] } {
  const x: number[] = new Array(EVIDENCE.length).fill(0);
  const fired: Fired[] = [];
  EVIDENCE.forEach((rule, i) => {
    const a = rule.eval(ctx);
    if (!a || !(a.strength > 0)) return;
    x[i] = a.strength;
    fired.push({ rule, strength: a.strength, ids: a.ids.filter((id, j, all) => all.indexOf(id) === j) });
  });
  return { x, fired };
}

