import { describe, expect, it } from "vitest";
import { mergeHistories, type CloudflareFetch } from "../tools/cloudflare/client.ts";
import type { AuditEvent } from "../tools/events.ts";

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
