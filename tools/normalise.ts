// What the vendor normalisers share: zod's type tests without zod's copies, vendor timestamps, text cleaning, the
// verb → Operation map, the event skeleton and the page loop that skips (and reports) invalid records.
import type { z } from "zod";
import type { AuditEvent, Operation, SourceName } from "../domain/events.ts";
import { safeText } from "./text.ts";

/** Zod's object test: a non-null, non-array object. */
export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Zod's record test (plain object: no class instance with its own prototype chain). */
export function isPlainObj(v: unknown): v is Record<string, unknown> {
  if (!isObj(v)) return false;
  const ctor = v.constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const prot: unknown = ctor.prototype;
  return isObj(prot) && Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf");
}

/** `z.string().nullish()`. */
export function isOptStr(v: unknown): boolean {
  return v === undefined || v === null || typeof v === "string";
}

/** Absent (undefined / null) or a plain object: `z.looseObject(...).nullish()` before its fields are checked. */
export function isOptObj(v: unknown): v is Record<string, unknown> | null | undefined {
  return v === undefined || v === null || isObj(v);
}

/** The general path: Date.parse, then back to ISO. */
function parseTimeSlow(s: string): { time: string; ts: number } | undefined {
  let t = s.trim();
  if (t === "") return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)) t += "Z";
  // Date.parse ignores digits past milliseconds only on some inputs; trim fractions to 3 digits.
  t = t.replace(/(\.\d{3})\d+/, "$1");
  const ts = Date.parse(t);
  if (Number.isNaN(ts)) return undefined;
  const d = new Date(ts);
  if (d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) return undefined;
  return { time: d.toISOString(), ts };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits of s[i..i+n) as a number, or -1 when any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The shape vendors send almost always, `YYYY-MM-DDTHH:MM:SS[.fraction][Z]` (UTC), read without Date.parse:
 * undefined when the string is anything else or out of range (the general path then decides).
 */
function parseUtcFast(s: string): { time: string; ts: number } | undefined {
  const n = s.length;
  if (n < 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const se = digits(s, 17, 2);
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return undefined;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  if (d > DAYS[mo - 1]! + leap) return undefined;
  let end = n;
  if (s.charCodeAt(n - 1) === 90) end = n - 1; // Z
  let ms = 0;
  if (end > 19) {
    // a fraction of 1 to 9 digits; milliseconds are its first three
    const fd = end - 20;
    if (s.charCodeAt(19) !== 46 || fd < 1 || fd > 9 || digits(s, 20, fd) < 0) return undefined;
    ms = fd >= 3 ? digits(s, 20, 3) : digits(s, 20, fd) * (fd === 1 ? 100 : 10);
  } else if (end !== 19) return undefined;
  const ts = Date.UTC(y, mo - 1, d, h, mi, se, ms);
  // Three or more fraction digits: the first 23 characters are already the normal form (the vendor's own string
  // when that is all of it), so no new text is built per event.
  if (end >= 23) return { time: n === 24 && end === 23 ? s : `${s.slice(0, 23)}Z`, ts };
  const msText = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms);
  return { time: `${s.slice(0, 19)}.${msText}Z`, ts };
}

/**
 * Parses a vendor timestamp; a string without a zone is read as UTC. Returns undefined when unusable.
 * Plain UTC timestamps take a fast path; anything else (offsets, spaces, other formats) goes through Date.parse.
 */
export function parseTime(s: unknown): { time: string; ts: number } | undefined {
  if (typeof s !== "string") return undefined;
  return parseUtcFast(s) ?? parseTimeSlow(s);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Normalised text: control and bidi characters removed, length capped. The raw record stays untouched. */
export function clean(s: unknown, max = 2000): string | undefined {
  if (typeof s !== "string" || s === "") return undefined;
  const out = (HAS_CONTROL.test(s) ? s.replace(CONTROL, "") : s).trim();
  if (out === "") return undefined;
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

const OPERATION_CACHE = new Map<string, Operation>();

/** Maps a vendor verb (token_create, rec_del, change_setting, API_key_view, modified…) to an Operation. */
export function operationOf(verb: string | undefined): Operation {
  if (!verb) return "other";
  let op = OPERATION_CACHE.get(verb);
  if (op === undefined) {
    op = operationOfUncached(verb);
    // Vendors use a few dozen verbs; the bound keeps hostile input from growing the cache.
    if (OPERATION_CACHE.size < 4096) OPERATION_CACHE.set(verb, op);
  }
  return op;
}

function operationOfUncached(verb: string): Operation {
  const words = verb
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const has = (...w: string[]) => words.some((x) => w.includes(x));
  if (has("login", "signin")) return "login";
  if (has("logout", "signout")) return "logout";
  if (has("view", "viewed", "read", "get", "list", "accessed", "access")) return "view";
  if (has("del", "delete", "deleted", "remove", "removed", "revoke", "revoked", "destroy")) return "delete";
  if (has("create", "created", "add", "added", "new", "invite", "invited", "upload", "uploaded", "import", "imported")) return "create";
  if (
    has("update", "updated", "change", "changed", "modify", "modified", "edit", "edited", "set", "roll", "rotate", "rotated", "enable", "disable", "deployed", "patch")
  )
    return "update";
  if (has("execute", "executed", "run", "purge", "resolved", "responded")) return "execute";
  return "other";
}

export interface NormaliseOutcome<T> {
  events: T[];
  rejected: number;
  /** One line per rejected record (capped), naming the record index and the reason. */
  warnings: string[];
}
/** The first problem zod found in a record, as `path: message`. */
export function zodIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join(".") || "(record)"}: ${i.message}` : "invalid record";
}

export type Normalised = { event: AuditEvent } | { error: string };

/**
 * A normalised event's required fields, in the order every normaliser writes them (the key order is part of the
 * pinned output); the caller adds the optional ones.
 */
export function newEvent(
  source: SourceName,
  id: string,
  t: { time: string; ts: number },
  actor: AuditEvent["actor"],
  action: string,
  operation: Operation,
  outcome: AuditEvent["outcome"],
  raw: unknown,
): AuditEvent {
  return { source, id, time: t.time, ts: t.ts, actor, action, operation, resource: {}, outcome, raw };
}

/** Normalises one page of records; invalid ones are skipped and reported (`<label> <id> skipped: …`), never thrown. */
export function normaliseRecords(records: unknown[], one: (raw: unknown) => Normalised, label: string): NormaliseOutcome<AuditEvent> {
  const out: NormaliseOutcome<AuditEvent> = { events: [], rejected: 0, warnings: [] };
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const r = one(rec);
    if ("event" in r) {
      out.events.push(r.event);
      continue;
    }
    out.rejected++;
    if (out.warnings.length < 20) {
      const id = rec && typeof rec === "object" ? (rec as Record<string, unknown>).id : undefined;
      out.warnings.push(`${label} ${typeof id === "string" ? safeText(id, 80) : `#${i}`} skipped: ${safeText(r.error, 200)}`);
    }
  }
  return out;
}
