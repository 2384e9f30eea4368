// Schemas shared by the graph, the server, the report and the eval suite.
import { z } from "zod";

const isoWithZone = z
  .string()
  .refine((s) => /([zZ]|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: "must be an ISO-8601 timestamp with a zone, e.g. 2026-08-20T14:06:31Z",
  });

/** Exactly what an upstream detector POSTs (see shared incident format). */
export const Anomaly = z.looseObject({
  id: z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces"),
  actor: z.string().min(1).max(320),
  action: z.string().min(1).max(200),
  timestamp: isoWithZone,
  source: z.string().max(64).optional(),
  severity: z.enum(["low", "medium", "high", "critical"]).optional(),
  detector: z.string().max(200).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type Anomaly = z.infer<typeof Anomaly>;

export const VERDICTS = ["likely_malicious", "misconfiguration", "benign", "inconclusive"] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;
export const LABELS = ["likely_malicious", "misconfiguration", "benign"] as const;

export const Severity = z.enum(["info", "low", "medium", "high", "critical"]);
export type Severity = z.infer<typeof Severity>;

/** One finding of the analyst, backed by event ids. */
export const Indicator = z.object({
  /** catalogue id, e.g. "credential.created" */
  id: z.string(),
  name: z.string(),
  /** attack: points to malice; misconfig: points to a faulty change; benign: routine work; context: neutral fact */
  kind: z.enum(["attack", "misconfig", "benign", "context"]),
  severity: Severity,
  techniques: z.array(z.string()).default([]),
  event_ids: z.array(z.string()).default([]),
  detail: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

/** One weighed piece of evidence: a named rule of the evidence table, the class it supports and its fitted weight. */
export const Evidence = z.object({
  /** evidence rule id, e.g. "clear.paired_recreation" */
  rule: z.string(),
  cls: z.enum(LABELS),
  /** contribution to the class's score (activation × fitted weight); negative values argue against the class */
  weight: z.number(),
  why: z.string(),
  ids: z.array(z.string()).default([]),
  /** a clearing rule: evidence that explains the activity away (verification, pairing, read-only scope, …) */
  clearing: z.boolean().default(false),
});
export type Evidence = z.infer<typeof Evidence>;

export const Assessment = z.object({
  verdict: Verdict,
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  /** vendor event ids that drive the verdict; all present in the gathered data */
  citations: z.array(z.string()),
  techniques: z.array(z.string()),
  indicators: z.array(Indicator),
  /** which engine produced the final verdict */
  engine: z.enum(["rules", "model"]),
  /** class scores of the rules engine, for transparency */
  scores: z.record(z.string(), z.number()).default({}),
  /** the evidence table's rules that fired, strongest first (for and against the verdict) */
  evidence: z.array(Evidence).optional(),
  /** version of the evidence weights file that weighed it (analysis/weights.json or CASEFILE_WEIGHTS) */
  weights_version: z.string().optional(),
  /** model vs rules disagreement, shown in the report */
  disagreement: z.string().optional(),
  /** the rules verdict when the model's stands */
  rules_verdict: Verdict.optional(),
});
export type Assessment = z.infer<typeof Assessment>;
