// Classes of reasoning that must hold on timelines written by other people: a weakening later undone is a revert,
// not a chain step; a bounded silencing lifted again is maintenance; a permissive policy decision in a request body
// is a weakening; one admin grant by the actor's usual self weighs as an over-broad grant, not an attack.
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../domain/events.ts";
import { analyse } from "../analysis/index.ts";
import { isSilencing, opensToEveryone } from "../analysis/posture.ts";
import { ALICE, CHROME, EVIL_IP, HOME_IP, T, WINDOW, anomaly, cf2, dd, okSources, routineDay } from "./analysis-fixtures.ts";

const M = 60_000;
const home = { ip: HOME_IP, ua: CHROME };
const run = (events: AuditEvent[], action: string, sources: ReturnType<typeof okSources> | Record<string, unknown> = okSources()) =>
  analyse({ events, anomaly: anomaly(action, T), window: WINDOW, sources: sources as ReturnType<typeof okSources> });
const ids = (r: ReturnType<typeof run>) => r.indicators.map((i) => i.id);

describe("permissive policy decisions in request bodies", () => {
  const policy = (request: unknown, o: Partial<Parameters<typeof cf2>[2]> = {}) =>
    ({ ...cf2("access", "update", { at: T, ...home, resource: { type: "policy", id: "pol-1" }, description: "Update Access Policy", change: { new: request }, ...o }), raw: { resource: { request } } });
  it("reads bypass/allow for everyone, 0.0.0.0/0 and * as opening, and a scoped allow as not", () => {
    expect(opensToEveryone(policy({ decision: "bypass", include: [{ everyone: {} }] }))).toBe(true);
    expect(opensToEveryone(policy({ decision: "allow", include: [{ ip: { ip: "0.0.0.0/0" } }] }))).toBe(true);
    expect(opensToEveryone(policy({ decision: "allow", include: [{ email_domain: { domain: "example.com" } }] }))).toBe(false);
    expect(opensToEveryone(policy({ decision: "deny", include: [{ everyone: {} }] }))).toBe(false);
    const ddList = dd("Organization", "ip_allowlist", "modified", { at: T, ...home, change: { new: { entries: [{ cidr_block: "0.0.0.0/0" }], action: "allow" } } });
    expect(opensToEveryone(ddList)).toBe(true);
  });

  it("an Access policy set to bypass for everyone by its usual owner with a ticket is a misconfiguration", () => {
    const r = run([...routineDay(), policy({ name: "load test (OPS-4410)", decision: "bypass", include: [{ everyone: {} }] })], "access.update");
    expect(ids(r)).toContain("policy.opened");
    expect(r.assessment.verdict).toBe("misconfiguration");
    expect(r.assessment.techniques).toContain("T1556.009");
  });

  it("a Datadog allowlist opened to 0.0.0.0/0 is a misconfiguration, a scoped allowlist entry is not a weakening", () => {
    const list = (cidr: string) => dd("Organization", "ip_allowlist", "modified", { at: T, ...home, change: { new: { action: "allow", entries: [{ cidr_block: cidr }] } } });
    const open = run([...routineDay(), list("0.0.0.0/0")], "Organization/ip_allowlist/modified");
    expect(ids(open)).toContain("policy.opened");
    expect(open.assessment.verdict).toBe("misconfiguration");
    expect(ids(run([...routineDay(), list("203.0.113.0/24")], "Organization/ip_allowlist/modified"))).not.toContain("policy.opened");
  });

  it("an API token's own allow policy is not an opened door", () => {
    const tok = cf2("api_tokens", "create", { at: T, ...home, resource: { type: "token" }, change: { new: { name: "ci", policies: [{ effect: "allow", resources: { "com.cloudflare.api.account.*": "*" } }] } } });
    expect(ids(run([...routineDay(), tok], "api_tokens.create"))).not.toContain("policy.opened");
  });
});

describe("a removal undone by re-creating an equivalent object is a revert", () => {
  const job = (op: "delete" | "create", at: number, extra: Record<string, unknown> = {}) =>
    cf2("logpush", op, { at, ...home, resource: { type: "job", id: `job-${op}` }, change: { new: { name: "audit-to-siem", ...extra } } });

  it("Cloudflare: Logpush job deleted then re-created with the same name is a misconfiguration, not exfiltration", () => {
    const events = [job("delete", T), job("create", T + 38 * M, { dataset: "audit_logs", enabled: true })];
    const r = run(events, "logpush.delete", { cloudflare: okSources().cloudflare, datadog: { status: "failed", events: 0, pivot_events: 0, pages: 0, warnings: [], rejected: 0 } });
    expect(r.correlation.reverts.map((x) => x.kind)).toContain("deleted_then_restored");
    expect(ids(r)).not.toContain("exfil.new_destination");
    expect(r.assessment.verdict).toBe("misconfiguration");
  });

  it("re-created pointing somewhere else is no revert", () => {
    const events = [
      cf2("logpush", "delete", { at: T, ...home, resource: { type: "job" }, change: { new: { name: "audit-to-siem", destination_conf: "s3://corp-logs" } } }),
      cf2("logpush", "create", { at: T + 10 * M, ...home, resource: { type: "job" }, change: { new: { name: "audit-to-siem", destination_conf: "s3://elsewhere", enabled: true } } }),
    ];
    const r = run(events, "logpush.delete");
    expect(r.correlation.reverts).toEqual([]);
    expect(ids(r)).toContain("exfil.new_destination");
  });

  it("Datadog: an archive deleted and re-created under its name is not a chain", () => {
    const dest = { destination: { type: "s3", bucket: "corp-archive", integration: { account_id: "111" } } };
    const events = [
      ...routineDay(),
      dd("Log Management", "archive", "deleted", { at: T, ...home, resource: { id: "a1", name: "main-archive" }, change: { old: dest } }),
      dd("Log Management", "archive", "created", { at: T + 20 * M, ...home, resource: { id: "a2", name: "main-archive" }, change: { new: dest } }),
    ];
    const r = run(events, "Log Management/archive/deleted");
    expect(r.correlation.reverts.map((x) => x.kind)).toContain("deleted_then_restored");
    expect(r.assessment.verdict).toBe("misconfiguration");
  });
});

describe("bounded silencing lifted again is maintenance", () => {
  const END = Math.floor((T + 3 * 3600_000) / 1000);
  const mute = (id: string, at: number, silenced: Record<string, unknown>, description: string) =>
    dd("Monitor", "monitor", "modified", { at, ...home, resource: { id, name: `[db] ${id}` }, description, change: { setting: "monitor", old: { options: { silenced: {} } }, new: { options: { silenced } } } });
  const unmute = (id: string, at: number, silenced: Record<string, unknown>) =>
    dd("Monitor", "monitor", "modified", { at, ...home, resource: { id, name: `[db] ${id}` }, description: `${ALICE} unmuted monitor`, change: { setting: "monitor", old: { options: { silenced } }, new: { options: { silenced: {} } } } });

  it("recognises silencing changes", () => {
    expect(isSilencing(mute("m1", T, { "*": END }, "muted monitor"))).toBe(true);
    expect(isSilencing(dd("Dashboard", "dashboard", "modified", { at: T }))).toBe(false);
  });

  it("muted until an end time under a change ticket, unmuted two hours later: benign", () => {
    const events = [
      ...routineDay(),
      mute("m1", T, { "*": END }, `${ALICE} muted monitor until midnight for CHG-4471`),
      mute("m2", T + M, { "*": END }, `${ALICE} muted monitor until midnight for CHG-4471`),
      unmute("m1", T + 120 * M, { "*": END }),
      unmute("m2", T + 121 * M, { "*": END }),
    ];
    const r = run(events, "Monitor/monitor/modified");
    expect(r.assessment.verdict).toBe("benign");
  });

  it("muted with no end and unmuted later stays a reverted misconfiguration", () => {
    const events = [...routineDay(), mute("m1", T, { "*": null }, `${ALICE} muted monitor`), unmute("m1", T + 120 * M, { "*": null })];
    expect(run(events, "Monitor/monitor/modified").assessment.verdict).toBe("misconfiguration");
  });
});

describe("one admin grant by the actor's usual self", () => {
  const invite = (email: string, at: number, o = home) =>
    dd("Access Management", "user", "created", { at, ...o, description: `${ALICE} invited user "${email}" (PRJ-812)`, change: { new: { email, roles: ["Read Only Role"] } } });
  const grant = (email: string, at: number, o = home) =>
    dd("Access Management", "role", "modified", { at, ...o, description: `${ALICE} successfully added user "${email}" to the role "Admin Role"`, change: { old: { users_count: 4 }, new: { users_count: 5 } } });

  it("to an outside identity is an over-broad grant (misconfiguration), not an attack", () => {
    const r = run([...routineDay(), invite("s.k@consulting.example.net", T - 3 * M), grant("s.k@consulting.example.net", T)], "Access Management/role/modified");
    expect(r.assessment.verdict).toBe("misconfiguration");
    expect(r.assessment.techniques).toContain("T1098.003");
  });

  it("to a colleague of the same organisation stays benign", () => {
    const r = run([...routineDay(), invite("ruth@example.com", T - 3 * M), grant("ruth@example.com", T)], "Access Management/role/modified");
    expect(r.assessment.verdict).toBe("benign");
  });

  it("from a new address followed by removing another admin stays malicious", () => {
    const evil = { ip: EVIL_IP, ua: "curl/8.4.0" };
    const events = [
      ...routineDay(),
      invite("x@mailbox.example.org", T - 3 * M, evil),
      grant("x@mailbox.example.org", T, evil),
      dd("Access Management", "user", "deleted", { at: T + 2 * M, ...evil, description: `${ALICE} disabled user "bob@example.com"` }),
    ];
    expect(run(events, "Access Management/role/modified").assessment.verdict).toBe("likely_malicious");
  });

  it("Cloudflare v2: an Administrator member added from an agency domain by the usual admin is a misconfiguration", () => {
    const member = cf2("members", "create", { at: T, ...home, resource: { type: "member", id: "mem-1" }, description: "Add Member", change: { new: { email: "dev@agency.example.io", roles: [{ name: "Administrator" }] } } });
    const r = run([...routineDay(), member], "members.create");
    expect(r.assessment.verdict).toBe("misconfiguration");
  });
});
