// Reverts in an actor's timeline: a value restored, an object created then deleted, deleted then re-created, or
// a switch toggled back. Pure; one step per event over the ordered events.
import type { AuditEvent } from "../domain/events.ts";
import { removedRecord } from "./posture.ts";
import { memo, norm, opOf, settingOf, valueKey } from "./text.ts";
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

/** Which INVERSE pair an action switches on (its index), -1 for none; decided once per action. */
const inverseOf = memo((a: string) => INVERSE.findIndex(([re]) => re.test(a)));
/** Whether an action switches back what INVERSE pair `i` switched. */
const undoes = [memo((a: string) => INVERSE[0]![1].test(a)), memo((a: string) => INVERSE[1]![1].test(a))];

const OFF_VALUES = /^(\{"value":)?"?(off|false|disabled|essentially_off|0|none)"?\}?$/;
const ON_VALUES = /^(\{"value":)?"?(on|true|enabled|1|high|medium|under_attack|strict|full)"?\}?$/;
function isToggle(a: string, b: string): boolean {
  return (OFF_VALUES.test(a) && ON_VALUES.test(b)) || (ON_VALUES.test(a) && OFF_VALUES.test(b));
}

const mins = (a: AuditEvent, b: AuditEvent) => Math.round((b.ts - a.ts) / 6000) / 10;

/** Reverts found one event at a time over the ordered events: `add` each, then `reverts`. */
export class RevertFinder {
  readonly reverts: Revert[] = [];
  /** the last change of each resource setting, with its values' comparison keys */
  private readonly lastChange = new Map<string, { e: AuditEvent; hasOld: boolean; oldK: string; newK: string }>();
  private readonly history = new Map<string, string[]>();
  private readonly created = new Map<string, AuditEvent>();
  private readonly deletedSig = new Map<string, AuditEvent>();
  private readonly deletedNamed = new Map<string, { e: AuditEvent; rec: unknown }>();
  /** resources switched by an INVERSE pair (its index), waiting for the inverse */
  private readonly toggled = new Map<string, { e: AuditEvent; inv: number }>();

  add(e: AuditEvent): void {
    if (e.outcome === "failure") return;
    const op = opOf(e);
    const change = e.change;
    let rk: string | undefined;
    if (op === "update" && change && (change.old !== undefined || change.new !== undefined)) {
      const setting = settingOf(e);
      rk = resourceKey(e);
      const key = `${rk}|${norm(setting)}`;
      const last = this.lastChange.get(key);
      const prev = last?.e;
      const oldK = valueKey(change.old);
      const newK = valueKey(change.new);
      const hist = this.history.get(key);
      const before = last?.hasOld ? last.oldK : hist && hist.length >= 2 ? hist[hist.length - 2]! : "";
      const toggled = last && oldK === "" && last.oldK === "" && isToggle(last.newK, newK);
      const h = hist ?? [];
      h.push(newK);
      if (h.length > 3) h.shift();
      this.history.set(key, h);
      if (last && newK !== "" && ((newK === before && (oldK === "" || oldK === last.newK)) || toggled)) {
        this.reverts.push({ kind: "value_restored", change_id: prev!.id, revert_id: e.id, what: setting ?? e.resource.type ?? e.action, minutes: mins(prev!, e) });
        this.lastChange.delete(key);
      } else this.lastChange.set(key, { e, hasOld: change.old !== undefined, oldK, newK });
    }
    // a switch (disable, pause, mute) and later its inverse on the same resource
    const a = norm(e.action);
    const t = this.toggled.size ? this.toggled.get((rk ??= resourceKey(e))) : undefined;
    if (t && undoes[t.inv]!(a)) {
      this.reverts.push({ kind: "toggled_back", change_id: t.e.id, revert_id: e.id, what: e.resource.name ?? e.resource.type ?? e.action, minutes: mins(t.e, e) });
      this.toggled.delete(rk!);
    } else {
      const inv = inverseOf(a);
      if (inv >= 0) this.toggled.set((rk ??= resourceKey(e)), { e, inv });
    }
    if (op === "create") {
      if (e.resource.id || e.resource.name) this.created.set((rk ??= resourceKey(e)), e);
      const sig = recordSig(e.change?.new);
      const del = sig ? this.deletedSig.get(sig) : undefined;
      if (sig && del) {
        this.reverts.push({ kind: "deleted_then_restored", change_id: del.id, revert_id: e.id, what: sig.split("|")[0] ?? "record", minutes: mins(del, e) });
        this.deletedSig.delete(sig);
      } else {
        // an equivalent object re-created under the name of one deleted earlier (new id, same name and target)
        const nk = namedKey(e, e.change?.new);
        const prev = nk ? this.deletedNamed.get(nk) : undefined;
        if (nk && prev && sameTarget(prev.rec, e.change?.new)) {
          this.reverts.push({ kind: "deleted_then_restored", change_id: prev.e.id, revert_id: e.id, what: nk.split("|")[1] ?? "object", minutes: mins(prev.e, e) });
          this.deletedNamed.delete(nk);
        }
      }
    } else if (op === "delete") {
      const rec = removedRecord(e) ?? e.change?.new;
      const nk = namedKey(e, rec);
      if (nk && this.deletedNamed.size < 10_000) this.deletedNamed.set(nk, { e, rec });
      const c = this.created.get((rk ??= resourceKey(e)));
      if (c && (e.resource.id || e.resource.name)) {
        this.reverts.push({ kind: "created_then_deleted", change_id: c.id, revert_id: e.id, what: e.resource.name ?? e.resource.type ?? e.action, minutes: mins(c, e) });
        this.created.delete(rk);
      }
      const sig = recordSig(removedRecord(e));
      if (sig) this.deletedSig.set(sig, e);
    }
  }
}
