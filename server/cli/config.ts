// The configuration commands: `casefile config --print [--json]` (the effective configuration, secrets masked,
// its problems listed), `casefile doctor` (the configuration and every vendor's access) and
// `casefile map --format NAME --payload FILE|-` (the anomaly a detector payload maps to with the file's mappings).
import type { CasefileConfig } from "../../config/load.ts";
import { type CliContext, parseOptions, readInput, UsageError } from "./context.ts";

export async function configCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseOptions(argv, { print: { type: "boolean", default: false }, json: { type: "boolean", default: false } });
  if (!values.print) throw new UsageError("config needs --print (the effective configuration, secrets masked)");
  const { printableConfig } = await import("../../config/load.ts");
  const config = await ctx.settings();
  const shown = printableConfig(config);
  if (values.json) ctx.out(`${JSON.stringify(shown, null, 2)}\n`);
  else ctx.out((await import("yaml")).stringify(shown, { lineWidth: 0 }));
  const problems = Object.keys(config.problems).length;
  if (problems) ctx.err(`casefile: ${problems} problem${problems === 1 ? "" : "s"} in the configuration (listed under problems); serve, worker and investigate refuse to start while a run would use the part.\n`);
  return 0;
}

export async function doctorCommand(argv: string[], ctx: CliContext): Promise<number> {
  parseOptions(argv, {});
  const { runDoctor, formatDoctorTable } = await import("../../tools/doctor.ts");
  let config: CasefileConfig;
  try {
    config = await ctx.settings();
  } catch (err) {
    ctx.out(`${formatDoctorTable([{ vendor: "config", check: "configuration", ok: false, detail: (err as Error).message, fix: "Fix the key or variable named above (casefile.config.example.yaml documents every key)." }])}\n`);
    return 1;
  }
  const report = await runDoctor(config, { dryRun: config.dryRun });
  const where = { vendor: "config" as const, check: "configuration", ok: true, detail: config.file ? `${config.file} is valid` : "no configuration file: defaults and the environment" };
  ctx.out(`${formatDoctorTable([where, ...report.rows])}\n`);
  return report.ok ? 0 : 1;
}

export async function mapCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseOptions(argv, { format: { type: "string" }, payload: { type: "string" } });
  if (!values.format || !values.payload) throw new UsageError("map needs --format NAME and --payload FILE (or - for stdin)");
  const text = await readInput(values.payload, "payload");
  const { parseJsonBounded, toAnomaly } = await import("../webhook.ts");
  const body = parseJsonBounded(text);
  if (!body.ok) {
    ctx.err(`casefile: the payload: ${body.message}\n`);
    return 2;
  }
  const config = await ctx.settings();
  const out = toAnomaly(body.value, values.format, config.mappings);
  if (!out.ok) {
    ctx.out(`${JSON.stringify({ ok: false, format: values.format, field: out.field, message: out.message })}\n`);
    return 1;
  }
  const { decideIntake } = await import("../../config/filters.ts");
  const intake = decideIntake(out.anomaly, config.filters);
  ctx.out(`${JSON.stringify({ ok: true, format: values.format, anomaly: out.anomaly, intake }, null, 2)}\n`);
  return 0;
}
