// Prometheus metrics: one registry per service instance.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { subscribe } from "node:diagnostics_channel";
import { VENDOR_HTTP_CHANNEL, type OnVendorRequest } from "../tools/http.ts";
import type { InvestigationResult } from "../graph/types.ts";

export class Metrics {
  readonly registry = new Registry();
  readonly runs: Counter<"status" | "verdict">;
  readonly runDuration: Histogram<"status">;
  readonly nodeDuration: Histogram<"node">;
  readonly tokens: Counter<"direction">;
  readonly webhooks: Counter<"outcome">;

  constructor(opts: { defaults?: boolean } = {}) {
    const registers = [this.registry];
    if (opts.defaults) collectDefaultMetrics({ register: this.registry, prefix: "casefile_" });
    this.runs = new Counter({ name: "casefile_runs_total", help: "Finished investigation runs by status and verdict", labelNames: ["status", "verdict"], registers });
    const seconds = <L extends string>(name: string, help: string, label: L, buckets: number[]) =>
      new Histogram<L>({ name: `casefile_${name}_duration_seconds`, help, labelNames: [label], buckets, registers });
    this.runDuration = seconds("run", "Wall time of one investigation run", "status", [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300]);
    this.nodeDuration = seconds("node", "Time spent per graph node (from the run's timings)", "node", [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60]);
    this.tokens = new Counter({ name: "casefile_model_tokens_total", help: "Model tokens used", labelNames: ["direction"], registers });
    this.webhooks = new Counter({ name: "casefile_webhooks_total", help: "Anomaly webhook deliveries by outcome", labelNames: ["outcome"], registers });
    // The vendor HTTP clients report each call, retry, 429 and failure on a diagnostics channel.
    const vendor = {} as Record<Parameters<OnVendorRequest>[0]["count"], Counter<"vendor">>;
    for (const [key, help] of [
      ["calls", "Vendor HTTP requests"],
      ["retries", "Vendor HTTP retries"],
      ["rate_limited", "Vendor HTTP 429 answers"],
      ["failures", "Vendor HTTP calls that failed after retries"],
    ] as const) {
      vendor[key] = new Counter({ name: `casefile_vendor_${key}_total`, help, labelNames: ["vendor"], registers });
      for (const v of ["cloudflare", "datadog", "confluence", "model"]) vendor[key].inc({ vendor: v }, 0);
    }
    subscribe(VENDOR_HTTP_CHANNEL, (m) => {
      const e = m as Parameters<OnVendorRequest>[0];
      vendor[e.count].inc({ vendor: e.vendor });
    });
  }

  recordRun(status: string, result: InvestigationResult | undefined, seconds: number) {
    this.runs.inc({ status, verdict: result?.verdict ?? "none" });
    this.runDuration.observe({ status }, seconds);
    if (!result) return;
    for (const [node, ms] of Object.entries(result.timings_ms ?? {})) {
      if (typeof ms === "number" && Number.isFinite(ms) && ms >= 0) this.nodeDuration.observe({ node: node.slice(0, 64) }, ms / 1000);
    }
    if (result.tokens) {
      this.tokens.inc({ direction: "input" }, Math.max(0, result.tokens.input || 0));
      this.tokens.inc({ direction: "output" }, Math.max(0, result.tokens.output || 0));
    }
  }
}
