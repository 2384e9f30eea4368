#!/usr/bin/env node
// casefile's command line. The sources are TypeScript, loaded through tsx's ESM hooks.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/cli.ts");
const code = await main(process.argv.slice(2));
process.exitCode = code;
