// Generator for the challenge4 dataset: 24 labelled incidents (8 per label), written from the vendor
// contracts and the ATT&CK mapping only. Deterministic (seeded), so re-running reproduces the same files.
// Usage: npx tsx evals/datasets/challenge4/generate.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ms, iso, MIN, type J } from "./lib.ts";
import { scenarios } from "./scenarios.ts";

const OUT = path.dirname(fileURLToPath(import.meta.url));

// ---------- incident assembly ----------
export interface Spec {
  slug: string; title: string; anomaly: J; nowMin: number;
  cf?: { account_id: string; v1?: J[]; v2?: J[] }; dd?: J[]; faults?: Record<string, string>;
  label: { verdict: "likely_malicious" | "misconfiguration" | "benign"; key: J[]; techniques?: string[]; rationale: string };
}
const short = { likely_malicious: "mal", misconfiguration: "mis", benign: "ben" } as const;
const counters = { mal: 0, mis: 0, ben: 0 };
const idOf = (e: J) => e.id as string;
function emit(s: Spec): void {
  const k = short[s.label.verdict];
  counters[k] += 1;
  const nn = String(counters[k]).padStart(2, "0");
  const id = `c4-${k}-${nn}-${s.slug}`;
  const sources: J = {};
  if (s.cf) {
    const byTime = (e: J) => ms(((e.when as string) ?? ((e.action as J).time as string)));
    const cf: J = { account_id: s.cf.account_id, audit_logs: (s.cf.v1 ?? []).sort((a, b) => byTime(b) - byTime(a)) };
    if (s.cf.v2) cf.audit_logs_v2 = s.cf.v2.sort((a, b) => byTime(b) - byTime(a));
    sources.cloudflare = cf;
  }
  if (s.dd) sources.datadog = { site: "datadoghq.com", audit_events: s.dd.sort((a, b) => ms(((b.attributes as J).timestamp as string)) - ms(((a.attributes as J).timestamp as string))) };
  const inc: J = {
    id, title: s.title,
    now: iso(ms(s.anomaly.timestamp as string) + s.nowMin * MIN),
    anomaly: s.anomaly, sources,
  };
  if (s.faults) inc.faults = s.faults;
  inc.label = { verdict: s.label.verdict, key_event_ids: s.label.key.map(idOf), ...(s.label.techniques ? { techniques: s.label.techniques } : {}), rationale: s.label.rationale };
  const n = ((s.cf?.v1?.length ?? 0) + (s.cf?.v2?.length ?? 0) + (s.dd?.length ?? 0));
  if (n < 20 || n > 120) throw new Error(`${id}: ${n} events, expected 20..120`);
  writeFileSync(path.join(OUT, `${id}.json`), JSON.stringify(inc, null, 2) + "\n");
  rows.push(`| ${id} | ${s.label.verdict} | ${s.anomaly.source ?? "-"} | ${n} | ${s.faults ? Object.entries(s.faults).map(([a, b]) => `${a}:${b}`).join(", ") : "-"} | ${s.title} |`);
}
const rows: string[] = [];

for (const s of scenarios()) emit(s);

writeFileSync(path.join(OUT, "README.md"), `# challenge4 — independent held-out incidents (fourth author)

24 incidents (8 likely_malicious, 8 misconfiguration, 8 benign), written from the vendor contracts and the ATT&CK
mapping only. Regenerate with \`npx tsx evals/datasets/challenge4/generate.ts\` (seeded, deterministic).

| id | label | flagged source | events | faults | scenario |
|---|---|---|---|---|---|
${rows.join("\n")}
`);
console.log(`wrote ${rows.length} incidents`);

