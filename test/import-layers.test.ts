// The import-layer check: every TypeScript source file's relative import specifiers (static, type-only, re-exports
// and dynamic import()) are resolved to a file, and a file may import only from its own layer or a lower one.
// The layers are the ones ARCHITECTURE.md describes; the few known exceptions are listed below with their reason,
// and an exception that no longer occurs fails the check too, so the list only shrinks.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Lowest first. A file's layer is its longest matching prefix; folders not listed (test/) are not checked. */
export const LAYERS: { name: string; paths: string[] }[] = [
  { name: "domain", paths: ["domain/"] },
  { name: "capabilities", paths: ["analysis/", "tools/", "report/", "prompts/", "config/"] },
  { name: "graph", paths: ["graph/", "config/load.ts"] },
  { name: "service", paths: ["server/"] },
  { name: "entry points and harnesses", paths: ["bin/", "server/cli/", "server/demo.ts", "evals/", "bench/", "sandbox/"] },
];

/** Imports of a lower layer from a higher one that stay for now: from → to, and why. Keep this list short. */
export const KNOWN_EXCEPTIONS: { from: string; to: string; reason: string }[] = [];

const SOURCE = /\.(ts|mts|mjs)$/;
const SKIP = new Set(["node_modules", ".git", ".casefile", "test"]);

function sourceFiles(dir = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) out.push(...sourceFiles(rel));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      out.push(rel);
    }
  }
  return out;
}

/** Relative specifiers of `import … from`, `export … from`, `import "…"` and `import("…")`. */
export function importSpecifiers(text: string): string[] {
  const patterns = [
    /^[ \t]*(?:import|export)[ \t][^;"'`]*?\bfrom[ \t]*["']([^"'\n]+)["']/gm,
    /^[ \t]*import[ \t]*["']([^"'\n]+)["']/gm,
    /\bimport\(\s*["']([^"'\n]+)["']\s*\)/g,
  ];
  const out: string[] = [];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]?.startsWith(".")) out.push(m[1]);
  return out;
}

export function layerOf(file: string): number | undefined {
  let best: { layer: number; length: number } | undefined;
  LAYERS.forEach((layer, i) => {
    for (const p of layer.paths) {
      const hit = p.endsWith("/") ? file.startsWith(p) : file === p;
      if (hit && (!best || p.length > best.length)) best = { layer: i, length: p.length };
    }
  });
  return best?.layer;
}

function crossings(): { from: string; to: string }[] {
  const found: { from: string; to: string }[] = [];
  for (const file of sourceFiles()) {
    const from = layerOf(file);
    if (from === undefined) continue;
    for (const spec of importSpecifiers(readFileSync(path.join(ROOT, file), "utf8"))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const to = layerOf(target);
      if (to !== undefined && to > from) found.push({ from: file, to: target });
    }
  }
  return found;
}

describe("import layers", () => {
  it("reads every kind of relative import and skips packages", () => {
    const text = [
      'import { a } from "../domain/schemas.ts";',
      "import type {",
      "  B,",
      '} from "./b.ts";',
      'export { c } from "../report/c.ts";',
      'import "./side-effect.ts";',
      'const m = await import("../server/cli.ts");',
      'import { z } from "zod";',
      'const url = "see ../graph/x.ts";',
    ].join("\n");
    expect(importSpecifiers(text).sort()).toEqual(["../domain/schemas.ts", "../report/c.ts", "../server/cli.ts", "./b.ts", "./side-effect.ts"]);
  });

  it("places files by their longest matching prefix", () => {
    expect(LAYERS[layerOf("domain/events.ts") ?? -1]?.name).toBe("domain");
    expect(LAYERS[layerOf("config/load.ts") ?? -1]?.name).toBe("graph");
    expect(LAYERS[layerOf("config/schema.ts") ?? -1]?.name).toBe("capabilities");
    expect(LAYERS[layerOf("server/cli/index.ts") ?? -1]?.name).toBe("entry points and harnesses");
    expect(layerOf("test/import-layers.test.ts")).toBeUndefined();
  });

  it("no lower layer imports a higher one, apart from the listed exceptions", () => {
    const found = crossings();
    const key = (c: { from: string; to: string }) => `${c.from} → ${c.to}`;
    const known = new Set(KNOWN_EXCEPTIONS.map(key));
    const unexpected = found.filter((c) => !known.has(key(c))).map(key);
    expect(unexpected, "move the imported code down a layer (see ARCHITECTURE.md), or inject it from above").toEqual([]);
    const stale = [...known].filter((k) => !found.some((c) => key(c) === k));
    expect(stale, "these exceptions no longer occur: remove them from KNOWN_EXCEPTIONS").toEqual([]);
  });
});
