// A realistic, hand-made investigation for the report tests.
import type { AuditEvent, SourceStatus } from "../domain/events.ts";
import type { ReportInput } from "../report/model.ts";

export const INJECT = `<script>alert(1)</script>]]><ac:structured-macro ac:name="html">`;
export const SECRET_HEX = "4f6c2a9d0b1e8f7a3c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b";

const actor = { email: "alice.ops@example.com", id: "7c5dae5552338874e5053f2534d2767a", type: "user" };

function ev(p: Partial<AuditEvent> & Pick<AuditEvent, "id" | "time" | "source" | "action">): AuditEvent {
  return {
    ts: Date.parse(p.time),
    actor,
    operation: "other",
    resource: {},
    outcome: "success",
    raw: { id: p.id },
    ...p,
  } as AuditEvent;
}

export function events(): AuditEvent[] {
  return [
    ev({ id: "cf-login-1", time: "2026-08-20T09:12:00.000Z", source: "cloudflare", action: "login", operation: "login", ip: "198.51.100.9", resource: { type: "account" } }),
    ev({ id: "cf-login-2", time: "2026-08-20T13:47:55.000Z", source: "cloudflare", action: "login", operation: "login", ip: "203.0.113.45", resource: { type: "account" } }),
    ev({
      id: "e2d4b6a8-1c3e-5f70-8a9b-c0d1e2f3a4b5",
      time: "2026-08-20T13:55:02.000Z",
      source: "cloudflare",
      action: "change_setting",
      operation: "update",
      ip: "203.0.113.45",
      resource: { type: "zone", id: "9a7806061c88ada191ed06f989cc3dac", scope: "shop.example.com" },
      change: { setting: "security_level", old: "high", new: "essentially_off" },
      metadata: { zone_name: "shop.example.com", name: "security_level" },
      raw: { id: "e2d4b6a8-1c3e-5f70-8a9b-c0d1e2f3a4b5", action: { type: "change_setting", result: true }, metadata: { name: "security_level", value: "essentially_off", zone_name: "shop.example.com" }, oldValue: "high", newValue: "essentially_off" },
    }),
    ev({
      id: "9b0e47d1-58a3-5c2e-b1f4-0d6a9e3c7b12",
      time: "2026-08-20T13:58:40.000Z",
      source: "cloudflare",
      action: "rotate_API_key",
      operation: "update",
      ip: "203.0.113.45",
      resource: { type: "account" },
      raw: { id: "9b0e47d1-58a3-5c2e-b1f4-0d6a9e3c7b12", action: { info: `key digest: ${SECRET_HEX}`, type: "rotate_API_key" }, request: { headers: { Authorization: "Bearer abcdefghijklmnop1234", cookie: "session=xyz123456" } }, password: "hunter2hunter2" },
    }),
    ev({
      id: "3c1f8e2a-6d4b-4f0e-9a57-2b8d1e6c4f90",
      time: "2026-08-20T14:02:11.000Z",
      source: "cloudflare",
      action: "token_create",
      operation: "create",
      ip: "203.0.113.45",
      resource: { type: "account", id: "7c5dae5552338874e5053f2534d2767a", name: `ci-deploy ${INJECT}` },
      metadata: { token_name: `ci-deploy ${INJECT}`, token_tag: "b7261c49a793a82678d12285f0bc1401" },
      raw: { id: "3c1f8e2a-6d4b-4f0e-9a57-2b8d1e6c4f90", action: { type: "token_create", result: true }, metadata: { token_name: `ci-deploy ${INJECT}`, token_tag: "b7261c49a793a82678d12285f0bc1401", token_value: "Zk9sQ2xTbVd1aE5qUmtLcE1uQnZYeVowMTIzNDU2Nzg5" } },
    }),
    ev({
      id: "AQAAAZjX2b8sapikey",
      time: "2026-08-20T14:01:37.000Z",
      source: "datadog",
      action: "Authentication/api_key/created",
      operation: "create",
      ip: "203.0.113.45",
      category: "Authentication",
      resource: { type: "api_key", id: "k-1", name: "ci-exfil-tmp" },
      raw: { id: "AQAAAZjX2b8sapikey", attributes: { attributes: { asset: { type: "api_key", name: "ci-exfil-tmp" }, api_key: { value: "0123456789abcdef0123456789abcdef" } } } },
    }),
    ev({
      id: "AQAAAZjX3WvKmonitor",
      time: "2026-08-20T14:04:41.290Z",
      source: "datadog",
      action: "Monitor/monitor/deleted",
      operation: "delete",
      category: "Monitor",
      resource: { type: "monitor", id: "148392071", name: "[prod] checkout error rate | `x` # y" },
      raw: { id: "AQAAAZjX3WvKmonitor" },
    }),
    ev({
      id: "AQAAAZjX3xq1auditcfg",
      time: "2026-08-20T14:06:31.402Z",
      source: "datadog",
      action: "Organization Management/audit_logs_settings/modified",
      operation: "update",
      category: "Organization Management",
      resource: { type: "audit_logs_settings", name: "Audit Trail Settings" },
      raw: { id: "AQAAAZjX3xq1auditcfg", message: "alice.ops@example.com modified the Audit Trail settings" },
    }),
    ev({
      id: "pivot-bob-1",
      time: "2026-08-20T14:08:00.000Z",
      source: "cloudflare",
      action: "rec_add",
      operation: "create",
      ip: "203.0.113.45",
      pivot: true,
      actor: { email: "bob@example.com" },
      resource: { type: "DNS_record", name: "pay.shop.example.com" },
    }),
    ...Array.from({ length: 30 }, (_, i) =>
      ev({ id: `dd-view-${i}`, time: new Date(Date.parse("2026-08-20T10:00:00Z") + i * 60_000).toISOString(), source: "datadog", action: "Request/dashboard/accessed", operation: "view", resource: { type: "dashboard" } }),
    ),
  ];
}

const ok = (n: number): SourceStatus => ({ status: "ok", events: n, pivot_events: 0, pages: 1, warnings: [], rejected: 0, api: "test" });

export function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    anomaly: { id: "det-7f3a91", actor: "alice.ops@example.com", action: "token_create", timestamp: "2026-08-20T14:02:11Z", source: "cloudflare", severity: "high", detector: "cf-admin-anomaly" },
    investigationId: "inv-0001",
    window: { since: "2026-08-19T15:00:00Z", before: "2026-08-20T15:00:00Z" },
    events: events(),
    assessment: {
      verdict: "likely_malicious",
      confidence: 0.87,
      rationale: `Login from a new address followed by credential creation and defence evasion. ${INJECT}`,
      citations: ["3c1f8e2a-6d4b-4f0e-9a57-2b8d1e6c4f90", "e2d4b6a8-1c3e-5f70-8a9b-c0d1e2f3a4b5", "AQAAAZjX3xq1auditcfg", "9b0e47d1-58a3-5c2e-b1f4-0d6a9e3c7b12"],
      techniques: ["T1098.001", "T1562.008"],
      indicators: [
        { id: "credential.created", name: "API credential created", kind: "attack", severity: "high", techniques: ["T1098.001"], event_ids: ["3c1f8e2a-6d4b-4f0e-9a57-2b8d1e6c4f90", "AQAAAZjX2b8sapikey"], detail: `Token ${INJECT} created from a new address` },
        { id: "firewall.weakened", name: "Security level lowered", kind: "attack", severity: "high", techniques: ["T1562.007"], event_ids: ["e2d4b6a8-1c3e-5f70-8a9b-c0d1e2f3a4b5"], detail: "security_level high → essentially_off on shop.example.com" },
        { id: "logs.modified", name: "Audit Trail settings modified", kind: "attack", severity: "critical", techniques: ["T1562.008", "not-a-technique"], event_ids: ["AQAAAZjX3xq1auditcfg", "AQAAAZjX3WvKmonitor"], detail: "Audit Trail settings changed two minutes after a monitor was deleted" },
      ],
      engine: "rules",
      scores: { likely_malicious: 0.87, misconfiguration: 0.1, benign: 0.03 },
    },
    flaggedEventIds: ["3c1f8e2a-6d4b-4f0e-9a57-2b8d1e6c4f90"],
    sources: {
      cloudflare: { ...ok(6), pivot_events: 1 },
      datadog: { status: "partial", events: 33, pivot_events: 0, pages: 2, warnings: [], rejected: 1, error: "Datadog returned HTTP 429 after 3 attempts on page 3; check DD_API_KEY rate limits" },
    },
    coalesced: [{ id: "det-7f3a92", actor: "alice.ops@example.com", action: "API_key_view", timestamp: "2026-08-20T14:03:00Z" }],
    promptVersions: { analyst: "analyst@1.0.0", writer: "writer@1.0.0" },
    models: { analyst: "rules", writer: "template" },
    casefileVersion: "0.1.0",
    generatedAt: "2026-08-20T15:00:05Z",
    ...over,
  };
}
