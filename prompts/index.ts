// The prompts of the model-backed nodes, one file per node, each with a version header. The version used
// goes into the run record and the report, and a content hash beside it (two edits of a prompt that keep the
// version still differ). `casefile eval --prompts DIR` loads a directory of the same shape, from any folder.
import path from "node:path";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import * as analystModule from "./analyst.ts";
import * as writerModule from "./writer.ts";

export interface NodePrompt<I = any> {
  name: string;
  version: string;
  system: string;
  buildUser(input: I): string;
}

export interface PromptSet {
  analyst: NodePrompt;
  writer: NodePrompt;
}

function pick(mod: Record<string, unknown>, node: string, where: string): NodePrompt {
  const candidates = [mod.default, ...Object.values(mod)];
  for (const c of candidates) {
    if (c && typeof c === "object" && "version" in c && "system" in c && typeof (c as NodePrompt).buildUser === "function") {
      return c as NodePrompt;
    }
  }
  throw new Error(`${where} exports no prompt for the ${node} node (an object with name, version, system and buildUser)`);
}

export const defaultPrompts: PromptSet = {
  analyst: pick(analystModule as Record<string, unknown>, "analyst", "prompts/analyst.ts"),
  writer: pick(writerModule as Record<string, unknown>, "writer", "prompts/writer.ts"),
};

/** node → version of the prompts in use. */
export function promptVersions(prompts: PromptSet = defaultPrompts): Record<string, string> {
  return { analyst: prompts.analyst.version, writer: prompts.writer.version };
}

/** node → content hash of its prompt (system text and message builder), 12 hex digits of SHA-256. */
export function promptHashes(prompts: PromptSet = defaultPrompts): Record<string, string> {
  const h = (p: NodePrompt) => createHash("sha256").update(`${p.system}\n${String(p.buildUser)}`).digest("hex").slice(0, 12);
  return { analyst: h(prompts.analyst), writer: h(prompts.writer) };
}

/**
 * A prompt module from any folder: TypeScript through tsx's loader (a .ts file outside this package is not
 * an ES module by its package.json, so a plain import() would load it as CommonJS and fail), JavaScript as is.
 */
async function importPrompt(file: string): Promise<Record<string, unknown>> {
  if (/\.[cm]?ts$/.test(file)) return (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

/** Load prompts from a directory holding analyst.ts and/or writer.ts; missing files keep the defaults. */
export async function loadPrompts(dir: string): Promise<PromptSet> {
  const out: PromptSet = { ...defaultPrompts };
  let found = 0;
  for (const node of ["analyst", "writer"] as const) {
    for (const ext of [".ts", ".mts", ".mjs", ".js"]) {
      const file = path.resolve(dir, node + ext);
      if (!existsSync(file)) continue;
      out[node] = pick(await importPrompt(file), node, file);
      found++;
      break;
    }
  }
  if (found === 0) throw new Error(`no prompt files in ${dir}: expected analyst.ts and/or writer.ts`);
  return out;
}
