// The investigation record and the Store contract both backends implement, with what they share: statuses,
// the coalescing rule, list cursors and limits.
import { randomUUID } from "node:crypto";
import type { Anomaly } from "../../domain/schemas.ts";
import type { InvestigationResult } from "../../graph/types.ts";

/** `filtered`: an intake rule or a suppression (configuration `filters:`) kept the anomaly from an investigation. */
export const STATUSES = ["queued", "running", "awaiting_approval", "completed", "failed", "filtered"] as const;
export type InvestigationStatus = (typeof STATUSES)[number];

export interface Investigation {
  id: string;
  anomaly_id: string;
  actor: string;
  action: string;
  anomaly: Anomaly;
  /** Further anomalies attached by coalescing, in arrival order. */
  coalesced: Anomaly[];
  status: InvestigationStatus;
  verdict: string | null;
  confidence: number | null;
  report_url: string | null;
  page_id: string | null;
  sources: Record<string, unknown> | null;
  result: InvestigationResult | null;
  errors: string[];
  prompt_versions: Record<string, string> | null;
  models: Record<string, string> | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
}

export interface CreateOrAttachResult {
  investigation: Investigation;
  /** A new investigation was created (and must be enqueued). */
  created: boolean;
  /** The anomaly was attached to an existing investigation of the same actor. */
  attached: boolean;
  /** It attached to a published run, which goes back to the queue to amend and republish its page (enqueue it). */
  requeued?: boolean;
}

/**
 * Coalescing, declared once for both stores: an anomaly attaches to the actor's newest investigation created inside
 * the window and not failed (a failed run gets a fresh one). A published run is queued again so the runner amends
 * its report and republishes the same page; a run awaiting approval is amended when it is approved.
 */
export const COALESCE_TARGET_SQL = `actor = {1} AND created_at >= {2} AND status NOT IN ('failed', 'filtered')`;
export const REQUEUE_SQL = `status = 'queued', finished_at = NULL`;

export interface ListQuery {
  status?: InvestigationStatus;
  verdict?: string;
  limit?: number;
  cursor?: string;
}

export interface ListPage {
  items: Investigation[];
  next_cursor: string | null;
}

/** new: first sighting; replay: same id, same body; conflict: same id, different body. */
export type WebhookIdCheck = "new" | "replay" | "conflict";

export type FinishOutcome = { result: InvestigationResult; error?: undefined } | { error: string; result?: InvestigationResult };

export interface Store {
  readonly kind: "sqlite" | "postgres";
  createOrAttach(anomaly: Anomaly, coalesceWindowMs: number, now?: Date): Promise<CreateOrAttachResult>;
  /** Stores a filtered anomaly as a finished record (status `filtered`, `note` says which rule); never coalesced. */
  recordFiltered(anomaly: Anomaly, note: string, now?: Date): Promise<CreateOrAttachResult>;
  get(id: string): Promise<Investigation | null>;
  getByAnomalyId(anomalyId: string): Promise<Investigation | null>;
  list(q?: ListQuery): Promise<ListPage>;
  /** Sets status running, stamps started_at (first time) and counts the attempt. */
  markRunning(id: string, now?: Date): Promise<Investigation | null>;
  markFinished(id: string, outcome: FinishOutcome, now?: Date): Promise<void>;
  markAwaiting(id: string, result?: InvestigationResult): Promise<void>;
  /** Requeue (e.g. after approval the run resumes). */
  markQueued(id: string): Promise<void>;
  /** awaiting_approval → running, atomically; false when the investigation was not awaiting a decision. */
  claimDecision(id: string): Promise<boolean>;
  /** Remember a webhook-id with the digest of its body; seen ids are kept for WEBHOOK_ID_TTL_MS. */
  recordWebhookId(webhookId: string, body: string, now?: Date): Promise<WebhookIdCheck>;
  /** Investigations that still need a worker: queued or running. */
  listUnfinished(): Promise<Investigation[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const WEBHOOK_ID_TTL_MS = 60 * 60_000;
export const MAX_LIST_LIMIT = 200;

export const newInvestigationId = () => `inv_${randomUUID().replace(/-/g, "")}`;

export function encodeCursor(inv: Pick<Investigation, "created_at" | "id">): string {
  return Buffer.from(`${inv.created_at}|${inv.id}`).toString("base64url");
}
export function decodeCursor(cursor: string): { created_at: string; id: string } | null {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(inv_[a-f0-9]{32})$/.exec(text);
  return m ? { created_at: m[1]!, id: m[2]! } : null;
}
