import { describe, expect, it } from "vitest";
import { FastJsonSerde } from "../graph/serde.ts";

describe("checkpoint serializer", () => {
  const serde = new FastJsonSerde();
  it("round-trips plain JSON state on the fast path", async () => {
    const state = { events: [{ id: "a", raw: { nested: [1, "x", null, { deep: true }] } }], n: 3, s: "</script>\u2028" };
    const [type, bytes] = await serde.dumpsTyped(state);
    expect(type).toBe("casefile-json");
    expect(await serde.loadsTyped(type, bytes)).toEqual(state);
  });
  it("hands anything that is not plain JSON to LangGraph's own serializer", async () => {
    for (const value of [new Map([["k", 1]]), { when: new Set([1]) }, undefined]) {
      const [type, bytes] = await serde.dumpsTyped(value);
      expect(type).not.toBe("casefile-json");
      expect(await serde.loadsTyped(type, bytes)).toEqual(value);
    }
  });
});
