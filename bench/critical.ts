// Critical path: one investigation end to end (investigator.run, no webhook) against the sandbox with injected
// vendor latency and a local model that takes a fixed time per call, compared with its physical floor measured
// in the same run: max(Cloudflare gather, Datadog gather) + model calls × one call + one publish.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startSandbox } from "../sandbox/server.ts";
import { loadVendorConfig } from "../tools/config.ts";
import { createCloudflareGatherer } from "../tools/cloudflare/client.ts";
import { createDatadogGatherer } from "../tools/datadog/client.ts";
import { createConfluencePublisher } from "../tools/confluence/client.ts";
import type { GatherRequest, PublishRequest } from "../tools/types.ts";
import { createChatModel } from "../graph/config.ts";
import { renderTimelinePng } from "../report/svg.ts";
import { benchIncident, generateEvents } from "./generate.ts";
import { startFakeModel } from "./fake-model.ts";

export interface CriticalOptions {
  /** events per source (default 2000) */
  perSource?: number;
  /** the doubles' maximum page size (default 500) */
  pageSize?: number;
  /** per vendor page (default 150 ms) */
  vendorLatencyMs?: number;
  /** per model call (default 800 ms) */
  modelLatencyMs?: number;
  /** what one publish should take in total (default 200 ms), spread over its Confluence calls */
  publishTargetMs?: number;
}

export interface CriticalResult {
  ratio: number;
  e2e_ms: number;
  floor_ms: number;
  status: string;
  verdict: string | null;
  parts: {
    cloudflare_ms: number;
    datadog_ms: number;
    cloudflare_pages: number;
    datadog_pages: number;
    model_calls: number;
    model_call_ms: number;
    publish_ms: number;
    confluence_calls_per_publish: number;
    confluence_latency_ms: number;
  };
  /** the run's own per-node timings (graph state) */
  node_ms: Record<string, number>;
  errors: string[];
}

const since = (t0: number) => performance.now() - t0;

export async function measureCriticalPath(opts: CriticalOptions = {}): Promise<CriticalResult> {
  const perSource = opts.perSource ?? 2000;
  const vendorLatency = opts.vendorLatencyMs ?? 150;
  const modelLatency = opts.modelLatencyMs ?? 800;
  const g = generateEvents(perSource * 2);
  const incident = benchIncident(g);
  const now = new Date(g.now);
  const flagged = Date.parse(g.anomaly.timestamp);
  const req: GatherRequest = { actor: g.anomaly.actor, since: new Date(flagged - 24 * 3_600_000), before: new Date(Math.max(now.getTime(), flagged)) };

  // 1. How many Confluence calls one publish makes (no latency), so the per-call latency adds up to the target.
  const calib = await startSandbox({ incident });
  let perPublish: number;
  try {
    const pub = createConfluencePublisher(loadVendorConfig(calib.env).confluence!);
    const before = calib.requests.length;
    await pub.publish(samplePublish("bench-calibration", "<p>calibration</p>"));
    perPublish = calib.requests.slice(before).filter((r) => r.vendor === "confluence").length;
    await pub.close();
  } finally {
    await calib.close();
  }
  const confluenceLatency = Math.round((opts.publishTargetMs ?? 200) / Math.max(1, perPublish));

  const sandbox = await startSandbox({
    incident,
    maxPageSize: { cloudflare: opts.pageSize ?? 500, datadog: opts.pageSize ?? 500 },
    latencyMs: { cloudflare: vendorLatency, datadog: vendorLatency, confluence: confluenceLatency },
  });
  const model = await startFakeModel({ latencyMs: modelLatency });
  const dataDir = await mkdtemp(path.join(tmpdir(), "casefile-bench-"));
  try {
    const vendors = loadVendorConfig(sandbox.env);
    const chat = () => createChatModel({ model: "gpt-4o-mini", apiKey: "bench-not-a-secret", baseURL: model.baseURL });

    // 2. Each gatherer alone.
    const cfG = createCloudflareGatherer(vendors.cloudflare!, { limits: vendors.limits });
    const ddG = createDatadogGatherer(vendors.datadog!, { limits: vendors.limits });
    let t0 = performance.now();
    const cf = await cfG.gather(req);
    const cloudflareMs = since(t0);
    t0 = performance.now();
    const dd = await ddG.gather(req);
    const datadogMs = since(t0);
    await cfG.close();
    await ddG.close();

    // 3. One model call alone (mean of two, the first opens the connection).
    const m = chat();
    const single: number[] = [];
    for (let i = 0; i < 2; i++) {
      t0 = performance.now();
      await m.complete({ messages: [{ role: "user", content: "ping" }], output: { name: "ping", schema: { type: "object" } }, mode: "json_schema" }, new AbortController().signal);
      single.push(since(t0));
    }
    const modelCallMs = (single[0]! + single[1]!) / 2;

    // 4. End to end: a warm-up run, then the measured one (fresh anomaly id: a new page, not an update).
    const { createInvestigator } = await import("../graph/investigator.ts");
    const investigator = await createInvestigator({
      env: { ...sandbox.env },
      dataDir,
      clock: () => now.getTime(),
      models: { analyst: chat(), writer: chat() },
      modelNames: { analyst: "bench-model", writer: "bench-model" },
      requireApproval: false,
      dryRun: false,
    });
    let outcome;
    let e2eMs = 0;
    let calls = 0;
    try {
      await investigator.run({ investigationId: "bench-warmup", anomaly: { ...g.anomaly, id: `${g.anomaly.id}-warmup` } });
      const callsBefore = model.calls;
      t0 = performance.now();
      outcome = await investigator.run({ investigationId: "bench-measured", anomaly: g.anomaly });
      e2eMs = since(t0);
      calls = model.calls - callsBefore;
    } finally {
      await investigator.close();
    }
    const result = outcome.result;

    // 5. One publish alone: the same page body and attachments under another key.
    const page = [...sandbox.confluence.pages.values()].find((p) => result && p.title === result.report_title);
    const pub = createConfluencePublisher(vendors.confluence!);
    const body = page?.body ?? "<p>standalone</p>";
    const publishReq = samplePublish("bench-standalone", body, result?.timeline_svg);
    publishReq.title = `${result?.report_title ?? "casefile bench"} (standalone)`;
    t0 = performance.now();
    await pub.publish(publishReq);
    const publishMs = since(t0);
    await pub.close();

    const floor = Math.max(cloudflareMs, datadogMs) + calls * modelCallMs + publishMs;
    return {
      ratio: round(e2eMs / floor, 3),
      e2e_ms: Math.round(e2eMs),
      floor_ms: Math.round(floor),
      status: outcome.status,
      verdict: result?.verdict ?? null,
      parts: {
        cloudflare_ms: Math.round(cloudflareMs),
        datadog_ms: Math.round(datadogMs),
        cloudflare_pages: cf.status.pages,
        datadog_pages: dd.status.pages,
        model_calls: calls,
        model_call_ms: Math.round(modelCallMs),
        publish_ms: Math.round(publishMs),
        confluence_calls_per_publish: perPublish,
        confluence_latency_ms: confluenceLatency,
      },
      node_ms: result?.timings_ms ?? {},
      errors: [...(result?.errors ?? []), ...(outcome.error ? [outcome.error] : [])],
    };
  } finally {
    await model.close();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function samplePublish(key: string, body: string, svg?: string): PublishRequest {
  // Like the publish node: the timeline as SVG and, when it renders, as PNG.
  const picture = svg ?? '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
  const attachments: NonNullable<PublishRequest["attachments"]> = [{ name: "timeline.svg", contentType: "image/svg+xml", data: picture }];
  try {
    attachments.push({ name: "timeline.png", contentType: "image/png", data: renderTimelinePng(picture) });
  } catch {
    // the SVG alone, as the publish node does
  }
  return { key, title: `casefile bench ${key}`, body, labels: ["casefile", "bench"], attachments };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
