// The dev corpus: format, labels, evidence ids, noise, and byte-for-byte reproducibility of the generator; and the
// shared vendor builders every corpus generator uses (their draw counts and key orders decide the bytes).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Incident, listIncidentFiles, loadIncident } from "../domain/incident.ts";
import { DEV_DIR, README, buildCorpus } from "../evals/datasets/generate.ts";
import { cfV1Entry, cfV2Entry } from "../evals/datasets/vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddTimeCode } from "../evals/datasets/vendor/datadog.ts";
import { B64, drawUuid, drawUuidInOrder, fnv1a, mulberry32, xmur3, xorshift32 } from "../evals/datasets/vendor/rng.ts";

interface Ev {
  source: "cloudflare" | "cloudflare-v2" | "datadog";
  id: string;
  ts: number;
  actors: string[];
  action: string;
}

/** Flatten the raw vendor records of an incident into (id, time, actor keys, action). */
function events(inc: Incident): Ev[] {
  const out: Ev[] = [];
  const cf = inc.sources.cloudflare;
  for (const raw of cf?.audit_logs ?? []) {
    const e = raw as { id: string; when: string; actor: { email?: string; id: string }; action: { type: string; result: unknown } };
    out.push({ source: "cloudflare", id: e.id, ts: Date.parse(e.when), actors: [e.actor.email ?? "", e.actor.id], action: e.action.type });
  }
  for (const raw of cf?.audit_logs_v2 ?? []) {
    const e = raw as { id: string; action: { time: string; type: string }; actor: { email?: string; id: string }; resource: { product: string } };
    out.push({ source: "cloudflare-v2", id: e.id, ts: Date.parse(e.action.time), actors: [e.actor.email ?? "", e.actor.id], action: `${e.resource.product}.${e.action.type}` });
  }
  for (const raw of inc.sources.datadog?.audit_events ?? []) {
    const e = raw as { id: string; attributes: { timestamp: string; attributes: { usr: { id: string; email: string; uuid: string }; evt?: { name?: string }; asset?: { type?: string }; action?: string } } };
    const a = e.attributes.attributes;
    out.push({ source: "datadog", id: e.id, ts: Date.parse(e.attributes.timestamp), actors: [a.usr.email, a.usr.id, a.usr.uuid], action: `${a.evt?.name ?? ""}/${a.asset?.type ?? ""}/${a.action ?? ""}` });
  }
  return out;
}

const DAY = 24 * 3600 * 1000;
let incidents: { file: string; inc: Incident; evs: Ev[] }[] = [];

beforeAll(async () => {
  const files = await listIncidentFiles(DEV_DIR);
  incidents = await Promise.all(files.map(async (file) => {
    const inc = await loadIncident(file);
    return { file, inc, evs: events(inc) };
  }));
}, 60_000);

describe("dev corpus", () => {
  it("regenerates byte for byte from the seeded generator", async () => {
    const { files, readme } = buildCorpus();
    expect([...files.keys()].sort()).toEqual(incidents.map((i) => path.basename(i.file)));
    for (const [name, text] of files) {
      const onDisk = await readFile(path.join(DEV_DIR, name), "utf8");
      expect(onDisk === text, `${name} differs from the generator output; run npx tsx evals/datasets/generate.ts`).toBe(true);
    }
    expect(await readFile(README, "utf8")).toBe(readme);
  }, 120_000);

  it("has at least 48 incidents, each class at least 15 times, with unique ids matching file names", () => {
    expect(incidents.length).toBeGreaterThanOrEqual(48);
    const ids = incidents.map((i) => i.inc.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { file, inc } of incidents) expect(path.basename(file)).toBe(`${inc.id}.json`);
    const count = (v: string) => incidents.filter((i) => i.inc.label?.verdict === v).length;
    expect(count("likely_malicious")).toBeGreaterThanOrEqual(15);
    expect(count("misconfiguration")).toBeGreaterThanOrEqual(15);
    expect(count("benign")).toBeGreaterThanOrEqual(15);
  });

  it("uses vendor event ids that are unique across the corpus and shaped like the vendors'", () => {
    const seen = new Map<string, string>();
    for (const { inc, evs } of incidents) {
      for (const e of evs) {
        if (e.source === "cloudflare-v2") continue; // v2 mirrors v1 ids
        expect(seen.has(e.id), `${e.id} repeats in ${inc.id} and ${seen.get(e.id)}`).toBe(false);
        seen.set(e.id, inc.id);
        if (e.source === "cloudflare") expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        else expect(e.id).toMatch(/^AQAAAZ[A-Za-z0-9_-]{40,}$/);
        expect(Number.isNaN(e.ts)).toBe(false);
      }
      const v1 = evs.filter((e) => e.source === "cloudflare").map((e) => e.id).sort();
      const v2 = evs.filter((e) => e.source === "cloudflare-v2").map((e) => e.id).sort();
      if (v2.length) expect(v2).toEqual(v1);
    }
  });

  it("keeps the raw shapes of the contracts (v1 boolean result, v2 string result, Datadog outer timestamp)", () => {
    for (const { inc } of incidents) {
      for (const raw of inc.sources.cloudflare?.audit_logs ?? []) {
        const e = raw as Record<string, any>;
        expect(typeof e.action.result).toBe("boolean");
        expect(e.when).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$/);
        expect(Object.keys(e)).toEqual(expect.arrayContaining(["id", "action", "actor", "interface", "metadata", "newValue", "oldValue", "owner", "resource", "when"]));
      }
      for (const raw of inc.sources.cloudflare?.audit_logs_v2 ?? []) {
        const e = raw as Record<string, any>;
        expect(["success", "failure"]).toContain(e.action.result);
        expect(["create", "update", "delete", "view"]).toContain(e.action.type);
        expect(e.raw).toHaveProperty("user_agent");
      }
      for (const raw of inc.sources.datadog?.audit_events ?? []) {
        const e = raw as Record<string, any>;
        expect(e.type).toBe("audit");
        expect(e.attributes.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(e.attributes.attributes.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
        expect(e.attributes.tags).toEqual(["source:audit"]);
      }
    }
  });

  it("has an anomaly that matches an event of its actor, with that action, before now", () => {
    for (const { inc, evs } of incidents) {
      const t = Date.parse(inc.anomaly.timestamp);
      const now = Date.parse(inc.now);
      expect(t, inc.id).toBeLessThan(now);
      expect(t, inc.id).toBeGreaterThan(now - DAY);
      const hit = evs.find((e) => Math.abs(e.ts - t) < 1000 && e.actors.includes(inc.anomaly.actor) && e.action === inc.anomaly.action);
      expect(hit, `${inc.id}: no event of ${inc.anomaly.actor} / ${inc.anomaly.action} at ${inc.anomaly.timestamp}`).toBeDefined();
      expect(inc.label?.key_event_ids ?? [], inc.id).toContain(hit!.id);
    }
  });

  it("cites key events that exist in the incident, inside the 24 h window, and in a source that answers", () => {
    for (const { inc, evs } of incidents) {
      const now = Date.parse(inc.now);
      const keys = inc.label?.key_event_ids ?? [];
      expect(keys.length, inc.id).toBeGreaterThanOrEqual(2);
      expect(inc.label?.rationale?.length ?? 0, inc.id).toBeGreaterThan(80);
      const failed = Object.entries(inc.faults ?? {}).filter(([, f]) => f === "unavailable" || f === "forbidden").map(([s]) => s);
      for (const k of keys) {
        const e = evs.find((x) => x.id === k && x.source !== "cloudflare-v2");
        expect(e, `${inc.id}: key event ${k} not in the data`).toBeDefined();
        expect(e!.ts, `${inc.id}: ${k} is older than the window`).toBeGreaterThanOrEqual(now - DAY);
        expect(e!.ts, `${inc.id}: ${k} is after now`).toBeLessThanOrEqual(now);
        expect(failed, `${inc.id}: ${k} sits in a failed source`).not.toContain(e!.source);
      }
      if (inc.label?.verdict === "likely_malicious") expect(inc.label.techniques?.length ?? 0, inc.id).toBeGreaterThan(0);
    }
  });

  it("includes noise: other actors, the actor's previous-day events and events older than 24 h", () => {
    for (const { inc, evs } of incidents) {
      const now = Date.parse(inc.now);
      const t = Date.parse(inc.anomaly.timestamp);
      const mine = evs.filter((e) => e.actors.includes(inc.anomaly.actor) && e.source !== "cloudflare-v2");
      const others = evs.filter((e) => !e.actors.includes(inc.anomaly.actor));
      expect(others.length, inc.id).toBeGreaterThanOrEqual(5);
      expect(mine.some((e) => e.ts < now - DAY), `${inc.id}: no actor event older than 24 h`).toBe(true);
      expect(mine.some((e) => e.ts >= now - DAY && e.ts < t - 3 * 3600_000), `${inc.id}: no earlier actor event in the window`).toBe(true);
      const n = evs.filter((e) => e.source !== "cloudflare-v2").length;
      expect(n, inc.id).toBeGreaterThanOrEqual(10);
    }
  });

  it("covers the hard cases: faults, v2 shapes, key-authenticated actors, a ~5 000-event account", () => {
    const faults = incidents.flatMap((i) => Object.values(i.inc.faults ?? {}));
    for (const f of ["unavailable", "forbidden", "rate_limited_once"]) expect(faults).toContain(f);
    expect(faults.some((f) => f.startsWith("slow:"))).toBe(true);
    expect(incidents.filter((i) => i.inc.sources.cloudflare?.audit_logs_v2).length).toBeGreaterThanOrEqual(3);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(incidents.filter((i) => uuid.test(i.inc.anomaly.actor)).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...incidents.map((i) => i.evs.length))).toBeGreaterThanOrEqual(4500);
    const injected = incidents.filter((i) => /ignore (previous|prior|your|the rules)/i.test(JSON.stringify(i.inc.sources) + JSON.stringify(i.inc.anomaly.details ?? {})));
    expect(new Set(injected.map((i) => i.inc.label?.verdict)).size).toBeGreaterThanOrEqual(2);
  });
});

describe("shared vendor builders (evals/datasets/vendor)", () => {
  it("draws the same sequences as the signed-integer mulberry32 and the xorshift32 the corpora were first written with", () => {
    // The corpora used two spellings of mulberry32 (`| 0` and `>>> 0` state); the shared one must match both.
    const signed = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (const seed of [1, 0x4c0ffee, fnv1a("c2-mal-01"), 0xfffffff0]) {
      const [a, b] = [mulberry32(seed), signed(seed)];
      for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
    }
    let s = 0x5eed1234;
    const xs = () => {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      return s / 0x100000000;
    };
    const x = xorshift32(0x5eed1234);
    for (let i = 0; i < 1000; i++) expect(x()).toBe(xs());
    expect(() => xorshift32(0)).toThrow(/non-zero seed/);
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(xmur3("")).toBe(1779033703);
  });

  it("keeps the draw count of each id shape (the corpora's bytes depend on it)", () => {
    const count = (f: (d: () => number) => string): number => {
      let n = 0;
      const d = mulberry32(7);
      f(() => {
        n++;
        return d();
      });
      return n;
    };
    expect(count(drawUuid)).toBe(33);
    expect(count(drawUuidInOrder)).toBe(31);
    expect(count((d) => ddEventId(d, B64, [12, 30]))).toBe(42);
    expect(drawUuid(mulberry32(7))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ddEventId(mulberry32(7), B64, [2, 3], "AQAAA", "AAAAABBW")).toMatch(/^AQAAA.{2}AAAAABBW.{3}$/);
    expect(ddTimeCode(Date.parse("2026-09-14T03:07:42Z"))).toHaveLength(8);
  });

  it("lays out Cloudflare v1 and v2 entries in each corpus's key order and drops empty optional values", () => {
    const base = { id: "e1", type: "rec_add", info: "", actor: { email: "a@x.io", id: "u1", ip: "", type: "user" }, owner: "acc", resource: { id: "r", type: "DNS_record" }, when: "2026-01-01T00:00:00Z", newValueJson: { a: 1 } };
    expect(Object.keys(cfV1Entry(base))).toEqual(["id", "action", "actor", "interface", "metadata", "newValue", "oldValue", "owner", "resource", "when", "newValueJson"]);
    expect(Object.keys(cfV1Entry(base, { json: "paired" }))).toEqual(["id", "action", "actor", "interface", "metadata", "newValue", "newValueJson", "oldValue", "owner", "resource", "when"]);
    expect(Object.keys(cfV1Entry(base, { json: "after-values" }))).toEqual(["id", "action", "actor", "interface", "metadata", "newValue", "oldValue", "newValueJson", "owner", "resource", "when"]);
    const e = cfV1Entry({ ...base, info: "why" }, { infoFirst: true, actorIdFirst: true });
    expect(Object.keys(e.action as object)).toEqual(["info", "result", "type"]);
    expect(e.actor).toEqual({ id: "u1", type: "user", email: "a@x.io" });
    expect(Object.keys(e.actor as object)).toEqual(["id", "type", "email"]);
    const v2 = { id: "v", account: { id: "acc", name: "Acme" }, description: "d", result: "success", time: "t", type: "create", rayId: "r", method: "POST", status: 200, uri: "/u", ua: "ua", resource: { id: "r", product: "p", request: {}, response: {}, scope: "accounts", type: "t" } };
    const actor = { id: "u1", context: "api_token", email: "a@x.io", ip_address: "192.0.2.1", token_id: "t1", token_name: "ci", type: "user" };
    expect(Object.keys(cfV2Entry({ ...v2, actor }).actor as object)).toEqual(["id", "context", "email", "ip_address", "token_id", "token_name", "type"]);
    expect(Object.keys(cfV2Entry({ ...v2, actor }, { actorType: "before-token" }).actor as object)).toEqual(["id", "context", "email", "ip_address", "type", "token_id", "token_name"]);
    expect(Object.keys(cfV2Entry({ ...v2, actor }, { actorType: "after-context" }).actor as object)).toEqual(["id", "context", "type", "email", "ip_address", "token_id", "token_name"]);
    expect("zone" in cfV2Entry({ ...v2, actor })).toBe(false);
  });

  it("builds Datadog envelopes and heads with transport fields before the timestamp when asked", () => {
    const head = ddHead({ status: "info", transport: { http: { method: "GET" } }, timestamp: "ts", org: "o", evtName: null, actorType: "USER", usr: { id: "a", email: "a", uuid: "u" } });
    expect(Object.keys(head)).toEqual(["status", "http", "timestamp", "org", "evt", "usr"]);
    expect(head.evt).toEqual({ actor: { type: "USER" } });
    expect(Object.keys(ddEnvelope({ attributes: head, message: "m", timestamp: "t", id: "i" }, { idFirst: true }))).toEqual(["id", "type", "attributes"]);
    expect(Object.keys(ddEnvelope({ attributes: head, message: "m", timestamp: "t", id: "i", service: "datadog" }).attributes as object)).toEqual(["attributes", "message", "service", "tags", "timestamp"]);
  });
});
