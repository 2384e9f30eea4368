// Security posture of a configuration change: whether old → new values weaken or strengthen a defence, whether a
// silencing is bounded in time, whether a DNS change touches mail authentication, whether a log archive stays in
// the same cloud account. Works on values of any shape (scalars, flat or nested objects); pure.
import type { AuditEvent } from "../domain/events.ts";
import { memo, norm, removedRecord, settingOf } from "./text.ts";

export { removedRecord } from "./text.ts";

export type Direction = "weaker" | "stronger" | "unknown";

const OFF_WORDS = new Set(["off", "essentially_off", "disabled", "disable", "false", "0", "none", "bypass", "allow", "whitelist", "allowlist", "log", "simulate", "flexible", "inactive", "paused", "no", "permissive", "monitor", "report_only", "dry_run", "audit_only", "open"]);
const ON_WORDS = new Set(["on", "true", "enabled", "enable", "active", "block", "deny", "drop", "challenge", "js_challenge", "managed_challenge", "enforce", "enforced", "strict", "required", "reject", "quarantine", "yes", "1"]);
const SCALES: string[][] = [
  ["essentially_off", "low", "medium", "high", "under_attack"],
  ["off", "flexible", "full", "strict"],
  ["1.0", "1.1", "1.2", "1.3"],
  ["none", "quarantine", "reject"],
  ["off", "log", "simulate", "challenge", "js_challenge", "managed_challenge", "block"],
  ["allow", "bypass", "log", "challenge", "block"],
];
/** Keys whose true/on state protects (turning them off weakens). */
const PROTECTIVE_KEY = /enabled?$|^enabled?|active|required|enforce|strict|mfa|2fa|two_factor|tfa|sso|saml|logging|audit|retention|verif|secure|https|hsts|protect|waf|firewall|scan|detect|alert|notify|integrity|check|lockdown|encrypt|sign/;
/** Keys whose true/on state opens something up (turning them on weakens). */
const PERMISSIVE_KEY = /disabled?|mute|silence|paused?|bypass|allow|skip|exclu|public|insecure|legacy|password_login|password_auth|anonymous|guest|open|suppress|whitelist|allowlist|debug|ignore|dry_run|report_only|simulate/;
/** Keys that only ever tighten when switched on (an enforcement or requirement), whatever they were before. */
const ENFORCING_KEY = /enforce|require|mfa|2fa|two_?factor|tfa|strict|lockdown/;
/** Numeric keys where more is stronger (retention, quotas, sampling). */
const MORE_IS_STRONGER_KEY = /retention|days$|^days|ttl|quota|limit|cap$|sampl|min_tls|min_length|history/;
/** Numeric keys where setting a cap where there was none (null → n) weakens ingestion. */
const CAP_KEY = /quota|limit|cap$/;

function boolish(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 0 ? false : v === 1 ? true : undefined;
  if (typeof v !== "string") return undefined;
  const s = v.toLowerCase();
  if (s === "true" || s === "on" || s === "enabled" || s === "active" || s === "yes") return true;
  if (s === "false" || s === "off" || s === "disabled" || s === "inactive" || s === "no") return false;
  return undefined;
}

function scalar(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("value" in o && typeof o["value"] !== "object") return String(o["value"]).toLowerCase();
    return undefined;
  }
  const s = String(v).toLowerCase();
  return s === "" || s === "null" ? undefined : s;
}

const K_PERMISSIVE = 1, K_PROTECTIVE = 2, K_ENFORCING = 4, K_MORE_IS_STRONGER = 8, K_CAP = 16, K_MODE_LIKE = 32;
/** What a (normalised) key says about its values, decided once per key. */
const keyFlags = memo(
  (key: string) =>
    (PERMISSIVE_KEY.test(key) ? K_PERMISSIVE : 0) |
    (PROTECTIVE_KEY.test(key) || key === "" || key === "value" || key === "status" || key === "state" || key === "mode" ? K_PROTECTIVE : 0) |
    (ENFORCING_KEY.test(key) ? K_ENFORCING : 0) |
    (MORE_IS_STRONGER_KEY.test(key) ? K_MORE_IS_STRONGER : 0) |
    (CAP_KEY.test(key) ? K_CAP : 0) |
    (/(^|_)(mode|action|status|state|level|policy|value|setting)$|^$/.test(key) ? K_MODE_LIKE : 0),
);
/** Every word of every scale: a value outside it is on none. */
const SCALE_WORDS = new Set(SCALES.flat());

/** Direction of one scalar transition, given the (normalised) key it sits under. */
function scalarDirection(key: string, o: unknown, n: unknown): Direction {
  const os = o === undefined || o === null ? undefined : String(o).toLowerCase();
  const ns = n === undefined || n === null ? undefined : String(n).toLowerCase();
  if (os === ns) return "unknown";
  // DMARC / SPF text values
  if ((ns !== undefined && ns.includes("v=")) || (os !== undefined && os.includes("v="))) {
    const mail = mailPolicyDirection(os, ns);
    if (mail !== "unknown") return mail;
  }
  if (ns !== undefined && os !== undefined && SCALE_WORDS.has(ns) && SCALE_WORDS.has(os)) {
    for (const scale of SCALES) {
      const ni = scale.indexOf(ns), oi = scale.indexOf(os);
      if (ni >= 0 && oi >= 0 && ni !== oi) return ni < oi ? "weaker" : "stronger";
    }
  }
  const flags = keyFlags(key);
  const nb = boolish(n), ob = boolish(o);
  if (nb !== undefined && (ob !== undefined || o === undefined || o === null) && nb !== ob) {
    if (flags & K_PERMISSIVE) return nb ? "weaker" : ob !== undefined ? "stronger" : "unknown";
    if (flags & K_PROTECTIVE) return nb ? (ob !== undefined || flags & K_ENFORCING ? "stronger" : "unknown") : "weaker";
  }
  if (flags & K_MORE_IS_STRONGER) {
    const nn = typeof n === "number" ? n : ns !== undefined && ns.trim() !== "" ? Number(ns) : NaN;
    const on = typeof o === "number" ? o : os !== undefined && os.trim() !== "" ? Number(os) : NaN;
    if (Number.isFinite(nn) && Number.isFinite(on)) return nn < on ? "weaker" : nn > on ? "stronger" : "unknown";
    if (flags & K_CAP && Number.isFinite(nn) && nn > 0 && (o === null || o === undefined || os === "unlimited")) return "weaker";
    if (flags & K_CAP && Number.isFinite(on) && (n === null || ns === "unlimited")) return "stronger";
  }
  if (ns !== undefined && flags & K_MODE_LIKE) {
    if (OFF_WORDS.has(ns) && (os === undefined || !OFF_WORDS.has(os))) return "weaker";
    if (ON_WORDS.has(ns) && os !== undefined && OFF_WORDS.has(os)) return "stronger";
  }
  return "unknown";
}

/** SPF `all` qualifier and DMARC `p=` policy, when both values read like mail policy records. */
function mailPolicyDirection(o: string | undefined, n: string | undefined): Direction {
  const dmarc = (s: string | undefined) => {
    const m = s && /v=dmarc1/.test(s) ? /\bp=(none|quarantine|reject)\b/.exec(s) : null;
    return m ? ["none", "quarantine", "reject"].indexOf(m[1]!) : undefined;
  };
  const spf = (s: string | undefined) => {
    const m = s && /v=spf1/.test(s) ? /([-~?+]?)all\b/.exec(s) : null;
    return m ? ({ "+": 0, "?": 1, "~": 2, "-": 3, "": 0 } as Record<string, number>)[m[1]!] : undefined;
  };
  for (const f of [dmarc, spf]) {
    const a = f(o), b = f(n);
    if (a !== undefined && b !== undefined && a !== b) return b < a ? "weaker" : "stronger";
  }
  return "unknown";
}

type Flat = Map<string, unknown>;

/** An array leaf: only its length is compared (more entries under an allow/exclude key open more). */
class ListLength {
  constructor(readonly n: number) {}
}

function flatten(v: unknown, prefix: string, out: Flat, depth: number): void {
  if (out.size > 200) return;
  if (v !== null && typeof v === "object" && depth < 4) {
    if (Array.isArray(v)) {
      out.set(prefix, new ListLength(v.length));
      // a short list of rules is read entry by entry too (a rule switched off inside a ruleset)
      if (v.length <= 20) v.forEach((x, i) => x !== null && typeof x === "object" && !Array.isArray(x) && flatten(x, `${prefix}.${i}`, out, depth + 1));
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) flatten(x, prefix ? `${prefix}.${norm(k)}` : norm(k), out, depth + 1);
    return;
  }
  out.set(prefix, v);
}

/** The last two segments of a flattened path, joined: the key a leaf's direction is read under. */
const leafKey = memo((path: string) => path.split(".").slice(-2).join("_"));

/** Direction over every changed leaf of two objects: a weakening anywhere wins; otherwise any strengthening. */
function objectDirection(oldV: unknown, newV: unknown): Direction {
  const o: Flat = new Map(), n: Flat = new Map();
  flatten(oldV, "", o, 0);
  flatten(newV, "", n, 0);
  let weaker = false, stronger = false;
  for (const [path, nv] of n) {
    const ov = o.get(path);
    const key = leafKey(path);
    let d: Direction;
    if (nv instanceof ListLength || ov instanceof ListLength) {
      const a = ov instanceof ListLength ? ov.n : 0, b = nv instanceof ListLength ? nv.n : 0;
      d = a === b || !(keyFlags(key) & K_PERMISSIVE) ? "unknown" : b > a ? "weaker" : "stronger";
    } else d = scalarDirection(key, ov, nv);
    if (d === "weaker") weaker = true;
    else if (d === "stronger") stronger = true;
  }
  return weaker ? "weaker" : stronger ? "stronger" : "unknown";
}

/** The value a change replaced: change.old, else (Cloudflare v2) the previous values kept in the API response. */
export function oldValueOf(e: AuditEvent): unknown {
  return e.change?.old ?? previousValues(e);
}

/** Cloudflare v2: the values a change replaced, when the API response kept them (`response.previous`). */
function previousValues(e: AuditEvent): unknown {
  const raw = e.raw as { resource?: { response?: unknown } } | undefined;
  const resp = raw && typeof raw === "object" ? recordOf(raw.resource?.response) : undefined;
  const prev = resp ? recordOf(resp["previous"] ?? resp["old_value"] ?? resp["prev_value"]) : undefined;
  if (!prev) return undefined;
  // the request may wrap its values one level deeper ({settings: {...}}): align the previous values with it
  const n = recordOf(e.change?.new);
  if (n && Object.keys(n).length === 1) {
    const [k, inner] = Object.entries(n)[0]!;
    if (recordOf(inner) && !(k in prev)) return { [k]: prev };
  }
  return prev;
}

/** weaker | stronger | unknown, from the change's old and new values (and metadata.value for Cloudflare). */
export function changeDirection(e: AuditEvent): Direction {
  const oldV = e.change?.old ?? previousValues(e);
  const newV = e.change?.new ?? e.metadata?.["value"];
  const o = scalar(oldV);
  const n = scalar(newV);
  if (n !== undefined && (typeof newV !== "object" || newV === null || "value" in (newV as object))) {
    const key = norm(settingOf(e));
    const d = scalarDirection(key === "" ? "value" : key, o, n);
    if (d !== "unknown") return d;
    if (OFF_WORDS.has(n) && o !== n) return "weaker";
    if (ON_WORDS.has(n) && o !== undefined && OFF_WORDS.has(o)) return "stronger";
    return "unknown";
  }
  if (newV && typeof newV === "object") return objectDirection(oldV && typeof oldV === "object" ? oldV : undefined, newV);
  return "unknown";
}

const END_KEY = /(^|_)(end|ends?_at|end_time|end_date|until|expires?|expires?_at|expiration|expiry|duration|duration_minutes|ttl|timeout|stop|stop_at)$/;

/** A silencing (downtime, mute, suppression) with an end time or duration: bounded maintenance, not a standing gap. */
export function silenceIsBounded(e: AuditEvent): boolean {
  const found = { end: false, open: false };
  const walk = (v: unknown, key: string, depth: number) => {
    if (depth > 4 || v === undefined) return;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const nk = norm(k);
        // Datadog monitor mute: {"silenced": {"<scope>": <end epoch | null>}}
        if (nk === "silenced" && x && typeof x === "object") {
          for (const end of Object.values(x as Record<string, unknown>)) (end === null || end === undefined || end === 0 ? (found.open = true) : (found.end = true));
          continue;
        }
        walk(x, nk, depth + 1);
      }
      return;
    }
    if (!END_KEY.test(key)) return;
    if (v === null || v === "" || v === 0 || v === "null" || v === "never") found.open = true;
    else found.end = true;
  };
  walk(e.change?.new, "", 0);
  if (!found.end && !found.open) {
    // the end may only be spelled out in the message ("... until 22:00 UTC", "for 2 hours")
    const t = `${e.description ?? ""}`.slice(0, 500);
    if (/\b(until|ends? at|expires? at|for \d+\s*(min|minute|hour|h)\b)/i.test(t) && !/no end|indefinite|forever/i.test(t)) return true;
  }
  return found.end && !found.open;
}

const MAIL_NAME_RE = /(^|[^a-z0-9_])(_dmarc|_mta-sts|_smtp\._tls)(\.|$|\s)|\._domainkey(\.|$|\s)/i;
const MAIL_CONTENT_RE = /v=spf1|v=dmarc1|v=dkim1|v=stsv1|v=tlsrptv1/i;

function recordOf(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The DNS record an event touches carries mail authentication or routing (SPF, DKIM, DMARC, MX, MTA-STS). */
export function isMailAuthRecord(v: unknown, text = ""): boolean {
  const r = recordOf(v);
  if (r) {
    const type = String(r["type"] ?? "").toUpperCase();
    const name = String(r["name"] ?? "");
    const content = String(r["content"] ?? r["value"] ?? r["data"] ?? "");
    if (type === "MX" || MAIL_NAME_RE.test(name) || MAIL_CONTENT_RE.test(content)) return true;
    if (type || name || content) return false;
  }
  return MAIL_NAME_RE.test(text) || MAIL_CONTENT_RE.test(text) || /\b(spf|dkim|dmarc|mx)\b[^.\n]{0,20}\brecords?\b|\brecords?\b[^.\n]{0,20}\b(spf|dkim|dmarc|mx)\b/i.test(text);
}

/** A DNS change that removes or weakens a mail-authentication record (the domain becomes spoofable or loses mail). */
export function mailAuthWeakened(e: AuditEvent, op: string): boolean {
  const text = `${e.resource.name ?? ""} ${(e.description ?? "").slice(0, 400)}`;
  if (op === "delete") {
    const rec = removedRecord(e);
    return isMailAuthRecord(rec, text) || (rec === undefined && isMailAuthRecord(undefined, text));
  }
  if (op === "update") {
    const o = recordOf(e.change?.old), n = recordOf(e.change?.new);
    if (!o || !n || !isMailAuthRecord(o)) return false;
    const oc = String(o["content"] ?? ""), nc = String(n["content"] ?? "");
    return mailPolicyDirection(oc.toLowerCase(), nc.toLowerCase()) === "weaker" || (MAIL_CONTENT_RE.test(oc) && !MAIL_CONTENT_RE.test(nc));
  }
  return false;
}

const ACCOUNT_KEYS = /^(account_id|aws_account_id|account|project_id|project|client_email|tenant_id|subscription_id|storage_account|role_arn|client_id)$/;

/** Cloud account identifiers of a log archive destination (AWS account, GCP project, Azure tenant/storage account). */
export function destinationAccounts(v: unknown): string[] {
  const out = new Set<string>();
  const walk = (x: unknown, depth: number) => {
    if (depth > 4 || !x || typeof x !== "object") return;
    for (const [k, y] of Object.entries(x as Record<string, unknown>)) {
      const nk = norm(k);
      if (typeof y === "string" || typeof y === "number") {
        if (!ACCOUNT_KEYS.test(nk)) continue;
        let s = String(y).toLowerCase();
        // a service account email names its project: dd-archive@<project>.iam.gserviceaccount.com
        const at = /@([^.]+)\./.exec(s);
        if (nk === "client_email" && at) s = at[1]!;
        const arn = /^arn:[^:]*:iam::(\d+):/.exec(s);
        if (arn) s = arn[1]!;
        out.add(s);
      } else walk(y, depth + 1);
    }
  };
  walk(v, 0);
  return [...out];
}

/** Whether a value's destination (bucket, path, account) differs from the previous one. */
export function destinationChanged(oldV: unknown, newV: unknown): boolean {
  const pick = (v: unknown) => {
    const r = recordOf(v);
    const d = recordOf(r?.["destination"]) ?? r;
    // Logpush and similar jobs name their destination in one URL string
    const url = typeof r?.["destination_conf"] === "string" ? r["destination_conf"] : typeof r?.["destination"] === "string" ? r["destination"] : undefined;
    return d ? JSON.stringify([d["bucket"], d["container"], d["path"], d["type"], destinationAccounts(d), url]) : "";
  };
  return pick(oldV) !== pick(newV);
}

const DECISION_KEY = /(^|_)(decision|action|mode|effect|access|policy|visibility|permission)$/;
const PERMISSIVE_DECISION = new Set(["bypass", "allow", "allow_all", "allowall", "skip", "public", "non_identity", "open", "anonymous", "whitelist", "allowlist", "permit", "accept"]);
const INCLUDE_KEY = /^(include|includes|allow|allowed|allow_list|principals|grantees)$/;
const BROAD_KEY = /^(everyone|anyone|all|any|all_users|allusers|all_authenticated_users|public|world|internet)$/;
const BROAD_VALUE = new Set(["0.0.0.0/0", "::/0", "*", "everyone", "anyone", "all_users", "allusers", "allauthenticatedusers", "all_authenticated_users", "internet", "world"]);
const BROAD_TEXT_RE = /\b(bypass|allow(ed)?|open(ed)?|public|skip)\b[^.\n]{0,40}\b(everyone|anyone|all users|the (whole )?internet|0\.0\.0\.0\/0|::\/0)\b|\b(allow[\s_-]?all|bypass for everyone)\b/i;

/**
 * A policy whose decision lets traffic or people through (bypass, allow, skip, public) for everyone: an include of
 * `everyone`, a 0.0.0.0/0 or ::/0 range, a `*` principal. Reads the request body / new value and, for Cloudflare v2,
 * the request and response kept in the raw record. Data only; bounded walk.
 */
export function opensToEveryone(e: AuditEvent): boolean {
  const raw = e.raw as { resource?: { request?: unknown; response?: unknown } } | undefined;
  const res = raw && typeof raw === "object" ? raw.resource : undefined;
  const st: OpenWalk = { permissive: false, broad: false, includeBroad: false, denied: false, seen: 0 };
  walkOpen(st, e.change?.new, "", 0);
  walkOpen(st, res?.request, "", 0);
  walkOpen(st, res?.response, "", 0);
  if ((st.permissive && st.broad) || (st.includeBroad && !st.denied)) return true;
  return BROAD_TEXT_RE.test(`${e.description ?? ""} ${e.resource.name ?? ""}`.slice(0, 600));
}

interface OpenWalk {
  permissive: boolean;
  broad: boolean;
  includeBroad: boolean;
  denied: boolean;
  /** nodes visited: the walk stops at 400 */
  seen: number;
}

const KEY_DECISION = 1, KEY_INCLUDE = 2, KEY_BROAD = 4;
/** What a normalised key is to the walk (decision, include list, "everyone"), decided once per key. */
const keyKind = memo((k: string) => (DECISION_KEY.test(k) ? KEY_DECISION : 0) | (INCLUDE_KEY.test(k) ? KEY_INCLUDE : 0) | (BROAD_KEY.test(k) ? KEY_BROAD : 0));
const DENY_RE = /^(deny|block|reject|drop)$/;

/** Bounded walk of a policy value: depth 6, 400 nodes, 50 entries per list. `key` is the normalised key it sits under. */
function walkOpen(st: OpenWalk, v: unknown, key: string, depth: number): void {
  if (depth > 6 || ++st.seen > 400 || v === undefined || v === null) return;
  if (Array.isArray(v)) {
    const n = Math.min(v.length, 50);
    for (let i = 0; i < n; i++) walkOpen(st, v[i], key, depth + 1);
    return;
  }
  const kind = keyKind(key);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const x = o[k];
      const nk = norm(k);
      const nkind = keyKind(nk);
      if (nkind & KEY_BROAD && x !== false && x !== null) {
        st.broad = true;
        // an include/allow list naming everyone lets everyone through by itself (Access policy include rules)
        if (kind & KEY_INCLUDE) st.includeBroad = true;
      }
      walkOpen(st, x, kind & KEY_INCLUDE && !(nkind & KEY_INCLUDE) ? key : nk, depth + 1);
    }
    return;
  }
  const str = String(v);
  // values are mostly unique: normalised here without the shared cache
  const s = str.toLowerCase().replace(/[\s-]+/g, "_");
  if (kind & KEY_DECISION) {
    if (PERMISSIVE_DECISION.has(s)) st.permissive = true;
    if (DENY_RE.test(s)) st.denied = true;
  }
  if (BROAD_VALUE.has(s) || BROAD_VALUE.has(str.trim())) {
    st.broad = true;
    if (kind & KEY_INCLUDE) st.includeBroad = true;
  }
}

const SILENCE_RE = /(^|[_./|])(mute|muted|unmute|silence|silenced|downtime|downtimes|suppress|suppressed|suppression|snooze|snoozed)($|[_./|])/;

/** The change silences alerting (a monitor mute, a downtime, a suppression) rather than changing a defence. */
export function isSilencing(e: AuditEvent): boolean {
  if (SILENCE_RE.test(`${norm(e.action)}|${norm(e.resource.type)}|${norm(e.category)}`)) return true;
  const n = e.change?.new;
  if (n && typeof n === "object" && /"silenced"|"muted"|"downtime"/.test(JSON.stringify(n).slice(0, 2000))) return true;
  return /\b(muted|silenced|snoozed)\b/i.test((e.description ?? "").slice(0, 300));
}
