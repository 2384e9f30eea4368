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
// What the rules read is built once per assessment by analysis/evidence-context.ts.
import type { Verdict } from "../domain/schemas.ts";
import { type EvidenceContext, evidenceContext } from "./evidence-context.ts";
import { isChange } from "./evidence-structure.ts";
import { catalogueEntry } from "./indicators.ts";

export { evidenceContext, type EvidenceContext };

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
  // —— what became of it ——
  { id: "mis.weakening_corrected", cls: "misconfiguration", why: "a weakening put right later by a stronger change to the same resource", eval: (c) => fire(c.weakenedThenStrengthened) },
  { id: "mis.left_weakened", cls: "misconfiguration", why: "a weakening left in place with no end time and no correction", eval: (c) => fire(c.leftWeakened.filter((id) => !c.boundedChanges.includes(id))) },
  { id: "mis.late_fix", cls: "misconfiguration", why: "hours after the flagged change, a change naming what it touched (a fix once the problem was noticed)", eval: (c) => fire(c.lateFix) },
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
