// Compression of one investigation into the analyst model's prompt: the flagged and indicator events in
// full (pseudonymised), everything else as counts, shrunk step by step until it fits the token budget.
import type { AuditEvent, SourceName, SourceStatus } from "../../domain/events.ts";
import type { Anomaly, Assessment, Indicator } from "../../domain/schemas.ts";
import type { Correlation } from "../../analysis/timeline.ts";
import type { AnalystPromptData } from "../../prompts/analyst.ts";
import { Pseudonymiser } from "./analyst-pseudonymise.ts";

export interface AnalystPrompt {
  name: string;
  version: string;
  system: string;
  buildUser(input: AnalystPromptData): string;
}

export interface LlmAnalystInput {
  correlation: Correlation;
  indicators: Indicator[];
  rules: Assessment;
  events: AuditEvent[];
  anomaly: Anomaly;
  sources: Partial<Record<SourceName, SourceStatus>>;
}

export const PROMPT_CHAR_CAP = 28_000;
/** Upper bound on the prompt's estimated tokens (the model budget is 8 000; the estimate leaves a margin). */
export const PROMPT_TOKEN_CAP = 7_200;

/**
 * Token estimate without a tokenizer: long id-like runs (vendor ids, hashes) tokenise at ~2.5 characters per
 * token or less, the rest (JSON punctuation, placeholders and words) at ~3.
 */
export function estimateTokens(text: string): number {
  let idChars = 0;
  for (const m of text.matchAll(/[A-Za-z0-9_-]{16,}/g)) idChars += m[0].length;
  return Math.ceil(idChars / 1.9 + (text.length - idChars) / 2.8);
}

function compactValue(v: unknown, p: Pseudonymiser, max: number): unknown {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return p.text(s ?? "", max);
}

function eventView(e: AuditEvent, p: Pseudonymiser, textMax: number): Record<string, unknown> {
  const who = e.actor.email ? p.email(e.actor.email) : e.actor.id ? p.text(e.actor.id, 60) : undefined;
  const v: Record<string, unknown> = {
    id: e.id,
    time: e.time,
    source: e.source,
    actor: who,
    actor_type: e.actor.type ? p.text(e.actor.type, 30) : undefined,
    auth: e.actor.auth ? p.text(e.actor.auth, 40) : undefined,
    token: e.actor.token_name ? p.name("token", e.actor.token_name) : undefined,
    ip: e.ip ? p.ip(e.ip) : undefined,
    user_agent: e.user_agent ? p.text(e.user_agent, 80) : undefined,
    country: e.location?.country ? p.text(e.location.country, 8) : undefined,
    action: p.text(e.action, 100),
    operation: e.operation,
    resource_type: e.resource.type ? p.text(e.resource.type, 60) : undefined,
    resource: e.resource.name ? p.name("resource", e.resource.name) : e.resource.id ? p.name("resource", e.resource.id) : undefined,
    outcome: e.outcome,
    description: e.description ? p.text(e.description, textMax) : undefined,
    setting: e.change?.setting ? p.text(e.change.setting, 60) : undefined,
    old: compactValue(e.change?.old, p, Math.min(textMax, 120)),
    new: compactValue(e.change?.new, p, Math.min(textMax, 120)),
  };
  const tn = e.metadata?.["token_name"];
  if (typeof tn === "string") v["token"] = p.name("token", tn);
  for (const k of Object.keys(v)) if (v[k] === undefined) delete v[k];
  return v;
}

function topCounts(m: Map<string, number>, n: number): Record<string, number> {
  return Object.fromEntries([...m].sort((a, b) => b[1] - a[1]).slice(0, n));
}

/** The prompt for one review: the pseudonymised, compressed data and the messages built from it. */
export function buildAnalystPrompt(input: LlmAnalystInput, prompt: AnalystPrompt): { system: string; user: string; replacements: Record<string, string>; chars: number; kept_event_ids: string[] } {
  const { correlation: corr, indicators, rules, anomaly, sources } = input;
  const byId = new Map<string, AuditEvent>();
  for (const e of corr.events) byId.set(e.id, e);
  for (const e of corr.pivot_events) byId.set(e.id, e);
  // key events: flagged first, then every indicator event by indicator severity
  const rank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
  const keyIds: string[] = [...corr.flagged.event_ids];
  for (const ind of [...indicators].sort((a, b) => (rank[a.severity] ?? 5) - (rank[b.severity] ?? 5)))
    for (const id of ind.event_ids) if (!keyIds.includes(id) && byId.has(id)) keyIds.push(id);
  const keySet = new Set(keyIds);

  // everything else as counts
  const perAction = new Map<string, number>(), perSource = new Map<string, number>(), perHour = new Map<string, number>();
  let rest = 0;
  for (const e of corr.events) {
    if (keySet.has(e.id)) continue;
    rest++;
    perAction.set(e.action.slice(0, 80), (perAction.get(e.action.slice(0, 80)) ?? 0) + 1);
    perSource.set(e.source, (perSource.get(e.source) ?? 0) + 1);
    const h = e.time.slice(0, 13) + ":00Z";
    perHour.set(h, (perHour.get(h) ?? 0) + 1);
  }

  const attempt = (keep: number, textMax: number, actionsTop: number) => {
    const p = new Pseudonymiser();
    // every indicator event id appears once: shown events carry the indexes of their indicators ("ind"), and an
    // indicator lists only the ids of its events that are not shown
    const shown = new Set(keyIds.slice(0, keep));
    const indOf = new Map<string, number[]>();
    indicators.forEach((ind, k) => {
      for (const id of ind.event_ids) if (shown.has(id)) indOf.set(id, [...(indOf.get(id) ?? []), k]);
    });
    const data: AnalystPromptData = {
      anomaly: {
        id: anomaly.id,
        actor: anomaly.actor.includes("@") ? p.email(anomaly.actor) : p.text(anomaly.actor, 80),
        action: p.text(anomaly.action, 100),
        timestamp: anomaly.timestamp,
        source: anomaly.source,
        severity: anomaly.severity,
        details: anomaly.details ? p.text(JSON.stringify(anomaly.details), 300) : undefined,
      },
      rules: {
        verdict: rules.verdict,
        confidence: rules.confidence,
        scores: rules.scores,
        rationale: p.text(rules.rationale, Math.min(600, textMax * 3)),
        ...(rules.evidence
          ? { evidence: rules.evidence.slice(0, 8).map((e) => ({ rule: e.rule, weight: e.weight, clearing: e.clearing, ids: (e.ids ?? []).slice(0, 3) })) }
          : {}),
      },
      indicators: indicators.map((i, k) => ({
        n: k,
        id: i.id,
        kind: i.kind,
        severity: i.severity,
        techniques: i.techniques,
        events_shown: i.event_ids.filter((id) => shown.has(id)).length,
        event_ids: i.event_ids.filter((id) => !shown.has(id)),
        detail: p.text(i.detail, Math.min(200, textMax)),
      })),
      context: {
        baseline_events: corr.baseline.events,
        baseline_addresses: corr.baseline.ips.slice(0, 5).map((ip) => p.ip(ip)),
        baseline_countries: corr.baseline.countries.slice(0, 5),
        new_addresses: corr.novelty.new_ips.slice(0, 5).map((ip) => p.ip(ip)),
        new_countries: corr.novelty.new_countries.slice(0, 5),
        new_clients: corr.novelty.new_user_agents.slice(0, 3).map((u) => p.text(u, 80)),
        automation: { known: corr.automation.known, reasons: corr.automation.reasons },
        reverts: corr.reverts.slice(0, 5),
        flagged_event_ids: corr.flagged.event_ids,
        flagged_match: corr.flagged.match,
      },
      sources: Object.fromEntries(Object.entries(sources).map(([k, s]) => [k, { status: s?.status, events: s?.events, error: s?.error ? p.text(s.error, 160) : undefined }])),
      events: keyIds.slice(0, keep).map((id) => {
        const v = eventView(byId.get(id)!, p, textMax);
        const ind = indOf.get(id);
        return ind ? { ...v, ind } : v;
      }),
      summary: {
        total_events: corr.events.length,
        key_events: keyIds.length,
        key_events_shown: Math.min(keep, keyIds.length),
        other_events: rest,
        other_by_source: Object.fromEntries(perSource),
        other_by_action: Object.fromEntries(Object.entries(topCounts(perAction, actionsTop)).map(([a, n]) => [p.text(a, 80), n])),
        other_by_hour: topCounts(perHour, Math.min(24, actionsTop)),
        pivot_events: corr.pivot_events.length,
      },
    };
    const user = prompt.buildUser(data);
    const chars = prompt.system.length + user.length;
    return { system: prompt.system, user, replacements: p.replacements, chars, tokens: estimateTokens(prompt.system) + estimateTokens(user), kept_event_ids: keyIds.slice(0, keep) };
  };

  let keep = keyIds.length;
  let textMax = 240;
  let actionsTop = 40;
  let out = attempt(keep, textMax, actionsTop);
  while ((out.chars > PROMPT_CHAR_CAP || out.tokens > PROMPT_TOKEN_CAP) && (keep > 5 || textMax > 60 || actionsTop > 10)) {
    keep = Math.max(5, Math.floor(keep * 0.7));
    textMax = Math.max(60, Math.floor(textMax * 0.8));
    actionsTop = Math.max(10, actionsTop - 5);
    out = attempt(keep, textMax, actionsTop);
  }
  const { tokens: _estimate, ...built } = out;
  return built;
}
