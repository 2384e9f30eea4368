// Secret redaction, in one place. Two uses:
// - at ingestion (`redactEvent`, called by both vendors' normalisers): values under secret-named keys and values
//   that are unambiguously secrets (sk-…, xox…, AKIA…, JWTs, PEM blocks, `password=…`), so the prompt, the page,
//   the UI and the checkpoint all see the same redacted events; ids, IPs, emails and names are kept for citation;
// - in the report (`redactText` / `redactValue`): the same, plus long hex and base64 runs in free text.
// Every pattern is linear in its input (bounded quantifiers, no nested repetition) and inputs are length-capped,
// so a hostile vendor string cannot stall the event loop.
import type { AuditEvent } from "../domain/events.ts";

export const REDACTED = "[REDACTED]";

/** Longest string redaction reads; the rest is cut (vendor text past this is noise or an attack). */
export const MAX_REDACT_TEXT = 100_000;

/** Keys that name an identifier, a label or a setting rather than a secret value. */
const HARMLESS_SUFFIX =
  /(^|_)(name|names|id|ids|uuid|type|tag|tags|status|scope|scopes|kind|label|count|expires_on|expires_at|created_at|last_used_on|policy|policies|enabled|required|length|min_length|rotation|expiry|expiration|strength|complexity|mode|enforced|age|max_age|reset|changed|updated_at)$/;
/** Keys whose value is a secret. */
const SECRET_KEY = /token|secret|passw|pwd|authori[sz]ation|cookie|api_?key|app(lication)?_?key|private_?key|access_?key|digest|hash|credential|signature|session_?id|bearer/;
/** Keys whose value is an identifier even though it may look random (cited vendor ids). */
const ID_KEY = /(^|_)(id|ids|uuid|owner|org|account|zone|ray)$/;

/** What a key means for redaction; vendor records reuse a small vocabulary of keys, so it is decided once per key. */
interface KeyClass {
  /** the value under this key is a secret */
  secret: boolean;
  /** the key names an identifier, a label or a setting (kept even under a secret-named parent) */
  harmless: boolean;
  /** the key names a cited identifier (its string value is kept as is) */
  id: boolean;
}
const keyClasses = new Map<string, KeyClass>();
const MAX_KEY_CLASSES = 20_000;

function classify(key: string): KeyClass {
  let c = keyClasses.get(key);
  if (c === undefined) {
    const k = key
      .slice(0, 200)
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_");
    const harmless = HARMLESS_SUFFIX.test(k);
    c = { secret: SECRET_KEY.test(k) && !harmless, harmless, id: ID_KEY.test(k) };
    if (keyClasses.size >= MAX_KEY_CLASSES) keyClasses.clear();
    keyClasses.set(key, c);
  }
  return c;
}

export function isSecretKey(key: string): boolean {
  return classify(key).secret;
}

const KEYWORDS =
  "key[ _-]?digest|api[ _-]?key|app(?:lication)?[ _-]?key|access[ _-]?key(?:[ _-]?id)?|client[ _-]?secret|secret(?:[ _-]?access[ _-]?key)?|private[ _-]?key|password|passwd|pwd|token|authorization|cookie";

type Rule = [RegExp, string | ((m: string, ...groups: string[]) => string)];

/** Values that are secrets wherever they appear. */
const UNAMBIGUOUS: Rule[] = [
  // PEM blocks (private keys, certificates): the base64 body has no "-", so the scan per BEGIN is bounded.
  [/-----BEGIN [A-Z0-9 ]{1,40}-----[^-]{0,16384}-----END [A-Z0-9 ]{1,40}-----/g, REDACTED],
  // JSON Web Tokens
  [/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,4096}/g, REDACTED],
  // OpenAI / Anthropic style keys, Stripe secret keys, Slack tokens, AWS access key ids
  [/(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{16,512}/g, REDACTED],
  [/(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{16,256}/g, REDACTED],
  [/(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,512}/g, REDACTED],
  [/(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g, REDACTED],
  // "password=…", "client_secret: …", "api-key=…" inside free text
  [
    new RegExp(`(?<![A-Za-z0-9])((?:[A-Za-z0-9]{1,20}[_-])?(?:${KEYWORDS}))([ \\t]{0,4}["']?[ \\t]{0,4}[:=][ \\t]{0,4}["']?)(?!\\[REDACTED\\])[^\\s"'&,;]{4,}`, "gi"),
    `$1$2${REDACTED}`,
  ],
  [/\b(bearer|basic)[ \t]{1,4}(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
];

/** Report only: long hex runs (digests, keys) and long mixed-case base64 runs; one match per run, so linear. */
const RUNS: Rule = [
  /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=-]{40,}/g,
  (run) => {
    const body = run.replace(/=+$/, "");
    if (/^[0-9a-fA-F]+$/.test(body)) return REDACTED;
    if (/^[A-Za-z0-9+/_-]+$/.test(body) && /[0-9]/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body)) return REDACTED;
    return run;
  },
];

function apply(s: string, rules: readonly Rule[]): string {
  let out = s.length > MAX_REDACT_TEXT ? `${s.slice(0, MAX_REDACT_TEXT)}…[cut ${s.length - MAX_REDACT_TEXT} chars]` : s;
  for (const [re, rep] of rules) out = out.replace(re, rep as string);
  return out;
}

/**
 * A literal every UNAMBIGUOUS pattern needs (case-insensitive, so a superset): a string without any of them cannot
 * match, and most vendor strings (ids, names, paths, addresses) are answered by this one scan.
 */
const MAY_HOLD_SECRET = /BEGIN|eyJ|sk-|k_live_|k_test_|xox|AKIA|ASIA|key|secret|passw|pwd|token|authori|cookie|bearer|basic/i;

/** Redacts unambiguous secrets inside a free-text string (ingestion: ids and hex ids stay). */
export function redactSecrets(s: string): string {
  if (s.length <= MAX_REDACT_TEXT && !MAY_HOLD_SECRET.test(s)) return s;
  return apply(s, UNAMBIGUOUS);
}

/** Redacts secret-looking runs inside a free-text string (reports: also long hex / base64 runs). */
export function redactText(s: string): string {
  return apply(s, [...UNAMBIGUOUS, RUNS]);
}

/** Copy-on-write: returns `value` itself when nothing in it is redacted, so unchanged records are not copied. */
function walk(value: unknown, key: string, underSecret: boolean, depth: number, text: (s: string) => string): unknown {
  if (depth > 64) return REDACTED;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") {
    if (value === "") return value;
    const c = classify(key);
    if ((c.secret || (underSecret && !c.harmless)) && key !== "") return REDACTED;
    if (typeof value !== "string") return value;
    return c.id ? value : text(value);
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = walk(value[i], key, underSecret, depth + 1, text);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (value && typeof value === "object") {
    const secretHere = underSecret || classify(key).secret;
    // Keys by index, not Object.entries: no [key, value] pair is allocated per property of every record.
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const ck = keys[i]!;
      const cv = obj[ck];
      const v = walk(cv, ck, secretHere, depth + 1, text);
      if (v !== cv) Object.defineProperty((out ??= { ...obj }), ck, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out ?? value;
  }
  return value;
}

/**
 * A deep copy of a vendor record with secrets replaced by "[REDACTED]": values under secret-named keys
 * (token, secret, password, key digest, api_key, authorization, cookie …; names, ids and types are kept),
 * and secret-looking runs inside other strings (identifier fields such as `id` are kept for citation).
 */
export function redactValue(value: unknown, key = "", underSecret = false, depth = 0): unknown {
  return walk(value, key, underSecret, depth, redactText);
}

/** Ingestion flavour of `redactValue`: by key name and by unambiguous value patterns only. */
export function redactIngested(value: unknown, key = ""): unknown {
  return walk(value, key, false, 0, redactSecrets);
}

/**
 * The one redaction pass at ingestion, called by both normalisers on every event they produce: the free text,
 * the change values, the metadata and the raw record. The event id, actor, IP, resource id and name, action and
 * time are kept as they are: the analysis and the citations need them.
 */
export function redactEvent<E extends AuditEvent>(ev: E): E {
  const out = { ...ev };
  if (out.description !== undefined) out.description = redactSecrets(out.description);
  if (out.user_agent !== undefined) out.user_agent = redactSecrets(out.user_agent);
  if (out.change) {
    const c = { ...out.change };
    // A change of a secret-named setting ("api_key", "client_secret") hides both values.
    const key = c.setting && isSecretKey(c.setting) ? c.setting : "value";
    if (c.old !== undefined) c.old = redactIngested(c.old, key);
    if (c.new !== undefined) c.new = redactIngested(c.new, key);
    out.change = c;
  }
  if (out.metadata) out.metadata = redactIngested(out.metadata) as Record<string, unknown>;
  if (out.raw !== undefined) out.raw = redactIngested(out.raw);
  return out;
}
