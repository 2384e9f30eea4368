// A subset of the Datadog search syntax, enough for what an audit client sends:
// `*`, `@attr:value`, `attr:value`, quoted values, wildcards, `>`/`<` numeric comparisons,
// `AND` / `OR` / `NOT` / `-term`, implicit AND, parentheses and `@attr:(a OR b)` groups, free text on the message.
// As Datadog documents, attribute search (`@attr:value`, wildcards included) is case-sensitive; free text on the
// message and tags are not.
import { getPath } from "./common.ts";

export type Node =
  | { kind: "all" }
  | { kind: "term"; key?: string; value: string; quoted: boolean }
  | { kind: "not"; node: Node }
  | { kind: "and" | "or"; nodes: Node[] };

type Token =
  | { t: "(" | ")" | "AND" | "OR" | "NOT" }
  | { t: "field"; key: string } // `key:` directly followed by `(`
  | { t: "term"; key?: string; value: string; quoted: boolean };

export class QueryError extends Error {}

function readQuoted(s: string, i: number): [string, number] {
  let out = "";
  i++; // opening quote
  while (i < s.length && s[i] !== '"') {
    if (s[i] === "\\" && i + 1 < s.length) i++;
    out += s[i];
    i++;
  }
  if (i >= s.length) throw new QueryError("unterminated quoted value");
  return [out, i + 1];
}

function readBare(s: string, i: number, stopAtColon: boolean): [string, number, boolean] {
  let out = "";
  let sawColon = false;
  while (i < s.length && !/[\s()]/.test(s[i]!)) {
    if (s[i] === "\\" && i + 1 < s.length) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (stopAtColon && s[i] === ":") {
      sawColon = true;
      break;
    }
    out += s[i];
    i++;
  }
  return [out, i, sawColon];
}

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      out.push({ t: c });
      i++;
    } else if (c === '"') {
      const [value, j] = readQuoted(s, i);
      out.push({ t: "term", value, quoted: true });
      i = j;
    } else if (c === "-" && i + 1 < s.length && !/\s/.test(s[i + 1]!)) {
      out.push({ t: "NOT" });
      i++;
    } else {
      const [word, j, sawColon] = readBare(s, i, true);
      i = j;
      if (!sawColon) {
        if (word === "AND" || word === "OR" || word === "NOT") out.push({ t: word });
        else out.push({ t: "term", value: word, quoted: false });
        continue;
      }
      i++; // the colon
      if (!word) throw new QueryError("missing attribute name before ':'");
      if (s[i] === '"') {
        const [value, k] = readQuoted(s, i);
        out.push({ t: "term", key: word, value, quoted: true });
        i = k;
      } else if (s[i] === "(") {
        out.push({ t: "field", key: word });
      } else {
        const [value, k] = readBare(s, i, false);
        if (!value) throw new QueryError(`missing value after "${word}:"`);
        out.push({ t: "term", key: word, value, quoted: false });
        i = k;
      }
    }
  }
  return out;
}

export function parseQuery(q: string | undefined): Node {
  const text = (q ?? "").trim();
  if (text === "" || text === "*") return { kind: "all" };
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];

  const parseOr = (field?: string): Node => {
    const nodes = [parseAnd(field)];
    while (peek()?.t === "OR") {
      pos++;
      nodes.push(parseAnd(field));
    }
    return nodes.length === 1 ? nodes[0]! : { kind: "or", nodes };
  };
  const parseAnd = (field?: string): Node => {
    const nodes = [parseUnary(field)];
    for (;;) {
      const t = peek();
      if (!t || t.t === ")" || t.t === "OR") break;
      if (t.t === "AND") pos++;
      nodes.push(parseUnary(field));
    }
    return nodes.length === 1 ? nodes[0]! : { kind: "and", nodes };
  };
  const parseUnary = (field?: string): Node => {
    const t = peek();
    if (t?.t === "NOT") {
      pos++;
      return { kind: "not", node: parseUnary(field) };
    }
    return parsePrimary(field);
  };
  const parsePrimary = (field?: string): Node => {
    const t = tokens[pos++];
    if (!t) throw new QueryError("query ends where a term was expected");
    if (t.t === "(") {
      const inner = parseOr(field);
      if (tokens[pos++]?.t !== ")") throw new QueryError("missing closing parenthesis");
      return inner;
    }
    if (t.t === "field") {
      if (tokens[pos++]?.t !== "(") throw new QueryError(`expected "(" after "${t.key}:"`);
      const inner = parseOr(t.key);
      if (tokens[pos++]?.t !== ")") throw new QueryError("missing closing parenthesis");
      return inner;
    }
    if (t.t === "term") {
      const key = t.key ?? field;
      if (!key && !t.quoted && t.value === "*") return { kind: "all" };
      return { kind: "term", key, value: t.value, quoted: t.quoted };
    }
    throw new QueryError(`unexpected "${t.t}"`);
  };

  const node = parseOr();
  if (pos < tokens.length) throw new QueryError(`unexpected "${tokens[pos]!.t}" (unbalanced parentheses?)`);
  return node;
}

function wildcard(pattern: string, caseSensitive = false): RegExp {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`, caseSensitive ? "" : "i");
}

function valueMatches(actual: unknown, term: { value: string; quoted: boolean }, caseSensitive = false): boolean {
  if (Array.isArray(actual)) return actual.some((a) => valueMatches(a, term, caseSensitive));
  if (actual === undefined || actual === null || typeof actual === "object") {
    return !term.quoted && term.value === "*" && actual !== undefined && actual !== null;
  }
  const s = String(actual);
  if (!term.quoted) {
    const cmp = /^(>=|<=|>|<)(-?\d+(\.\d+)?)$/.exec(term.value);
    if (cmp) {
      const n = Number(s);
      const limit = Number(cmp[2]);
      if (Number.isNaN(n)) return false;
      return cmp[1] === ">" ? n > limit : cmp[1] === ">=" ? n >= limit : cmp[1] === "<" ? n < limit : n <= limit;
    }
    if (/[*?]/.test(term.value)) return wildcard(term.value, caseSensitive).test(s);
  }
  return caseSensitive ? s === term.value : s.toLowerCase() === term.value.toLowerCase();
}

/** Does one event (an element of `data[]`) match the parsed query? `@attribute` values compare case-sensitively. */
export function matches(node: Node, event: unknown): boolean {
  switch (node.kind) {
    case "all":
      return true;
    case "not":
      return !matches(node.node, event);
    case "and":
      return node.nodes.every((n) => matches(n, event));
    case "or":
      return node.nodes.some((n) => matches(n, event));
    case "term": {
      const outer = getPath(event, "attributes");
      if (!node.key) {
        const message = getPath(outer, "message");
        if (typeof message !== "string") return false;
        if (/[*?]/.test(node.value) && !node.quoted) return wildcard(`*${node.value}*`).test(message);
        return message.toLowerCase().includes(node.value.toLowerCase());
      }
      if (node.key.startsWith("@")) return valueMatches(getPath(getPath(outer, "attributes"), node.key.slice(1)), node, true);
      // Reserved attributes (service, status, host, message …) and tags.
      const direct = getPath(outer, node.key) ?? getPath(getPath(outer, "attributes"), node.key);
      if (direct !== undefined && valueMatches(direct, node)) return true;
      const tags = getPath(outer, "tags");
      return Array.isArray(tags) && tags.some((tag) => typeof tag === "string" && tag.startsWith(`${node.key}:`) && valueMatches(tag.slice(node.key!.length + 1), node));
    }
  }
}
