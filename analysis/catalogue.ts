// The indicator catalogue as declared data: entries mapping audit-event patterns of both vendors to ATT&CK, plus
// context indicators derived from the correlation (first-seen places, reverts, tickets, automation, rotation…).
// Patterns are matched case-insensitively against normalised strings (spaces/hyphens folded to "_"); the compiled
// form that matches events is analysis/matcher.ts, the indicators built from it analysis/indicators.ts.
import type { Operation, SourceName } from "../domain/events.ts";
import type { Indicator, Severity } from "../domain/schemas.ts";

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
export const ARCHIVE = /^(archive|archives|log_archive|logs_archive)$/;
const DNS_RECORD = /dns|record/;
export const CREDENTIAL_WORDS = /token|api_key|application_key|app_key|credential|secret/;
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
