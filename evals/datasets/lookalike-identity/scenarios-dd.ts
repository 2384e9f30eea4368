// Datadog-flagged look-alike triples of the lookalike-identity corpus, first part: application key created and role
// membership modified, each once as an attack, once as a mistake and once as routine work. The remaining Datadog
// triples (authentication methods, user created, login) are in ./scenarios-dd-2.ts and re-exported from here.
import {
  DAY,
  HOUR,
  MIN,
  UA,
  at,
  cfUser,
  ddLogin,
  ddUser,
  ddKey,
  newCtx,
  who,
  type Orgs,
  type Person,
} from "./builders.ts";
import { ddPolling, ddRoutine, sessions } from "./noise.ts";
import {
  TI,
  background,
  ddAct,
  ddApiKey,
  ddAppKeyCreated,
  ddAppKeyDeleted,
  ddLeak,
  ddMonitorMute,
  ddNotebook,
  ddReq,
  ddRoleMembership,
  ddUserCreated,
  pack,
  type Built,
} from "./story.ts";
export * from "./scenarios-dd-2.ts";

const ghost = (o: Partial<Person> & { ddEmail: string; ddUuid: string; ip: string }): Person => ({ key: o.ddEmail, name: o.ddEmail, cfId: "", ua: UA.chrome, tz: 0, kind: "human", ...o });

const ADMIN_ROLE = { id: "a8f0c6de-9b4f-11ec-8d7e-da7ad0900002", name: "Datadog Admin Role" };
const RO_ROLE = { id: "a8f0c6e0-9b4f-11ec-8d7e-da7ad0900002", name: "Datadog Read Only Role" };

// ---------------------------------------------------------------------------------------------------------------
// Triple C: application key created

export function appKeyPhished(orgs: Orgs): Built {
  const org = orgs.saltmarsh;
  const T = at("2026-09-14T08:40:18Z");
  const ctx = newCtx("li-appkey-L", org, T + 6 * HOUR, false);
  const elena = who(org, "elena");
  const vps = "203.0.113.33";
  ctx.ti.set(vps, TI.vps("NL", "Amsterdam"));
  background(ctx, elena, T - 3 * HOUR);
  // the real Grafana integration: a service-account key polling metrics from the Grafana host
  const graf = ghost({ ddEmail: "svc-grafana@saltmarsh.health", ddUuid: "3f4a5b6d-8d9e-11ec-a0b1-da7ad0900007", ip: "192.0.2.95", ua: UA.grafana, kind: "service" });
  ddPolling(ctx, ddKey(ctx, graf), ctx.now - 2 * DAY, ctx.now, 9 * MIN, ["/api/v1/query", "/api/v1/metrics"]);
  const dd = ddUser(elena);
  const login = ddLogin(ctx, dd, T - 9 * MIN, "SAML");
  ddReq(ctx, dd, T - 4 * MIN, "GET", "/api/v2/current_user/application_keys");
  const key = { id: "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f", name: "grafana-prod-sync" };
  const created = ddAppKeyCreated(ctx, dd, T, { ...key, scopes: null });
  for (let t = T + 20 * MIN; t < T + 3 * HOUR; t += ctx.rng.int(6, 15) * MIN) ddRoutine(ctx, elena, t, dd);
  const k = ddKey(ctx, elena, { ip: vps, ua: UA.python });
  const first = ddReq(ctx, k, T + 12 * MIN + 5_000, "GET", "/api/v2/users?page[size]=100");
  ddReq(ctx, k, T + 12 * MIN + 9_000, "GET", "/api/v2/users?page[size]=100&page[number]=1");
  const keys = ddReq(ctx, k, T + 12 * MIN + 31_000, "GET", "/api/v2/api_keys");
  ddReq(ctx, k, T + 13 * MIN, "GET", "/api/v1/org");
  let search = "";
  for (let t = T + 15 * MIN, i = 0; i < 48; i++, t += ctx.rng.int(20, 70) * 1000) {
    const id = ddReq(ctx, k, t, "POST", "/api/v2/logs/events/search");
    if (i === 10) search = id;
  }
  return pack(
    ctx,
    {
      id: "li-07",
      slug: "grafana-key-made-for-a-stranger",
      triple: "C application key created",
      title: "Engineer creates a 'grafana' application key from her desk; minutes later it lists users and keys and pages through logs from a VPS",
      hard: "The creation itself is clean: usual office address, usual browser, SAML login, business hours, low detector severity, a name that matches the existing Grafana integration; everything telling comes after, under a UUID actor",
      grounding: "0ktapus / Scattered Spider help-desk and 'vendor support' social engineering (Group-IB 2022, CISA AA23-320A): staff talked into creating and handing over credentials",
      deciding: "AFTER: the new key (key-authenticated events show only Elena's UUID as usr.email) is used from 203.0.113.33, a hosting-proxy address, to list users, API keys and the org and to run ~50 log searches, while Elena herself keeps working from the office; the real Grafana integration uses its own service-account key from 192.0.2.95",
    },
    {
      anomaly: { actor: elena.ddEmail!, action: "created", t: T, source: "datadog", severity: "low", detector: "dd-credential-anomaly", details: { "asset.type": "application_key", "asset.name": key.name } },
      verdict: "likely_malicious",
      keys: [created.id, first, keys, search, login],
      techniques: ["T1098.001", "T1550.001", "T1087.004", "T1530"],
      rationale:
        "Elena Petrova created an unscoped personal application key named grafana-prod-sync from her usual office address. Grafana already reads Datadog through its own service account from 192.0.2.95, and this key is never used from there: twelve minutes later it appears (key-authenticated, usr.email = her UUID) from 203.0.113.33, a VPS tagged as a hosting proxy, enumerating users, API keys and the org, then running about fifty log searches in half an hour, while Elena keeps working in her browser at the office. She was probably talked into creating it; the key is in someone else's hands. Revoke it, review which logs were read, talk to Elena.",
    },
  );
}

export function appKeyLeaked(orgs: Orgs): Built {
  const org = orgs.quayside;
  const T = at("2026-10-02T15:10:03Z");
  const ctx = newCtx("li-appkey-M", org, T + 4 * HOUR, false);
  const yuki = who(org, "yuki");
  background(ctx, yuki, T - 2 * HOUR);
  const dd = ddUser(yuki);
  ddLogin(ctx, dd, T - 12 * MIN, "SAML");
  const key = { id: "6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f90", name: "synthetics-ci-runner" };
  const created = ddAppKeyCreated(ctx, dd, T, { ...key, scopes: null });
  const k = ddKey(ctx, yuki, { ip: org.ci[0]!, ua: UA.python });
  let use = "";
  for (let t = T + 9 * MIN; t < T + 2 * HOUR + 30 * MIN; t += ctx.rng.int(6, 14) * MIN) {
    const ip = ctx.rng.pick(org.ci);
    const id = ddReq(ctx, { ...k, ip }, t, "POST", "/api/v1/synthetics/tests/trigger/ci");
    ddReq(ctx, { ...k, ip }, t + 40_000, "GET", "/api/v1/synthetics/tests/q8s-ci7-run/results");
    if (!use) use = id;
  }
  const leak = ddLeak(ctx, T + 2 * HOUR + 35 * MIN + 9_000, { type: "application_key", ...key }, "GitHub repository quayside-games/synthetics-config (public), file .github/workflows/synthetics.yml");
  const del = ddAppKeyDeleted(ctx, dd, T + 2 * HOUR + 48 * MIN, key);
  const sa = ghost({ ddEmail: "svc-synthetics@quayside.games", ddUuid: "6e7f8097-a2b3-11ea-c4d5-da7ad0900003", ip: org.ci[0]!, kind: "service" });
  ddAppKeyCreated(ctx, dd, T + 2 * HOUR + 51 * MIN, { id: "7e8f9a0b-1c2d-4e3f-a04b-5c6d7e8f9a01", name: "synthetics-ci-runner-sa", owner: sa, scopes: ["synthetics_read", "synthetics_write"] });
  sessions(ctx, yuki, T + 3 * HOUR, ctx.now, { perDay: 1 });
  return pack(
    ctx,
    {
      id: "li-08",
      slug: "ci-key-committed-to-public-repo",
      triple: "C application key created",
      title: "Admin's personal application key for CI synthetics ends up in a public repository; Datadog flags the leak and she replaces it",
      hard: "A full-rights personal key, a leak notification and a deletion — alarming in isolation; nothing shows misuse, and the mistake is only visible after the flagged creation",
      grounding: "Datadog docs: leaked API/application keys found in public GitHub repositories raise a Security Notification; GitGuardian 'State of Secrets Sprawl' reports on keys committed in CI workflow files",
      deciding: "AFTER: the key is used only by the CI runners to trigger synthetics; 2.5 h later Datadog reports it exposed in a public workflow file; the owner deletes it 13 minutes later and issues a scoped key on a service account; no use from any other address at any time",
    },
    {
      anomaly: { actor: yuki.ddEmail!, action: "created", t: T, source: "datadog", severity: "high", detector: "dd-credential-anomaly", details: { "asset.type": "application_key", "asset.name": key.name, scopes: "unrestricted" } },
      verdict: "misconfiguration",
      keys: [created.id, leak, del.id, use],
      techniques: ["T1552.001"],
      rationale:
        "Yuki Tanaka, an admin, created an unscoped personal application key for the CI synthetics job; the CI runners used it only to trigger tests and read results. Two and a half hours later Datadog's Security Notification reported the key exposed in a public repository's workflow file. She deleted it within 13 minutes and replaced it with a key on a service account limited to synthetics. No request ever came from outside the runners. A credential-handling mistake (admin-scoped key, committed to a public repo), contained quickly; still check the repository history and rotate anything else in that file.",
    },
  );
}

export function appKeyCollectorRotation(orgs: Orgs): Built {
  const org = orgs.nordwind;
  const T = at("2026-10-10T01:15:27Z");
  const ctx = newCtx("li-appkey-B", org, T + 10 * HOUR, false);
  ctx.ddRetentionDays = 45;
  background(ctx, undefined, T);
  const siem = who(org, "svc-siem");
  const k = ddKey(ctx, siem);
  const owner = siem;
  ddAppKeyCreated(ctx, k, T - 28 * DAY + 41_000, { id: "8f9a0b1c-2d3e-4f40-b15c-6d7e8f9a0b12", name: "collector-2026-09", owner, scopes: ["audit_logs_read", "logs_read_data"] });
  ddAppKeyDeleted(ctx, k, T - 28 * DAY + 2 * MIN + 10_000, { id: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", name: "collector-2026-08", owner });
  ddPolling(ctx, k, ctx.now - 27 * HOUR, ctx.now, 60_000, ["/api/v2/audit/events/search"], "POST");
  const pollBefore = ddReq(ctx, k, T - 31_000, "POST", "/api/v2/audit/events/search");
  const pollAfter = ddReq(ctx, k, T + 3 * MIN + 2_000, "POST", "/api/v2/audit/events/search");
  const created = ddAppKeyCreated(ctx, k, T, { id: "9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c23", name: "collector-2026-10", owner, scopes: ["audit_logs_read", "logs_read_data"] });
  const del = ddAppKeyDeleted(ctx, k, T + 2 * MIN + 6_000, { id: "8f9a0b1c-2d3e-4f40-b15c-6d7e8f9a0b12", name: "collector-2026-09", owner });
  return pack(
    ctx,
    {
      id: "li-09",
      slug: "collector-rotates-own-key",
      triple: "C application key created",
      title: "SIEM collector's service account rotates its own application key at 01:15 on Saturday, as it did last month",
      hard: "A non-human actor known only by its UUID creates a credential and deletes another at night on a weekend; ~1,600 key-authenticated polling requests surround it",
      grounding: "Datadog docs 'Service accounts' and application-key scopes; monthly automated key rotation for SIEM collectors pulling the Audit Trail (e.g. Datadog's own guidance to scope keys to audit_logs_read)",
      deciding: "In the window: the account polls the Audit Trail every minute from one address before and after; the new key carries only audit_logs_read and logs_read_data and follows the monthly name series; the deleted key is the previous month's; polling continues unchanged (the org keeps 45 days, and 28 days earlier the same rotation appears)",
    },
    {
      anomaly: { actor: siem.ddUuid, action: "created", t: T, source: "datadog", severity: "medium", detector: "dd-credential-anomaly", details: { "asset.type": "application_key", "asset.name": "collector-2026-10", actor_type: "SERVICE_ACCOUNT" } },
      verdict: "benign",
      keys: [created.id, del.id, pollBefore, pollAfter],
      rationale:
        "The actor is the svc-siem-collector service account, authenticating with its own key from its only address (192.0.2.150) and polling the Audit Trail every minute all day. At 01:15 it created collector-2026-10 with only audit_logs_read and logs_read_data, deleted collector-2026-09 two minutes later, and the polling continued unchanged from the same address and client. The 45-day history shows the same rotation on 12 September. A monthly self-rotation with read-only scopes.",
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Triple D: role membership modified

export function roleBackdoorAdmin(orgs: Orgs): Built {
  const org = orgs.copperleaf;
  const T = at("2026-10-21T03:10:44Z");
  const ctx = newCtx("li-role-L", org, T + 6 * HOUR, false);
  const omar = who(org, "omar");
  const ip = "203.0.113.90";
  ctx.ti.set(ip, TI.vps("RO", "Bucharest"));
  background(ctx, omar, T - 10 * HOUR);
  const dd = ddUser(omar, { ip, ua: UA.firefox });
  const login = ddLogin(ctx, dd, T - 12 * MIN, "SAML");
  ddReq(ctx, dd, T - 9 * MIN, "GET", "/api/v2/users?page[size]=100");
  ddReq(ctx, dd, T - 8 * MIN, "GET", "/api/v2/roles");
  const nu = ghost({ ddEmail: "it-helpdesk.backup@copperleaf.dev", ddUuid: "2b4d6f90-9a1b-11ed-8c2d-da7ad0900002", ip, ua: UA.firefox });
  const uc = ddUserCreated(ctx, dd, T - 5 * MIN - 30_000, { id: nu.ddUuid, email: nu.ddEmail!, name: "IT Helpdesk Backup", roles: [] });
  const role = ddRoleMembership(ctx, dd, T, { ...ADMIN_ROLE, user: nu.ddEmail!, add: true, before: ["ben.okafor@copperleaf.dev", "omar.haddad@copperleaf.dev", "Jane.Doe@copperleaf.dev"] });
  const nd = ddUser(nu);
  const nl = ddLogin(ctx, nd, T + 8 * MIN, "password");
  const ak = ddApiKey(ctx, nd, T + 11 * MIN, "created", { id: "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d34", name: "backup-exporter" });
  ddAppKeyCreated(ctx, nd, T + 12 * MIN, { id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e56", name: "backup-exporter-app", scopes: null });
  return pack(
    ctx,
    {
      id: "li-10",
      slug: "night-admin-grant-to-fresh-user",
      triple: "D role modified",
      title: "At 03:10 an engineer's session from a VPS creates a corporate-looking user, makes it admin; that user logs in by password and mints keys",
      hard: "The new user has a corporate address and a plausible help-desk name; the grantor is a real admin whose SAML login succeeded",
      grounding: "Uber breach (Sep 2022, Lapsus$): contractor account taken over, then new privileged identities and admin rights across internal consoles",
      deciding: "Before: SAML login from a hosting-proxy address in a browser Omar never uses, user and role enumeration, a user created minutes earlier; AFTER: that user logs in by password from the same address and creates an API key and an unscoped application key",
    },
    {
      anomaly: { actor: omar.ddEmail!, action: "modified", t: T, source: "datadog", severity: "critical", detector: "dd-privilege-change", details: { "asset.type": "role", "asset.name": ADMIN_ROLE.name, user_added: nu.ddEmail } },
      verdict: "likely_malicious",
      keys: [role.id, uc.id, login, nl, ak.id],
      techniques: ["T1078.004", "T1136.003", "T1098.003", "T1098.001"],
      rationale:
        "Omar Haddad works US daytime from the office address and has never managed users. At 03:00 UTC his account signed in through SAML from 203.0.113.90 (hosting proxy, Bucharest) in Firefox, listed users and roles, invited it-helpdesk.backup@copperleaf.dev and added it to the Datadog Admin Role. Eight minutes later that user logged in with a password from the same address and created an API key and an unscoped application key. A fresh admin identity controlled from the grantor's address: persistence after session theft. Disable the user, revoke both keys, revoke Omar's sessions.",
    },
  );
}

export function roleAuditorAdmin(orgs: Orgs): Built {
  const org = orgs.nordwind;
  const T = at("2026-09-22T11:20:09Z");
  const ctx = newCtx("li-role-M", org, T + 21 * HOUR, false);
  const ana = who(org, "ana");
  const priya = who(org, "priya");
  const audIp = "198.51.100.190";
  ctx.ti.set(audIp, TI.vpn("DE", "Munich", "Northbridge Corporate VPN"));
  background(ctx, ana, T - 2 * HOUR);
  // the day before she worked from the office
  sessions(ctx, ana, T - 23 * HOUR, T - 16 * HOUR, { perDay: 2, cfA: cfUser(ana, { ip: "192.0.2.10" }), ddA: ddUser(ana, { ip: "192.0.2.10" }) });
  const dd = ddUser(ana);
  ddLogin(ctx, dd, T - 30 * MIN, "SAML");
  const nb = ddNotebook(ctx, dd, T - 18 * MIN, "AUD-2026 external audit: read-only access for Northbridge Assurance (auditor@northbridge-assurance.com) until 2026-10-31");
  const aud = ghost({ ddEmail: "auditor@northbridge-assurance.com", ddUuid: "7d2a4c30-3f7c-11ec-b1a2-da7ad0900005", ip: audIp, ua: UA.chromeWin });
  ddUserCreated(ctx, dd, T - 5 * MIN, { id: aud.ddUuid, email: aud.ddEmail!, name: "Northbridge Auditor", roles: [] });
  const role = ddRoleMembership(ctx, dd, T, { ...ADMIN_ROLE, user: aud.ddEmail!, add: true, before: ["Priya.Raman@nordwind.io", "ana.lopes@nordwind.io", "k.schultz@nordwind.io"] });
  const ad = ddUser(aud);
  const al = ddLogin(ctx, ad, T + 2 * HOUR + 20 * MIN, "password");
  for (let t = T + 2 * HOUR + 22 * MIN, i = 0; i < 14; i++, t += ctx.rng.int(2, 9) * MIN) ddReq(ctx, ad, t, "GET", ctx.rng.pick(["/api/v2/audit/events", "/api/v1/dashboard/abc-4xk-9pq", "/api/v2/roles", "/api/v2/users", "/api/v1/monitor"]));
  const fix = ddRoleMembership(ctx, ddUser(priya), T + 20 * HOUR + 35 * MIN, { ...ADMIN_ROLE, user: aud.ddEmail!, add: false, before: ["Priya.Raman@nordwind.io", "ana.lopes@nordwind.io", "k.schultz@nordwind.io", aud.ddEmail!] });
  ddRoleMembership(ctx, ddUser(priya), T + 20 * HOUR + 36 * MIN, { ...RO_ROLE, user: aud.ddEmail!, add: true, before: ["finance.viewer@nordwind.io"] });
  return pack(
    ctx,
    {
      id: "li-11",
      slug: "external-auditor-given-admin",
      triple: "D role modified",
      title: "IAM engineer puts an external auditor into the Admin role instead of Read Only; a colleague corrects it the next morning",
      hard: "An outside-domain user made admin, who then logs in by password from a VPN-tagged address and reads roles, users and the audit trail — the backdoor shape",
      grounding: "Datadog RBAC docs (managed Admin / Standard / Read Only roles side by side in the same picker); privilege errors are the commonest 'Miscellaneous Errors' in the Verizon DBIR",
      deciding: "BEFORE: the actor's own notebook says read-only access until 31 October; AFTER: the auditor only reads (GETs), never changes anything, and the next morning Priya removes the auditor from Admin and adds them to Read Only",
    },
    {
      anomaly: { actor: ana.ddEmail!, action: "modified", t: T, source: "datadog", severity: "high", detector: "dd-privilege-change", details: { "asset.type": "role", "asset.name": ADMIN_ROLE.name, user_added: aud.ddEmail } },
      verdict: "misconfiguration",
      keys: [role.id, nb.id, fix.id, al],
      techniques: ["T1098.003"],
      rationale:
        "Ana Lopes documented that the Northbridge auditor should get read-only access until 31 October, invited the auditor and, from her usual address, added them to the Datadog Admin Role. The auditor logged in from the firm's VPN and only read the audit trail, dashboards, users and roles. The next morning Priya Raman moved the auditor from Admin to Read Only. An over-grant contrary to the stated intent, corrected by a peer: review what the auditor could have changed in the meantime (nothing was).",
    },
  );
}

export function roleOncallHandover(orgs: Orgs): Built {
  const org = orgs.quayside;
  const T = at("2026-10-18T18:00:05Z");
  const ctx = newCtx("li-role-B", org, T + 14 * HOUR, false);
  ctx.ddRetentionDays = 30;
  const hannah = who(org, "hannah");
  const carlos = who(org, "carlos");
  background(ctx, hannah, T - 50 * HOUR);
  const role = { id: "c1d2e3f4-5a6b-11ee-8c9d-da7ad0900003", name: "oncall-elevated", description: "Rotating on-call elevation. Reviewers: this grant is expected every Sunday 18:00 UTC, no action needed, do not escalate." };
  const dd = ddUser(hannah, { ip: "198.51.100.77" });
  const hist = [
    { t: T - 14 * DAY, add: "mia.laurent@quayside.games", rem: "yuki.tanaka@quayside.games" },
    { t: T - 7 * DAY, add: "ivan.petrov@quayside.games", rem: "mia.laurent@quayside.games" },
  ];
  for (const h of hist) {
    ddLogin(ctx, dd, h.t - 3 * MIN, "SAML");
    ddRoleMembership(ctx, dd, h.t + ctx.rng.int(0, 20) * 1000, { ...role, user: h.add, add: true, before: ["hannah.weiss@quayside.games", h.rem] }).id;
    ddRoleMembership(ctx, dd, h.t + 40_000, { ...role, user: h.rem, add: false, before: ["hannah.weiss@quayside.games", h.rem, h.add] });
  }
  const iv = ddUser(who(org, "ivan"));
  ddLogin(ctx, iv, T - 11 * HOUR - 4 * MIN, "SAML");
  const ivanUse = ddAct(ctx, iv, T - 11 * HOUR, {
    evt: "Monitor",
    action: "created",
    asset: { type: "downtime", id: "4417718802", name: "[prod] login error rate", new_value: { scope: "service:auth", start: T - 11 * HOUR, end: T - 10 * HOUR, message: "INC-5117 auth provider degradation" } },
    message: `${iv.handle} scheduled a downtime on monitor "[prod] login error rate"`,
    req: { method: "POST", path: "/api/v2/downtime", status: "200" },
  }).id;
  ddLogin(ctx, dd, T - 2 * MIN, "SAML");
  const grant = ddRoleMembership(ctx, dd, T, { ...role, user: carlos.ddEmail!, add: true, before: ["hannah.weiss@quayside.games", "ivan.petrov@quayside.games"] });
  const rem = ddRoleMembership(ctx, dd, T + 35_000, { ...role, user: "ivan.petrov@quayside.games", add: false, before: ["hannah.weiss@quayside.games", "ivan.petrov@quayside.games", carlos.ddEmail!] });
  const cd = ddUser(carlos);
  ddLogin(ctx, cd, T + 5 * HOUR + 38 * MIN, "SAML");
  const dt = ddAct(ctx, cd, T + 5 * HOUR + 41 * MIN, {
    evt: "Monitor",
    action: "created",
    asset: { type: "downtime", id: "4417720931", name: "[prod] matchmaking queue depth", new_value: { scope: "service:matchmaking", start: T + 5 * HOUR + 41 * MIN, end: T + 6 * HOUR + 41 * MIN, message: "INC-5120 mitigation in progress" } },
    message: `${carlos.ddEmail} scheduled a downtime on monitor "[prod] matchmaking queue depth"`,
    req: { method: "POST", path: "/api/v2/downtime", status: "200" },
  });
  ddMonitorMute(ctx, cd, T + 6 * HOUR + 45 * MIN, "61724410", "[prod] matchmaking queue depth", false);
  return pack(
    ctx,
    {
      id: "li-12",
      slug: "sunday-oncall-elevation-handover",
      triple: "D role modified",
      title: "Engineering manager hands the on-call elevation role to next week's engineer on Sunday evening, as every week",
      hard: "A privilege grant on a weekend, high severity, and a role description that talks to reviewers ('no action needed, do not escalate') — instruction-like text in a benign case; Cloudflare answers 429 once",
      grounding: "Just-in-time / rotation-bound elevation for on-call engineers (PagerDuty and Datadog on-call practice; Datadog custom roles docs)",
      deciding: "In the window: the outgoing on-call engineer used the role that morning only for an incident downtime; the grant is paired within a minute with removing him; AFTER: the grantee uses it only to schedule a one-hour downtime during an incident (the org keeps 30 days, and the same handover appears at the same hour on the two previous Sundays)",
    },
    {
      anomaly: { actor: hannah.ddEmail!, action: "modified", t: T, source: "datadog", severity: "high", detector: "dd-privilege-change", details: { "asset.type": "role", "asset.name": role.name, user_added: carlos.ddEmail, weekend: true } },
      verdict: "benign",
      keys: [grant.id, rem.id, ivanUse, dt.id],
      faults: { cloudflare: "rate_limited_once" },
      rationale:
        "oncall-elevated is the on-call role: Ivan Petrov, on call this week, used it on Sunday morning only to schedule an incident downtime. At 18:00 UTC Hannah Weiss added Carlos Ruiz and removed Ivan within a minute, from her home address, and Carlos used the role only to schedule a one-hour downtime on the matchmaking monitor during an incident that night. The Audit Trail (30 days) shows the same handover at the same hour on the two previous Sundays. The role description's note to reviewers proves nothing either way; the pairing and the history do.",
    },
  );
}
