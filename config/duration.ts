// Durations in settings: `900` (seconds), `90s`, `15m`, `1h30m`, `500ms` → milliseconds, for every layer that reads one.
import { ConfigError } from "./errors.ts";

/** `900` (seconds), `90s`, `15m`, `1h`, `1h30m`, `500ms` → milliseconds. */
export function parseDuration(raw: string, name = "duration"): number {
  const s = raw.trim().toLowerCase();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "ms" | "s" | "m" | "h" | "d"];
    total += Number(m[1]) * unit;
    matched = re.lastIndex;
  }
  if (s.length === 0 || matched !== s.length) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a duration; use seconds (900) or a unit: 90s, 15m, 1h.`);
  }
  return Math.round(total);
}
