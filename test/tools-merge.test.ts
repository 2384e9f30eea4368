import { describe, expect, it } from "vitest";
import { mergeHistories, type CloudflareFetch } from "../tools/cloudflare/client.ts";
import { areTwins, mergeTwins } from "../tools/cloudflare/twins.ts";
import type { AuditEvent } from "../domain/events.ts";

const ev = (id: string, time: string, resource: string, operation: AuditEvent["operation"] = "update"): AuditEvent => ({
  source: "cloudflare", id, time, ts: Date.parse(time), actor: { email: "a@example.com" }, action: "x", operation,
  resource: { id: resource }, outcome: "success", raw: {},
});
const page = (events: AuditEvent[], api: CloudflareFetch["api"]): CloudflareFetch => ({ events, rejected: 0, warnings: [], pages: 1, truncated: false, api });

describe("merging Cloudflare v1 and v2 histories", () => {
  it("keeps v2, adds what only v1 has, and drops the same change seen by both APIs under other ids", () => {
    const v2 = page([ev("a", "2026-08-20T10:00:00.100Z", "zone1"), ev("b", "2026-08-20T10:05:00Z", "zone1")], "cloudflare-v2");
    const v1 = page([ev("a", "2026-08-20T10:00:00Z", "zone1"), ev("b-v1", "2026-08-20T10:05:00.400Z", "zone1"), ev("c", "2026-08-20T10:07:00Z", "zone2")], "cloudflare-v1");
    const merged = mergeHistories(v2, v1);
    expect(merged.events.map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(merged.pages).toBe(2);
    expect(merged.api).toBe("cloudflare-v2");
  });
});

describe("Cloudflare v1/v2 twins: one change, one row", () => {
  const v2dns: AuditEvent = {
    source: "cloudflare", id: "v2-dns", time: "2026-08-20T10:00:01.300Z", ts: Date.parse("2026-08-20T10:00:01.300Z"),
    actor: { email: "a@example.com", id: "u1", token_name: "deploy" }, action: "dns_records.create", operation: "create",
    resource: { id: "rec-9", type: "dns_records" }, outcome: "success", user_agent: "curl/8", change: { new: { name: "pay" } }, raw: {},
  };
  const v1dns: AuditEvent = {
    source: "cloudflare", id: "v1-dns", time: "2026-08-20T10:00:00.900Z", ts: Date.parse("2026-08-20T10:00:00.900Z"),
    actor: { email: "A@example.com", id: "u1" }, ip: "192.0.2.9", action: "rec_add", operation: "create",
    resource: { id: "rec-9", type: "DNS_record", scope: "example.com" }, outcome: "success", change: { setting: "CNAME", old: "x" }, raw: {},
  };

  it("merges the copies across a second boundary, keeps v2's fields, v1's extras and both ids, and counts them", () => {
    const { events, merged } = mergeTwins([v2dns], [v1dns]);
    expect(merged).toBe(1);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.id).toBe("v2-dns");
    expect(e.twin_ids).toEqual(["v1-dns"]);
    expect(e.user_agent).toBe("curl/8");
    expect(e.ip).toBe("192.0.2.9");
    expect(e.resource.scope).toBe("example.com");
    expect(e.change).toEqual({ new: { name: "pay" }, setting: "CNAME", old: "x" });
    expect(mergeHistories(page([v2dns], "cloudflare-v2"), page([v1dns], "cloudflare-v1")).merged).toBe(1);
  });

  it("keeps both when the time, the resource, the operation or the actor differ", () => {
    const far = { ...v1dns, id: "v1-far", ts: v2dns.ts + 5_000 };
    const other = { ...v1dns, id: "v1-other", resource: { id: "rec-10" } };
    const del = { ...v1dns, id: "v1-del", action: "rec_del", operation: "delete" as const };
    const bob = { ...v1dns, id: "v1-bob", actor: { email: "bob@example.com" } };
    for (const v1 of [far, other, del, bob]) {
      expect(areTwins(v2dns, v1)).toBe(false);
      expect(mergeTwins([v2dns], [v1]).events.map((e) => e.id)).toEqual(["v2-dns", v1.id]);
    }
  });

  it("one v2 entry takes one twin: a second identical v1 copy stays a row", () => {
    const again = { ...v1dns, id: "v1-again", ts: v1dns.ts + 100 };
    const { events, merged } = mergeTwins([v2dns], [v1dns, again]);
    expect(merged).toBe(1);
    expect(events.map((e) => e.id)).toEqual(["v2-dns", "v1-again"]);
  });
});
