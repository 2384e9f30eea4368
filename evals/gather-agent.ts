// Scripted gatherer-agent models for the eval (`casefile eval --gather-agent scripted|flood|broken`): a local
// OpenAI-compatible endpoint on 127.0.0.1 answering the gatherer agent's turns (graph/nodes/gather-agent.ts) with
// tool calls chosen by a fixed policy, so the agent's effect on the verdicts is measured offline and repeatably.
//
//   scripted  what an analyst would ask next: the other identities the pivots found (what else did they do?) and
//             the resources the actor touched nearest the flagged time that no pivot followed, within the budget
//   flood     1 000 queries per turn, every turn (the budget must hold)
//   broken    HTTP 500 on every request (the deterministic evidence must stand)
import Fastify from "fastify";

export const GATHER_BEHAVIOURS = ["scripted", "flood", "broken"] as const;
export type GatherBehaviour = (typeof GATHER_BEHAVIOURS)[number];

export interface ScriptedGatherer {
  baseURL: string;
  requests: number;
  close(): Promise<void>;
}

interface DigestEvent {
  source?: string;
  time?: string;
  actor?: string;
  ip?: string;
  resource?: { id?: string };
  pivot?: unknown;
}
interface Digest {
  anomaly?: { actor?: string; timestamp?: string };
  window?: { since: string; before: string };
  budget?: { calls?: number };
  queries_made?: string[];
  events?: DigestEvent[];
}

const TOOL = { cloudflare: "cloudflare_audit_logs", datadog: "datadog_audit_events" } as const;

function dataBlock(text: string): Digest {
  const a = text.indexOf("<data>\n");
  const b = text.lastIndexOf("</data>");
  if (a < 0 || b < a) return {};
  try {
    return JSON.parse(text.slice(a + 7, b)) as Digest;
  } catch {
    return {};
  }
}

type Call = { name: string; args: Record<string, unknown> };

/** The follow-up queries an analyst would make next, most telling first. */
export function followUps(d: Digest, tools: string[]): Call[] {
  if (!d.window) return [];
  const win = { since: d.window.since, before: d.window.before };
  const made = (d.queries_made ?? []).join("\n");
  const calls: Call[] = [];
  const seen = new Set<string>();
  const add = (source: string | undefined, args: Record<string, unknown>) => {
    const name = TOOL[source as keyof typeof TOOL];
    const key = `${name}|${JSON.stringify(args)}`;
    if (!name || !tools.includes(name) || seen.has(key)) return;
    seen.add(key);
    calls.push({ name, args: { ...args, ...win } });
  };
  const events = d.events ?? [];
  // other identities the pivots found: what else did they do in the window?
  for (const e of events) if (e.pivot && e.actor && e.actor !== d.anomaly?.actor) add(e.source, { actor: e.actor });
  // resources the actor touched, nearest the flagged time first, that no pivot followed
  const focus = Date.parse(d.anomaly?.timestamp ?? "");
  const own = events.filter((e) => !e.pivot && e.resource?.id && !made.includes(e.resource.id));
  own.sort((a, b) => Math.abs(Date.parse(a.time ?? "") - focus) - Math.abs(Date.parse(b.time ?? "") - focus));
  for (const e of own) add(e.source, { resource_id: e.resource!.id });
  return calls.slice(0, Math.max(0, d.budget?.calls ?? 6));
}

export async function startScriptedGatherer(behaviour: GatherBehaviour): Promise<ScriptedGatherer> {
  const app = Fastify({ bodyLimit: 16 * 1024 * 1024, forceCloseConnections: true });
  const state = { requests: 0 };
  app.post("/v1/chat/completions", async (req, reply) => {
    state.requests++;
    if (behaviour === "broken") return reply.code(500).send({ error: { message: "scripted failure", type: "server_error" } });
    const body = req.body as { model: string; messages: { role: string; content: unknown }[]; tools?: { function: { name: string } }[] };
    const tools = (body.tools ?? []).map((t) => t.function.name);
    const user = body.messages.map((m) => (typeof m.content === "string" ? m.content : "")).find((c) => c.includes("<data>\n")) ?? "";
    const digest = dataBlock(user);
    const answered = body.messages.some((m) => m.role === "tool");
    let calls: Call[] = [];
    if (behaviour === "flood") {
      const win = digest.window ?? { since: "", before: "" };
      calls = Array.from({ length: 1000 }, (_, i) => ({ name: tools[i % tools.length] ?? "cloudflare_audit_logs", args: { ip: `198.18.${Math.floor(i / 250)}.${i % 250}`, ...win } }));
    } else if (!answered) calls = followUps(digest, tools);
    const tool_calls = calls.map((c, i) => ({ id: `call_${state.requests}_${i}`, type: "function", function: { name: c.name, arguments: JSON.stringify(c.args) } }));
    return {
      id: `chatcmpl-gather-${state.requests}`,
      object: "chat.completion",
      created: 0,
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: tool_calls.length ? null : "Nothing more to ask.", ...(tool_calls.length ? { tool_calls } : {}) }, finish_reason: tool_calls.length ? "tool_calls" : "stop" }],
      usage: { prompt_tokens: Math.ceil(user.length / 4), completion_tokens: 20 * (tool_calls.length || 1), total_tokens: Math.ceil(user.length / 4) + 20 * (tool_calls.length || 1) },
    };
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const port = (app.server.address() as { port: number }).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    close: () => app.close(),
  };
}
