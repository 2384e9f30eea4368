#!/usr/bin/env node
// casefile's command line. The sources are TypeScript, loaded through tsx's ESM hooks; server/cli/index.ts
// dispatches the commands and turns their errors into messages and exit codes.
import { register } from "tsx/esm/api";

register();
try {
  const { main } = await import("../server/cli/index.ts");
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // main never throws: this is the command line itself failing to load (a broken install, a missing module)
  process.stderr.write(`casefile: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
