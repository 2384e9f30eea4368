// Organisation context as evidence: the same incident gets a different verdict, citing the configuration key,
// with and without the context that explains it (a trusted network, a known automation identity, a team's hours).
import { describe, expect, it } from "vitest";
import { correlate } from "../analysis/timeline.ts";
import { findIndicators } from "../analysis/indicators.ts";
import { orgEvidence, inPeriod } from "../analysis/org-context.ts";
import { assess } from "../analysis/score.ts";
import { OrgContext, Period } from "../config/schema.ts";
import type { AuditEvent } from "../domain/events.ts";
import type { Anomaly } from "../domain/schemas.ts";
import { CHROME, T, WINDOW, anomaly, cf1, okSources, resetSeq, routineDay } from "./analysis-fixtures.ts";

const M = 60_000;
const run = (events: AuditEvent[], a: Anomaly, context?: unknown) => {
  const corr = correlate(events, a, WINDOW);
  return assess(corr, findIndicators(corr), okSources(), undefined, orgEvidence(context ? OrgContext.parse(context) : undefined));
};

describe("organisation context in the verdict", () => {
  it("a token minted from the corporate VPN: likely malicious without the context, benign with it, citing context.networks", () => {
    resetSeq();
    const VPN = "100.64.10.23";
    const events = [
      ...routineDay(),
      cf1("rec_edit", { at: T - 23.8 * 3600_000, ua: CHROME, resource: { type: "DNS_record", id: "r-1" } }),
      cf1("login", { at: T - 5 * M, ip: VPN, ua: CHROME }),
      cf1("token_create", { at: T, ip: VPN, ua: CHROME, resource: { type: "token", id: "tok-1", name: "ci-token" } }),
    ];
    const without = run(events, anomaly("token_create"));
    expect(without.verdict).toBe("likely_malicious");
    expect(without.evidence?.some((e) => e.rule.startsWith("org."))).toBe(false);
    const withCtx = run(events, anomaly("token_create"), { networks: [{ cidr: "100.64.10.0/24", name: "corporate VPN" }] });
    expect(withCtx.verdict).toBe("benign");
    const cited = withCtx.evidence?.find((e) => e.rule === "org.trusted_network");
    expect(cited?.why).toBe("100.64.10.0/24 is corporate VPN — configuration context.networks (the actor's addresses 100.64.10.23)");
    expect(cited?.clearing).toBe(true);
    expect(cited?.ids.length).toBeGreaterThan(0);
    expect(withCtx.rationale).toContain("configuration context.networks");
  });

  const BOT = "deploy-bot@example.com";
  const TF = "Terraform/1.9.0 terraform-provider-cloudflare/4.40";
  const botDay = (ip: string) => [
    ...routineDay({ actor: BOT, ua: TF }),
    cf1("rec_edit", { at: T - 23.8 * 3600_000, actor: BOT, ua: TF, resource: { type: "DNS_record", id: "r-1" } }),
    cf1("rec_edit", { at: T - 2 * M, actor: BOT, ip, ua: TF, resource: { type: "DNS_record", id: "r-2" } }),
    cf1("token_create", { at: T, actor: BOT, ip, ua: TF, resource: { type: "token", id: "tok-9", name: "deploy" } }),
  ];
  const automation = { automation: [{ name: "deploy pipeline", vendor: "GitHub Actions", actors: [BOT], addresses: ["198.18.0.0/24"], user_agents: ["Terraform/*"] }] };

  it("a deploy bot from a new runner address: unverified automation without the context, a known automation identity with it", () => {
    resetSeq();
    const a = anomaly("token_create", T, { actor: BOT });
    const without = run(botDay("198.18.0.5"), a);
    expect(without.verdict).toBe("likely_malicious");
    expect(without.evidence?.map((e) => e.rule)).toContain("attack.unverified_automation");
    const withCtx = run(botDay("198.18.0.5"), a, automation);
    expect(withCtx.verdict).toBe("benign");
    const cited = withCtx.evidence?.find((e) => e.rule === "org.known_automation");
    expect(cited?.why).toBe("deploy-bot@example.com is the automation identity deploy pipeline (GitHub Actions), acting from its expected addresses — configuration context.automation");
  });

  it("the same identity acting from outside its declared addresses stays suspicious and says so", () => {
    resetSeq();
    const r = run(botDay("203.0.113.200"), anomaly("token_create", T, { actor: BOT }), automation);
    expect(r.verdict).toBe("likely_malicious");
    expect(r.evidence?.find((e) => e.rule === "org.automation_elsewhere")?.why).toMatch(/acted from 203\.0\.113\.200, outside its declared addresses.*context\.automation/);
    expect(r.evidence?.some((e) => e.rule === "org.known_automation")).toBe(false);
  });

  it("a change ticket in the team's own format and a sensitive zone are cited with their keys", () => {
    resetSeq();
    const events = [
      ...routineDay(),
      cf1("rec_add", { at: T, ua: CHROME, description: "per ACME-4411", resource: { type: "DNS_record", id: "r-7", scope: "shop.prod.example.com" } }),
    ];
    const r = run(events, anomaly("rec_add"), { changes: { tickets: ["/\\bACME-\\d+\\b/"] }, sensitive: [{ name: "production", kind: "zone", match: ["*.prod.example.com"] }] });
    const whys = (r.evidence ?? []).map((e) => e.why).join("\n");
    expect(whys).toContain("ACME-4411 matches the team's change-ticket format — configuration context.changes.tickets");
    expect(whys).toContain("the change touches production (zone), declared sensitive — configuration context.sensitive");
  });

  it("a team member's change inside the team's hours is cited as working hours, outside them as out of hours", () => {
    resetSeq();
    const events = [...routineDay(), cf1("rec_add", { at: T, ua: CHROME, resource: { type: "DNS_record", id: "r-8" } })];
    // T is Thursday 14:06 UTC
    const team = (start: string, end: string) => ({ teams: [{ name: "platform", members: ["alice.*@example.com"], hours: [{ days: ["thu"], start, end }] }] });
    const inside = run(events, anomaly("rec_add"), team("09:00", "17:00"));
    const rules = (r: typeof inside) => (r.evidence ?? []).map((e) => e.rule);
    expect(rules(inside)).toContain("org.working_hours");
    expect(rules(inside)).not.toContain("org.outside_hours");
    expect(inside.evidence?.find((e) => e.rule === "org.working_hours")?.why).toBe("alice.ops@example.com is in team platform, working or on call at the time of the changes — configuration context.teams");
    const outside = run(events, anomaly("rec_add"), team("18:00", "23:00"));
    expect(rules(outside)).toContain("org.outside_hours");
    expect(rules(outside)).not.toContain("org.working_hours");
    expect(outside.evidence?.find((e) => e.rule === "org.outside_hours")?.why).toMatch(/^alice\.ops@example\.com is in team platform, but \d+ change\(s\) fall outside its working hours and on-call — configuration context\.teams$/);
  });

  it("periods cross midnight and honour the UTC offset", () => {
    const p = Period.parse({ days: ["tue"], start: "22:00", end: "02:00" });
    expect(inPeriod(p, Date.parse("2026-08-18T23:00:00Z"))).toBe(true); // Tuesday 23:00
    expect(inPeriod(p, Date.parse("2026-08-19T01:30:00Z"))).toBe(true); // Wednesday 01:30, from Tuesday's window
    expect(inPeriod(p, Date.parse("2026-08-19T23:00:00Z"))).toBe(false); // Wednesday 23:00
    const berlin = Period.parse({ days: ["mon"], start: "09:00", end: "17:00", utc_offset: "+02:00" });
    expect(inPeriod(berlin, Date.parse("2026-08-17T07:30:00Z"))).toBe(true);
    expect(inPeriod(berlin, Date.parse("2026-08-17T15:30:00Z"))).toBe(false);
  });
});
