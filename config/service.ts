// The service's settings (listener, auth, store, queue, webhook, notifications, payload mappings) parsed from the
// settings variables that config/load.ts builds from the file and the environment: one function, clear errors
// that name the variable. The service (server/) receives the result and reads no variable itself.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "./errors.ts";
import { parseDuration } from "./duration.ts";
import type { Filters } from "./schema.ts";

export interface PayloadMapping {
  /** JSONPath-like selectors ("$.user.email") per anomaly field; `details` may map to a path too. */
  [field: string]: string;
}

export interface ServiceConfig {
  host: string;
  port: number;
  dataDir: string;
  /** Standard Webhooks secrets (`whsec_…`); the first signs nothing, all are tried for verification (rotation). */
  webhookSecrets: string[];
  apiToken?: string;
  /** CASEFILE_INSECURE_NO_AUTH=1: serve without a token on a non-loopback address (said loudly at start and in the UI). */
  insecureNoAuth: boolean;
  /** Host header values (host[:port], lower case) the service answers browser and API routes for: DNS rebinding guard. */
  allowedHosts: string[];
  /** Fastify's trustProxy: false, true, a hop count or a list of proxy addresses/CIDRs (CASEFILE_TRUST_PROXY). */
  trustProxy: boolean | number | string[];
  databaseUrl?: string;
  concurrency: number;
  coalesceWindowMs: number;
  /** Webhook requests per second per source address. */
  rateLimit: number;
  maxBodyBytes: number;
  notifyUrl?: string;
  notifySecret?: string;
  notifyAllowPrivate: boolean;
  /** true: every run pauses before publishing; "model-override": only runs whose model disagrees */
  requireApproval: boolean | "model-override";
  publicUrl?: string;
  payloadMappings: Record<string, PayloadMapping>;
  /** Intake rules, suppressions and event filters (configuration `filters:`); none when absent. */
  filters?: Filters;
  /** The settings as variables (config/load.ts): the file's settings overlaid by the environment, secrets included. */
  env: Record<string, string | undefined>;
}

export { ConfigError };

function int(env: Record<string, string | undefined>, name: string, def: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return def;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a whole number; set it to an integer between ${min} and ${max}.`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name}=${n} is out of range; set it between ${min} and ${max}.`);
  return n;
}

function bool(env: Record<string, string | undefined>, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return false;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a boolean; use 1/true or 0/false.`);
}

/** `262144`, `256kb`, `256KiB`, `1mb` → bytes. */
export function parseBytes(raw: string, name = "size"): number {
  const m = /^(\d+)\s*(b|kb|kib|k|mb|mib|m)?$/i.exec(raw.trim());
  if (!m) throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a size; use bytes (262144) or 256KiB / 1MiB.`);
  const unit = (m[2] ?? "b").toLowerCase();
  const mult = unit === "b" ? 1 : unit.startsWith("k") ? 1024 : 1024 * 1024;
  return Number(m[1]) * mult;
}

function parseMappings(raw: string | undefined): Record<string, PayloadMapping> {
  if (!raw?.trim()) return {};
  const text = raw.trim().startsWith("{") ? raw : readMappingsFile(raw.trim());
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`CASEFILE_PAYLOAD_MAPPINGS is not valid JSON (${(e as Error).message}); give an object like {"mydetector":{"id":"$.alert.id","actor":"$.user.email","action":"$.event","timestamp":"$.time"}} or a path to such a file.`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ConfigError(`CASEFILE_PAYLOAD_MAPPINGS must be a JSON object of {formatName: {field: "$.path"}}.`);
  }
  const out: Record<string, PayloadMapping> = {};
  for (const [name, mapping] of Object.entries(parsed as Record<string, unknown>)) {
    if (!/^[a-z0-9_-]{1,40}$/i.test(name)) throw new ConfigError(`CASEFILE_PAYLOAD_MAPPINGS: format name ${JSON.stringify(name)} must match [A-Za-z0-9_-]{1,40}.`);
    if (name === "datadog" || name === "cloudflare" || name === "standard") {
      throw new ConfigError(`CASEFILE_PAYLOAD_MAPPINGS: format name "${name}" is built in; choose another name.`);
    }
    if (!mapping || typeof mapping !== "object" || Array.isArray(mapping)) throw new ConfigError(`CASEFILE_PAYLOAD_MAPPINGS.${name} must be an object of {field: "$.path"}.`);
    const m: PayloadMapping = {};
    for (const [field, path] of Object.entries(mapping as Record<string, unknown>)) {
      if (typeof path !== "string" || !path.startsWith("$")) throw new ConfigError(`CASEFILE_PAYLOAD_MAPPINGS.${name}.${field} must be a path string starting with "$", e.g. "$.user.email".`);
      m[field] = path;
    }
    for (const req of ["id", "actor", "action", "timestamp"]) {
      if (!m[req]) throw new ConfigError(`CASEFILE_PAYLOAD_MAPPINGS.${name} lacks "${req}"; map id, actor, action and timestamp.`);
    }
    out[name] = m;
  }
  return out;
}

function readMappingsFile(path: string): string {
  const p = resolve(path);
  if (!existsSync(p)) throw new ConfigError(`CASEFILE_PAYLOAD_MAPPINGS: neither JSON nor an existing file (${p}); give inline JSON or a file path.`);
  return readFileSync(p, "utf8");
}

/** Shortest CASEFILE_API_TOKEN accepted: long enough that guessing it is hopeless even unthrottled. */
export const MIN_API_TOKEN_LENGTH = 32;
/** Longest bearer token or form token the service reads (anything longer is refused unread). */
export const MAX_API_TOKEN_LENGTH = 256;

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1", "[::1]"];

/** True for 127.0.0.0/8, ::1 and localhost: a listener nobody else can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

function parseTrustProxy(raw: string | undefined): boolean | number | string[] {
  const s = raw?.trim();
  if (!s) return false;
  if (/^(1|true|yes|on)$/i.test(s)) return true;
  if (/^(0|false|no|off)$/i.test(s)) return false;
  if (/^hops?:\d{1,2}$/i.test(s)) return Number(s.split(":")[1]);
  const list = s.split(/[\s,]+/).filter(Boolean);
  for (const a of list) {
    if (!/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a) && !["loopback", "linklocal", "uniquelocal"].includes(a)) {
      throw new ConfigError(`CASEFILE_TRUST_PROXY: ${JSON.stringify(a.slice(0, 60))} is not an address; use 1 (trust every proxy), hops:N, or the proxies' addresses/CIDRs (10.0.0.0/8, loopback).`);
    }
  }
  return list;
}

function parseAllowedHosts(raw: string | undefined, publicUrl: string | undefined, listenHost: string): string[] {
  const out = new Set<string>();
  if (raw?.trim()) {
    for (const h of raw.split(/[\s,]+/).filter(Boolean)) {
      if (h === "*") {
        out.add("*");
        continue;
      }
      if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(h)) {
        throw new ConfigError(`CASEFILE_ALLOWED_HOSTS: ${JSON.stringify(h.slice(0, 80))} is not a host name; list names such as casefile.example.com or casefile.internal:8080 (or * to accept any Host).`);
      }
      out.add(h.toLowerCase());
    }
    return [...out];
  }
  if (publicUrl) out.add(new URL(publicUrl).host.toLowerCase());
  for (const n of LOOPBACK_NAMES) out.add(n);
  const lh = listenHost.toLowerCase();
  if (lh !== "0.0.0.0" && lh !== "::") out.add(lh.includes(":") ? `[${lh}]` : lh);
  return [...out];
}

/**
 * `serve` refuses an open door: without CASEFILE_API_TOKEN it only starts on a loopback address, or when
 * CASEFILE_INSECURE_NO_AUTH=1 says the operator means it. Returns the warning to print loudly, if any.
 */
export function checkServeSecurity(config: ServiceConfig): string | undefined {
  if (config.apiToken) return undefined;
  if (isLoopbackHost(config.host)) return undefined;
  if (config.insecureNoAuth) {
    return `INSECURE: CASEFILE_INSECURE_NO_AUTH=1 and no CASEFILE_API_TOKEN: anyone who can reach ${config.host}:${config.port} can read investigations and raw evidence and approve publishes. Set CASEFILE_API_TOKEN (at least ${MIN_API_TOKEN_LENGTH} characters) to close it.`;
  }
  throw new ConfigError(
    `casefile serve refuses to listen on ${config.host} without CASEFILE_API_TOKEN: the investigations API, raw evidence and approvals would be open to anyone who reaches it. ` +
      `Set CASEFILE_API_TOKEN to a random value of at least ${MIN_API_TOKEN_LENGTH} characters (node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"), ` +
      `or listen on loopback only (CASEFILE_HOST=127.0.0.1), or set CASEFILE_INSECURE_NO_AUTH=1 to accept an open service.`,
  );
}

export interface LoadOptions {
  /** `serve` needs the webhook secret; `worker` does not. */
  requireWebhookSecret?: boolean;
}

/** `serve` verifies every delivery: it needs at least one webhook secret. */
export function requireWebhookSecret(config: Pick<ServiceConfig, "webhookSecrets">): void {
  if (config.webhookSecrets.length === 0) {
    throw new ConfigError(`CASEFILE_WEBHOOK_SECRET is not set; the webhook cannot verify senders without it. Set it to a "whsec_…" secret shared with the detector (several, comma-separated, during rotation).`);
  }
}

export function loadServiceConfig(env: Record<string, string | undefined>, opts: LoadOptions = {}): ServiceConfig {
  const secrets = (env.CASEFILE_WEBHOOK_SECRET ?? "").split(/[\s,]+/).filter(Boolean);
  for (const s of secrets) {
    if (!/^whsec_[A-Za-z0-9+/=]{8,}$/.test(s)) {
      throw new ConfigError(`CASEFILE_WEBHOOK_SECRET contains a value that is not a Standard Webhooks secret (expected "whsec_" + base64); generate one with: node -e "console.log('whsec_'+require('crypto').randomBytes(24).toString('base64'))".`);
    }
  }
  if (opts.requireWebhookSecret ?? true) requireWebhookSecret({ webhookSecrets: secrets });
  const apiToken = env.CASEFILE_API_TOKEN?.trim() || undefined;
  if (apiToken && (apiToken.length < MIN_API_TOKEN_LENGTH || apiToken.length > MAX_API_TOKEN_LENGTH || /\s/.test(apiToken))) {
    throw new ConfigError(`CASEFILE_API_TOKEN must be ${MIN_API_TOKEN_LENGTH}–${MAX_API_TOKEN_LENGTH} characters without spaces (it is ${apiToken.length}); generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))".`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must be a postgres:// or postgresql:// URL (or unset for the built-in SQLite store).`);
  }
  const notifyUrl = env.CASEFILE_NOTIFY_URL?.trim() || undefined;
  if (notifyUrl) {
    let u: URL;
    try {
      u = new URL(notifyUrl);
    } catch {
      throw new ConfigError(`CASEFILE_NOTIFY_URL=${JSON.stringify(notifyUrl)} is not a URL; give an http(s):// address.`);
    }
    if (u.protocol !== "https:" && u.protocol !== "http:") throw new ConfigError(`CASEFILE_NOTIFY_URL must use http or https.`);
  }
  const notifySecret = env.CASEFILE_NOTIFY_SECRET?.trim() || undefined;
  if (notifyUrl && !notifySecret) throw new ConfigError(`CASEFILE_NOTIFY_URL is set but CASEFILE_NOTIFY_SECRET is not; set a "whsec_…" secret to sign notifications.`);
  if (notifySecret && !/^whsec_[A-Za-z0-9+/=]{8,}$/.test(notifySecret)) throw new ConfigError(`CASEFILE_NOTIFY_SECRET must be a "whsec_…" Standard Webhooks secret.`);
  const publicUrl = env.CASEFILE_PUBLIC_URL?.trim().replace(/\/+$/, "") || undefined;
  if (publicUrl && !/^https?:\/\/[^\s]+$/.test(publicUrl)) throw new ConfigError(`CASEFILE_PUBLIC_URL must be an http(s):// URL, e.g. https://casefile.example.com.`);

  const host = env.CASEFILE_HOST?.trim() || "0.0.0.0";
  return {
    host,
    port: int(env, "CASEFILE_PORT", 8080, 0, 65535),
    dataDir: resolve(env.CASEFILE_DATA_DIR?.trim() || "./.casefile"),
    webhookSecrets: secrets,
    apiToken,
    insecureNoAuth: bool(env, "CASEFILE_INSECURE_NO_AUTH"),
    allowedHosts: parseAllowedHosts(env.CASEFILE_ALLOWED_HOSTS, publicUrl, host),
    trustProxy: parseTrustProxy(env.CASEFILE_TRUST_PROXY),
    databaseUrl,
    concurrency: int(env, "CASEFILE_CONCURRENCY", 2, 1, 64),
    coalesceWindowMs: env.CASEFILE_COALESCE_WINDOW?.trim() ? parseDuration(env.CASEFILE_COALESCE_WINDOW, "CASEFILE_COALESCE_WINDOW") : 15 * 60_000,
    rateLimit: int(env, "CASEFILE_RATE_LIMIT", 200, 1, 1_000_000),
    maxBodyBytes: env.CASEFILE_MAX_BODY?.trim() ? parseBytes(env.CASEFILE_MAX_BODY, "CASEFILE_MAX_BODY") : 256 * 1024,
    notifyUrl,
    notifySecret,
    notifyAllowPrivate: bool(env, "CASEFILE_NOTIFY_ALLOW_PRIVATE"),
    // "model-override" pauses only the runs whose model disagrees with the rules
    requireApproval: env.CASEFILE_REQUIRE_APPROVAL?.trim().toLowerCase() === "model-override" ? "model-override" : bool(env, "CASEFILE_REQUIRE_APPROVAL"),
    publicUrl,
    payloadMappings: parseMappings(env.CASEFILE_PAYLOAD_MAPPINGS),
    env,
  };
}
