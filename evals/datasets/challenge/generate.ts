// Generates the challenge dataset: hand-designed labelled incidents in the shared incident format.
// Run: npx tsx evals/datasets/challenge/generate.ts   (writes *.json beside this file)
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { malicious } from "./scenarios-mal.ts";
import { misconfig } from "./scenarios-misc.ts";
import { benign } from "./scenarios-ben.ts";

const dir = path.dirname(fileURLToPath(import.meta.url));
const all = [...malicious(), ...misconfig(), ...benign()];
const ids = new Set<string>();
for (const inc of all) {
  const id = inc.id as string;
  if (ids.has(id)) throw new Error(`duplicate incident id ${id}`);
  ids.add(id);
  await writeFile(path.join(dir, `${id}.json`), `${JSON.stringify(inc, null, 2)}\n`);
}
console.log(`wrote ${all.length} incidents to ${dir}`);
