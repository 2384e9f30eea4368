// The seeded random sources every corpus generator and the benchmark generator draw from: two generators
// (mulberry32, xorshift32), the seed hashes that turn an incident id into a generator seed (FNV-1a, xmur3's first
// step), the draw helpers (integers, picks, strings over an alphabet) and the id shapes built from them. Each
// helper draws exactly as many numbers, in the same order, as the corpus builders it replaced did, so the
// committed datasets regenerate byte for byte. Nothing here reads the clock or Math.random.

/** One uniform draw in [0, 1). */
export type Draw = () => number;

/** mulberry32: small, fast, good enough for synthetic data. */
export function mulberry32(seed: number): Draw {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** xorshift32 (13, 17, 5); the seed must not be 0. */
export function xorshift32(seed: number): Draw {
  let s = seed >>> 0;
  if (s === 0) throw new Error("xorshift32 needs a non-zero seed");
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

/** FNV-1a 32-bit hash of a text (per UTF-16 code unit). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The state of xmur3 after mixing in a text (its first step, without the final avalanche). */
export function xmur3(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- alphabets
export const HEX = "0123456789abcdef";
export const DIGITS = "0123456789";
/** Base64url with `-` before `_`. */
export const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** Base64url with `_` before `-` (another corpus's spelling; the order changes which character a draw picks). */
export const B64_UNDERSCORE_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
export const B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// ---------------------------------------------------------------- draws over a Draw
/** An integer in [lo, hi], one draw. */
export const drawInt = (d: Draw, lo: number, hi: number): number => lo + Math.floor(d() * (hi - lo + 1));

/** One element, one draw; fails on an empty list. */
export function drawPick<T>(d: Draw, xs: readonly T[]): T {
  const x = xs[Math.floor(d() * xs.length)];
  if (x === undefined) throw new Error("pick from an empty list: give the scenario at least one choice");
  return x;
}

/** `n` characters of `alphabet`, one draw each. */
export function drawChars(d: Draw, alphabet: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(d() * alphabet.length)];
  return s;
}

/** A random v4 UUID drawn as 32 hex digits, then the variant nibble (33 draws). */
export function drawUuid(d: Draw): string {
  const h = drawChars(d, HEX, 32);
  const variant = "89ab"[Math.floor(d() * 4)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A random v4 UUID drawn group by group, the variant nibble in place (31 draws). */
export function drawUuidInOrder(d: Draw): string {
  const h = (n: number) => drawChars(d, HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${"89ab"[Math.floor(d() * 4)]}${h(3)}-${h(12)}`;
}

/** A seeded random source with the draw helpers as methods. */
export class Rng {
  constructor(readonly next: Draw) {}
  /** mulberry32 seeded with a hash of `text` (FNV-1a unless told). */
  static fromText(text: string, hash: (text: string) => number = fnv1a): Rng {
    return new Rng(mulberry32(hash(text)));
  }
  int(lo: number, hi: number): number {
    return drawInt(this.next, lo, hi);
  }
  pick<T>(xs: readonly T[]): T {
    return drawPick(this.next, xs);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  chars(alphabet: string, n: number): string {
    return drawChars(this.next, alphabet, n);
  }
  hex(n: number): string {
    return drawChars(this.next, HEX, n);
  }
  b64(n: number): string {
    return drawChars(this.next, B64, n);
  }
  /** `n` decimal digits, the first not zero. */
  digits(n: number): string {
    return String(this.int(1, 9)) + drawChars(this.next, DIGITS, n - 1);
  }
  uuid(): string {
    return drawUuid(this.next);
  }
  uuidInOrder(): string {
    return drawUuidInOrder(this.next);
  }
}

/** Ids that must be unique across a corpus: `fresh` redraws until the id is new, `strict` fails on a repeat. */
export class IdRegistry {
  private readonly seen = new Set<string>();
  fresh(make: () => string): string {
    for (;;) {
      const v = make();
      if (!this.seen.has(v)) {
        this.seen.add(v);
        return v;
      }
    }
  }
  strict(id: string): string {
    if (this.seen.has(id)) throw new Error(`duplicate vendor event id ${id}: change the scenario seed`);
    this.seen.add(id);
    return id;
  }
  clear(): void {
    this.seen.clear();
  }
}
