// Shared pieces of the vendor doubles: credentials, error envelopes, time parsing, cursors, IP matching.
import { BlockList, isIP } from "node:net";
import type { Incident } from "../domain/incident.ts";

export type Vendor = "cloudflare" | "datadog" | "confluence";
export const VENDORS: readonly Vendor[] = ["cloudflare", "datadog", "confluence"];

/** Fixed credentials the sandbox accepts; anything else is rejected like the real API would. */
export const SANDBOX_CLOUDFLARE_TOKEN = "sandbox-cloudflare-token";
export const SANDBOX_CLOUDFLARE_EMAIL = "sandbox@example.com";
export const SANDBOX_CLOUDFLARE_KEY = "sandbox-cloudflare-global-key";
export const SANDBOX_DD_API_KEY = "sandbox-dd-api-key";
export const SANDBOX_DD_APP_KEY = "sandbox-dd-app-key";
export const SANDBOX_CONFLUENCE_EMAIL = "sandbox@example.com";
export const SANDBOX_CONFLUENCE_TOKEN = "sandbox-confluence-token";
/** Account id served when the incident has no Cloudflare source (an account with no activity). */
export const SANDBOX_DEFAULT_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

/** Everything a route handler needs to know about the running sandbox. */
export interface SandboxContext {
  incident: Incident;
  /** The incident clock, epoch ms: nothing after it is ever served. */
  now: number;
  /** http://host:port once listening. */
  baseUrl: string;
  maxPageSize: { cloudflare?: number; datadog?: number; confluence?: number };
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** vendor error code: Cloudflare numeric code, Confluence UPPER_SNAKE code */
    readonly code?: number | string,
  ) {
    super(message);
  }
}

export function vendorOf(url: string): Vendor | "sandbox" {
  if (url.startsWith("/client/v4/") || url === "/client/v4") return "cloudflare";
  if (url.startsWith("/api/")) return "datadog";
  if (url.startsWith("/wiki/") || url.startsWith("/rest/")) return "confluence";
  return "sandbox";
}

const CONFLUENCE_CODES: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "REQUEST_ENTITY_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
  503: "SERVICE_UNAVAILABLE",
};

/** Cloudflare codes for statuses the contract does not pin (the double's own choice). */
const CLOUDFLARE_CODES: Record<number, number> = { 400: 1004, 403: 10000, 404: 7003, 429: 971, 503: 1200 };

/** The vendor's own error envelope for a status and message. */
export function errorBody(vendor: Vendor | "sandbox", status: number, message: string, code?: number | string): unknown {
  switch (vendor) {
    case "cloudflare":
      return {
        success: false,
        errors: [{ code: typeof code === "number" ? code : (CLOUDFLARE_CODES[status] ?? 1000), message }],
        messages: [],
        result: null,
      };
    case "datadog":
      return { errors: [message] };
    case "confluence":
      return {
        errors: [{ status, code: typeof code === "string" ? code : (CONFLUENCE_CODES[status] ?? "ERROR"), title: message, detail: null }],
      };
    default:
      return { error: message, statusCode: status };
  }
}

/** Exact auth-failure bodies from the contracts. */
export const AUTH_ERRORS = {
  cloudflare: { status: 403, body: { success: false, errors: [{ code: 10000, message: "Authentication error" }], messages: [], result: null } },
  datadog: { status: 403, body: { errors: ["Forbidden"] } },
  confluence: { status: 401, body: { errors: [{ status: 401, code: "UNAUTHORIZED", title: "Unauthorized", detail: null }] } },
} as const;

/** First value of a query parameter that may be repeated. */
export function one(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length ? String(v[0]) : undefined;
  return v === undefined ? undefined : String(v);
}

/** All values of a repeatable query parameter. */
export function many(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** An integer parameter inside [min, max], or the default when absent; HttpError 400 otherwise. */
export function intParam(raw: string | undefined, name: string, def: number, min: number, max: number): number {
  if (raw === undefined || raw === "") return def;
  if (!/^-?\d+$/.test(raw.trim())) throw new HttpError(400, `${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new HttpError(400, `${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:\d{2})$/;
const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** `YYYY-MM-DD` (UTC midnight) or RFC3339; undefined if it is neither. */
export function parseDateOrRfc3339(s: string): number | undefined {
  if (DATE_ONLY.test(s)) return Date.parse(`${s}T00:00:00Z`);
  if (RFC3339.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** A vendor record timestamp (RFC3339, or ISO without zone read as UTC); undefined when unreadable. */
export function recordTime(v: unknown): number | undefined {
  if (typeof v !== "string") return undefined;
  const s = ISO_NO_ZONE.test(v) ? `${v}Z` : v;
  if (!RFC3339.test(s) && !DATE_ONLY.test(s)) return undefined;
  const t = Date.parse(DATE_ONLY.test(s) ? `${s}T00:00:00Z` : s);
  return Number.isNaN(t) ? undefined : t;
}

/** Opaque cursor: base64url JSON. */
export function encodeCursor(state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, what: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (v && typeof v === "object" && !Array.isArray(v) && typeof (v as { o?: unknown }).o === "number") return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, `invalid ${what} cursor: pass back exactly the value of the previous response`);
}

/** Does `ip` equal `pattern`, or fall inside it when `pattern` is a CIDR range (IPv4 or IPv6)? */
export function ipMatches(ip: unknown, pattern: string): boolean {
  if (typeof ip !== "string") return false;
  const slash = pattern.indexOf("/");
  if (slash < 0) return ip.toLowerCase() === pattern.toLowerCase();
  const net = pattern.slice(0, slash);
  const bits = Number(pattern.slice(slash + 1));
  const family = isIP(net);
  const ipFamily = isIP(ip);
  if (!family || family !== ipFamily || !Number.isInteger(bits)) return false;
  const list = new BlockList();
  list.addSubnet(net, bits, family === 4 ? "ipv4" : "ipv6");
  return list.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/** Is `pattern` an IP address or a valid CIDR range? */
export function isIpOrCidr(pattern: string): boolean {
  const slash = pattern.indexOf("/");
  if (slash < 0) return isIP(pattern) !== 0;
  const family = isIP(pattern.slice(0, slash));
  const bitsText = pattern.slice(slash + 1);
  const bits = Number(bitsText);
  return family !== 0 && /^\d+$/.test(bitsText) && bits <= (family === 4 ? 32 : 128);
}

/** Read a dotted path inside a plain object. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Stable sort of records by time, then by their position in the incident (a total order for paging). */
export function sortByTime<T extends { t: number; i: number }>(rows: T[], direction: "asc" | "desc"): T[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => (a.t - b.t) * sign || a.i - b.i);
}
