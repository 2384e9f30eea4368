// The one normalised event shape every vendor's audit record becomes.
// Vendor data is untrusted: every string here may be attacker-controlled text.
import { z } from "zod";

export const SOURCES = ["cloudflare", "datadog"] as const;
export const SourceName = z.enum(SOURCES);
export type SourceName = z.infer<typeof SourceName>;

/** Normalised verb across vendors. */
export const Operation = z.enum(["create", "update", "delete", "view", "login", "logout", "execute", "other"]);
export type Operation = z.infer<typeof Operation>;

export const AuditEvent = z.object({
  source: SourceName,
  /** The vendor's own event id (Cloudflare log id, Datadog event id): what reports cite. */
  id: z.string(),
  /** ISO-8601 UTC with milliseconds, e.g. 2026-08-20T14:02:11.000Z. */
  time: z.string(),
  /** Epoch milliseconds of `time`. */
  ts: z.number(),
  actor: z.object({
    email: z.string().optional(),
    id: z.string().optional(),
    uuid: z.string().optional(),
    /** user | admin | system | SERVICE_ACCOUNT | USER | Other … (vendor value, open set) */
    type: z.string().optional(),
    /** Cloudflare v2 actor.context / token name, Datadog auth_method: how the actor authenticated. */
    auth: z.string().optional(),
    token_name: z.string().optional(),
  }),
  ip: z.string().optional(),
  user_agent: z.string().optional(),
  /** Where known (geo enrichment in the record): country code, city, lat/lon. */
  location: z
    .object({ country: z.string().optional(), city: z.string().optional(), lat: z.number().optional(), lon: z.number().optional() })
    .optional(),
  /**
   * The vendor-native action label used for matching and display:
   * - Cloudflare v1: action.type (token_create, change_setting, rec_del, login…)
   * - Cloudflare v2: `${resource.product}.${action.type}` (members.create)
   * - Datadog: `${evt.name}/${asset.type}/${action}` with missing parts left empty ("Access Management/role/modified")
   */
  action: z.string(),
  operation: Operation,
  /** Product / category: Cloudflare v2 resource.product, Datadog evt.name. */
  category: z.string().optional(),
  resource: z.object({
    type: z.string().optional(),
    id: z.string().optional(),
    name: z.string().optional(),
    /** zone name for Cloudflare, host for Datadog requests */
    scope: z.string().optional(),
  }),
  outcome: z.enum(["success", "failure", "unknown"]),
  /** Human description: Cloudflare v2 action.description, Datadog message. Untrusted text. */
  description: z.string().optional(),
  /** For configuration changes: which setting, its old and new values (free-form). */
  change: z
    .object({ setting: z.string().optional(), old: z.unknown().optional(), new: z.unknown().optional() })
    .optional(),
  /** Free-form vendor metadata (Cloudflare metadata, Datadog metadata / http details). */
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** True when this event belongs to another actor and was fetched by a pivot (address, credential or resource). */
  pivot: z.boolean().optional(),
  /**
   * Which pivot found it: the address the actor used, a credential the actor created, a resource the actor changed,
   * or a query the gatherer agent asked for (graph/nodes/gather-agent.ts).
   */
  pivot_kind: z.enum(["address", "credential", "resource", "agent"]).optional(),
  /** What the pivot looked for: the IP, the token / key id or name, the resource id. */
  pivot_key: z.string().optional(),
  /** Other vendor ids of the same change (Cloudflare v1 twin of a v2 entry): each can be cited for this event. */
  twin_ids: z.array(z.string()).optional(),
  /** The raw vendor record, unchanged (kept for the evidence appendix). */
  raw: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** One pivot: what was looked for, why, and what it found. */
export const PivotRecord = z.object({
  /** address / credential / resource: the deterministic pivots (tools/pivot.ts); agent: a gatherer-agent query */
  kind: z.enum(["address", "credential", "resource", "agent"]),
  /** The IP, token / key id or name, or resource id looked for. */
  key: z.string(),
  /** Human wording of the key, e.g. `API token "deploy" (id 7f…)`. */
  label: z.string(),
  /** Vendor queries spent. */
  queries: z.number().int().nonnegative(),
  /** Events of other actors it added (pivot evidence). */
  found: z.number().int().nonnegative(),
  /** Matches that were already in the actor's own timeline. */
  own: z.number().int().nonnegative().default(0),
  /** Why it stopped short (budget, failure), when it did. */
  note: z.string().optional(),
});
export type PivotRecord = z.infer<typeof PivotRecord>;

/** What a gatherer reports about one source. */
export const SourceStatus = z.object({
  status: z.enum(["pending", "ok", "partial", "truncated", "failed", "skipped"]),
  /** The actor's own events fetched inside the window. */
  events: z.number().int().nonnegative(),
  /** Events of other actors fetched by pivots (counted apart). */
  pivot_events: z.number().int().nonnegative().default(0),
  pages: z.number().int().nonnegative().default(0),
  /** Which API served it, e.g. "cloudflare-v2", "datadog-search". */
  api: z.string().optional(),
  error: z.string().optional(),
  /** The failure needs operator action (credentials, permissions, configuration), not a retry. */
  fatal: z.boolean().optional(),
  warnings: z.array(z.string()).default([]),
  /** Records that failed validation and were skipped (reported, never crashing the run). */
  rejected: z.number().int().nonnegative().default(0),
  duration_ms: z.number().nonnegative().optional(),
  /** Every pivot made: what was looked for and how many events of other actors it found (also none). */
  pivots: z.array(PivotRecord).optional(),
  /** The actor's spellings and vendor ids that were read (case variants, user ids, uuids, token ids). */
  identities: z.array(z.string()).optional(),
  /** Copies of one change recorded by two vendor APIs (Cloudflare v1 beside v2) merged into one row. */
  merged_twins: z.number().int().nonnegative().optional(),
});
export type SourceStatus = z.infer<typeof SourceStatus>;

