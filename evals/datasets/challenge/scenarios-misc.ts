// Misconfiguration incidents of the challenge dataset.
import { cfV1, cfV2, clock, dd, ddReq, hex, recId, uuid, UA } from "./lib.ts";
import type { DdUser } from "./lib.ts";
import { ACME, NW, NW_ORG, ACME_ORG } from "./scenarios-mal.ts";

type Inc = Record<string, unknown>;
const id = (r: Record<string, unknown>): string => r.id as string;

export function misconfig(): Inc[] {
  const out: Inc[] = [];

  // C1 — security level dropped to essentially_off while debugging a webhook, reverted 12 minutes later (v1 only).
  {
    const T = "2026-08-12T14:20:31Z";
    const c = clock(T);
    const a = { email: "olga.ivanova@acmeretail.com", id: hex(32), ip: "203.0.113.24" };
    const zoneId = hex(32);
    const base = { actor: a, owner: ACME.id, resourceType: "zone", resourceId: zoneId, iface: "UI" };
    const login = cfV1({ ...base, when: c.at(-95), type: "login", owner: a.id, resourceType: "account", resourceId: a.id, iface: "" });
    const purge = cfV1({ ...base, when: c.at(-40), type: "purge", metadata: { zone_name: "shop.acmeretail.com" } });
    const off = cfV1({ ...base, when: c.at(0), type: "change_setting", metadata: { name: "security_level", type: "firewall", value: "essentially_off", zone_name: "shop.acmeretail.com" }, newValue: "essentially_off", oldValue: "high" });
    const back = cfV1({ ...base, when: c.at(12, 40), type: "change_setting", metadata: { name: "security_level", type: "firewall", value: "high", zone_name: "shop.acmeretail.com" }, newValue: "high", oldValue: "essentially_off" });
    const other = cfV1({ when: c.at(-300), type: "token_roll", actor: { email: "deploy-bot@acmeretail.com", id: hex(32), ip: "34.82.119.7" }, owner: ACME.id, resourceType: "account", resourceId: ACME.id, metadata: { token_name: "terraform-ci-nightly", token_tag: hex(32) }, iface: "API" });
    const old = cfV1({ ...base, when: c.at(-5 * 1440), type: "change_setting", metadata: { name: "browser_check", type: "firewall", value: "on", zone_name: "shop.acmeretail.com" }, newValue: "on", oldValue: "off" });
    out.push({
      id: "ch-mis-01-security-level-revert",
      title: "Security level set to essentially_off on the shop zone, reverted 12 minutes later",
      now: c.iso(40),
      anomaly: { id: "det-cf-11aa02", actor: a.email, action: "change_setting", timestamp: T, source: "cloudflare", severity: "high", detector: "cf-admin-anomaly", details: { setting: "security_level", new: "essentially_off" } },
      sources: { cloudflare: { account_id: ACME.id, audit_logs: [back, off, purge, login, other, old] } },
      label: {
        verdict: "misconfiguration",
        key_event_ids: [id(off), id(back)],
        techniques: ["T1562.007"],
        rationale: "The zone's security level was switched off from the engineer's usual office address during routine cache work, then restored to high by the same person 12 minutes later with nothing else in between: troubleshooting by turning protection off, not an attack. Still a risky change made without a change record that left the shop unprotected for 12 minutes.",
      },
    });
  }

  // C2 — bulk DNS deletion during a migration, usual admin, no ticket (v2 only).
  {
    const T = "2026-08-17T16:05:12Z";
    const c = clock(T);
    const a = { email: "sam.okafor@northwind.io", id: hex(32), ip: "198.51.100.23" };
    const zone = { id: hex(32), name: "northwind.io" };
    const rec = (min: number, sec: number, type: "create" | "delete", name: string, rtype: string, content: string) =>
      cfV2({ time: c.at(min, sec), type, description: type === "create" ? "Create DNS Record" : "Delete DNS Record", product: "dns_records", resourceType: "dns.record", resourceId: hex(32), account: NW, actor: a, method: type === "create" ? "POST" : "DELETE", uri: `/zones/${zone.id}/dns_records`, ua: UA.mac, zone, request: type === "create" ? { name, type: rtype, content } : {}, response: type === "delete" ? { name, type: rtype, content } : {} });
    const yesterday = [rec(-1300, 0, "create", "cdn2.northwind.io", "CNAME", "northwind.b-cdn.net"), rec(-1296, 30, "create", "img2.northwind.io", "CNAME", "northwind.b-cdn.net"), rec(-1290, 5, "create", "static2.northwind.io", "CNAME", "northwind.b-cdn.net")];
    const names = ["cdn", "img", "static", "video-edge", "thumbs", "assets", "media", "dl", "files", "cdn-eu", "cdn-us"];
    const dels = names.map((n, i) => rec(i - 5, i === 5 ? 0 : i * 7 % 60, "delete", `${n}.northwind.io`, "CNAME", "northwind.legacycdn.net"));
    const flagged = dels[5]!;
    const fix = rec(22, 10, "create", "media.northwind.io", "CNAME", "northwind.b-cdn.net");
    const other = cfV2({ time: c.at(-200), type: "update", description: "Update Zone Setting", product: "zone_settings", resourceType: "zone.setting", resourceId: "min_tls_version", account: NW, actor: { email: "hana.sato@northwind.io", id: hex(32), ip: "198.51.100.200" }, method: "PATCH", uri: `/zones/${zone.id}/settings/min_tls_version`, ua: UA.win, zone, request: { value: "1.2" } });
    const old = rec(-4 * 1440, 0, "create", "legacy-test.northwind.io", "A", "192.0.2.10");
    out.push({
      id: "ch-mis-02-dns-mass-delete-no-ticket",
      title: "Eleven production CNAMEs deleted in a CDN migration without a change ticket",
      now: c.iso(75),
      anomaly: { id: "det-cf-22bb17", actor: a.email, action: "dns_records.delete", timestamp: T, source: "cloudflare", severity: "high", detector: "cf-bulk-delete", details: { count_10m: 11 } },
      sources: { cloudflare: { account_id: NW.id, audit_logs: [], audit_logs_v2: [fix, ...dels.reverse(), other, ...yesterday.reverse(), old] } },
      label: {
        verdict: "misconfiguration",
        key_event_ids: [id(flagged), id(dels[0]!), id(fix), id(yesterday[0]!)],
        techniques: ["T1485"],
        rationale: "The DNS admin, from the office address and browser he always uses, deletes the old-CDN CNAMEs after creating the new-CDN records the day before: a migration continuing his own work, not destruction by an outsider. But eleven production records went in minutes with no change ticket, and media.northwind.io had to be recreated 20 minutes later — an unreviewed change that broke production. A senior analyst closes it as misconfiguration (process failure) rather than benign.",
      },
    });
  }

  // C3 — log index retention cut to save cost, with a ticket.
  {
    const T = "2026-08-20T10:31:07Z";
    const c = clock(T);
    const a: DdUser = { email: "julia.weber@northwind.io", uuid: uuid() };
    const ip = "192.0.2.61";
    const login = dd({ time: c.at(-50), org: NW_ORG, user: a, evt: "Authentication", action: "login", message: `${a.email} logged in`, ip });
    const usage = ddReq({ time: c.at(-42), org: NW_ORG, user: a, method: "GET", path: "/api/v2/usage/logs_by_index", ua: UA.mac, ip });
    const idx = dd({ time: c.at(0), org: NW_ORG, user: a, evt: "Log Management", action: "modified", asset: { type: "index", id: "security", name: "security", prev_value: { num_retention_days: 30, daily_limit: null }, new_value: { num_retention_days: 3, daily_limit: null } }, message: `${a.email} modified index "security" (FINOPS-412: reduce log spend)`, ip });
    const idx2 = dd({ time: c.at(2, 30), org: NW_ORG, user: a, evt: "Log Management", action: "modified", asset: { type: "index", id: "debug", name: "debug", prev_value: { num_retention_days: 15 }, new_value: { num_retention_days: 3 } }, message: `${a.email} modified index "debug" (FINOPS-412: reduce log spend)`, ip });
    const aud = dd({ time: c.at(5, 12), org: NW_ORG, user: a, evt: "Organization Management", action: "modified", asset: { type: "audit_logs_settings", id: NW_ORG, name: "Audit Trail Settings", prev_value: { enabled: true, retention_days: 90 }, new_value: { enabled: true, retention_days: 7 } }, message: `${a.email} modified the Audit Trail settings (FINOPS-412)`, ip });
    const other = dd({ time: c.at(-600), org: NW_ORG, user: { email: "ops-bot@northwind.io", uuid: uuid(), actorType: "SERVICE_ACCOUNT", auth: "API + App Key" }, evt: "Monitor", action: "modified", asset: { type: "monitor", id: "77120391", name: "[k8s] node not ready", prev_value: { priority: 3 }, new_value: { priority: 2 } }, message: "ops-bot modified monitor", ip: "10.20.4.11" });
    const old = dd({ time: c.at(-3 * 1440), org: NW_ORG, user: a, evt: "Log Management", action: "modified", asset: { type: "index", id: "debug", name: "debug", prev_value: { daily_limit: null }, new_value: { daily_limit: 50000000 } }, message: `${a.email} modified index "debug" (FINOPS-398)`, ip });
    out.push({
      id: "ch-mis-03-retention-cut-ticket",
      title: "Security log index retention cut from 30 to 3 days (and Audit Trail to 7) to save cost, with a ticket",
      now: c.iso(120),
      anomaly: { id: "det-dd-33cc8e", actor: a.email, action: "Log Management/index/modified", timestamp: T, source: "datadog", severity: "medium", detector: "dd-audit-anomaly" },
      sources: { datadog: { site: "datadoghq.eu", audit_events: [aud, idx2, idx, usage, login, other, old] } },
      label: {
        verdict: "misconfiguration",
        key_event_ids: [id(idx), id(aud)],
        techniques: ["T1562.008"],
        rationale: "A FinOps engineer, from her usual address, after looking at log usage per index, cuts retention on indexes under a cost ticket (FINOPS-412) continuing earlier FINOPS work. Intent is legitimate, but cutting the security index to 3 days and Audit Trail from 90 to 7 days destroys investigative history and breaks retention expectations for security data: a harmful misconfiguration to roll back, not an attack.",
      },
    });
  }

  // C4 — SSO misconfigured locking users out.
  {
    const T = "2026-08-24T08:02:45Z";
    const c = clock(T);
    const a: DdUser = { email: "ravi.kumar@acmeretail.com", uuid: uuid() };
    const ip = "203.0.113.24";
    const prev = { login_methods: { password: true, google_oauth: true, saml: false }, saml: { idp_initiated: false } };
    const next = { login_methods: { password: false, google_oauth: false, saml: true }, saml: { idp_initiated: true, idp_metadata_url: "https://acmeretail.okta.com/app/exk1a2b3c/sso/saml/metadata", strict_mode: true } };
    const idp = dd({ time: c.at(0), org: ACME_ORG, user: a, evt: "Access Management", action: "modified", asset: { type: "identity_provider", id: ACME_ORG, name: "Login methods", prev_value: prev, new_value: next }, message: `${a.email} modified the organization's allowed login methods (IT-2231 SAML rollout)`, ip });
    const fails = ["anna.berg", "tom.becker", "priya.nair", "li.wei", "omar.haddad"].map((u, i) => dd({ time: c.at(4 + i * 3, i * 11), org: ACME_ORG, user: { email: `${u}@acmeretail.com`, uuid: uuid() }, evt: "Authentication", action: "login", status: "error", message: `${u}@acmeretail.com failed to log in: SAML response signature invalid`, ip: `203.0.113.${30 + i}` }));
    const fix = dd({ time: c.at(38, 5), org: ACME_ORG, user: a, evt: "Access Management", action: "modified", asset: { type: "identity_provider", id: ACME_ORG, name: "Login methods", prev_value: next, new_value: { ...next, login_methods: { password: false, google_oauth: true, saml: true } } }, message: `${a.email} modified the organization's allowed login methods (IT-2231 re-enable Google while cert fixed)`, ip });
    const before = dd({ time: c.at(-120), org: ACME_ORG, user: a, evt: "Authentication", action: "login", message: `${a.email} logged in`, ip });
    const old = dd({ time: c.at(-2 * 1440), org: ACME_ORG, user: a, evt: "Access Management", action: "modified", asset: { type: "role", id: uuid(), name: "Support Read", prev_value: { permissions: ["dashboards_read"] }, new_value: { permissions: ["dashboards_read", "monitors_read"] } }, message: `${a.email} modified role "Support Read"`, ip });
    out.push({
      id: "ch-mis-04-sso-lockout",
      title: "SAML-only login enforced with a bad IdP certificate, users locked out",
      now: c.iso(60),
      anomaly: { id: "det-dd-44dd01", actor: a.email, action: "Access Management/identity_provider/modified", timestamp: T, source: "datadog", severity: "high", detector: "dd-audit-anomaly", details: { change: "login methods" } },
      sources: { datadog: { site: "datadoghq.com", audit_events: [fix, ...fails.reverse(), idp, before, old] } },
      label: {
        verdict: "misconfiguration",
        key_event_ids: [id(idp), id(fix), id(fails[0]!)],
        techniques: ["T1556"],
        rationale: "The identity admin switches the org to SAML-only under a rollout ticket from the office; SAML signature validation then fails for every user who tries to log in, and 35 minutes later he re-enables Google login as a stop-gap. Authentication was changed, but toward a stricter method, by the owner of the project, with a visible broken outcome and remediation: a misconfiguration that caused an outage.",
      },
    });
  }

  // C5 — WAF managed rules switched to log-only while tuning false positives, left that way (v2 + v1 twin-less).
  {
    const T = "2026-08-27T13:44:18Z";
    const c = clock(T);
    const a = { email: "anna.berg@acmeretail.com", id: hex(32), ip: "203.0.113.24", context: "dash" };
    const zone = { id: hex(32), name: "shop.acmeretail.com" };
    const rsId = hex(32);
    const view = cfV2({ time: c.at(-35), type: "view", description: "Get Zone Ruleset", product: "rulesets", resourceType: "ruleset", resourceId: rsId, account: ACME, actor: a, method: "GET", uri: `/zones/${zone.id}/rulesets/${rsId}`, ua: UA.mac, zone });
    const skip = cfV2({ time: c.at(-20, 11), type: "create", description: "Create Zone Ruleset Rule", product: "rulesets", resourceType: "ruleset.rule", resourceId: hex(32), account: ACME, actor: a, method: "POST", uri: `/zones/${zone.id}/rulesets/${rsId}/rules`, ua: UA.mac, zone, request: { description: "SUP-5521 skip SQLi rule for /api/search (false positives)", action: "skip", expression: 'http.request.uri.path eq "/api/search"', action_parameters: { rules: { efb7b8c949ac4650a09736fc376e9aee: ["5de7edfa648c4d6891dc3e7f84534ffa"] } } } });
    const logOnly = cfV2({ time: c.at(0), type: "update", description: "Update Zone Entrypoint Ruleset", product: "rulesets", resourceType: "ruleset", resourceId: rsId, account: ACME, actor: a, method: "PUT", uri: `/zones/${zone.id}/rulesets/phases/http_request_firewall_managed/entrypoint`, ua: UA.mac, zone, request: { rules: [{ description: "Cloudflare Managed Ruleset", action: "execute", action_parameters: { id: "efb7b8c949ac4650a09736fc376e9aee", overrides: { action: "log" } } }] } });
    const other = cfV2({ time: c.at(-400), type: "create", description: "Purge Cache", product: "cache", resourceType: "zone", resourceId: zone.id, account: ACME, actor: { email: "tom.becker@acmeretail.com", id: hex(32), ip: "203.0.113.24" }, method: "POST", uri: `/zones/${zone.id}/purge_cache`, ua: UA.win, zone });
    const old = cfV2({ time: c.at(-3 * 1440), type: "update", description: "Update Zone Setting", product: "zone_settings", resourceType: "zone.setting", resourceId: "always_use_https", account: ACME, actor: a, method: "PATCH", uri: `/zones/${zone.id}/settings/always_use_https`, ua: UA.mac, zone, request: { value: "on" } });
    out.push({
      id: "ch-mis-05-waf-log-only",
      title: "Managed WAF ruleset overridden to log-only on the shop zone while tuning false positives",
      now: c.iso(240),
      anomaly: { id: "det-cf-55ee90", actor: a.email, action: "rulesets.update", timestamp: T, source: "cloudflare", severity: "high", detector: "cf-admin-anomaly" },
      sources: { cloudflare: { account_id: ACME.id, audit_logs: [], audit_logs_v2: [logOnly, skip, view, other, old] } },
      label: {
        verdict: "misconfiguration",
        key_event_ids: [id(logOnly), id(skip)],
        techniques: ["T1562.007"],
        rationale: "The zone's security engineer, from the office, first adds a narrow, ticketed skip for a false-positive SQLi rule, then overrides the whole managed ruleset to log-only and leaves it so for hours. Same person, usual place, ticketed tuning work and no credential or access changes: no sign of compromise. But the shop zone's WAF no longer blocks anything; this over-broad change needs reverting — misconfiguration.",
      },
    });
  }

  // C6 — all production monitors muted with no end time during a deploy; Datadog answers 429 once.
  {
    const T = "2026-08-31T21:15:00Z";
    const c = clock(T);
    const a: DdUser = { email: "li.wei@acmeretail.com", uuid: uuid() };
    const ip = "203.0.113.52";
    const deployReq = ddReq({ time: c.at(-12), org: ACME_ORG, user: a, method: "GET", path: "/api/v1/monitor", ua: UA.mac, ip });
    const mute = dd({ time: c.at(0), org: ACME_ORG, user: a, evt: "Monitor", action: "modified", asset: { type: "monitor", id: "all", name: "scope: env:prod", prev_value: { silenced: {} }, new_value: { silenced: { "env:prod": null }, end: null } }, message: `${a.email} muted all monitors for scope "env:prod" (deploy 2026.08.31-2) with no end time`, ip });
    const dash = dd({ time: c.at(3), org: ACME_ORG, user: a, evt: "Dashboard", action: "modified", asset: { type: "dashboard", id: "d9x-22k-pl1", name: "Deploy tracker", prev_value: { widgets: 8 }, new_value: { widgets: 9 } }, message: `${a.email} modified dashboard "Deploy tracker"`, ip });
    const prior = dd({ time: c.at(-1240), org: ACME_ORG, user: a, evt: "Monitor", action: "modified", asset: { type: "monitor", id: "all", name: "scope: env:staging", prev_value: { silenced: {} }, new_value: { silenced: { "env:staging": Math.floor(Date.parse("2026-08-31T01:00:00Z") / 1000) } } }, message: `${a.email} muted monitors for scope "env:staging" until 2026-08-31T01:00Z`, ip });
    const other = dd({ time: c.at(-60), org: ACME_ORG, user: { email: "ravi.kumar@acmeretail.com", uuid: uuid() }, evt: "Authentication", action: "login", message: "ravi.kumar@acmeretail.com logged in", ip: "203.0.113.24" });
    out.push({
      id: "ch-mis-06-mute-no-end",
      title: "All production monitors muted with no end time during an evening deploy",
      now: c.iso(180),
      anomaly: { id: "det-dd-66ff12", actor: a.email, action: "Monitor/monitor/modified", timestamp: T, source: "datadog", severity: "medium", detector: "dd-audit-anomaly" },
      sources: {
        datadog: { site: "datadoghq.com", audit_events: [dash, mute, deployReq, other, prior] },
        cloudflare: { account_id: ACME.id, audit_logs: [] },
      },
      faults: { datadog: "rate_limited_once" },
      label: {
        verdict: "misconfiguration",
        key_event_ids: [id(mute)],
        techniques: ["T1562.001"],
        rationale: "The release engineer mutes env:prod monitors for a named deploy, from her usual address, and keeps working on the deploy tracker; the previous day she muted staging the same way but with an end time. This time no end was set, so production alerting stays off after the deploy. No access anomaly, no other evasion: a risky operational mistake, not an attack.",
      },
    });
  }

  // C7 — Terraform refactor disables the audit-log Logpush job; actor is an account-owned token (vendor id).
  {
    const T = "2026-09-03T02:11:37Z";
    const c = clock(T);
    const tokId = hex(32);
    const ci = { id: tokId, ip: "34.82.119.7", type: "account", context: "api_token", token_id: tokId, token_name: "terraform-ci-nightly" };
    const job = "418233";
    const base = { account: NW, actor: ci, ua: UA.terraform } as const;
    const plan = cfV2({ ...base, time: c.at(-2, 14), type: "update", description: "Update DNS Record", product: "dns_records", resourceType: "dns.record", resourceId: hex(32), method: "PUT", uri: `/zones/${hex(32)}/dns_records/x`, zone: { id: hex(32), name: "northwind.io" }, request: { name: "api.northwind.io", type: "CNAME", content: "api-lb.northwind.net" } });
    const lp = cfV2({ ...base, time: c.at(0), type: "update", description: "Update Logpush Job", product: "logpush", resourceType: "logpush.job", resourceId: job, method: "PUT", uri: `/accounts/${NW.id}/logpush/jobs/${job}`, request: { name: "audit-logs-to-r2", dataset: "audit_logs", enabled: false }, response: { id: Number(job), enabled: false, destination_conf: "r2://nw-security-logs/audit/{DATE}" } });
    const lpNew = cfV2({ ...base, time: c.at(0, 41), type: "create", description: "Create Logpush Job", product: "logpush", resourceType: "logpush.job", resourceId: "418901", method: "POST", uri: `/accounts/${NW.id}/logpush/jobs`, request: { name: "audit-logs-to-r2", dataset: "audit_logs_v2", enabled: false, destination_conf: "r2://nw-security-logs/audit-v2/{DATE}" } });
    const last = cfV2({ ...base, time: c.at(-1446), type: "update", description: "Update DNS Record", product: "dns_records", resourceType: "dns.record", resourceId: hex(32), method: "PUT", uri: `/zones/${hex(32)}/dns_records/y`, zone: { id: hex(32), name: "northwind.io" }, request: { name: "api.northwind.io", type: "CNAME", content: "api-lb.northwind.net" } });
    const human = cfV2({ time: c.at(-700), type: "update", description: "Update Logpush Job", product: "logpush", resourceType: "logpush.job", resourceId: job, account: NW, actor: { email: "sam.okafor@northwind.io", id: hex(32), ip: "198.51.100.23" }, method: "PUT", uri: `/accounts/${NW.id}/logpush/jobs/${job}`, ua: UA.mac, request: { name: "audit-logs-to-r2", frequency: "high" } });
    out.push({
      id: "ch-mis-07-logpush-disabled-by-ci",
      title: "Nightly Terraform run disables the audit-log Logpush job during a v1→v2 dataset refactor",
      now: c.iso(300),
      anomaly: { id: "det-cf-77a1c3", actor: tokId, action: "logpush.update", timestamp: T, source: "cloudflare", severity: "high", detector: "cf-admin-anomaly", details: { job: "audit-logs-to-r2", enabled: false } },
      sources: { cloudflare: { account_id: NW.id, audit_logs: [], audit_logs_v2: [lpNew, lp, plan, human, last] } },
      label: {
        verdict: "misconfiguration",
        key_event_ids: [id(lp), id(lpNew)],
        techniques: ["T1562.008"],
        rationale: "The account-owned CI token acts from the usual runner at its usual 02:1x slot with its usual scoped token, alongside its routine DNS apply. The Logpush job for audit_logs is disabled and a replacement for audit_logs_v2 is created — also disabled — which reads as a Terraform refactor moving to the v2 dataset with enabled=false left in the module. Net effect: audit logs stop flowing to storage. Automation doing what its code says, with a harmful result: misconfiguration.",
      },
    });
  }

  // C8 — exclusion filter with a too-broad query drops all CloudTrail logs; Cloudflare unavailable.
  {
    const T = "2026-09-08T15:27:52Z";
    const c = clock(T);
    const a: DdUser = { email: "omar.haddad@northwind.io", uuid: uuid() };
    const ip = "198.51.100.23";
    const excl = dd({ time: c.at(0), org: NW_ORG, user: a, evt: "Log Management", action: "created", asset: { type: "exclusion filter", id: "main:drop-debug", name: "drop-debug (OBS-877)", new_value: { name: "drop-debug (OBS-877)", is_enabled: true, filter: { query: "status:debug OR source:cloudtrail", sample_rate: 1.0 } } }, message: `${a.email} created exclusion filter "drop-debug (OBS-877)" on index "main"`, ip });
    const proc = dd({ time: c.at(-18), org: NW_ORG, user: a, evt: "Log Management", action: "modified", asset: { type: "pipeline_processor", id: "proc-1102", name: "Status remapper", prev_value: { sources: ["level"] }, new_value: { sources: ["level", "severity"] } }, message: `${a.email} modified processor "Status remapper"`, ip });
    const search = ddReq({ time: c.at(-25), org: NW_ORG, user: a, method: "POST", path: "/api/v2/logs/analytics/aggregate", ua: UA.mac, ip });
    const other = dd({ time: c.at(-90), org: NW_ORG, user: { email: "sara.lind@northwind.io", uuid: uuid() }, evt: "Cloud Security Platform", action: "modified", asset: { type: "security_rule", id: "c7t-0aa-5dw", name: "AWS CloudTrail: root login", prev_value: { isEnabled: true }, new_value: { isEnabled: true, cases: [{ status: "critical" }] } }, message: "sara.lind@northwind.io modified security rule", ip });
    const old = dd({ time: c.at(-6 * 1440), org: NW_ORG, user: a, evt: "Log Management", action: "created", asset: { type: "exclusion_filter", id: "main:drop-healthchecks", name: "drop-healthchecks (OBS-801)", new_value: { filter: { query: "@http.url_details.path:/healthz", sample_rate: 1.0 } } }, message: `${a.email} created exclusion filter "drop-healthchecks (OBS-801)"`, ip });
    out.push({
      id: "ch-mis-08-exclusion-drops-cloudtrail",
      title: "Ticketed debug-noise exclusion filter also drops all CloudTrail logs",
      now: c.iso(90),
      anomaly: { id: "det-dd-88b2d4", actor: a.email, action: "Log Management/exclusion filter/created", timestamp: T, source: "datadog", severity: "medium", detector: "dd-audit-anomaly" },
      sources: {
        datadog: { site: "datadoghq.com", audit_events: [excl, proc, search, other, old] },
        cloudflare: { account_id: NW.id, audit_logs: [cfV1({ when: c.at(-30), type: "login", actor: { email: a.email, id: hex(32), ip }, owner: NW.id, resourceType: "account", resourceId: NW.id })] },
      },
      faults: { cloudflare: "unavailable" },
      label: {
        verdict: "misconfiguration",
        key_event_ids: [id(excl)],
        techniques: ["T1562.008"],
        rationale: "An observability engineer, from the office, under a noise-reduction ticket and after the same kind of ticketed exclusion last week, adds a 100% exclusion filter whose query ORs in source:cloudtrail — almost certainly an over-broad query, as nothing else in the session is suspicious. The effect is that CloudTrail, which security detections rely on, is no longer indexed: a harmful misconfiguration to fix at once.",
      },
    });
  }

  void recId;
  return out;
}
