// The chat client over ChatOpenAI against a local OpenAI-compatible route: errors are classified from what the
// endpoint said (not LangChain's troubleshooting link), JSON-schema answers come back as the endpoint wrote them,
// and an aborted call is a timeout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import { createChatClient, ModelCallError } from "../graph/model-client.ts";

let app: FastifyInstance;
let baseURL = "";
let next: { status: number; message: string } | { content: string } | { hang: true } = { content: "{}" };
let requests = 0;

beforeAll(async () => {
  app = Fastify();
  app.post("/v1/chat/completions", async (_req, reply) => {
    requests++;
    if ("hang" in next) return new Promise(() => {});
    if ("status" in next) return reply.code(next.status).send({ error: { message: next.message, type: "invalid_request_error" } });
    return {
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1,
      model: "m",
      choices: [{ index: 0, finish_reason: "length", message: { role: "assistant", content: next.content } }],
      usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
    };
  });
  baseURL = `${await app.listen({ host: "127.0.0.1", port: 0 })}/v1`;
});
afterAll(async () => {
  await app.close();
});

const req = { messages: [{ role: "user" as const, content: "hi" }], output: { name: "answer", schema: { type: "object" } }, mode: "json_schema" as const };
const client = () => createChatClient({ model: "m", apiKey: "x", baseURL });

async function failure(): Promise<ModelCallError> {
  const err = await client()
    .complete(req, new AbortController().signal)
    .then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ModelCallError);
  return err as ModelCallError;
}

describe("chat client over ChatOpenAI", () => {
  it("a truncated, fenced JSON-schema answer comes back as text in one request, with its usage", async () => {
    next = { content: '```json\n{"a":1' };
    const before = requests;
    const out = await client().complete(req, new AbortController().signal);
    expect(out).toEqual({ content: '```json\n{"a":1', toolArgs: [], usage: { input: 7, output: 3 } });
    expect(requests - before).toBe(1);
  });

  it("classifies HTTP errors by status and the endpoint's own message", async () => {
    next = { status: 404, message: "The model `m` does not exist" };
    let e = await failure();
    expect(e.kind).toBe("client");
    expect(e.message).toMatch(/^HTTP 404: .*does not exist — check OPENAI_API_KEY/);
    expect(e.message).not.toMatch(/Troubleshooting/);
    next = { status: 400, message: "response_format json_schema is not supported by this model" };
    expect((await failure()).kind).toBe("unsupported");
    next = { status: 429, message: "slow down" };
    e = await failure();
    expect([e.kind, e.retryable]).toEqual(["rate_limited", true]);
    next = { status: 503, message: "overloaded" };
    expect((await failure()).kind).toBe("server");
  });

  it("an aborted call is a timeout, and not retryable", async () => {
    next = { hang: true };
    const ctl = new AbortController();
    const pending = client().complete(req, ctl.signal);
    setTimeout(() => ctl.abort(), 50);
    const e = (await pending.catch((x: unknown) => x)) as ModelCallError;
    expect([e.kind, e.retryable]).toEqual(["timeout", false]);
    next = { content: "{}" };
  });
});
