// `casefile sandbox --incident FILE [--port N]`: serve one incident and print the env that points casefile at it.
import { loadIncident } from "../domain/incident.ts";
import { startSandbox, type Sandbox } from "./server.ts";

/** POSIX shell single-quoting. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `export KEY=value` lines, one per variable. */
export function envLines(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([k, v]) => `export ${k}=${shellQuote(v)}\n`)
    .join("");
}

export async function runSandboxCommand(args: { incident: string; port?: number; host?: string }): Promise<Sandbox> {
  const incident = await loadIncident(args.incident);
  const sandbox = await startSandbox({ incident, port: args.port, host: args.host });
  process.stdout.write(envLines(sandbox.env));
  const faults = Object.entries(incident.faults ?? {}).map(([k, v]) => `${k}=${v}`);
  process.stderr.write(
    `casefile sandbox: serving incident ${incident.id} (clock ${incident.now}) at ${sandbox.url}` +
      (faults.length ? `; faults: ${faults.join(", ")}` : "") +
      "\n  paste the export lines above into the shell that runs casefile; Ctrl-C stops the sandbox.\n",
  );
  return sandbox;
}
