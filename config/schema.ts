// The configuration file's shape (`casefile.config.yaml` or `.json`), validated by one zod schema.
//
// The file describes how a team runs casefile and is meant to be reviewed in a pull request, so it holds no
// secret: credentials come only from the environment or from files named in it (`*_FILE`, see config/load.ts).
// Every object is strict: a misspelt key is an error naming the key and its line, not a silently ignored setting.
// Scalar settings that also have an environment variable are listed in config/load.ts (ENV_KEYS); the variable
// wins over the file.
import { z } from "zod";

const str = (max = 500) => z.string().trim().min(1).max(max);
const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const list = <T extends z.ZodType>(t: T, max = 200) => z.array(t).max(max);

/** A pattern: a glob (`*@ci.example.com`, `health*`) or, between slashes, a regular expression (`/^svc-/i`). */
export const Pattern = str(300).refine((p) => {
  const m = /^\/(.+)\/([a-z]*)$/.exec(p);
  if (!m) return true;
  try {
    new RegExp(m[1]!, m[2]);
    return true;
  } catch {
    return false;
  }
}, "is not a valid /regular expression/");

/** `HH:MM` on a 24-hour clock. */
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM on a 24-hour clock, e.g. 09:00");
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const Day = z.enum(DAYS);

/** A weekly period: days, start and end (an end before the start crosses midnight), in a fixed UTC offset. */
export const Period = strict({
  days: list(Day, 7).default([...DAYS]),
  start: Clock,
  end: Clock,
  /** `UTC`, `+02:00`, `-05:00` (a fixed offset: casefile reads no time-zone database) */
  utc_offset: z.string().regex(/^(UTC|Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/, "use UTC or a fixed offset like +02:00").default("UTC"),
});
export type Period = z.infer<typeof Period>;

const Cidr = z.string().trim().regex(/^(\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-f:]+(\/\d{1,3})?)$/i, "is not an IPv4/IPv6 address or CIDR, e.g. 203.0.113.0/24");

/** Which anomalies or events a filter rule matches: every given field must match (patterns, see Pattern). */
export const AnomalyMatch = strict({
  detector: list(Pattern, 50).optional(),
  /** the anomaly's severity is one of these (an anomaly without one is `unknown`) */
  severity: list(z.enum(["low", "medium", "high", "critical", "unknown"]), 5).optional(),
  actor: list(Pattern, 50).optional(),
  action: list(Pattern, 50).optional(),
  source: list(Pattern, 50).optional(),
}).refine((m) => Object.values(m).some((v) => v !== undefined), "a match needs at least one of detector, severity, actor, action, source");
export type AnomalyMatch = z.infer<typeof AnomalyMatch>;

export const EventMatch = strict({
  action: list(Pattern, 50).optional(),
  actor: list(Pattern, 50).optional(),
  source: list(z.enum(["cloudflare", "datadog"]), 2).optional(),
  user_agent: list(Pattern, 50).optional(),
}).refine((m) => Object.values(m).some((v) => v !== undefined), "a match needs at least one of action, actor, source, user_agent");
export type EventMatch = z.infer<typeof EventMatch>;

const Name = z.string().trim().regex(/^[A-Za-z0-9_.-]{1,60}$/, "use letters, digits, _ . - (at most 60)");

export const Filters = strict({
  /**
   * Intake: which anomalies start an investigation. With any `investigate` rule, an anomaly matching none is
   * filtered (`not-selected`); a matching `ignore` rule filters it whatever else matches.
   */
  intake: list(strict({ name: Name, action: z.enum(["investigate", "ignore"]).default("ignore"), match: AnomalyMatch })).default([]),
  /** Suppressions: a known, owned exception with a reason and an expiry date; past the date it no longer applies. */
  suppressions: list(
    strict({
      name: Name,
      owner: str(200),
      reason: str(500),
      expires: z.iso.date("use a date, YYYY-MM-DD").or(z.iso.datetime({ offset: true })),
      match: AnomalyMatch,
    }),
  ).default([]),
  /** Event filters: named noise left out of the analysis; the report's data gaps say how many were left out. */
  events: list(strict({ name: Name, reason: str(500).optional(), match: EventMatch })).default([]),
});
export type Filters = z.infer<typeof Filters>;

/** One detector's payload mapping: anomaly field → JSONPath-like selector (`$.user.email`). */
export const Mapping = z
  .partialRecord(z.enum(["id", "actor", "action", "timestamp", "source", "severity", "detector", "details"]), z.string().startsWith("$", 'a path starts with "$", e.g. "$.user.email"'))
  .refine((m) => ["id", "actor", "action", "timestamp"].every((k) => k in m), "map at least id, actor, action and timestamp");

export const Mappings = z.record(
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "a format name is [A-Za-z0-9_-]{1,40}")
    .refine((n) => !["datadog", "cloudflare", "standard"].includes(n), "datadog, cloudflare and standard are built in; choose another name"),
  Mapping,
);

export const OrgContext = strict({
  /** Networks the organisation trusts: an address inside one is not a "new place" for any actor. */
  networks: list(strict({ cidr: Cidr, name: str(200) })).default([]),
  /** Identities that are automation: whose they are, and where they are expected to act from. */
  automation: list(
    strict({
      name: str(200),
      vendor: str(200).optional(),
      /** the identity as the vendors log it (email, token name, client id): patterns */
      actors: list(Pattern, 50).min(1),
      addresses: list(Cidr, 100).default([]),
      user_agents: list(Pattern, 50).default([]),
    }),
  ).default([]),
  changes: strict({
    /** change-ticket references in vendor records: patterns (e.g. `/\bCHG-\d{4,}\b/`) */
    tickets: list(Pattern, 50).default([]),
    /** recurring change windows */
    windows: list(Period.extend({ name: str(200) })).default([]),
  }).default({ tickets: [], windows: [] }),
  /** Teams: who belongs (actor patterns), their working hours and on-call periods. */
  teams: list(
    strict({
      name: str(200),
      members: list(Pattern, 200).min(1),
      hours: list(Period, 14).default([]),
      on_call: list(Period, 14).default([]),
    }),
  ).default([]),
  /** Resources whose change raises severity: zones, roles, monitors (patterns on the resource's name, id or zone). */
  sensitive: list(strict({ name: str(200), kind: z.enum(["zone", "role", "monitor", "resource"]).default("resource"), match: list(Pattern, 50).min(1) })).default([]),
});
export type OrgContext = z.infer<typeof OrgContext>;

const Duration = z.union([z.string().trim().max(40), z.number().int().nonnegative()]);
const Flag = z.union([z.boolean(), z.literal("model-override")]);
const NodeModel = strict({ model: str(200).optional(), base_url: z.url().optional() });

export const ConfigFile = strict({
  version: z.literal(1).default(1),
  service: strict({
    host: str(200).optional(),
    port: z.number().int().min(0).max(65535).optional(),
    data_dir: str(500).optional(),
    public_url: z.url().optional(),
    allowed_hosts: list(str(300), 50).optional(),
    trust_proxy: z.union([z.boolean(), z.string().max(500), z.number().int()]).optional(),
    concurrency: z.number().int().min(1).max(64).optional(),
    serve_workers: z.boolean().optional(),
    coalesce_window: Duration.optional(),
    rate_limit: z.number().int().min(1).optional(),
    max_body: z.union([z.string().max(40), z.number().int().positive()]).optional(),
    require_approval: Flag.optional(),
    dry_run: z.boolean().optional(),
    log_level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    pg_schema: str(48).optional(),
    notify_url: z.url().optional(),
    notify_allow_private: z.boolean().optional(),
  }).optional(),
  vendors: strict({
    cloudflare: strict({ account_id: str(64).optional(), base_url: z.url().optional(), audit_api: z.enum(["v1", "v2", "auto"]).optional(), email: str(200).optional() }).optional(),
    datadog: strict({ site: str(100).optional(), api_url: z.url().optional() }).optional(),
    confluence: strict({
      base_url: z.url().optional(),
      email: str(200).optional(),
      space_key: str(100).optional(),
      parent_page_id: z.union([z.string().regex(/^\d+$/), z.number().int()]).optional(),
      flavor: z.enum(["cloud", "datacenter"]).optional(),
    }).optional(),
  }).optional(),
  gather: strict({
    after_window: Duration.optional(),
    max_events_per_source: z.number().int().positive().optional(),
    http_timeout_ms: z.number().int().positive().optional(),
    max_retry_wait_ms: z.number().int().positive().optional(),
    max_pages_per_source: z.number().int().positive().optional(),
    /** the gatherer agent: off unless `model` names one (and OPENAI_API_KEY is set); its budget per investigation */
    agent: strict({
      model: str(200).optional(),
      base_url: z.url().optional(),
      max_calls: z.number().int().positive().optional(),
      max_events: z.number().int().positive().optional(),
      seconds: z.number().int().positive().optional(),
    }).optional(),
  }).optional(),
  /** one investigation's run */
  run: strict({
    /** longest one pass through the graph may take: seconds or a duration (`15m`) */
    deadline: Duration.optional(),
  }).optional(),
  models: strict({
    /** default model of every model-backed node; `rules` / `template` keeps a node deterministic */
    model: str(200).optional(),
    base_url: z.url().optional(),
    /** model time of one investigation, all nodes and attempts together */
    budget_ms: z.number().int().positive().optional(),
    analyst: NodeModel.optional(),
    writer: NodeModel.optional(),
  }).optional(),
  /** A folder laid out like prompts/ (relative to the file). */
  prompts: str(500).optional(),
  /** The evidence weights file written by `casefile fit` (relative to the file). */
  weights: str(500).optional(),
  mappings: Mappings.optional(),
  filters: Filters.optional(),
  context: OrgContext.optional(),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

/** Keys that would hold a secret: refused in the file with the variable to use instead. */
export const SECRET_KEYS: Record<string, string> = {
  api_token: "CLOUDFLARE_API_TOKEN / CONFLUENCE_API_TOKEN / CASEFILE_API_TOKEN",
  api_key: "CLOUDFLARE_API_KEY / DD_API_KEY / OPENAI_API_KEY",
  app_key: "DD_APP_KEY",
  token: "the vendor's *_API_TOKEN variable",
  secret: "CASEFILE_WEBHOOK_SECRET / CASEFILE_NOTIFY_SECRET",
  webhook_secret: "CASEFILE_WEBHOOK_SECRET",
  notify_secret: "CASEFILE_NOTIFY_SECRET",
  password: "the environment",
  database_url: "DATABASE_URL (it holds the database password)",
};
