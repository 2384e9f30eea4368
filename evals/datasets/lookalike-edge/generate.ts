// Generator of the lookalike-edge dataset: 30 labelled incidents in ten look-alike triples (the same flagged action
// as an attack, a mistake and routine work), Cloudflare-centric with Datadog as second source. Deterministic: run
// `npx tsx evals/datasets/lookalike-edge/generate.ts` and every file (incidents and README) is rewritten byte for
// byte. It also checks each file with the incident validator, checks its own invariants (key events exist, belong
// to the actor and lie in [anomaly - 24 h, now]) and writes the shortcut probe (evals/probe.ts) into the README.
import { readdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadIncident, type Incident } from "../../../domain/incident.ts";
import { probe, type ProbeLine } from "../../probe.ts";
import { isoSec } from "./builders.ts";
import type { Scenario } from "./kit.ts";
import { SCENARIOS_A } from "./scenarios-a.ts";
import { SCENARIOS_B } from "./scenarios-b.ts";
import { SCENARIOS_C } from "./scenarios-c.ts";
import { featureTable, shortcutProbe, type IncidentLike } from "./surface.ts";
import { Ctx, ORGS } from "./world.ts";

const DIR = path.dirname(fileURLToPath(import.meta.url));
const SCENARIOS: Scenario[] = [...SCENARIOS_A, ...SCENARIOS_B, ...SCENARIOS_C];

/** Position of each verdict inside its triple, rotated per triple so that id order says nothing about the label. */
const ORDERS: Array<Array<Scenario["verdict"]>> = [
  ["likely_malicious", "misconfiguration", "benign"],
  ["benign", "likely_malicious", "misconfiguration"],
  ["misconfiguration", "benign", "likely_malicious"],
  ["benign", "misconfiguration", "likely_malicious"],
  ["likely_malicious", "benign", "misconfiguration"],
  ["misconfiguration", "likely_malicious", "benign"],
];

function numbering(): Map<Scenario, number> {
  const byTriple = new Map<string, Scenario[]>();
  for (const s of SCENARIOS) byTriple.set(s.triple, [...(byTriple.get(s.triple) ?? []), s]);
  const out = new Map<Scenario, number>();
  [...byTriple.values()].forEach((members, k) => {
    const order = ORDERS[k % ORDERS.length]!;
    for (const s of members) out.set(s, 3 * k + order.indexOf(s.verdict) + 1);
  });
  return out;
}

interface Written {
  s: Scenario;
  id: string;
  file: string;
  inc: IncidentLike & Record<string, unknown>;
  counts: { v1: number; v2: number; dd: number };
}

function buildOne(s: Scenario, num: number): Written {
  const id = `le-${String(num).padStart(2, "0")}`;
  const org = ORGS[s.org];
  const c = new Ctx(id, org);
  const b = s.build(c);
  const src = c.sorted();
  const inc: Record<string, unknown> = {
    id,
    title: s.title,
    now: isoSec(b.now),
    anomaly: b.anomaly,
    sources: {
      cloudflare: { account_id: org.account.id, audit_logs: src.v1, audit_logs_v2: src.v2 },
      datadog: { site: org.ddSite, audit_events: src.dd },
    },
  };
  if (s.faults) inc["faults"] = s.faults;
  const label: Record<string, unknown> = { verdict: s.verdict, key_event_ids: b.keys };
  if (s.techniques) label["techniques"] = s.techniques;
  label["rationale"] = b.rationale;
  inc["label"] = label;
  return { s, id, file: `${id}-${s.slug}.json`, inc: inc as Written["inc"], counts: { v1: src.v1.length, v2: src.v2.length, dd: src.dd.length } };
}

/** Invariants a scenario must hold; throws with the incident id and what is wrong. */
function check(w: Written): void {
  const inc = w.inc;
  const A = Date.parse(inc.anomaly["timestamp"]);
  const now = Date.parse(inc.now);
  const fail = (m: string) => {
    throw new Error(`${w.id} (${w.s.slug}): ${m}`);
  };
  if (!(now > A && now - A <= 24 * 3600_000)) fail("now must lie within 24 h after the anomaly");
  const all = new Map<string, { t: number; who: string[] }>();
  for (const e of inc.sources.cloudflare?.audit_logs ?? []) all.set(e["id"], { t: Date.parse(e["when"]), who: [e["actor"]?.email] });
  for (const e of inc.sources.cloudflare?.audit_logs_v2 ?? []) all.set(e["id"], { t: Date.parse(e["action"].time), who: [e["actor"]?.email] });
  for (const e of inc.sources.datadog?.audit_events ?? []) all.set(e["id"], { t: Date.parse(e["attributes"].timestamp), who: [e["attributes"].attributes.usr?.id, e["attributes"].attributes.usr?.email] });
  if (all.size !== (w.counts.v1 + w.counts.v2 + w.counts.dd)) fail("duplicate event ids");
  const actor = String(inc.anomaly["actor"]).toLowerCase();
  const flagged = all.get(inc.label.key_event_ids[0]!);
  if (!flagged || Math.abs(flagged.t - A) > 1500) fail("first key event must be the flagged event, at the anomaly timestamp");
  for (const k of inc.label.key_event_ids) {
    const e = all.get(k);
    if (!e) fail(`key event ${k} not in the data`);
    if (e!.t < A - 24 * 3600_000 || e!.t > now) fail(`key event ${k} outside [anomaly - 24 h, now]`);
    if (!e!.who.some((x) => typeof x === "string" && x.toLowerCase() === actor)) fail(`key event ${k} is not the actor's`);
  }
  const n = all.size;
  if (n < 40 || n > 3000) fail(`${n} events; keep 40-3000`);
}

function caseActors(ws: Written[]): string {
  const out: string[] = [];
  for (const w of ws) {
    const org = ORGS[w.s.org];
    const actor = String(w.inc.anomaly["actor"]).toLowerCase();
    const p = Object.values(org.people).find((x) => x.cf === actor);
    if (p?.dd && p.dd !== p.cf) out.push(`${w.id} (${p.dd} / ${p.cf})`);
  }
  return out.join(", ");
}

function probeText(lines: ProbeLine[], n: number): string {
  const out = [`evals/datasets/lookalike-edge (${n} incidents)`, ...lines.map((l) => `  ${l.accuracy.toFixed(2)}  ${l.rule}`)];
  const worst = lines.filter((l) => !l.rule.startsWith("always"))[0];
  if (worst) out.push(`  best one-line rule: ${worst.accuracy.toFixed(2)} (${worst.accuracy <= 0.65 ? "ok" : "above 0.65: rebalance surface features"})`);
  return out.join("\n");
}

function readme(ws: Written[], official: string, own: Array<{ rule: string; accuracy: number }>, table: Record<string, Record<string, number>>): string {
  const count = (v: string) => ws.filter((w) => w.s.verdict === v).length;
  const big = ws.filter((w) => w.counts.v1 + w.counts.v2 + w.counts.dd >= 1000);
  const row = (w: Written) => {
    const a = w.inc.anomaly;
    const n = w.counts.v1 + w.counts.v2 + w.counts.dd;
    const faults = w.s.faults ? ` · faults ${JSON.stringify(w.s.faults)}` : "";
    return `| ${w.id} | ${w.s.verdict} | ${w.s.triple} | ${a["source"]}: ${a["action"]}${faults} | ${n} (${w.counts.v1}/${w.counts.v2}/${w.counts.dd}) | ${w.s.hard} | ${w.s.deciding} | ${w.s.grounding} |`;
  };
  const triples = [...new Set(ws.map((w) => w.s.triple))];
  return `# lookalike-edge — 30 labelled incidents in look-alike triples

An edge/platform engineering team's world: three fictitious organisations (Kestrel Pay, Lumen Haus Media,
Orchardly), each one Cloudflare account and one Datadog org. Cloudflare-centric: most flagged actions are Cloudflare
audit log **v2-only** products (Zero Trust Access, Cloudflare Tunnel, Workers, R2, WAF custom rules (rulesets),
Logpush, Email Routing, Load Balancing, account members) plus API token creation (v1 \`token_create\` with its v2 twin).
Datadog is the second source and carries deciding context in about a third of the incidents.

Every flagged action appears three times — once as an attack (likely_malicious), once as a mistake
(misconfiguration), once as routine work (benign). What separates the three is context a senior analyst would use:
what the actor did before and after, the other vendor's events, the scope of the change (request/response bodies,
before/after values), whether it was verified, paired, undone, and who used a new credential from where.

## Regenerate

\`\`\`sh
npx tsx evals/datasets/lookalike-edge/generate.ts
\`\`\`

Deterministic (seeded per incident id; no clock, no Math.random): it rewrites every incident file and this README
byte for byte, validates each file with \`loadIncident\` (domain/incident.ts), checks that every key event exists,
belongs to the anomaly's actor and lies in [anomaly − 24 h, now], and writes the shortcut probe's output below.
Files: \`builders.ts\` (this corpus's layout of the shared record builders in \`../vendor\`), \`world.ts\` (organisations,
people, tokens), \`routine.ts\` (routine background), \`kit.ts\` (per-product record helpers), \`scenarios-a.ts\` / \`scenarios-b.ts\`
/ \`scenarios-c.ts\` (the ten triples), \`surface.ts\` (shortcut check).

## Distribution

- ${count("likely_malicious")} likely_malicious, ${count("misconfiguration")} misconfiguration, ${count("benign")} benign (${ws.length} total), ${triples.length} triples.
- Flagging source: ${ws.filter((w) => w.inc.anomaly["source"] === "cloudflare").length} Cloudflare, ${ws.filter((w) => w.inc.anomaly["source"] === "datadog").length} Datadog.
- Triples (flagged action): ${triples.join("; ")}.
- Volume: ${big.map((w) => `${w.id} (${w.counts.v1 + w.counts.v2 + w.counts.dd})`).join(", ")} hold 1,000–3,000 events (CI, Terraform refreshes, log-search polling, a wall dashboard); all others 40–400.
- Faults: ${ws.filter((w) => w.s.faults).map((w) => `${w.id} ${JSON.stringify(w.s.faults)}`).join("; ")}.
- Actors whose e-mail differs in letter case between the vendors (Cloudflare lower case, Datadog as the IdP provisioned it): ${caseActors(ws)}; the anomaly of ${ws.filter((w) => /[A-Z]/.test(String(w.inc.anomaly["actor"]))).map((w) => w.id).join(" and ")} uses the Datadog spelling, all others the Cloudflare one.
- Token/key actors: Cloudflare API-token actors (\`actor.context: api_token\`, \`token_id\`, \`token_name\`; the token owner's e-mail) and one global-API-key actor (\`api_key\`); Datadog API-key-authenticated events carry a UUID in \`usr.email\` and the owner in \`usr.id\` (\`evt.actor.type\` \`Other\`, or \`SERVICE_ACCOUNT\` for CI service accounts; \`auth_method\` \`API_AND_APP_KEY\` at the EU org, \`API + App Key\` at the others).
- Instruction-like text in attacker-controllable fields (token/rule names, Worker binding text, WAF rule descriptions, tunnel names) appears in all three classes.

## Incidents

Events column: total (Cloudflare v1 / Cloudflare v2 / Datadog).

| id | verdict | triple | flagged (source: action) | events | what makes it hard | deciding context | real-world grounding |
|---|---|---|---|---|---|---|---|
${[...ws].sort((a, b) => a.id.localeCompare(b.id)).map(row).join("\n")}

## Shortcut probe

\`npx tsx evals/probe.ts evals/datasets/lookalike-edge\` (regenerating writes its current output here):

\`\`\`
${official}
\`\`\`

A complementary check in \`surface.ts\` uses features the probe does not (first-seen address of the flagged event,
e-mail case mismatch between vendors, service account, Datadog activity in the window) with "feature ? X : Y" over all
class pairs:

| rule | accuracy |
|---|---|
${own.slice(0, 8).map((p) => `| ${p.rule} | ${p.accuracy.toFixed(2)} |`).join("\n")}

Incidents per class showing each surface feature (L / M / B):

| feature | L | M | B |
|---|---|---|---|
${Object.entries(table).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `| ${k} | ${v["likely_malicious"]} | ${v["misconfiguration"]} | ${v["benign"]} |`).join("\n")}

## Doubts about realism (read before trusting scores)

- Cloudflare audit log v2 \`resource.product\` / \`resource.type\` strings (\`access\` / \`access.policy\`,
  \`workers\` / \`workers.script\`, \`r2\` / \`r2.bucket\`, \`cloudflare_tunnel\`, \`email_routing\`,
  \`load_balancing\`, \`logpush\`, \`rulesets\`, \`members\`, \`api_tokens\`, …) and \`action.description\` texts are
  modelled on the documented shape ("Add Member", product \`members\`) but not confirmed per product; \`resource.scope\`
  is written as \`{type: accounts|zones|user}\`. Request/response bodies follow each product's public API; real audit
  entries may carry less (or redacted) body. A \`previous\` object in some responses stands for what v2 records as the
  prior value; whether every product records it is unconfirmed.
- v1 twins are written only for actions with a known v1 vocabulary (\`login\`, \`token_create\`, \`token_revoke\`,
  \`API_key_view\`, \`rec_add\`/\`rec_del\`, \`purge\`); twins do not share ids (v1 UUID, v2 32-hex) and differ by up to a
  second. Sign-ins appear only in v1.
- Datadog: \`Integration\` and \`Synthetic Monitoring\` event names and their \`asset.new_value\` shapes are plausible,
  not confirmed; Request volume per UI action is far below reality. Threat intel is Spur-style on Request events only.
- The investigation sees only the actor's own events: other people's follow-ups (a colleague's revert) are noise by
  design, so every deciding event here is the actor's own (by e-mail in Cloudflare, by \`usr.id\`/\`usr.email\` in Datadog).
- Labels assume no out-of-band knowledge (tickets, chat). In several benign and misconfiguration cases a real SOC would
  confirm with the person; the labels are what the logs support.
`;
}

async function main(): Promise<void> {
  const nums = numbering();
  const ws = SCENARIOS.map((s) => buildOne(s, nums.get(s)!)).sort((a, b) => a.id.localeCompare(b.id));
  for (const w of ws) check(w);
  const ids = new Set(ws.map((w) => w.id));
  const loaded: Incident[] = [];
  if (ids.size !== ws.length) throw new Error("duplicate incident ids");
  for (const name of await readdir(DIR)) if (/^le-\d+.*\.json$/.test(name)) await unlink(path.join(DIR, name));
  for (const w of ws) {
    const file = path.join(DIR, w.file);
    await writeFile(file, JSON.stringify(w.inc, null, 2) + "\n");
    loaded.push(await loadIncident(file));
  }
  const official = probeText(probe(loaded), loaded.length);
  const own = shortcutProbe(ws.map((w) => w.inc));
  const table = featureTable(ws.map((w) => w.inc));
  await writeFile(path.join(DIR, "README.md"), readme(ws, official, own, table));
  for (const w of ws) console.log(`${w.file}\t${w.s.verdict}\t${w.counts.v1 + w.counts.v2 + w.counts.dd}`);
  console.log(`\n${official}`);
  const worst = own.find((p) => !p.rule.startsWith("constant"));
  if (worst && worst.accuracy > 0.65) console.warn(`WARNING: ${worst.rule} scores ${worst.accuracy.toFixed(2)} (> 0.65): rebalance surface features`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
