// challenge2 scenarios: misconfiguration. Each block builds one incident and registers it with add().
import { Ids, UA, add, at, cf1, cf2, dd, ddReq, idOf, incident, type DdUser, type J } from "./lib.ts";

// =====================================================================================================
// misconfiguration
// =====================================================================================================

// 01 — security level turned off to debug a partner webhook, reverted 26 minutes later (v1 only).
{
  const g = new Ids("c2-mis-01");
  const acct = g.hex(32);
  const T = "2026-09-03T14:22:08Z";
  const u = { id: g.hex(32), email: "elif.yilmaz@harbourline.travel", ip: "81.2.69.192" };
  const zid = g.hex(32), zn = "api.harbourline.travel";
  const S = (when: string, nv: string, ov: string) => cf1(g, { when, type: "change_setting", actor: u, owner: acct, res: { id: zid, type: "zone" }, meta: { name: "security_level", type: "firewall", value: nv, zone_name: zn }, nv, ov });
  const v1: J[] = [cf1(g, { when: at(T, -180), type: "login", actor: u, owner: u.id, res: { id: u.id, type: "user" }, iface: "" })];
  const off = S(T, "essentially_off", "high");
  const back = S(at(T, 26, 14), "high", "essentially_off");
  v1.push(off, back, cf1(g, { when: at(T, 27), type: "purge", actor: u, owner: acct, res: { id: zid, type: "zone" }, meta: { zone_name: zn } }));
  v1.push(cf1(g, { when: at(T, -4400), type: "change_setting", actor: u, owner: acct, res: { id: zid, type: "zone" }, meta: { name: "min_tls_version", type: "ssl", value: "1.2", zone_name: zn }, nv: "1.2", ov: "1.0" }));
  v1.push(cf1(g, { when: at(T, -95), type: "rec_add", actor: { id: g.hex(32), email: "noah.pettersen@harbourline.travel", ip: "81.2.69.193" }, owner: acct, res: { id: g.num(11), type: "DNS_record" }, meta: { zone_name: zn }, nvj: { id: g.hex(32), type: "CNAME", name: `hooks-sandbox.${zn}`, content: "sandbox.partner-gds.example", ttl: 1, proxied: true, zone_name: zn } }));
  add("c2-mis-01-security-level-off-reverted", incident({
    id: "c2-mis-01-security-level-off-reverted", title: "Security level set to essentially_off while debugging webhooks, reverted 26 min later",
    now: "2026-09-03T15:30:00Z",
    anomaly: { id: "det-cf-4b10f2", actor: u.email, action: "change_setting", timestamp: T, source: "cloudflare", severity: "medium", detector: "cf-waf-weaken", details: { setting: "security_level", new: "essentially_off" } },
    cf: { account_id: acct, v1 },
    label: {
      verdict: "misconfiguration", key_event_ids: [idOf(off), idOf(back)],
      techniques: ["T1562.007"],
      rationale: "The admin works from the office address all day; a colleague had just added a partner webhook sandbox host. Security level dropped to essentially_off on the API zone and restored to high 26 minutes later, followed by a cache purge: classic debugging by switching protection off. No other attack step. Not malicious, but an unticketed weakening of the WAF on a production zone: misconfiguration to raise with the team.",
    },
  }));
}

// 02 — DNS provider migration: a long noisy day of record work, then bulk deletion of live records without a ticket.
{
  const g = new Ids("c2-mis-02");
  const acct = g.hex(32);
  const T = "2026-10-05T16:40:12Z";
  const u = { id: g.hex(32), email: "camille.durand@velora-retail.fr", ip: "89.160.20.140" };
  const zones = ["velora-retail.fr", "velora-retail.com", "velora.shop", "velora-retail.de"].map((n) => ({ id: g.hex(32), name: n }));
  const v1: J[] = [];
  const recFor = (z: { id: string; name: string }) => ({ id: g.hex(32), type: g.pick(["A", "CNAME", "TXT", "AAAA"]), name: `${g.pick(["www", "img", "cdn", "api", "shop", "legacy", "m", "promo", "static"])}${g.int(40)}.${z.name}`, content: `${g.pick(["185.31.17", "151.101.2", "104.18.31"])}.${g.int(250)}`, ttl: 1, proxied: g.int(2) === 0, zone_id: z.id, zone_name: z.name });
  // previous day and this morning: records recreated record-by-record in the new zones (migration prep)
  for (let i = 0; i < 260; i++) {
    const z = g.pick(zones);
    v1.push(cf1(g, { when: at(T, -1700 + i * 5, g.int(50)), type: "rec_add", actor: u, owner: acct, res: { id: g.num(11), type: "DNS_record" }, meta: { zone_name: z.name }, micro: true, nvj: recFor(z) }));
  }
  // other engineers' unrelated work
  for (let i = 0; i < 50; i++) {
    const who = g.pick(["bastien.leroy@velora-retail.fr", "ana.sousa@velora-retail.fr"]);
    const z = g.pick(zones);
    v1.push(cf1(g, { when: at(T, -1400 + i * 27), type: g.pick(["purge", "purge", "login"]), actor: { id: g.hex(32), email: who, ip: "89.160.20.141" }, owner: acct, res: { id: z.id, type: "zone" }, meta: { zone_name: z.name } }));
  }
  // the flagged burst: 48 deletions in 6 minutes on the live zone, including the MX and checkout host
  const z = zones[0]!;
  const key: J[] = [];
  const mx = cf1(g, { when: at(T, 2, 5), type: "rec_del", actor: u, owner: acct, res: { id: g.num(11), type: "DNS_record" }, meta: { zone_name: z.name }, micro: true, ovj: { id: g.hex(32), type: "MX", name: z.name, content: "velora-retail-fr.mail.protection.outlook.com", priority: 0, ttl: 3600, proxied: false, zone_id: z.id, zone_name: z.name } });
  const checkout = cf1(g, { when: at(T, 3, 40), type: "rec_del", actor: u, owner: acct, res: { id: g.num(11), type: "DNS_record" }, meta: { zone_name: z.name }, micro: true, ovj: { id: g.hex(32), type: "CNAME", name: `checkout.${z.name}`, content: "velora-checkout.edgekey.net", ttl: 1, proxied: true, zone_id: z.id, zone_name: z.name } });
  for (let i = 0; i < 46; i++) {
    const e = cf1(g, { when: at(T, 0, i * 7), type: "rec_del", actor: u, owner: acct, res: { id: g.num(11), type: "DNS_record" }, meta: { zone_name: z.name }, micro: true, ovj: recFor(z) });
    v1.push(e); if (i === 0) key.push(e);
  }
  v1.push(mx, checkout);
  // old history, outside the window
  for (let i = 0; i < 20; i++) v1.push(cf1(g, { when: at(T, -4000 - i * 60), type: g.pick(["login", "purge"]), actor: u, owner: acct, res: { id: z.id, type: "zone" }, meta: { zone_name: z.name } }));
  const dd0: J[] = [];
  const org = g.uuid();
  const du: DdUser = { email: u.email, uuid: g.uuid() };
  for (let i = 0; i < 40; i++) dd0.push(ddReq(g, { ts: at(T, -600 + i * 15), org, usr: du, method: "GET", path: g.pick(["/api/v1/synthetics/tests", "/api/v1/monitor", "/api/v1/dashboard/vr1-7aa-01c"]), ip: u.ip, ua: UA.chromeMac }));
  const syn = dd(g, { ts: at(T, 9), org, evt: "Synthetic Monitoring", usr: { email: "ana.sousa@velora-retail.fr", uuid: g.uuid() }, action: "modified", asset: { type: "synthetics_test", id: "z3k-991-pfa", name: "checkout.velora-retail.fr availability", prev_value: { status: "live" }, new_value: { status: "paused" } }, message: "ana.sousa@velora-retail.fr paused synthetic test \"checkout.velora-retail.fr availability\" (failing since DNS change)" });
  dd0.push(syn);
  add("c2-mis-02-dns-migration-bulk-delete", incident({
    id: "c2-mis-02-dns-migration-bulk-delete", title: "Admin deletes 48 live DNS records mid-migration, no change ticket, checkout and mail go dark",
    now: "2026-10-05T18:10:00Z",
    anomaly: { id: "det-cf-a0e6d9", actor: u.email, action: "rec_del", timestamp: T, source: "cloudflare", severity: "high", detector: "cf-bulk-dns-delete", details: { count_10m: 48, zone: z.name } },
    cf: { account_id: acct, v1 }, dd: { events: dd0 },
    label: {
      verdict: "misconfiguration", key_event_ids: [idOf(key[0]!), idOf(mx), idOf(checkout)],
      techniques: ["T1485"],
      rationale: "Same person, same office address, same UI session that spent the previous day and morning recreating ~260 records in the new zones: this is a provider migration, not an intruder. But the records were deleted from the live zone before cut-over and without any change reference, taking down the MX and checkout host (a colleague paused the failing checkout synthetic minutes later). A senior analyst calls it a damaging unticketed change: misconfiguration, not benign.",
    },
  }));
}

// 03 — audit retention cut to save money, with a FinOps ticket.
{
  const g = new Ids("c2-mis-03");
  const org = g.uuid();
  const T = "2026-09-30T10:14:45Z";
  const u: DdUser = { email: "oskar.lindqvist@fjellnett.se", uuid: g.uuid() };
  const ip = "89.160.20.150";
  const ev: J[] = [];
  for (let i = 0; i < 9; i++) ev.push(ddReq(g, { ts: at(T, -200 + i * 20), org, usr: u, method: "GET", path: g.pick(["/api/v2/usage/cost_by_org", "/api/v1/usage/logs", "/api/v1/logs/config/indexes"]), ip, ua: UA.safari }));
  const k = {
    aud: dd(g, { ts: T, org, evt: "Organization Management", usr: u, action: "modified", asset: { type: "audit_logs_settings", id: org, name: "Audit Trail Settings", prev_value: { enabled: true, retention_days: 90 }, new_value: { enabled: true, retention_days: 7 } }, message: `${u.email} modified the Audit Trail settings (FINOPS-2231: reduce retention cost)` }),
    idx: dd(g, { ts: at(T, 4, 30), org, evt: "Log Management", usr: u, action: "modified", asset: { type: "index", id: "security", name: "security", prev_value: { num_retention_days: 30, daily_limit: null }, new_value: { num_retention_days: 3, daily_limit: 50000000 } }, message: `${u.email} modified index "security" (FINOPS-2231)` }),
  };
  ev.push(k.aud, k.idx);
  ev.push(dd(g, { ts: at(T, 7), org, evt: "Log Management", usr: u, action: "modified", asset: { type: "index", id: "debug", name: "debug", prev_value: { num_retention_days: 15 }, new_value: { num_retention_days: 3 } }, message: `${u.email} modified index "debug" (FINOPS-2231)` }));
  ev.push(dd(g, { ts: at(T, -3000), org, evt: "Dashboard", usr: u, action: "created", asset: { type: "dashboard", id: "c0s-tt1-pl9", name: "Datadog spend by product" }, message: `${u.email} created dashboard "Datadog spend by product"` }));
  ev.push(dd(g, { ts: at(T, -50), org, evt: "Monitor", usr: { email: "maja.ek@fjellnett.se", uuid: g.uuid() }, action: "modified", asset: { type: "monitor", id: "5521093", name: "[edge] latency p99" }, message: "maja.ek@fjellnett.se modified monitor \"[edge] latency p99\"" }));
  add("c2-mis-03-retention-cut-finops-ticket", incident({
    id: "c2-mis-03-retention-cut-finops-ticket", title: "Audit and security-index retention cut to save cost, under a FinOps ticket",
    now: "2026-09-30T11:00:00Z",
    anomaly: { id: "det-dd-71aa04", actor: u.email, action: "modified", timestamp: T, source: "datadog", severity: "medium", detector: "dd-audit-settings", details: { asset_type: "audit_logs_settings", ticket: "FINOPS-2231" } },
    dd: { events: ev }, cf: { account_id: g.hex(32), v1: [] }, faults: { cloudflare: "slow:300" },
    label: {
      verdict: "misconfiguration", key_event_ids: [idOf(k.aud), idOf(k.idx)],
      techniques: ["T1562.008"],
      rationale: "A FinOps engineer, after a morning of usage and cost queries from the usual office address, cuts audit trail retention 90 -> 7 days and the security index 30 -> 3 days citing FINOPS-2231. Intent is cost, nothing else in the chain. But dropping security-log retention below the investigation window is a control failure that security must reverse or approve: misconfiguration.",
    },
  }));
}

// 04 — SSO enforced with a broken IdP: everyone locked out, break-glass revert.
{
  const g = new Ids("c2-mis-04");
  const org = g.uuid();
  const T = "2026-10-12T08:05:31Z";
  const u: DdUser = { email: "grace.mensah@lumencare.health", uuid: g.uuid() };
  const ip = "2.125.160.220";
  const ev: J[] = [];
  const k = {
    idp: dd(g, { ts: T, org, evt: "Access Management", usr: u, action: "modified", asset: { type: "identity_provider", id: org, name: "Login methods", prev_value: { password_login: true, google_login: true, saml: { enabled: true, strict_mode: false } }, new_value: { password_login: false, google_login: false, saml: { enabled: true, strict_mode: true, idp_metadata_expires: "2026-10-01T00:00:00Z" } } }, message: `${u.email} modified organization login methods` }),
    fix: dd(g, { ts: at(T, 47), org, evt: "Access Management", usr: u, action: "modified", asset: { type: "identity_provider", id: org, name: "Login methods", prev_value: { password_login: false, saml: { strict_mode: true } }, new_value: { password_login: true, saml: { strict_mode: false } } }, message: `${u.email} modified organization login methods` }),
  };
  ev.push(k.idp, k.fix);
  const fails: J[] = [];
  for (let i = 0; i < 16; i++) {
    const who = `${g.pick(["sam", "lina", "arjun", "zoe", "felix", "mei", "omar", "ruth"])}.${g.pick(["hale", "ito", "rao", "nkemelu", "berg"])}@lumencare.health`;
    const e = dd(g, { ts: at(T, 3 + i * 2, g.int(59)), org, evt: "Authentication", usr: { email: who, uuid: g.uuid() }, action: "login", status: "error", auth: "SAML", message: `${who} failed to log in: SAML response signature invalid (IdP certificate expired)` });
    fails.push(e); ev.push(e);
  }
  for (let i = 0; i < 6; i++) ev.push(ddReq(g, { ts: at(T, -40 + i * 5), org, usr: u, method: "GET", path: "/api/v2/saml_configurations", ip, ua: UA.chromeWin }));
  ev.push(dd(g, { ts: at(T, 45), org, evt: "Authentication", usr: u, action: "login", auth: "PASSWORD", message: `${u.email} logged in with break-glass password login` }));
  add("c2-mis-04-sso-strict-lockout", incident({
    id: "c2-mis-04-sso-strict-lockout", title: "SAML strict mode enforced with an expired IdP certificate locks the org out for 47 min",
    now: "2026-10-12T09:30:00Z",
    anomaly: { id: "det-dd-19bd3e", actor: u.email, action: "modified", timestamp: T, source: "datadog", severity: "high", detector: "dd-auth-methods", details: { asset_type: "identity_provider" } },
    dd: { events: ev },
    label: {
      verdict: "misconfiguration", key_event_ids: [idOf(k.idp), idOf(k.fix), idOf(fails[0]!)],
      techniques: ["T1556"],
      rationale: "The identity admin, from the usual office address after reviewing the SAML configuration, switches the org to SAML-only strict mode while the IdP metadata had expired. Sixteen users then fail SAML logins; 47 minutes later the admin re-enables password login via break-glass. Authentication changed, but toward stricter control, reverted by the same person, with user impact: misconfiguration, not an attack.",
    },
  }));
}

// 05 — contractor granted the Admin role instead of a scoped role.
{
  const g = new Ids("c2-mis-05");
  const org = g.uuid();
  const T = "2026-09-22T15:31:02Z";
  const u: DdUser = { email: "will.okonkwo@peregrine-logistics.com", uuid: g.uuid() };
  const ip = "67.43.156.14";
  const cont = "s.kowalczyk@nimbus-consulting.pl";
  const ev: J[] = [];
  const inv = dd(g, { ts: at(T, -3), org, evt: "Access Management", usr: u, action: "created", asset: { type: "user", id: g.uuid(), name: cont, new_value: { email: cont, roles: ["Datadog Read Only Role"] } }, message: `${u.email} invited user "${cont}" (PRJ-812 dashboard migration)` });
  const role = dd(g, { ts: T, org, evt: "Access Management", usr: u, action: "modified", asset: { type: "role", id: g.uuid(), name: "Datadog Admin Role", prev_value: { users_count: 4 }, new_value: { users_count: 5 } }, message: `${u.email} successfully added user "${cont}" to the role "Datadog Admin Role"` });
  ev.push(inv, role);
  for (let i = 0; i < 8; i++) ev.push(ddReq(g, { ts: at(T, -300 + i * 30), org, usr: u, method: "GET", path: g.pick(["/api/v2/users", "/api/v2/roles", "/api/v1/dashboard"]), ip, ua: UA.chromeMac }));
  ev.push(dd(g, { ts: at(T, -2880), org, evt: "Access Management", usr: u, action: "created", asset: { type: "user", id: g.uuid(), name: "t.achterberg@nimbus-consulting.pl" }, message: `${u.email} invited user "t.achterberg@nimbus-consulting.pl" (PRJ-812)` }));
  ev.push(dd(g, { ts: at(T, 40), org, evt: "Dashboard", usr: { email: cont, uuid: g.uuid() }, action: "created", asset: { type: "dashboard", id: "n1m-bu5-001", name: "Fleet telemetry (migrated)" }, message: `${cont} created dashboard "Fleet telemetry (migrated)"` }));
  add("c2-mis-05-contractor-admin-role", incident({
    id: "c2-mis-05-contractor-admin-role", title: "Contractor invited for a dashboard migration is added to the Admin role",
    now: "2026-09-22T16:45:00Z",
    anomaly: { id: "det-dd-64e0c1", actor: u.email, action: "modified", timestamp: T, source: "datadog", severity: "medium", detector: "dd-admin-grant", details: { role: "Datadog Admin Role", member: cont } },
    dd: { events: ev }, cf: { account_id: g.hex(32), v1: [] },
    label: {
      verdict: "misconfiguration", key_event_ids: [idOf(role), idOf(inv)],
      techniques: ["T1098.003"],
      rationale: "The platform lead, from his usual address, invites a consultant for project PRJ-812 (as he did for another consultant two days ago) and then adds the consultant to the Admin role; the consultant's only follow-up is building a dashboard. Nothing malicious, but a dashboard migration needs Standard at most: least-privilege violation that widens the blast radius. Misconfiguration.",
    },
  }));
}

// 06 — Access policy switched to Bypass for everyone on the staging admin app (v2 only).
{
  const g = new Ids("c2-mis-06");
  const acct = { id: g.hex(32), name: "Quillon Games" };
  const T = "2026-10-07T17:48:20Z";
  const u = { id: g.hex(32), email: "dev.batra@quillon.gg", ip: "81.2.69.210" };
  const appId = g.uuid(), polId = g.uuid();
  const v2: J[] = [];
  const k = {
    pol: cf2(g, { time: T, type: "update", desc: "Update Access Policy", product: "access", acct, actor: u, method: "PUT", uri: `/accounts/${acct.id}/access/apps/${appId}/policies/${polId}`, resType: "policy", resId: polId, request: { name: "loadtest-allow (GAME-4410)", decision: "bypass", include: [{ everyone: {} }], precedence: 1 }, response: { app: "admin.staging.quillon.gg" } }),
  };
  v2.push(k.pol);
  v2.push(cf2(g, { time: at(T, -30), type: "view", desc: "Get Access Application", product: "access", acct, actor: u, method: "GET", uri: `/accounts/${acct.id}/access/apps/${appId}`, resType: "app", resId: appId }));
  v2.push(cf2(g, { time: at(T, -120), type: "update", desc: "Update Ruleset", product: "rulesets", acct, actor: u, method: "PUT", uri: `/zones/${g.hex(32)}/rulesets/${g.hex(32)}`, resType: "ruleset", zone: { id: g.hex(32), name: "staging.quillon.gg" }, request: { description: "rate limit raised for GAME-4410 load test" } }));
  v2.push(cf2(g, { time: at(T, -3000), type: "create", desc: "Create Access Application", product: "access", acct, actor: u, method: "POST", uri: `/accounts/${acct.id}/access/apps`, resType: "app", resId: appId, request: { domain: "admin.staging.quillon.gg" } }));
  v2.push(cf2(g, { time: at(T, -15), type: "update", desc: "Update Zone Setting", product: "zone_settings", acct, actor: { id: g.hex(32), email: "noor.haddad@quillon.gg", ip: "81.2.69.211" }, method: "PATCH", uri: `/zones/${g.hex(32)}/settings/cache_level`, zone: { id: g.hex(32), name: "cdn.quillon.gg" } }));
  add("c2-mis-06-access-bypass-everyone", incident({
    id: "c2-mis-06-access-bypass-everyone", title: "Access policy on staging admin set to Bypass/Everyone for a load test (ticket), left in place",
    now: "2026-10-08T09:00:00Z",
    anomaly: { id: "det-cf-2f5b8e", actor: u.email, action: "access.update", timestamp: T, source: "cloudflare", severity: "medium", detector: "cf-access-policy" },
    cf: { account_id: acct.id, v1: [], v2 },
    label: {
      verdict: "misconfiguration", key_event_ids: [idOf(k.pol)],
      techniques: ["T1556.009"],
      rationale: "The developer who owns the staging admin app raises a rate limit and then sets its Access policy to Bypass for Everyone, both referencing load-test ticket GAME-4410, from the office address. Purpose is legitimate but the admin interface is now reachable without authentication and 15 hours later nothing has reverted it. Misconfiguration.",
    },
  }));
}

// 07 — audit Logpush job deleted in a "cleanup of unused jobs", recreated 40 min later; Datadog down (v2 only).
{
  const g = new Ids("c2-mis-07");
  const acct = { id: g.hex(32), name: "Sable & Finch" };
  const T = "2026-09-11T11:09:55Z";
  const u = { id: g.hex(32), email: "marta.kowal@sablefinch.co.uk", ip: "2.125.160.230" };
  const v2: J[] = [];
  const dels: J[] = [];
  ["zone-firewall-events-old", "dns-logs-trial", "audit-to-splunk"].forEach((n, i) => {
    const e = cf2(g, { time: at(T, -4 + i * 2, 10), type: "delete", desc: "Delete Logpush Job", product: "logpush", acct, actor: u, method: "DELETE", uri: `/accounts/${acct.id}/logpush/jobs/${30200 + i}`, resType: "job", resId: String(30200 + i), request: { name: n } });
    dels.push(e); v2.push(e);
  });
  const re = cf2(g, { time: at(T, 38), type: "create", desc: "Create Logpush Job", product: "logpush", acct, actor: u, method: "POST", uri: `/accounts/${acct.id}/logpush/jobs`, resType: "job", resId: "30377", request: { name: "audit-to-splunk", dataset: "audit_logs", enabled: true } });
  v2.push(re);
  v2.push(cf2(g, { time: at(T, -20), type: "view", desc: "List Logpush Jobs", product: "logpush", acct, actor: u, method: "GET", uri: `/accounts/${acct.id}/logpush/jobs`, resType: "job" }));
  v2.push(cf2(g, { time: at(T, 30), type: "view", desc: "List Logpush Jobs", product: "logpush", acct, actor: { id: g.hex(32), email: "soc-oncall@sablefinch.co.uk", ip: "2.125.160.231" }, method: "GET", uri: `/accounts/${acct.id}/logpush/jobs`, resType: "job" }));
  v2.push(cf2(g, { time: at(T, -2000), type: "update", desc: "Update Logpush Job", product: "logpush", acct, actor: u, method: "PUT", uri: `/accounts/${acct.id}/logpush/jobs/30201`, resType: "job", resId: "30201", request: { enabled: false } }));
  const flagged = dels[2]!;
  add("c2-mis-07-logpush-cleanup-deleted-siem-feed", incident({
    id: "c2-mis-07-logpush-cleanup-deleted-siem-feed", title: "Cleanup of unused Logpush jobs deletes the SIEM audit feed; recreated 40 min later",
    now: "2026-09-11T12:30:00Z",
    anomaly: { id: "det-cf-c4e712", actor: u.email, action: "logpush.delete", timestamp: at(T, 0, 10), source: "cloudflare", severity: "high", detector: "cf-logpush-watch", details: { job: "audit-to-splunk" } },
    cf: { account_id: acct.id, v1: [], v2 }, dd: { events: [] }, faults: { datadog: "unavailable" },
    label: {
      verdict: "misconfiguration", key_event_ids: [idOf(flagged), idOf(re)],
      techniques: ["T1562.008"],
      rationale: "An engineer tidying Logpush deletes two genuinely stale jobs and, with them, the audit feed to the SIEM; the SOC on-call looks at the job list half an hour later and the same engineer recreates the audit job at 11:48 from the same office address. A logging gap by mistake, repaired: misconfiguration. Datadog being unavailable removes corroboration but not the Cloudflare evidence.",
    },
  }));
}

// 08 — exclusion filter meant for debug logs written as a match-all; corrected within the hour.
{
  const g = new Ids("c2-mis-08");
  const org = g.uuid();
  const T = "2026-10-19T13:02:40Z";
  const u: DdUser = { email: "tariq.aziz@corvid-bank.com", uuid: g.uuid() };
  const ev: J[] = [];
  const k = {
    bad: dd(g, { ts: T, org, evt: "Log Management", usr: u, action: "modified", asset: { type: "exclusion filter", id: "main", name: "drop-debug", prev_value: null, new_value: { filter: { query: "status:debug OR *", sample_rate: 1.0 }, is_enabled: true } }, message: `${u.email} added exclusion filter "drop-debug" on index "main" (OBS-77)` }),
    fix: dd(g, { ts: at(T, 52), org, evt: "Log Management", usr: u, action: "modified", asset: { type: "exclusion filter", id: "main", name: "drop-debug", prev_value: { filter: { query: "status:debug OR *" } }, new_value: { filter: { query: "status:debug", sample_rate: 1.0 }, is_enabled: true } }, message: `${u.email} modified exclusion filter "drop-debug" on index "main" (OBS-77)` }),
  };
  ev.push(k.bad, k.fix);
  ev.push(dd(g, { ts: at(T, 40), org, evt: "Monitor", usr: { email: "on-call@corvid-bank.com", uuid: g.uuid() }, action: "modified", asset: { type: "monitor", id: "6620014", name: "[logs] ingestion volume drop > 90%" }, message: "on-call@corvid-bank.com acknowledged monitor \"[logs] ingestion volume drop > 90%\"" }));
  for (let i = 0; i < 7; i++) ev.push(ddReq(g, { ts: at(T, -120 + i * 15), org, usr: u, method: "GET", path: "/api/v1/logs/config/indexes/main", ip: "198.18.40.12", ua: UA.chromeWin }));
  ev.push(dd(g, { ts: at(T, -3500), org, evt: "Log Management", usr: u, action: "modified", asset: { type: "pipeline", id: "p0p-1", name: "nginx" }, message: `${u.email} modified pipeline "nginx"` }));
  add("c2-mis-08-exclusion-filter-match-all", incident({
    id: "c2-mis-08-exclusion-filter-match-all", title: "Debug-log exclusion filter written as match-all drops every log for 52 min",
    now: "2026-10-19T14:15:00Z",
    anomaly: { id: "det-dd-ae5f60", actor: u.email, action: "modified", timestamp: T, source: "datadog", severity: "high", detector: "dd-log-exclusion", details: { asset_type: "exclusion filter" } },
    dd: { events: ev }, faults: { datadog: "rate_limited_once" },
    label: {
      verdict: "misconfiguration", key_event_ids: [idOf(k.bad), idOf(k.fix)],
      techniques: ["T1562.008"],
      rationale: "The observability engineer adds a debug-log exclusion under OBS-77 with a query that also matches everything; the ingestion-drop monitor fires and 52 minutes later the same engineer narrows it to status:debug. Logging was effectively disabled, by a query mistake, and fixed by its author: misconfiguration.",
    },
  }));
}
