// Generates the lookalike-identity corpus: 30 labelled incidents built as look-alike triples (the same flagged
// action once as an attack, once as a mistake, once as routine work) around identities and credentials in
// Cloudflare and Datadog. Seeded and deterministic: regenerating reproduces every file byte for byte. The incident
// functions live in scenarios-cf.ts / scenarios-dd.ts, which re-export their second parts (scenarios-cf-2.ts /
// scenarios-dd-2.ts); SCENARIOS below fixes the order.
//
//   npx tsx evals/datasets/lookalike-identity/generate.ts            writes the incident files
//   npx tsx evals/datasets/lookalike-identity/generate.ts --table    also prints the README table
import { mkdir, readdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeOrgs, type Orgs } from "./builders.ts";
import * as cf from "./scenarios-cf.ts";
import * as dd from "./scenarios-dd.ts";
import type { Built } from "./story.ts";

const DIR = path.dirname(fileURLToPath(import.meta.url));

const SCENARIOS: ((o: Orgs) => Built)[] = [
  cf.tokenCreateStolenSession,
  cf.tokenCreateOverScoped,
  cf.tokenCreateWeeklyRotation,
  cf.keyViewTakeover,
  cf.keyViewIntoCi,
  cf.keyViewRotation,
  dd.appKeyPhished,
  dd.appKeyLeaked,
  dd.appKeyCollectorRotation,
  dd.roleBackdoorAdmin,
  dd.roleAuditorAdmin,
  dd.roleOncallHandover,
  dd.idpPasswordReenabled,
  dd.idpStagingMetadata,
  dd.idpCertRollover,
  cf.accessPolicyTokenMimicry,
  cf.accessPolicyAllowEveryone,
  cf.accessPolicyPipelineChange,
  dd.userCreatedByStolenTfKey,
  dd.userScimEveryone,
  dd.userOnboarding,
  cf.memberSuperAdminBackdoor,
  cf.memberAgencyAdmin,
  cf.memberAgencyScoped,
  cf.revokeLockout,
  cf.revokeWrongToken,
  cf.revokeOffboarding,
  dd.loginAitmConcurrent,
  dd.loginBreakglassRoutine,
  dd.loginTravelling,
];

export function build(): Built[] {
  const out: Built[] = [];
  for (const s of SCENARIOS) out.push(s(makeOrgs())); // fresh organisations per incident: no shared mutable state
  const ids = new Set<string>();
  for (const b of out) {
    if (ids.has(b.meta.id)) throw new Error(`duplicate incident id ${b.meta.id}`);
    ids.add(b.meta.id);
  }
  return out;
}

function table(built: Built[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const rows = built.map((b) => {
    const m = b.meta;
    const f = m.faults ? ` · faults ${JSON.stringify(m.faults)}` : "";
    return `| ${m.id} | ${m.verdict} | ${esc(m.flagged)}${f} | ${m.events} (${m.cfCount}/${m.dd}) | ${esc(m.hard)} | ${esc(m.deciding)} | ${esc(m.grounding)} |`;
  });
  return ["| id | verdict | flagged (source: action) | events (CF/DD) | what makes it hard | deciding context | real-world grounding |", "|---|---|---|---|---|---|---|", ...rows].join("\n");
}

async function main(): Promise<void> {
  const built = build();
  await mkdir(DIR, { recursive: true });
  for (const f of await readdir(DIR)) if (/^li-\d\d-.*\.json$/.test(f)) await unlink(path.join(DIR, f));
  for (const b of built) await writeFile(path.join(DIR, `${b.meta.id}-${b.meta.slug}.json`), JSON.stringify(b.incident, null, 2) + "\n");
  const n = (v: string) => built.filter((b) => b.meta.verdict === v).length;
  console.log(`wrote ${built.length} incidents to ${path.relative(process.cwd(), DIR) || "."}: ${n("likely_malicious")} likely_malicious, ${n("misconfiguration")} misconfiguration, ${n("benign")} benign`);
  if (process.argv.includes("--table")) console.log("\n" + table(built));
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
