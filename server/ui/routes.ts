// The review UI's routes (a Fastify plugin): security headers, the login gate and its throttle, log-in and log-out,
// the investigation list and pages, the live status and picture endpoints, and approve / reject with CSRF checks.
// Stored reports are read back through the report schema (report/schema.ts) before anything renders them.
import { readFileSync } from "node:fs";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AuditEvent } from "../../domain/events.ts";
import { VERDICTS } from "../../domain/schemas.ts";
import { redactValue } from "../../report/redact.ts";
import { Report } from "../../report/schema.ts";
import { createAuthGate, tokenMatches, type AuthGate } from "../auth.ts";
import { STATUSES, type Investigation, type Store } from "../store/index.ts";
import { createSessions, isAuthorized, presentsBadCredential } from "./session.ts";
import { STATUS_TEXT, listPage, loginPage, messagePage, recordPage, reportPage, type PageCtx, type StoredReport } from "./views.ts";

export interface DecisionOutcome {
  ok: boolean;
  /** e.g. "not_found" | "not_awaiting" */
  reason?: string;
  status?: string;
}

export interface UiOptions {
  store: Store;
  /** CASEFILE_API_TOKEN; without it (and without a `gate` holding one) the UI is open to anyone who can reach it. */
  apiToken?: string;
  /** Shared with the API: the token, failure throttle and session epoch (one is made from `apiToken` when absent). */
  gate?: AuthGate;
  /** Session cookies are `Secure` and `__Host-` prefixed (CASEFILE_PUBLIC_URL is https); https requests always are. */
  secureCookies?: boolean;
  /** Approve or reject a run waiting at the approval gate (the same logic as the API). */
  onDecision?: (id: string, approve: boolean) => Promise<DecisionOutcome | void>;
  /**
   * One gathered event of an investigation with its whole vendor record, by event id (graph/evidence-store.ts
   * readEvent). With it, every timeline row links to its record; without it, only the report's cited events show one.
   */
  readEvent?: (investigationId: string, eventId: string) => Promise<{ event: AuditEvent; raw: unknown } | undefined>;
}

const UI_JS = readFileSync(new URL("ui.js", import.meta.url), "utf8");
const UI_CSS = readFileSync(new URL("ui.css", import.meta.url), "utf8");

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";
const ID_RE = /^inv_[a-f0-9]{32}$/;
const MAX_EVENT_ID = 300;
const PAGE_SIZE = 25;

const ListQuery = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  verdict: z.enum(VERDICTS).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});

/** The stored result's parts the UI shows; anything else in it is ignored. */
const StoredResult = z.object({
  report: z.unknown().optional(),
  timeline_svg: z.string().optional().catch(undefined),
  errors: z.array(z.string()).catch([]),
});

function svgOf(inv: Investigation): string | undefined {
  const svg = StoredResult.safeParse(inv.result ?? {}).data?.timeline_svg;
  return svg !== undefined && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg) ? svg : undefined;
}

/** The investigation's report checked against the report schema, or why it cannot be shown. */
export function storedReport(inv: Investigation): StoredReport {
  const result = StoredResult.safeParse(inv.result ?? {});
  const out: StoredReport = { hasPicture: svgOf(inv) !== undefined, errors: result.data?.errors ?? [] };
  if (result.data?.report === undefined) return out;
  const report = Report.safeParse(result.data.report);
  if (report.success) out.report = report.data;
  else {
    const issue = report.error.issues[0];
    out.unreadable = `The stored report could not be shown (${issue ? `${issue.path.join(".") || "report"}: ${issue.message}` : "unexpected shape"}); it was probably written by another casefile version. The Confluence page and GET /v1/investigations/${inv.id} still have it.`;
  }
  return out;
}

function parseForm(body: unknown): Record<string, string> {
  if (body && typeof body === "object") return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  return {};
}

export const uiPlugin: FastifyPluginAsync<UiOptions> = async (app, opts) => {
  const { store, onDecision } = opts;
  const gate = opts.gate ?? createAuthGate(opts.apiToken);
  const base = app.prefix.replace(/\/$/, "");
  const home = base || "/";
  const sessions = createSessions({ gate, base, secureCookies: opts.secureCookies });

  if (!app.hasContentTypeParser("application/x-www-form-urlencoded")) {
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 16_384 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }

  const ctxOf = (request: FastifyRequest): PageCtx => {
    const loggedIn = sessions.loggedIn(request);
    return { base, authRequired: Boolean(gate.token), loggedIn, csrf: loggedIn ? sessions.csrfFor(request) : "" };
  };

  app.addHook("onSend", async (_request, reply, payload) => {
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });

  const sendHtml = (reply: FastifyReply, code: number, body: string) => reply.code(code).type("text/html; charset=utf-8").send(body);
  const tooMany = (reply: FastifyReply, wait: number) =>
    reply.code(429).header("retry-after", String(wait)).type("text/plain; charset=utf-8").send(`Too many failed log-ins from this address; try again in ${wait} s.`);

  /** Refuses a client that failed to authenticate too often (any route, any method), with Retry-After. */
  const throttled = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const wait = gate.failures.blocked(request.ip);
    if (wait === undefined) return false;
    tooMany(reply, wait);
    return true;
  };

  /** GET pages: redirect to the login form; other requests: 401. A wrong Bearer token counts as a failure. */
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!gate.token) return;
    if (throttled(request, reply)) return reply;
    if (isAuthorized(request, gate)) return;
    if (presentsBadCredential(request, gate)) gate.failures.hit(request.ip);
    if (request.method === "GET" && !request.url.includes(".json") && !request.url.endsWith(".svg")) return reply.redirect(`${base}/login`, 303);
    return reply.code(401).header("www-authenticate", "Bearer").type("text/plain; charset=utf-8").send("Unauthorized: log in at /ui/login or send Authorization: Bearer <CASEFILE_API_TOKEN>.");
  };

  /** POST forms: same origin (when the browser says) and the session's CSRF token. */
  const checkForm = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const origin = request.headers.origin;
    if (origin && origin !== "null") {
      let host = "";
      try {
        host = new URL(origin).host;
      } catch {
        /* unparsable origin: rejected below */
      }
      if (host !== request.headers.host) {
        sendHtml(reply, 403, messagePage(ctxOf(request), "Request refused", "This form was sent from another site. Reload the page and try again."));
        return false;
      }
    }
    if (!sessions.csrfValid(request, parseForm(request.body).csrf ?? "")) {
      sendHtml(reply, 403, messagePage(ctxOf(request), "Request refused", "The form's security token is missing or out of date (the session may have changed). Reload the page and try again."));
      return false;
    }
    return true;
  };

  // Static assets: no data in them, so no login needed.
  app.get("/assets/ui.js", async (_req, reply) => reply.type("text/javascript; charset=utf-8").header("cache-control", "no-cache").send(UI_JS));
  app.get("/assets/ui.css", async (_req, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "no-cache").send(UI_CSS));

  // The token is only ever accepted in a POST body: a token in a URL ends up in logs, history and Referer headers.
  app.get("/login", async (request, reply) => {
    if (!gate.token || isAuthorized(request, gate)) return reply.redirect(home, 303);
    const inUrl = typeof (request.query as { token?: unknown }).token === "string";
    return sendHtml(reply, inUrl ? 400 : 200, loginPage(ctxOf(request), inUrl ? "Tokens in links are not accepted (they end up in logs); type the token into the form instead." : undefined));
  });
  app.post("/login", async (request, reply) => {
    if (!gate.token) return reply.redirect(home, 303);
    if (throttled(request, reply)) return reply;
    if (!tokenMatches(parseForm(request.body).token, gate.token)) {
      const wait = gate.failures.hit(request.ip);
      if (wait !== undefined) return tooMany(reply, wait);
      return sendHtml(reply, 401, loginPage(ctxOf(request), "That token is not valid. Use the value of CASEFILE_API_TOKEN on this server."));
    }
    sessions.start(request, reply);
    return reply.redirect(home, 303);
  });
  app.post("/logout", async (request, reply) => {
    if (!checkForm(request, reply)) return reply;
    sessions.end(request, reply);
    return reply.redirect(gate.token ? `${base}/login` : home, 303);
  });

  await app.register(async (priv) => {
    priv.addHook("onRequest", guard);

    priv.get("/", async (request, reply) => {
      const q = ListQuery.parse(request.query ?? {});
      const res = await store.list({ status: q.status, verdict: q.verdict, cursor: q.cursor, limit: PAGE_SIZE });
      return sendHtml(reply, 200, listPage(ctxOf(request), q, res.items, res.next_cursor));
    });

    const find = async (request: FastifyRequest): Promise<{ id: string; inv: Investigation | null }> => {
      const id = (request.params as { id: string }).id;
      return { id, inv: ID_RE.test(id) ? await store.get(id) : null };
    };
    const load = async (request: FastifyRequest, reply: FastifyReply): Promise<Investigation | undefined> => {
      const { id, inv } = await find(request);
      if (!inv) sendHtml(reply, 404, messagePage(ctxOf(request), "Not found", `There is no investigation ${id}. Investigation ids look like inv_ followed by 32 hex digits.`));
      return inv ?? undefined;
    };

    priv.get("/investigations/:id", async (request, reply) => {
      const inv = await load(request, reply);
      if (!inv) return reply;
      const decided = (request.query as { decided?: unknown }).decided;
      const notice = decided === "approved" ? "Approved: the report is being published." : decided === "rejected" ? "Rejected: the report will not be published." : undefined;
      const recordUrl = opts.readEvent ? (eventId: string) => `${base}/investigations/${inv.id}/events/${encodeURIComponent(eventId)}` : undefined;
      return sendHtml(reply, 200, reportPage(ctxOf(request), inv, storedReport(inv), { notice, recordUrl }));
    });

    priv.get("/investigations/:id/events/:eventId", async (request, reply) => {
      const inv = await load(request, reply);
      if (!inv) return reply;
      const eventId = (request.params as { eventId: string }).eventId;
      const found = opts.readEvent && eventId.length <= MAX_EVENT_ID ? await opts.readEvent(inv.id, eventId) : undefined;
      if (!found)
        return sendHtml(reply, 404, messagePage(ctxOf(request), "Not found", `Investigation ${inv.id} gathered no event ${eventId.slice(0, MAX_EVENT_ID)} that this server can read back; the report's evidence appendix lists the cited ones.`));
      // Records are redacted when they are gathered; redacting again costs little and keeps the page safe either way.
      return sendHtml(reply, 200, recordPage(ctxOf(request), inv, found.event, JSON.stringify(redactValue(found.raw ?? null), null, 2) ?? "null"));
    });

    priv.get("/investigations/:id/status.json", async (request, reply) => {
      const { id, inv } = await find(request);
      if (!inv) return reply.code(404).send({ error: "not found", message: `no investigation ${id}` });
      return reply.send({ id: inv.id, status: inv.status, status_text: STATUS_TEXT[inv.status] ?? inv.status, verdict: inv.verdict, confidence: inv.confidence });
    });

    priv.get("/investigations/:id/timeline.svg", async (request, reply) => {
      const { id, inv } = await find(request);
      const svg = inv ? svgOf(inv) : undefined;
      if (!svg) return reply.code(404).type("text/plain; charset=utf-8").send(`No timeline picture is stored for investigation ${id}.`);
      return reply.type("image/svg+xml; charset=utf-8").header("content-security-policy", SVG_CSP).header("cache-control", "private, max-age=60").send(svg);
    });

    for (const action of ["approve", "reject"] as const) {
      priv.post(`/investigations/:id/${action}`, async (request, reply) => {
        if (!checkForm(request, reply)) return reply;
        const inv = await load(request, reply);
        if (!inv) return reply;
        const ctx = ctxOf(request);
        if (!onDecision) return sendHtml(reply, 501, messagePage(ctx, "Decisions are not enabled", "This server was started without an approval handler, so publishes cannot be decided from the UI."));
        if (inv.status !== "awaiting_approval")
          return sendHtml(reply, 409, messagePage(ctx, "Nothing to decide", `Investigation ${inv.id} is ${STATUS_TEXT[inv.status] ?? inv.status}; only investigations awaiting approval can be approved or rejected.`));
        let out: DecisionOutcome | void;
        try {
          out = await onDecision(inv.id, action === "approve");
        } catch (e) {
          request.log.error({ err: e, investigation_id: inv.id }, "UI decision failed");
          return sendHtml(reply, 500, messagePage(ctx, "Decision failed", "Recording the decision failed; see the service logs, then reload the investigation and try again."));
        }
        if (out && !out.ok)
          return sendHtml(reply, 409, messagePage(ctx, "Nothing to decide", `Investigation ${inv.id} could not be decided (${out.reason ?? "refused"}${out.status ? `, status ${out.status}` : ""}); reload it to see its current state.`));
        return reply.redirect(`${base}/investigations/${inv.id}?decided=${action === "approve" ? "approved" : "rejected"}`, 303);
      });
    }
  });
};
