// One model request as the nodes make it: under the run's time budget, through the shared circuit breaker,
// retried once on a rate limit / server error / dropped connection (never on a timeout), falling back to a
// forced function call when the endpoint has no JSON-schema output, and parsed here, outside any retry:
// fenced JSON and tool-call answers are accepted, then validated with zod.
import { z } from "zod";
import { ModelCallError, sharedBreakers, type Breakers, type ChatClient, type ChatMessage, type OutputMode } from "../model-client.ts";

export interface CallDeps {
  client: ChatClient;
  breakers?: Breakers;
  /** aborts when the run's model time budget is spent */
  signal: AbortSignal;
  /** waits between transport retries (injected by tests) */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface CallResult<T> {
  value?: T;
  /** why there is no value */
  error?: string;
  /** the failure was the transport (no answer), not the answer's content: no point asking again */
  fatal?: boolean;
  requests: number;
  tokens: { input: number; output: number };
  mode: OutputMode;
}

/** Endpoints known (in this process) to lack JSON-schema output. */
const toolsOnly = new WeakMap<ChatClient, true>();

const TRANSPORT_TRIES = 2;

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

/** The JSON text inside an answer: bare, fenced in ``` / ```json, or the outermost {…} of a chatty answer. */
export function extractJson(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (t.startsWith("{") || t.startsWith("[")) return t;
  const fenced = /```(?:json|JSON)?[ \t]*\r?\n?([\s\S]*?)```/.exec(t);
  if (fenced?.[1]?.trim()) return fenced[1].trim();
  const a = t.indexOf("{");
  const b = t.lastIndexOf("}");
  return a >= 0 && b > a ? t.slice(a, b + 1) : undefined;
}

/** Parse an answer against the schema: tool-call arguments first, then the message text. */
export function parseAnswer<T>(answer: { content: string; toolArgs: string[] }, schema: z.ZodType<T>): { value: T } | { error: string } {
  const texts = [...answer.toolArgs, answer.content];
  let lastError = "the model's answer was empty";
  for (const text of texts) {
    const json = extractJson(text);
    if (json === undefined) {
      if (text.trim()) lastError = "the model's answer was not valid JSON";
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (err) {
      lastError = `the model's answer was not valid JSON (${(err as Error).message.slice(0, 120)})`;
      continue;
    }
    const ok = schema.safeParse(data);
    if (ok.success) return { value: ok.data };
    const issue = ok.error.issues[0];
    lastError = `the model's answer did not match the schema: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`;
  }
  return { error: lastError };
}

/** One question to the model; transport retries and the function-calling fallback happen inside. */
export async function askModel<T>(deps: CallDeps, schema: z.ZodType<T>, name: string, messages: ChatMessage[]): Promise<CallResult<T>> {
  const breakers = deps.breakers ?? sharedBreakers;
  const sleep = deps.sleep ?? defaultSleep;
  const jsonSchema = z.toJSONSchema(schema, { target: "draft-7" }) as Record<string, unknown>;
  const key = `${deps.client.host}\u0000${deps.client.model}`;
  const tokens = { input: 0, output: 0 };
  let requests = 0;
  let mode: OutputMode = toolsOnly.has(deps.client) ? "tools" : "json_schema";
  let transportTries = 0;
  for (;;) {
    if (deps.signal.aborted) return { error: "the model time budget of this investigation is spent", fatal: true, requests, tokens, mode };
    transportTries++;
    try {
      requests++;
      const answer = await breakers.run(key, () => deps.client.complete({ messages, output: { name, schema: jsonSchema }, mode }, deps.signal));
      tokens.input += answer.usage.input;
      tokens.output += answer.usage.output;
      const parsed = parseAnswer(answer, schema);
      return "value" in parsed ? { value: parsed.value, requests, tokens, mode } : { error: parsed.error, requests, tokens, mode };
    } catch (err) {
      const e = err instanceof ModelCallError ? err : new ModelCallError("network", String((err as Error)?.message ?? err));
      if (e.kind === "circuit_open") requests--; // nothing was sent
      if (e.kind === "unsupported" && mode === "json_schema") {
        toolsOnly.set(deps.client, true);
        mode = "tools";
        transportTries--;
        continue;
      }
      if (e.retryable && transportTries < TRANSPORT_TRIES && !deps.signal.aborted) {
        await sleep(250 * transportTries, deps.signal);
        continue;
      }
      return { error: `the model call failed: ${e.message}`, fatal: true, requests, tokens, mode };
    }
  }
}
