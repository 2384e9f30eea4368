// The one-pass correlation and indicator matching produce exactly the outputs pinned in
// test/fixtures/analysis-golden.json (made by test/analysis-golden.ts from the committed datasets), and so does
// matching a reloaded correlation from scratch.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findIndicators } from "../analysis/indicators.ts";
import { correlationOf, digest, goldenCases, sha } from "./analysis-golden.ts";

const golden = JSON.parse(readFileSync(new URL("./fixtures/analysis-golden.json", import.meta.url), "utf8")) as Record<string, { correlation: string; indicators: string }>;

describe("correlate + findIndicators keep their outputs on the committed datasets", async () => {
  const cases = await goldenCases();
  it("covers every pinned case", () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(golden).sort());
  });
  it.each(cases)("$name", ({ name, incident }) => {
    expect(digest(incident)).toEqual(golden[name]);
  });
  // a correlation read back from a checkpoint carries no hits from the pass that built it: they are matched again
  it.each(cases.filter((_, i) => i % 4 === 0))("$name, reloaded", ({ name, incident }) => {
    expect(sha(findIndicators(structuredClone(correlationOf(incident))))).toEqual(golden[name]!.indicators);
  });
});
