// The interfaces between the graph and the vendor tools.
import type { AuditEvent, SourceName, SourceStatus } from "../domain/events.ts";

/** What a gatherer is asked for: one actor's activity inside one window. */
export interface GatherRequest {
  /** The anomaly's actor: an email, or a vendor actor id when no email exists. */
  actor: string;
  /** Optional hints from the anomaly (details.actor_id, details.ip …). */
  actorId?: string;
  ip?: string;
  /** The flagged time (epoch ms): resource pivots start with what the actor changed nearest to it. */
  focusTs?: number;
  /** Inclusive window start and end. */
  since: Date;
  before: Date;
  signal?: AbortSignal;
}

export interface GatherResult {
  /** The actor's events inside the window, plus pivot events (pivot: true) of other actors. */
  events: AuditEvent[];
  status: SourceStatus;
}

export interface Gatherer {
  readonly source: SourceName;
  gather(req: GatherRequest): Promise<GatherResult>;
}

/** A page to publish; the key (anomaly id) makes publishing idempotent. */
export interface PublishRequest {
  /** Idempotency key: the anomaly id. Stored as a page property / label so a rerun finds the page. */
  key: string;
  title: string;
  /** Confluence storage-format XHTML. */
  body: string;
  labels: string[];
  /**
   * Titles an earlier run for the same key may have used (the title carries the verdict, which a rerun may
   * change). A page under one of them that carries our key is updated, and retitled, instead of duplicated.
   */
  previousTitles?: string[];
  attachments?: { name: string; contentType: string; data: Buffer | string }[];
}

export interface PublishResult {
  id: string;
  url: string;
  version: number;
  title: string;
  created: boolean;
  /** What did not work beside the page itself (labels, attachments). */
  warnings?: string[];
}

export interface Publisher {
  publish(req: PublishRequest): Promise<PublishResult>;
}

/** A vendor failure with a message that says what to fix. */
export class VendorError extends Error {
  constructor(
    readonly vendor: "cloudflare" | "datadog" | "confluence" | "model",
    readonly status: number | undefined,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = "VendorError";
  }
}

/** A failure that needs operator action (credentials, permissions, configuration) rather than a retry. */
export function isFatal(err: unknown): boolean {
  return err instanceof VendorError && !err.retryable && [400, 401, 403, 404].includes(err.status ?? 0);
}

/** A gatherer's answer when its source failed: no events, the status says why and whether an operator must act. */
export function failedSource(status: SourceStatus, err: unknown, startedMs: number): GatherResult {
  status.status = "failed";
  status.error = err instanceof Error ? err.message : String(err);
  status.fatal = isFatal(err);
  status.duration_ms = Date.now() - startedMs;
  return { events: [], status };
}
