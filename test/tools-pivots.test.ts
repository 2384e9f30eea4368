// Actor resolution across spellings and the credential / resource / address pivots, against the vendor doubles:
// Datadog attribute search is case-sensitive there, as Datadog documents, so only a gatherer that resolves the
// actor's spellings finds every event; pivots stay inside their budgets.
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { loadVendorConfig } from "../tools/config.ts";
import { createCloudflareGatherer } from "../tools/cloudflare/client.ts";
import { createDatadogGatherer } from "../tools/datadog/client.ts";
import { Incident } from "../domain/incident.ts";

const ACCOUNT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = "2026-05-04T18:00:00Z";
const SINCE = new Date(Date.parse(NOW) - 24 * 3600e3);
const BEFORE = new Date(NOW);
const JANE_UUID = "7d1e0f2a-1111-4c2b-9a3d-00000000a11e";
const at = (min: number) => new Date(Date.parse("2026-05-04T12:00:00Z") + min * 60e3).toISOString();

function dd(id: string, min: number, usr: Record<string, string> | undefined, o: { ip?: string; evt?: string; asset?: Record<string, string>; action?: string; message?: string; metadata?: unknown; auth?: string }) {
  return {
    id,
    type: "audit",
    attributes: {
      attributes: {
        evt: { name: o.evt ?? "Monitor", actor: { type: usr ? "USER" : "SERVICE" } },
        ...(usr ? { usr } : {}),
        action: o.action ?? "modified",
        ...(o.asset ? { asset: o.asset } : {}),
        auth_method: o.auth ?? "SESSION",
        ...(o.ip ? { network: { client: { ip: o.ip } } } : {}),
        ...(o.metadata ? { metadata: o.metadata } : {}),
      },
      message: o.message ?? `${usr?.email ?? "someone"} ${o.action ?? "modified"}`,
      tags: ["source:audit"],
      timestamp: at(min),
    },
  };
}
const jane = { email: "Jane.Doe@example.com", id: "Jane.Doe@example.com", uuid: JANE_UUID };
const mona = (i: number) => ({ email: "mona@example.com", id: "mona@example.com", uuid: `mona-uuid-${i}` });

function incident(extra: Record<string, unknown>[] = []) {
  return Incident.parse({
    id: "pivots-contract",
    now: NOW,
    anomaly: { id: "det-p1", actor: "jane.doe@example.com", action: "api_key_created", timestamp: at(0) },
    sources: {
      cloudflare: {
        account_id: ACCOUNT,
        audit_logs: [
          { id: "cf-jane-1", action: { result: true, type: "login" }, actor: { email: "jane.doe@example.com", id: "c".repeat(32), ip: "198.51.100.7", type: "user" }, interface: "UI", metadata: {}, newValue: "", oldValue: "", owner: { id: ACCOUNT }, resource: { id: ACCOUNT, type: "account" }, when: at(-5).replace(".000Z", "Z") },
        ],
      },
      datadog: {
        site: "datadoghq.com",
        audit_events: [
          // SSO provisioned the capitalised spelling: every Datadog event of Jane carries it
          dd("dd-jane-key", 0, jane, { ip: "198.51.100.7", evt: "Authentication", action: "created", asset: { type: "api_key", id: "key-1", name: "ci-upload" }, message: "Jane.Doe@example.com created API key \"ci-upload\"" }),
          dd("dd-jane-mon", 2, jane, { ip: "198.51.100.7", asset: { type: "monitor", id: "mon-1", name: "[prod] payments" }, message: "Jane.Doe@example.com muted monitor \"[prod] payments\"" }),
          // the key is used by something else, from another network
          dd("dd-key-use", 30, undefined, { ip: "203.0.113.66", evt: "Request", action: "accessed", auth: "API_KEY", metadata: { api_key: { id: "key-1", name: "ci-upload" } }, message: "POST request made to /api/v2/logs/config/archives" }),
          // another actor puts the monitor back
          dd("dd-mona-mon", 40, mona(0), { ip: "192.0.2.20", asset: { type: "monitor", id: "mon-1", name: "[prod] payments" }, message: "mona@example.com unmuted monitor \"[prod] payments\"" }),
          dd("dd-noise", 41, mona(0), { ip: "192.0.2.20", asset: { type: "monitor", id: "mon-9", name: "other" } }),
          ...extra,
        ],
      },
    },
  });
}

let sb: Sandbox | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  await sb?.close();
  sb = undefined;
});

async function gatherers(extra: Record<string, unknown>[] = [], pivot: Record<string, number> = {}) {
  sb = await startSandbox({ incident: incident(extra), maxPageSize: { datadog: 3 } });
  const cfg = loadVendorConfig(sb.env);
  const dg = createDatadogGatherer(cfg.datadog!, { limits: cfg.limits, baseDelayMs: 5, pivot });
  const cg = createCloudflareGatherer(cfg.cloudflare!, { limits: cfg.limits, baseDelayMs: 5, pivot });
  closers.push(dg.close, cg.close);
  return { dg, cg };
}
const req = { actor: "jane.doe@example.com", since: SINCE, before: BEFORE, focusTs: Date.parse(at(0)) };

describe("one actor, every spelling", () => {
  it("the double is case-sensitive: the lower-case spelling alone finds none of Jane's Datadog events", async () => {
    const { dg } = await gatherers();
    const r = await dg.client.search('@usr.email:"jane.doe@example.com"', SINCE, BEFORE, 100);
    expect(r.events).toEqual([]);
  });

  it.each(["jane.doe@example.com", "JANE.DOE@EXAMPLE.COM", "Jane.Doe@example.com"])("anomaly actor %s: every event of Jane in both vendors, and the identities read", async (actor) => {
    const { dg, cg } = await gatherers();
    const d = await dg.gather({ ...req, actor });
    expect(d.events.filter((e) => !e.pivot).map((e) => e.id).sort()).toEqual(["dd-jane-key", "dd-jane-mon"]);
    expect(d.status.identities).toEqual(expect.arrayContaining(["Jane.Doe@example.com", JANE_UUID]));
    const c = await cg.gather({ ...req, actor });
    expect(c.events.filter((e) => !e.pivot).map((e) => e.id)).toEqual(["cf-jane-1"]);
  });
});

describe("credential and resource pivots", () => {
  it("finds the key used from another network and the monitor changed back by another actor, labelled and recorded", async () => {
    const { dg } = await gatherers();
    const r = await dg.gather(req);
    const piv = r.events.filter((e) => e.pivot);
    expect(piv.map((e) => [e.id, e.pivot_kind, e.pivot_key])).toEqual([
      ["dd-key-use", "credential", "key-1"],
      ["dd-mona-mon", "resource", "mon-1"],
    ]);
    const kinds = r.status.pivots!.map((p) => [p.kind, p.key, p.found]);
    expect(kinds).toContainEqual(["credential", "key-1", 1]);
    expect(kinds).toContainEqual(["resource", "mon-1", 1]);
    // the address pivot was made and found nothing new: recorded all the same
    expect(kinds).toContainEqual(["address", "198.51.100.7", 0]);
    expect(r.status.pivot_events).toBe(2);
    expect(r.events.find((e) => e.id === "dd-noise")).toBeUndefined();
  });

  it("stays inside its budget: twenty changed monitors, two resource pivots, the rest reported as skipped", async () => {
    const many = Array.from({ length: 20 }, (_, i) => dd(`dd-jane-m${i}`, 3 + i, jane, { ip: "198.51.100.7", asset: { type: "monitor", id: `mon-x${i}`, name: `m${i}` } }));
    const others = Array.from({ length: 20 }, (_, i) => dd(`dd-mona-m${i}`, 60 + i, mona(i), { ip: "192.0.2.20", asset: { type: "monitor", id: `mon-x${i}`, name: `m${i}` } }));
    const { dg } = await gatherers([...many, ...others], { resources: 2, credentials: 1, addresses: 1 });
    const before = sb!.requests.length;
    const r = await dg.gather(req);
    expect(r.status.pivots!.filter((p) => p.kind === "resource")).toHaveLength(2);
    expect(r.status.pivots!.filter((p) => p.kind === "address")).toHaveLength(1);
    expect(r.status.warnings).toContain("Datadog: pivoted on 2 of 21 resources (pivot budget).");
    // discovery + actor + uuid-free: a bounded number of searches whatever the number of leads
    const searches = sb!.requests.slice(before).filter((x) => x.path === "/api/v2/audit/events/search").length;
    expect(searches).toBeLessThanOrEqual(2 * 20 + 10);
  });

  it("a spent time budget leaves the remaining pivots recorded as not run, and the actor's own timeline intact", async () => {
    const { dg } = await gatherers([], { ms: -1 });
    const r = await dg.gather(req);
    expect(r.events.filter((e) => !e.pivot)).toHaveLength(2);
    expect(r.status.pivots!.length).toBeGreaterThan(0);
    expect(r.status.pivots!.every((p) => /not run: the pivot time budget/.test(p.note ?? ""))).toBe(true);
    expect(r.status.pivot_events).toBe(0);
  });

  it("records per-pivot event budgets: a pivot that hits its record cap says so", async () => {
    const noisy = Array.from({ length: 12 }, (_, i) => dd(`dd-noisy-${i}`, 50 + i, mona(i), { ip: "192.0.2.20", asset: { type: "monitor", id: "mon-1", name: "[prod] payments" } }));
    const { dg } = await gatherers(noisy, { eventsPerPivot: 3 });
    const r = await dg.gather(req);
    const mon = r.status.pivots!.find((p) => p.kind === "resource" && p.key === "mon-1")!;
    expect(mon.note).toMatch(/stopped after 3 records/);
    expect(mon.found).toBeLessThanOrEqual(3);
  });
});
