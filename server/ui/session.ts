// Review UI sessions and CSRF: HMAC-signed session cookies (the API token never leaves the server), their
// cookie flags, request authorisation (Bearer token or session), and the per-session CSRF token of every form.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { bearerOf, tokenMatches, type AuthGate } from "../auth.ts";

/** Plain-http cookie (loopback development) and the `__Host-` one used over https (Secure, Path=/, no Domain). */
const COOKIE = "casefile_ui";
const SECURE_COOKIE = "__Host-casefile_ui";
const SESSION_TTL_S = 12 * 3600;

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest("base64url");
const sha = (s: string) => createHash("sha256").update(s).digest();
/** Constant-time comparison of two short strings. */
const sameText = (a: string, b: string) => a.length <= 512 && b.length <= 512 && timingSafeEqual(sha(a), sha(b));

/** Session cookie value: "<issued epoch s>.<session epoch>.<HMAC(token, issued|epoch)>"; the token never leaves the server. */
function sessionValue(token: string, issued: number, epoch: number): string {
  return `${issued}.${epoch}.${hmac(token, `casefile-ui-session|${issued}|${epoch}`)}`;
}

function cookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header || header.length > 8192) return undefined;
  let plain: string | undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (name === SECURE_COOKIE) return part.slice(i + 1).trim();
    if (name === COOKIE) plain ??= part.slice(i + 1).trim();
  }
  return plain;
}

function validSession(value: string | undefined, gate: AuthGate, now = Date.now()): boolean {
  if (!value || !gate.token) return false;
  const m = /^(\d{1,12})\.(\d{1,12})\.[A-Za-z0-9_-]{43}$/.exec(value);
  if (!m) return false;
  const issued = Number(m[1]);
  const epoch = Number(m[2]);
  if (epoch !== gate.epoch.current()) return false;
  const age = now / 1000 - issued;
  if (age < -60 || age > SESSION_TTL_S) return false;
  return sameText(value, sessionValue(gate.token, issued, epoch));
}

/** True when the request carries `Authorization: Bearer <token>` or a valid UI session cookie (always true without a token). */
export function isAuthorized(request: FastifyRequest, gate: AuthGate): boolean {
  if (!gate.token) return true;
  const bearer = bearerOf(request);
  if (bearer !== undefined) return tokenMatches(bearer, gate.token);
  return validSession(cookieOf(request), gate);
}

/** True when the request presents a Bearer token that is not valid. */
export function presentsBadCredential(request: FastifyRequest, gate: AuthGate): boolean {
  const bearer = bearerOf(request);
  return bearer !== undefined && !tokenMatches(bearer, gate.token);
}

export interface SessionOptions {
  gate: AuthGate;
  /** The UI's path prefix ("/ui"): the plain-http cookie is scoped to it. */
  base: string;
  /** Always `Secure` + `__Host-` cookies (CASEFILE_PUBLIC_URL is https); https requests always get them. */
  secureCookies?: boolean;
}

export interface Sessions {
  /** A valid session cookie (true without a token: the UI is open). */
  loggedIn(request: FastifyRequest): boolean;
  /** The CSRF token of the request's session, for the forms of the page. */
  csrfFor(request: FastifyRequest): string;
  /** True when `sent` is the CSRF token of the request's session. */
  csrfValid(request: FastifyRequest, sent: string): boolean;
  /** Sets a fresh session cookie (the token must have been checked). */
  start(request: FastifyRequest, reply: FastifyReply): void;
  /** Clears the cookie; a valid session moves the epoch on, which ends every session. */
  end(request: FastifyRequest, reply: FastifyReply): void;
}

export function createSessions(opts: SessionOptions): Sessions {
  const { gate, base } = opts;
  // Key for CSRF tokens when no API token is configured (open mode): a cross-site page still cannot read it.
  const openKey = randomBytes(32);
  const csrfFor = (request: FastifyRequest): string =>
    gate.token ? hmac(gate.token, `casefile-ui-csrf|${cookieOf(request) ?? ""}`) : hmac(openKey, "casefile-ui-csrf|open");
  const setCookie = (request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) => {
    const secure = opts.secureCookies === true || request.protocol === "https";
    reply.header(
      "set-cookie",
      secure
        ? `${SECURE_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=${maxAge}`
        : `${COOKIE}=${value}; Path=${base || "/"}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`,
    );
  };
  return {
    loggedIn: (request) => (gate.token ? validSession(cookieOf(request), gate) : true),
    csrfFor,
    csrfValid: (request, sent) => Boolean(sent) && sameText(sent, csrfFor(request)),
    start(request, reply) {
      if (!gate.token) return;
      setCookie(request, reply, sessionValue(gate.token, Math.floor(Date.now() / 1000), gate.epoch.current()), SESSION_TTL_S);
    },
    end(request, reply) {
      // Logout revokes every session (the epoch moves on), not just this browser's cookie.
      if (gate.token && validSession(cookieOf(request), gate)) gate.epoch.bump();
      setCookie(request, reply, "", 0);
    },
  };
}
