// Row mapping shared by both backends: a stored row → Investigation, a run's outcome → the columns it sets.
import { createHash } from "node:crypto";
import type { Anomaly } from "../../domain/schemas.ts";
import type { FinishOutcome, Investigation, InvestigationStatus } from "./types.ts";

export const digest = (body: string) => createHash("sha256").update(body).digest("hex");

export type Row = Record<string, unknown>;
const json = <T>(v: unknown, def: T): T => {
  if (v === null || v === undefined) return def;
  if (typeof v === "string") return JSON.parse(v) as T;
  return v as T;
};

export function fromRow(r: Row): Investigation {
  return {
    id: String(r.id),
    anomaly_id: String(r.anomaly_id),
    actor: String(r.actor),
    action: String(r.action),
    anomaly: json<Anomaly>(r.anomaly, {} as Anomaly),
    coalesced: json<Anomaly[]>(r.coalesced, []),
    status: r.status as InvestigationStatus,
    verdict: (r.verdict as string | null) ?? null,
    confidence: r.confidence === null || r.confidence === undefined ? null : Number(r.confidence),
    report_url: (r.report_url as string | null) ?? null,
    page_id: (r.page_id as string | null) ?? null,
    sources: json(r.sources, null),
    result: json(r.result, null),
    errors: json<string[]>(r.errors, []),
    prompt_versions: json(r.prompt_versions, null),
    models: json(r.models, null),
    created_at: String(r.created_at),
    started_at: (r.started_at as string | null) ?? null,
    finished_at: (r.finished_at as string | null) ?? null,
    attempts: Number(r.attempts ?? 0),
  };
}

export function finishFields(outcome: FinishOutcome) {
  const r = outcome.result;
  const errors = [...(r?.errors ?? [])];
  if (outcome.error) errors.push(outcome.error);
  return {
    status: outcome.error ? "failed" : "completed",
    verdict: r?.verdict ?? null,
    confidence: r?.confidence ?? null,
    report_url: r?.report_url ?? null,
    page_id: r?.page_id ?? null,
    sources: r ? JSON.stringify(r.sources) : null,
    result: r ? JSON.stringify(r) : null,
    errors: JSON.stringify(errors),
    prompt_versions: r ? JSON.stringify(r.prompt_versions) : null,
    models: r ? JSON.stringify(r.models) : null,
  };
}

/** The record a new investigation starts as: what reading the just-inserted row back would give, without the read. */
export function queuedRecord(id: string, anomaly: Anomaly, createdAt: string): Investigation {
  return {
    id,
    anomaly_id: anomaly.id,
    actor: anomaly.actor,
    action: anomaly.action,
    anomaly,
    coalesced: [],
    status: "queued",
    verdict: null,
    confidence: null,
    report_url: null,
    page_id: null,
    sources: null,
    result: null,
    errors: [],
    prompt_versions: null,
    models: null,
    created_at: createdAt,
    started_at: null,
    finished_at: null,
    attempts: 0,
  };
}
