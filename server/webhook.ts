// Inbound anomaly webhook: signature verification and detector payload mappings.
// Signatures are checked per the Standard Webhooks spec with node:crypto (native HMAC-SHA256, constant-time
// compare); the `standardwebhooks` library stays the reference the tests compare against.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Anomaly } from "../domain/schemas.ts";
import type { PayloadMapping } from "../config/service.ts";

export type VerifyOutcome = { ok: true; webhookId: string } | { ok: false; message: string };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The spec's tolerance between the sender's webhook-timestamp and our clock. */
export const WEBHOOK_TOLERANCE_S = 5 * 60;
const SECRET_PREFIX = "whsec_";

/** Secret (`whsec_` + base64) → HMAC key bytes, decoded once per configured secret. */
const keyCache = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keyCache.get(secret);
  if (!key) {
    key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
    if (key.length === 0) throw new Error("a webhook secret decodes to no bytes; set CASEFILE_WEBHOOK_SECRET to whsec_ + base64");
    if (keyCache.size > 64) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

/** `v1,<base64>` of HMAC-SHA256(key, "<id>.<timestamp>.<body>"), as the spec signs a message. */
export function signWebhook(secret: string, id: string, timestampS: number, body: string): string {
  return `v1,${createHmac("sha256", keyOf(secret)).update(`${id}.${timestampS}.${body}`).digest("base64")}`;
}

/** Any `v1,<sig>` entry of the space-separated header equal (constant time) to the expected base64 signature. */
function anyMatches(header: string, expected: Buffer): boolean {
  let found = false;
  for (const entry of header.split(" ")) {
    const comma = entry.indexOf(",");
    if (comma < 0 || entry.slice(0, comma) !== "v1") continue;
    const end = entry.indexOf(",", comma + 1);
    const given = Buffer.from(end < 0 ? entry.slice(comma + 1) : entry.slice(comma + 1, end));
    if (given.length === expected.length && timingSafeEqual(given, expected)) found = true;
  }
  return found;
}

/** Standard Webhooks check (5-minute tolerance, constant-time compare) against each configured secret. */
export function verifyWebhook(raw: string, headers: Record<string, string | string[] | undefined>, secrets: string[], nowS = Math.floor(Date.now() / 1000)): VerifyOutcome {
  const id = one(headers["webhook-id"]) ?? "";
  const timestamp = one(headers["webhook-timestamp"]) ?? "";
  const signature = one(headers["webhook-signature"]) ?? "";
  if (!id || !timestamp || !signature) {
    return { ok: false, message: "missing webhook-id, webhook-timestamp or webhook-signature header; sign deliveries with the Standard Webhooks scheme and the secret in CASEFILE_WEBHOOK_SECRET" };
  }
  if (id.length > 256) return { ok: false, message: "webhook-id header longer than 256 characters" };
  // The spec's reference reads the timestamp with parseInt and signs the number it read.
  const ts = Number.parseInt(timestamp, 10);
  if (Number.isNaN(ts)) return { ok: false, message: "webhook-timestamp is not a unix time in seconds" };
  if (nowS - ts > WEBHOOK_TOLERANCE_S || ts > nowS + WEBHOOK_TOLERANCE_S) {
    return { ok: false, message: "webhook-timestamp is outside the 5-minute tolerance; check the sender's clock and do not replay old deliveries" };
  }
  const signed = `${id}.${ts}.${raw}`;
  for (const secret of secrets) {
    const expected = Buffer.from(createHmac("sha256", keyOf(secret)).update(signed).digest("base64"));
    if (anyMatches(signature, expected)) return { ok: true, webhookId: id };
  }
  return { ok: false, message: "signature does not match any secret in CASEFILE_WEBHOOK_SECRET" };
}

export type MapOutcome = { ok: true; anomaly: Anomaly } | { ok: false; field: string; message: string };

function isObj(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

/** `$.a.b[0].c` / `$.a["x y"]` → value or undefined. Only own properties are followed. */
export function selectPath(root: unknown, path: string): unknown {
  const tokens: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/y;
  let i = 1;
  if (!path.startsWith("$")) return undefined;
  while (i < path.length) {
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m) return undefined;
    tokens.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[4]!)));
    i = re.lastIndex;
  }
  let cur: unknown = root;
  for (const t of tokens) {
    if (typeof t === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[t];
    } else {
      if (!isObj(cur) || !Object.prototype.hasOwnProperty.call(cur, t)) return undefined;
      cur = cur[t];
    }
  }
  return cur;
}

/** Epoch seconds / milliseconds (number or digit string) or an ISO string → ISO with zone, else the input. */
function toTimestamp(v: unknown): unknown {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{9,13}$/.test(v.trim()) ? Number(v) : undefined;
  if (n !== undefined && Number.isFinite(n)) {
    const ms = n < 1e12 ? n * 1000 : n;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? v : d.toISOString();
  }
  return v;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

const SEVERITIES = new Set(["low", "medium", "high", "critical"]);
function severity(v: unknown): string | undefined {
  const s = str(v)?.toLowerCase();
  if (!s) return undefined;
  if (SEVERITIES.has(s)) return s;
  // Datadog priorities P1..P5
  return ({ p1: "critical", p2: "high", p3: "medium", p4: "low", p5: "low" } as Record<string, string>)[s];
}

/**
 * Datadog webhook integration: configure the webhook payload as
 * `{"id":"$ID","title":"$EVENT_TITLE","user":"$USER","date":"$DATE","action":"<flagged action>","actor":"<email>",
 *   "priority":"$ALERT_PRIORITY","body":"$EVENT_MSG","alert_id":"$ALERT_ID"}`.
 * `actor`/`action` override `user`/`title` when the template sets them.
 */
function fromDatadog(b: Record<string, unknown>): Record<string, unknown> {
  const id = str(b.id) ?? str(b.alert_id);
  return {
    id: id ? `datadog-${id}` : undefined,
    actor: str(b.actor) ?? str(b.user) ?? str(b.username),
    action: str(b.action) ?? str(b.title) ?? str(b.event_title),
    timestamp: toTimestamp(b.timestamp ?? b.date ?? b.last_updated),
    source: "datadog",
    severity: severity(b.severity ?? b.priority ?? b.alert_priority),
    detector: "datadog-webhook",
    details: { datadog: b },
  };
}

/**
 * Cloudflare notification webhook: `{name, text, data:{…}, ts, account_id, policy_id, alert_type, alert_correlation_id}`.
 * The actor comes from data.actor_email / data.actor / data.email.
 */
function fromCloudflare(b: Record<string, unknown>): Record<string, unknown> {
  const data = isObj(b.data) ? b.data : {};
  const id = str(b.alert_correlation_id) ?? str(data.id) ?? (str(b.policy_id) && str(b.ts) ? `${str(b.policy_id)}-${str(b.ts)}` : undefined);
  return {
    id: id ? `cloudflare-${id}` : undefined,
    actor: str(data.actor_email) ?? str(data.actor) ?? str(data.email) ?? str(b.actor),
    action: str(data.action) ?? str(b.alert_type) ?? str(b.name),
    timestamp: toTimestamp(b.ts ?? data.timestamp ?? data.when),
    source: "cloudflare",
    severity: severity(data.severity ?? b.severity),
    detector: "cloudflare-notification",
    details: { cloudflare: b },
  };
}

function fromMapping(b: unknown, mapping: PayloadMapping, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, path] of Object.entries(mapping)) {
    const v = selectPath(b, path);
    out[field] = field === "timestamp" ? toTimestamp(v) : field === "details" ? v : (str(v) ?? v);
  }
  out.detector ??= name;
  if (out.details !== undefined && !isObj(out.details)) out.details = { value: out.details };
  return out;
}

/** Deepest nesting of a webhook body: deeper is refused with a 400 (recursion past it is what crashed). */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth of a JSON text, counted in one linear pass over brackets outside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** JSON.parse with a nesting limit, answering what is wrong instead of throwing. */
export function parseJsonBounded(text: string, maxDepth = MAX_JSON_DEPTH): { ok: true; value: unknown } | { ok: false; message: string } {
  if (jsonDepth(text) > maxDepth) return { ok: false, message: `the body nests deeper than ${maxDepth} levels; flatten "details"` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: "the body is not valid JSON" };
  }
}

/** Turns a parsed body in the given format into a validated Anomaly, or names the offending field. */
export function toAnomaly(body: unknown, format: string | undefined, mappings: Record<string, PayloadMapping>): MapOutcome {
  if (!isObj(body)) return { ok: false, field: "(body)", message: "the body must be a JSON object" };
  let candidate: Record<string, unknown>;
  const f = format ?? "standard";
  if (f === "standard") candidate = body;
  else if (f === "datadog") candidate = fromDatadog(body);
  else if (f === "cloudflare") candidate = fromCloudflare(body);
  else if (Object.hasOwn(mappings, f)) candidate = fromMapping(body, mappings[f]!, f);
  else {
    return { ok: false, field: "format", message: `unknown format ${JSON.stringify(f.slice(0, 40))}; use datadog, cloudflare or a format named under "mappings:" in the configuration file (or in CASEFILE_PAYLOAD_MAPPINGS)` };
  }
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k];
  const parsed = Anomaly.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.map(String).join(".") : "(body)";
    const missing = issue.code === "invalid_type" && !(issue.path[0] !== undefined && issue.path[0] in candidate);
    const hint = f === "standard" ? "" : ` (mapped from the ${f} payload)`;
    return { ok: false, field, message: missing ? `required field "${field}" is missing${hint}` : `${field}: ${issue.message}${hint}` };
  }
  return { ok: true, anomaly: parsed.data };
}
