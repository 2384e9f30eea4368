// Classes of incident the deterministic analyst must get right on data it has never seen: strengthening vs
// weakening, bounded silencing, mail-authentication records, archives inside vs outside the account, planned bulk
// removals, vendor-id actors, loose anomaly actions, one source only, window edges.
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../domain/events.ts";
import { analyse } from "../analysis/index.ts";
import { changeDirection, silenceIsBounded, mailAuthWeakened, destinationAccounts } from "../analysis/posture.ts";
import { valueKey } from "../analysis/text.ts";
import { CHROME, EVIL_IP, HOME_IP, NOW, T, WINDOW, anomaly, cf1, cf2, dd, okSources, routineDay } from "./analysis-fixtures.ts";

const M = 60_000;
const run = (events: AuditEvent[], action: string, sources = okSources(), extra: Parameters<typeof anomaly>[2] = {}) =>
  analyse({ events, anomaly: anomaly(action, T, extra), window: WINDOW, sources });
const home = { ip: HOME_IP, ua: CHROME };

describe("change direction over values of any shape", () => {
  const ev = (old: unknown, next: unknown, setting?: string) => dd("Log Management", "index", "modified", { at: T, change: { setting, old, new: next } });
  it("reads strengthening and weakening per key", () => {
    expect(changeDirection(ev({ mfa_required: false }, { mfa_required: true }))).toBe("stronger");
    expect(changeDirection(ev({ password_login: true }, { password_login: false }))).toBe("stronger");
    expect(changeDirection(ev({ password_login: false }, { password_login: true }))).toBe("weaker");
    expect(changeDirection(ev({ muted: false }, { muted: true }))).toBe("weaker");
    expect(changeDirection(ev({ daily_limit: null }, { daily_limit: 1000 }))).toBe("weaker");
    expect(changeDirection(ev({ daily_limit: 1000 }, { daily_limit: null }))).toBe("stronger");
    expect(changeDirection(ev({ settings: { retention: { days: 30 } } }, { settings: { retention: { days: 7 } } }))).toBe("weaker");
    expect(changeDirection(ev({ mode: "block" }, { mode: "log" }))).toBe("weaker");
    expect(changeDirection(ev("1.2", "1.0", "min_tls_version"))).toBe("weaker");
    expect(changeDirection(ev("low", "under_attack", "security_level"))).toBe("stronger");
    expect(changeDirection(ev({ thresholds: { critical: 30 } }, { thresholds: { critical: 30 } }))).toBe("unknown");
  });
  it("a weakening anywhere in a mixed change wins", () => {
    expect(changeDirection(ev({ mfa_required: false, password_login: false }, { mfa_required: true, password_login: true }))).toBe("weaker");
  });
});

describe("bounded silencing, mail records, archive accounts", () => {
  it("knows a bounded silence from an open-ended one", () => {
    const d = (v: unknown, description?: string) => dd("Monitor", "downtime", "created", { at: T, change: { new: v }, ...(description ? { description } : {}) });
    expect(silenceIsBounded(d({ schedule: { start: "2026-08-20T14:00:00Z", end: "2026-08-20T15:00:00Z" } }))).toBe(true);
    expect(silenceIsBounded(d({ schedule: { start: null, end: null } }))).toBe(false);
    expect(silenceIsBounded(d({ options: { silenced: { "*": null } } }))).toBe(false);
    expect(silenceIsBounded(d(undefined, "muted monitor until 16:00 UTC"))).toBe(true);
    expect(silenceIsBounded(d(undefined))).toBe(false);
  });
  it("reads mail records in v1 values and v2 raw responses", () => {
    const v2 = { ...cf2("dns_records", "delete", { at: T, resource: { type: "dns.record" } }), raw: { resource: { response: { name: "example.com", type: "TXT", content: "v=spf1 -all" } } } };
    expect(mailAuthWeakened(v2, "delete")).toBe(true);
    const a = { ...v2, raw: { resource: { response: { name: "cdn.example.com", type: "CNAME", content: "x.example.net" } } } };
    expect(mailAuthWeakened(a, "delete")).toBe(false);
  });
  it("names the account of archive destinations in any cloud", () => {
    expect(destinationAccounts({ destination: { integration: { account_id: "4839", role_name: "r" } } })).toEqual(["4839"]);
    expect(destinationAccounts({ destination: { integration: { client_email: "dd@proj-7.iam.gserviceaccount.com" } } })).toEqual(["proj-7"]);
  });
});

describe("verdict classes on unseen shapes", () => {
  it("enforcing MFA and SAML strict mode from the usual place is benign", () => {
    const events = [
      ...routineDay(),
      dd("Access Management", "identity_provider", "modified", {
        at: T, ...home, change: { old: { saml_strict_mode: false, password_login: true, mfa_required: false }, new: { saml_strict_mode: true, password_login: false, mfa_required: true } },
      }),
      dd("Authentication", "", "login", { at: T + 5 * M, ...home, description: "logged in with saml" }),
    ];
    const r = run(events, "Access Management/identity_provider/modified");
    expect(r.indicators.map((i) => i.id)).not.toContain("auth.modified");
    expect(r.assessment.verdict).toBe("benign");
  });

  it("re-enabling password login beside SSO is a weakening", () => {
    const events = [...routineDay(), dd("Access Management", "identity_provider", "modified", { at: T, ...home, change: { old: { password_login: false }, new: { password_login: true } } })];
    const r = run(events, "Access Management/identity_provider/modified");
    expect(r.indicators.map((i) => i.id)).toContain("auth.modified");
    expect(r.assessment.verdict).toBe("misconfiguration");
  });

  it("a downtime with an end time is routine; the same downtime with no end is a misconfiguration", () => {
    const dt = (end: string | null) => dd("Monitor", "downtime", "created", { at: T, ...home, change: { new: { scope: "env:prod", schedule: { start: "2026-08-20T14:06:00Z", end } } } });
    expect(run([...routineDay(), dt("2026-08-20T15:06:00Z")], "Monitor/downtime/created").assessment.verdict).toBe("benign");
    expect(run([...routineDay(), dt(null)], "Monitor/downtime/created").assessment.verdict).toBe("misconfiguration");
  });

  it("SPF and DMARC deleted by the usual DNS owner is a misconfiguration, even after routine record deletions", () => {
    const events = [
      ...routineDay(),
      cf1("rec_del", { at: T - 5 * 3600_000, ...home, resource: { type: "DNS_record" }, change: { old: { name: "_acme-challenge.example.com", type: "TXT", content: "tok" } } }),
      cf1("rec_del", { at: T, ...home, resource: { type: "DNS_record" }, change: { old: { name: "example.com", type: "TXT", content: "v=spf1 include:old.example -all" } } }),
      cf1("rec_del", { at: T + M, ...home, resource: { type: "DNS_record" }, change: { old: { name: "_dmarc.example.com", type: "TXT", content: "v=DMARC1; p=reject" } } }),
    ];
    const r = run(events, "rec_del");
    expect(r.indicators.map((i) => i.id)).toContain("mail_auth.removed");
    expect(r.assessment.verdict).toBe("misconfiguration");
  });

  it("an archive repointed inside the account is a logging misconfiguration even after earlier archive work; to a new account it is exfiltration", () => {
    const dest = (bucket: string, account: string) => ({ destination: { type: "s3", bucket, integration: { account_id: account, role_name: "R" } } });
    const earlier = dd("Log Management", "archive", "created", { at: T - 15 * 3600_000, ...home, change: { new: dest("stage-v2", "111") } });
    const move = (account: string) => dd("Log Management", "archive", "modified", { at: T, ...home, change: { old: dest("prod", "111"), new: dest("prod-v2", account) } });
    const same = run([...routineDay(), earlier, move("111")], "Log Management/archive/modified");
    expect(same.indicators.map((i) => i.id)).toContain("logging.impaired");
    expect(same.indicators.map((i) => i.id)).not.toContain("exfil.new_destination");
    expect(same.assessment.verdict).toBe("misconfiguration");
    const other = run([...routineDay(), earlier, move("999")], "Log Management/archive/modified");
    expect(other.indicators.map((i) => i.id)).toContain("exfil.new_destination");
  });

  it("mass DNS deletion by the usual owner is a misconfiguration; each deletion carrying its change reference is planned work", () => {
    const del = (i: number, note?: string) =>
      cf1("rec_del", { at: T + i * M, ...home, resource: { type: "DNS_record", name: `r${i}.example.com` }, change: { old: { name: `r${i}.example.com`, type: "CNAME", content: "old.example.net", ...(note ? { comment: note } : {}) } } });
    const plain = [...routineDay(), ...Array.from({ length: 8 }, (_, i) => del(i))];
    expect(run(plain, "rec_del").assessment.verdict).toBe("misconfiguration");
    const planned = [...routineDay(), ...Array.from({ length: 8 }, (_, i) => del(i, "decommissioned under NET-1182"))];
    expect(run(planned, "rec_del").assessment.verdict).toBe("benign");
  });

  it("a disabled Logpush job is not a new destination", () => {
    const events = [
      ...routineDay(),
      cf2("logpush", "update", { at: T, ...home, change: { new: { dataset: "audit_logs", enabled: false } } }),
      cf2("logpush", "create", { at: T + M, ...home, change: { new: { dataset: "audit_logs_v2", enabled: false, destination_conf: "r2://logs" } } }),
    ];
    const r = run(events, "logpush.update");
    expect(r.indicators.map((i) => i.id)).not.toContain("exfil.new_destination");
    expect(r.assessment.verdict).toBe("misconfiguration");
  });
});

describe("robustness", () => {
  it("an actor given as a vendor id is matched and not mistaken for automation by its hex", () => {
    const id = "e8b1f5f3-d6d7-4cd7-bd1c-9ee502dc72e8";
    const events = routineDay({ actor: id }).concat(dd("Access Management", "api_key", "created", { at: T, ip: EVIL_IP, actor: id }));
    const r = analyse({ events, anomaly: anomaly("api_key_created", T, { actor: id }), window: WINDOW, sources: okSources() });
    expect(r.correlation.events.length).toBe(events.length);
    expect(r.correlation.automation.identity).toBe(false);
    expect(r.correlation.flagged.event_ids.length).toBe(1);
  });

  it("loose anomaly actions locate the flagged event", () => {
    const e = dd("Organization Management", "audit_trail_state", "modified", { at: T + 20_000, ...home, change: { old: { enabled: true }, new: { enabled: false } } });
    const r = run([...routineDay(), e], "Disable audit trail");
    expect(r.correlation.flagged.event_ids).toEqual([e.id]);
    expect(run([...routineDay(), dd("Access Management", "api_key", "created", { at: T, ...home })], "api_key_created").correlation.flagged.match).not.toBe("none");
  });

  it("events exactly at the window edges are kept", () => {
    const first = dd("Dashboard", "dashboard", "modified", { at: WINDOW.since.getTime(), ...home });
    const last = dd("Dashboard", "dashboard", "modified", { at: NOW, ...home });
    const r = run([first, ...routineDay(), last], "Dashboard/dashboard/modified");
    expect(r.correlation.events.map((e) => e.id)).toEqual(expect.arrayContaining([first.id, last.id]));
  });

  it("one source answering keeps the verdict and lowers the confidence", () => {
    const events = [...routineDay(), cf1("change_setting", { at: T, ...home, metadata: { name: "security_level" }, change: { setting: "security_level", old: "high", new: "essentially_off" } })];
    const both = run(events, "change_setting");
    const one = run(events.filter((e) => e.source === "cloudflare"), "change_setting", { ...okSources(), datadog: { status: "failed", events: 0, pivot_events: 0, pages: 0, warnings: [], rejected: 0 } });
    expect(one.assessment.verdict).toBe(both.assessment.verdict);
    expect(one.assessment.confidence).toBeLessThan(both.assessment.confidence);
  });
});

describe("value comparison key", () => {
  // the reference: JSON of a copy with every object's keys sorted, cut at 4 000 characters, lower-cased
  const sortKeys = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sortKeys)
      : x && typeof x === "object"
        ? Object.fromEntries(Object.keys(x as object).sort().map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]))
        : x;
  const reference = (v: object) => JSON.stringify(sortKeys(v)).slice(0, 4000).toLowerCase();
  it("is the key-sorted JSON of the value, index-like keys first, undefined left out, cut at 4 000 characters", () => {
    const values: object[] = [
      { b: 1, a: "X", c: [3, { z: null, y: true }], t: false, n: -0, f: 1e21 },
      { "": "empty", "3": "three", "~": "tilde", "!": "bang" },
      { "10": "ten", "2": "two", a: 1, "01": "lead", "-1": "neg", "4294967295": "big", "4294967294": "max" },
      { a: undefined, b: [undefined, () => 1], c: { d: undefined }, e: "quote \" and \\ and \n" },
      [{ b: 2, a: 1 }, "S", 1.5, Number.NaN, null],
      { when: new Date(0), nested: { deep: { deeper: { deepest: ["A"] } } } },
      { long: "x".repeat(3990), after: "y".repeat(50), tail: { k: "v" } },
      Array.from({ length: 500 }, (_, i) => ({ [`k${500 - i}`]: `V${i}`, id: i })),
    ];
    for (const v of values) expect(valueKey(v)).toBe(reference(v));
  });
});
