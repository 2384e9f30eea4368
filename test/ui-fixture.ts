// Seeds a store with realistic investigations for the review UI tests.
import Fastify, { type FastifyInstance } from "fastify";
import type { InvestigationResult } from "../graph/types.ts";
import type { Anomaly } from "../domain/schemas.ts";
import { buildReport, type ReportInput } from "../report/model.ts";
import { renderTimelineSvg } from "../report/svg.ts";
import type { Store } from "../server/store/index.ts";
import { uiPlugin, type UiOptions } from "../server/ui.ts";
import { input } from "./report-fixture.ts";

export const XSS = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
export const TOKEN = "ui-test-token-6f1d2c9a8b7e";

export function resultFor(ri: ReportInput, reportUrl: string | null): InvestigationResult {
  const report = buildReport(ri);
  return {
    investigation_id: ri.investigationId,
    anomaly_id: ri.anomaly.id,
    verdict: ri.assessment.verdict,
    confidence: ri.assessment.confidence,
    report_url: reportUrl,
    sources: ri.sources,
    assessment: ri.assessment,
    report_markdown: "",
    report_title: report.title,
    report,
    timeline_svg: renderTimelineSvg(report),
    prompt_versions: ri.promptVersions,
    models: ri.models,
    tokens: { input: 0, output: 0 },
    timings_ms: { total: 1200 },
    errors: [],
  };
}

export interface Seeded {
  completed: string;
  awaiting: string;
  running: string;
}

const at = (s: string) => new Date(s);

/** One completed (with markup in the actor and resource names), one awaiting approval, one running. */
export async function seed(store: Store): Promise<Seeded> {
  const base = input();
  // Completed, likely malicious; the actor name carries markup.
  const a1: Anomaly = { ...base.anomaly, id: "det-ui-0001", actor: `mallory${XSS}@example.com` };
  const c1 = await store.createOrAttach(a1, 0, at("2026-08-20T14:05:00.000Z"));
  const ri1 = input({ anomaly: a1, investigationId: c1.investigation.id });
  await store.markRunning(c1.investigation.id, at("2026-08-20T14:05:01.000Z"));
  await store.markFinished(c1.investigation.id, { result: resultFor(ri1, "https://acme.atlassian.net/wiki/spaces/SEC/pages/98765") }, at("2026-08-20T14:06:10.000Z"));

  // Awaiting approval: a misconfiguration.
  const a2: Anomaly = { id: "det-ui-0002", actor: "bob.dev@example.com", action: "change_setting", timestamp: "2026-08-20T13:55:02Z", source: "cloudflare", severity: "medium", detector: "cf-admin-anomaly" };
  const c2 = await store.createOrAttach(a2, 0, at("2026-08-20T14:10:00.000Z"));
  const ri2 = input({
    anomaly: a2,
    investigationId: c2.investigation.id,
    flaggedEventIds: ["e2d4b6a8-1c3e-5f70-8a9b-c0d1e2f3a4b5"],
    coalesced: [],
    assessment: {
      verdict: "misconfiguration",
      confidence: 0.74,
      rationale: "The security level of shop.example.com was lowered to essentially_off during a change window with no other suspicious activity.",
      citations: ["e2d4b6a8-1c3e-5f70-8a9b-c0d1e2f3a4b5"],
      techniques: ["T1562.007"],
      indicators: [
        { id: "firewall.weakened", name: "Security level lowered", kind: "misconfig", severity: "medium", techniques: ["T1562.007"], event_ids: ["e2d4b6a8-1c3e-5f70-8a9b-c0d1e2f3a4b5"], detail: "security_level high → essentially_off on shop.example.com" },
      ],
      engine: "rules",
      scores: { likely_malicious: 0.12, misconfiguration: 0.74, benign: 0.14 },
    },
  });
  await store.markRunning(c2.investigation.id, at("2026-08-20T14:10:01.000Z"));
  await store.markAwaiting(c2.investigation.id, resultFor(ri2, null));

  // Running: no result yet.
  const a3: Anomaly = { id: "det-ui-0003", actor: "carol@example.com", action: "rec_del", timestamp: "2026-08-20T14:12:00Z", source: "cloudflare" };
  const c3 = await store.createOrAttach(a3, 0, at("2026-08-20T14:12:30.000Z"));
  await store.markRunning(c3.investigation.id, at("2026-08-20T14:12:31.000Z"));

  return { completed: c1.investigation.id, awaiting: c2.investigation.id, running: c3.investigation.id };
}

/** A Fastify app with only the UI under /ui, listening on 127.0.0.1 at a free port. */
export async function startUi(opts: UiOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  await app.register(uiPlugin, { ...opts, prefix: "/ui" });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, url };
}
