// casefile's command line: serve, worker, investigate, sandbox, demo, eval, doctor, bench.
// Exit codes: 0 success, 1 the run or a check failed, 2 bad usage or bad input.
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { Anomaly } from "../graph/schemas.ts";
import { CASEFILE_VERSION } from "../graph/version.ts";

export class UsageError extends Error {}

const HELP = `casefile ${CASEFILE_VERSION} — turns one flagged audit anomaly into a reviewed investigation

Usage:
  casefile serve [--host H] [--port N]          run the webhook service (POST /v1/anomalies)
  casefile worker                               run queue workers beside serve (PostgreSQL, DATABASE_URL)
  casefile investigate --anomaly FILE|- [--now ISO] [--json]
                                                run one investigation now (a fresh run)
  casefile sandbox --incident FILE [--port N]   serve local doubles of the vendor APIs for one incident
  casefile demo [--incident FILE]               the whole pipeline offline on a sample incident
  casefile eval --dataset DIR [--json FILE] [--baseline FILE] [--prompts DIR] [--model NAME] [--concurrency N]
  casefile doctor                               check vendor access and permissions
  casefile eval --cross-validate --dataset DIR --dataset DIR… [--json FILE]
                                                leave-one-corpus-out accuracy, macro-F1 and ECE
  casefile fit --dataset DIR [--dataset DIR…] --out FILE
                                                refit the analyst's evidence weights on labelled incidents
  casefile bench [--quick]                      measure casefile against its limits

Configuration is by environment variables: see the README's table.`;

function parse<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "serve":
        return await serveCommand(rest);
      case "worker":
        return await workerCommand(rest);
      case "investigate":
        return await investigateCommand(rest);
      case "sandbox":
        return await sandboxCommand(rest);
      case "demo":
        return await (await import("./demo.ts")).demoCommand(rest);
      case "eval":
        return await (await import("../evals/runner.ts")).runEvalCommand(rest);
      case "fit":
        return await (await import("../evals/fit.ts")).runFitCommand(rest);
      case "doctor":
        return await doctorCommand(rest);
      case "bench":
        return await (await import("../bench/run.ts")).benchCommand(rest);
      case "--version":
      case "version":
        process.stdout.write(`${CASEFILE_VERSION}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`casefile: ${err.message}\n\n${HELP}\n`);
      return 2;
    }
    process.stderr.write(`casefile: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { host: { type: "string" }, port: { type: "string" } });
  const env = { ...process.env };
  if (values.host) env.CASEFILE_HOST = values.host;
  if (values.port) env.CASEFILE_PORT = values.port;
  const { loadServiceConfig } = await import("./config.ts");
  const { startService } = await import("./service.ts");
  const service = await startService(loadServiceConfig(env));
  process.stderr.write(`casefile listening on ${service.url}\n`);
  await waitForSignal();
  await service.close();
  return 0;
}

async function workerCommand(argv: string[]): Promise<number> {
  parse(argv, {});
  const { loadServiceConfig } = await import("./config.ts");
  const { startWorker } = await import("./service.ts");
  const worker = await startWorker(loadServiceConfig(process.env));
  process.stderr.write("casefile worker started\n");
  await waitForSignal();
  await worker.close();
  return 0;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}

/** Read an anomaly from a file or stdin. A whole labelled incident is accepted too (its `anomaly` is used). */
export async function readAnomaly(file: string): Promise<Anomaly> {
  let text: string;
  try {
    text = file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read the anomaly from ${file}: ${(err as Error).message}`);
  }
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function investigateCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    anomaly: { type: "string" },
    now: { type: "string" },
    json: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  });
  if (!values.anomaly) throw new UsageError("investigate needs --anomaly FILE (or - for stdin)");
  let clock: (() => Date) | undefined;
  if (values.now) {
    const t = Date.parse(values.now);
    if (Number.isNaN(t)) throw new UsageError(`--now "${values.now}" is not an ISO-8601 time`);
    clock = () => new Date(t);
  }
  const anomaly = await readAnomaly(values.anomaly);
  const { createInvestigator } = await import("../graph/investigator.ts");
  const investigator = await createInvestigator({
    ...(clock ? { clock } : {}),
    ...(values["dry-run"] ? { dryRun: true } : {}),
    // The CLI never pauses for a reviewer: it is the reviewer.
    requireApproval: false,
  });
  const investigationId = `inv_${randomUUID()}`;
  try {
    const outcome = await investigator.run({ investigationId, anomaly });
    const r = outcome.result;
    const summary = {
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
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      if (r?.report_markdown) process.stdout.write(`${r.report_markdown}\n`);
      process.stdout.write(
        `\nverdict: ${summary.verdict} (confidence ${summary.confidence.toFixed(2)})\nreport: ${summary.report_url ?? "(not published)"}\n`,
      );
    }
    if (outcome.status === "failed") {
      process.stderr.write(`casefile: investigation failed: ${outcome.error ?? "unknown error"}\n`);
      return 1;
    }
    return 0;
  } finally {
    await investigator.close();
  }
}

async function sandboxCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { incident: { type: "string" }, port: { type: "string" }, host: { type: "string" } });
  if (!values.incident) throw new UsageError("sandbox needs --incident FILE");
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port "${values.port}" is not a port number`);
  const { runSandboxCommand } = await import("../sandbox/cli.ts");
  const sandbox = await runSandboxCommand({ incident: values.incident, ...(port !== undefined ? { port } : {}), ...(values.host ? { host: values.host } : {}) });
  await waitForSignal();
  await sandbox.close();
  return 0;
}

async function doctorCommand(argv: string[]): Promise<number> {
  parse(argv, {});
  const { runDoctor, formatDoctorTable } = await import("../tools/doctor.ts");
  const report = await runDoctor(process.env);
  process.stdout.write(`${formatDoctorTable(report.rows)}\n`);
  return report.ok ? 0 : 1;
}
