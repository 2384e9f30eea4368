// The chat client of the model-backed nodes: one OpenAI-compatible chat-completions request through
// @langchain/openai's ChatOpenAI, nothing more. It never retries (maxRetries 0) and never parses: the node decides
// what to retry (not timeouts), parses the answer itself (fenced JSON, tool calls) and spends one time budget per
// investigation, passed in as an AbortSignal on every call. JSON-schema output is bound per call as
// `response_format`; endpoints without it get one forced function call (`bindTools` + `tool_choice`); token usage
// comes from the answer's `usage_metadata`. A circuit breaker shared by every run in the process stops calling an
// endpoint that keeps failing.
//
// One deviation from a stock ChatOpenAI: with a JSON-schema `response_format`, ChatOpenAI sends the request
// through the SDK's `chat.completions.parse`, which JSON.parses the answer inside the call, so a fenced or
// chatty answer would surface as a transport error (and a truncated one as LengthFinishReasonError).
// `TextCompletions` sends that request with `chat.completions.create` instead: the text comes back as the
// endpoint wrote it and model-call.ts parses it, once, outside any retry.
import { ChatOpenAI, ChatOpenAICompletions, wrapOpenAIClientError, type OpenAIClient } from "@langchain/openai";
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
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

/** The endpoint's own words: LangChain appends a troubleshooting link to some errors; it is not the endpoint's. */
function endpointMessage(err: { message?: unknown }): string {
  return String(err.message ?? "").split(/\n\s*Troubleshooting URL:/)[0]!.replace(/\s+/g, " ").trim();
}

/**
 * Classifies what ChatOpenAI threw. LangChain re-throws the SDK's HTTP errors as they are (`status` set), and its
 * own AbortError / TimeoutError for a cancelled or timed-out request; anything else never reached an answer.
 */
export function classify(err: unknown, signal: AbortSignal): ModelCallError {
  if (err instanceof ModelCallError) return err;
  const e = (err ?? {}) as { name?: unknown; status?: unknown; message?: unknown };
  if (signal.aborted || e.name === "AbortError" || e.name === "TimeoutError" || e.name === "APIUserAbortError" || e.name === "APIConnectionTimeoutError") {
    return new ModelCallError("timeout", "the model did not answer within the investigation's model time budget (CASEFILE_MODEL_BUDGET_MS)");
  }
  const text = endpointMessage(e);
  if (typeof e.status === "number" && e.status > 0) {
    const status = e.status;
    const msg = `HTTP ${status}: ${text.slice(0, 200)}`;
    if (status === 429) return new ModelCallError("rate_limited", msg, status);
    if (status >= 500) return new ModelCallError("server", msg, status);
    if ((status === 400 || status === 422 || status === 404) && UNSUPPORTED_RE.test(text)) return new ModelCallError("unsupported", msg, status);
    return new ModelCallError("client", `${msg} — check OPENAI_API_KEY, the model name and the base URL`, status);
  }
  if (e.name === "APIConnectionError") return new ModelCallError("network", `cannot reach the model endpoint: ${text.slice(0, 200)}`);
  return new ModelCallError("network", (text || String(err)).slice(0, 200));
}

function toMessage(m: ChatMessage): BaseMessage {
  if (m.role === "system") return new SystemMessage(m.content);
  if (m.role === "assistant") return new AIMessage(m.content);
  return new HumanMessage(m.content);
}

/** The arguments of each function call as the endpoint sent them (JSON text), also when they do not parse. */
function rawToolArgs(msg: AIMessage): string[] {
  const raw = (msg.additional_kwargs?.tool_calls ?? []) as { type?: string; function?: { arguments?: unknown } }[];
  if (raw.length) return raw.flatMap((t) => (t.type === "function" && typeof t.function?.arguments === "string" ? [t.function.arguments] : []));
  return [...(msg.tool_calls ?? []).map((t) => JSON.stringify(t.args)), ...(msg.invalid_tool_calls ?? []).flatMap((t) => (typeof t.args === "string" ? [t.args] : []))];
}

/** The message text: a string, or the text parts of a content array. */
export function messageText(msg: BaseMessage): string {
  const c = msg.content;
  if (typeof c === "string") return c;
  return c.map((part) => (typeof part === "string" ? part : part.type === "text" && typeof part.text === "string" ? part.text : "")).join("");
}

/** Chat completions whose JSON-schema answers come back as text (see the header). */
class TextCompletions extends ChatOpenAICompletions {
  // The base method is overloaded (streaming or not); `any` matches both, and only the non-streaming shape is sent here.
  override async completionWithRetry(request: any, requestOptions?: OpenAIClient.RequestOptions): Promise<any> {
    if (request.stream || request.response_format?.type !== "json_schema") return super.completionWithRetry(request, requestOptions);
    const { maxRetries: _none, ...sdkOptions } = requestOptions ?? {};
    const clientOptions = this._getClientOptions(sdkOptions);
    try {
      return await this.client.chat.completions.create(request as OpenAIClient.Chat.ChatCompletionCreateParamsNonStreaming, clientOptions);
    } catch (e) {
      throw wrapOpenAIClientError(e);
    }
  }
}

/** The ChatOpenAI of one node: no retries of its own, one request per call, a 10-minute ceiling under the budget. */
export function createChatOpenAI(cfg: ChatClientConfig): ChatOpenAI {
  const fields = {
    model: cfg.model,
    apiKey: cfg.apiKey,
    temperature: 0,
    maxRetries: 0,
    timeout: 10 * 60_000,
    streaming: false,
    ...(cfg.baseURL ? { configuration: { baseURL: cfg.baseURL } } : {}),
  };
  return new ChatOpenAI({ ...fields, completions: new TextCompletions(fields) });
}

/** An OpenAI-compatible client through ChatOpenAI. No retries: the node's policy applies. */
export function createChatClient(cfg: ChatClientConfig): ChatClient {
  const chat = createChatOpenAI(cfg);
  /** one forced-function-call binding per answer name */
  const forced = new Map<string, Runnable<BaseLanguageModelInput, AIMessage>>();
  const forcedCall = (name: string, schema: Record<string, unknown>) => {
    let bound = forced.get(name);
    if (!bound) {
      bound = chat.bindTools([{ type: "function", function: { name, description: `Answer with the ${name}`, parameters: schema } }], {
        tool_choice: { type: "function", function: { name } },
      }) as Runnable<BaseLanguageModelInput, AIMessage>;
      forced.set(name, bound);
    }
    return bound;
  };
  return {
    model: cfg.model,
    host: endpointHost(cfg.baseURL),
    async complete(req, signal) {
      const messages = req.messages.map(toMessage);
      try {
        const msg =
          req.mode === "json_schema"
            ? await chat.invoke(messages, { signal, response_format: { type: "json_schema", json_schema: { name: req.output.name, schema: req.output.schema, strict: false } } })
            : await forcedCall(req.output.name, req.output.schema).invoke(messages, { signal });
        return {
          content: messageText(msg),
          toolArgs: rawToolArgs(msg),
          usage: { input: msg.usage_metadata?.input_tokens ?? 0, output: msg.usage_metadata?.output_tokens ?? 0 },
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
