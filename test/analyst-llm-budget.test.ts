// The analyst prompt stays within the model's token budget (counted with o200k_base) at any size, and every
// indicator event id is still present somewhere in it.
import { describe, expect, it } from "vitest";
import { getEncoding } from "js-tiktoken";
import { generateEvents, vendorPages } from "../bench/generate.ts";
import { analyse, parsePages } from "../bench/analysis.ts";
import { buildAnalystPrompt, estimateTokens } from "../graph/nodes/analyst-llm.ts";
import { analystPrompt } from "../prompts/analyst.ts";
import type { Indicator } from "../domain/schemas.ts";

const enc = getEncoding("o200k_base");

describe("analyst prompt budget", () => {
  it("keeps ≤ 8 000 tokens and every indicator event id, with ~100 indicator events", () => {
    const g = generateEvents(20_000);
    const a = analyse(parsePages(vendorPages(g, 1000)), g.anomaly, new Date(g.now));
    // widen the indicators by 2 × 25 distinct events, as a noisy real incident would have
    const extra: Indicator[] = Array.from({ length: 2 }, (_, k) => ({
      id: `synthetic.${k}`, name: "synthetic", kind: "attack", severity: "medium", techniques: [], detail: "many events",
      event_ids: a.correlation.events.slice(k * 25, k * 25 + 25).map((e) => e.id),
    }));
    const indicators = [...a.indicators, ...extra];
    const built = buildAnalystPrompt(
      { correlation: a.correlation, indicators, rules: a.assessment, events: a.events, anomaly: g.anomaly, sources: a.sources } as never,
      analystPrompt,
    );
    const text = `${built.system}\n${built.user}`;
    const ids = [...new Set(indicators.flatMap((i) => i.event_ids))];
    expect(ids.length).toBeGreaterThan(90);
    expect(ids.filter((id) => !text.includes(id))).toEqual([]);
    const tokens = enc.encode(text).length;
    expect(tokens).toBeLessThanOrEqual(8000);
    // the estimate used for the cap does not undercount by more than a few percent
    expect(estimateTokens(built.system) + estimateTokens(built.user)).toBeGreaterThan(tokens * 0.9);
  }, 60_000);
});
