// The configuration loader: the one place casefile reads the process environment and its configuration file.
//
// `loadConfig()` is called once per process (by the command line); everything else — the service, the workers,
// the investigator, the doctor — receives the resulting `CasefileConfig` and reads no environment itself.
//
//   file      `--config PATH`, else CASEFILE_CONFIG, else ./casefile.config.yaml|.yml|.json when present
//   env wins  a scalar setting of the file (ENV_KEYS) is overridden by its environment variable
//   secrets   only from the environment, or from a file a `<NAME>_FILE` variable names (Docker / Kubernetes secrets)
//
// Errors name the key, the file and the line (`casefile.config.yaml:12 models.analyst.base_url: …`), or the
// variable, and say how to fix it. A part set up incompletely or wrongly — a vendor, the gatherer agent — is no
// error: it is left out and listed in `problems`, and only the commands that would use it refuse to start
// (requireInvestigationSettings).
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { loadServiceConfig, type PayloadMapping, type ServiceConfig } from "./service.ts";
import { loadVendorSettings, VENDOR_VARS, type VendorConfig, type VendorName } from "../tools/config.ts";
import { loadGatherAgentConfig, loadModelBudgetMs, loadModelConfig, type GatherAgentConfig, type ModelNode, type NodeModelConfig } from "../graph/config.ts";
import { afterWindowFrom } from "../graph/window.ts";
import { loadRunDeadlineMs } from "../graph/deadline.ts";
import { ConfigError } from "./errors.ts";
import { ConfigFile, Filters, OrgContext, SECRET_KEYS } from "./schema.ts";

export type Env = Record<string, string | undefined>;

/** The parts of the configuration a command may be unable to use while the others still work. */
export type ConfigPart = VendorName | "gather_agent";

export interface CasefileConfig {
  /** The configuration file read, if any (absolute path). */
  file?: string;
  /**
   * The settings as variables: the file's scalar settings under their variable names, overlaid by the environment.
   * What the vendor, model and service parsers read; it holds secrets and is never printed.
   */
  env: Env;
  /** Where each set variable came from. */
  origins: Record<string, "env" | "file">;
  service: ServiceConfig;
  vendors: VendorConfig;
  models: Partial<Record<ModelNode, NodeModelConfig>>;
  /** The gatherer agent (`gather.agent` / CASEFILE_GATHER_*), when a model is configured for it. */
  gatherAgent?: GatherAgentConfig;
  /**
   * Parts set up incompletely or wrongly (a vendor's key without its partner, the gatherer's model without a key):
   * left out of `vendors` / `gatherAgent`, each with the message naming the variable and what it needs. Loading
   * does not fail on them; the commands that would use the part do (requireInvestigationSettings).
   */
  problems: Partial<Record<ConfigPart, string>>;
  modelBudgetMs: number;
  afterWindowMs: number;
  /** Longest one pass of an investigation through the graph may take (`run.deadline` / CASEFILE_RUN_DEADLINE). */
  runDeadlineMs: number;
  dryRun: boolean;
  requireApproval: boolean | "model-override";
  dataDir: string;
  pgSchema: string;
  databaseUrl?: string;
  /** A prompts folder replacing prompts/ (`prompts:` or CASEFILE_PROMPTS). */
  promptsDir?: string;
  /** The evidence weights file (`weights:` or CASEFILE_WEIGHTS). */
  weightsFile?: string;
  mappings: Record<string, PayloadMapping>;
  filters: Filters;
  context: OrgContext;
}

/** File key path → the environment variable that overrides it (and names it in the parsers' messages). */
export const ENV_KEYS: readonly (readonly [string, string])[] = [
  ["service.host", "CASEFILE_HOST"],
  ["service.port", "CASEFILE_PORT"],
  ["service.data_dir", "CASEFILE_DATA_DIR"],
  ["service.public_url", "CASEFILE_PUBLIC_URL"],
  ["service.allowed_hosts", "CASEFILE_ALLOWED_HOSTS"],
  ["service.trust_proxy", "CASEFILE_TRUST_PROXY"],
  ["service.concurrency", "CASEFILE_CONCURRENCY"],
  ["service.serve_workers", "CASEFILE_SERVE_WORKERS"],
  ["service.coalesce_window", "CASEFILE_COALESCE_WINDOW"],
  ["service.rate_limit", "CASEFILE_RATE_LIMIT"],
  ["service.max_body", "CASEFILE_MAX_BODY"],
  ["service.require_approval", "CASEFILE_REQUIRE_APPROVAL"],
  ["service.dry_run", "CASEFILE_DRY_RUN"],
  ["service.log_level", "CASEFILE_LOG_LEVEL"],
  ["service.pg_schema", "CASEFILE_PG_SCHEMA"],
  ["service.notify_url", "CASEFILE_NOTIFY_URL"],
  ["service.notify_allow_private", "CASEFILE_NOTIFY_ALLOW_PRIVATE"],
  ["vendors.cloudflare.account_id", "CLOUDFLARE_ACCOUNT_ID"],
  ["vendors.cloudflare.base_url", "CLOUDFLARE_BASE_URL"],
  ["vendors.cloudflare.audit_api", "CLOUDFLARE_AUDIT_API"],
  ["vendors.cloudflare.email", "CLOUDFLARE_EMAIL"],
  ["vendors.datadog.site", "DD_SITE"],
  ["vendors.datadog.api_url", "DATADOG_API_URL"],
  ["vendors.confluence.base_url", "CONFLUENCE_BASE_URL"],
  ["vendors.confluence.email", "CONFLUENCE_EMAIL"],
  ["vendors.confluence.space_key", "CONFLUENCE_SPACE_KEY"],
  ["vendors.confluence.parent_page_id", "CONFLUENCE_PARENT_PAGE_ID"],
  ["vendors.confluence.flavor", "CONFLUENCE_FLAVOR"],
  ["gather.after_window", "CASEFILE_AFTER_WINDOW"],
  ["gather.max_events_per_source", "CASEFILE_MAX_EVENTS_PER_SOURCE"],
  ["gather.max_pages_per_source", "CASEFILE_MAX_PAGES_PER_SOURCE"],
  ["gather.http_timeout_ms", "CASEFILE_HTTP_TIMEOUT_MS"],
  ["gather.max_retry_wait_ms", "CASEFILE_MAX_RETRY_WAIT_MS"],
  ["gather.agent.model", "CASEFILE_GATHER_MODEL"],
  ["gather.agent.base_url", "CASEFILE_GATHER_BASE_URL"],
  ["gather.agent.max_calls", "CASEFILE_GATHER_MAX_CALLS"],
  ["gather.agent.max_events", "CASEFILE_GATHER_MAX_EVENTS"],
  ["gather.agent.seconds", "CASEFILE_GATHER_SECONDS"],
  ["run.deadline", "CASEFILE_RUN_DEADLINE"],
  ["models.model", "CASEFILE_MODEL"],
  ["models.base_url", "OPENAI_BASE_URL"],
  ["models.budget_ms", "CASEFILE_MODEL_BUDGET_MS"],
  ["models.analyst.model", "CASEFILE_ANALYST_MODEL"],
  ["models.analyst.base_url", "CASEFILE_ANALYST_BASE_URL"],
  ["models.writer.model", "CASEFILE_WRITER_MODEL"],
  ["models.writer.base_url", "CASEFILE_WRITER_BASE_URL"],
  ["prompts", "CASEFILE_PROMPTS"],
  ["weights", "CASEFILE_WEIGHTS"],
];

/** Variables that hold secrets: only from the environment (or `<NAME>_FILE`), masked when printed. */
export const SECRET_VARS = [
  "CLOUDFLARE_API_TOKEN",
  "CLOUDFLARE_API_KEY",
  "DD_API_KEY",
  "DD_APP_KEY",
  "CONFLUENCE_API_TOKEN",
  "OPENAI_API_KEY",
  "CASEFILE_WEBHOOK_SECRET",
  "CASEFILE_API_TOKEN",
  "CASEFILE_NOTIFY_SECRET",
  "DATABASE_URL",
] as const;

/** Variables of the process that are settings but have no key in the file. */
const ENV_ONLY = ["CASEFILE_INSECURE_NO_AUTH", "CASEFILE_ALLOW_TRACING", "CASEFILE_PAYLOAD_MAPPINGS", "CASEFILE_CONFIG"];

/** A snapshot of the process environment: the only read of it outside tests. */
export function readEnvironment(): Env {
  return { ...process.env };
}

/** Tracing variables LangChain reads from the process environment; any of them would ship prompts to LangSmith. */
const TRACING_VARS = ["LANGSMITH_TRACING", "LANGSMITH_TRACING_V2", "LANGCHAIN_TRACING", "LANGCHAIN_TRACING_V2"];

/**
 * Tracing is off unless CASEFILE_ALLOW_TRACING=1: `langsmith` comes in through LangChain, so a stray
 * LANGSMITH_TRACING in the environment would otherwise send every prompt and vendor record to a third party.
 */
export function disableStrayTracing(env: Env, warn?: (variable: string, message: string) => void): void {
  if (/^(1|true|yes|on)$/i.test(env.CASEFILE_ALLOW_TRACING?.trim() ?? "")) return;
  for (const name of TRACING_VARS) {
    const v = process.env[name];
    if (v !== undefined && !/^(0|false|no|off)$/i.test(v.trim())) warn?.(name, `${name} is set but tracing is off; set CASEFILE_ALLOW_TRACING=1 to send traces`);
    process.env[name] = "false";
  }
}

export interface LoadOptions {
  /** `--config PATH`; else CASEFILE_CONFIG; else ./casefile.config.{yaml,yml,json} when present. */
  path?: string;
  /** The environment (default: the process's). */
  env?: Env;
  /** Where to look for the default file names (default: the working directory). */
  cwd?: string;
}

const DEFAULT_NAMES = ["casefile.config.yaml", "casefile.config.yml", "casefile.config.json"];

/** Finds, reads and validates the configuration; throws ConfigError naming the key and line or the variable. */
export function loadConfig(opts: LoadOptions = {}): CasefileConfig {
  const env = opts.env ?? readEnvironment();
  const cwd = opts.cwd ?? process.cwd();
  const explicit = opts.path ?? env.CASEFILE_CONFIG?.trim();
  let path: string | undefined;
  if (explicit) {
    path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new ConfigError(`the configuration file ${path} does not exist; check --config / CASEFILE_CONFIG (casefile.config.example.yaml is a documented starting point).`);
  } else path = DEFAULT_NAMES.map((n) => resolve(cwd, n)).find((p) => existsSync(p));
  if (!path) return resolveConfig({ env });
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(`cannot read the configuration file ${path}: ${(e as Error).message}`);
  }
  return resolveConfig({ env, file: { path, text } });
}

interface ParsedFile {
  path: string;
  data: ConfigFile;
  lineOf: (keyPath: (string | number)[]) => number | undefined;
}

/** Parses YAML (JSON is YAML too) and validates it; errors carry `file:line key`. */
export function parseConfigFile(path: string, text: string): ParsedFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = lc.linePos(e.pos[0]).line;
    throw new ConfigError(`${path}:${line}: not valid YAML: ${e.message.split("\n")[0]}`);
  }
  const lineOf = (keyPath: (string | number)[]) => {
    for (let n = keyPath.length; n > 0; n--) {
      const node = doc.getIn(keyPath.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      const start = node && typeof node === "object" && node.range ? node.range[0] : undefined;
      if (start !== undefined) return lc.linePos(start).line;
    }
    return undefined;
  };
  const secret = findSecretKey(doc);
  if (secret) {
    const where = `${path}:${lineOf(secret.path) ?? "?"}`;
    throw new ConfigError(`${where} ${secret.path.join(".")}: the file holds no secrets (it is reviewed in pull requests); set ${SECRET_KEYS[secret.key]} in the environment, or name a file holding it with the variable + _FILE.`);
  }
  const raw = doc.toJS() ?? {};
  const parsed = ConfigFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
    const key = keys.map(String).join(".") || "(root)";
    const msg = issue.code === "unrecognized_keys" ? `unknown key "${issue.keys[0]}"; see casefile.config.example.yaml for the keys there are` : issue.message;
    throw new ConfigError(`${path}:${lineOf(keys as (string | number)[]) ?? "?"} ${key}: ${msg}`);
  }
  return { path, data: parsed.data, lineOf };
}

function findSecretKey(doc: Document): { key: string; path: string[] } | undefined {
  const walk = (node: unknown, path: string[]): { key: string; path: string[] } | undefined => {
    if (!isMap(node)) return undefined;
    for (const item of node.items) {
      const k = isScalar(item.key) ? String(item.key.value) : undefined;
      if (k === undefined) continue;
      // mappings and context hold patterns and names, not credentials
      if (path.length === 0 && (k === "mappings" || k === "context" || k === "filters")) continue;
      if (Object.hasOwn(SECRET_KEYS, k.toLowerCase())) return { key: k.toLowerCase(), path: [...path, k] };
      const found = walk(item.value, [...path, k]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(doc.contents, []);
}

function getIn(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function asVariable(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map(String).join(",");
  if (typeof v === "boolean") return v ? "1" : "0";
  return String(v);
}

/** `<NAME>_FILE` → the file's contents (trimmed), for every secret variable not set directly. */
function secretsFromFiles(env: Env): Env {
  const out: Env = {};
  for (const name of SECRET_VARS) {
    const file = env[`${name}_FILE`]?.trim();
    if (!file || env[name]?.trim()) continue;
    try {
      out[name] = readFileSync(file, "utf8").trim();
    } catch (e) {
      throw new ConfigError(`${name}_FILE names ${file}, which cannot be read (${(e as Error).message}); point it at the file holding ${name}.`);
    }
  }
  return out;
}

/** Builds the configuration from an environment and an optional file's text. Pure but for `*_FILE` secrets. */
export function resolveConfig(input: { env: Env; file?: { path: string; text: string } }): CasefileConfig {
  const parsed = input.file ? parseConfigFile(input.file.path, input.file.text) : undefined;
  const data: ConfigFile = parsed?.data ?? { version: 1 };
  const base = parsed ? dirname(parsed.path) : undefined;
  const origins: Record<string, "env" | "file"> = {};
  const merged: Env = {};
  const fileKeyOf = new Map<string, string>();
  for (const [key, name] of ENV_KEYS) {
    let v = asVariable(getIn(data, key));
    if (v === undefined) continue;
    // paths in the file are relative to the file
    if (base && (key === "prompts" || key === "weights" || key === "service.data_dir")) v = resolve(base, v);
    merged[name] = v;
    origins[name] = "file";
    fileKeyOf.set(name, key);
  }
  const env = { ...input.env, ...secretsFromFiles(input.env) };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.trim() === "") continue;
    merged[name] = value;
    if (fileKeyOf.has(name) || (SECRET_VARS as readonly string[]).includes(name) || ENV_ONLY.includes(name) || /^(CASEFILE_|CLOUDFLARE_|DD_|DATADOG_|CONFLUENCE_|OPENAI_)/.test(name)) origins[name] = "env";
  }

  // The parsers name the variable; when the value came from the file, say where it is.
  const located = (message: string): string => {
    if (!parsed) return message;
    for (const [name, key] of fileKeyOf) {
      if (origins[name] === "file" && new RegExp(`\\b${name}\\b`).test(message)) return `${parsed.path}:${parsed.lineOf(key.split(".")) ?? "?"} ${key} (variable ${name}): ${message}`;
    }
    return message;
  };
  const withLine = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof Error) || !parsed) throw e;
      throw new ConfigError(located(e.message));
    }
  };
  const problems: Partial<Record<ConfigPart, string>> = {};
  const { vendors, problems: vendorProblems } = withLine(() => loadVendorSettings(merged));
  for (const [vendor, message] of Object.entries(vendorProblems) as [VendorName, string][]) {
    // a vendor partly set up names what to add; say too what to take away to run without it
    const given = VENDOR_VARS[vendor].filter((n) => merged[n]?.trim());
    const inEnv = given.filter((n) => origins[n] !== "file").map((n) => (input.env[n]?.trim() ? n : `${n}_FILE`));
    const inFile = given.filter((n) => origins[n] === "file").map((n) => fileKeyOf.get(n));
    const undo = [...(inEnv.length ? [`unset ${inEnv.join(", ")}`] : []), ...(inFile.length ? [`remove ${inFile.join(", ")} from ${parsed?.path}`] : [])];
    problems[vendor] = /partly configured/.test(message) && undo.length ? `${message} To run without ${VENDOR_LABELS[vendor]}, ${undo.join(" and ")}.` : located(message);
  }
  let gatherAgent: GatherAgentConfig | undefined;
  try {
    gatherAgent = loadGatherAgentConfig(merged);
  } catch (e) {
    problems.gather_agent = located((e as Error).message);
  }

  const mappingsFromFile = data.mappings ?? {};
  const service = withLine(() => loadServiceConfig(merged, { requireWebhookSecret: false }));
  // CASEFILE_PAYLOAD_MAPPINGS (env) wins over the file's mappings, as every variable does
  const mappings = merged.CASEFILE_PAYLOAD_MAPPINGS?.trim() ? service.payloadMappings : (mappingsFromFile as Record<string, PayloadMapping>);
  const filters = Filters.parse(data.filters ?? {});
  const context = OrgContext.parse(data.context ?? {});
  const pgSchema = merged.CASEFILE_PG_SCHEMA?.trim() || "casefile";
  if (!/^[a-z_][a-z0-9_]{0,47}$/.test(pgSchema)) {
    throw new ConfigError(`CASEFILE_PG_SCHEMA=${JSON.stringify(pgSchema.slice(0, 80))} is not a usable PostgreSQL schema name; use up to 48 lowercase letters, digits and _ (starting with a letter or _).`);
  }
  const config: CasefileConfig = {
    ...(parsed ? { file: parsed.path } : {}),
    env: merged,
    origins,
    service: { ...service, payloadMappings: mappings, filters },
    vendors,
    models: loadModelConfig(merged),
    ...(gatherAgent ? { gatherAgent } : {}),
    problems,
    modelBudgetMs: withLine(() => loadModelBudgetMs(merged)),
    afterWindowMs: withLine(() => afterWindowFrom(merged)),
    runDeadlineMs: withLine(() => loadRunDeadlineMs(merged)),
    dryRun: /^(1|true|yes|on)$/i.test(merged.CASEFILE_DRY_RUN?.trim() ?? ""),
    requireApproval: service.requireApproval,
    dataDir: service.dataDir,
    pgSchema,
    ...(service.databaseUrl ? { databaseUrl: service.databaseUrl } : {}),
    ...(merged.CASEFILE_PROMPTS?.trim() ? { promptsDir: resolve(merged.CASEFILE_PROMPTS.trim()) } : {}),
    ...(merged.CASEFILE_WEIGHTS?.trim() ? { weightsFile: resolve(merged.CASEFILE_WEIGHTS.trim()) } : {}),
    mappings,
    filters,
    context,
  };
  for (const [key, dir] of [["prompts", config.promptsDir], ["weights", config.weightsFile]] as const) {
    if (dir && !existsSync(dir)) {
      const where = origins[key === "prompts" ? "CASEFILE_PROMPTS" : "CASEFILE_WEIGHTS"] === "file" && parsed ? `${parsed.path}:${parsed.lineOf([key]) ?? "?"} ${key}` : key === "prompts" ? "CASEFILE_PROMPTS" : "CASEFILE_WEIGHTS";
      throw new ConfigError(`${where}: ${dir} does not exist; point it at ${key === "prompts" ? "a folder laid out like prompts/" : "a weights file written by `casefile fit`"}.`);
    }
  }
  return config;
}

/** A configuration without file or environment: every default (tests, library use). */
export function defaultConfig(): CasefileConfig {
  return resolveConfig({ env: {} });
}

const VENDOR_LABELS: Record<VendorName, string> = { cloudflare: "Cloudflare", datadog: "Datadog", confluence: "Confluence" };

/**
 * serve, worker and investigate run investigations: they refuse a configuration with a part an investigation would
 * use but cannot (every problem, each naming its variable); Confluence only when reports are published. The other
 * commands run whatever the problems.
 */
export function requireInvestigationSettings(c: CasefileConfig, opts: { dryRun?: boolean } = {}): void {
  const dryRun = opts.dryRun ?? c.dryRun;
  const blocking = Object.entries(c.problems).filter(([part]) => part !== "confluence" || !dryRun);
  if (!blocking.length) return;
  throw new ConfigError(`the configuration cannot run investigations:\n${blocking.map(([, m]) => `  - ${m}`).join("\n")}\n\`casefile config --print\` shows the effective configuration; \`casefile doctor\` checks vendor access.`);
}

const notConfigured = (problem: string | undefined) => (problem ? { problem } : "not configured");

const mask = (v: string | undefined) => (v ? `•••• (${v.length} characters)` : undefined);

/** The effective configuration for `casefile config --print`: secrets masked, each variable's origin named. */
export function printableConfig(c: CasefileConfig): Record<string, unknown> {
  const secrets = Object.fromEntries(SECRET_VARS.map((n) => [n, c.env[n] ? `${mask(c.env[n])} from ${c.origins[n] === "env" ? "the environment" : "a _FILE variable"}` : "not set"]));
  const v = c.vendors;
  const s = c.service;
  const p = c.problems;
  const agent = c.gatherAgent;
  return {
    file: c.file ?? "(none: defaults and the environment)",
    service: {
      host: s.host,
      port: s.port,
      data_dir: s.dataDir,
      public_url: s.publicUrl ?? null,
      allowed_hosts: s.allowedHosts,
      trust_proxy: s.trustProxy,
      concurrency: s.concurrency,
      coalesce_window_ms: s.coalesceWindowMs,
      rate_limit: s.rateLimit,
      max_body_bytes: s.maxBodyBytes,
      require_approval: s.requireApproval,
      dry_run: c.dryRun,
      insecure_no_auth: s.insecureNoAuth,
      database: c.databaseUrl ? `postgresql (schema ${c.pgSchema})` : "sqlite (data_dir)",
      webhook_secrets: s.webhookSecrets.length,
      notify_url: s.notifyUrl ?? null,
    },
    vendors: {
      cloudflare: v.cloudflare ? { account_id: v.cloudflare.accountId, base_url: v.cloudflare.baseUrl, audit_api: v.cloudflare.auditApi, auth: v.cloudflare.auth.kind } : notConfigured(p.cloudflare),
      datadog: v.datadog ? { site: v.datadog.site, base_url: v.datadog.baseUrl } : notConfigured(p.datadog),
      confluence: v.confluence ? { api_root: v.confluence.apiRoot, flavor: v.confluence.flavor, email: v.confluence.email ?? null, space_key: v.confluence.spaceKey, parent_page_id: v.confluence.parentPageId ?? null } : notConfigured(p.confluence),
    },
    gather: {
      after_window_ms: c.afterWindowMs,
      ...v.limits,
      agent: agent ? { model: agent.model, base_url: agent.baseURL ?? "OpenAI", max_calls: agent.budget.calls, max_events: agent.budget.events, seconds: agent.budget.ms / 1000 } : p.gather_agent ? { problem: p.gather_agent } : "off",
    },
    run: { deadline_ms: c.runDeadlineMs },
    models: {
      analyst: c.models.analyst ? { model: c.models.analyst.model, base_url: c.models.analyst.baseURL ?? "OpenAI" } : "rules",
      writer: c.models.writer ? { model: c.models.writer.model, base_url: c.models.writer.baseURL ?? "OpenAI" } : "template",
      budget_ms: c.modelBudgetMs,
    },
    prompts: c.promptsDir ?? "(built in)",
    weights: c.weightsFile ?? "(shipped)",
    mappings: c.mappings,
    filters: c.filters,
    context: c.context,
    secrets,
    problems: Object.values(p),
    overridden_by_environment: ENV_KEYS.filter(([, n]) => c.origins[n] === "env").map(([k, n]) => `${k} ← ${n}`),
  };
}
