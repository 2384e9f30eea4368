// The model-backed path through the whole graph: analyst and writer reach a local OpenAI-compatible route
// through @langchain/openai, configured only by environment variables, against the vendor doubles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { loadIncident, type Incident } from "../domain/incident.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { createInvestigator } from "../graph/investigator.ts";

const DEMO = new URL("../sandbox/incidents/demo.json", import.meta.url).pathname;

interface Seen {
  schema: string;
  model: string;
  auth: string;
  text: string;
}

async function startModel(answer: (schema: string, text: string) => unknown): Promise<{ app: FastifyInstance; baseURL: string; seen: Seen[] }> {
  const app = Fastify({ bodyLimit: 16 * 1024 * 1024 });
  const seen: Seen[] = [];
  app.post("/v1/chat/completions", async (req) => {
    const body = req.body as { model: string; messages: { content: string }[]; response_format?: { json_schema?: { name?: string } }; tools?: { function: { name: string } }[] };
    const schema = body.response_format?.json_schema?.name ?? body.tools?.[0]?.function.name ?? "";
    const text = body.messages.map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
    seen.push({ schema, model: body.model, auth: String(req.headers.authorization ?? ""), text });
    const content = JSON.stringify(answer(schema, text));
    return {
      id: `chatcmpl-${seen.length}`,
      object: "chat.completion",
      created: 0,
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: Math.ceil(text.length / 4), completion_tokens: 50, total_tokens: Math.ceil(text.length / 4) + 50 },
    };
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const port = (app.server.address() as { port: number }).port;
  return { app, baseURL: `http://127.0.0.1:${port}/v1`, seen };
}

describe("model-backed analyst and writer through the graph", () => {
  let incident: Incident;
  let sandbox: Sandbox;
  const dirs: string[] = [];
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    incident = await loadIncident(DEMO);
    sandbox = await startSandbox({ incident });
  });
  afterAll(async () => {
    for (const c of closers) await c();
    await sandbox.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  async function run(answer: (schema: string, text: string) => unknown, extraEnv: Record<string, string> = {}) {
    const model = await startModel(answer);
    closers.push(() => model.app.close());
    const dataDir = await mkdtemp(path.join(tmpdir(), "casefile-llm-"));
    dirs.push(dataDir);
    const investigator = await createInvestigator({
      env: { ...sandbox.env, OPENAI_API_KEY: "sk-test-not-a-secret", OPENAI_BASE_URL: model.baseURL, CASEFILE_MODEL: "test-model", ...extraEnv },
      dataDir,
      clock: () => Date.parse(incident.now),
    });
    const outcome = await investigator.run({ investigationId: `llm-${dirs.length}`, anomaly: { ...incident.anomaly, id: `det-llm-${dirs.length}` } });
    await investigator.close();
    return { outcome, seen: model.seen };
  }

  const flaggedId = () => (incident.label!.key_event_ids ?? [])[0]!;

  it("uses the configured model for analyst and writer, records tokens and models, keeps tables from state", async () => {
    const { outcome, seen } = await run((schema) =>
      schema === "analysis"
        ? { verdict: "likely_malicious", confidence: 0.91, rationale: "Chain from a new address to credentials and log tampering.", citations: [flaggedId()], techniques: ["T1098.001"] }
        : { verdict: "likely_malicious", summary: "A session from a new address created credentials and disabled logging. The chain fits account takeover. Contain the account.", next_steps: ["Revoke the new Cloudflare token", "Re-enable the Audit Trail"] },
    );
    expect(outcome.status).toBe("completed");
    const r = outcome.result!;
    expect(seen.map((s) => s.schema).sort()).toEqual(["analysis", "report"]);
    expect(seen.every((s) => s.model === "test-model" && s.auth === "Bearer sk-test-not-a-secret")).toBe(true);
    expect(r.verdict).toBe("likely_malicious");
    expect(r.assessment.engine).toBe("model");
    expect(r.models).toEqual({ analyst: "test-model", writer: "test-model" });
    expect(r.tokens.input).toBeGreaterThan(0);
    expect(r.report_markdown).toContain("Chain from a new address");
    expect(r.nodes?.analyst).toMatchObject({ engine: "model", model: "test-model", attempts: 1, fallback: null });
    expect(r.nodes?.writer.model).toBe("test-model");
    expect(r.report_markdown).toContain("Model outcome (analyst)");
    // Emails and IPs were pseudonymised before reaching the model; the API key never did.
    const analystPrompt = seen.find((s) => s.schema === "analysis")!.text;
    expect(analystPrompt).not.toContain("alice.ops@example.com");
    expect(analystPrompt).not.toContain("203.0.113.45");
    expect(analystPrompt).not.toContain("sk-test-not-a-secret");
  });

  it("rejects hallucinated citations and keeps the rules verdict", async () => {
    const { outcome, seen } = await run((schema) =>
      schema === "analysis"
        ? { verdict: "benign", confidence: 0.9, rationale: "Routine.", citations: ["made-up-id-1"], techniques: [] }
        : { verdict: "likely_malicious", summary: "Summary.", next_steps: [] },
    );
    expect(outcome.status).toBe("completed");
    expect(outcome.result!.verdict).toBe("likely_malicious");
    expect(outcome.result!.assessment.citations).not.toContain("made-up-id-1");
    expect(seen.filter((s) => s.schema === "analysis").length).toBeGreaterThan(1); // retried
    expect(outcome.result!.errors.join(" ")).toMatch(/absent from the gathered data/);
  });

  it("keeps each node deterministic when its model is switched off", async () => {
    const { outcome, seen } = await run(() => ({}), { CASEFILE_ANALYST_MODEL: "rules", CASEFILE_WRITER_MODEL: "template" });
    expect(seen).toHaveLength(0);
    expect(outcome.result!.models).toEqual({ analyst: "rules", writer: "template" });
    expect(outcome.result!.assessment.engine).toBe("rules");
  });

  it("a dead endpoint is visible: the fallback is in errors and in nodes, and the run completes", async () => {
    const { outcome } = await run(() => ({}), { OPENAI_BASE_URL: "http://127.0.0.1:1/v1" });
    const r = outcome.result!;
    expect(outcome.status).toBe("completed");
    expect(r.assessment.engine).toBe("rules");
    expect(r.nodes?.analyst).toMatchObject({ engine: "rules", model: "test-model", host: "127.0.0.1:1" });
    expect(r.nodes?.analyst.fallback).toMatch(/model call failed/);
    expect(r.nodes?.writer.engine).toBe("template");
    expect(r.errors.join(" ")).toMatch(/analyst model not used/);
  });

  it("CASEFILE_REQUIRE_APPROVAL=model-override pauses a run whose model disagrees, and only that one", async () => {
    const disagree = await run((schema) =>
      schema === "analysis" ? { verdict: "benign", confidence: 0.99, rationale: "Routine.", citations: [], techniques: [] } : { verdict: "likely_malicious", summary: "s", next_steps: [] },
      { CASEFILE_REQUIRE_APPROVAL: "model-override" },
    );
    expect(disagree.outcome.status).toBe("awaiting_approval");
    expect(disagree.outcome.result!.verdict).toBe("likely_malicious");
    const agree = await run((schema) =>
      schema === "analysis" ? { verdict: "likely_malicious", confidence: 0.9, rationale: "Chain.", citations: [flaggedId()], techniques: [] } : { verdict: "likely_malicious", summary: "s", next_steps: [] },
      { CASEFILE_REQUIRE_APPROVAL: "model-override" },
    );
    expect(agree.outcome.status).toBe("completed");
  });
});
