// The gather window, the picture's span, and how pivots, identities and merged twins reach the report.
import { describe, expect, it } from "vitest";
import { afterWindowFrom, gatherWindow } from "../graph/window.ts";
import { buildReport } from "../report/model.ts";
import { chartSpan } from "../report/sections.ts";
import { renderMarkdown } from "../report/markdown.ts";
import { renderStorage } from "../report/storage.ts";
import { renderTimelineSvg } from "../report/svg.ts";
import type { AuditEvent } from "../domain/events.ts";
import { events, input } from "./report-fixture.ts";

const H = 3600e3;

describe("the gather window", () => {
  const flagged = Date.parse("2026-03-01T12:00:00Z");
  it("reads a day before and at most CASEFILE_AFTER_WINDOW after the flagged time, never past the clock", () => {
    // a replay months later reads the day around the anomaly, not up to the moment of the run
    expect(gatherWindow(flagged, flagged + 90 * 24 * H)).toEqual({ since: "2026-02-28T12:00:00.000Z", before: "2026-03-02T12:00:00.000Z" });
    expect(gatherWindow(flagged, flagged + 2 * H).before).toBe("2026-03-01T14:00:00.000Z");
    expect(gatherWindow(flagged, flagged + 90 * 24 * H, afterWindowFrom({ CASEFILE_AFTER_WINDOW: "6h" })).before).toBe("2026-03-01T18:00:00.000Z");
    // a flagged time ahead of the clock stays inside the window
    expect(gatherWindow(flagged, flagged - H).before).toBe("2026-03-01T12:00:00.000Z");
  });
  it("names the variable when the duration is wrong", () => {
    expect(afterWindowFrom({})).toBe(24 * H);
    expect(() => afterWindowFrom({ CASEFILE_AFTER_WINDOW: "soon" })).toThrow(/CASEFILE_AFTER_WINDOW/);
  });
});

describe("the timeline picture's span", () => {
  it("covers the events and the flagged time, padded, inside the window", () => {
    const ev = (t: string) => ({ ts: Date.parse(t) }) as AuditEvent;
    const win = [Date.parse("2026-08-19T00:00:00Z"), Date.parse("2026-08-21T00:00:00Z")] as const;
    const s = chartSpan([ev("2026-08-20T10:00:00Z"), ev("2026-08-20T11:00:00Z")], Date.parse("2026-08-20T10:30:00Z"), ...win);
    expect(s).toEqual({ since: Date.parse("2026-08-20T09:55:00Z"), before: Date.parse("2026-08-20T11:05:00Z") });
    expect(chartSpan([ev("2026-08-18T10:00:00Z")], Date.parse("2026-08-20T23:59:00Z"), ...win)).toEqual({ since: win[0], before: win[1] });
  });
  it("the report's chart uses it: two days of window, a few hours of picture", () => {
    const r = buildReport(input({ window: { since: "2026-08-19T14:02:11Z", before: "2026-08-21T14:02:11Z" } }));
    expect(r.chart.before - r.chart.since).toBeLessThan(8 * H);
    expect(renderTimelineSvg(r)).toContain(new Date(r.chart.since).toISOString().slice(0, 16).replace("T", " "));
  });
});

describe("pivots in the report", () => {
  const pivotEvent: AuditEvent = {
    source: "cloudflare", id: "cf-pivot-use-1", time: "2026-08-20T14:30:00.000Z", ts: Date.parse("2026-08-20T14:30:00.000Z"),
    actor: { email: "mallory@example.net", token_name: "edge-cache-warmup" }, ip: "203.0.113.99", action: "dns_records.update", operation: "update",
    resource: { id: "rec-1", type: "dns_records" }, outcome: "success", pivot: true, pivot_kind: "credential", pivot_key: "tok-1", raw: { id: "cf-pivot-use-1" },
  };
  const twin: AuditEvent = { ...events()[2]!, twin_ids: ["v1-copy-of-setting"] };
  const base = input();
  const r = buildReport({
    ...base,
    events: [...events().filter((e) => e.id !== twin.id), twin, pivotEvent],
    assessment: { ...base.assessment, citations: [...base.assessment.citations, "cf-pivot-use-1", "v1-copy-of-setting"] },
    sources: {
      cloudflare: {
        ...base.sources.cloudflare, pivot_events: 1, merged_twins: 3, identities: ["alice.ops@example.com", "user id 7c5d"],
        pivots: [
          { kind: "credential", key: "tok-1", label: 'API token "edge-cache-warmup" (id tok-1)', queries: 2, found: 1, own: 1 },
          { kind: "resource", key: "9a78", label: "zone (id 9a78)", queries: 1, found: 0, own: 0 },
          { kind: "address", key: "203.0.113.45", label: "address 203.0.113.45", queries: 1, found: 0, own: 0, note: "stopped after 500 records (pivot budget)" },
        ],
      },
      datadog: { ...base.sources.datadog, identities: ["Alice.Ops@example.com", "3f1c9a62"] },
    },
  });

  it("lists every pivot with what was looked for and what was found, also nothing, with citable ids", () => {
    expect(r.pivots.map((p) => [p.kind, p.found, p.eventIds])).toEqual([["credential", 1, ["cf-pivot-use-1"]], ["resource", 0, []], ["address", 0, []]]);
    const md = renderMarkdown(r);
    expect(md).toContain("## Pivots");
    expect(md).toContain("Looked for uses of API token \"edge-cache-warmup\" (id tok-1): found 1 event of other actors (1 more already in the actor's timeline).");
    expect(md).toContain("Looked for other changes to zone (id 9a78): found nothing from other actors.");
    expect(md).toContain("stopped after 500 records (pivot budget)");
    expect(md).toContain("**Identities read:** Cloudflare: alice.ops@example.com, user id 7c5d · Datadog: Alice.Ops@example.com, 3f1c9a62");
    const page = renderStorage(r);
    expect(page).toContain("<h2>Pivots</h2>");
    expect(page).toContain("found nothing from other actors");
  });

  it("counts merged twins in the data notes and finds the event under either id", () => {
    expect(r.metadata).toContainEqual(["Data note (Cloudflare)", "3 change(s) recorded by both audit log v1 and v2 shown once; both ids are kept and either can be cited"]);
    expect(r.evidence.find((e) => e.id === "v1-copy-of-setting")?.json).toBeDefined();
    expect(r.evidence.find((e) => e.id === "cf-pivot-use-1")?.json).toBeDefined();
  });

  it("says so when no pivot was made", () => {
    const none = buildReport(input());
    expect(none.pivots).toEqual([]);
    expect(renderMarkdown(none)).toContain("No pivots were made");
  });
});
