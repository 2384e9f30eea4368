// Authentication for the status API and the review UI, in one place: the API token check (constant time, length
// capped), one throttle for every authentication failure of a client (Bearer, login form, any route), the session
// epoch that logout bumps to revoke every session, and the Host allow-list that defeats DNS rebinding.
import { createHash, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyRequest } from "fastify";
import { MAX_API_TOKEN_LENGTH } from "../config/service.ts";

const sha = (s: string) => createHash("sha256").update(s).digest();

/** Constant-time comparison of a presented token with the configured one; over-long input is refused unread. */
export function tokenMatches(presented: string | undefined, token: string | undefined): boolean {
  if (!presented || !token || presented.length > MAX_API_TOKEN_LENGTH) return false;
  return timingSafeEqual(sha(presented), sha(token));
}

/** The Bearer credential of a request, if it sends one (whatever its length). */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== "string" || h.length > 8 + MAX_API_TOKEN_LENGTH * 4) return h ? "\u0000too-long" : undefined;
  return /^Bearer\s+(\S+)$/i.exec(h)?.[1];
}

export interface ThrottleOptions {
  /** Failures a client may make per window before every further attempt is refused. */
  maxFailures?: number;
  windowMs?: number;
  /** Clients remembered at once (the oldest are forgotten first). */
  maxClients?: number;
  now?: () => number;
}

/**
 * Fixed-window counter per key, bounded in memory. Used for authentication failures (one bucket per client,
 * whichever route they failed on) and for the webhook's signed and unsigned traffic buckets.
 */
export class WindowCounter {
  private readonly hits = new Map<string, { start: number; n: number }>();
  readonly max: number;
  readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(opts: ThrottleOptions = {}) {
    this.max = opts.maxFailures ?? 10;
    this.windowMs = opts.windowMs ?? 60_000;
    this.maxKeys = opts.maxClients ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  private entry(key: string) {
    const t = this.now();
    const e = this.hits.get(key);
    if (e && t - e.start < this.windowMs) return e;
    if (e) this.hits.delete(key);
    return undefined;
  }

  /** Counts one hit; returns the seconds to wait when the key is over its limit. */
  hit(key: string): number | undefined {
    let e = this.entry(key);
    if (!e) {
      if (this.hits.size >= this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
      e = { start: this.now(), n: 0 };
      this.hits.set(key, e);
    }
    e.n++;
    return e.n > this.max ? this.retryAfter(e) : undefined;
  }

  /** Seconds to wait when the key is already over its limit (counts nothing). */
  blocked(key: string): number | undefined {
    const e = this.entry(key);
    return e && e.n >= this.max ? this.retryAfter(e) : undefined;
  }

  private retryAfter(e: { start: number }): number {
    return Math.max(1, Math.ceil((e.start + this.windowMs - this.now()) / 1000));
  }
}

/** The session epoch: a number in the data dir that logout increments; sessions of an older epoch are void. */
export interface SessionEpoch {
  current(): number;
  bump(): number;
}

export function memoryEpoch(start = 0): SessionEpoch {
  let n = start;
  return { current: () => n, bump: () => ++n };
}

/** Kept in `<dataDir>/ui-session-epoch` (0600) so a restart does not revive revoked sessions. */
export function fileEpoch(dataDir: string): SessionEpoch {
  const file = join(dataDir, "ui-session-epoch");
  let n = 0;
  try {
    if (existsSync(file)) n = Number.parseInt(readFileSync(file, "utf8"), 10) || 0;
  } catch {
    n = 0;
  }
  return {
    current: () => n,
    bump: () => {
      n++;
      writeFileSync(file, String(n), { mode: 0o600 });
      chmodSync(file, 0o600);
      return n;
    },
  };
}

/** What the API and the UI share: the token, the failure throttle and the session epoch. */
export interface AuthGate {
  token?: string;
  failures: WindowCounter;
  epoch: SessionEpoch;
}

export function createAuthGate(token: string | undefined, opts: { epoch?: SessionEpoch; throttle?: ThrottleOptions } = {}): AuthGate {
  return { token, failures: new WindowCounter(opts.throttle), epoch: opts.epoch ?? memoryEpoch() };
}

/** True when the Host header names this service (entries without a port match any port). */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes("*")) return true;
  if (!host || host.length > 300) return false;
  const h = host.trim().toLowerCase();
  if (allowed.includes(h)) return true;
  const bare = h.startsWith("[") ? h.slice(0, h.indexOf("]") + 1) : h.replace(/:\d+$/, "");
  return allowed.includes(bare) || allowed.includes(bare.replace(/^\[|\]$/g, ""));
}
