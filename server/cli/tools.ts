// The commands that hand over to a harness: `demo` (server/demo.ts), `eval` and `fit` (evals/), `bench` (bench/)
// and `sandbox` (sandbox/cli.ts). Each harness parses its own options, except demo and sandbox, parsed here.
import { type CliContext, parseOptions, UsageError, waitForSignal } from "./context.ts";

export async function demoCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseOptions(argv, { incident: { type: "string" }, keep: { type: "boolean", default: false } });
  const { runDemo } = await import("../demo.ts");
  return runDemo({ keep: values.keep, ...(values.incident ? { incident: values.incident } : {}), ...(ctx.configPath ? { configPath: ctx.configPath } : {}) });
}

export async function evalCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { runEvalCommand } = await import("../../evals/runner.ts");
  return runEvalCommand(argv, (await ctx.settings()).env);
}

export async function fitCommand(argv: string[]): Promise<number> {
  return (await import("../../evals/fit.ts")).runFitCommand(argv);
}

export async function benchCommand(argv: string[]): Promise<number> {
  return (await import("../../bench/run.ts")).benchCommand(argv);
}

export async function sandboxCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { incident: { type: "string" }, port: { type: "string" }, host: { type: "string" } });
  if (!values.incident) throw new UsageError("sandbox needs --incident FILE");
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port "${values.port}" is not a port number`);
  const { runSandboxCommand } = await import("../../sandbox/cli.ts");
  const sandbox = await runSandboxCommand({ incident: values.incident, ...(port !== undefined ? { port } : {}), ...(values.host ? { host: values.host } : {}) });
  await waitForSignal();
  await sandbox.close();
  return 0;
}
