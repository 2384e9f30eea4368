// The sandbox: one local HTTP server that serves one labelled incident through doubles of the
// Cloudflare, Datadog and Confluence APIs, with the vendors' paths, envelopes, pagination and errors.
import { setTimeout as sleep } from "node:timers/promises";
import Fastify, { type FastifyRequest } from "fastify";
import { Fault, type Incident } from "../domain/incident.ts";
import { cloudflareAccountId, registerCloudflare } from "./cloudflare.ts";
import {
  AUTH_ERRORS,
  HttpError,
  SANDBOX_CLOUDFLARE_EMAIL,
  SANDBOX_CLOUDFLARE_KEY,
  SANDBOX_CLOUDFLARE_TOKEN,
  SANDBOX_CONFLUENCE_EMAIL,
  SANDBOX_CONFLUENCE_TOKEN,
  SANDBOX_DD_API_KEY,
  SANDBOX_DD_APP_KEY,
  VENDORS,
  errorBody,
  vendorOf,
  type SandboxContext,
  type Vendor,
} from "./common.ts";
import { MAX_REQUEST_BYTES, SANDBOX_SPACE_KEY, newConfluenceState, registerConfluence, type SandboxConfluence } from "./confluence.ts";
import { registerDatadog } from "./datadog.ts";

export * from "./common.ts";
export { SANDBOX_HOMEPAGE_ID, SANDBOX_SPACE_ID, SANDBOX_SPACE_KEY } from "./confluence.ts";
export type { SandboxAttachment, SandboxConfluence, SandboxLabel, SandboxPage, SandboxProperty, SandboxSpace } from "./confluence.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** "none": the route checks credentials itself, or needs none (the HTML page view). */
    auth?: "none";
  }
}

export interface SandboxOptions {
  incident: Incident;
  /** default 127.0.0.1 */
  host?: string;
  /** default 0 (a free port) */
  port?: number;
  /** force small pages: the maximum page size the double will return, whatever the client asks (default: API max) */
  maxPageSize?: { cloudflare?: number; datadog?: number; confluence?: number };
  /** override incident.faults */
  faults?: Record<string, string>;
  /** latency injected per request, per vendor, in ms (for benchmarks) */
  latencyMs?: { cloudflare?: number; datadog?: number; confluence?: number };
  logger?: boolean;
}

export interface SandboxRequest {
  vendor: Vendor | "sandbox";
  method: string;
  /** path without the query string */
  path: string;
  status: number;
  /** the parsed query string; for the Datadog search POST, its JSON body */
  query: unknown;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  url: string;
  /** the environment that points casefile at the sandbox */
  env: Record<string, string>;
  /** every request seen, in order */
  requests: SandboxRequest[];
  /** inspectable Confluence state (pages, spaces, attachments, labels, properties) */
  confluence: SandboxConfluence;
  close(): Promise<void>;
}

function checkFaults(faults: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(faults)) {
    if (!(VENDORS as readonly string[]).includes(key)) throw new Error(`sandbox fault key "${key}" is not one of ${VENDORS.join(", ")}`);
    if (!Fault.safeParse(value).success) throw new Error(`sandbox fault "${key}": "${value}" is not unavailable | rate_limited_once | forbidden | slow:<ms>`);
  }
  return faults;
}

function authorized(vendor: Vendor, req: FastifyRequest): boolean {
  const h = req.headers;
  switch (vendor) {
    case "cloudflare":
      return (
        h.authorization === `Bearer ${SANDBOX_CLOUDFLARE_TOKEN}` ||
        (h["x-auth-email"] === SANDBOX_CLOUDFLARE_EMAIL && h["x-auth-key"] === SANDBOX_CLOUDFLARE_KEY)
      );
    case "datadog":
      return h["dd-api-key"] === SANDBOX_DD_API_KEY && h["dd-application-key"] === SANDBOX_DD_APP_KEY;
    case "confluence":
      return h.authorization === `Basic ${Buffer.from(`${SANDBOX_CONFLUENCE_EMAIL}:${SANDBOX_CONFLUENCE_TOKEN}`).toString("base64")}`;
  }
}

/** The 503 / 429 / 403 answers of the fault plan, in each vendor's own error shape. */
function faultReply(vendor: Vendor, kind: "unavailable" | "rate_limited" | "forbidden"): { status: number; body: unknown } {
  if (kind === "forbidden") {
    if (vendor === "confluence") return { status: 403, body: errorBody("confluence", 403, "Forbidden: the user has no permission for this space") };
    return { status: 403, body: AUTH_ERRORS[vendor].body };
  }
  if (kind === "rate_limited") {
    const msg = vendor === "cloudflare" ? "Please wait and consider throttling your request speed" : "Rate limit exceeded";
    return { status: 429, body: errorBody(vendor, 429, msg) };
  }
  return { status: 503, body: errorBody(vendor, 503, "Service Unavailable") };
}

export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const { incident } = opts;
  const now = Date.parse(incident.now);
  const faults = checkFaults(opts.faults ?? incident.faults ?? {});
  const ctx: SandboxContext = { incident, now, baseUrl: "", maxPageSize: opts.maxPageSize ?? {} };
  const confluence = newConfluenceState();
  const requests: SandboxRequest[] = [];
  const calls: Record<Vendor, number> = { cloudflare: 0, datadog: 0, confluence: 0 };

  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 64 * 1024 * 1024, forceCloseConnections: true });

  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body: Buffer, done) => {
    if (vendorOf(req.url) === "confluence" && body.length > MAX_REQUEST_BYTES) {
      done(new HttpError(413, `Request body of ${body.length} bytes exceeds the 5 MB limit; shrink the page body or move data into attachments`));
      return;
    }
    if (body.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(body.toString("utf8")));
    } catch (err) {
      done(new HttpError(400, `request body is not valid JSON: ${(err as Error).message}`));
    }
  });
  app.addContentTypeParser("multipart/form-data", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.addHook("onRequest", async (req, reply) => {
    const vendor = vendorOf(req.url);
    if (vendor === "sandbox") return;
    const n = ++calls[vendor];
    const fault = faults[vendor];
    const delay = (opts.latencyMs?.[vendor] ?? 0) + (fault?.startsWith("slow:") ? Number(fault.slice(5)) : 0);
    if (delay > 0) await sleep(delay);
    const kind = fault === "unavailable" ? "unavailable" : fault === "forbidden" ? "forbidden" : fault === "rate_limited_once" && n === 1 ? "rate_limited" : undefined;
    if (kind) {
      const { status, body } = faultReply(vendor, kind);
      if (status === 429) void reply.header("retry-after", "1");
      return reply.code(status).send(body);
    }
    if (req.routeOptions.config.auth === "none" || authorized(vendor, req)) return;
    return reply.code(AUTH_ERRORS[vendor].status).send(AUTH_ERRORS[vendor].body);
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const vendor = vendorOf(req.url);
    if (vendor === "cloudflare") {
      void reply.header("ratelimit", `"default";r=${Math.max(0, 1200 - calls.cloudflare)};t=300`);
      void reply.header("ratelimit-policy", `"burst";q=1200;w=300`);
    } else if (vendor === "datadog") {
      void reply.header("x-ratelimit-limit", "1000");
      void reply.header("x-ratelimit-period", "60");
      void reply.header("x-ratelimit-remaining", String(Math.max(0, 1000 - calls.datadog)));
      void reply.header("x-ratelimit-reset", "60");
      void reply.header("x-ratelimit-name", "audit_logs");
    }
    return payload;
  });

  app.addHook("onResponse", async (req, reply) => {
    const vendor = vendorOf(req.url);
    const isSearch = req.method === "POST" && req.url.startsWith("/api/v2/audit/events/search");
    requests.push({ vendor, method: req.method, path: req.url.split("?")[0]!, status: reply.statusCode, query: isSearch ? req.body : req.query });
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: unknown }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    const code = err instanceof HttpError ? err.code : undefined;
    if (status === 500) req.log.error({ err }, "sandbox handler failed");
    return reply.code(status).send(errorBody(vendorOf(req.url), status, status === 500 ? `sandbox internal error: ${err.message}` : err.message, code));
  });

  app.setNotFoundHandler((req, reply) => {
    const vendor = vendorOf(req.url);
    const msg = vendor === "cloudflare" ? "No route for the URI" : `No sandbox route for ${req.method} ${req.url.split("?")[0]}`;
    return reply.code(404).send(errorBody(vendor, 404, msg, vendor === "cloudflare" ? 7003 : undefined));
  });

  app.get("/", async () => ({ sandbox: "casefile", incident: incident.id, now: incident.now }));
  registerCloudflare(app, ctx);
  registerDatadog(app, ctx);
  registerConfluence(app, ctx, confluence);

  await app.listen({ host: opts.host ?? "127.0.0.1", port: opts.port ?? 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === "string") throw new Error("sandbox: server did not report a TCP address");
  const host = addr.address.includes(":") ? `[${addr.address}]` : addr.address;
  const url = `http://${host}:${addr.port}`;
  ctx.baseUrl = url;

  const env: Record<string, string> = {
    CLOUDFLARE_BASE_URL: `${url}/client/v4`,
    CLOUDFLARE_API_TOKEN: SANDBOX_CLOUDFLARE_TOKEN,
    CLOUDFLARE_ACCOUNT_ID: cloudflareAccountId(ctx),
    DATADOG_API_URL: url,
    DD_API_KEY: SANDBOX_DD_API_KEY,
    DD_APP_KEY: SANDBOX_DD_APP_KEY,
    DD_SITE: incident.sources.datadog?.site ?? "datadoghq.com",
    CONFLUENCE_BASE_URL: url,
    CONFLUENCE_EMAIL: SANDBOX_CONFLUENCE_EMAIL,
    CONFLUENCE_API_TOKEN: SANDBOX_CONFLUENCE_TOKEN,
    CONFLUENCE_SPACE_KEY: SANDBOX_SPACE_KEY,
  };

  return { url, env, requests, confluence, close: () => app.close() };
}
