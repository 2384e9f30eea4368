// Generates the lookalike-ops corpus: ten look-alike triples (the same flagged action once as an attack, once as a
// mistake, once as routine work) across three fictitious organisations. Seeded and deterministic: regenerating
// reproduces every file byte for byte. The triples live two to a file in triples-a.ts (1-2) to triples-e.ts (9-10).
//
//   npx tsx evals/datasets/lookalike-ops/generate.ts          write the incident files
//   npx tsx evals/datasets/lookalike-ops/generate.ts --table  also print the README table rows
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, file, id, type Scenario } from "./scenario.ts";
import { t1, t2 } from "./triples-a.ts";
import { t3, t4 } from "./triples-b.ts";
import { t5, t6 } from "./triples-c.ts";
import { t7, t8 } from "./triples-d.ts";
import { t10, t9 } from "./triples-e.ts";

export const SCENARIOS: Scenario[] = [...t1, ...t2, ...t3, ...t4, ...t5, ...t6, ...t7, ...t8, ...t9, ...t10].sort((a, b) => a.n - b.n);

function main(): void {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (/^lx-\d+.*\.json$/.test(f)) rmSync(path.join(dir, f));
  const ids = new Set<string>();
  const rows: string[] = [];
  for (const s of SCENARIOS) {
    if (ids.has(id(s))) throw new Error(`duplicate id ${id(s)}`);
    ids.add(id(s));
    const inc = build(s);
    writeFileSync(path.join(dir, file(s)), JSON.stringify(inc, null, 1) + "\n");
    const src = inc.sources as { cloudflare: { audit_logs: unknown[]; audit_logs_v2: unknown[] }; datadog: { audit_events: unknown[] } };
    const n1 = src.cloudflare.audit_logs.length, n2 = src.cloudflare.audit_logs_v2.length, nd = src.datadog.audit_events.length;
    const faults = s.faults ? ` · faults ${JSON.stringify(s.faults)}` : "";
    rows.push(`| ${id(s)} | ${s.verdict} | ${s.source}: ${s.action}${faults} | ${n1 + n2 + nd} (${n1}/${n2}/${nd}) | ${s.hard} | ${s.deciding} | ${s.grounding} |`);
  }
  if (process.argv.includes("--table")) console.log(rows.join("\n"));
  console.log(`wrote ${SCENARIOS.length} incidents to ${dir}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
