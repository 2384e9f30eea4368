// Posture classes met in timelines written by other people: Cloudflare v2 changes whose previous values sit in the
// response, zone settings named in the request, include-everyone Access rules, session records, leaked-key notices.
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../domain/events.ts";
import { analyse } from "../analysis/index.ts";
import { changeDirection, opensToEveryone, silenceIsBounded } from "../analysis/posture.ts";
import { CHROME, HOME_IP, T, WINDOW, anomaly, cf1, cf2, dd, okSources, routineDay } from "./analysis-fixtures.ts";

const home = { ip: HOME_IP, ua: CHROME };
const v2 = (product: string, type: string, request: unknown, response: unknown, op: "update" | "create" = "update"): AuditEvent =>
  ({ ...cf2(product, op, { at: T, ...home, resource: { type }, change: { new: request } }), category: product, raw: { resource: { request, response } } });

describe("Cloudflare v2 previous values and zone settings", () => {
  it("reads the setting from the request and the old value from response.previous", () => {
    expect(changeDirection(v2("zone_settings", "zone_settings", { id: "ssl", value: "flexible" }, { previous: { value: "strict" } }))).toBe("weaker");
    expect(changeDirection(v2("zone_settings", "zone_settings", { id: "min_tls_version", value: "1.0" }, { previous: { value: "1.2" } }))).toBe("weaker");
    expect(changeDirection(v2("zone_settings", "zone_settings", { id: "always_use_https", value: "on" }, { previous: { value: "off" } }))).toBe("stronger");
  });
  it("enforcing two-factor is a strengthening even with the old value nested or unknown", () => {
    expect(changeDirection(v2("account", "account", { settings: { enforce_twofactor: true } }, { previous: { enforce_twofactor: false } }))).toBe("stronger");
    expect(changeDirection(v2("access", "identity_provider", { name: "IdP", config: { require_mfa: true } }, {}))).toBe("stronger");
    expect(changeDirection(v2("account", "account", { settings: { enforce_twofactor: false } }, { previous: { enforce_twofactor: true } }))).toBe("weaker");
  });
  it("a weakened zone setting by the usual developer is a misconfiguration", () => {
    const r = analyse({ events: [...routineDay(), v2("zone_settings", "zone_settings", { id: "ssl", value: "flexible" }, { previous: { value: "strict" } })], anomaly: anomaly("zone_settings.update", T), window: WINDOW, sources: okSources() });
    expect(r.indicators.map((i) => i.id)).toContain("firewall.weakened");
    expect(r.assessment.verdict).toBe("misconfiguration");
  });
});

describe("include lists, sessions, bounded mutes, leaked keys", () => {
  it("an Access include of everyone opens the policy unless its decision denies", () => {
    expect(opensToEveryone(v2("access", "policy", { name: "wiki", include: [{ everyone: {} }] }, {}))).toBe(true);
    expect(opensToEveryone(v2("access", "policy", { name: "wiki", decision: "deny", include: [{ everyone: {} }] }, {}))).toBe(false);
    expect(opensToEveryone(v2("access", "policy", { name: "wiki", include: [{ email_domain: { domain: "example.com" } }] }, {}))).toBe(false);
  });
  it("a login recorded as a session create is not a new member", () => {
    const login = v2("user", "session", {}, {}, "create");
    const r = analyse({ events: [login], anomaly: anomaly("login", T), window: WINDOW, sources: okSources() });
    expect(r.indicators.map((i) => i.id)).not.toContain("account.created");
    expect(r.assessment.verdict).toBe("benign");
  });
  it("a mute with a prefixed end key is bounded", () => {
    const mute = dd("Monitor", "monitor", "modified", { at: T, ...home, change: { old: { muted: false }, new: { muted: true, mute_end: "2026-08-20T16:00:00Z" } } });
    expect(silenceIsBounded(mute)).toBe(true);
    const open = dd("Monitor", "monitor", "modified", { at: T, ...home, change: { old: { muted: false }, new: { muted: true, mute_end: null } } });
    expect(silenceIsBounded(open)).toBe(false);
  });
  it("a vendor notice that the actor's key leaked to a public repository weighs towards misconfiguration", () => {
    const notice = dd("Security Notification", "application_key", "notification", { at: T, ...home, description: "Datadog detected application key ci-temp in a public GitHub repository" });
    const r = analyse({ events: [...routineDay(), notice], anomaly: anomaly("Security Notification/application_key/notification", T), window: WINDOW, sources: okSources() });
    expect(r.assessment.verdict).toBe("misconfiguration");
  });
});

describe("role definitions widened by the usual actor", () => {
  it("administrative permissions added to a shared role with nothing else around it is a misconfiguration", () => {
    const widen = dd("Access Management", "role", "modified", { at: T, ...home, resource: { type: "role", id: "role-ro", name: "Read Only Role" }, change: { old: { permissions: ["dashboards_read"] }, new: { permissions: ["dashboards_read", "org_management", "api_keys_write"] } } });
    const r = analyse({ events: [...routineDay(), widen], anomaly: anomaly("Access Management/role/modified", T), window: WINDOW, sources: okSources() });
    // the evidence table names it; how much it weighs is learned (analysis/weights.json)
    const rule = r.assessment.evidence?.find((e) => e.rule === "mis.role_widened");
    expect(rule?.ids).toContain(widen.id);
    expect(r.assessment.verdict).not.toBe("benign");
  });
});

describe("an approval recorded before a bulk removal", () => {
  const H = 3600_000;
  const zone = "old-shop.example.com";
  const burst = (z: string) =>
    Array.from({ length: 12 }, (_, i) =>
      cf1("rec_del", { at: T + i * 20_000, ...home, resource: { type: "DNS_record", id: `rec-${i}`, name: `h${i}.${z}`, scope: z }, change: { old: { name: `h${i}.${z}`, type: "A", content: `192.0.2.${i}` } } }),
    );
  const note = (z: string, text: string) =>
    cf1("rec_add", { at: T - 18 * H, ...home, resource: { type: "DNS_record", id: "txt-1", name: `_decom.${z}`, scope: z }, change: { new: { name: `_decom.${z}`, type: "TXT", content: text } } });
  const run = (events: AuditEvent[]) => analyse({ events, anomaly: anomaly("rec_del", T), window: WINDOW, sources: okSources() });

  it("a deletion burst in the zone whose approval the actor wrote down the day before is planned", () => {
    const r = run([note(zone, "CHG-9120 decommission approved, cutover tomorrow 10:00 UTC"), ...burst(zone)]);
    const planned = r.assessment.evidence?.find((e) => e.rule === "clear.planned_bulk");
    expect(planned?.clearing).toBe(true);
    expect(planned?.ids.length).toBeGreaterThan(0);
    expect(r.assessment.verdict).not.toBe("likely_malicious");
  });
  it("a note without an approval, or for another zone, does not explain the burst", () => {
    const fired = (events: AuditEvent[]) => (run(events).assessment.evidence ?? []).map((e) => e.rule);
    expect(fired([note(zone, "CHG-9120 notes"), ...burst(zone)])).not.toContain("clear.planned_bulk");
    expect(fired([note("other.example.com", "CHG-9120 decommission approved"), ...burst(zone)])).not.toContain("clear.planned_bulk");
  });
});

describe("a Logpush job repointed with the previous destination in the response", () => {
  it("reads the repointing as a logging change, and an unchanged destination as none", () => {
    const job = (dest: string) => v2("logpush", "job", { destination_conf: dest, name: "audit to s3" }, { previous: { destination_conf: "s3://sec-log-archive/cf?region=eu-central-1" } });
    const ids = (e: AuditEvent) => analyse({ events: [...routineDay(), e], anomaly: anomaly("logpush.update", T), window: WINDOW, sources: okSources() }).indicators.map((i) => i.id);
    expect(ids(job("s3://sec-log-archve/cf?region=eu-central-1"))).toContain("logging.impaired");
    expect(ids(job("s3://sec-log-archive/cf?region=eu-central-1"))).not.toContain("logging.impaired");
  });
});
