// A local OpenAI-compatible model for the critical-path benchmark: POST /v1/chat/completions sleeps a fixed
// time, then answers with a value built from the request's own JSON schema (response_format json_schema or the
// forced tool's parameters), so any structured-output node gets a schema-valid answer.
import { setTimeout as sleep } from "node:timers/promises";
import Fastify from "fastify";

type Schema = Record<string, unknown>;

const VERDICT_RE = /"verdict"\s*:\s*"(likely_malicious|misconfiguration|benign|inconclusive)"/;

/** A small value that satisfies `schema` (objects get every property, enums their hint or first value). */
export function sampleFromSchema(schema: unknown, hints: Record<string, unknown> = {}, root: Schema = schema as Schema, key = "", depth = 0): unknown {
  if (!schema || typeof schema !== "object" || depth > 20) return null;
  const s = schema as Schema;
  if (typeof s.$ref === "string") {
    const path = s.$ref.replace(/^#\//, "").split("/");
    let target: unknown = root;
    for (const p of path) target = (target as Schema | undefined)?.[p];
    return sampleFromSchema(target, hints, root, key, depth + 1);
  }
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum)) return key in hints && s.enum.includes(hints[key]) ? hints[key] : s.enum[0];
  for (const k of ["anyOf", "oneOf", "allOf"] as const) {
    if (Array.isArray(s[k])) {
      const options = s[k] as Schema[];
      const pick = options.find((o) => o.type !== "null") ?? options[0];
      return sampleFromSchema(pick, hints, root, key, depth + 1);
    }
  }
  const type = Array.isArray(s.type) ? ((s.type as string[]).find((t) => t !== "null") ?? "null") : s.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((s.properties as Record<string, unknown>) ?? {})) out[k] = sampleFromSchema(v, hints, root, k, depth + 1);
      return out;
    }
    case "array": {
      const n = typeof s.minItems === "number" ? s.minItems : 0;
      return Array.from({ length: n }, () => sampleFromSchema(s.items, hints, root, key, depth + 1));
    }
    case "string": {
      const base = key in hints && typeof hints[key] === "string" ? (hints[key] as string) : "Benchmark answer.";
      const min = typeof s.minLength === "number" ? s.minLength : 0;
      const max = typeof s.maxLength === "number" ? s.maxLength : Infinity;
      return base.padEnd(min, ".").slice(0, max);
    }
    case "number":
    case "integer": {
      const lo = typeof s.minimum === "number" ? s.minimum : undefined;
      const hi = typeof s.maximum === "number" ? s.maximum : undefined;
      if (lo !== undefined && hi !== undefined) return type === "integer" ? Math.ceil((lo + hi) / 2) : (lo + hi) / 2;
      return lo ?? 0;
    }
    case "boolean":
      return false;
    default:
      return null;
  }
}

export interface FakeModel {
  /** http://127.0.0.1:PORT/v1 */
  baseURL: string;
  /** requests answered so far */
  calls: number;
  close(): Promise<void>;
}

export async function startFakeModel(opts: { latencyMs: number }): Promise<FakeModel> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  const state = { calls: 0 };
  app.post("/v1/chat/completions", async (req) => {
    const body = (req.body ?? {}) as {
      model?: string;
      messages?: { role: string; content: unknown }[];
      response_format?: { type?: string; json_schema?: { schema?: unknown } };
      tools?: { function?: { name?: string; parameters?: unknown } }[];
    };
    state.calls++;
    await sleep(opts.latencyMs);
    const text = (body.messages ?? []).map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
    const verdict = VERDICT_RE.exec(text)?.[1];
    const hints = verdict ? { verdict } : {};
    const promptTokens = Math.ceil(text.length / 4);
    const tool = body.tools?.[0]?.function;
    const schema = body.response_format?.json_schema?.schema;
    let message: Record<string, unknown>;
    let finish = "stop";
    if (tool && !schema) {
      const args = JSON.stringify(sampleFromSchema(tool.parameters, hints));
      message = { role: "assistant", content: null, tool_calls: [{ id: `call_${state.calls}`, type: "function", function: { name: tool.name ?? "answer", arguments: args } }] };
      finish = "tool_calls";
    } else {
      const content = schema ? JSON.stringify(sampleFromSchema(schema, hints)) : body.response_format?.type === "json_object" ? "{}" : "pong";
      message = { role: "assistant", content, refusal: null };
    }
    const completion = Math.ceil(JSON.stringify(message).length / 4);
    return {
      id: `chatcmpl-bench-${state.calls}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? "bench",
      choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion },
    };
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === "string") throw new Error("fake model: server did not report a TCP address");
  return {
    baseURL: `http://127.0.0.1:${addr.port}/v1`,
    get calls() {
      return state.calls;
    },
    close: () => app.close(),
  };
}
