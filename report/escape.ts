// The one escaping layer for every markup casefile writes: Confluence storage format (XHTML fragments), the SVG
// picture and the review UI's HTML. Every string that reaches markup goes through `text`, `attr` or `cdata`; the
// builders below (`el`, `macro`, the `html` template tag) escape plain-string children by default, so markup only
// comes from them and from `raw`.

/**
 * Makes a string safe to carry in XML 1.0: lone surrogates become U+FFFD, control characters other than
 * tab / newline / carriage return (C0, DEL, C1) and the non-characters U+FFFE / U+FFFF are removed.
 */
export function sanitize(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else {
        out += "\uFFFD";
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += "\uFFFD";
      continue;
    }
    if (c === 0x09 || c === 0x0a || c === 0x0d) {
      out += s[i]!;
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) continue;
    out += s[i]!;
  }
  return out;
}

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes XML text content. */
export function text(s: string): string {
  return sanitize(s).replace(/[&<>"']/g, (ch) => TEXT_ESCAPES[ch]!);
}

/** Escapes an attribute value (quotes included); tab/newline/CR become references so they survive normalisation. */
export function attr(s: string): string {
  return text(s).replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A CDATA section holding `s`; any `]]>` inside is split across two sections. */
export function cdata(s: string): string {
  return `<![CDATA[${sanitize(s).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** Markup that is already safe. Only the builders in this module create it. */
export class Markup {
  constructor(readonly xml: string) {}
  toString(): string {
    return this.xml;
  }
}

/** A child: plain strings and numbers are escaped as text; Markup is inserted as is; empty values vanish. */
export type Child = string | number | Markup | null | undefined | false | readonly Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?$/;
const VOID = new Set(["br", "hr", "col", "ri:attachment", "ri:page", "ri:url", "ri:user", "ac:emoticon"]);

/** Trusted markup from a constant in code. Never pass vendor or model text here. */
export function raw(xml: string): Markup {
  return new Markup(xml);
}

function renderChildren(children: readonly Child[]): string {
  let out = "";
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (c instanceof Markup) out += c.xml;
    else if (Array.isArray(c)) out += renderChildren(c);
    else out += text(String(c));
  }
  return out;
}

/** A fragment of several children. */
export function frag(...children: Child[]): Markup {
  return new Markup(renderChildren(children));
}

/** An element. Tag and attribute names must be constants from code; values are escaped. */
export function el(tag: string, attrs: Attrs | null, ...children: Child[]): Markup {
  if (!NAME.test(tag)) throw new Error(`report markup: invalid element name ${JSON.stringify(tag)}`);
  let open = `<${tag}`;
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (!NAME.test(k)) throw new Error(`report markup: invalid attribute name ${JSON.stringify(k)}`);
    open += ` ${k}="${attr(String(v))}"`;
  }
  const inner = renderChildren(children);
  if (inner === "" && VOID.has(tag)) return new Markup(`${open}/>`);
  return new Markup(`${open}>${inner}</${tag}>`);
}

/**
 * A Confluence structured macro. `body` is rich text (children) or, with `{ plain }`, a plain-text
 * body carried in CDATA (code macro).
 */
export function macro(
  name: string,
  params: Record<string, string | number | boolean | null | undefined>,
  body?: { rich: Child[] } | { plain: string },
): Markup {
  const parts: Child[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined) continue;
    parts.push(el("ac:parameter", { "ac:name": k }, String(v)));
  }
  if (body && "plain" in body) parts.push(new Markup(`<ac:plain-text-body>${cdata(body.plain)}</ac:plain-text-body>`));
  else if (body) parts.push(el("ac:rich-text-body", null, ...body.rich));
  return el("ac:structured-macro", { "ac:name": name }, ...parts);
}

/**
 * Template tag for HTML: the literal parts are trusted markup from code; every interpolated value is a Child,
 * escaped as text unless it is Markup (from this module). A string or number right after `="` is an attribute
 * value and is escaped like `el` escapes one (`attr`). Interpolate attribute values only inside double quotes.
 */
export function html(strings: TemplateStringsArray, ...values: Child[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const inAttr = (typeof v === "string" || typeof v === "number") && strings[i]!.endsWith('="');
    out += (inAttr ? attr(String(v)) : renderChildren([v])) + strings[i + 1]!;
  }
  return new Markup(out);
}

/** Escaped text with line-break opportunities after "/", "." and "_" (long vendor action labels, hosts). */
export function breakable(s: string): Markup {
  return new Markup(text(s).replace(/([/._])/g, "$1<wbr>"));
}

/** A value reduced to a safe class-name token (letters, digits, "-" and "_"). */
export function classToken(s: string): string {
  return s.replace(/[^a-z0-9_-]/gi, "");
}

/** The URL when it is an absolute http(s) link (no javascript:, data: …) of sane length; otherwise undefined. */
export function safeUrl(u: unknown): string | undefined {
  if (typeof u !== "string" || u.length > 2000) return undefined;
  try {
    const url = new URL(u);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
