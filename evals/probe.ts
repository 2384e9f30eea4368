// Shortcut probe: how well does the best one-line rule over surface features label a dataset?
//
// A corpus is only a test of reasoning when no shallow feature (night-time, a new address, threat-intel tags, a
// service account, a deletion, the flagged action's name…) predicts its labels. For each feature the probe builds
// the best decision stump (feature present → its majority class, absent → the other side's majority class) and
// prints the accuracy of each, best first, plus "flagged action → majority class". A corpus should keep every line
// at or below 0.65.
//
//   npx tsx evals/probe.ts evals/datasets/NAME [more dirs…]
import { listIncidentFiles, loadIncident, type Incident } from "../domain/incident.ts";

type Label = "likely_malicious" | "misconfiguration" | "benign";

const lower = (s: string) => s.toLowerCase();

/** The actor's own raw records (any vendor), found by a case-insensitive look for the actor string. */
function actorRecords(inc: Incident): string[] {
  const actor = lower(inc.anomaly.actor);
  const all: unknown[] = [
    ...(inc.sources.cloudflare?.audit_logs ?? []),
    ...(inc.sources.cloudflare?.audit_logs_v2 ?? []),
    ...(inc.sources.datadog?.audit_events ?? []),
  ];
  return all.map((r) => JSON.stringify(r)).filter((s) => lower(s).includes(actor));
}

const IP_RE = /"(?:ip|ip_address|client_ip|ip_addr)"\s*:\s*"([0-9a-f.:]+)"/gi;

/** Surface features a shortcut would use; none of them is evidence of intent by itself. */
export function surface(inc: Incident): Record<string, boolean> {
  const t = new Date(inc.anomaly.timestamp);
  const h = t.getUTCHours();
  const recs = actorRecords(inc);
  const text = lower(recs.join("\n"));
  const ips = new Set<string>();
  for (const r of recs) for (const m of r.matchAll(IP_RE)) ips.add(m[1]!);
  const act = lower(inc.anomaly.action);
  const actor = lower(inc.anomaly.actor);
  const total =
    (inc.sources.cloudflare?.audit_logs?.length ?? 0) +
    (inc.sources.cloudflare?.audit_logs_v2?.length ?? 0) +
    (inc.sources.datadog?.audit_events?.length ?? 0);
  return {
    night_utc: h < 6 || h >= 22,
    weekend: t.getUTCDay() === 0 || t.getUTCDay() === 6,
    severity_high: inc.anomaly.severity === "high" || inc.anomaly.severity === "critical",
    flagged_on_cloudflare: lower(inc.anomaly.source ?? "") === "cloudflare",
    flagged_delete: /del|remove|destroy|purge/.test(act),
    flagged_create: /create|add|new|invite/.test(act),
    flagged_modify: /modif|update|change|edit|set/.test(act),
    service_actor: !actor.includes("@") || /\b(svc|bot|ci|cd|terraform|automation|service|deploy|robot)\b|[-_.](svc|bot|ci)[-_.@]/.test(actor),
    several_ips: ips.size > 1,
    many_ips: ips.size > 3,
    threat_intel: /threat_intel|residential_proxy|tor_exit|"tor"|anonymi[sz]er|proxy/.test(text),
    instruction_text: /ignore (all|previous|the)|approved by|do not (page|alert|escalate)|close (this|as)|false positive/.test(
      lower(JSON.stringify(inc.anomaly.details ?? {})) + text,
    ),
    big_file: total > 1000,
    uses_v2: (inc.sources.cloudflare?.audit_logs_v2?.length ?? 0) > 0,
    has_faults: Object.keys(inc.faults ?? {}).length > 0,
    api_authenticated: /api_and_app_key|api \+ app key|api_token|"token"|apikey/.test(text),
  };
}

function majority(labels: Label[]): Label | undefined {
  const n = new Map<Label, number>();
  for (const l of labels) n.set(l, (n.get(l) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export interface ProbeLine {
  rule: string;
  accuracy: number;
}

export function probe(incidents: Incident[]): ProbeLine[] {
  const rows = incidents.filter((i) => i.label).map((i) => ({ label: i.label!.verdict as Label, f: surface(i), action: lower(i.anomaly.action) }));
  const n = rows.length;
  if (n === 0) return [];
  const out: ProbeLine[] = [];
  const all = majority(rows.map((r) => r.label))!;
  out.push({ rule: `always ${all}`, accuracy: rows.filter((r) => r.label === all).length / n });
  for (const key of Object.keys(rows[0]!.f)) {
    const yes = rows.filter((r) => r.f[key]);
    const no = rows.filter((r) => !r.f[key]);
    const ly = majority(yes.map((r) => r.label)) ?? all;
    const ln = majority(no.map((r) => r.label)) ?? all;
    const ok = yes.filter((r) => r.label === ly).length + no.filter((r) => r.label === ln).length;
    out.push({ rule: `${key} → ${ly}, else ${ln}`, accuracy: ok / n });
  }
  // the flagged action's name alone, leave-one-out (an action seen once predicts nothing): the majority class of the
  // other incidents flagged with the same action, else the overall majority
  let ok = 0;
  rows.forEach((r, i) => {
    const same = rows.filter((o, j) => j !== i && o.action === r.action).map((o) => o.label);
    if ((majority(same) ?? all) === r.label) ok++;
  });
  out.push({ rule: "flagged action → its majority class (leave-one-out)", accuracy: ok / n });
  return out.sort((a, b) => b.accuracy - a.accuracy);
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error("usage: npx tsx evals/probe.ts DATASET_DIR [DATASET_DIR…]");
    process.exit(2);
  }
  for (const dir of dirs) {
    const incs = await Promise.all((await listIncidentFiles(dir)).map(loadIncident));
    const lines = probe(incs);
    console.log(`${dir} (${incs.length} incidents)`);
    for (const l of lines) console.log(`  ${l.accuracy.toFixed(2)}  ${l.rule}`);
    const worst = lines.filter((l) => !l.rule.startsWith("always"))[0];
    if (worst) console.log(`  best one-line rule: ${worst.accuracy.toFixed(2)} (${worst.accuracy <= 0.65 ? "ok" : "above 0.65: rebalance surface features"})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
