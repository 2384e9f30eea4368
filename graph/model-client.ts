// The chat client of the model-backed nodes: one OpenAI-compatible chat-completions request, nothing more.
// It never retries and never parses: the node decides what to retry (not timeouts), parses the answer itself
// (fenced JSON, tool calls) and spends one time budget per investigation, passed in as an AbortSignal.
// A circuit breaker shared by every run in the process stops calling an endpoint that keeps failing.
import OpenAI from "openai";
import { ConsecutiveBreaker, BrokenCircuitError, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from "cockatiel";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** How the answer's shape is asked for: JSON-schema output, or one forced function call (older endpoints). */
export type OutputMode = "json_schema" | "tools";

export interface ChatRequest {
  messages: ChatMessage[];
  /** name and JSON schema of the expected answer */
  output: { name: string; schema: Record<string, unknown> };
  mode: OutputMode;
}

export interface ChatAnswer {
  /** the message text (may be fenced JSON, or empty when the model answered with a tool call) */
  content: string;
  /** arguments of the tool calls, as the endpoint sent them (JSON text) */
  toolArgs: string[];
  usage: { input: number; output: number };
}

export type ModelErrorKind = "timeout" | "rate_limited" | "server" | "network" | "unsupported" | "client" | "circuit_open";

/** A failed call, classified so the node knows whether to retry, fall back to function calling, or stop. */
export class ModelCallError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ModelCallError";
  }
  /** Worth one more try within the budget: rate limits, server errors, dropped connections. Never timeouts. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "server" || this.kind === "network";
  }
}

export interface ChatClient {
  readonly model: string;
  /** host of the endpoint (no path, no credentials), for the run record */
  readonly host: string;
  complete(req: ChatRequest, signal: AbortSignal): Promise<ChatAnswer>;
}

export interface ChatClientConfig {
  model: string;
  apiKey: string;
  baseURL?: string;
}

export function endpointHost(baseURL: string | undefined): string {
  if (!baseURL) return "api.openai.com";
  try {
    return new URL(baseURL).host;
  } catch {
    return "(invalid base URL)";
  }
}

const UNSUPPORTED_RE = /response_format|json_schema|structured output|not supported|unsupported|unknown (?:field|parameter)|unrecognized/i;

function classify(err: unknown, signal: AbortSignal): ModelCallError {
  if (err instanceof ModelCallError) return err;
  if (signal.aborted || err instanceof OpenAI.APIUserAbortError || err instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelCallError("timeout", "the model did not answer within the investigation's model time budget (CASEFILE_MODEL_BUDGET_MS)");
  }
  if (err instanceof OpenAI.APIConnectionError) return new ModelCallError("network", `cannot reach the model endpoint: ${err.message}`);
  if (err instanceof OpenAI.APIError) {
    const status = err.status ?? 0;
    const msg = `HTTP ${status}: ${String(err.message).replace(/\s+/g, " ").slice(0, 200)}`;
    if (status === 429) return new ModelCallError("rate_limited", msg, status);
    if (status >= 500) return new ModelCallError("server", msg, status);
    if ((status === 400 || status === 422 || status === 404) && UNSUPPORTED_RE.test(err.message)) return new ModelCallError("unsupported", msg, status);
    return new ModelCallError("client", `${msg} — check OPENAI_API_KEY, the model name and the base URL`, status);
  }
  return new ModelCallError("network", String((err as Error)?.message ?? err).slice(0, 200));
}

/** An OpenAI-compatible client. No SDK retries: the node's policy applies. */
export function createChatClient(cfg: ChatClientConfig): ChatClient {
  const client = new OpenAI({ apiKey: cfg.apiKey, maxRetries: 0, timeout: 10 * 60_000, ...(cfg.baseURL ? { baseURL: cfg.baseURL } : {}) });
  return {
    model: cfg.model,
    host: endpointHost(cfg.baseURL),
    async complete(req, signal) {
      const base = { model: cfg.model, temperature: 0, messages: req.messages };
      try {
        const res =
          req.mode === "json_schema"
            ? await client.chat.completions.create(
                { ...base, response_format: { type: "json_schema", json_schema: { name: req.output.name, schema: req.output.schema, strict: false } } },
                { signal },
              )
            : await client.chat.completions.create(
                {
                  ...base,
                  tools: [{ type: "function", function: { name: req.output.name, description: `Answer with the ${req.output.name}`, parameters: req.output.schema } }],
                  tool_choice: { type: "function", function: { name: req.output.name } },
                },
                { signal },
              );
        const msg = res.choices?.[0]?.message;
        const toolArgs = (msg?.tool_calls ?? []).flatMap((t) => (t.type === "function" && typeof t.function?.arguments === "string" ? [t.function.arguments] : []));
        return {
          content: typeof msg?.content === "string" ? msg.content : "",
          toolArgs,
          usage: { input: res.usage?.prompt_tokens ?? 0, output: res.usage?.completion_tokens ?? 0 },
        };
      } catch (err) {
        throw classify(err, signal);
      }
    },
  };
}

// ---- circuit breaker, shared by runs in one process ---------------------------------------------------------

export interface BreakerOptions {
  /** consecutive failures that open the circuit */
  failures: number;
  /** how long it stays open before one trial call is let through */
  halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failures: 3, halfOpenAfterMs: 30_000 };

/** One breaker per endpoint + model. Timeouts, rate limits, server and network errors count as failures. */
export function createBreakers(opts: BreakerOptions = DEFAULT_BREAKER) {
  const policies = new Map<string, CircuitBreakerPolicy>();
  const counts = handleWhen((e) => e instanceof ModelCallError && e.kind !== "client" && e.kind !== "unsupported");
  return {
    async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      let p = policies.get(key);
      if (!p) {
        p = circuitBreaker(counts, { halfOpenAfter: opts.halfOpenAfterMs, breaker: new ConsecutiveBreaker(opts.failures) });
        policies.set(key, p);
      }
      try {
        return await p.execute(fn);
      } catch (err) {
        if (err instanceof BrokenCircuitError) {
          throw new ModelCallError(
            "circuit_open",
            `the model endpoint failed ${opts.failures} times in a row; calls are paused for ${Math.round(opts.halfOpenAfterMs / 1000)} s (circuit open)`,
          );
        }
        throw err;
      }
    },
  };
}
export type Breakers = ReturnType<typeof createBreakers>;

/** The process-wide breakers: every investigation in this process shares them. */
export const sharedBreakers: Breakers = createBreakers();
