// Golden outputs of `correlate` + `findIndicators`: every committed incident of the fixed datasets below and the
// bench generator's 2 000-event account, normalised the way the gatherers do, each output reduced to a SHA-256 of
// its JSON. The one-pass matching must reproduce them exactly. Regenerate only when the analysis is meant to change:
//   node --import tsx test/analysis-golden.ts > test/fixtures/analysis-golden.json
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { correlate, type Correlation } from "../analysis/timeline.ts";
import { findIndicators } from "../analysis/indicators.ts";
import { benchIncident, generateEvents } from "../bench/generate.ts";
import { listIncidentFiles, loadIncident, type Incident } from "../domain/incident.ts";
import { normaliseCloudflare } from "../tools/cloudflare/normalise.ts";
import { normaliseDatadog } from "../tools/datadog/normalise.ts";
import type { AuditEvent } from "../domain/events.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Datasets whose files are settled; each file's outputs are pinned. */
export const GOLDEN_DATASETS = ["dev", "challenge", "challenge2", "challenge3", "challenge4", "pivots", "lookalike-ops", "lookalike-observe", "outside-a"];

export const sha = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 24);

function eventsOf(inc: Incident): AuditEvent[] {
  const cf = inc.sources.cloudflare;
  const dd = inc.sources.datadog;
  return [
    ...(cf ? normaliseCloudflare(cf.audit_logs, "v1").events : []),
    ...(cf?.audit_logs_v2 ? normaliseCloudflare(cf.audit_logs_v2, "v2").events : []),
    ...(dd ? normaliseDatadog(dd.audit_events).events : []),
  ];
}

/** The correlation of one incident over the 24 hours before its anomaly. */
export function correlationOf(inc: Incident): Correlation {
  return correlate(eventsOf(inc), inc.anomaly, { since: new Date(Date.parse(inc.anomaly.timestamp) - 24 * 3_600_000), before: new Date(Date.parse(inc.now)) });
}

/** `{correlation, indicators}` digests of one incident. */
export function digest(inc: Incident): { correlation: string; indicators: string } {
  const corr = correlationOf(inc);
  const indicators = findIndicators(corr);
  return { correlation: sha(corr), indicators: sha(indicators) };
}

export async function goldenCases(): Promise<{ name: string; incident: Incident }[]> {
  const out: { name: string; incident: Incident }[] = [];
  for (const ds of GOLDEN_DATASETS) {
    for (const file of await listIncidentFiles(path.join(ROOT, "evals/datasets", ds))) out.push({ name: `${ds}/${path.basename(file)}`, incident: await loadIncident(file) });
  }
  out.push({ name: "bench/generated-2000", incident: benchIncident(generateEvents(2000)) });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result: Record<string, { correlation: string; indicators: string }> = {};
  for (const c of await goldenCases()) result[c.name] = digest(c.incident);
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
}
