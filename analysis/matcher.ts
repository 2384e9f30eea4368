// The indicator catalogue (analysis/catalogue.ts) compiled once into matchers indexed by what an event is: its
// action, category, resource type, operation and source. The static part of every matcher (vendor vocabulary, verb)
// is decided once per distinct event shape and kept in a bounded module-level index; per event only the dynamic
// part runs (settings, value predicates, free text), each event fact computed at most once.
import type { AuditEvent } from "../domain/events.ts";
import { ARCHIVE, CATALOGUE, CREDENTIAL_WORDS, type CatalogueEntry, type Matcher, type ValuePredicate } from "./catalogue.ts";
import { changeDirection, destinationAccounts, destinationChanged, mailAuthWeakened, oldValueOf, opensToEveryone, silenceIsBounded, type Direction } from "./posture.ts";
import { norm, opOf, settingOf, textOf } from "./text.ts";
import type { Correlation } from "./timeline.ts";

/** What the dynamic matchers may know beyond the event: cloud accounts the org's archives already use. */
export interface MatchContext {
  knownAccounts: Set<string>;
}

/** Event-level catalogue hits: focus-period event ids and the count of earlier hits of the same kind of change. */
export interface Hit {
  focus: string[];
  baseline: number;
}

/** One catalogue entry's matchers whose static part holds for an event shape. */
interface Candidate {
  entry: CatalogueEntry;
  /** one of the matchers needs nothing beyond the shape */
  always: boolean;
  /** the others, in catalogue order: settings, value and text still to check */
  dynamic: Matcher[];
}

const ENTRIES = CATALOGUE.filter((c) => c.match);

/** A sign-in or sign-out record (Cloudflare v2 files them as `create` on a `session`): never a created user, key or setting. */
const SESSION_TYPE_RE = /^(user_)?sessions?$|^(login|logout)s?$/;
const SESSION_ALLOWED = new Set(ENTRIES.flatMap((c) => c.match!).filter((m) => m.resourceTypes?.some((r) => r.test("session"))));

/** Whether any of the patterns matches (a plain loop: it runs per event). */
function anyTest(res: RegExp[], s: string): boolean {
  for (const r of res) if (r.test(s)) return true;
  return false;
}
const anyRe = (res: RegExp[] | undefined, s: string) => !res || anyTest(res, s);

function staticMatch(m: Matcher, e: AuditEvent, a: string, category: string, type: string, session: boolean): boolean {
  if (m.sources && !m.sources.includes(e.source)) return false;
  if (session && !SESSION_ALLOWED.has(m)) return false;
  if (m.notActions && m.notActions.some((r) => r.test(a))) return false;
  if (!anyRe(m.actions, a)) return false;
  if (!anyRe(m.categories, category)) return false;
  if (m.resourceTypes && !m.resourceTypes.some((r) => r.test(type))) return false;
  if (m.operations && !m.operations.includes(opOf(e))) return false;
  return true;
}

function compileShape(e: AuditEvent): Candidate[] {
  const a = norm(e.action);
  const category = norm(e.category);
  const type = norm(e.resource.type);
  const session = SESSION_TYPE_RE.test(type);
  const out: Candidate[] = [];
  for (const entry of ENTRIES) {
    let always = false;
    const dynamic: Matcher[] = [];
    for (const m of entry.match!) {
      if (!staticMatch(m, e, a, category, type, session)) continue;
      if (m.settings || m.value || m.text) dynamic.push(m);
      else always = true;
    }
    if (always || dynamic.length) out.push({ entry, always, dynamic });
  }
  return out;
}

// index: action → resource type → category → operation → source → candidates (raw values: norm is a function of them)
type Level<T> = Map<string, T>;
type BySource = Level<Candidate[]>;
type ByCategory = Level<Level<BySource>>;
let index: Level<Level<ByCategory>> = new Map();
let shapes = 0;
const MAX_SHAPES = 20_000;

function sub<T>(m: Level<T>, k: string, make: () => T): T {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}
const level = <T>() => new Map<string, T>();

/** The catalogue entries an event's shape can match, compiled on first sight of the shape. */
export function candidatesOf(e: AuditEvent): Candidate[] {
  const byCategory = sub(sub(index, e.action, level<ByCategory>), e.resource.type ?? "", level<Level<BySource>>);
  const bySource = sub(sub(byCategory, e.category ?? "", level<BySource>), e.operation, level<Candidate[]>);
  let c = bySource.get(e.source);
  if (c === undefined) {
    // a bounded index: past the limit start afresh (this shape is still answered)
    if (++shapes > MAX_SHAPES) {
      index = new Map();
      shapes = 0;
    }
    c = compileShape(e);
    bySource.set(e.source, c);
  }
  return c;
}

/** The dynamic facts of one event, each computed at most once however many matchers ask. */
class Facts {
  private e!: AuditEvent;
  private setting: string | undefined;
  private direction: Direction | undefined;
  private text: string | undefined;
  constructor(private readonly ctx: () => MatchContext | undefined) {}
  reset(e: AuditEvent): this {
    this.e = e;
    this.setting = this.direction = this.text = undefined;
    return this;
  }
  fires(m: Matcher): boolean {
    if (m.settings) {
      const s = (this.setting ??= norm(settingOf(this.e)));
      if (!anyTest(m.settings, s)) return false;
    }
    if (m.value && !this.holds(m.value)) return false;
    if (m.text) {
      const t = (this.text ??= textOf(this.e, 2000));
      if (!anyTest(m.text, t)) return false;
    }
    return true;
  }
  private dir(): Direction {
    return (this.direction ??= changeDirection(this.e));
  }
  private holds(p: ValuePredicate): boolean {
    const e = this.e;
    switch (p) {
      case "weakened":
        return this.dir() === "weaker";
      case "not_strengthened":
        return this.dir() !== "stronger";
      case "allowlisting": {
        const t = `${norm(e.action)} ${JSON.stringify(e.change?.new ?? "").slice(0, 500)} ${JSON.stringify(e.metadata ?? {}).slice(0, 500)}`.toLowerCase();
        return /"mode":"(whitelist|allow|bypass)"|"action":"(allow|bypass|skip)"|whitelist|allowlist/.test(t);
      }
      case "unbounded":
        return !silenceIsBounded(e);
      case "unbounded_weakened":
        return !silenceIsBounded(e) && this.dir() === "weaker";
      case "mail_auth_weakened":
        return mailAuthWeakened(e, opOf(e));
      case "archive_foreign":
        return archiveForeign(e, this.ctx());
      case "archive_foreign_sends":
        return archiveForeign(e, this.ctx()) && !createdDisabled(e);
      case "sends":
        return !createdDisabled(e);
      case "opens_to_everyone":
        // a credential's own permission policy is scoped by credential.created, not an opened door
        return !CREDENTIAL_WORDS.test(`${norm(e.action)}|${norm(e.resource.type)}|${norm(e.category)}`) && opensToEveryone(e);
      case "destination_repointed": {
        const o = oldValueOf(e);
        return opOf(e) === "update" && o !== undefined && e.change?.new !== undefined && destinationChanged(o, e.change.new);
      }
      case "archive_moved":
        return opOf(e) === "update" && e.change?.old !== undefined && destinationChanged(e.change?.old, e.change?.new) && !archiveForeign(e, this.ctx());
    }
  }
}

/** The created object is explicitly disabled (enabled: false). */
function createdDisabled(e: AuditEvent): boolean {
  const n = e.change?.new;
  if (!n || typeof n !== "object") return false;
  const r = n as Record<string, unknown>;
  const v = r["enabled"] ?? r["is_enabled"] ?? r["active"];
  return v === false || v === "false";
}

function archiveForeign(e: AuditEvent, ctx: MatchContext | undefined): boolean {
  const acc = destinationAccounts(e.change?.new);
  if (!acc.length) return e.change?.new !== undefined ? destinationChanged(e.change?.old, e.change?.new) || e.change?.old === undefined : true;
  const prev = new Set(destinationAccounts(e.change?.old));
  return acc.some((a) => !prev.has(a) && !ctx?.knownAccounts.has(a));
}

function candidateFires(c: Candidate, facts: Facts): boolean {
  if (c.always) return true;
  for (const m of c.dynamic) if (facts.fires(m)) return true;
  return false;
}

const noContext = () => undefined;

/** Whether one catalogue entry's event matchers fire on an event (no archive history: every account is new). */
export function entryMatches(entry: CatalogueEntry, e: AuditEvent): boolean {
  if (!entry.match || e.outcome === "failure") return false;
  const c = candidatesOf(e).find((x) => x.entry === entry);
  return !!c && candidateFires(c, new Facts(noContext).reset(e));
}

/** Cloud accounts the org's log archives already used: earlier values of any archive, and baseline archives. */
export function knownArchiveAccounts(events: AuditEvent[], focusStart: number, pivots: AuditEvent[], focusTs: number): Set<string> {
  const out = new Set<string>();
  const add = (e: AuditEvent, withNew: boolean) => {
    if (!ARCHIVE.test(norm(e.resource.type))) return;
    for (const a of destinationAccounts(e.change?.old)) out.add(a);
    if (withNew) for (const a of destinationAccounts(e.change?.new)) out.add(a);
  };
  for (let i = 0; i < events.length; i++) add(events[i]!, i < focusStart);
  for (const e of pivots) add(e, e.ts < focusTs);
  return out;
}

/**
 * Catalogue hits over the actor's ordered events, one event at a time, split into focus period and baseline.
 * `baseline` counts earlier hits of the same entry with the same action as a focus hit: the same kind of change
 * done before (an earlier archive creation does not make a later archive repointing routine).
 */
export class HitCollector {
  private readonly out = new Map<string, Hit>();
  private readonly baseActions = new Map<string, Map<string, number>>();
  private readonly focusActions = new Map<string, Set<string>>();
  private readonly facts: Facts;
  private context: MatchContext | undefined;

  /** `context` is asked for at most once, when an archive matcher first needs it. */
  constructor(context: () => MatchContext) {
    this.facts = new Facts(() => (this.context ??= context()));
  }

  add(e: AuditEvent, inFocus: boolean): void {
    if (e.outcome === "failure") return;
    const cands = candidatesOf(e);
    if (!cands.length) return;
    const facts = this.facts.reset(e);
    for (const c of cands) {
      if (!candidateFires(c, facts)) continue;
      const id = c.entry.id;
      let hit = this.out.get(id);
      if (!hit) this.out.set(id, (hit = { focus: [], baseline: 0 }));
      const a = norm(e.action);
      if (inFocus) {
        if (hit.focus.length < 200) hit.focus.push(e.id);
        let fa = this.focusActions.get(id);
        if (!fa) this.focusActions.set(id, (fa = new Set()));
        fa.add(a);
      } else {
        let ba = this.baseActions.get(id);
        if (!ba) this.baseActions.set(id, (ba = new Map()));
        ba.set(a, (ba.get(a) ?? 0) + 1);
      }
    }
  }

  finish(): Map<string, Hit> {
    for (const [id, hit] of this.out) {
      const ba = this.baseActions.get(id);
      const fa = this.focusActions.get(id);
      if (!ba) continue;
      if (!fa) {
        for (const n of ba.values()) hit.baseline += n;
        continue;
      }
      for (const a of fa) hit.baseline += ba.get(a) ?? 0;
    }
    return this.out;
  }
}

const hitMemo = new WeakMap<Correlation, Map<string, Hit>>();

/** Hits collected while the correlation was built, so `matchEvents` need not scan the events again. */
export function rememberHits(corr: Correlation, hits: Map<string, Hit>): void {
  hitMemo.set(corr, hits);
}

/** Event-level catalogue hits on the actor's events (memoised per correlation; computed here for a reloaded one). */
export function matchEvents(corr: Correlation): Map<string, Hit> {
  const memo = hitMemo.get(corr);
  if (memo) return memo;
  const collector = new HitCollector(() => ({ knownAccounts: knownArchiveAccounts(corr.events, corr.focus_start, corr.pivot_events, corr.focus_start_ts) }));
  for (let i = 0; i < corr.events.length; i++) collector.add(corr.events[i]!, i >= corr.focus_start);
  const out = collector.finish();
  hitMemo.set(corr, out);
  return out;
}
