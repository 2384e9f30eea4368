// One look-alike scenario of the lookalike-ops corpus: its metadata (the README row) and the function that writes
// its story into a Book; `build` adds the background, the actor's own history and assembles the incident file.
import { background, Book, DAY, HOUR, hex, routine, seeded, t } from "./builders.ts";
import type { Org, Person } from "./world.ts";

export type Verdict = "likely_malicious" | "misconfiguration" | "benign";

export interface Story {
  keys: string[];
  rationale: string;
}

export interface Scenario {
  n: number;
  slug: string;
  triple: string;
  title: string;
  org: Org;
  verdict: Verdict;
  /** the anomaly's timestamp (ISO, UTC) */
  at: string;
  /** hours from the anomaly to the investigation clock */
  nowAfter: number;
  actor: Person | null;
  anomalyActor: string;
  action: string;
  source: "cloudflare" | "datadog";
  severity: "low" | "medium" | "high" | "critical";
  detector: string;
  details: Record<string, unknown>;
  techniques?: string[];
  faults?: Record<string, string>;
  /** background density (sessions per person per day) */
  density?: number;
  /** the actor's own routine before the window and earlier inside it; false when the story writes it */
  history?: false | { older: number; inWindow: number; quiet?: boolean; cfOnly?: boolean; ddOnly?: boolean };
  hard: string;
  deciding: string;
  grounding: string;
  story: (b: Book, T: number, now: number) => Story;
}

export const id = (s: Scenario) => `lx-${String(s.n).padStart(2, "0")}`;
export const file = (s: Scenario) => `${id(s)}-${s.slug}.json`;

export function build(s: Scenario): Record<string, unknown> {
  const r = seeded(`lookalike-ops/${id(s)}`);
  const b = new Book(s.org, r);
  const T = t(s.at);
  const now = T + Math.round(s.nowAfter * HOUR);
  const story = s.story(b, T, now);
  background(b, s.actor, now, 7 * DAY, s.density ?? 0.8);
  if (s.actor && s.history !== false) {
    const h = s.history ?? { older: 0.9, inWindow: 1 };
    routine(b, s.actor, now - 7 * DAY, T - 26 * HOUR, h.older, { quiet: h.quiet, cfOnly: h.cfOnly, ddOnly: h.ddOnly });
    routine(b, s.actor, T - 22 * HOUR, T - 3 * HOUR, h.inWindow, { quiet: true, cfOnly: h.cfOnly, ddOnly: h.ddOnly });
  }
  const { cf1, cf2, dd } = b.sorted();
  const inc: Record<string, unknown> = {
    id: id(s),
    title: s.title,
    now: new Date(now).toISOString().replace(".000Z", "Z"),
    anomaly: {
      id: `det-${hex(r, 6)}`,
      actor: s.anomalyActor,
      action: s.action,
      timestamp: s.at,
      source: s.source,
      severity: s.severity,
      detector: s.detector,
      details: s.details,
    },
    sources: {
      cloudflare: { account_id: s.org.accountId, audit_logs: cf1, audit_logs_v2: cf2 },
      datadog: { site: s.org.site, audit_events: dd },
    },
    ...(s.faults ? { faults: s.faults } : {}),
    label: {
      verdict: s.verdict,
      key_event_ids: story.keys,
      ...(s.verdict !== "benign" && s.techniques ? { techniques: s.techniques } : {}),
      rationale: story.rationale,
    },
  };
  const all = JSON.stringify(inc);
  for (const k of story.keys) if (!all.includes(`"${k}"`)) throw new Error(`${id(s)}: key event ${k} is not in the data`);
  return inc;
}
