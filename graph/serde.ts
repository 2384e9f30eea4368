// Checkpoint serialisation. The investigation state is plain JSON (vendor records, strings, numbers), often
// megabytes of it; LangGraph's default serializer revives every nested value through an async recursive walk,
// which costs about a second per checkpoint for a few thousand events. Plain JSON values take a fast path;
// anything else (class instances, Maps, undefined at the top) goes through the default serializer unchanged.
import { JsonPlusSerializer, type SerializerProtocol } from "@langchain/langgraph-checkpoint";

const FAST = "casefile-json";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

class NotPlain extends Error {}

function plainReplacer(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol") throw new NotPlain();
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value) || proto === Object.prototype || proto === null) return value;
  throw new NotPlain();
}

export class FastJsonSerde implements SerializerProtocol {
  private readonly fallback = new JsonPlusSerializer();

  async dumpsTyped(data: unknown): Promise<[string, Uint8Array]> {
    if (data !== undefined) {
      try {
        const text = JSON.stringify(data, plainReplacer);
        if (text !== undefined) return [FAST, encoder.encode(text)];
      } catch (err) {
        if (!(err instanceof NotPlain)) throw err;
      }
    }
    return this.fallback.dumpsTyped(data);
  }

  async loadsTyped(type: string, data: Uint8Array | string): Promise<unknown> {
    if (type === FAST) return JSON.parse(typeof data === "string" ? data : decoder.decode(data));
    return this.fallback.loadsTyped(type, data);
  }
}
