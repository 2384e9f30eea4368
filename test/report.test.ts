import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildReport, buildTitle, claimsOtherVerdict } from "../report/model.ts";
import { MAX_ROUTINE_ROWS } from "../report/sections.ts";
import { SECTION_TITLES } from "../report/labels.ts";
import { renderStorage } from "../report/storage.ts";
import { renderMarkdown, mdCode, mdText } from "../report/markdown.ts";
import { renderTimelinePng, renderTimelineSvg } from "../report/svg.ts";
import { redactValue } from "../report/redact.ts";
import type { AuditEvent } from "../domain/events.ts";
import { INJECT, SECRET_HEX, events, input } from "./report-fixture.ts";

function valid(fragment: string): void {
  const r = XMLValidator.validate(`<root>${fragment}</root>`);
  if (r !== true) throw new Error(`storage not well-formed: ${JSON.stringify(r.err)}`);
}

/** All text nodes of a parsed storage fragment, concatenated. */
function textContent(fragment: string): string {
  const doc = new XMLParser({ ignoreAttributes: true, trimValues: false, parseTagValue: false, processEntities: true, htmlEntities: false, preserveOrder: true }).parse(`<root>${fragment}</root>`);
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") for (const [k, v] of Object.entries(n)) k === "#text" ? out.push(String(v)) : walk(v);
  };
  walk(doc);
  return out.join("");
}

const opts = { pictureAttachment: "timeline.svg", pngAttachment: "timeline.png" };

describe("report storage page", () => {
  const report = buildReport(input());
  const page = renderStorage(report, opts);

  it("is well-formed and has every section, the lozenge, the picture and technique links", () => {
    valid(page);
    for (const h of Object.values(SECTION_TITLES)) expect(page).toContain(`<h2>${h}</h2>`);
    expect(page).toContain('<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">Likely malicious 87%</ac:parameter>');
    expect(page).toContain('<ac:image ac:alt="Timeline of alice.ops@example.com (UTC)" ac:width="1000"><ri:attachment ri:filename="timeline.svg"/></ac:image>');
    expect(page).toContain('<ri:attachment ri:filename="timeline.png"/>');
    expect(page).toContain('<a href="https://attack.mitre.org/techniques/T1098/001/">T1098.001 Account Manipulation: Additional Cloud Credentials</a>');
    expect(page).toContain('<a href="https://attack.mitre.org/techniques/T1562/008/">');
    expect(page).toContain("<code>not-a-technique</code>"); // malformed ids are not linked
    expect(page).toContain('<ac:structured-macro ac:name="warning">');
    expect(page).toContain('<ac:structured-macro ac:name="note"><ac:parameter ac:name="title">Incomplete data</ac:parameter>');
    expect(page).toMatch(/<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">Raw cited events \(6, secrets redacted\)<\/ac:parameter>/);
    expect(page).toContain('<ac:parameter ac:name="language">json</ac:parameter>');
    // the flagged row is highlighted and marked; the indicator rows too
    expect(page).toMatch(/<tr><td data-highlight-colour="#ffebe6">2026-08-20 14:02:11<\/td>.*?FLAGGED/);
    expect(page).toMatch(/<tr><td data-highlight-colour="#fffae6">2026-08-20 14:06:31<\/td>/);
    expect(page).toContain("Datadog returned HTTP 429 after 3 attempts on page 3");
    expect(page).toContain("<code>det-7f3a92</code>"); // coalesced
    expect(page).toContain("<td>analyst@1.0.0</td>");
  });

  it("renders attacker strings as escaped text, never as markup", () => {
    // outside CDATA (the raw records in code macros are plain text there), no vendor string is markup
    const outsideCdata = page.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
    expect(outsideCdata).not.toContain("<script>");
    expect(outsideCdata).not.toContain('<ac:structured-macro ac:name="html">');
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&lt;ac:structured-macro ac:name=&quot;html&quot;&gt;");
    const text = textContent(page);
    expect(text).toContain(`Revoke Cloudflare API token "ci-deploy ${INJECT}"`);
    // the raw record in CDATA carries the string as JSON text with <, > and & as \u escapes: nothing markup-like at all
    expect(page).not.toContain("<script>");
    expect(page).toContain("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e]]\\u003e");
  });

  it("redacts secrets in the evidence appendix and keeps ids and names", () => {
    for (const secret of [SECRET_HEX, "hunter2hunter2", "abcdefghijklmnop1234", "session=xyz123456", "0123456789abcdef0123456789abcdef", "Zk9sQ2xTbVd1aE5qUmtLcE1uQnZYeVowMTIzNDU2Nzg5"]) {
      expect(page).not.toContain(secret);
      expect(renderMarkdown(report)).not.toContain(secret);
    }
    expect(page).toContain('"info": "key digest: [REDACTED]"');
    expect(page).toContain('"password": "[REDACTED]"');
    expect(page).toContain('"token_tag": "b7261c49a793a82678d12285f0bc1401"');
    expect(page).toContain('"id": "AQAAAZjX2b8sapikey"');
    expect(page).toContain('"name": "ci-exfil-tmp"');
  });

  it("trims the appendix on request and says so", () => {
    const trimmed = renderStorage(report, { ...opts, trimAppendix: true });
    valid(trimmed);
    expect(trimmed).not.toContain('ac:name="code"');
    expect(trimmed).toContain("Appendix trimmed");
    expect(trimmed).toContain("was trimmed because the page exceeded Confluence");
    expect(trimmed).toContain("<code>3c1f8e2a-6d4b-4f0e-9a57-2b8d1e6c4f90</code>");
    expect(trimmed.length).toBeLessThan(page.length);
  });

  it("stays well-formed whatever vendor and detector strings contain", () => {
    const str = fc.string({ unit: fc.constantFrom("]]>", "<", "&", '"', "'", "\u0000", "\ud800", "\uFFFF", "a", "|", "`", "#", "\n", '<ac:structured-macro ac:name="html">') });
    fc.assert(
      fc.property(str, str, str, str, (a, b, c, d) => {
        const evs = events().map((e, i) => (i % 3 === 0 ? { ...e, action: a, resource: { name: b, scope: c }, ip: d, raw: { note: a + b } } : e));
        const r = buildReport(input({ events: evs, anomaly: { id: "det-1", actor: a || "x", action: b || "y", timestamp: "2026-08-20T14:02:11Z", detector: c }, writer: { summary: d, nextSteps: [a, b] } }));
        valid(renderStorage(r, opts));
        valid(renderStorage(r, { trimAppendix: true }));
        expect(XMLValidator.validate(renderTimelineSvg(r))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("report model", () => {
  it("builds a bounded, unique title that never cuts the anomaly id", () => {
    const r = buildReport(input());
    expect(r.title).toBe("[casefile] likely_malicious · alice.ops@example.com · token_create · 2026-08-20 UTC · det-7f3a91");
    const long = buildTitle("benign", { id: "det-abc", actor: "a".repeat(320), action: "b".repeat(200), timestamp: "2026-08-20T14:02:11Z" });
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long.endsWith(" · 2026-08-20 UTC · det-abc")).toBe(true);
    const longId = buildTitle("benign", { id: "x".repeat(200), actor: "a", action: "b", timestamp: "2026-08-20T14:02:11Z" });
    const longId2 = buildTitle("benign", { id: "x".repeat(199) + "y", actor: "a", action: "b", timestamp: "2026-08-20T14:02:11Z" });
    expect(longId).not.toBe(longId2);
    expect(longId.length).toBeLessThanOrEqual(255);
  });

  it("writes a deterministic 3–5 sentence summary naming verdict, evidence and gaps", () => {
    const r = buildReport(input());
    expect(r.summaryAuthor).toBe("template");
    const sentences = r.summary.split(/(?<=[.])\s+(?=[A-Z])/);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expect(r.summary).toContain("flagged token_create by alice.ops@example.com at 2026-08-20 14:02:11 UTC");
    expect(r.summary).toContain("likely malicious with confidence 0.87");
    expect(r.summary).toContain("Data gaps: Datadog partial");
  });

  it("derives verdict- and vendor-specific next steps", () => {
    const r = buildReport(input());
    expect(r.nextSteps).toContain(`Revoke Cloudflare API token "ci-deploy ${INJECT}" and review where it was used`);
    expect(r.nextSteps).toContain('Rotate Datadog API key "ci-exfil-tmp"');
    expect(r.nextSteps).toContain("Revert security_level on zone shop.example.com from essentially_off to high");
    expect(r.nextSteps).toContain("Restore the Audit Trail settings");
    const benign = buildReport(input({ assessment: { ...input().assessment, verdict: "benign", indicators: [], citations: [] } }));
    expect(benign.nextSteps[0]).toBe("Close as benign — routine token_create work by alice.ops@example.com");
    const inconclusive = buildReport(input({ assessment: { ...input().assessment, verdict: "inconclusive" } }));
    expect(inconclusive.nextSteps[0]).toMatch(/^Re-run the investigation once Datadog data is available/);
    expect(renderStorage(benign)).toContain('<ac:parameter ac:name="colour">Green</ac:parameter>');
    expect(renderStorage(inconclusive)).toContain('<ac:parameter ac:name="colour">Grey</ac:parameter>');
    const mis = buildReport(input({ assessment: { ...input().assessment, verdict: "misconfiguration" } }));
    expect(renderStorage(mis)).toContain('<ac:parameter ac:name="colour">Yellow</ac:parameter>');
  });

  it("flags rows: flagged, indicator, pivot, new IP", () => {
    const r = buildReport(input());
    const flags = Object.fromEntries(r.timeline.rows.map((x) => [x.id, x.flags]));
    expect(flags["3c1f8e2a-6d4b-4f0e-9a57-2b8d1e6c4f90"]).toEqual(["flagged", "indicator", "cited"]);
    expect(flags["pivot-bob-1"]).toEqual(["pivot"]);
    expect(flags["cf-login-2"]).toEqual(["new-ip"]);
    expect(flags["cf-login-1"]).toEqual([]);
  });

  it("bounds long timelines and counts what it omits", () => {
    const base = Date.parse("2026-08-20T00:00:00Z");
    const routine: AuditEvent[] = Array.from({ length: 5000 }, (_, i) => ({
      source: i % 2 ? "datadog" : "cloudflare",
      id: `r-${i}`,
      time: new Date(base + i * 10_000).toISOString(),
      ts: base + i * 10_000,
      actor: { email: "alice.ops@example.com" },
      action: i % 5 ? "Request/dashboard/accessed" : "login",
      operation: "view",
      resource: {},
      outcome: "success",
      raw: {},
    }));
    const r = buildReport(input({ events: [...events(), ...routine] }));
    const important = r.timeline.rows.filter((x) => x.flags.length).length;
    expect(r.timeline.rows.length).toBe(important + MAX_ROUTINE_ROWS);
    expect(r.timeline.rows.some((x) => x.flags.includes("flagged"))).toBe(true);
    expect(r.timeline.omitted).toBe(5000 + 31 - MAX_ROUTINE_ROWS); // + 30 dashboard views + 1 plain login
    expect(r.timeline.omittedByAction[0]![0]).toBe("Request/dashboard/accessed");
    const page = renderStorage(r, opts);
    valid(page);
    expect(page).toMatch(/\d+ routine events omitted \(counts by action: Request\/dashboard\/accessed ×\d+, login ×\d+\)/);
    expect(renderMarkdown(r)).toContain("routine events omitted (counts by action:");
  });

  it("accepts writer wording only when it keeps the verdict", () => {
    const ok = buildReport(input({ writer: { summary: "Alice's account created a token from a new address <b>x</b>.", nextSteps: ["Revoke the token."] } }));
    expect(ok.summaryAuthor).toBe("model");
    expect(ok.nextSteps).toEqual(["Revoke the token."]);
    expect(renderStorage(ok)).toContain("&lt;b&gt;x&lt;/b&gt;");
    const bad = buildReport(input({ writer: { summary: "This is benign routine work.", nextSteps: ["Close as benign."] } }));
    expect(bad.summaryAuthor).toBe("template");
    expect(bad.nextStepsAuthor).toBe("template");
    expect(bad.metadata.some(([k]) => k === "Writer check")).toBe(true);
    expect(claimsOtherVerdict("likely malicious activity", "likely_malicious")).toBe(false);
    expect(claimsOtherVerdict("a misconfigured zone", "benign")).toBe(true);
  });

  it("redacts secret-named keys and secret-looking values", () => {
    const out = redactValue({ id: "AQAAAZjX3xq1oR2mNQAAAABBWmpYM3hxMUFBQkZxOVJfS3pTX0FRQUE", token_name: "ci", api_key: { name: "k", value: "abc123" }, client_secret: 42, note: `sha ${SECRET_HEX}`, headers: { Authorization: "Bearer x" }, url: "s3://b?secret-access-key=wJalrXUtnFEMI" }) as Record<string, unknown>;
    expect(out).toEqual({ id: "AQAAAZjX3xq1oR2mNQAAAABBWmpYM3hxMUFBQkZxOVJfS3pTX0FRQUE", token_name: "ci", api_key: { name: "k", value: "[REDACTED]" }, client_secret: "[REDACTED]", note: "sha [REDACTED]", headers: { Authorization: "[REDACTED]" }, url: "s3://b?secret-access-key=[REDACTED]" });
  });
});

describe("degraded run", () => {
  it("renders an inconclusive report with no events and failed sources", () => {
    const failed = (msg: string) => ({ status: "failed" as const, events: 0, pivot_events: 0, pages: 0, warnings: [], rejected: 0, error: msg });
    const r = buildReport(
      input({
        events: [],
        flaggedEventIds: [],
        coalesced: [],
        assessment: { verdict: "inconclusive", confidence: 0, rationale: "", citations: ["gone-1"], techniques: [], indicators: [], engine: "rules", scores: {} },
        sources: { cloudflare: failed("Cloudflare returned HTTP 403: token lacks Account Audit Logs:Read (CLOUDFLARE_API_TOKEN)"), datadog: failed("Datadog returned HTTP 503 three times") },
      }),
    );
    const page = renderStorage(r, opts);
    valid(page);
    expect(page).toContain('<ac:parameter ac:name="colour">Grey</ac:parameter>');
    expect(page).toContain("No events were gathered for this actor in the window.");
    expect(page).toContain("Cloudflare (failed): </strong>no data could be fetched — Cloudflare returned HTTP 403");
    expect(page).toContain("<code>gone-1</code>: not among the gathered events.");
    expect(page).not.toContain("<h2>Coalesced anomalies</h2>");
    expect(r.summary).toContain("Data gaps: Cloudflare failed, Datadog failed");
    expect(r.nextSteps[0]).toBe("Re-run the investigation once Cloudflare and Datadog data is available (see Data gaps)");
    const svg = renderTimelineSvg(r);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("NaN");
    expect(renderMarkdown(r)).toContain("**Cloudflare (failed):**");
  });
});

describe("report markdown", () => {
  it("has the same sections and keeps vendor text as text", () => {
    const md = renderMarkdown(buildReport(input()), { pictureFile: "timeline.svg" });
    for (const h of Object.values(SECTION_TITLES)) expect(md).toContain(`## ${h}`);
    expect(md).toContain("![Timeline](timeline.svg)");
    const outsideFences = md.replace(/^(`{3,})json\n[\s\S]*?\n\1$/gm, "");
    expect(outsideFences).not.toContain("<script>");
    expect(outsideFences).toContain("\\<script\\>alert(1)\\</script\\>\\]\\]\\>\\<ac:structured-macro");
    expect(md).toContain("monitor \\[prod\\] checkout error rate \\| \\`x\\` \\# y");
    expect(md).toContain("[T1098.001 Account Manipulation: Additional Cloud Credentials](https://attack.mitre.org/techniques/T1098/001/)");
    // each timeline row has exactly the 8 cells (9 unescaped pipes)
    for (const line of md.split("\n").filter((l) => l.startsWith("| 2026-"))) expect(line.replace(/\\\|/g, "").split("|").length).toBe(10);
    expect(mdText("# title")).toBe("\\# title");
    expect(mdText("1. x")).toBe("1\\. x");
    expect(mdText("see https://evil.example")).toBe("see https\\://evil.example");
    expect(mdCode("a`b")).toBe("``a`b``");
  });
});

describe("timeline picture", () => {
  it("is a self-contained SVG with lanes, the flagged marker and indicator diamonds", () => {
    const r = buildReport(input({ anomaly: { ...input().anomaly, actor: `alice ${INJECT}` } }));
    const svg = renderTimelineSvg(r);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<g id="flagged">');
    expect(svg).toContain("flagged: token_create 14:02");
    expect(svg.match(/class="indicator"/g)?.length).toBe(r.chart.marks.length);
    expect(r.chart.marks.length).toBe(5);
    expect(svg).toContain('data-lane="pivot"');
    expect(svg).not.toMatch(/<script|href=|@import|url\(/);
    expect(svg).toContain("&lt;script&gt;");
    const png = renderTimelinePng(svg);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.length).toBeGreaterThan(5000);
  });

  it("stays small for 100 000 events", () => {
    const base = Date.parse("2026-08-19T15:00:00Z");
    const many: AuditEvent[] = Array.from({ length: 100_000 }, (_, i) => ({
      source: i % 3 ? "datadog" : "cloudflare",
      id: `m-${i}`,
      time: "",
      ts: base + Math.floor((i * 86_400_000) / 100_000),
      actor: { email: "alice.ops@example.com" },
      action: "Request/dashboard/accessed",
      operation: "view",
      resource: {},
      outcome: "success",
      pivot: i % 97 === 0,
      raw: {},
    }));
    const r = buildReport(input({ events: [...events(), ...many] }));
    const svg = renderTimelineSvg(r);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.length).toBeLessThan(150_000);
    expect(renderTimelinePng(svg).length).toBeGreaterThan(5000);
    expect(r.timeline.rows.length).toBeLessThan(2000);
  });
});
