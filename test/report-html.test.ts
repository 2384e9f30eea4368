// The review UI's HTML view and the Confluence storage XHTML escape the same hostile vendor and model strings the
// same way: both parse as markup whose elements and attributes all come from code, and give the strings back as text.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../domain/events.ts";
import { el, html, text } from "../report/escape.ts";
import { renderHtml } from "../report/html.ts";
import { buildReport } from "../report/model.ts";
import { renderStorage } from "../report/storage.ts";
import { events, input } from "./report-fixture.ts";

const HOSTILE = [
  "<script>alert(1)</script>",
  '"onerror=alert(2) x="',
  "]]><ac:structured-macro ac:name=\"html\">",
  "'><svg onload=alert(3)>",
  "<img src=x onerror=alert(4)>",
  "&lt;b&gt; `tick` &amp;",
];
const hostile = HOSTILE.join(" ");

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", trimValues: false, parseTagValue: false, parseAttributeValue: false, allowBooleanAttributes: true, processEntities: true, htmlEntities: false, cdataPropName: "#cdata" });

/** The HTML view as XML: its void elements closed, so one parser reads both renderings. */
const asXml = (h: string) => h.replace(/<(br|wbr|input|img)\b([^>]*)>/g, "<$1$2/>");

/** Every element name, attribute name and text (attribute values and CDATA included) of a parsed tree. */
function walk(node: unknown, names: Set<string>, texts: string[]): void {
  if (typeof node === "string") texts.push(node);
  else if (Array.isArray(node)) for (const n of node) walk(n, names, texts);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k !== "#text" && k !== "#cdata") names.add(k);
      walk(v, names, texts);
    }
  }
}

function parsed(xml: string): { names: Set<string>; text: string } {
  const valid = XMLValidator.validate(`<root>${xml}</root>`, { allowBooleanAttributes: true });
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  const names = new Set<string>();
  const texts: string[] = [];
  walk(parser.parse(`<root>${xml}</root>`), names, texts);
  return { names, text: texts.join("\n") };
}

function hostileReport() {
  const evs: AuditEvent[] = events().map((e) =>
    e.id === "pivot-bob-1" ? { ...e, actor: { email: `bob${hostile}@example.com` }, action: `rec_add ${hostile}` } : e.id === "cf-login-2" ? { ...e, resource: { type: "account", name: hostile } } : e,
  );
  const base = input({ events: evs });
  return buildReport({
    ...base,
    anomaly: { ...base.anomaly, actor: `mallory ${hostile}`, action: `token_create ${hostile}` },
    assessment: { ...base.assessment, rationale: hostile, disagreement: hostile, indicators: base.assessment.indicators.map((i) => ({ ...i, name: `${i.name} ${hostile}`, detail: hostile })) },
    coalesced: [{ id: "det-7f3a92", actor: hostile, action: hostile, timestamp: "2026-08-20T14:03:00Z" }],
    writer: { summary: `Summary ${hostile}`, nextSteps: [`Step ${hostile}`] },
  });
}

describe("report HTML view and storage XHTML escape alike", () => {
  const report = hostileReport();
  const views = { html: renderHtml(report).xml, storage: renderStorage(report) };

  it.each(Object.entries(views))("%s: only markup from code, hostile strings back as text", (_name, out) => {
    const { names, text: content } = parsed(_name === "html" ? asXml(out) : out);
    // No element or attribute a hostile string could have opened.
    for (const n of names) {
      expect(n).not.toMatch(/^(script|svg|img|iframe)$/i);
      expect(n).not.toMatch(/^@on/i);
    }
    expect([...names].filter((n) => n === "ac:structured-macro")).toHaveLength(_name === "storage" ? 1 : 0);
    expect(JSON.stringify(parser.parse(`<root>${_name === "html" ? asXml(out) : out}</root>`))).not.toContain('"@ac:name":"html"');
    // Every hostile string is there, as text.
    for (const h of HOSTILE) expect(content).toContain(h);
    expect(out).not.toContain("<script");
    expect(out).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  });

  it("renders each hostile string with the same escaping in both", () => {
    for (const s of [report.anomaly.actor, report.rationale, report.summary, report.nextSteps[0]!, report.indicators[0]!.detail, report.coalesced[0]!.actor]) {
      const escaped = text(s);
      expect(escaped).not.toMatch(/[<>"']/);
      expect(views.storage).toContain(escaped);
      // The anomaly's actor is in the UI's page header, not in the HTML view's sections.
      if (s !== report.anomaly.actor) expect(views.html).toContain(escaped);
    }
    expect(views.html).toContain(text(report.timeline.rows.find((r) => r.flags.includes("pivot"))!.actor));
  });

  it("the html tag escapes interpolations and keeps Markup as is", () => {
    const inner = html`<b>${HOSTILE[0]!}</b>`;
    // Attribute values are escaped as el() escapes them: newlines and tabs survive as references.
    expect(html`<a title="${"a\n\tb\"c"}">${"a\nb"}</a>`.xml).toBe(el("a", { title: "a\n\tb\"c" }, "a\nb").xml);
    expect(html`<p title="${HOSTILE[1]!}">${inner}${HOSTILE[4]!}${null}${false}${[1, "<x>"]}</p>`.xml).toBe(
      `<p title="&quot;onerror=alert(2) x=&quot;"><b>&lt;script&gt;alert(1)&lt;/script&gt;</b>&lt;img src=x onerror=alert(4)&gt;1&lt;x&gt;</p>`,
    );
  });
});
