// casefile's command line: serve, worker, investigate, sandbox, demo, eval, doctor, config, map, bench.
// The configuration (config/load.ts) is loaded once here, from `--config FILE` (anywhere on the line),
// CASEFILE_CONFIG or ./casefile.config.yaml, and handed to whatever the command starts.
// Exit codes: 0 success, 1 the run or a check failed, 2 bad usage or bad input.
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { Anomaly } from "../domain/schemas.ts";
import { CASEFILE_VERSION } from "../graph/version.ts";
import type { CasefileConfig } from "../config/load.ts";

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
  casefile doctor                               check the configuration, vendor access and permissions
  casefile config --print [--json]              the effective configuration, secrets masked
  casefile map --format NAME --payload FILE|-   the anomaly a detector payload maps to, or the field that failed
  casefile eval --cross-validate --dataset DIR --dataset DIR… [--json FILE]
                                                leave-one-corpus-out accuracy, macro-F1 and ECE
  casefile fit --dataset DIR [--dataset DIR…] --out FILE
                                                refit the analyst's evidence weights on labelled incidents
  casefile bench [--quick]                      measure casefile against its limits

Every command takes --config FILE (default: CASEFILE_CONFIG, else ./casefile.config.yaml when present); environment
variables override the file's settings and are the only place for secrets. See casefile.config.example.yaml.`;

function parse<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** `--config FILE` / `--config=FILE` anywhere on the line, taken out before the command parses its own options. */
export function takeConfigOption(argv: string[]): { path?: string; rest: string[] } {
  const rest: string[] = [];
  let path: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--config") {
      path = argv[++i];
      if (!path) throw new UsageError("--config needs a file path");
    } else if (a.startsWith("--config=")) path = a.slice("--config=".length);
    else rest.push(a);
  }
  return { ...(path ? { path } : {}), rest };
}

let configPath: string | undefined;
let loaded: CasefileConfig | undefined;
/** The process's configuration, loaded once on first use (commands that need none never read it). */
async function settings(env?: Record<string, string | undefined>): Promise<CasefileConfig> {
  const { loadConfig, readEnvironment } = await import("../config/load.ts");
  if (env) return loadConfig({ ...(configPath ? { path: configPath } : {}), env: { ...readEnvironment(), ...env } });
  loaded ??= loadConfig(configPath ? { path: configPath } : {});
  return loaded;
}

export async function main(argv: string[]): Promise<number> {
  let command: string | undefined;
  let rest: string[];
  try {
    const taken = takeConfigOption(argv);
    configPath = taken.path;
    loaded = undefined;
    [command, ...rest] = taken.rest;
  } catch (err) {
    process.stderr.write(`casefile: ${(err as Error).message}\n\n${HELP}\n`);
    return 2;
  }
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
        return await (await import("./demo.ts")).demoCommand(rest, configPath);
      case "eval":
        return await (await import("../evals/runner.ts")).runEvalCommand(rest, (await settings()).env);
      case "fit":
        return await (await import("../evals/fit.ts")).runFitCommand(rest);
      case "doctor":
        return await doctorCommand(rest);
      case "config":
        return await configCommand(rest);
      case "map":
        return await mapCommand(rest);
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
  const config = await settings({ ...(values.host ? { CASEFILE_HOST: values.host } : {}), ...(values.port ? { CASEFILE_PORT: values.port } : {}) });
  const { requireWebhookSecret } = await import("../config/service.ts");
  requireWebhookSecret(config.service);
  const { startService } = await import("./service.ts");
  const service = await startService(config.service, { settings: config });
  process.stderr.write(`casefile listening on ${service.url}\n`);
  await waitForSignal();
  await service.close();
  return 0;
}

async function workerCommand(argv: string[]): Promise<number> {
  parse(argv, {});
  const config = await settings();
  const { startWorker } = await import("./service.ts");
  const worker = await startWorker(config.service, { settings: config });
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
  const { withSetupLock } = await import("./store/pg-setup.ts");
  const investigator = await createInvestigator({
    config: await settings(),
    setupLock: withSetupLock,
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
      ...(r?.gather_agent ? { gather_agent: r.gather_agent } : {}),
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
  let config: CasefileConfig;
  try {
    config = await settings();
  } catch (err) {
    process.stdout.write(`${formatDoctorTable([{ vendor: "config", check: "configuration", ok: false, detail: (err as Error).message, fix: "Fix the key or variable named above (casefile.config.example.yaml documents every key)." }])}\n`);
    return 1;
  }
  const report = await runDoctor(config.env, { dryRun: config.dryRun });
  const where = { vendor: "config" as const, check: "configuration", ok: true, detail: config.file ? `${config.file} is valid` : "no configuration file: defaults and the environment" };
  process.stdout.write(`${formatDoctorTable([where, ...report.rows])}\n`);
  return report.ok ? 0 : 1;
}

async function configCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { print: { type: "boolean", default: false }, json: { type: "boolean", default: false } });
  if (!values.print) throw new UsageError("config needs --print (the effective configuration, secrets masked)");
  const { printableConfig } = await import("../config/load.ts");
  const shown = printableConfig(await settings());
  if (values.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else process.stdout.write((await import("yaml")).stringify(shown, { lineWidth: 0 }));
  return 0;
}

async function mapCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { format: { type: "string" }, payload: { type: "string" } });
  if (!values.format || !values.payload) throw new UsageError("map needs --format NAME and --payload FILE (or - for stdin)");
  let text: string;
  try {
    text = values.payload === "-" ? await readStdin() : await readFile(values.payload, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read the payload from ${values.payload}: ${(err as Error).message}`);
  }
  const { parseJsonBounded, toAnomaly } = await import("./webhook.ts");
  const body = parseJsonBounded(text);
  if (!body.ok) {
    process.stderr.write(`casefile: the payload: ${body.message}\n`);
    return 2;
  }
  const config = await settings();
  const out = toAnomaly(body.value, values.format, config.mappings);
  if (!out.ok) {
    process.stdout.write(`${JSON.stringify({ ok: false, format: values.format, field: out.field, message: out.message })}\n`);
    return 1;
  }
  const { decideIntake } = await import("../config/filters.ts");
  const intake = decideIntake(out.anomaly, config.filters);
  process.stdout.write(`${JSON.stringify({ ok: true, format: values.format, anomaly: out.anomaly, intake }, null, 2)}\n`);
  return 0;
}
