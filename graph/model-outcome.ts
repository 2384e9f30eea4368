// What a model-backed node did in one run, recorded per node in the run record, the status API,
// `investigate --json`, the report metadata and each eval row: so a fallback is never invisible.
import { z } from "zod";
import { Verdict } from "../domain/schemas.ts";

export const ModelOutcome = z.object({
  /**
   * what produced the node's output: the model, or the deterministic engine ("rules" analyst, "template" writer,
   * "pivots" when the gatherer agent failed and only the deterministic pivots stand)
   */
  engine: z.enum(["model", "rules", "template", "pivots"]),
  /** configured model name; null when the node has no model */
  model: z.string().nullable(),
  /** host of the endpoint, without path or credentials */
  host: z.string().nullable(),
  /** HTTP requests made to the model, failed ones included */
  attempts: z.number().int().nonnegative(),
  /** how the answer's shape was requested on the last attempt */
  mode: z.enum(["json_schema", "tools"]).optional(),
  /** why the deterministic output stands although a model is configured */
  fallback: z.string().nullable(),
  /** model output that was refused, with the reason (bad citations, unjustified downgrade, unsafe text, …) */
  rejections: z.array(z.string()).default([]),
  /** tokens of every attempt, failed ones included */
  tokens: z.object({ input: z.number(), output: z.number() }),
  /** wall time spent waiting for the model */
  latency_ms: z.number().nonnegative(),
  /** analyst: the verdict the model answered, when it answered one */
  model_verdict: Verdict.optional(),
  /** analyst: the model's verdict differed from the rules' and was published (justified) */
  overrode: z.boolean().optional(),
  /** analyst: the model's verdict differed from the rules' (published or not) */
  disagreed: z.boolean().optional(),
});
export type ModelOutcome = z.infer<typeof ModelOutcome>;

/** The outcome of a node that has no model configured. */
export function deterministicOutcome(engine: "rules" | "template"): ModelOutcome {
  return { engine, model: null, host: null, attempts: 0, fallback: null, rejections: [], tokens: { input: 0, output: 0 }, latency_ms: 0 };
}

/** One line for the report metadata. */
export function describeOutcome(o: ModelOutcome): string {
  if (!o.model) return `${o.engine} (no model configured)`;
  const parts = [`${o.engine === "model" ? "model used" : `${o.engine} stands`}: ${o.model} at ${o.host ?? "?"}`, `${o.attempts} request(s)`, `${o.tokens.input + o.tokens.output} tokens`, `${o.latency_ms} ms`];
  if (o.fallback) parts.push(`fallback: ${o.fallback}`);
  if (o.rejections.length) parts.push(`rejected: ${o.rejections.slice(0, 3).join("; ")}`);
  return parts.join(" · ");
}

/** Model time the other nodes already spent in this run (the per-investigation budget is shared by the nodes). */
export function spentMs(outcomes: Record<string, ModelOutcome | undefined> | undefined, except?: string): number {
  return Object.entries(outcomes ?? {}).reduce((s, [node, o]) => s + (node === except ? 0 : (o?.latency_ms ?? 0)), 0);
}
