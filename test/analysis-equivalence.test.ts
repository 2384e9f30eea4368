// The one-pass correlation and indicator matching produce exactly the outputs pinned in
// test/fixtures/analysis-golden.json (made by test/analysis-golden.ts from the committed datasets).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { digest, goldenCases } from "./analysis-golden.ts";

const golden = JSON.parse(readFileSync(new URL("./fixtures/analysis-golden.json", import.meta.url), "utf8")) as Record<string, { correlation: string; indicators: string }>;

describe("correlate + findIndicators keep their outputs on the committed datasets", async () => {
  const cases = await goldenCases();
  it("covers every pinned case", () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(golden).sort());
  });
  it.each(cases)("$name", ({ name, incident }) => {
    expect(digest(incident)).toEqual(golden[name]);
  });
});
