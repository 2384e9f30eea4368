// The gather window of one investigation: from 24 h before the flagged time to a bounded time after it, never
// past the clock. A replay of an old anomaly reads the day around it, not the months up to the moment of the run.
import { parseDuration } from "../config/duration.ts";

export const BEFORE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_AFTER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** `[flagged − 24 h, min(now, flagged + after)]`; a flagged time ahead of the clock still lies inside the window. */
export function gatherWindow(flaggedMs: number, nowMs: number, afterMs = DEFAULT_AFTER_WINDOW_MS): { since: string; before: string } {
  const since = new Date(flaggedMs - BEFORE_WINDOW_MS);
  const before = new Date(Math.max(flaggedMs, Math.min(nowMs, flaggedMs + afterMs)));
  return { since: since.toISOString(), before: before.toISOString() };
}

/** CASEFILE_AFTER_WINDOW (default 24h): how long after the flagged time the gatherers read, e.g. `6h`, `2d`. */
export function afterWindowFrom(env: Record<string, string | undefined>): number {
  const raw = env.CASEFILE_AFTER_WINDOW?.trim();
  return raw ? parseDuration(raw, "CASEFILE_AFTER_WINDOW") : DEFAULT_AFTER_WINDOW_MS;
}
