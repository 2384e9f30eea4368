// casefile demo: the whole product offline. Starts the vendor doubles on a bundled incident and the service on
// free ports, sends one signed anomaly to the webhook, waits for the investigation and prints the report.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Webhook } from "standardwebhooks";
import { loadIncident } from "../domain/incident.ts";
import { startSandbox } from "../sandbox/server.ts";
import { createInvestigator } from "../graph/investigator.ts";
import type { Investigator, RunOutcome } from "../graph/types.ts";
import { loadConfig, readEnvironment } from "../config/load.ts";
import { startService } from "./service.ts";
import { waitForSignal } from "./cli/context.ts";

export const DEMO_INCIDENT = fileURLToPath(new URL("../sandbox/incidents/demo.json", import.meta.url));

/** The documented example configuration the demo runs from (its filters, mappings and organisation context). */
export const EXAMPLE_CONFIG = fileURLToPath(new URL("../casefile.config.example.yaml", import.meta.url));

export interface DemoOptions {
  /** A labelled incident file (default: the bundled sample). */
  incident?: string;
  /** Leave the service up and print a login to the review UI, until Ctrl-C. */
  keep?: boolean;
  /** The configuration file (default: the example file). */
  configPath?: string;
}

export async function runDemo(opts: DemoOptions = {}): Promise<number> {
  const started = Date.now();
  const incident = await loadIncident(opts.incident ?? DEMO_INCIDENT);
  const sandbox = await startSandbox({ incident });
  const dataDir = await mkdtemp(path.join(tmpdir(), "casefile-demo-"));
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const apiToken = randomBytes(32).toString("base64url");
  // Offline by construction: the demo never reaches a model or a real vendor. Its settings are the example file's,
  // with the vendor doubles' variables winning as any environment variable does.
  const env: Record<string, string | undefined> = {
    ...sandbox.env,
    CASEFILE_HOST: "127.0.0.1",
    CASEFILE_PORT: "0",
    CASEFILE_DATA_DIR: dataDir,
    CASEFILE_WEBHOOK_SECRET: secret,
    CASEFILE_API_TOKEN: apiToken,
    CASEFILE_LOG_LEVEL: readEnvironment().CASEFILE_LOG_LEVEL ?? "warn",
  };
  const config = loadConfig({ path: opts.configPath ?? EXAMPLE_CONFIG, env });
  const outcomes = new Map<string, RunOutcome>();
  const inner = await createInvestigator({ config, dataDir, clock: () => Date.parse(incident.now) });
  const investigator: Investigator = {
    async run(input) {
      const outcome = await inner.run(input);
      outcomes.set(input.investigationId, outcome);
      return outcome;
    },
    decide: (id, d) => inner.decide(id, d),
    close: () => inner.close(),
  };
  const service = await startService(config.service, { investigator, evidence: inner.evidence, settings: config });
  try {
    const body = JSON.stringify(incident.anomaly);
    const msgId = `msg_${randomUUID()}`;
    const headers = new Webhook(secret).sign(msgId, new Date(), body);
    process.stderr.write(`casefile demo: configuration ${config.file}; vendor doubles on ${sandbox.url}, service on ${service.url}\n`);
    process.stderr.write(`casefile demo: POST ${service.url}/v1/anomalies (signed) actor=${incident.anomaly.actor} action=${incident.anomaly.action}\n`);
    const res = await fetch(`${service.url}/v1/anomalies?wait=60`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": msgId,
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": headers,
      },
      body,
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if (res.status >= 400) {
      process.stderr.write(`casefile demo: the webhook answered ${res.status}: ${JSON.stringify(answer)}\n`);
      return 1;
    }
    const id = String(answer.investigation_id);
    const outcome = outcomes.get(id);
    const result = outcome?.result;
    if (!result || outcome.status === "failed") {
      process.stderr.write(`casefile demo: the investigation did not complete: ${outcome?.error ?? JSON.stringify(answer)}\n`);
      return 1;
    }
    const out = process.stdout;
    out.write(`${result.report_markdown}\n\n`);
    out.write("─".repeat(72) + "\n");
    out.write(`investigation: ${id}\n`);
    out.write(`verdict:       ${result.verdict}\n`);
    out.write(`confidence:    ${result.confidence.toFixed(2)}\n`);
    out.write(`report URL:    ${result.report_url ?? "(not published)"}\n`);
    out.write(`sources:       cloudflare ${result.sources.cloudflare.status} (${result.sources.cloudflare.events} events), datadog ${result.sources.datadog.status} (${result.sources.datadog.events} events)\n`);
    out.write(`took:          ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    if (opts.keep) {
      // The token goes to this terminal only, never into a URL (URLs end up in logs and browser history).
      out.write(`review UI:     ${service.url}/ui/login\n`);
      out.write(`API token:     ${apiToken}   (paste it into the login form)\n`);
      out.write(`report page:   ${result.report_url ?? "(not published)"}\n`);
      out.write("The demo keeps serving until Ctrl-C.\n");
      await waitForSignal();
    } else {
      out.write(`review UI:     run \`npm run demo -- --keep\` to keep the service up and browse ${service.url.replace(/:\d+$/, ":<port>")}/ui\n`);
    }
    return 0;
  } finally {
    await service.close();
    await sandbox.close();
  }
}
