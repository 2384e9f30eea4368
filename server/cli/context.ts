// What every command of the command line shares: the usage error, option parsing, `--config FILE`, the settings
// loaded once per process (config/load.ts), reading a file or stdin, and waiting for Ctrl-C / SIGTERM.
import { readFile } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { CasefileConfig, Env } from "../../config/load.ts";

/** Bad usage or bad input: the command line prints the message and the help, and exits 2. */
export class UsageError extends Error {}

export interface CliContext {
  /** `--config FILE`, when given. */
  configPath?: string;
  /** Command output (stdout). */
  out(text: string): void;
  /** Progress and diagnostics (stderr). */
  err(text: string): void;
  /**
   * The process's configuration, loaded on first use (commands that need none never read it). `overrides` are
   * settings from the command's own options (`--host`), winning over the environment: a fresh load.
   */
  settings(overrides?: Env): Promise<CasefileConfig>;
}

export interface ContextDeps {
  configPath?: string;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

export function createContext(deps: ContextDeps = {}): CliContext {
  const { configPath } = deps;
  let loaded: Promise<CasefileConfig> | undefined;
  const load = async (overrides?: Env): Promise<CasefileConfig> => {
    const { loadConfig, readEnvironment } = await import("../../config/load.ts");
    const where = configPath ? { path: configPath } : {};
    return loadConfig(overrides ? { ...where, env: { ...readEnvironment(), ...overrides } } : where);
  };
  return {
    ...(configPath ? { configPath } : {}),
    out: deps.out ?? ((text) => process.stdout.write(text)),
    err: deps.err ?? ((text) => process.stderr.write(text)),
    settings(overrides) {
      if (overrides && Object.keys(overrides).length) return load(overrides);
      loaded ??= load();
      return loaded;
    },
  };
}

/** The command's own options, strictly: an unknown option or a missing value is a UsageError. */
export function parseOptions<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
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

/** A file's text, or stdin's for `-`; an unreadable file is a UsageError naming what was to be read. */
export async function readInput(file: string, what: string): Promise<string> {
  try {
    if (file !== "-") return await readFile(file, "utf8");
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  } catch (err) {
    throw new UsageError(`cannot read the ${what} from ${file}: ${(err as Error).message}`);
  }
}

/** Resolves on the first SIGINT or SIGTERM: long-running commands stop cleanly then. */
export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
