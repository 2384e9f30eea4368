// The HTTP app: external plugins → app plugins → routes (schema-first with zod).
import { ModelOutcome } from "../graph/model-outcome.ts";
import { AgentRun } from "../graph/nodes/gather-agent.ts";
import { readEvent, type EvidenceStore } from "../graph/evidence-store.ts";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyRequest } from "fastify";
import rateLimit from "@fastify/rate-limit";
import { bearerOf, createAuthGate, fileEpoch, hostAllowed, tokenMatches, WindowCounter, type AuthGate } from "./auth.ts";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import fastJson from "fast-json-stringify";
import type { ServiceConfig } from "../config/service.ts";
import type { Metrics } from "./metrics.ts";
import { acceptDelivery, type Queue } from "./queue.ts";
import type { Runner } from "./runner.ts";
import { isAuthorized, uiPlugin } from "./ui.ts";
import { STATUSES, type Investigation, type Store } from "./store/index.ts";
import { parseJsonBounded, toAnomaly, verifyWebhook } from "./webhook.ts";
import { decideIntake, filterNote } from "../config/filters.ts";
import { VERDICTS } from "../domain/schemas.ts";

export interface AppDeps {
  config: ServiceConfig;
  store: Store;
  queue: Queue;
  runner: Runner;
  metrics: Metrics;
  logger: FastifyBaseLogger;
  /** How often ?wait polls the store. */
  waitPollMs?: number;
  /** Authentication state shared by the API and the UI (default: from config, session epoch in the data dir). */
  gate?: AuthGate;
  /** The investigations' evidence store: the review UI reads an event's whole vendor record from it by id. */
  evidence?: EvidenceStore;
}

/** Routes answered whatever the Host header says: probes and scrapers use bare addresses, and the webhook is signed. */
const ANY_HOST = /^\/(healthz|readyz|metrics|v1\/anomalies)(\?|$)/;

const FINISHED = new Set(["completed", "failed", "awaiting_approval"]);

const ErrorBody = z.object({ error: z.string(), field: z.string().optional(), message: z.string().optional() }).loose();

const Accepted = z.object({
  investigation_id: z.string(),
  status_url: z.string(),
  status: z.enum(STATUSES),
  coalesced: z.boolean(),
  /** the filter (configuration `filters:`) that kept the anomaly from an investigation, when `status` is filtered */
  rule: z.string().optional(),
});
/** The answer to `?wait=N` when the run finished in time: the accepted fields and the outcome. */
const Finished = Accepted.omit({ rule: true }).extend({
  verdict: z.string().nullable(),
  confidence: z.number().nullable(),
  report_url: z.string().nullable(),
});

const InvestigationView = z.object({
  investigation_id: z.string(),
  anomaly_id: z.string(),
  actor: z.string(),
  action: z.string(),
  status: z.enum(STATUSES),
  verdict: z.string().nullable(),
  confidence: z.number().nullable(),
  report_url: z.string().nullable(),
  page_id: z.string().nullable(),
  sources: z.record(z.string(), z.unknown()),
  errors: z.array(z.string()),
  anomalies: z.array(z.string()),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  attempts: z.number(),
  prompt_versions: z.record(z.string(), z.string()).nullable(),
  models: z.record(z.string(), z.string()).nullable(),
  /** per model-backed node: engine, model, host, attempts, fallback, rejections, tokens, latency (null before the run ends) */
  nodes: z.object({ analyst: ModelOutcome, writer: ModelOutcome, gatherer: ModelOutcome.optional() }).nullable(),
  /** the gatherer agent's queries, what each found, its budget and why it stopped (null without one) */
  gather_agent: AgentRun.nullable(),
  status_url: z.string(),
});

export function view(inv: Investigation, statusUrl: string): z.infer<typeof InvestigationView> {
  return {
    investigation_id: inv.id,
    anomaly_id: inv.anomaly_id,
    actor: inv.actor,
    action: inv.action,
    status: inv.status,
    verdict: inv.verdict,
    confidence: inv.confidence,
    report_url: inv.report_url,
    page_id: inv.page_id,
    sources: inv.sources ?? {},
    errors: inv.errors,
    anomalies: [inv.anomaly_id, ...inv.coalesced.map((a) => a.id)],
    created_at: inv.created_at,
    started_at: inv.started_at,
    finished_at: inv.finished_at,
    attempts: inv.attempts,
    prompt_versions: inv.prompt_versions,
    models: inv.models,
    nodes: inv.result?.nodes ?? null,
    gather_agent: inv.result?.gather_agent ?? null,
    status_url: statusUrl,
  };
}

/**
 * The webhook's answers are serialised by fast-json-stringify from the zod schemas' JSON Schema, compiled once at
 * start-up: no zod parse of our own output and no generic JSON.stringify on the ingest path.
 */
const jsonSchemaSerializer = ({ schema }: { schema: unknown }) =>
  fastJson(z.toJSONSchema(schema as z.ZodType, { target: "draft-7", io: "output", unrepresentable: "any" }) as Parameters<typeof fastJson>[0]);

class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? body.error));
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, store, queue, runner, metrics } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: config.maxBodyBytes,
    // A hop count is valid at run time (Fastify compiles it), the type only lists the other forms.
    trustProxy: config.trustProxy as boolean | string | string[],
    requestIdHeader: false,
    // Webhook deliveries skip Fastify's two request lines: refusals log one line at info, acceptances at debug
    // (below); at ingest rates the log lines cost more than the rest of the request.
    logController: new LogController({
      disableRequestLogging: (req: { method?: string; url?: string }) => req.method === "POST" && (req.url ?? "").startsWith("/v1/anomalies"),
    }),
  });

  // Answers are JSON, never a stack trace; bad input is never a 5xx.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpProblem) return reply.code(err.statusCode).headers(err.headers).send(err.body);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const v = err.validation[0];
      const field = v ? v.instancePath.replace(/^\//, "").replaceAll("/", ".") || String((v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join(".") ?? "") : "";
      return reply.code(400).send({ error: `invalid ${err.validationContext ?? "request"}`, field: field || undefined, message: v?.message ?? err.message });
    }
    const code = err.statusCode ?? 500;
    if (code === 413) return reply.code(413).send({ error: "payload too large", message: `the body exceeds ${config.maxBodyBytes} bytes (CASEFILE_MAX_BODY)` });
    if (code === 415) return reply.code(415).send({ error: "unsupported media type", message: "send the anomaly as application/json" });
    if (code === 429) return reply.code(429).send({ error: "rate limited", message: err.message });
    if (code >= 400 && code < 500) return reply.code(code).send({ error: "bad request", message: err.message });
    req.log.error({ err }, "request failed");
    return reply.code(500).send({ error: "internal error", message: "the service failed to handle the request; see its logs" });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: "not found", message: `no route ${req.method} ${req.url.split("?")[0]}` }));

  // DNS rebinding: a browser page on attacker.example resolving to this address sends Host: attacker.example.
  app.addHook("onRequest", async (req, reply) => {
    if (ANY_HOST.test(req.url) || hostAllowed(req.host, config.allowedHosts)) return;
    return reply.code(421).send({ error: "host not allowed", message: "this service does not answer for that Host; add the name to CASEFILE_ALLOWED_HOSTS (or set CASEFILE_PUBLIC_URL)" });
  });

  // External plugins.
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: "casefile", version: "1" }, components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  const baseUrl = (req: FastifyRequest) => config.publicUrl ?? `${req.protocol}://${req.host}`;
  const statusUrl = (req: FastifyRequest, id: string) => `${baseUrl(req)}/v1/investigations/${id}`;

  const gate = deps.gate ?? createAuthGate(config.apiToken, { epoch: fileEpoch(config.dataDir) });
  /** Bearer (or UI session) required; every wrong token counts in the client's one failure bucket. */
  const requireToken = async (req: FastifyRequest) => {
    if (!gate.token) return;
    const wait = gate.failures.blocked(req.ip);
    if (wait !== undefined) throw new HttpProblem(429, { error: "rate limited", message: `too many failed authentications from this address; retry in ${wait} s` }, { "retry-after": String(wait) });
    const bearer = bearerOf(req);
    if (bearer === undefined && isAuthorized(req, gate)) return; // the review UI's session cookie
    if (bearer !== undefined && tokenMatches(bearer, gate.token)) return;
    if (bearer !== undefined) gate.failures.hit(req.ip);
    throw new HttpProblem(401, { error: "unauthorized", message: "send Authorization: Bearer <CASEFILE_API_TOKEN>" }, { "www-authenticate": "Bearer" });
  };
  // Signed and unsigned deliveries count in separate buckets: a flood of forgeries cannot starve the detector.
  const signedHits = new WindowCounter({ maxFailures: config.rateLimit, windowMs: 1000 });
  const unsignedHits = new WindowCounter({ maxFailures: config.rateLimit, windowMs: 1000 });

  // Routes, in an encapsulated scope with the zod compilers.
  await app.register(async (api) => {
    api.setValidatorCompiler(validatorCompiler);
    api.setSerializerCompiler(serializerCompiler);
    const r = api.withTypeProvider<ZodTypeProvider>();

    r.get("/healthz", { schema: { hide: true } }, async () => ({ ok: true }));
    r.get("/readyz", { schema: { hide: true } }, async (_req, reply) => {
      const checks: Record<string, string> = {};
      // The backend's own error text (hosts, users, paths) goes to the log, never to the unauthenticated caller.
      for (const [name, backend] of [["store", store], ["queue", queue]] as const) {
        try {
          await backend.ping();
          checks[name] = "ok";
        } catch (e) {
          checks[name] = "failed";
          _req.log.warn({ err: (e as Error).message, backend: name }, "readiness check failed");
        }
      }
      const ok = Object.values(checks).every((v) => v === "ok");
      return reply.code(ok ? 200 : 503).send({ ok, checks });
    });
    r.get("/metrics", { schema: { hide: true } }, async (_req, reply) => {
      reply.header("content-type", metrics.registry.contentType);
      return metrics.registry.metrics();
    });

    // The anomaly webhook: raw body for the signature.
    const webhookIds = new WeakMap<FastifyRequest, string>();
    /** Counts and logs (one line, no vendor text) a refused delivery; returns the error to throw. */
    const refuse = (req: FastifyRequest, outcome: "unauthorized" | "invalid", status: number, body: { error: string; field?: string; message: string }) => {
      metrics.webhooks.inc({ outcome });
      req.log.info({ status, error: body.error, field: body.field }, "anomaly refused");
      return new HttpProblem(status, body);
    };
    await r.register(async (hook) => {
      hook.removeAllContentTypeParsers();
      hook.setSerializerCompiler(jsonSchemaSerializer);
      hook.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: config.maxBodyBytes }, (_req, body, done) => done(null, body));
      const h = hook.withTypeProvider<ZodTypeProvider>();
      h.post(
        "/v1/anomalies",
        {
          bodyLimit: config.maxBodyBytes,
          schema: {
            summary: "Receive one flagged anomaly (Standard Webhooks signed)",
            querystring: z.object({
              format: z.string().max(40).optional(),
              wait: z.coerce.number().int().min(1).max(60).optional(),
            }),
            response: { 200: Finished, 202: Accepted, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody },
          },
          preValidation: async (req) => {
            const raw = typeof req.body === "string" ? req.body : "";
            const v = verifyWebhook(raw, req.headers, config.webhookSecrets);
            const wait = (v.ok ? signedHits : unsignedHits).hit(req.ip);
            if (wait !== undefined) {
              metrics.webhooks.inc({ outcome: "rate_limited" });
              throw new HttpProblem(429, { error: "rate limited", message: `more than ${config.rateLimit} ${v.ok ? "signed" : "unsigned"} deliveries per second from this address (CASEFILE_RATE_LIMIT); retry in ${wait} s` }, { "retry-after": String(wait) });
            }
            if (!v.ok) throw refuse(req, "unauthorized", 401, { error: "invalid signature", message: v.message });
            webhookIds.set(req, v.webhookId);
          },
        },
        async (req, reply) => {
          const raw = req.body as string;
          const parsed = parseJsonBounded(raw);
          if (!parsed.ok) throw refuse(req, "invalid", 400, { error: "invalid anomaly", field: "(body)", message: parsed.message });
          const body = parsed.value;
          const mapped = toAnomaly(body, req.query.format, config.payloadMappings);
          if (!mapped.ok) throw refuse(req, "invalid", 400, { error: "invalid anomaly", field: mapped.field, message: mapped.message });
          // One commit records the webhook-id, the anomaly and the run's job: a 202 means all of it is durable.
          const webhookId = webhookIds.get(req)!;
          // Intake rules and suppressions: a filtered anomaly is stored and answered, never dropped silently.
          const intake = decideIntake(mapped.anomaly, config.filters);
          const filtered = intake.filtered ? filterNote(intake) : undefined;
          const accepted = await acceptDelivery(store, queue, { webhookId, body: raw, anomaly: mapped.anomaly, coalesceWindowMs: config.coalesceWindowMs, ...(filtered ? { filtered } : {}) });
          if (accepted.seen === "conflict") {
            throw refuse(req, "unauthorized", 401, {
              error: "webhook-id reused",
              message: "this webhook-id was already delivered with a different body; give every new message its own webhook-id",
            });
          }
          if (accepted.seen === "replay") req.log.debug({ webhook_id: webhookId }, "webhook retry of a delivered message");
          const { investigation, created } = accepted;
          if (investigation.status === "filtered") {
            metrics.webhooks.inc({ outcome: "filtered" });
            const rule = /^filtered by ([^:]+):/.exec(investigation.errors[0] ?? "")?.[1];
            return reply.code(202).send({ investigation_id: investigation.id, status_url: statusUrl(req, investigation.id), status: "filtered", coalesced: false, ...(rule ? { rule } : {}) });
          }
          const coalesced = investigation.anomaly_id !== mapped.anomaly.id;
          metrics.webhooks.inc({ outcome: created ? "created" : coalesced ? "coalesced" : "duplicate" });
          // Debug only: at ingest rates one line per delivery costs more than the rest of the request; the counters
          // in /metrics and the store keep the record.
          req.log.debug({ investigation_id: investigation.id, anomaly_id: mapped.anomaly.id, created, coalesced }, "anomaly accepted");
          let inv = investigation;
          if (req.query.wait) {
            const deadline = Date.now() + req.query.wait * 1000;
            while (!FINISHED.has(inv.status) && Date.now() < deadline) {
              await new Promise((res) => setTimeout(res, Math.min(deps.waitPollMs ?? 100, Math.max(1, deadline - Date.now()))));
              inv = (await store.get(inv.id)) ?? inv;
            }
            if (FINISHED.has(inv.status)) {
              return reply.code(200).send({
                investigation_id: inv.id,
                status_url: statusUrl(req, inv.id),
                status: inv.status,
                coalesced,
                verdict: inv.verdict,
                confidence: inv.confidence,
                report_url: inv.report_url,
              });
            }
          }
          return reply.code(202).send({ investigation_id: inv.id, status_url: statusUrl(req, inv.id), status: inv.status, coalesced });
        },
      );
    });

    // Read and decide, behind the API token when one is configured.
    await r.register(async (inv) => {
      inv.addHook("onRequest", requireToken);
      const i = inv.withTypeProvider<ZodTypeProvider>();
      const Id = z.object({ id: z.string().regex(/^inv_[a-f0-9]{32}$/, "an investigation id: inv_ + 32 hex digits") });
      const notFound = (id: string) => new HttpProblem(404, { error: "not found", message: `no investigation ${id}` });

      i.get(
        "/v1/investigations/:id",
        { schema: { summary: "One investigation", security: [{ bearer: [] }], params: Id, response: { 200: InvestigationView, 400: ErrorBody, 404: ErrorBody } } },
        async (req) => {
          const found = await store.get(req.params.id);
          if (!found) throw notFound(req.params.id);
          return view(found, statusUrl(req, found.id));
        },
      );
      i.get(
        "/v1/investigations",
        {
          schema: {
            summary: "Investigations, newest first",
            security: [{ bearer: [] }],
            querystring: z.object({
              status: z.enum(STATUSES).optional(),
              verdict: z.enum(VERDICTS).optional(),
              limit: z.coerce.number().int().min(1).max(200).default(50),
              cursor: z.string().max(200).optional(),
            }),
            response: { 200: z.object({ items: z.array(InvestigationView), next_cursor: z.string().nullable() }), 400: ErrorBody },
          },
        },
        async (req) => {
          const page = await store.list(req.query);
          return { items: page.items.map((x) => view(x, statusUrl(req, x.id))), next_cursor: page.next_cursor };
        },
      );
      for (const action of ["approve", "reject"] as const) {
        i.post(
          `/v1/investigations/:id/${action}`,
          {
            schema: {
              summary: `${action === "approve" ? "Approve" : "Reject"} a run waiting at the approval gate`,
              security: [{ bearer: [] }],
              params: Id,
              body: z.object({ reviewer: z.string().max(200).optional(), comment: z.string().max(2000).optional() }).nullish(),
              response: { 200: InvestigationView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
            },
          },
          async (req) => {
            const out = await runner.decide(req.params.id, { approve: action === "approve", reviewer: req.body?.reviewer, comment: req.body?.comment });
            if (!out.ok && out.reason === "not_found") throw notFound(req.params.id);
            if (!out.ok) throw new HttpProblem(409, { error: "not awaiting approval", message: `investigation ${req.params.id} is ${out.status}; only awaiting_approval runs can be decided` });
            return view(out.investigation, statusUrl(req, out.investigation.id));
          },
        );
      }
    });
  });

  // The review UI, behind the same token (its own login form sets a session cookie).
  await app.register(uiPlugin, {
    prefix: "/ui",
    store,
    ...(config.apiToken ? { apiToken: config.apiToken } : {}),
    gate,
    secureCookies: config.publicUrl?.startsWith("https://") ?? false,
    onDecision: (id, approve) => runner.decide(id, { approve, reviewer: "review-ui" }),
    ...(deps.evidence ? { readEvent: (investigationId: string, eventId: string) => readEvent(deps.evidence!, investigationId, eventId) } : {}),
  });
  app.get("/", { schema: { hide: true } }, async (_req, reply) => reply.redirect("/ui"));

  return app;
}
