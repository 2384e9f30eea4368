// `casefile serve` (the webhook service, status API and review UI) and `casefile worker` (queue workers beside it
// on PostgreSQL). Whichever runs investigations refuses a configuration with a part an investigation cannot use.
import { type CliContext, parseOptions, waitForSignal } from "./context.ts";

export async function serveCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseOptions(argv, { host: { type: "string" }, port: { type: "string" } });
  const config = await ctx.settings({ ...(values.host ? { CASEFILE_HOST: values.host } : {}), ...(values.port ? { CASEFILE_PORT: values.port } : {}) });
  const { requireWebhookSecret } = await import("../../config/service.ts");
  requireWebhookSecret(config.service);
  const { startService, serveRunsWorkers } = await import("../service.ts");
  // Only a serve that runs investigations itself needs every vendor (with PostgreSQL and CASEFILE_SERVE_WORKERS=0 it
  // only accepts; the workers check their own configuration).
  if (serveRunsWorkers(config.service)) (await import("../../config/load.ts")).requireInvestigationSettings(config);
  const service = await startService(config.service, { settings: config });
  ctx.err(`casefile listening on ${service.url}\n`);
  await waitForSignal();
  await service.close();
  return 0;
}

export async function workerCommand(argv: string[], ctx: CliContext): Promise<number> {
  parseOptions(argv, {});
  const config = await ctx.settings();
  (await import("../../config/load.ts")).requireInvestigationSettings(config);
  const { startWorker } = await import("../service.ts");
  const worker = await startWorker(config.service, { settings: config });
  ctx.err("casefile worker started\n");
  await waitForSignal();
  await worker.close();
  return 0;
}
