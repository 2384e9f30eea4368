// casefile's command line: argument dispatch, the help, and the one place that turns an error into a message and
// an exit code (never a stack trace): 0 success, 1 the run or a check failed, 2 bad usage or bad input.
// Each command lives with its group: serve.ts (serve, worker), investigate.ts, config.ts (config, doctor, map) and
// tools.ts (demo, eval, fit, bench, sandbox). The configuration (config/load.ts) is loaded once, on first use, from
// `--config FILE` (anywhere on the line), CASEFILE_CONFIG or ./casefile.config.yaml (context.ts).
import { CASEFILE_VERSION } from "../../graph/version.ts";
import { configCommand, doctorCommand, mapCommand } from "./config.ts";
import { type CliContext, type ContextDeps, createContext, takeConfigOption, UsageError } from "./context.ts";
import { investigateCommand } from "./investigate.ts";
import { serveCommand, workerCommand } from "./serve.ts";
import { benchCommand, demoCommand, evalCommand, fitCommand, sandboxCommand } from "./tools.ts";

export const HELP = `casefile ${CASEFILE_VERSION} — turns one flagged audit anomaly into a reviewed investigation

Usage:
  casefile serve [--host H] [--port N]          run the webhook service (POST /v1/anomalies)
  casefile worker                               run queue workers beside serve (PostgreSQL, DATABASE_URL)
  casefile investigate --anomaly FILE|- [--now ISO] [--json] [--dry-run]
                                                run one investigation now (a fresh run)
  casefile sandbox --incident FILE [--port N]   serve local doubles of the vendor APIs for one incident
  casefile demo [--incident FILE] [--keep]      the whole pipeline offline on a sample incident
  casefile eval --dataset DIR [--json FILE] [--baseline FILE] [--prompts DIR] [--model NAME] [--concurrency N]
  casefile eval --cross-validate --dataset DIR --dataset DIR… [--json FILE]
                                                leave-one-corpus-out accuracy, macro-F1 and ECE
  casefile fit --dataset DIR [--dataset DIR…] --out FILE
                                                refit the analyst's evidence weights on labelled incidents
  casefile doctor                               check the configuration, vendor access and permissions
  casefile config --print [--json]              the effective configuration, secrets masked, and its problems
  casefile map --format NAME --payload FILE|-   the anomaly a detector payload maps to, or the field that failed
  casefile bench [--quick]                      measure casefile against its limits
  casefile --version                            the version

Every command takes --config FILE (default: CASEFILE_CONFIG, else ./casefile.config.yaml when present); environment
variables override the file's settings and are the only place for secrets. See casefile.config.example.yaml.
Exit codes: 0 success, 1 the run or a check failed (the message says what to fix), 2 bad usage or bad input.`;

type Command = (argv: string[], ctx: CliContext) => Promise<number>;

const COMMANDS = new Map<string, Command>(Object.entries({
  serve: serveCommand,
  worker: workerCommand,
  investigate: investigateCommand,
  sandbox: sandboxCommand,
  demo: demoCommand,
  eval: evalCommand,
  fit: fitCommand,
  doctor: doctorCommand,
  config: configCommand,
  map: mapCommand,
  bench: benchCommand,
  version: async (_argv: string[], ctx: CliContext) => {
    ctx.out(`${CASEFILE_VERSION}\n`);
    return 0;
  },
  help: async (_argv: string[], ctx: CliContext) => {
    ctx.out(`${HELP}\n`);
    return 0;
  },
}));
/** Every command's name, as `casefile --help` lists them. */
export const COMMAND_NAMES = [...COMMANDS.keys()];

const ALIASES = new Map([
  ["--version", "version"],
  ["--help", "help"],
  ["-h", "help"],
]);

/** Runs one command line (without `node` and the script) and returns its exit code; `deps` replace stdout/stderr. */
export async function main(argv: string[], deps: Omit<ContextDeps, "configPath"> = {}): Promise<number> {
  const err = deps.err ?? ((text: string) => process.stderr.write(text));
  try {
    const { path, rest } = takeConfigOption(argv);
    const [name, ...args] = rest;
    const ctx = createContext({ ...deps, ...(path ? { configPath: path } : {}) });
    if (name === undefined) {
      ctx.out(`${HELP}\n`);
      return 2;
    }
    const command = COMMANDS.get(ALIASES.get(name) ?? name);
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`casefile: ${e.message}\n\n${HELP}\n`);
      return 2;
    }
    err(`casefile: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
