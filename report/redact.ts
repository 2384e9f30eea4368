// Secret redaction for anything from vendor records that a report shows (evidence appendix, timeline cells).

export const REDACTED = "[REDACTED]";

/** Keys that name an identifier or a label rather than a secret value. */
const HARMLESS_SUFFIX = /(^|_)(name|names|id|ids|uuid|type|tag|tags|status|scope|scopes|kind|label|count|expires_on|expires_at|created_at|last_used_on)$/;
/** Keys whose value is a secret. */
const SECRET_KEY = /token|secret|passw|pwd|authori[sz]ation|cookie|api_?key|app(lication)?_?key|private_?key|access_?key|digest|hash|credential|signature|session_?id|bearer/;
/** Keys whose value is an identifier even though it may look random (cited vendor ids). */
const ID_KEY = /(^|_)(id|ids|uuid|owner|org|account|zone|ray)$/;

function normKey(k: string): string {
  return k
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_");
}

export function isSecretKey(key: string): boolean {
  const k = normKey(key);
  return SECRET_KEY.test(k) && !HARMLESS_SUFFIX.test(k);
}

const INLINE: [RegExp, string][] = [
  // "key digest: <hex>", "token: abc", "password=…", "secret-access-key=…" inside free text
  [/\b(key[ _-]?digest|api[ _-]?key|app(?:lication)?[ _-]?key|access[ _-]?key(?:[ _-]?id)?|secret(?:[ _-]?access[ _-]?key)?|password|passwd|pwd|token|authorization|cookie)(\s*["']?\s*[:=]\s*["']?)(?!\[REDACTED\])([^\s"'&,;]{4,})/gi, `$1$2${REDACTED}`],
  [/\b(bearer|basic)\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // long hex runs (digests, keys) and long mixed base64 / base64url runs
  [/\b[0-9a-fA-F]{40,}\b/g, REDACTED],
  [/(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]*[0-9])(?=[A-Za-z0-9+/_-]*[a-z])(?=[A-Za-z0-9+/_-]*[A-Z])[A-Za-z0-9+/_-]{40,}={0,2}/g, REDACTED],
];

/** Redacts secret-looking runs inside a free-text string. */
export function redactText(s: string): string {
  let out = s;
  for (const [re, rep] of INLINE) out = out.replace(re, rep);
  return out;
}

/**
 * A deep copy of a vendor record with secrets replaced by "[REDACTED]": values under secret-named keys
 * (token, secret, password, key digest, api_key, authorization, cookie …; names, ids and types are kept),
 * and long hex / base64 runs inside other strings (identifier fields such as `id` are kept for citation).
 */
export function redactValue(value: unknown, key = "", underSecret = false, depth = 0): unknown {
  if (depth > 64) return REDACTED;
  const k = normKey(key);
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") {
    if (value === "") return value;
    if ((isSecretKey(key) || (underSecret && !HARMLESS_SUFFIX.test(k))) && key !== "") return REDACTED;
    if (typeof value !== "string") return value;
    return ID_KEY.test(k) ? value : redactText(value);
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, key, underSecret, depth + 1));
  if (value && typeof value === "object") {
    const secretHere = underSecret || isSecretKey(key);
    const out: Record<string, unknown> = {};
    for (const [ck, cv] of Object.entries(value as Record<string, unknown>)) out[ck] = redactValue(cv, ck, secretHere, depth + 1);
    return out;
  }
  return value;
}
