// The HTTP client every vendor client uses, and the retry policy it runs: undici on a per-vendor Agent, one deadline
// per exchange, a byte cap, JSON parsing, a cockatiel retry policy (exponential backoff + jitter that honours
// server hints) and a per-vendor bulkhead. Each vendor's client states its own retry settings and error table
// (tools/<vendor>/client.ts, errors.ts) and passes them in; request counts go to an injected `onRequest` hook
// (default: the "casefile:vendor-http" diagnostics channel, which /metrics subscribes to). Credentials live only
// in the request headers; they never appear in messages.
import { channel } from "node:diagnostics_channel";
import { Agent, request, type FormData } from "undici";
import { ExponentialBackoff, bulkhead, handleWhen, retry, type BulkheadPolicy, type IBackoff, type IBackoffFactory, type IRetryBackoffContext, type RetryPolicy } from "cockatiel";
import { loadLimits, type Limits } from "./config.ts";
import { safeText } from "./text.ts";
import { VendorError } from "./types.ts";

export type Vendor = VendorError["vendor"];

/** What one request counts towards: a call (every attempt), a retry, a 429 answer, a failure after retries. */
export type VendorRequestCount = "calls" | "retries" | "rate_limited" | "failures";
export type OnVendorRequest = (e: { vendor: Vendor; count: VendorRequestCount }) => void;

/** The diagnostics channel a client reports its counts to when it was given no `onRequest` hook. */
export const VENDOR_HTTP_CHANNEL = "casefile:vendor-http";
const vendorHttpChannel = channel(VENDOR_HTTP_CHANNEL);
const publishRequest: OnVendorRequest = (e) => {
  if (vendorHttpChannel.hasSubscribers) vendorHttpChannel.publish(e);
};

export type Headers = Record<string, string | string[] | undefined>;

/** A vendor answered with a non-success status. Keeps the (untrusted) body for callers that branch on it. */
export class HttpError extends VendorError {
  constructor(
    vendor: Vendor,
    status: number | undefined,
    message: string,
    retryable: boolean,
    readonly body: unknown,
    readonly headers: Headers = {},
    /** Server-requested or computed wait before a retry, in ms. */
    readonly retryDelayMs?: number,
  ) {
    super(vendor, status, message, retryable);
    this.name = "HttpError";
  }
}

/** HTTP 413: the request body is too large (Confluence: > 5 MB). Callers can trim and try again. */
export class PayloadTooLargeError extends HttpError {
  constructor(vendor: Vendor, message: string, body: unknown) {
    super(vendor, 413, message, false, body);
    this.name = "PayloadTooLargeError";
  }
}

/**
 * A non-idempotent request (e.g. page create) failed in a way where the server may have applied it
 * (timeout, connection reset, 5xx). It is never retried blindly: look the result up first.
 */
export class UncertainOutcomeError extends VendorError {
  constructor(vendor: Vendor, status: number | undefined, message: string) {
    super(vendor, status, message, false);
    this.name = "UncertainOutcomeError";
  }
}

export const VENDOR_LABEL: Record<Vendor, string> = {
  cloudflare: "Cloudflare",
  datadog: "Datadog",
  confluence: "Confluence",
  model: "The model endpoint",
};

const BASE_URL_VAR: Record<Vendor, string> = {
  cloudflare: "CLOUDFLARE_BASE_URL",
  datadog: "DD_SITE / DATADOG_API_URL",
  confluence: "CONFLUENCE_BASE_URL",
  model: "OPENAI_BASE_URL",
};


function header(headers: Headers, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The wait a server asks for, in ms, from `Retry-After` (seconds or HTTP date), `Ratelimit: …;t=<secs>`,
 * or `X-RateLimit-Reset` (seconds, or an ISO timestamp). The last two only count for a 429 (they are sent on
 * every response). Undefined when there is no usable hint.
 */
export function retryHintMs(headers: Headers, status = 429, now = Date.now()): number | undefined {
  const ra = header(headers, "retry-after");
  if (ra !== undefined && ra.trim() !== "") {
    const t = ra.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
    const d = Date.parse(t);
    if (!Number.isNaN(d)) return Math.max(0, d - now);
  }
  // The rate-limit window headers come on every response; they only explain a 429.
  if (status !== 429) return undefined;
  const rl = header(headers, "ratelimit");
  if (rl) {
    const m = /(?:^|;)\s*t=(\d+(?:\.\d+)?)/.exec(rl);
    if (m?.[1]) return Math.round(Number(m[1]) * 1000);
  }
  const reset = header(headers, "x-ratelimit-reset");
  if (reset !== undefined && reset.trim() !== "") {
    const t = reset.trim();
    if (/^\d+(\.\d+)?$/.test(t)) {
      const n = Number(t);
      // Some servers send an epoch timestamp here; anything that large is a point in time.
      if (n > 1e9) return Math.max(0, n * 1000 - now);
      return Math.round(n * 1000);
    }
    const d = Date.parse(t);
    if (!Number.isNaN(d)) return Math.max(0, d - now);
  }
  return undefined;
}

/** The vendor's own error text from a failure body (Cloudflare, Datadog, Confluence shapes), sanitised. */
export function vendorMessage(body: unknown): { message?: string; code?: number | string } {
  if (typeof body === "string") return body.trim() ? { message: safeText(body) } : {};
  if (!body || typeof body !== "object") return {};
  const b = body as Record<string, unknown>;
  const errors = b.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0];
    if (typeof first === "string") return { message: safeText(errors.filter((e) => typeof e === "string").join("; ")) };
    if (first && typeof first === "object") {
      const e = first as Record<string, unknown>;
      const code = typeof e.code === "number" || typeof e.code === "string" ? e.code : undefined;
      const message = safeText(e.message ?? e.title ?? e.detail);
      const out: { message?: string; code?: number | string } = {};
      if (message) out.message = message;
      if (code !== undefined) out.code = code;
      return out;
    }
  }
  if (typeof b.message === "string") return { message: safeText(b.message) };
  return {};
}

export interface FailureContext {
  vendor: Vendor;
  status: number;
  body: unknown;
  /** What was being done, e.g. "audit log query (v2)", "page create". */
  what: string;
}

/** A failure with the vendor's own words read from its body; `said` is them as a sentence (or ""). */
export interface Failure extends FailureContext {
  message?: string;
  code?: number | string;
  said: string;
}

/** A vendor's own messages for the statuses it documents; undefined: the general message. */
export type FailureTable = (f: Failure) => string | undefined;

/** One message naming vendor, HTTP status, likely cause and the env var / permission that fixes it. */
export function explainFailure(ctx: FailureContext, table?: FailureTable): string {
  const { message, code } = vendorMessage(ctx.body);
  const said = message ? ` Vendor said: "${message}"${code !== undefined ? ` (code ${safeText(code, 20)})` : ""}.` : "";
  const own = table?.({ ...ctx, ...(message !== undefined ? { message } : {}), ...(code !== undefined ? { code } : {}), said });
  if (own !== undefined) return own;
  const { vendor, status, what } = ctx;
  const v = VENDOR_LABEL[vendor];
  if (status === 413) return `${v} refused ${what} as too large (413).${said}`;
  if (status >= 500) return `${v} is unavailable (${status}) during ${what}; it is a server-side problem, retry later.${said}`;
  if (status === 400) return `${v} rejected ${what} as a bad request (400).${said}`;
  return `${v} answered HTTP ${status} during ${what}: check ${BASE_URL_VAR[vendor]} and the credentials.${said}`;
}

function networkMessage(vendor: Vendor, err: unknown, what: string, timeoutMs: number, host: string): string {
  const code = (err as { code?: unknown })?.code;
  const c = typeof code === "string" ? code : "";
  const v = VENDOR_LABEL[vendor];
  if (c.includes("TIMEOUT") || (err as Error)?.name === "TimeoutError") {
    return `${v} did not answer ${what} within ${timeoutMs} ms (${c || "timeout"}): the service is slow or unreachable; raise CASEFILE_HTTP_TIMEOUT_MS or retry later.`;
  }
  return `Cannot reach ${v} at ${host} for ${what} (${c || safeText((err as Error)?.message, 80) || "network error"}): check ${BASE_URL_VAR[vendor]} and network access.`;
}

/**
 * How a vendor's requests are retried. Each vendor's client states its own (e.g. CLOUDFLARE_RETRY); HttpClient runs
 * it: 429, 502, 503, 504 and network errors of idempotent requests are retried after the server's hint
 * (`Retry-After`, `Ratelimit`, `X-RateLimit-Reset`) or, without one, cockatiel's exponential backoff from
 * `baseDelayMs` (decorrelated jitter, capped at 30 s); a wait longer than CASEFILE_MAX_RETRY_WAIT_MS fails at once.
 */
export interface RetrySettings {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff delay without a server hint, ms. */
  baseDelayMs: number;
  /** Wait after a 429 without any hint (Cloudflare: its documented 5-minute block). */
  defaultRateLimitWaitMs?: number;
}

export interface HttpClientOptions extends Partial<RetrySettings> {
  vendor: Vendor;
  baseUrl: string;
  /** Auth and fixed headers. Never logged. */
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetryWaitMs: number;
  /** Concurrent requests to this vendor (default 4). */
  concurrency?: number;
  /** Largest response body read (default 32 MiB); past it the request fails instead of filling memory. */
  maxResponseBytes?: number;
  /** The vendor's own failure messages (default: the general ones). */
  explain?: FailureTable;
  /** Told of every call, retry, 429 and failure (default: the VENDOR_HTTP_CHANNEL diagnostics channel). */
  onRequest?: OnVendorRequest;
}

/** What a vendor client's factory may be given: its limits, fewer or faster retries (doctor retries once), a hook. */
export interface VendorHttpOptions extends Partial<Pick<RetrySettings, "maxRetries" | "baseDelayMs">> {
  limits?: Limits;
  concurrency?: number;
  onRequest?: OnVendorRequest;
}

/** A vendor's client from what its module states (retry policy, error table, concurrency) and the limits. */
export function vendorHttpClient(
  vendor: { vendor: Vendor; baseUrl: string; headers: Record<string, string>; retry: RetrySettings; explain: FailureTable; concurrency: number },
  opts: VendorHttpOptions = {},
): HttpClient {
  const limits = opts.limits ?? loadLimits({});
  return new HttpClient({
    vendor: vendor.vendor,
    baseUrl: vendor.baseUrl,
    headers: vendor.headers,
    timeoutMs: limits.httpTimeoutMs,
    maxRetryWaitMs: limits.maxRetryWaitMs,
    ...vendor.retry,
    concurrency: opts.concurrency ?? vendor.concurrency,
    ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
    ...(opts.baseDelayMs !== undefined ? { baseDelayMs: opts.baseDelayMs } : {}),
    explain: vendor.explain,
    ...(opts.onRequest ? { onRequest: opts.onRequest } : {}),
  });
}


/** Default byte cap of one vendor response. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

export interface RequestSpec {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path appended to the base URL, or an absolute URL on the same host. */
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Whether a blind retry is safe. Default: every method except POST. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** For messages: what this call does, e.g. "audit log query (v1)". */
  what: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * The request URL: a path under the base, or an absolute URL (a vendor's pagination link) only on the base's own
 * origin: credentials are never sent to a host a response body names.
 */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): URL {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//");
  const u = absolute ? new URL(path, baseUrl) : new URL(baseUrl.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  if (absolute && u.origin !== new URL(baseUrl).origin) {
    throw new CrossOriginLinkError(`refusing to follow a link to ${safeText(u.origin, 120)}: only ${new URL(baseUrl).origin} receives the credentials`);
  }
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) u.searchParams.append(k, String(item));
    else u.searchParams.set(k, String(v));
  }
  return u;
}

/** A response named another host as the next page: not followed (the credentials would go there). */
export class CrossOriginLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CrossOriginLinkError";
  }
}

/** Reads a response body up to `max` bytes; past it the stream is dropped and undefined returned. */
async function readCapped(body: AsyncIterable<Uint8Array> & { destroy?: (e?: Error) => unknown }, max: number): Promise<string | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > max) {
      body.destroy?.();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

type RetryContext = IRetryBackoffContext<unknown>;

/**
 * The wait before a retry: what the server asked for when the failure carries it (`retryDelayMs`, from
 * Retry-After and the rate-limit headers), else the next step of cockatiel's exponential backoff (jittered).
 */
function hintedBackoff(exponential: IBackoffFactory<unknown>): IBackoffFactory<RetryContext> {
  const step = (inner: IBackoff<unknown>, ctx: RetryContext): IBackoff<RetryContext> => {
    const err = "error" in ctx.result ? ctx.result.error : undefined;
    const hint = err instanceof HttpError ? err.retryDelayMs : undefined;
    return { duration: hint ?? inner.duration, next: (c) => step(inner.next(c), c) };
  };
  return { next: (ctx) => step(exponential.next(ctx), ctx) };
}

export class HttpClient {
  readonly vendor: Vendor;
  private readonly agent: Agent;
  private readonly bulk: BulkheadPolicy;
  private readonly retryPolicy: RetryPolicy;
  private readonly opts: Required<Omit<HttpClientOptions, "defaultRateLimitWaitMs" | "explain">> & Pick<HttpClientOptions, "defaultRateLimitWaitMs" | "explain">;

  constructor(options: HttpClientOptions) {
    this.opts = { maxRetries: 3, concurrency: 4, baseDelayMs: 500, maxResponseBytes: MAX_RESPONSE_BYTES, onRequest: publishRequest, ...options };
    this.vendor = options.vendor;
    this.agent = new Agent({
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: options.timeoutMs },
    });
    this.bulk = bulkhead(this.opts.concurrency, Number.MAX_SAFE_INTEGER);
    this.retryPolicy = retry(
      handleWhen((e) => e instanceof HttpError && e.retryable),
      {
        maxAttempts: this.opts.maxRetries,
        backoff: hintedBackoff(new ExponentialBackoff({ initialDelay: this.opts.baseDelayMs, maxDelay: 30_000 })),
      },
    );
    this.retryPolicy.onRetry(() => {
      this.count("retries");
    });
  }

  private count(count: VendorRequestCount): void {
    this.opts.onRequest({ vendor: this.vendor, count });
  }

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  async request(spec: RequestSpec): Promise<HttpResponse> {
    try {
      return await this.retryPolicy.execute(
        ({ attempt }) => this.bulk.execute(() => this.attempt(spec, attempt), spec.signal),
        spec.signal,
      );
    } catch (e) {
      if (e instanceof VendorError) this.count("failures");
      throw e;
    }
  }

  private async attempt(spec: RequestSpec, attempt: number): Promise<HttpResponse> {
    const idempotent = spec.idempotent ?? spec.method !== "POST";
    let url: URL;
    try {
      url = buildUrl(this.opts.baseUrl, spec.path, spec.query);
    } catch (e) {
      throw new HttpError(this.vendor, undefined, `${VENDOR_LABEL[this.vendor]} ${spec.what}: ${(e as Error).message}.`, false, undefined);
    }
    const headers: Record<string, string> = { accept: "application/json", ...this.opts.headers, ...spec.headers };
    let body: string | FormData | undefined;
    if (spec.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(spec.json);
    } else if (spec.form) body = spec.form;
    this.count("calls");
    // One deadline for the whole exchange (connect, headers and every body byte): a slow drip cannot outlive it.
    const deadline = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, deadline]) : deadline;
    let res: Awaited<ReturnType<typeof request>>;
    let text: string | undefined;
    try {
      res = await request(url, {
        method: spec.method,
        headers,
        body,
        dispatcher: this.agent,
        signal,
      });
      text = await readCapped(res.body, this.opts.maxResponseBytes);
    } catch (err) {
      if (spec.signal?.aborted) throw err;
      const msg = networkMessage(this.vendor, err, spec.what, this.opts.timeoutMs, url.host);
      const code = String((err as { code?: unknown })?.code ?? "");
      const neverSent = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
      if (!idempotent && !neverSent) {
        throw new UncertainOutcomeError(this.vendor, undefined, `${msg} The outcome of this ${spec.method} is unknown; it is not retried blindly.`);
      }
      throw new HttpError(this.vendor, undefined, msg, attempt < this.opts.maxRetries + 1, undefined);
    }
    if (text === undefined) {
      throw new HttpError(
        this.vendor,
        res.statusCode,
        `${VENDOR_LABEL[this.vendor]} answered ${spec.what} with more than ${this.opts.maxResponseBytes} bytes; the response was dropped (ask for smaller pages).`,
        false,
        undefined,
      );
    }
    let parsed: unknown = text;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    } else parsed = undefined;
    const resHeaders = res.headers as Headers;
    const status = res.statusCode;
    if (status >= 200 && status < 300) return { status, headers: resHeaders, body: parsed };

    if (status === 429) this.count("rate_limited");
    const message = explainFailure({ vendor: this.vendor, status, body: parsed, what: spec.what }, this.opts.explain);
    if (status === 413) throw new PayloadTooLargeError(this.vendor, message, parsed);
    if (RETRY_STATUSES.has(status)) {
      if (!idempotent && status !== 429) {
        throw new UncertainOutcomeError(
          this.vendor,
          status,
          `${message} The outcome of this ${spec.method} is unknown; it is not retried blindly.`,
        );
      }
      let wait = retryHintMs(resHeaders, status);
      const hinted = wait !== undefined;
      if (wait === undefined && status === 429 && this.opts.defaultRateLimitWaitMs !== undefined) wait = this.opts.defaultRateLimitWaitMs;
      if (wait !== undefined && wait > this.opts.maxRetryWaitMs) {
        throw new HttpError(
          this.vendor,
          status,
          `${message} ${VENDOR_LABEL[this.vendor]} ${hinted ? "asked" : "needs"} us to wait ${Math.ceil(wait / 1000)} s, longer than CASEFILE_MAX_RETRY_WAIT_MS=${this.opts.maxRetryWaitMs}; retry later or raise CASEFILE_MAX_RETRY_WAIT_MS.`,
          false,
          parsed,
          resHeaders,
        );
      }
      throw new HttpError(this.vendor, status, message, true, parsed, resHeaders, wait);
    }
    throw new HttpError(this.vendor, status, message, false, parsed, resHeaders);
  }

  private closed = false;

  /** Closes the vendor's connection pool; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close();
  }
}
