// The benchmark's pure parts on small sizes (no timings asserted): data generator, analysis harness, prompt
// measuring, the fake model's schema answers over a real socket, webhook signing and the results table.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Webhook } from "standardwebhooks";
import { ChatOpenAI } from "@langchain/openai";
import { BENCH_ACTOR, generateEvents, vendorPages, benchIncident } from "../bench/generate.ts";
import { countTokens, indicatorEventIds, measurePrompt, parsePages, promptText, timeAnalysis } from "../bench/analysis.ts";
import { sampleFromSchema, startFakeModel } from "../bench/fake-model.ts";
import { BENCH_SECRET, benchAnomaly, signedDelivery } from "../bench/service.ts";
import { checks, formatTable, type BenchResults, TARGETS } from "../bench/run.ts";
import { pgUnreachable } from "../bench/scale.ts";
import { verifyWebhook } from "../server/webhook.ts";
import { Incident } from "../domain/incident.ts";

describe("bench data generator", () => {
  it("splits events evenly between the vendors, plants attack events and is deterministic", () => {
    const g = generateEvents(400);
    expect(g.cloudflare.length + g.datadog.length).toBe(400);
    expect(Math.abs(g.cloudflare.length - g.datadog.length)).toBeLessThanOrEqual(1);
    expect(g.planted.length).toBeGreaterThanOrEqual(6);
    const ids = new Set([...g.cloudflare, ...g.datadog].map((r) => r.id as string));
    expect(ids.size).toBe(400);
    for (const id of g.planted) expect(ids.has(id)).toBe(true);
    expect(JSON.stringify(generateEvents(400))).toBe(JSON.stringify(g));
    expect(Incident.safeParse(benchIncident(g)).success).toBe(true);
  });

  it("pages records in vendor envelopes with a Datadog cursor on all but the last page", () => {
    const g = generateEvents(250);
    const pages = vendorPages(g, 50);
    expect(pages.cloudflare.length).toBe(Math.ceil(g.cloudflare.length / 50));
    const dd = pages.datadog.map((p) => JSON.parse(p) as { meta?: unknown });
    expect(dd.slice(0, -1).every((p) => p.meta)).toBe(true);
    expect(dd.at(-1)!.meta).toBeUndefined();
    const parsed = parsePages(pages);
    expect(parsed.cloudflare.flat().length + parsed.datadog.flat().length).toBe(250);
  });
});

describe("analysis harness", () => {
  it("normalises every generated record and finds the planted attack events", () => {
    const g = generateEvents(300);
    const t = timeAnalysis(vendorPages(g, 100), g.anomaly, new Date(g.now), 1);
    expect(t.last.events.length).toBe(300);
    expect(t.parse_ms).toBeGreaterThan(0);
    expect(t.ms).toBeGreaterThan(0);
    expect(t.last.events.every((e) => e.actor.email === BENCH_ACTOR)).toBe(true);
    const found = new Set(indicatorEventIds(t.last.indicators));
    expect(g.planted.some((id) => found.has(id))).toBe(true);
    expect(t.last.indicators.map((i) => i.id)).toContain("credential.created");
  });

  it("counts prompt tokens and which indicator events the prompt keeps", () => {
    expect(countTokens("hello world")).toEqual({ tokens: 2, estimated: false });
    const long = countTokens("word ".repeat(2000), 1000);
    expect(long.estimated).toBe(true);
    expect(long.tokens).toBeGreaterThan(1000);
    expect(promptText({ system: "S", user: "U", replacements: {} })).toBe("S\nU");
    expect(promptText([{ role: "system", content: "a" }, { role: "user", content: "b" }])).toBe("a\nb");

    const g = generateEvents(200);
    const t = timeAnalysis(vendorPages(g), g.anomaly, new Date(g.now), 1);
    const ids = indicatorEventIds(t.last.indicators);
    expect(ids.length).toBeGreaterThan(1);
    const half = ids.slice(0, 1);
    const m = measurePrompt(() => ({ system: "sys", user: `events: ${half.join(",")}`, kept_event_ids: half }), t.last, g.anomaly);
    expect(m).toMatchObject({ kept: 1, shown: 1, total: ids.length, estimated: false });
    expect(m.tokens).toBeGreaterThan(0);
  });
});

describe("fake model", () => {
  const Out = z.object({
    verdict: z.enum(["likely_malicious", "misconfiguration", "benign", "inconclusive"]),
    confidence: z.number().min(0).max(1),
    rationale: z.string(),
    citations: z.array(z.string()),
    steps: z.array(z.string()).min(2),
    nested: z.object({ n: z.number().int(), maybe: z.string().nullable() }),
  });

  it("builds schema-valid values, preferring the verdict hint", () => {
    const v = sampleFromSchema(z.toJSONSchema(Out), { verdict: "benign" });
    const p = Out.parse(v);
    expect(p.verdict).toBe("benign");
    expect(p.steps).toHaveLength(2);
  });

  it("answers structured-output calls over HTTP and counts them", async () => {
    const fm = await startFakeModel({ latencyMs: 0 });
    try {
      const model = new ChatOpenAI({ model: "gpt-4o-mini", apiKey: "test", maxRetries: 0, configuration: { baseURL: fm.baseURL } });
      const viaSchema = await model.withStructuredOutput(Out, { name: "analysis" }).invoke('data: {"verdict": "misconfiguration"}');
      expect(Out.parse(viaSchema).verdict).toBe("misconfiguration");
      const viaTool = await model.withStructuredOutput(Out, { name: "analysis", method: "functionCalling" }).invoke("x");
      expect(Out.safeParse(viaTool).success).toBe(true);
      expect(fm.calls).toBe(2);
    } finally {
      await fm.close();
    }
  });
});

describe("webhook deliveries", () => {
  it("are signed so the service's verifier accepts them", () => {
    const d = signedDelivery(new Webhook(BENCH_SECRET), "msg_1", benchAnomaly(7, 3, "t"));
    expect(verifyWebhook(d.body, d.headers, [BENCH_SECRET])).toEqual({ ok: true, webhookId: "msg_1" });
    expect(JSON.parse(d.body)).toMatchObject({ id: "t-7", actor: "svc-1@example.com" });
  });
});

describe("results table", () => {
  const base: BenchResults = {
    critical_path_ratio: 1.2,
    analysis: { "1000": { ms: 10, parse_ms: 10, ratio: 1, peak_rss_mb: 100 }, "10000": null, "100000": null },
    prompt_tokens: { "100": 500, "10000": 9000, "100000": null },
    indicator_events_kept: 1,
    webhook: { rps: 600, bare_rps: 1000, ratio: 0.6, p50_ms: 3, p99_ms: 25 },
    storm: { anomalies: 10, investigations: 3, lost: 0 },
    meta: {},
    targets: TARGETS,
  };
  it("marks each value against its target and leaves unmeasured ones open", () => {
    const rows = checks(base);
    const ok = (m: string) => rows.find((r) => r.metric === m)?.ok;
    expect(ok("critical path: e2e / floor")).toBe(false);
    expect(ok("analysis 1000: ms / parse_ms")).toBe(true);
    expect(ok("analysis 10000: ms / parse_ms")).toBeNull();
    expect(ok("prompt tokens, 100 events")).toBe(true);
    expect(ok("prompt tokens, 10000 events")).toBe(false);
    expect(ok("webhook rps / bare rps")).toBe(true);
    expect(ok("webhook p99")).toBe(false);
    expect(ok("storm: lost anomalies")).toBe(true);
    const table = formatTable(rows);
    expect(table.split("\n")[0]).toMatch(/^metric\s+value\s+target\s+ok$/);
    expect(table).toContain("n/a");
  });

  it("marks the PostgreSQL scale-out rows, and leaves them open when the section was skipped", () => {
    const ok = (r: BenchResults, m: string) => checks(r).find((c) => c.metric.startsWith(m))?.ok;
    expect(ok(base, "PostgreSQL: 2 workers / 1 worker")).toBeNull();
    const scaled = { ...base, scale: { one_per_min: 800, two_per_min: 1400, ratio: 1.75, storm_anomalies: 500, storm_lost: 0 } };
    expect(ok(scaled, "PostgreSQL: 2 workers / 1 worker")).toBe(false);
    expect(ok(scaled, "PostgreSQL storm: lost")).toBe(true);
  });
});

describe("scale-out section", () => {
  it("says why it cannot run when no PostgreSQL answers, without the password", async () => {
    const why = await pgUnreachable("postgres://casefile:s3cret@127.0.0.1:1/none");
    expect(why).toMatch(/^no PostgreSQL reachable at postgres:\/\/casefile:\*\*\*@127\.0\.0\.1:1\/none \(.+\); start one or pass casefile bench --pg URL$/);
    expect(why).not.toContain("s3cret");
  });
});
