// The dev corpus: format, labels, evidence ids, noise, and byte-for-byte reproducibility of the generator.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Incident, listIncidentFiles, loadIncident } from "../domain/incident.ts";
import { DEV_DIR, README, buildCorpus } from "../evals/datasets/generate.ts";

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
