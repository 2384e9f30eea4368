// Generates the challenge2 labelled incidents (second independent author). Deterministic: every id and every
// noisy timeline comes from a PRNG seeded by the incident id. Run: npx tsx evals/datasets/challenge2/generate.ts
// The scenario modules register their incidents when imported, in this order (ids are drawn unique across them).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ALL } from "./lib.ts";
import "./scenarios-mal.ts";
import "./scenarios-mis.ts";
import "./scenarios-ben.ts";

const OUT = path.dirname(fileURLToPath(import.meta.url));

// ---------- write ----------
for (const { file, body } of ALL) writeFileSync(path.join(OUT, `${file}.json`), JSON.stringify(body, null, 2) + "\n");
console.log(`wrote ${ALL.length} incidents to ${OUT}`);
