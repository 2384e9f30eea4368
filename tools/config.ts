// Vendor configuration: the one place that parses the vendors' settings variables (config/load.ts builds them
// from the configuration file and the environment).
// A vendor is undefined when none of its variables are set; a partly set vendor is a problem that names the
// missing variable: an error for loadVendorConfig, a reported problem for loadVendorSettings (config/load.ts).
import { ConfigError } from "../config/errors.ts";

export type Env = Record<string, string | undefined>;

export type CloudflareAuth = { kind: "token"; token: string } | { kind: "key"; email: string; key: string };

export interface CloudflareConfig {
  baseUrl: string;
  accountId: string;
  auth: CloudflareAuth;
  /** v2 = /logs/audit, v1 = /audit_logs, auto = v2 falling back to v1 when v2 is not available. */
  auditApi: "v1" | "v2" | "auto";
}

export interface DatadogConfig {
  /** API base, e.g. https://api.datadoghq.eu (no trailing slash). */
  baseUrl: string;
  site: string;
  apiKey: string;
  appKey: string;
}

export interface ConfluenceConfig {
  flavor: "cloud" | "datacenter";
  /**
   * Root under which the REST paths live: cloud `<site>/wiki` (or `https://api.atlassian.com/ex/confluence/<cloudId>/wiki`
   * for scoped tokens), data center `<host>[/<context>]`.
   */
  apiRoot: string;
  /** True when CONFLUENCE_BASE_URL is the api.atlassian.com scoped-token gateway. */
  scoped: boolean;
  /** Cloud: account email for Basic auth. Data center: unused (PAT as Bearer). */
  email?: string;
  token: string;
  spaceKey: string;
  parentPageId?: string;
}

export interface Limits {
  maxEventsPerSource: number;
  /** Pages one source may read per run, own events and pivots together (CASEFILE_MAX_PAGES_PER_SOURCE). */
  maxPagesPerSource: number;
  httpTimeoutMs: number;
  /** Longest server-requested wait (Retry-After etc.) the client accepts before failing. */
  maxRetryWaitMs: number;
}

export interface VendorConfig {
  cloudflare?: CloudflareConfig;
  datadog?: DatadogConfig;
  confluence?: ConfluenceConfig;
  limits: Limits;
}

/** Datadog site → API base (contracts/datadog.md §1). */
export const DATADOG_SITES: Readonly<Record<string, string>> = {
  "datadoghq.com": "https://api.datadoghq.com",
  "us3.datadoghq.com": "https://api.us3.datadoghq.com",
  "us5.datadoghq.com": "https://api.us5.datadoghq.com",
  "datadoghq.eu": "https://api.datadoghq.eu",
  "ap1.datadoghq.com": "https://api.ap1.datadoghq.com",
  "ap2.datadoghq.com": "https://api.ap2.datadoghq.com",
  "ddog-gov.com": "https://api.ddog-gov.com",
  "us2.ddog-gov.com": "https://api.us2.ddog-gov.com",
  "uk1.datadoghq.com": "https://api.uk1.datadoghq.com",
};

export { ConfigError };

function val(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function anySet(env: Env, names: string[]): boolean {
  return names.some((n) => val(env, n) !== undefined);
}

function need(env: Env, name: string, vendor: string, why: string): string {
  const v = val(env, name);
  if (v === undefined) throw new ConfigError(`${vendor} is partly configured: ${name} is not set (${why}).`);
  return v;
}

function url(env: Env, name: string, fallback: string): string {
  const raw = val(env, name) ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL; set it to an absolute http(s) URL such as ${fallback}.`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new ConfigError(`${name} must be an http(s) URL, got protocol ${parsed.protocol}`);
  }
  return raw.replace(/\/+$/, "");
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = val(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}".`);
  return n;
}

const CF_VARS = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY", "CLOUDFLARE_ACCOUNT_ID"];
const DD_VARS = ["DD_API_KEY", "DD_APP_KEY"];
const CONF_VARS = ["CONFLUENCE_BASE_URL", "CONFLUENCE_EMAIL", "CONFLUENCE_API_TOKEN", "CONFLUENCE_SPACE_KEY"];

function loadCloudflare(env: Env): CloudflareConfig | undefined {
  if (!anySet(env, CF_VARS)) return undefined;
  const token = val(env, "CLOUDFLARE_API_TOKEN");
  let auth: CloudflareAuth;
  if (token) auth = { kind: "token", token };
  else {
    const email = val(env, "CLOUDFLARE_EMAIL");
    const key = val(env, "CLOUDFLARE_API_KEY");
    if (!email && !key) {
      throw new ConfigError(
        "Cloudflare is partly configured: CLOUDFLARE_API_TOKEN is not set (or set the legacy pair CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY).",
      );
    }
    if (!email) throw new ConfigError("Cloudflare is partly configured: CLOUDFLARE_EMAIL is not set (the legacy CLOUDFLARE_API_KEY needs it).");
    if (!key) throw new ConfigError("Cloudflare is partly configured: CLOUDFLARE_API_KEY is not set (the legacy CLOUDFLARE_EMAIL needs it).");
    auth = { kind: "key", email, key };
  }
  const accountId = need(env, "CLOUDFLARE_ACCOUNT_ID", "Cloudflare", "the 32-hex account id whose audit logs are read");
  const api = (val(env, "CLOUDFLARE_AUDIT_API") ?? "auto").toLowerCase();
  if (api !== "v1" && api !== "v2" && api !== "auto") {
    throw new ConfigError(`CLOUDFLARE_AUDIT_API must be v1, v2 or auto, got "${api}".`);
  }
  return {
    baseUrl: url(env, "CLOUDFLARE_BASE_URL", "https://api.cloudflare.com/client/v4"),
    accountId,
    auth,
    auditApi: api,
  };
}

function loadDatadog(env: Env): DatadogConfig | undefined {
  if (!anySet(env, DD_VARS)) return undefined;
  const apiKey = need(env, "DD_API_KEY", "Datadog", "the organisation API key");
  const appKey = need(env, "DD_APP_KEY", "Datadog", "an application key whose owner has audit_logs_read");
  const site = (val(env, "DD_SITE") ?? "datadoghq.com").toLowerCase().replace(/^app\./, "");
  const override = val(env, "DATADOG_API_URL");
  let baseUrl: string;
  if (override) baseUrl = url(env, "DATADOG_API_URL", "https://api.datadoghq.com");
  else {
    const known = DATADOG_SITES[site];
    if (!known) {
      throw new ConfigError(
        `DD_SITE "${site}" is not a known Datadog site; use one of ${Object.keys(DATADOG_SITES).join(", ")} (or set DATADOG_API_URL).`,
      );
    }
    baseUrl = known;
  }
  return { baseUrl, site, apiKey, appKey };
}

function loadConfluence(env: Env): ConfluenceConfig | undefined {
  if (!anySet(env, CONF_VARS)) return undefined;
  const flavorRaw = (val(env, "CONFLUENCE_FLAVOR") ?? "cloud").toLowerCase();
  if (flavorRaw !== "cloud" && flavorRaw !== "datacenter") {
    throw new ConfigError(`CONFLUENCE_FLAVOR must be cloud or datacenter, got "${flavorRaw}".`);
  }
  const flavor = flavorRaw;
  need(env, "CONFLUENCE_BASE_URL", "Confluence", "the site URL, e.g. https://example.atlassian.net");
  const base = url(env, "CONFLUENCE_BASE_URL", "https://example.atlassian.net");
  const token = need(
    env,
    "CONFLUENCE_API_TOKEN",
    "Confluence",
    flavor === "cloud" ? "an Atlassian API token" : "a personal access token (sent as Bearer)",
  );
  const email = flavor === "cloud" ? need(env, "CONFLUENCE_EMAIL", "Confluence", "the Atlassian account email the API token belongs to") : val(env, "CONFLUENCE_EMAIL");
  const spaceKey = need(env, "CONFLUENCE_SPACE_KEY", "Confluence", "the key of the space reports are published in");
  const scoped = /^https:\/\/api\.atlassian\.com\/ex\/confluence\/[^/]+$/i.test(base.replace(/\/wiki$/i, ""));
  let apiRoot: string;
  if (flavor === "datacenter") apiRoot = base;
  else apiRoot = /\/wiki$/i.test(base) ? base : `${base}/wiki`;
  const cfg: ConfluenceConfig = { flavor, apiRoot, scoped, token, spaceKey };
  if (email) cfg.email = email;
  const parent = val(env, "CONFLUENCE_PARENT_PAGE_ID");
  if (parent) {
    if (!/^\d+$/.test(parent)) throw new ConfigError(`CONFLUENCE_PARENT_PAGE_ID must be a numeric page id, got "${parent}".`);
    cfg.parentPageId = parent;
  }
  return cfg;
}

export function loadLimits(env: Env): Limits {
  return {
    maxEventsPerSource: positiveInt(env, "CASEFILE_MAX_EVENTS_PER_SOURCE", 50_000),
    maxPagesPerSource: positiveInt(env, "CASEFILE_MAX_PAGES_PER_SOURCE", 500),
    httpTimeoutMs: positiveInt(env, "CASEFILE_HTTP_TIMEOUT_MS", 30_000),
    maxRetryWaitMs: positiveInt(env, "CASEFILE_MAX_RETRY_WAIT_MS", 300_000),
  };
}

export type VendorName = "cloudflare" | "datadog" | "confluence";

/** The variables whose presence turns a vendor on (one of them set: the vendor's other required ones must be too). */
export const VENDOR_VARS: Readonly<Record<VendorName, readonly string[]>> = { cloudflare: CF_VARS, datadog: DD_VARS, confluence: CONF_VARS };

/**
 * Every vendor's configuration from `env`; a vendor whose settings are incomplete or invalid is left out and its
 * problem (naming the variable) returned instead, so a command that does not use that vendor still runs.
 */
export function loadVendorSettings(env: Env): { vendors: VendorConfig; problems: Partial<Record<VendorName, string>> } {
  const vendors: VendorConfig = { limits: loadLimits(env) };
  const problems: Partial<Record<VendorName, string>> = {};
  const attempt = <T>(name: VendorName, load: (env: Env) => T | undefined): T | undefined => {
    try {
      return load(env);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems[name] = e.message;
      return undefined;
    }
  };
  const cf = attempt("cloudflare", loadCloudflare);
  if (cf) vendors.cloudflare = cf;
  const dd = attempt("datadog", loadDatadog);
  if (dd) vendors.datadog = dd;
  const conf = attempt("confluence", loadConfluence);
  if (conf) vendors.confluence = conf;
  return { vendors, problems };
}

/** Reads every vendor's configuration from `env`. Throws ConfigError naming the variable to fix. */
export function loadVendorConfig(env: Env): VendorConfig {
  const { vendors, problems } = loadVendorSettings(env);
  const first = Object.values(problems)[0];
  if (first) throw new ConfigError(first);
  return vendors;
}
