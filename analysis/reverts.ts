// Reverts in an actor's timeline: a value restored, an object created then deleted, deleted then re-created, or
// a switch toggled back. Pure; one scan over the ordered events.
import type { AuditEvent } from "../domain/events.ts";
import { removedRecord } from "./posture.ts";
import { norm, opOf, settingOf, valueKey } from "./text.ts";
import type { Revert } from "./timeline.ts";

function resourceKey(e: AuditEvent): string {
  return `${norm(e.resource.type)}|${e.resource.id ?? e.resource.name ?? ""}|${e.resource.scope ?? ""}`;
}

function recordSig(v: unknown): string | undefined {
  if (!v || typeof v !== "object") return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r["name"] === "string" && (r["type"] !== undefined || r["content"] !== undefined))
    return `${String(r["name"]).toLowerCase()}|${String(r["type"] ?? "").toLowerCase()}|${String(r["content"] ?? "").toLowerCase()}`;
  return undefined;
}

/** Type and name of an object (resource name, else the record's name): how a re-created object is recognised. */
function namedKey(e: AuditEvent, rec: unknown): string | undefined {
  const r = rec && typeof rec === "object" && !Array.isArray(rec) ? (rec as Record<string, unknown>) : undefined;
  const name = e.resource.name ?? (typeof r?.["name"] === "string" ? (r["name"] as string) : undefined);
  const type = norm(e.resource.type) || norm(e.category);
  return name && type ? `${type}|${name.toLowerCase()}|${e.resource.scope ?? ""}` : undefined;
}

const TARGET_KEYS = ["destination", "destination_conf", "dataset", "bucket", "path", "url", "endpoint", "content", "type", "account_id", "project"];

/** Two records of an object agree on every target field both carry (a re-creation pointing elsewhere is no revert). */
function sameTarget(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return true;
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  for (const k of TARGET_KEYS) if (x[k] !== undefined && y[k] !== undefined && valueKey(x[k]) !== valueKey(y[k])) return false;
  return true;
}

const INVERSE: [RegExp, RegExp][] = [
  [/(^|[_./])(disable|disabled|pause|paused|mute|muted|off)($|[_./])/, /(^|[_./])(enable|enabled|resume|resumed|unmute|unmuted|on)($|[_./])/],
  [/(^|[_./])(enable|enabled|resume|resumed|unmute|unmuted)($|[_./])/, /(^|[_./])(disable|disabled|pause|paused|mute|muted)($|[_./])/],
];

const OFF_VALUES = /^(\{"value":)?"?(off|false|disabled|essentially_off|0|none)"?\}?$/;
const ON_VALUES = /^(\{"value":)?"?(on|true|enabled|1|high|medium|under_attack|strict|full)"?\}?$/;
function isToggle(a: string, b: string): boolean {
  return (OFF_VALUES.test(a) && ON_VALUES.test(b)) || (ON_VALUES.test(a) && OFF_VALUES.test(b));
}

const mins = (a: AuditEvent, b: AuditEvent) => Math.round((b.ts - a.ts) / 6000) / 10;

/** Reverts found one event at a time over the ordered events: `add` each, then `reverts`. */
export class RevertFinder {
  readonly reverts: Revert[] = [];
  private readonly out = this.reverts;
  private readonly lastChange = new Map<string, AuditEvent>();
  private readonly history = new Map<string, string[]>();
  private readonly created = new Map<string, AuditEvent>();
  private readonly deletedSig = new Map<string, AuditEvent>();
  private readonly deletedNamed = new Map<string, { e: AuditEvent; rec: unknown }>();
  private readonly toggled = new Map<string, { e: AuditEvent; inv: RegExp }>();

  add(e: AuditEvent): void {
    if (e.outcome === "failure") return;
    const op = opOf(e);
    const rk = resourceKey(e);
    const setting = settingOf(e);
    if (op === "update" && e.change && (e.change.old !== undefined || e.change.new !== undefined)) {
      const key = `${rk}|${norm(setting)}`;
      const prev = this.lastChange.get(key);
      const oldK = valueKey(e.change.old);
      const newK = valueKey(e.change.new);
      const hist = this.history.get(key);
      const before = prev?.change?.old !== undefined ? valueKey(prev.change.old) : hist && hist.length >= 2 ? hist[hist.length - 2]! : "";
      const toggled = prev && oldK === "" && valueKey(prev.change?.old) === "" && isToggle(valueKey(prev.change?.new), newK);
      const h = hist ?? [];
      h.push(newK);
      if (h.length > 3) h.shift();
      this.history.set(key, h);
      if (prev && newK !== "" && ((newK === before && (oldK === "" || oldK === valueKey(prev.change?.new))) || toggled)) {
        this.out.push({ kind: "value_restored", change_id: prev.id, revert_id: e.id, what: setting ?? e.resource.type ?? e.action, minutes: mins(prev, e) });
        this.lastChange.delete(key);
      } else this.lastChange.set(key, e);
    }
    const a = norm(e.action);
    for (const [re, inv] of INVERSE) {
      const t = this.toggled.get(rk);
      if (t && t.inv.test(a)) {
        this.out.push({ kind: "toggled_back", change_id: t.e.id, revert_id: e.id, what: e.resource.name ?? e.resource.type ?? e.action, minutes: mins(t.e, e) });
        this.toggled.delete(rk);
        break;
      }
      if (re.test(a)) {
        this.toggled.set(rk, { e, inv });
        break;
      }
    }
    if (op === "create") {
      if (e.resource.id || e.resource.name) this.created.set(rk, e);
      const sig = recordSig(e.change?.new);
      const del = sig ? this.deletedSig.get(sig) : undefined;
      if (sig && del) {
        this.out.push({ kind: "deleted_then_restored", change_id: del.id, revert_id: e.id, what: sig.split("|")[0] ?? "record", minutes: mins(del, e) });
        this.deletedSig.delete(sig);
      } else {
        // an equivalent object re-created under the name of one deleted earlier (new id, same name and target)
        const nk = namedKey(e, e.change?.new);
        const prev = nk ? this.deletedNamed.get(nk) : undefined;
        if (nk && prev && sameTarget(prev.rec, e.change?.new)) {
          this.out.push({ kind: "deleted_then_restored", change_id: prev.e.id, revert_id: e.id, what: nk.split("|")[1] ?? "object", minutes: mins(prev.e, e) });
          this.deletedNamed.delete(nk);
        }
      }
    } else if (op === "delete") {
      const rec = removedRecord(e) ?? e.change?.new;
      const nk = namedKey(e, rec);
      if (nk && this.deletedNamed.size < 10_000) this.deletedNamed.set(nk, { e, rec });
      const c = this.created.get(rk);
      if (c && (e.resource.id || e.resource.name)) {
        this.out.push({ kind: "created_then_deleted", change_id: c.id, revert_id: e.id, what: e.resource.name ?? e.resource.type ?? e.action, minutes: mins(c, e) });
        this.created.delete(rk);
      }
      const sig = recordSig(removedRecord(e));
      if (sig) this.deletedSig.set(sig, e);
    }
  }
}
