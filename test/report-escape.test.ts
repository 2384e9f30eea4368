import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { attr, cdata, el, frag, macro, raw, sanitize, text } from "../report/escape.ts";

// Strings full of the characters that break markup.
const nasty = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("]]>", "<", ">", "&", '"', "'", "\u0000", "\u0007", "\u001b", "\ud800", "\udfff", "\uFFFE", "\uFFFF", "\u0085", "\t", "\n", "a", "é", "😀", '<ac:structured-macro ac:name="html">', "&amp;", "<![CDATA[", "-->", "<!--") }),
);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  cdataPropName: "#cdata",
});

function wellFormed(fragment: string): void {
  const r = XMLValidator.validate(`<root>${fragment}</root>`);
  if (r !== true) throw new Error(`not well-formed: ${JSON.stringify(r.err)} in ${JSON.stringify(fragment).slice(0, 300)}`);
}

// XML parsers normalise CR / CRLF to LF in text; compare modulo that.
const norm = (s: string) => s.replace(/\r\n?/g, "\n");

describe("report/escape", () => {
  it("sanitize keeps only XML 1.0 characters", () => {
    expect(sanitize("a\u0000b\u0008c\td\ne\rf")).toBe("abc\td\ne\rf");
    expect(sanitize("x\ud800y")).toBe("x\uFFFDy");
    expect(sanitize("x\udc00")).toBe("x\uFFFD");
    expect(sanitize("😀")).toBe("😀");
    expect(sanitize("a\uFFFEb\uFFFFc\u0085")).toBe("abc");
  });

  it("text() of any string is well-formed and parses back to the sanitised string", () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const xml = el("p", null, s).xml;
        wellFormed(xml);
        const doc = parser.parse(`<root>${xml}</root>`);
        const got = doc.root.p === "" ? "" : String(doc.root.p ?? "");
        expect(norm(got)).toBe(norm(sanitize(s)));
        expect(xml).not.toContain("<ac:structured-macro");
        expect(text(s)).not.toMatch(/[<>]/);
      }),
      { numRuns: 400 },
    );
  });

  it("attr() of any string is well-formed and parses back", () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const xml = el("a", { href: s, title: s }, "x").xml;
        wellFormed(xml);
        const doc = parser.parse(`<root>${xml}</root>`);
        const got = String(doc.root.a["@href"] ?? "");
        // numeric references for tab/newline/CR keep them through attribute normalisation
        expect(got.replace(/&#(\d+);/g, (_m, n) => String.fromCharCode(Number(n)))).toBe(sanitize(s));
        expect(attr(s)).not.toMatch(/["<>\n\r\t]/);
      }),
      { numRuns: 400 },
    );
  });

  it("cdata() of any string is well-formed and the joined sections give the sanitised string back", () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const xml = macro("code", { language: "json" }, { plain: s }).xml;
        wellFormed(xml);
        const sections = [...cdata(s).matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join("");
        expect(sections).toBe(sanitize(s));
      }),
      { numRuns: 400 },
    );
  });

  it("macros and nested builders with hostile params and bodies stay well-formed", () => {
    fc.assert(
      fc.property(nasty, nasty, nasty, (a, b, c) => {
        const xml = frag(
          macro("warning", { title: a }, { rich: [el("p", null, b), el("ul", null, [el("li", null, c)])] }),
          macro("status", { colour: "Red", title: a }),
          el("table", null, el("tbody", null, el("tr", null, el("td", { "data-highlight-colour": "red" }, c)))),
          el("ac:image", null, el("ri:attachment", { "ri:filename": b })),
        ).xml;
        wellFormed(xml);
        const doc = parser.parse(`<root>${xml}</root>`);
        expect(JSON.stringify(doc)).not.toContain('"ac:structured-macro":{"@ac:name":"html"');
      }),
      { numRuns: 200 },
    );
  });

  it("rejects element and attribute names that are not constants", () => {
    expect(() => el("p onclick", null)).toThrow(/invalid element name/);
    expect(() => el("p", { 'x="1" y': "2" })).toThrow(/invalid attribute name/);
    expect(el("br", null).xml).toBe("<br/>");
    expect(el("td", null).xml).toBe("<td></td>");
    expect(frag("a&b", raw("<br/>"), 3, null, false, ["<x>"]).xml).toBe("a&amp;b<br/>3&lt;x&gt;");
  });
});
