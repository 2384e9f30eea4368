// The indicator catalogue: declared data entries mapping audit-event patterns of both vendors to ATT&CK, plus
// context indicators derived from the correlation (first-seen places, reverts, tickets, automation, rotation…).
// Patterns are matched case-insensitively against normalised strings (spaces/hyphens folded to "_").
import type { AuditEvent, Operation, SourceName } from "../domain/events.ts";
import type { Indicator, Severity } from "../domain/schemas.ts";
import type { Correlation } from "./timeline.ts";
import { eventKey, norm, opOf, removedRecord, settingOf, textOf } from "./text.ts";
import { changeDirection, destinationAccounts, destinationChanged, mailAuthWeakened, oldValueOf, opensToEveryone, silenceIsBounded } from "./posture.ts";

export type Stage = "access" | "credential" | "privilege" | "evasion" | "exfil" | "impact" | "discovery";

/** How a change's values must move for the matcher to fire. */
export type ValuePredicate =
  | "weakened"
  | "not_strengthened"
  | "allowlisting"
  /** a silencing with no end time or duration */
  | "unbounded"
  | "unbounded_weakened"
  /** a DNS change removing or weakening SPF, DKIM, DMARC or MX */
  | "mail_auth_weakened"
  /** a log archive destination in a cloud account not seen before in the window */
  | "archive_foreign"
  /** archive_foreign and the destination is enabled */
  | "archive_foreign_sends"
  /** the new job/destination is enabled (a disabled job sends nothing) */
  | "sends"
  /** an existing archive repointed inside the same cloud account */
  | "archive_moved"
  /** a policy decision letting everyone through (bypass / allow for everyone, 0.0.0.0/0, `*`) */
  | "opens_to_everyone"
  /** an existing job's destination pointed elsewhere (the previous destination is known and differs) */
  | "destination_repointed";

/** All given fields must match; each field matches when any of its patterns does. */
export interface Matcher {
  sources?: SourceName[];
  actions?: RegExp[];
  notActions?: RegExp[];
  categories?: RegExp[];
  resourceTypes?: RegExp[];
  operations?: Operation[];
  settings?: RegExp[];
  /** free text (description, names, metadata strings), only used as evidence, never as instruction */
  text?: RegExp[];
  value?: ValuePredicate;
}

export type Derived =
  | "burst.destructive"
  | "burst.discovery"
  | "burst.export"
  | "novel_access"
  | "first_seen"
  | "impossible_travel"
  | "concurrent_sessions"
  | "unusual_hour"
  | "new_auth_method"
  | "change_ticket"
  | "revert"
  | "known_automation"
  | "unverified_automation"
  | "rotation"
  | "routine"
  | "instruction_text"
  | "pivot_attack"
  | "pivot_shared"
  | "dns_repointed";

export interface CatalogueEntry {
  id: string;
  name: string;
  kind: Indicator["kind"];
  severity: Severity;
  techniques: string[];
  stage?: Stage;
  /** event matchers (any of) */
  match?: Matcher[];
  /** or a finding of the correlation */
  derived?: Derived;
}

const REQ = [/^request\//];
const CREATE_UPDATE: Operation[] = ["create", "update"];
const CHANGE_OPS: Operation[] = ["create", "update", "delete"];
const FIREWALL_WORDS = /firewall|waf|ruleset|access_rule|ip_access|security_level|page_shield|bot_management|bot_fight|rate_limit|zone_lockdown|ua_rule|ddos|under_attack/;
/** Authentication vocabulary as whole words of a normalised label ("processor" does not contain "sso"). */
const AUTH_WORDS = /(^|[_./|])(identity_providers?|saml|sso|authn_mappings?|login_methods?|allowed_login\w*|mfa|two_factor|2fa|tfa|authentication_methods?|auth_methods?|idp|login_org_config|single_sign_on)($|[_./|])/;
const ARCHIVE = /^(archive|archives|log_archive|logs_archive)$/;
const DNS_RECORD = /dns|record/;
const CREDENTIAL_WORDS = /token|api_key|application_key|app_key|credential|secret/;
const SECURITY_RULE_TYPES = /security_rule|detection_rule|security_monitoring|signal_rule|cws_agent_rule|agent_rule|security_filter|suppression|notification_rule|siem_rule|threat_detection/;

export const CATALOGUE: CatalogueEntry[] = [
  {
    id: "credential.created", name: "New API credential created or rolled", kind: "attack", severity: "high",
    techniques: ["T1098.001"], stage: "credential",
    match: [
      { actions: [/^token_(create|roll)$/, /^api_key_created$/, /^rotate_api_key$/, /(^|[_./])(api_)?(token|api_key|application_key|app_key)s?[_./](create|created|roll|rolled|generate|regenerate)$/], notActions: REQ },
      { resourceTypes: [/^(api_key|application_key|app_key|service_account_application_key|personal_access_token|access_token|api_token|token|client_token)s?$/], operations: ["create"], notActions: REQ },
      { categories: [/(^|_)(api_)?tokens?$|api_keys?$|credentials?$/], operations: ["create"], notActions: REQ },
      { categories: [/(^|_)(api_)?tokens?$|api_keys?$|credentials?$/], operations: ["update"], text: [/\b(roll|rolled|regenerat|rotat)/i], notActions: REQ },
    ],
  },
  {
    id: "credential.viewed", name: "Standing secret viewed", kind: "attack", severity: "medium",
    techniques: ["T1552"], stage: "credential",
    match: [
      { actions: [/^api_key_view$/, /(api_key|token|secret)s?[_./]?(view|viewed|reveal|revealed)$/], notActions: REQ },
      { resourceTypes: [/^(api_key|application_key|secret)s?$/], operations: ["view"], notActions: REQ },
    ],
  },
  {
    id: "privilege.granted", name: "Role granted or privileges widened", kind: "attack", severity: "high",
    techniques: ["T1098.003"], stage: "privilege",
    match: [
      { resourceTypes: [/^roles?$|^user_roles?$|role_assignment|permission|restriction_polic/], operations: CREATE_UPDATE, notActions: REQ },
      { resourceTypes: [/^users?$|^members?$|membership/], operations: ["update"], text: [/\brole|admin|permission|owner|super/i], notActions: REQ },
      { categories: [/^members?$|membership|^roles?$/], operations: ["update"], notActions: REQ },
      { actions: [/(member|membership|role|permission)s?[_./]?(update|edit|change|modify|modified|grant|granted|assign|assigned)|grant_role|add_role/], notActions: REQ },
      { text: [/\b(added|assigned|granted)\b.{0,80}\b(to|the) (the )?role\b/i], notActions: REQ },
    ],
  },
  {
    id: "account.created", name: "New member or user created", kind: "attack", severity: "high",
    techniques: ["T1136.003"], stage: "privilege",
    match: [
      { resourceTypes: [/^users?$|^service_accounts?$|^members?$|^invites?$/], operations: ["create"], notActions: REQ },
      { categories: [/^members?$|membership/], operations: ["create"], notActions: REQ },
      { actions: [/(member|user|invite)s?[_./]?(add|added|create|created|invite|invited)$|^invite|add_member|member_add/], notActions: REQ },
    ],
  },
  {
    id: "admin.removed", name: "Other members removed or disabled", kind: "attack", severity: "high",
    techniques: ["T1531"], stage: "impact",
    match: [
      { resourceTypes: [/^users?$|^members?$|membership/], operations: ["delete"], notActions: REQ },
      { resourceTypes: [/^users?$|^members?$/], operations: ["update"], text: [/\b(disabled|deactivated|suspended|removed)\b/i], notActions: REQ },
      { categories: [/^members?$|membership/], operations: ["delete"], notActions: REQ },
      { actions: [/(member|user)s?[_./]?(remove|removed|delete|deleted|del|disable|disabled)$/], notActions: REQ },
    ],
  },
  {
    id: "auth.modified", name: "MFA, SSO or login methods changed", kind: "attack", severity: "critical",
    techniques: ["T1556"], stage: "privilege",
    match: [
      { resourceTypes: [AUTH_WORDS], operations: CHANGE_OPS, notActions: REQ, value: "not_strengthened" },
      { actions: [AUTH_WORDS], notActions: [...REQ, /(^|[_./])(login|logout)$/], value: "not_strengthened" },
      { settings: [AUTH_WORDS, /require_.*auth/], value: "not_strengthened" },
      { text: [/\b(mfa|two[-\s]factor|2fa|sso|saml|login methods?)\b.{0,40}\b(disabled|removed|turned off|changed|modified)\b/i], notActions: REQ },
    ],
  },
  {
    id: "logging.impaired", name: "Audit logging disabled, retention lowered, log exclusion or Logpush change", kind: "attack",
    severity: "critical", techniques: ["T1562.008"], stage: "evasion",
    match: [
      { resourceTypes: [/audit_logs?_settings|audit_trail|audit_logs?$/], operations: ["update", "delete"], value: "not_strengthened" },
      { resourceTypes: [/exclusion_?filters?/], operations: CREATE_UPDATE },
      { actions: [/exclusion_?filter/], operations: CREATE_UPDATE, notActions: REQ },
      { resourceTypes: [/^(index|indexes|log_index|logs_index|pipeline|pipeline_processor|logs_pipeline|processor)$/], operations: ["delete"] },
      { resourceTypes: [/^(index|indexes|log_index|logs_index|pipeline|pipeline_processor|logs_pipeline|processor)$/], operations: ["update"], value: "weakened" },
      { actions: [/logpush/], operations: ["delete"] },
      { categories: [/logpush/], operations: ["delete"] },
      { actions: [/logpush/], operations: ["update"], value: "weakened" },
      { categories: [/logpush/], operations: ["update"], value: "weakened" },
      { categories: [/logpush/], operations: ["update"], value: "destination_repointed" },
      { actions: [/audit[_a-z]{0,12}(disable|off)|disable[_a-z]{0,12}audit/] },
      { resourceTypes: [ARCHIVE], operations: ["delete"] },
      { resourceTypes: [ARCHIVE], operations: ["update"], value: "archive_moved" },
      { resourceTypes: [ARCHIVE], operations: ["update"], value: "weakened" },
    ],
  },
  {
    id: "firewall.weakened", name: "Firewall, WAF or security level weakened", kind: "attack", severity: "high",
    techniques: ["T1562.007"], stage: "evasion",
    match: [
      { settings: [/security_level|waf|firewall|browser_check|challenge|bot_fight|^ssl$|min_tls|always_use_https|ddos|under_attack|hotlink|ip_geolocation|opportunistic|tls_1_3|security_header|email_obfuscation/], value: "weakened" },
      { actions: [FIREWALL_WORDS], operations: ["delete"] },
      { categories: [FIREWALL_WORDS], operations: ["delete"] },
      { actions: [FIREWALL_WORDS], operations: CREATE_UPDATE, value: "weakened" },
      { categories: [FIREWALL_WORDS], operations: CREATE_UPDATE, value: "weakened" },
      { actions: [FIREWALL_WORDS], operations: CREATE_UPDATE, value: "allowlisting" },
      { categories: [FIREWALL_WORDS], operations: CREATE_UPDATE, value: "allowlisting" },
    ],
  },
  {
    id: "detection.impaired", name: "Detection rule deleted or disabled, monitor muted or deleted", kind: "attack",
    severity: "high", techniques: ["T1562.001"], stage: "evasion",
    match: [
      { resourceTypes: [SECURITY_RULE_TYPES], operations: ["delete"] },
      { resourceTypes: [SECURITY_RULE_TYPES], operations: ["update"], value: "weakened" },
      { resourceTypes: [/suppression|downtime|mute/], operations: ["create"], value: "unbounded" },
      { categories: [/cloud_security|security_monitoring|siem|cloud_siem/], operations: ["delete"], notActions: REQ },
      { resourceTypes: [/^monitors?$/], operations: ["delete"] },
      { resourceTypes: [/^monitors?$/], actions: [/(^|[_./])mute|muted$/], value: "unbounded" },
      { resourceTypes: [/^monitors?$/], operations: ["update"], value: "unbounded_weakened" },
      { resourceTypes: [/^monitors?$/], operations: ["update"], text: [/\bmuted\b|\bsilenced\b/i], value: "unbounded" },
      { actions: [/^monitor[_./]?(delete|deleted)/] },
      { actions: [/^monitor[_./]?mute/], value: "unbounded" },
    ],
  },
  {
    id: "policy.opened", name: "Access policy or rule opened to everyone (bypass, allow all, 0.0.0.0/0)", kind: "attack",
    severity: "high", techniques: ["T1556.009"], stage: "evasion",
    match: [{ operations: CREATE_UPDATE, notActions: REQ, value: "opens_to_everyone" }],
  },
  {
    id: "exfil.new_destination", name: "Logs or data sent to a new destination", kind: "attack", severity: "high",
    techniques: ["T1537"], stage: "exfil",
    match: [
      { resourceTypes: [ARCHIVE], operations: CREATE_UPDATE, value: "archive_foreign_sends" },
      { actions: [/logpush/], operations: ["create"], value: "sends" },
      { categories: [/logpush/], operations: ["create"], value: "sends" },
      { actions: [/logpush/], operations: ["update"], settings: [/destination/] },
    ],
  },
  {
    id: "mail_auth.removed", name: "Mail authentication DNS records (SPF, DKIM, DMARC, MX) removed or weakened", kind: "attack",
    severity: "high", techniques: ["T1562"], stage: "evasion",
    match: [
      { resourceTypes: [DNS_RECORD], operations: ["delete", "update"], notActions: REQ, value: "mail_auth_weakened" },
      { actions: [/^rec_(del|delete|edit|update)$|dns_records?[_./](delete|update|edit)/], value: "mail_auth_weakened" },
      { categories: [/dns/], operations: ["delete", "update"], notActions: REQ, value: "mail_auth_weakened" },
    ],
  },
  { id: "destruction.burst", name: "Burst of deletions", kind: "attack", severity: "critical", techniques: ["T1485", "T1489"], stage: "impact", derived: "burst.destructive" },
  { id: "discovery.burst", name: "Bulk listing of users, keys or roles", kind: "attack", severity: "medium", techniques: ["T1087.004", "T1069.003"], stage: "discovery", derived: "burst.discovery" },
  { id: "collection.export_burst", name: "Bulk log or event export requests", kind: "attack", severity: "medium", techniques: ["T1530"], stage: "exfil", derived: "burst.export" },
  { id: "access.new_location", name: "Valid account used from a new place for sensitive changes", kind: "attack", severity: "high", techniques: ["T1078.004"], stage: "access", derived: "novel_access" },
  { id: "access.impossible_travel", name: "Impossible travel between consecutive events", kind: "attack", severity: "high", techniques: ["T1078.004"], stage: "access", derived: "impossible_travel" },
  { id: "access.concurrent_sessions", name: "Concurrent use from a known and a new network", kind: "attack", severity: "medium", techniques: ["T1550.004", "T1078.004"], stage: "access", derived: "concurrent_sessions" },
  { id: "pivot.shared_attacker_ip", name: "Other actors made sensitive changes from the same new address", kind: "attack", severity: "high", techniques: ["T1078.004"], stage: "access", derived: "pivot_attack" },
  { id: "dns.repointed", name: "DNS record repointed to a different target", kind: "attack", severity: "low", techniques: ["T1584.002"], derived: "dns_repointed" },
  { id: "context.first_seen", name: "First-seen address, client or country", kind: "context", severity: "low", techniques: [], derived: "first_seen" },
  { id: "context.unusual_hour", name: "Activity at an unusual hour for this actor", kind: "context", severity: "low", techniques: [], derived: "unusual_hour" },
  { id: "context.new_auth_method", name: "Authentication method not used before", kind: "context", severity: "low", techniques: [], derived: "new_auth_method" },
  { id: "context.instruction_text", name: "Instruction-like text in vendor data", kind: "context", severity: "medium", techniques: [], derived: "instruction_text" },
  { id: "context.unverified_automation", name: "Automation claimed but not verified", kind: "context", severity: "low", techniques: [], derived: "unverified_automation" },
  { id: "context.pivot_shared_ip", name: "Address shared with other members doing routine work", kind: "benign", severity: "info", techniques: [], derived: "pivot_shared" },
  { id: "context.change_ticket", name: "Change ticket or change window referenced", kind: "benign", severity: "info", techniques: [], derived: "change_ticket" },
  { id: "context.known_automation", name: "Known automation acting from its usual place", kind: "benign", severity: "info", techniques: [], derived: "known_automation" },
  { id: "context.rotation", name: "Credential rotation: new credential and old one revoked", kind: "benign", severity: "info", techniques: [], derived: "rotation" },
  { id: "context.routine", name: "Actions consistent with the actor's earlier work", kind: "benign", severity: "info", techniques: [], derived: "routine" },
  { id: "context.revert", name: "Change reverted", kind: "misconfig", severity: "medium", techniques: [], derived: "revert" },
];

const BY_ID = new Map(CATALOGUE.map((c) => [c.id, c]));
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return BY_ID.get(id);
}

// ---- value predicates -------------------------------------------------------------------------------------

export { changeDirection } from "./posture.ts";

/** What the dynamic matchers may know beyond the event: cloud accounts the org's archives already use. */
export interface MatchContext {
  knownAccounts: Set<string>;
}

/** The created object is explicitly disabled (enabled: false). */
function createdDisabled(e: AuditEvent): boolean {
  const n = e.change?.new;
  if (!n || typeof n !== "object") return false;
  const r = n as Record<string, unknown>;
  const v = r["enabled"] ?? r["is_enabled"] ?? r["active"];
  return v === false || v === "false";
}

function archiveForeign(e: AuditEvent, ctx: MatchContext | undefined): boolean {
  const acc = destinationAccounts(e.change?.new);
  if (!acc.length) return e.change?.new !== undefined ? destinationChanged(e.change?.old, e.change?.new) || e.change?.old === undefined : true;
  const prev = new Set(destinationAccounts(e.change?.old));
  return acc.some((a) => !prev.has(a) && !ctx?.knownAccounts.has(a));
}

function valueHolds(e: AuditEvent, p: ValuePredicate, ctx?: MatchContext): boolean {
  switch (p) {
    case "weakened":
      return changeDirection(e) === "weaker";
    case "not_strengthened":
      return changeDirection(e) !== "stronger";
    case "allowlisting": {
      const t = `${norm(e.action)} ${JSON.stringify(e.change?.new ?? "").slice(0, 500)} ${JSON.stringify(e.metadata ?? {}).slice(0, 500)}`.toLowerCase();
      return /"mode":"(whitelist|allow|bypass)"|"action":"(allow|bypass|skip)"|whitelist|allowlist/.test(t);
    }
    case "unbounded":
      return !silenceIsBounded(e);
    case "unbounded_weakened":
      return !silenceIsBounded(e) && changeDirection(e) === "weaker";
    case "mail_auth_weakened":
      return mailAuthWeakened(e, opOf(e));
    case "archive_foreign":
      return archiveForeign(e, ctx);
    case "archive_foreign_sends":
      return archiveForeign(e, ctx) && !createdDisabled(e);
    case "sends":
      return !createdDisabled(e);
    case "opens_to_everyone":
      // a credential's own permission policy is scoped by credential.created, not an opened door
      return !CREDENTIAL_WORDS.test(`${norm(e.action)}|${norm(e.resource.type)}|${norm(e.category)}`) && opensToEveryone(e);
    case "destination_repointed": {
      const o = oldValueOf(e);
      return opOf(e) === "update" && o !== undefined && e.change?.new !== undefined && destinationChanged(o, e.change.new);
    }
    case "archive_moved":
      return opOf(e) === "update" && e.change?.old !== undefined && destinationChanged(e.change?.old, e.change?.new) && !archiveForeign(e, ctx);
  }
}

// ---- matching ---------------------------------------------------------------------------------------------

const anyRe = (res: RegExp[] | undefined, s: string) => !res || res.some((r) => r.test(s));

/** A sign-in or sign-out record (Cloudflare v2 files them as `create` on a `session`): never a created user, key or setting. */
const SESSION_TYPE_RE = /^(user_)?sessions?$|^(login|logout)s?$/;

function staticMatch(m: Matcher, e: AuditEvent): boolean {
  if (m.sources && !m.sources.includes(e.source)) return false;
  if (SESSION_TYPE_RE.test(norm(e.resource.type)) && !m.resourceTypes?.some((r) => r.test("session"))) return false;
  const a = norm(e.action);
  if (m.notActions && m.notActions.some((r) => r.test(a))) return false;
  if (!anyRe(m.actions, a)) return false;
  if (!anyRe(m.categories, norm(e.category))) return false;
  if (m.resourceTypes && !m.resourceTypes.some((r) => r.test(norm(e.resource.type)))) return false;
  if (m.operations && !m.operations.includes(opOf(e))) return false;
  return true;
}

/** Whether one catalogue entry's event matchers fire on an event. `cache` memoises the static part by event key. */
export function entryMatches(entry: CatalogueEntry, e: AuditEvent, cache?: Map<string, boolean[]>): boolean {
  if (!entry.match || e.outcome === "failure") return false;
  let statics: boolean[] | undefined;
  if (cache) {
    const k = `${entry.id}|${e.source}|${eventKey(e)}`;
    statics = cache.get(k);
    if (!statics) {
      statics = entry.match.map((m) => staticMatch(m, e));
      cache.set(k, statics);
    }
  } else statics = entry.match.map((m) => staticMatch(m, e));
  return dynamicMatch(entry, e, statics);
}

function dynamicMatch(entry: CatalogueEntry, e: AuditEvent, statics: boolean[], ctx?: MatchContext): boolean {
  for (let i = 0; i < entry.match!.length; i++) {
    if (!statics[i]) continue;
    const m = entry.match![i]!;
    if (m.settings && !m.settings.some((r) => r.test(norm(settingOf(e))))) continue;
    if (m.value && !valueHolds(e, m.value, ctx)) continue;
    if (m.text && !m.text.some((r) => r.test(textOf(e, 2000)))) continue;
    return true;
  }
  return false;
}

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

const hitMemo = new WeakMap<Correlation, Map<string, { focus: string[]; baseline: number }>>();

/** Cloud accounts the org's log archives already used: earlier values of any archive, and baseline archives. */
export function knownArchiveAccounts(corr: Correlation): Set<string> {
  const out = new Set<string>();
  const add = (e: AuditEvent, withNew: boolean) => {
    if (!ARCHIVE.test(norm(e.resource.type))) return;
    for (const a of destinationAccounts(e.change?.old)) out.add(a);
    if (withNew) for (const a of destinationAccounts(e.change?.new)) out.add(a);
  };
  for (let i = 0; i < corr.events.length; i++) add(corr.events[i]!, i < corr.focus_start);
  for (const e of corr.pivot_events) add(e, e.ts < corr.focus_start_ts);
  return out;
}

/**
 * Event-level catalogue hits on the actor's events, split into focus period and baseline (memoised). `baseline`
 * counts earlier hits of the same entry with the same action as a focus hit: the same kind of change done before
 * (an earlier archive creation does not make a later archive repointing routine).
 */
export function matchEvents(corr: Correlation): Map<string, { focus: string[]; baseline: number }> {
  const memo = hitMemo.get(corr);
  if (memo) return memo;
  // the static part of every matcher depends only on (source, action, category, resource type, operation):
  // evaluate it once per distinct combination, then check settings/values/text per event
  const entries = CATALOGUE.filter((c) => c.match);
  const staticMemo = new Map<string, (boolean[] | undefined)[]>();
  const out = new Map<string, { focus: string[]; baseline: number }>();
  const baseActions = new Map<string, Map<string, number>>();
  const focusActions = new Map<string, Set<string>>();
  const ctx: MatchContext = { knownAccounts: knownArchiveAccounts(corr) };
  for (let i = 0; i < corr.events.length; i++) {
    const e = corr.events[i]!;
    if (e.outcome === "failure") continue;
    const k = `${e.source}|${eventKey(e)}`;
    let statics = staticMemo.get(k);
    if (!statics) {
      statics = entries.map((entry) => {
        const r = entry.match!.map((m) => staticMatch(m, e));
        return r.some(Boolean) ? r : undefined;
      });
      staticMemo.set(k, statics);
    }
    for (let j = 0; j < entries.length; j++) {
      const st = statics[j];
      if (!st) continue;
      const entry = entries[j]!;
      if (!dynamicMatch(entry, e, st, ctx)) continue;
      let hit = out.get(entry.id);
      if (!hit) out.set(entry.id, (hit = { focus: [], baseline: 0 }));
      const a = norm(e.action);
      if (i >= corr.focus_start) {
        if (hit.focus.length < 200) hit.focus.push(e.id);
        let fa = focusActions.get(entry.id);
        if (!fa) focusActions.set(entry.id, (fa = new Set()));
        fa.add(a);
      } else {
        let ba = baseActions.get(entry.id);
        if (!ba) baseActions.set(entry.id, (ba = new Map()));
        ba.set(a, (ba.get(a) ?? 0) + 1);
      }
    }
  }
  for (const [id, hit] of out) {
    const ba = baseActions.get(id);
    const fa = focusActions.get(id);
    if (!ba) continue;
    if (!fa) {
      for (const n of ba.values()) hit.baseline += n;
      continue;
    }
    for (const a of fa) hit.baseline += ba.get(a) ?? 0;
  }
  hitMemo.set(corr, out);
  return out;
}

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
  const cache = new Map<string, boolean[]>();
  const attackEntries = CATALOGUE.filter((c) => c.match && c.kind === "attack" && SEV_RANK[c.severity] >= 3);
  const pivAttackIds: string[] = [];
  for (const p of corr.pivots) {
    if (!p.new_for_actor) continue;
    for (const id of p.event_ids) {
      const e = pivotById.get(id);
      if (e && attackEntries.some((c) => entryMatches(c, e, cache))) pivAttackIds.push(id);
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
