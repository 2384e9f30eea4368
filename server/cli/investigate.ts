// `casefile investigate --anomaly FILE|- [--now ISO] [--json] [--dry-run]`: one fresh investigation now, in this
// process, never paused for approval (the caller is the reviewer). `--json` prints exactly one JSON object.
import { randomUUID } from "node:crypto";
import { Anomaly } from "../../domain/schemas.ts";
import type { RunOutcome } from "../../graph/types.ts";
import { type CliContext, parseOptions, readInput, UsageError } from "./context.ts";

/** An anomaly from a file or stdin (`-`). A whole labelled incident is accepted too (its `anomaly` is used). */
export async function readAnomaly(file: string): Promise<Anomaly> {
  const text = await readInput(file, "anomaly");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`the anomaly in ${file === "-" ? "stdin" : file} is not valid JSON: ${(err as Error).message}`);
  }
  if (json && typeof json === "object" && "anomaly" in json && "sources" in json) json = (json as { anomaly: unknown }).anomaly;
  const parsed = Anomaly.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`invalid anomaly: field "${issue.path.join(".") || "(root)"}": ${issue.message}`);
  }
  return parsed.data;
}

/** The `--json` summary of one run: verdict, sources, errors, models and the per-node record. */
export function summarise(investigationId: string, outcome: RunOutcome) {
  const r = outcome.result;
  return {
    investigation_id: investigationId,
    status: outcome.status,
    verdict: r?.verdict ?? "inconclusive",
    confidence: r?.confidence ?? 0,
    report_url: r?.report_url ?? null,
    sources: {
      cloudflare: { status: r?.sources.cloudflare.status ?? "failed", events: r?.sources.cloudflare.events ?? 0 },
      datadog: { status: r?.sources.datadog.status ?? "failed", events: r?.sources.datadog.events ?? 0 },
    },
    errors: [...(r?.errors ?? []), ...(outcome.error && !r?.errors.includes(outcome.error) ? [outcome.error] : [])],
    engine: r?.assessment.engine ?? "rules",
    models: r?.models ?? {},
    prompt_versions: r?.prompt_versions ?? {},
    tokens: r?.tokens ?? { input: 0, output: 0 },
    nodes: r?.nodes ?? null,
    ...(r?.gather_agent ? { gather_agent: r.gather_agent } : {}),
  };
}

export async function investigateCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseOptions(argv, {
    anomaly: { type: "string" },
    now: { type: "string" },
    json: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  });
  if (!values.anomaly) throw new UsageError("investigate needs --anomaly FILE (or - for stdin)");
  let clock: (() => number) | undefined;
  if (values.now) {
    const t = Date.parse(values.now);
    if (Number.isNaN(t)) throw new UsageError(`--now "${values.now}" is not an ISO-8601 time`);
    clock = () => t;
  }
  const anomaly = await readAnomaly(values.anomaly);
  const config = await ctx.settings();
  (await import("../../config/load.ts")).requireInvestigationSettings(config, values["dry-run"] ? { dryRun: true } : {});
  const { createInvestigator } = await import("../../graph/investigator.ts");
  const { withSetupLock } = await import("../store/pg-setup.ts");
  const investigator = await createInvestigator({
    config,
    setupLock: withSetupLock,
    ...(clock ? { clock } : {}),
    ...(values["dry-run"] ? { dryRun: true } : {}),
    // The CLI never pauses for a reviewer: it is the reviewer.
    requireApproval: false,
  });
  const investigationId = `inv_${randomUUID()}`;
  try {
    const outcome = await investigator.run({ investigationId, anomaly });
    const summary = summarise(investigationId, outcome);
    if (values.json) ctx.out(`${JSON.stringify(summary)}\n`);
    else {
      if (outcome.result?.report_markdown) ctx.out(`${outcome.result.report_markdown}\n`);
      ctx.out(`\nverdict: ${summary.verdict} (confidence ${summary.confidence.toFixed(2)})\nreport: ${summary.report_url ?? "(not published)"}\n`);
    }
    if (outcome.status === "failed") {
      ctx.err(`casefile: investigation failed: ${outcome.error ?? "unknown error"}\n`);
      return 1;
    }
    return 0;
  } finally {
    await investigator.close();
  }
}
