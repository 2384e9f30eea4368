// Small helpers shared by the analysis modules: normalisation of vendor vocabulary and bounded text extraction.
import type { AuditEvent, Operation } from "../domain/events.ts";

/** Lower-case and fold spaces/hyphens to underscores so `exclusion filter`, `Exclusion-Filter`, `exclusion_filter` agree. */
const normMemo = new Map<string, string>();
export function norm(s: string | undefined): string {
  if (!s) return "";
  let n = normMemo.get(s);
  if (n === undefined) {
    n = s.toLowerCase().replace(/[\s-]+/g, "_");
    if (normMemo.size > 50_000) normMemo.clear();
    normMemo.set(s, n);
  }
  return n;
}

/** Memoise a string → value function over a bounded cache (vendor vocabularies repeat a lot). */
export function memo<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  const m = new Map<string, T>();
  return (s: string) => {
    let v = m.get(s);
    if (v === undefined && !m.has(s)) {
      v = fn(s);
      if (m.size > max) m.clear();
      m.set(s, v);
    }
    return v as T;
  };
}

/** One matching key per event: action, category and resource type, normalised. Cheap to cache by value. */
export function eventKey(e: AuditEvent): string {
  return `${norm(e.action)}|${norm(e.category)}|${norm(e.resource.type)}|${e.operation}`;
}

const OP_WORDS: [RegExp, Operation][] = [
  [/(^|[_./])(create|created|add|added|invite|invited|new|roll|rolled|generate|generated)($|[_./])/, "create"],
  [/(^|[_./])(delete|deleted|del|remove|removed|revoke|revoked|destroy|destroyed)($|[_./])/, "delete"],
  [/(^|[_./])(update|updated|modify|modified|change|changed|edit|edited|set|setting|rotate|disable|disabled|enable|enabled|mute|muted|unmute|unmuted)($|[_./])/, "update"],
  [/(^|[_./])(view|viewed|accessed|get|list|read)($|[_./])/, "view"],
  [/(^|[_./])login($|[_./])/, "login"],
];

/** The normalised verb; falls back to words in the action label when the gatherer said "other". */
export function opOf(e: AuditEvent): Operation {
  if (e.operation !== "other") return e.operation;
  const a = norm(e.action);
  for (const [re, op] of OP_WORDS) if (re.test(a)) return op;
  return "other";
}

/** The setting a change touches: change.setting, else metadata.name (Cloudflare change_setting). */
export function settingOf(e: AuditEvent): string | undefined {
  if (e.change?.setting) return e.change.setting;
  const n = e.metadata?.["name"];
  if (typeof n === "string" && /setting|firewall|security|waf|ssl|tls/i.test(String(e.metadata?.["type"] ?? e.action))) return n;
  // Cloudflare v2 zone settings: the request names the setting ({id: "ssl", value: ...}), else the resource type does
  if (/setting/i.test(e.category ?? "")) {
    const req = e.change?.new;
    const id = req && typeof req === "object" && !Array.isArray(req) ? (req as Record<string, unknown>)["id"] : undefined;
    if (typeof id === "string" && id.length <= 100 && "value" in (req as object)) return id;
    if (e.resource.type) return e.resource.type;
  }
  return undefined;
}

/** Stable string for comparing values (objects with sorted keys), bounded in size. */
export function valueKey(v: unknown): string {
  if (v === undefined || v === null || v === "" || v === "null") return "";
  if (typeof v !== "object") return String(v).toLowerCase();
  return valueKeyRaw(v);
}

function valueKeyRaw(v: object): string {
  const acc = { out: "" };
  stableJson(acc, v);
  return acc.out.slice(0, VALUE_KEY_MAX).toLowerCase();
}

const VALUE_KEY_MAX = 4000;
/** Canonical array-index keys, which a JavaScript object always lists first, in numeric order. */
const INDEX_KEY_RE = /^(0|[1-9]\d{0,9})$/;

/**
 * JSON.stringify of a copy with every object's keys sorted, written directly and cut once past the bound (only the
 * first VALUE_KEY_MAX characters are compared). A rebuilt object lists index-like keys first ("2" before "10").
 */
function stableJson(acc: { out: string }, x: unknown): void {
  if (acc.out.length > VALUE_KEY_MAX) return;
  if (Array.isArray(x)) {
    acc.out += "[";
    for (let i = 0; i < x.length; i++) {
      if (i) acc.out += ",";
      const y = x[i];
      if (y === undefined || typeof y === "function" || typeof y === "symbol") acc.out += "null";
      else stableJson(acc, y);
    }
    acc.out += "]";
    return;
  }
  if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    const sorted = Object.keys(o).sort();
    const index = sorted.length && (sorted[0]!.charCodeAt(0) || 0) <= 57 ? sorted.filter((k) => INDEX_KEY_RE.test(k) && Number(k) < 4294967295) : [];
    const keys = index.length ? [...index.sort((a, b) => Number(a) - Number(b)), ...sorted.filter((k) => !index.includes(k))] : sorted;
    acc.out += "{";
    let first = true;
    for (const k of keys) {
      const y = o[k];
      if (y === undefined || typeof y === "function" || typeof y === "symbol") continue;
      acc.out += `${first ? "" : ","}${JSON.stringify(k)}:`;
      first = false;
      stableJson(acc, y);
    }
    acc.out += "}";
    return;
  }
  // JSON of a finite number or a boolean is its String(); everything else (strings need escaping) goes through JSON
  acc.out += typeof x === "number" && Number.isFinite(x) ? String(x) : typeof x === "boolean" ? String(x) : (JSON.stringify(x) ?? "null");
}

/**
 * The record a deletion removed: the change's old value, else (Cloudflare v2) the API response kept in the raw
 * record. Read as data only.
 */
export function removedRecord(e: AuditEvent): unknown {
  if (e.change?.old !== undefined) return e.change.old;
  const raw = e.raw as { resource?: { response?: unknown } } | undefined;
  const resp = raw && typeof raw === "object" ? raw.resource?.response : undefined;
  return resp && typeof resp === "object" && !Array.isArray(resp) && Object.keys(resp).length ? resp : undefined;
}

/** Every free-text string an event carries (description, names, metadata strings), bounded to ~4 kB. */
const textMemo = new WeakMap<AuditEvent, string>();
export function textOf(e: AuditEvent, limit = 4000): string {
  // one extraction per event (at the largest bound), shared by every matcher and scan
  let t = textMemo.get(e);
  if (t === undefined) {
    t = textOfRaw(e, 4000);
    textMemo.set(e, t);
  }
  return limit >= 4000 ? t : t.slice(0, limit);
}

interface TextAcc {
  parts: string[];
  size: number;
  limit: number;
}

function pushText(acc: TextAcc, s: unknown): void {
  if (typeof s === "string" && s && acc.size < acc.limit) {
    acc.parts.push(s);
    acc.size += s.length;
  }
}

/** Strings of a value, depth-first: 20 entries per list, 40 values per object, 3 levels deep. */
function walkText(acc: TextAcc, v: unknown, depth: number): void {
  if (acc.size >= acc.limit || depth > 3) return;
  if (typeof v === "string") pushText(acc, v);
  else if (Array.isArray(v)) {
    const n = Math.min(v.length, 20);
    for (let i = 0; i < n; i++) walkText(acc, v[i], depth + 1);
  } else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const n = Math.min(keys.length, 40);
    for (let i = 0; i < n; i++) walkText(acc, o[keys[i]!], depth + 1);
  }
}

function textOfRaw(e: AuditEvent, limit: number): string {
  const acc: TextAcc = { parts: [], size: 0, limit };
  pushText(acc, e.description);
  pushText(acc, e.resource.name);
  pushText(acc, e.actor.token_name);
  pushText(acc, e.user_agent);
  walkText(acc, e.metadata, 0);
  walkText(acc, e.change?.new, 0);
  walkText(acc, e.change?.old ?? (e.operation === "delete" ? removedRecord(e) : undefined), 0);
  return acc.parts.join(" \n ").slice(0, limit);
}

/** /24 for IPv4, /48 for IPv6. */
export const subnetOf = memo(subnetOfRaw);
function subnetOfRaw(ip: string): string {
  if (ip.includes(":")) return ip.toLowerCase().split(":").slice(0, 3).join(":") + "::/48";
  const p = ip.split(".");
  return p.length === 4 ? `${p[0]}.${p[1]}.${p[2]}.0/24` : ip;
}

/** User-agent family without version numbers: "chrome/139.0" and "chrome/140.1" are the same device class. */
export const uaFamily = memo(uaFamilyRaw);
function uaFamilyRaw(ua: string): string {
  return ua.toLowerCase().replace(/[\d._]+/g, "").replace(/\s+/g, " ").trim().slice(0, 200);
}

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Text that reads like instructions to an AI analyst rather than data. */
export const INSTRUCTION_RE =
  /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(previous|prior|above|earlier|all|any|system)\b[^.\n]{0,20}\b(instructions?|prompts?|rules?|context)\b|\b(classify|mark|label|report|treat)\b[^.\n]{0,30}\b(as|this as)\b[^.\n]{0,15}\b(benign|safe|harmless|legitimate|malicious|misconfiguration|false positive)\b|\byou are (now )?(an? )?(ai|assistant|language model|llm|analyst)\b|\bsystem prompt\b|\b(new|updated) instructions?\b|<\s*\/?\s*(system|assistant|instructions?)\s*>|\bverdict\s*[:=]/i;
