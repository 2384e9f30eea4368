// A scripted OpenAI-compatible endpoint on 127.0.0.1 for the red-team eval: POST /b/<behaviour>/v1/chat/completions
// answers as the named behaviour (behaviours.ts) would. Requests are counted per behaviour.
import Fastify from "fastify";
import { BEHAVIOURS, type Scripted } from "./behaviours.ts";

export interface ScriptedModel {
  baseURL(behaviour: string): string;
  requests: Record<string, number>;
  close(): Promise<void>;
}

function dataBlock(text: string): Record<string, unknown> {
  const a = text.indexOf("<data>\n");
  const b = text.lastIndexOf("</data>");
  if (a < 0 || b < a) return {};
  try {
    return JSON.parse(text.slice(a + 7, b)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function startScriptedModel(): Promise<ScriptedModel> {
  const app = Fastify({ bodyLimit: 16 * 1024 * 1024, forceCloseConnections: true });
  const requests: Record<string, number> = {};
  const byName = new Map(BEHAVIOURS.map((b) => [b.name, b]));
  app.post<{ Params: { behaviour: string } }>("/b/:behaviour/v1/chat/completions", async (req, reply) => {
    const behaviour = byName.get(req.params.behaviour);
    if (!behaviour) return reply.code(404).send({ error: { message: `no behaviour ${req.params.behaviour}` } });
    requests[behaviour.name] = (requests[behaviour.name] ?? 0) + 1;
    const body = req.body as { model: string; messages: { content: unknown }[]; response_format?: { json_schema?: { name?: string } }; tools?: { function: { name: string } }[] };
    const schema = body.response_format?.json_schema?.name ?? body.tools?.[0]?.function.name ?? "";
    // the data block of the first user message (the system prompt also names the <data> tags)
    const user = body.messages.map((m) => (typeof m.content === "string" ? m.content : "")).find((c) => c.includes("<data>\n")) ?? "";
    const s: Scripted = behaviour.answer({ schema, data: dataBlock(user) });
    if (s.kind === "hang") return new Promise(() => {});
    if (s.kind === "status") return reply.code(s.status).send({ error: { message: `scripted ${s.status}`, type: "server_error" } });
    const message =
      s.kind === "tool"
        ? { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: schema, arguments: JSON.stringify(s.args) } }] }
        : { role: "assistant", content: s.kind === "text" ? s.text : JSON.stringify(s.body) };
    return {
      id: "chatcmpl-redteam",
      object: "chat.completion",
      created: 0,
      model: body.model,
      choices: [{ index: 0, message, finish_reason: "stop" }],
      usage: { prompt_tokens: Math.ceil(user.length / 4), completion_tokens: 60, total_tokens: Math.ceil(user.length / 4) + 60 },
    };
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const port = (app.server.address() as { port: number }).port;
  return { baseURL: (b) => `http://127.0.0.1:${port}/b/${b}/v1`, requests, close: () => app.close() };
}
