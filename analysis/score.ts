// The rules engine's verdict: a transparent, additive scoring model over indicators and correlation context.
//
// Three class scores are built from named evidence terms (listed in the rationale):
//   likely_malicious  — attack indicators weighted by severity, a bonus per extra ATT&CK stage in the chain
//                       (credential → privilege → evasion → exfiltration/impact), access from somewhere new
//                       feeding sensitive changes, self-granted privileges, instruction-like vendor text;
//   misconfiguration  — a risky weakening of defences with no attack chain, a reverted change, a change ticket,
//                       known automation making the change, bulk deletions from a known place;
//   benign            — actions the actor already performed earlier in the window, credential rotation,
//                       verified automation, an isolated change from a known place, no sensitive change at all.
// Indicators the actor already triggered before the flagged activity (routine) count a third and open no stage.
// The confidence is the softmax probability of the winning class (temperature 0.75), reduced for data gaps.
import type { SourceName, SourceStatus } from "../tools/events.ts";
import type { Assessment, Indicator, Severity, Verdict } from "../graph/schemas.ts";
import type { Correlation } from "./correlate.ts";
import { burstIsRoutine, catalogueEntry, changeDirection, matchEvents, restoredChanges, type Stage } from "./indicators.ts";
import { isSilencing, silenceIsBounded } from "./posture.ts";
import { norm, textOf } from "./text.ts";

const WEIGHT: Record<Severity, number> = { info: 0, low: 0.5, medium: 1, high: 2, critical: 3 };
// fitted on the dev set by a coarse grid over (temperature, data-gap discount) minimising the Brier score, with the
// previous engine's dev scores (which had misses) in the objective so the fit does not reward overconfidence
const TEMPERATURE = 0.75;
const WEAKENING = new Set(["logging.impaired", "firewall.weakened", "detection.impaired", "auth.modified", "mail_auth.removed", "policy.opened"]);
const BURST_OF: Record<string, string> = { "destruction.burst": "destructive", "discovery.burst": "discovery", "collection.export_burst": "export" };

interface Term {
  cls: "likely_malicious" | "misconfiguration" | "benign";
  points: number;
  why: string;
  ids: string[];
}

function gapsOf(sources: Partial<Record<SourceName, SourceStatus>>): { failed: string[]; partial: string[]; ok: string[] } {
  const failed: string[] = [], partial: string[] = [], ok: string[] = [];
  for (const [name, s] of Object.entries(sources)) {
    if (!s) continue;
    if (s.status === "failed" || s.status === "skipped" || s.status === "pending") failed.push(name);
    else if (s.status === "partial" || s.status === "truncated") partial.push(name);
    else ok.push(name);
  }
  return { failed, partial, ok };
}

function softmax(scores: number[]): number[] {
  const m = Math.max(...scores);
  const ex = scores.map((s) => Math.exp((s - m) / TEMPERATURE));
  const z = ex.reduce((a, b) => a + b, 0);
  return ex.map((x) => x / z);
}

const round = (x: number) => Math.round(x * 100) / 100;

export function assess(corr: Correlation, indicators: Indicator[], sources: Partial<Record<SourceName, SourceStatus>>): Assessment {
  const gaps = gapsOf(sources);
  const flaggedIds = corr.flagged.event_ids;
  const noData = (gaps.ok.length + gaps.partial.length === 0 && Object.keys(sources).length > 0) || corr.events.length === 0;
  if (noData) {
    const why =
      corr.events.length === 0 && gaps.failed.length === 0
        ? "No events of this actor were found in the window and the flagged event cannot be seen, so there is no evidence to weigh."
        : `No evidence could be gathered: ${gaps.failed.length ? `source(s) ${gaps.failed.join(", ")} failed` : "no events were returned"}. Re-run once the sources are reachable.`;
    return {
      verdict: "inconclusive",
      confidence: 0.2,
      rationale: why,
      citations: [],
      techniques: [],
      indicators,
      engine: "rules",
      scores: { likely_malicious: 0, misconfiguration: 0, benign: 0 },
    };
  }

  const hits = matchEvents(corr);
  const byId = new Map(corr.events.map((e) => [e.id, e]));
  const has = (id: string) => indicators.some((i) => i.id === id);
  const get = (id: string) => indicators.filter((i) => i.id === id);
  const known = corr.automation.known;
  const novel = has("access.new_location") || has("context.first_seen") || has("access.impossible_travel") || has("access.concurrent_sessions");
  const rotation = has("context.rotation");
  // planned removal: (nearly) every deletion of the burst carries a change reference in its own record
  const ticketed = new Set(corr.tickets.flatMap((t) => t.event_ids));
  const burstIds = get("destruction.burst")[0]?.event_ids ?? [];
  // ...or the actor wrote the approval down before the work, in the scope (zone) every deletion of the burst is in
  const baselineIds = new Set(corr.events.slice(0, corr.focus_start).map((e) => e.id));
  const burstScopes = new Set(burstIds.map((id) => byId.get(id)?.resource.scope));
  const preApproved =
    burstIds.length >= 3 && burstScopes.size === 1 && !burstScopes.has(undefined) &&
    [...ticketed].some((id) => baselineIds.has(id) && burstScopes.has(byId.get(id)?.resource.scope));
  const planned = burstIds.length >= 3 && (preApproved || burstIds.filter((id) => ticketed.has(id)).length >= 0.8 * burstIds.length);
  const restored = restoredChanges(corr);
  const terms: Term[] = [];
  const stages = new Set<Stage>();
  const counted: Indicator[] = [];
  const routineAttack: Indicator[] = [];
  const grantTerms: Term[] = [];
  let selfGrant = false;

  for (const ind of indicators) {
    if (ind.kind !== "attack") continue;
    const entry = catalogueEntry(ind.id);
    const burstKind = BURST_OF[ind.id];
    const routine = burstKind ? burstIsRoutine(corr, burstKind) : (hits.get(ind.id)?.baseline ?? 0) > 0;
    const explained = ((ind.id === "credential.created" || ind.id === "credential.viewed") && rotation) || (ind.id === "destruction.burst" && planned);
    // every event of it was undone later by the actor (re-created, restored, unmuted): a revert, not a chain step
    const undone = ind.event_ids.length > 0 && ind.event_ids.every((id) => restored.changes.has(id));
    if (undone) {
      routineAttack.push(ind);
      terms.push({ cls: "likely_malicious", points: WEIGHT[ind.severity] / 3, why: `${ind.name} (undone later by the actor)`, ids: ind.event_ids });
      continue;
    }
    let w = WEIGHT[ind.severity] + Math.min(1, 0.25 * (ind.event_ids.length - 1));
    // verified automation from its usual place: its changes weigh half (a faulty run is likelier than an attack)
    if (known && !novel) w /= 2;
    if (routine || explained) {
      routineAttack.push(ind);
      terms.push({ cls: "likely_malicious", points: w / 3, why: `${ind.name} (${explained ? (planned && ind.id === "destruction.burst" ? (preApproved ? "approved beforehand for the same zone" : "each deletion references a change") : "explained by rotation") : "seen earlier in the window too"})`, ids: ind.event_ids });
      continue;
    }
    // self-granted privileges: the actor names itself as the target of a role change
    if (ind.id === "privilege.granted") {
      const me = corr.actor.toLowerCase();
      const self = ind.event_ids.some((id) => {
        const e = byId.get(id);
        const t = `${e?.description ?? ""} ${e?.resource.name ?? ""}`.toLowerCase();
        return me.length > 3 && t.split(me).length - 1 >= (e?.description?.toLowerCase().startsWith(me) ? 2 : 1);
      });
      if (self) {
        w += 1.5;
        selfGrant = true;
      }
    }
    counted.push(ind);
    if (entry?.stage && entry.stage !== "access") stages.add(entry.stage);
    const term: Term = { cls: "likely_malicious", points: w, why: ind.name, ids: ind.event_ids };
    if (GRANTS.has(ind.id)) grantTerms.push(term);
    terms.push(term);
  }
  // a grant by the actor's usual self (known place and client, earlier work in the window) with nothing else of an
  // attack around it (no credential, evasion, removal of others, exfiltration) is one ambiguous step: it weighs half,
  // and an admin-level grant to someone outside the organisation is an over-broad grant (least privilege), not a chain
  const usualSelf = !novel && corr.baseline.events >= 3 && !has("context.instruction_text");
  const grantOnly = usualSelf && grantTerms.length > 0 && !selfGrant && counted.every((i) => GRANTS.has(i.id));
  const overbroad = grantOnly ? overbroadGrant(corr, counted.flatMap((i) => i.event_ids), byId) : [];
  const widenedRoles = grantOnly ? roleWidened(counted.flatMap((i) => i.event_ids), byId) : [];
  if (grantOnly) for (const t of grantTerms) (t.points /= 2), (t.why += " (by the actor's usual self, nothing else of an attack around it)");
  const chain = [...stages].filter((s) => s !== "discovery");
  if (stages.size >= 2) terms.push({ cls: "likely_malicious", points: 1.5 * (stages.size - 1), why: `an attack chain across ${stages.size} stages (${[...stages].join(", ")})`, ids: [] });
  const access = counted.filter((i) => catalogueEntry(i.id)?.stage === "access");
  if (access.length && chain.length) terms.push({ cls: "likely_malicious", points: 2, why: "access from somewhere new followed by sensitive changes", ids: access.flatMap((i) => i.event_ids.slice(0, 3)) });
  const inj = get("context.instruction_text")[0];
  if (inj) terms.push({ cls: "likely_malicious", points: 1.5, why: "instruction-like text planted in vendor data (ignored as instructions, weighed as a manipulation attempt)", ids: inj.event_ids });
  const unverified = get("context.unverified_automation")[0];
  if (unverified && novel) terms.push({ cls: "likely_malicious", points: 1, why: "an automation claim that does not match the actor's known addresses or clients", ids: unverified.event_ids });

  // misconfiguration evidence
  const weak = counted.filter((i) => WEAKENING.has(i.id));
  const weakAll = indicators.filter((i) => WEAKENING.has(i.id));
  const credChain = counted.some((i) => ["credential.created", "privilege.granted", "account.created", "exfil.new_destination", "collection.export_burst", "admin.removed"].includes(i.id));
  if (weakAll.length && !credChain && access.length === 0)
    // planted instructions are a manipulation attempt: they argue against an honest mistake by a legitimate actor
    terms.push({ cls: "misconfiguration", points: inj ? 2.5 : 3.5, why: "a risky weakening of defences with no credential, privilege or exfiltration activity around it", ids: weakAll.flatMap((i) => i.event_ids.slice(0, 5)) });
  // the vendor reported one of the actor's credentials as leaked (public repository, paste): a hygiene failure
  const leaks = corr.events.filter((e) => LEAK_RE.test(textOf(e, 600)) && /notif|secur|alert|leak|scan/.test(`${norm(e.category)}|${norm(e.action)}`)).map((e) => e.id);
  if (leaks.length && access.length === 0)
    terms.push({ cls: "misconfiguration", points: 3.5, why: "the vendor reported one of the actor's credentials exposed (leaked-credential notification): a credential-hygiene failure", ids: leaks.slice(0, 5) });
  const focusIds = new Set(corr.events.slice(corr.focus_start).map((e) => e.id));
  // a reverted credential is not a configuration fix; a reverted hardening (raised, then lowered again) is routine
  const reverts = corr.reverts.filter((r) => {
    const e = byId.get(r.change_id);
    if (!e || changeDirection(e) === "stronger") return false;
    return !/token|api_key|application_key|credential/.test(`${norm(e.resource.type)}|${norm(e.action)}`);
  });
  // a silencing with an end time that was lifted again is a maintenance window run to plan, not a mistake fixed
  const maintenance = reverts.filter((r) => {
    const e = byId.get(r.change_id);
    return e !== undefined && isSilencing(e) && silenceIsBounded(e) && (focusIds.has(r.change_id) || focusIds.has(r.revert_id));
  });
  const maintenanceIds = new Set(maintenance.map((r) => r.change_id));
  const focusReverts = reverts.filter((r) => !maintenanceIds.has(r.change_id) && (focusIds.has(r.change_id) || focusIds.has(r.revert_id)));
  if (focusReverts.length) terms.push({ cls: "misconfiguration", points: known && !weakAll.length ? 1 : 4, why: "a change around the anomaly was reverted (changed and then restored)", ids: focusReverts.flatMap((r) => [r.change_id, r.revert_id]) });
  else if (reverts.length > maintenance.length) terms.push({ cls: "misconfiguration", points: 1, why: "earlier changes in the window were reverted", ids: reverts.flatMap((r) => [r.change_id, r.revert_id]).slice(0, 6) });
  const focusChanges = corr.events.slice(corr.focus_start).some((e) => ["create", "update", "delete"].includes(e.operation));
  const ticket = get("context.change_ticket")[0];
  const risky = weakAll.length > 0 || overbroad.length > 0;
  if (ticket && focusChanges) {
    terms.push({ cls: "misconfiguration", points: risky || has("destruction.burst") ? 1.5 : 0.5, why: "the change references a change ticket or change window", ids: ticket.event_ids });
    terms.push({ cls: "benign", points: risky ? 0.5 : 1.5, why: "the change is planned (ticket or change window)", ids: ticket.event_ids });
  }
  if (widenedRoles.length && !overbroad.length)
    terms.push({ cls: "misconfiguration", points: 3, why: "a shared role's definition widened with administrative permissions by the actor's usual self, nothing else of an attack around it: an over-broad role change (least privilege)", ids: widenedRoles });
  if (overbroad.length)
    terms.push({ cls: "misconfiguration", points: 3, why: "an administrator-level role granted to an identity outside the organisation by the actor's usual self: an over-broad grant (least privilege), not an attack chain", ids: overbroad });
  const destructive = counted.find((i) => i.id === "destruction.burst");
  // the actor's own place: earlier activity in the window and nothing first-seen around the anomaly
  const usualPlace = !novel && corr.baseline.events > 0;
  if (destructive && !credChain && access.length === 0)
    terms.push({ cls: "misconfiguration", points: known || ticket ? 3.5 : usualPlace ? 4.5 : 2, why: "bulk deletions from a known place with no credential or privilege activity (a faulty bulk change)", ids: destructive.event_ids.slice(0, 5) });
  if (planned && !credChain && access.length === 0) {
    terms.push({ cls: "misconfiguration", points: 1, why: preApproved ? "bulk deletions, though approved beforehand" : "bulk deletions, though each one references a change", ids: burstIds.slice(0, 5) });
    terms.push({ cls: "benign", points: 2.5, why: preApproved ? "the actor recorded the change's approval beforehand for the zone the deletions are in (planned, scoped removal)" : "every deletion in the burst carries its change reference (planned, scoped removal)", ids: burstIds.slice(0, 5) });
  }
  if (known && (weakAll.length || destructive)) terms.push({ cls: "misconfiguration", points: 1.5, why: "verified automation made the risky change", ids: corr.automation.event_ids });

  // benign evidence
  terms.push({ cls: "benign", points: 1, why: "prior: most flagged activity is legitimate", ids: [] });
  let share = 0;
  const focusN = corr.events.length - corr.focus_start;
  if (corr.baseline.events > 0 && focusN > 0) {
    let k = 0;
    for (let i = corr.focus_start; i < corr.events.length; i++) if (corr.baseline.actions[norm(corr.events[i]!.action)]) k++;
    share = k / focusN;
  }
  const routineInd = get("context.routine")[0];
  if (share > 0) terms.push({ cls: "benign", points: (weakAll.length ? 1 : 2) * share, why: `${Math.round(share * 100)}% of the actions around the anomaly continue the actor's earlier work`, ids: routineInd?.event_ids ?? [] });
  if (!counted.length && !weakAll.length && !focusReverts.length && !leaks.length) terms.push({ cls: "benign", points: 2, why: "no sensitive change beyond the actor's routine", ids: [] });
  if (maintenance.length && !focusReverts.length && !weakAll.length)
    terms.push({ cls: "benign", points: 2.5, why: "alerting silenced with an end time and restored afterwards (a planned maintenance window)", ids: maintenance.flatMap((r) => [r.change_id, r.revert_id]).slice(0, 6) });
  if (rotation) terms.push({ cls: "benign", points: 3, why: "credential rotation: a new credential and the old one revoked", ids: get("context.rotation")[0]!.event_ids });
  if (known && !weakAll.length) terms.push({ cls: "benign", points: 1.5, why: "verified automation from its usual place", ids: corr.automation.event_ids });
  if (!novel && stages.size <= 1 && !weak.length && !destructive && !overbroad.length && !widenedRoles.length && counted.length) terms.push({ cls: "benign", points: 1.5, why: "an isolated change from the actor's known place and client, with no attack chain", ids: [] });
  const shared = get("context.pivot_shared_ip")[0];
  if (shared && !counted.some((i) => i.id === "access.new_location")) terms.push({ cls: "benign", points: 0.5, why: "the new address is shared by colleagues doing routine work", ids: shared.event_ids.slice(0, 3) });

  const classes = ["likely_malicious", "misconfiguration", "benign"] as const;
  const raw = classes.map((c) => terms.filter((t) => t.cls === c).reduce((a, t) => a + t.points, 0));
  const probs = softmax(raw);
  let top = 0;
  for (let i = 1; i < 3; i++) if (raw[i]! > raw[top]! + 1e-9) top = i;
  const verdict: Verdict = classes[top]!;
  let confidence = probs[top]!;
  const gapPenalty = 0.12 * gaps.failed.length + 0.06 * gaps.partial.length + (corr.flagged.event_ids.length ? 0 : 0.1);
  confidence = Math.min(0.97, Math.max(0.34, confidence * (1 - gapPenalty)));

  const drivers = terms.filter((t) => t.cls === verdict && t.points > 0).sort((a, b) => b.points - a.points);
  const citations: string[] = [];
  const add = (id: string) => {
    if (citations.length < 20 && !citations.includes(id)) citations.push(id);
  };
  flaggedIds.forEach(add);
  for (const t of drivers) t.ids.slice(0, 5).forEach(add);
  for (const id of supportingContext(corr, flaggedIds)) add(id);
  for (const t of terms.filter((x) => x.cls !== verdict && x.points >= 1 && !x.why.startsWith("prior")).sort((a, b) => b.points - a.points).slice(0, 2)) {
    t.ids.slice(0, 2).forEach(add);
  }
  const techniques =
    verdict === "benign"
      ? []
      : [
          ...new Set([
            ...(verdict === "likely_malicious" ? counted : [...counted, ...weakAll]).flatMap((i) => i.techniques),
            // Malicious use of the actor's own audit trail means a valid cloud account was abused.
            ...(verdict === "likely_malicious" && corr.events.length > 0 ? ["T1078.004"] : []),
          ]),
        ].sort();

  const label = { likely_malicious: "likely malicious", misconfiguration: "a misconfiguration", benign: "benign" }[verdict];
  const sentences: string[] = [];
  sentences.push(`The rules engine assesses this activity as ${label} (confidence ${round(confidence)}).`);
  sentences.push(`Main evidence: ${drivers.slice(0, 5).map((t) => t.why).join("; ") || "none beyond the prior"}.`);
  const against = terms.filter((t) => t.cls !== verdict && t.points >= 1 && !t.why.startsWith("prior")).sort((a, b) => b.points - a.points).slice(0, 3);
  if (against.length) sentences.push(`Weighed against it: ${against.map((t) => t.why).join("; ")}.`);
  if (corr.flagged.event_ids.length) sentences.push(`The flagged event was located (${corr.flagged.match} match) among ${corr.events.length} event(s) of the actor.`);
  else sentences.push(`The flagged event itself was not found among the ${corr.events.length} gathered event(s) of the actor; the verdict rests on the surrounding activity.`);
  sentences.push(corr.baseline.events ? `The baseline is ${corr.baseline.events} earlier event(s) from ${corr.baseline.ips.length} address(es).` : "There was no earlier activity in the window to form a baseline.");
  if (gaps.failed.length || gaps.partial.length)
    sentences.push(`Data gap: ${[...gaps.failed.map((s) => `${s} failed`), ...gaps.partial.map((s) => `${s} incomplete`)].join(", ")}; the confidence is lowered accordingly.`);
  if (routineAttack.length) sentences.push(`Discounted as routine: ${routineAttack.map((i) => i.name).join("; ")}.`);

  return {
    verdict,
    confidence: round(confidence),
    rationale: sentences.join(" "),
    citations,
    techniques,
    indicators,
    engine: "rules",
    scores: { likely_malicious: round(raw[0]!), misconfiguration: round(raw[1]!), benign: round(raw[2]!) },
  };
}

const LEAK_RE = /\b(detected|found|exposed|leaked|leak|published|committed)\b[^.\n]{0,80}\b(keys?|tokens?|secrets?|credentials?)\b[^.\n]{0,80}\b(public|repository|repo|github|gitlab|bitbucket|paste(bin)?|internet)\b|\b(keys?|tokens?|secrets?|credentials?)\b[^.\n]{0,40}\b(leaked|exposed)\b/i;
const GRANTS = new Set(["privilege.granted", "account.created"]);
const ADMIN_RE = /\b(admin|admins|administrator|administrators|owner|owners|super[\s_-]?admin|super[\s_-]?user|superuser|full[\s_-]access|all[\s_-]privileges|account[\s_-]admin)\b/i;
const OUTSIDER_RE = /\b(contractor|consultant|consultancy|vendor|external|third[\s-]party|guest|freelancer|agency|partner)\b/i;
const EMAIL_RE = /[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;

/**
 * Grant events that give an administrator-level role to an identity outside the organisation: an e-mail in a
 * domain other than the actor's, or words naming an outsider. Vendor text is read as data only.
 */
function overbroadGrant(corr: Correlation, ids: string[], byId: Map<string, Correlation["events"][number]>): string[] {
  const mine = /@([a-z0-9.-]+)$/i.exec(corr.actor)?.[1]?.toLowerCase();
  const out: string[] = [];
  let outsider = false, admin = false;
  for (const id of ids) {
    const e = byId.get(id);
    if (!e) continue;
    const text = textOf(e, 2000);
    const domains = [...text.matchAll(EMAIL_RE)].map((m) => m[1]!.toLowerCase());
    const stranger = (mine !== undefined && domains.some((d) => d !== mine && !d.endsWith(`.${mine}`))) || OUTSIDER_RE.test(text.replace(EMAIL_RE, " "));
    const adm = ADMIN_RE.test(text.replace(EMAIL_RE, " "));
    if (stranger) outsider = true;
    if (adm) admin = true;
    if (stranger || adm) out.push(id);
  }
  return outsider && admin ? out : [];
}

const ADMIN_PERMISSION_RE = /admin|manage|management|owner|write|_edit$|^edit_|full_access|all_privileges/;

/** Role-definition changes whose permission list gained administrative entries (a role widened for everyone in it). */
function roleWidened(ids: string[], byId: Map<string, Correlation["events"][number]>): string[] {
  const list = (v: unknown): string[] | undefined => {
    const r = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    const p = r?.["permissions"] ?? r?.["permission_names"] ?? r?.["scopes"];
    return Array.isArray(p) ? p.slice(0, 500).map((x) => norm(typeof x === "string" ? x : String((x as Record<string, unknown> | null)?.["name"] ?? ""))) : undefined;
  };
  const out: string[] = [];
  for (const id of ids) {
    const e = byId.get(id);
    if (!e || !/role/.test(norm(e.resource.type))) continue;
    const before = list(e.change?.old), after = list(e.change?.new);
    if (!before || !after) continue;
    const had = new Set(before);
    if (after.some((p) => !had.has(p) && ADMIN_PERMISSION_RE.test(p))) out.push(id);
  }
  return out;
}

/**
 * Events a reviewer needs beside the indicators to check the verdict: how the focus period was entered (its
 * first event and any login in it), and what else the actor did to the flagged event's resource in the focus
 * period (a follow-up change, a revert, the record of a ticket).
 */
function supportingContext(corr: Correlation, flaggedIds: string[]): string[] {
  const out: string[] = [];
  const focus = corr.events.slice(Math.max(0, corr.focus_start));
  if (focus.length === 0) return out;
  const first = focus[0]!;
  if (!flaggedIds.includes(first.id)) out.push(first.id);
  for (const e of focus) {
    if (out.length >= 3) break;
    if (e.operation === "login" && !out.includes(e.id) && !flaggedIds.includes(e.id)) out.push(e.id);
  }
  const flagged = corr.events.filter((e) => flaggedIds.includes(e.id));
  const keyOf = (e: Correlation["events"][number]) => [e.resource.type, e.resource.id ?? e.resource.name].filter(Boolean).join(":");
  const keys = new Set(flagged.map(keyOf).filter((k) => k.includes(":")));
  let same = 0;
  for (const e of focus) {
    if (same >= 3) break;
    if (keys.has(keyOf(e)) && !flaggedIds.includes(e.id) && !out.includes(e.id)) {
      out.push(e.id);
      same++;
    }
  }
  return out;
}
