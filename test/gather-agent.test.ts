// The gatherer agent through the whole graph: a scripted model behind a local OpenAI-compatible route asks the
// read-only vendor tools (against the sandbox doubles) for further queries. Its budget holds however much it asks
// for, its calls and their results are in the run record and the report, its events are labelled agent pivots,
// and a broken model leaves the deterministic evidence and verdict exactly as they are without it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { loadIncident, type Incident } from "../domain/incident.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { createInvestigator } from "../graph/investigator.ts";
import { createBreakers } from "../graph/model-client.ts";
import { loadGatherAgentConfig } from "../graph/config.ts";

const DEMO = new URL("../sandbox/incidents/demo.json", import.meta.url).pathname;
const OTHER = "bob.dns@example.com"; // a Cloudflare actor of the incident no deterministic pivot reaches

interface Body {
  messages: { role: string; content: unknown; tool_calls?: unknown[] }[];
  tools?: { function: { name: string } }[];
}
type Script = (body: Body, n: number) => { tool_calls?: { name: string; args: Record<string, unknown> }[]; content?: string; status?: number };

async function startModel(script: Script): Promise<{ app: FastifyInstance; baseURL: string; bodies: Body[] }> {
  const app = Fastify({ bodyLimit: 16 * 1024 * 1024 });
  const bodies: Body[] = [];
  app.post("/v1/chat/completions", async (req, reply) => {
    const body = req.body as Body;
    bodies.push(body);
    const a = script(body, bodies.length);
    if (a.status) return reply.code(a.status).send({ error: { message: "scripted failure", type: "server_error" } });
    const tool_calls = a.tool_calls?.map((c, i) => ({ id: `call_${bodies.length}_${i}`, type: "function", function: { name: c.name, arguments: JSON.stringify(c.args) } }));
    return {
      id: `chatcmpl-${bodies.length}`,
      object: "chat.completion",
      created: 0,
      model: "gather-model",
      choices: [{ index: 0, message: { role: "assistant", content: a.content ?? null, ...(tool_calls ? { tool_calls } : {}) }, finish_reason: tool_calls ? "tool_calls" : "stop" }],
      usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
    };
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, baseURL: `http://127.0.0.1:${(app.server.address() as { port: number }).port}/v1`, bodies };
}

describe("gatherer agent", () => {
  let incident: Incident;
  let sandbox: Sandbox;
  const dirs: string[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  const window = { since: "", before: "" };

  beforeAll(async () => {
    incident = await loadIncident(DEMO);
    sandbox = await startSandbox({ incident });
    const t = Date.parse(incident.anomaly.timestamp);
    window.since = new Date(t - 24 * 3600_000).toISOString();
    window.before = new Date(incident.now).toISOString();
  });
  afterAll(async () => {
    for (const c of closers) await c();
    await sandbox.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  async function run(script: Script | undefined, extraEnv: Record<string, string> = {}) {
    const model = script ? await startModel(script) : undefined;
    if (model) closers.push(() => model.app.close());
    const dataDir = await mkdtemp(path.join(tmpdir(), "casefile-agent-"));
    dirs.push(dataDir);
    const env: Record<string, string> = { ...sandbox.env, CASEFILE_ANALYST_MODEL: "rules", CASEFILE_WRITER_MODEL: "template", ...extraEnv };
    if (model) Object.assign(env, { OPENAI_API_KEY: "sk-test-not-a-secret", OPENAI_BASE_URL: model.baseURL, CASEFILE_GATHER_MODEL: "gather-model" });
    const before = sandbox.requests.length;
    const investigator = await createInvestigator({ env, dataDir, clock: () => Date.parse(incident.now), breakers: createBreakers() });
    const outcome = await investigator.run({ investigationId: `agent-${dirs.length}`, anomaly: { ...incident.anomaly, id: `det-agent-${dirs.length}` } });
    await investigator.close();
    return { outcome, bodies: model?.bodies ?? [], vendorRequests: sandbox.requests.length - before };
  }

  const ask = (args: Record<string, unknown>) => ({ name: "cloudflare_audit_logs", args: { since: window.since, before: window.before, ...args } });

  it("a model asking for 1 000 queries gets the call budget, then stops; each call is in the run record and the report", async () => {
    const { vendorRequests: baseRequests } = await run(undefined);
    const { outcome, bodies, vendorRequests } = await run(() => ({ tool_calls: Array.from({ length: 1000 }, (_, i) => ask({ ip: `198.18.${Math.floor(i / 250)}.${i % 250}` })) }), { CASEFILE_GATHER_MAX_CALLS: "3" });
    expect(outcome.status).toBe("completed");
    const agent = outcome.result!.gather_agent!;
    expect(agent.calls).toHaveLength(3);
    expect(agent.refused).toBe(997);
    expect(agent.model_requests).toBe(1); // the budget was spent: the model is not asked again
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.tools!.map((t) => t.function.name).sort()).toEqual(["cloudflare_audit_logs", "datadog_audit_events"]);
    expect(agent.stopped).toMatch(/query budget \(3 calls, CASEFILE_GATHER_MAX_CALLS\)/);
    expect(agent.failed).toBe(false);
    // the vendors saw exactly the pages of the three calls made, nothing for the refused ones
    expect(vendorRequests - baseRequests).toBe(agent.calls.reduce((n, c) => n + c.queries, 0));
    expect(agent.calls.every((c) => c.queries >= 1)).toBe(true);
    const agentPivots = outcome.result!.sources.cloudflare.pivots!.filter((p) => p.kind === "agent");
    expect(agentPivots.map((p) => p.label)).toEqual(agent.calls.map((c) => c.query));
    expect(agentPivots[0]!.label).toContain("ip 198.18.0.0");
    expect(outcome.result!.report_markdown).toContain("The gatherer agent asked for cloudflare\\_audit\\_logs: ip 198.18.0.2");
    expect(outcome.result!.report_markdown).toMatch(/Model outcome \(gatherer\).*3 of 3 queries, 0 of 200 events added, 997 queries refused · stopped: the query budget/);
    expect(outcome.result!.nodes?.gatherer).toMatchObject({ engine: "model", model: "gather-model", attempts: 1, rejections: ["997 tool call(s) past the query budget were refused"] });
  }, 120_000);

  it("one query per turn, forever: the loop stops at the budget, with one model request per call", async () => {
    const { outcome, bodies } = await run((_b, n) => ({ tool_calls: [ask({ ip: `198.18.9.${n}` })] }), { CASEFILE_GATHER_MAX_CALLS: "4" });
    const agent = outcome.result!.gather_agent!;
    expect(agent.calls.map((c) => c.n)).toEqual([1, 2, 3, 4]);
    expect(bodies).toHaveLength(4);
    expect(agent.refused).toBe(0);
    // every earlier tool call was answered before the model was asked again
    const last = bodies.at(-1)!.messages;
    expect(last.filter((m) => m.role === "tool")).toHaveLength(3);
  }, 120_000);

  it("a query the pivots did not make adds another actor's events, labelled agent pivots, counted against the event budget", async () => {
    const { outcome: base } = await run(undefined);
    const { outcome, bodies } = await run((body) => {
      // the model saw a pseudonymised digest: no email or address of the incident
      const digest = String(body.messages[1]!.content);
      expect(digest).not.toContain("alice.ops@example.com");
      expect(digest).not.toContain("203.0.113.45");
      return body.messages.some((m) => m.role === "tool") ? { content: "Nothing more to ask." } : { tool_calls: [ask({ actor: OTHER })] };
    }, { CASEFILE_GATHER_MAX_EVENTS: "2" });
    const agent = outcome.result!.gather_agent!;
    expect(agent.stopped).toMatch(/event budget \(2 events/);
    expect(agent.calls).toHaveLength(1);
    expect(agent.calls[0]).toMatchObject({ found: 2, source: "cloudflare" });
    expect(agent.calls[0]!.note).toMatch(/kept 2 of \d+ new events \(event budget/);
    expect(bodies).toHaveLength(1); // the event budget was spent: no second turn
    const pivot = outcome.result!.sources.cloudflare.pivots!.find((p) => p.kind === "agent")!;
    expect(pivot).toMatchObject({ found: 2 });
    expect(outcome.result!.sources.cloudflare.pivot_events).toBe(base.result!.sources.cloudflare.pivot_events + 2);
    const report = outcome.result!.report as { pivots: { kind: string; eventIds: string[] }[] };
    const ids = report.pivots.find((p) => p.kind === "agent")!.eventIds;
    expect(ids).toHaveLength(2);
    expect(outcome.result!.report_markdown).toContain(ids[0]!);
    // the deterministic verdict is unchanged by two more events of a routine DNS editor
    expect(outcome.result!.verdict).toBe(base.result!.verdict);
  }, 120_000);

  it("a broken model changes nothing: same verdict, confidence, citations and sources as without the agent", async () => {
    const { outcome: base } = await run(undefined);
    for (const broken of [() => ({ status: 500 }), () => ({ content: "not a tool call { at all" }), () => ({ tool_calls: [{ name: "no_such_tool", args: { x: 1 } }, ask({ since: "garbage" })] })] as Script[]) {
      const { outcome } = await run(broken);
      expect(outcome.status).toBe("completed");
      const r = outcome.result!;
      expect(r.verdict).toBe(base.result!.verdict);
      expect(r.confidence).toBe(base.result!.confidence);
      expect(r.assessment.citations).toEqual(base.result!.assessment.citations);
      expect(r.sources.cloudflare.events).toBe(base.result!.sources.cloudflare.events);
      expect(r.sources.cloudflare.pivot_events).toBe(base.result!.sources.cloudflare.pivot_events);
      expect(r.sources.datadog.pivot_events).toBe(base.result!.sources.datadog.pivot_events);
      expect(r.gather_agent!.events_added).toBe(0);
    }
    const { outcome: failed } = await run(() => ({ status: 500 }));
    expect(failed.result!.gather_agent).toMatchObject({ failed: true, calls: [] });
    expect(failed.result!.nodes?.gatherer).toMatchObject({ engine: "pivots" });
    expect(failed.result!.errors.join(" ")).toMatch(/gatherer agent: the model call failed: HTTP 500.*deterministic evidence stands/);
  }, 240_000);

  it("settings: off unless CASEFILE_GATHER_MODEL is set; budgets parsed and errors say what to fix", () => {
    expect(loadGatherAgentConfig({ OPENAI_API_KEY: "k", CASEFILE_MODEL: "m" })).toBeUndefined();
    expect(loadGatherAgentConfig({ OPENAI_API_KEY: "k", CASEFILE_GATHER_MODEL: "m", CASEFILE_GATHER_MAX_CALLS: "2", CASEFILE_GATHER_SECONDS: "5" })).toMatchObject({
      model: "m",
      budget: { calls: 2, events: 200, ms: 5000 },
    });
    expect(() => loadGatherAgentConfig({ CASEFILE_GATHER_MODEL: "m" })).toThrow(/needs OPENAI_API_KEY/);
    expect(() => loadGatherAgentConfig({ OPENAI_API_KEY: "k", CASEFILE_GATHER_MODEL: "m", CASEFILE_GATHER_MAX_EVENTS: "lots" })).toThrow(/CASEFILE_GATHER_MAX_EVENTS="lots" is not a positive whole number/);
  });
});
