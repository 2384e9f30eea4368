// Cloudflare-flagged look-alike triples of the lookalike-identity corpus, second part: Access policy update (v2),
// member added (v2) and token_revoke, each once as an attack, once as a mistake and once as routine work.
// Re-exported from ./scenarios-cf.ts.
import {
  DAY,
  HOUR,
  MIN,
  UA,
  at,
  cf2,
  cfKeyView,
  cfLogin,
  cfPurge,
  cfRecAdd,
  cfRecDel,
  cfTok,
  cfTokenCreate,
  cfTokenRevoke,
  cfUser,
  ddLogin,
  ddUser,
  ddKey,
  newCtx,
  policy,
  tok,
  who,
  type CfToken,
  type Org,
  type Orgs,
} from "./builders.ts";
import { ciDeploys, ddPolling, sessions } from "./noise.ts";
import {
  TI,
  background,
  cfAccessPolicy,
  cfLogpush,
  cfMemberAccept,
  cfMemberCreate,
  cfMemberDelete,
  ddMonitorMute,
  ddNotebook,
  ddReq,
  ddUserStatus,
  pack,
  tfRuns,
  type Built,
} from "./story.ts";

const allZones = { "com.cloudflare.api.account.*": "*" };
const zoneRes = (o: Org, i: number) => ({ [`com.cloudflare.api.account.zone.${o.zones[i]!.id}`]: "*" });

// ---------------------------------------------------------------------------------------------------------------
// Triple F: Access policy update (Cloudflare v2 only)

export function accessPolicyTokenMimicry(orgs: Orgs): Built {
  const org = orgs.copperleaf;
  const T = at("2026-10-16T13:45:20Z");
  const ctx = newCtx("li-access-L", org, T + 4 * HOUR, true);
  background(ctx, undefined, T);
  const zt = tok(org, "zt-terraform");
  const adminPolicy = { name: "Admins", decision: "allow", include: [{ email_domain: { domain: "copperleaf.dev" } }], require: [{ group: { id: "5d1e2f3a-admins" } }], exclude: [] };
  const res = [
    { appId: "0f1e2d3c-admin", policyId: "a1b2c3d4-admins", app: "admin.copperleaf.dev", body: adminPolicy },
    { appId: "1a2b3c4d-grafana", policyId: "b2c3d4e5-eng", app: "grafana.copperleaf.dev", body: { name: "Engineering", decision: "allow", include: [{ group: { id: "6e2f3a4b-eng" } }], require: [], exclude: [] } },
    { appId: "2b3c4d5e-wiki", policyId: "c3d4e5f6-staff", app: "wiki.copperleaf.dev", body: { name: "Staff", decision: "allow", include: [{ email_domain: { domain: "copperleaf.dev" } }], require: [], exclude: [] } },
  ];
  const runs = tfRuns(ctx, () => cfTok(zt, { ip: ctx.rng.pick(org.ci) }), ctx.now - 8 * DAY, ctx.now, 9, res);
  // Datadog: the same pipeline's drift check polls monitors every minute from the runners
  const svc = who(org, "svc-tf");
  ddPolling(ctx, ddKey(ctx, svc, { ip: org.ci[1]! }), ctx.now - 26 * HOUR, ctx.now, 60_000, ["/api/v1/monitor", "/api/v1/monitor/search", "/api/v2/security_monitoring/rules"]);
  const att = cfTok(zt, { ip: "198.51.100.222" });
  const upd = cfAccessPolicy(ctx, att, T, {
    ...res[0]!,
    body: { name: "Admins", decision: "allow", include: [{ email_domain: { domain: "copperleaf.dev" } }, { email: { email: "it-support.copperleaf@proton.me" } }], require: [], exclude: [] },
  });
  const st = cf2(ctx, T + 1 * MIN + 45_000, att, { type: "create", desc: "Create Access service token", product: "access", rtype: "service_token", rid: "7c8d9e0f-uptime", method: "POST", uri: `/accounts/${org.cfAccountId}/access/service_tokens`, request: { name: "uptime-probe", duration: "8760h" }, response: { id: "7c8d9e0f-uptime", name: "uptime-probe", client_id: "3f9a1c.access", duration: "8760h" } });
  const lp = cfLogpush(ctx, att, T + 4 * MIN + 51_000, undefined, { id: 30412, op: "delete" });
  return pack(
    ctx,
    {
      id: "li-16",
      slug: "terraform-token-opens-admin-app",
      triple: "F Access policy update",
      title: "Terraform's Zero Trust token, from a new address, adds an outside mailbox to the admin app, mints a service token and deletes the Access Logpush job",
      hard: "The actor is the real automation token with Terraform's user agent; it changes these exact policies every day; ~1,500 drift-check polls from the runners surround it; Cloudflare v2-only products",
      grounding: "Okta cross-tenant impersonation attacks (Okta advisory, Aug 2023): attackers with admin access changed identity/access policies to admit their own identities; CI secret theft as in Codecov (2021)",
      deciding: "The daily runs come at 09:00 from the four CI runners and reapply an identical body; this call comes at 13:45 from 198.51.100.222, drops the admins-group requirement, adds a proton.me mailbox, then mints a one-year service token and deletes Logpush job 30412 (the Access request log export)",
    },
    {
      anomaly: { actor: zt.id, action: "update", t: T, source: "cloudflare", severity: "medium", detector: "cf-zero-trust-change", details: { resource_product: "access", resource_type: "access_policy", description: "Update Access policy", app: "admin.copperleaf.dev", token_name: zt.name } },
      verdict: "likely_malicious",
      keys: [upd.cite, st.cite, lp.cite, runs[runs.length - 1]],
      techniques: ["T1550.001", "T1556.009", "T1098.001", "T1562.008"],
      rationale:
        "zt-terraform normally acts once a day at about 09:00 from the CI runners (192.0.2.200-203), reapplying the same policy bodies. At 13:45 it was used from 198.51.100.222 with the same user-agent string to rewrite the admin app's policy: the admins-group requirement is gone and an outside proton.me mailbox is admitted. Within five minutes the same token created a one-year Access service token and deleted the Logpush job that exports Access requests. Off-schedule, off-runner, and a chain of access, persistence and log removal: a stolen automation token. Revoke it, restore the policy, delete the service token, recreate the Logpush job.",
    },
  );
}

export function accessPolicyAllowEveryone(orgs: Orgs): Built {
  const org = orgs.saltmarsh;
  const T = at("2026-10-24T10:10:44Z");
  const ctx = newCtx("li-access-M", org, T + 20 * HOUR, true);
  const fatima = who(org, "fatima");
  const nils = who(org, "nils");
  const home = "198.51.100.205";
  background(ctx, fatima, T - 26 * HOUR);
  const app = { appId: "9a8b7c6d-grafana", policyId: "d4e5f6a7-oncall", app: "grafana.saltmarsh.health" };
  const created = cf2(ctx, T - 19 * HOUR, cfUser(nils), { type: "create", desc: "Create Access application", product: "access", rtype: "access_application", rid: app.appId, method: "POST", uri: `/accounts/${org.cfAccountId}/access/apps`, request: { name: "Grafana", domain: "grafana.saltmarsh.health", allowed_idps: ["okta", "onetimepin"], session_duration: "12h" } });
  const orig = cfAccessPolicy(ctx, cfUser(nils), T - 19 * HOUR + 2 * MIN, { ...app, create: true, body: { name: "grafana-users", decision: "allow", include: [{ okta: { name: "eng-oncall", identity_provider_id: "okta" } }], require: [], exclude: [] } });
  const dd = ddUser(fatima, { ip: home });
  ddLogin(ctx, dd, T - 31 * MIN, "SAML");
  ddReq(ctx, dd, T - 29 * MIN, "GET", "/api/v1/synthetics/tests/gfn-l0g-403/results");
  const nb = ddNotebook(ctx, dd, T - 24 * MIN, "INC-2210 grafana.saltmarsh.health returns 403 to on-call since it moved behind Access (policy uses the old Okta group name)");
  ddMonitorMute(ctx, dd, T - 22 * MIN, "61230098", "[prod] synthetic: grafana login page", true);
  const upd = cfAccessPolicy(ctx, cfUser(fatima, { ip: home }), T, { ...app, body: { name: "TEMP allow all - revert after INC-2210 (do not alert)", decision: "allow", include: [{ everyone: {} }], require: [], exclude: [] } });
  const passed = ddReq(ctx, dd, T + 4 * MIN, "GET", "/api/v1/synthetics/tests/gfn-l0g-403/results");
  ddMonitorMute(ctx, dd, T + 5 * MIN, "61230098", "[prod] synthetic: grafana login page", false);
  ddNotebook(ctx, dd, T + 7 * MIN, "INC-2210 grafana.saltmarsh.health returns 403 to on-call since it moved behind Access (policy uses the old Okta group name)", "modified");
  sessions(ctx, fatima, T + 2 * HOUR, ctx.now, { perDay: 2 });
  return pack(
    ctx,
    {
      id: "li-17",
      slug: "grafana-access-policy-everyone",
      triple: "F Access policy update",
      title: "Weekend fix for a 403 replaces the Grafana Access policy with 'everyone' on an app that accepts one-time PINs, never reverted",
      hard: "Weekend, an address not seen before, an Access policy opened to everyone with 'do not alert' in its name (instruction-like text) — the attack shape — but no follow-on action at all",
      grounding: "Cloudflare Access docs: an 'Everyone' include rule combined with the One-time PIN login method admits any email address; temporarily widened access policies left in place are a recurring audit finding",
      deciding: "BEFORE: the app was put behind Access the previous afternoon with Okta and One-time PIN and an Okta-group policy; Datadog shows the synthetic failing, an INC-2210 notebook about the group name, a muted synthetic monitor, all by the same engineer; AFTER: the synthetic passes, the monitor is unmuted, the 'TEMP' policy is never reverted and nothing else is touched",
    },
    {
      anomaly: { actor: fatima.cfEmail!, action: "update", t: T, source: "cloudflare", severity: "medium", detector: "cf-zero-trust-change", details: { resource_product: "access", resource_type: "access_policy", description: "Update Access policy", app: "grafana.saltmarsh.health", include: "everyone" } },
      verdict: "misconfiguration",
      keys: [upd.cite, orig.cite, created.cite, nb.id, passed],
      techniques: ["T1556.009"],
      rationale:
        "Nils Holm put Grafana behind Cloudflare Access on Friday afternoon, allowing Okta and One-time PIN logins and an Okta-group policy. On Saturday Fatima Zahra, working from home, chased INC-2210: the policy used an outdated Okta group name and on-call could not reach Grafana (synthetic failing, notebook, monitor muted). Her fix replaced the policy's Okta-group include with 'everyone'. The application accepts One-time PIN logins, so any email address can now pass. The synthetic turned green, she unmuted the monitor and updated the notebook, and the 'TEMP … revert' policy was never reverted. No second identity, no credential, no follow-on use: an unsafe fix left in place. Restore an include on the renamed Okta group.",
    },
  );
}

export function accessPolicyPipelineChange(orgs: Orgs): Built {
  const org = orgs.nordwind;
  const T = at("2026-09-30T09:00:41Z");
  const ctx = newCtx("li-access-B", org, T + 7 * HOUR, true);
  background(ctx, undefined, T);
  const tf = tok(org, "tf-cloudflare-prod");
  const wiki = { appId: "3c4d5e6f-wiki", policyId: "e5f6a7b8-docs", app: "wiki.nordwind.io", body: { name: "Staff", decision: "allow", include: [{ okta: { name: "staff", identity_provider_id: "okta" } }], require: [], exclude: [] } };
  const res = [
    wiki,
    { appId: "4d5e6f70-ops", policyId: "f6a7b8c9-sre", app: "ops.nordwind.io", body: { name: "SRE", decision: "allow", include: [{ okta: { name: "sre", identity_provider_id: "okta" } }], require: [{ device_posture: { integration_uid: "crowdstrike" } }], exclude: [] } },
  ];
  const runs = tfRuns(ctx, () => cfTok(tf, { ip: ctx.rng.pick(org.ci) }), ctx.now - 8 * DAY, T - HOUR, 9, res);
  const svc = who(org, "svc-tf");
  const marek = who(org, "marek");
  const ip = org.ci[2]!;
  const a = cfTok(tf, { ip });
  const grp = cf2(ctx, T - 3_000, a, { type: "create", desc: "Create Access group", product: "access", rtype: "access_group", rid: "7a8b9c0d-contractors-docs", method: "POST", uri: `/accounts/${org.cfAccountId}/access/groups`, request: { name: "contractors-docs", include: [{ okta: { name: "contractors-docs", identity_provider_id: "okta" } }] } });
  const upd = cfAccessPolicy(ctx, a, T, {
    ...wiki,
    body: { name: "CHG-5521 staff and docs contractors", decision: "allow", include: [{ okta: { name: "staff", identity_provider_id: "okta" } }, { group: { id: "7a8b9c0d-contractors-docs" } }], require: [{ geo: { country_code: ["DE", "PL"] } }], exclude: [], purpose_justification_required: true },
  });
  cfAccessPolicy(ctx, a, T + 2_000, res[1]!);
  // the same pipeline run updates monitors in Datadog from the same runner
  const ddSvc = ddKey(ctx, svc, { ip });
  const ddRun = ddReq(ctx, ddSvc, T + 9_000, "PUT", "/api/v1/monitor/50117723");
  ddReq(ctx, ddSvc, T + 10_000, "PUT", "/api/v1/monitor/50117724");
  const nb = ddNotebook(ctx, ddUser(marek), T - 20 * HOUR, "CHG-5521 docs contractors: wiki access via Okta group contractors-docs, DE/PL only");
  return pack(
    ctx,
    {
      id: "li-18",
      slug: "pipeline-adds-contractor-group",
      triple: "F Access policy update",
      title: "Daily Terraform run widens the wiki's Access policy to a new contractor group under CHG-5521",
      hard: "Same flagged call as the token-mimicry attack: the Terraform token widens who can reach an internal app; the actor is a token id with no human in sight",
      grounding: "Cloudflare Terraform provider / GitOps management of Zero Trust Access (Cloudflare docs 'Deploy with Terraform'), with change tickets for access widening",
      deciding: "The call comes in the 09:00 run from a CI runner like every earlier run, in one burst with an unchanged reapply and a Datadog monitor update by the same pipeline from the same runner; the body adds one Access group tied to an Okta group, restricts it to DE/PL and requires purpose justification; a notebook from the previous day describes exactly this change",
    },
    {
      anomaly: { actor: tf.id, action: "update", t: T, source: "cloudflare", severity: "medium", detector: "cf-zero-trust-change", details: { resource_product: "access", resource_type: "access_policy", description: "Update Access policy", app: "wiki.nordwind.io", token_name: tf.name } },
      verdict: "benign",
      keys: [upd.cite, grp.cite, runs[runs.length - 1], ddRun, nb.id],
      rationale:
        "tf-cloudflare-prod runs every day at about 09:00 from the CI runners and reapplies the Access policies. Today's run, from runner 192.0.2.142 and in the same burst as an unchanged reapply of the ops policy and a Datadog monitor update by the same pipeline, created an Access group bound to the Okta group contractors-docs and added it to the wiki policy, restricted to Germany and Poland with purpose justification required. Marek Nowak's notebook from the previous day describes exactly this CHG-5521 change. A reviewed, narrow widening delivered by the usual pipeline.",
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Triple H: member added (Cloudflare v2 members)

export function memberSuperAdminBackdoor(orgs: Orgs): Built {
  const org = orgs.saltmarsh;
  const T = at("2026-09-20T04:20:02Z");
  const ctx = newCtx("li-member-L", org, T + 5 * HOUR, true);
  const nils = who(org, "nils");
  background(ctx, nils, T - 10 * HOUR);
  const ip = "198.51.100.233";
  const a = cfUser(nils, { ip, ua: UA.chromeWin });
  const login = cfLogin(ctx, a, T - 8 * MIN - 40_000);
  const m = { id: "0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a", email: "nils.holm.sec@gmail.com" };
  const add = cfMemberCreate(ctx, a, T, { ...m, roles: ["Super Administrator - All Privileges"] });
  const newbie = { key: "x", name: "x", cfEmail: m.email, cfId: "b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6", ddUuid: "", ip, ua: UA.chromeWin, tz: 0, kind: "human" as const };
  const acc = cfMemberAccept(ctx, cfUser(newbie), T + 6 * MIN + 12_000, m);
  cfLogin(ctx, cfUser(newbie), T + 9 * MIN);
  const view = cfKeyView(ctx, cfUser(newbie), T + 11 * MIN + 30_000);
  const tk = cfTokenCreate(ctx, cfUser(newbie), T + 13 * MIN + 4_000, { id: "c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7", name: "sync", policies: [policy(["API Tokens Write", "Zone Write", "DNS Write", "Account Settings Write"], allZones)] });
  return pack(
    ctx,
    {
      id: "li-22",
      slug: "night-super-admin-to-gmail",
      triple: "H member added",
      title: "IAM engineer's account adds a gmail address as Super Administrator at 04:20 on Sunday; the invitee immediately takes the global key and a token",
      hard: "The actor administers access for a living and the invitee's address carries his own name (a 'backup account' story fits); Cloudflare-only evidence",
      grounding: "CISA advisory AA23-320A (Scattered Spider): persistence by adding attacker-controlled identities with high privileges to SaaS admin consoles",
      deciding: "AFTER: the invitation is accepted within six minutes from the same new address, and the new member at once views the Global API key and creates an account-wide token with token-write rights; before it, a login from an address and browser never used by the actor",
    },
    {
      anomaly: { actor: nils.cfEmail!, action: "create", t: T, source: "cloudflare", severity: "critical", detector: "cf-membership-change", details: { resource_product: "members", description: "Add Member", member: m.email, role: "Super Administrator - All Privileges" } },
      verdict: "likely_malicious",
      keys: [add.cite, login.cite, acc.cite, view.cite, tk.cite],
      techniques: ["T1078.004", "T1136.003", "T1098.003", "T1098.001"],
      rationale:
        "At 04:11 on a Sunday Nils Holm's account logged in from 198.51.100.233 with a Windows browser (his sessions come from 203.0.113.118, daytime, another browser) and added nils.holm.sec@gmail.com as Super Administrator. The invitation was accepted six minutes later from the same address, and the new member immediately viewed the Global API key and created an account-wide token that can create further tokens. A personal mailbox made super admin and used at once from the inviting address to take standing credentials is persistence, not a backup account. Remove the member, roll the key, revoke the token, reset Nils's credentials.",
    },
  );
}

export function memberAgencyAdmin(orgs: Orgs): Built {
  const org = orgs.quayside;
  const T = at("2026-10-07T14:30:25Z");
  const ctx = newCtx("li-member-M", org, T + 18 * HOUR, true);
  const carlos = who(org, "carlos");
  const cowork = "203.0.113.171";
  background(ctx, carlos, T - 5 * HOUR);
  const nb = ddNotebook(ctx, ddUser(carlos, { ip: cowork }), T - 25 * MIN, "LAUNCH-42: agency (PixelForge) to point launch.quayside.games at their landing-page host");
  const a = cfUser(carlos, { ip: cowork });
  cfLogin(ctx, a, T - 6 * MIN);
  const m = { id: "1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b", email: "dev@pixelforge-agency.com" };
  const add = cfMemberCreate(ctx, a, T, { ...m, roles: ["Administrator"] });
  const ag = { key: "x", name: "x", cfEmail: m.email, cfId: "d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708", ddUuid: "", ip: "198.51.100.190", ua: UA.safari, tz: 0, kind: "human" as const };
  const agA = cfUser(ag);
  cfMemberAccept(ctx, agA, T + 32 * MIN, m);
  cfLogin(ctx, agA, T + 33 * MIN);
  const lz = org.zones[2]!;
  const dns = cfRecAdd(ctx, agA, T + 41 * MIN, lz, { type: "CNAME", name: "launch.quayside.games", content: "lb.pixelforge-hosting.net", proxied: true });
  cfRecAdd(ctx, agA, T + 43 * MIN, lz, { type: "TXT", name: "_pf-verify.launch.quayside.games", content: "pf-site-verification=3b9c1d" });
  cfPurge(ctx, agA, T + 58 * MIN, lz);
  cfRecAdd(ctx, agA, T + 17 * HOUR, lz, { type: "CNAME", name: "www.launch.quayside.games", content: "lb.pixelforge-hosting.net", proxied: true });
  return pack(
    ctx,
    {
      id: "li-23",
      slug: "agency-gets-account-administrator",
      triple: "H member added",
      title: "Marketing engineer gives a web agency full Administrator on the account to fix one landing-page record",
      hard: "An outside domain gains an account-wide admin role from an address the actor never used before; the agency then changes DNS — the takeover shape — yet every action stays on the one zone it was asked to touch",
      grounding: "Over-privileged third-party access (the Target 2013 breach began with an HVAC vendor's access); Cloudflare docs recommend domain-scoped roles for agencies",
      deciding: "The request body grants 'Administrator' on the whole account; BEFORE: a LAUNCH-42 notebook by the actor asks for exactly one DNS change by this agency; AFTER: the agency, from its own office address, only adds records on launch.quayside.games and purges that zone — the grant far exceeds the need",
    },
    {
      anomaly: { actor: carlos.cfEmail!, action: "create", t: T, source: "cloudflare", severity: "medium", detector: "cf-membership-change", details: { resource_product: "members", description: "Add Member", member: m.email, role: "Administrator" } },
      verdict: "misconfiguration",
      keys: [add.cite, dns.cite, nb.id],
      techniques: ["T1098.003"],
      rationale:
        "Carlos Ruiz's LAUNCH-42 notebook asks for the agency to point launch.quayside.games at its landing-page host. Working from a coworking space, he invited dev@pixelforge-agency.com with the account-wide Administrator role. The agency accepted from its office and did exactly the job: a CNAME and a verification TXT on launch.quayside.games and a purge of that zone, plus the www record the next morning. Nothing suggests abuse, but an outside party now holds admin over every zone, member and credential of the account. Replace the role with a DNS role scoped to the launch zone and put an end date on it.",
    },
  );
}

export function memberAgencyScoped(orgs: Orgs): Built {
  const org = orgs.nordwind;
  const T = at("2026-10-19T10:00:13Z");
  const ctx = newCtx("li-member-B", org, T + 9 * HOUR, true);
  const ana = who(org, "ana");
  const cowork = "198.51.100.240";
  ctx.ti.set(cowork, TI.vpn("PT", "Porto", "Coworking Secure Access"));
  background(ctx, ana, T - 20 * HOUR);
  const dd = ddUser(ana, { ip: cowork });
  ddLogin(ctx, dd, T - 40 * MIN, "SAML");
  const nb = ddNotebook(ctx, dd, T - 33 * MIN, "MKT-88 Brightline campaign microsite: DNS-only access for the agency until 2026-11-30");
  const a = cfUser(ana, { ip: cowork });
  cfLogin(ctx, a, T - 5 * MIN);
  const cz = org.zones[2]!;
  const m = { id: "2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c", email: "hello@brightline-studio.com" };
  const add = cfMemberCreate(ctx, a, T, {
    ...m,
    policies: [{ access: "allow", permission_groups: [{ id: "3030687196b94b638145a3953da2b699", name: "DNS" }], resource_groups: [{ scope: { key: `com.cloudflare.api.account.zone.${cz.id}` }, name: cz.name }] }],
  });
  const ag = { key: "x", name: "x", cfEmail: m.email, cfId: "e4f5a6b7c8d9e0f1a2b3c4d5e6f70819", ddUuid: "", ip: "203.0.113.44", ua: UA.chrome, tz: 0, kind: "human" as const };
  cfMemberAccept(ctx, cfUser(ag), T + 78 * MIN, m);
  const dns = cfRecAdd(ctx, cfUser(ag), T + 95 * MIN, cz, { type: "CNAME", name: "autumn.campaign.nordwind.io", content: "brightline-sites.netlify.app", proxied: false });
  sessions(ctx, ana, T + HOUR, ctx.now, { perDay: 1, ddA: dd, cfA: a });
  return pack(
    ctx,
    {
      id: "li-24",
      slug: "agency-dns-role-on-one-zone",
      triple: "H member added",
      title: "IAM engineer, from a coworking space, gives a design agency a DNS-only role on the campaign zone (MKT-88)",
      hard: "Outside domain added to the account from a first-seen address whose Datadog events carry a VPN/proxy intel tag; the agency then edits DNS",
      grounding: "Cloudflare docs 'Domain-scoped roles' (assigning DNS-only access to a single zone for agencies and contractors)",
      deciding: "The request body grants only the DNS permission group on the campaign.nordwind.io zone; a notebook written minutes earlier from the same address states the purpose and end date; AFTER: the agency adds one campaign record on that zone and nothing else",
    },
    {
      anomaly: { actor: ana.cfEmail!, action: "create", t: T, source: "cloudflare", severity: "medium", detector: "cf-membership-change", details: { resource_product: "members", description: "Add Member", member: m.email, first_seen_ip: true } },
      verdict: "benign",
      keys: [add.cite, nb.id, dns.cite],
      rationale:
        "Ana Lopes (IAM) worked from a coworking space in Porto that day; its egress is tagged as a VPN/secure-access service. From there she wrote the MKT-88 notebook (DNS-only access for the Brightline agency until 30 November) and invited hello@brightline-studio.com with a policy limited to the DNS permission group on the campaign.nordwind.io zone. The agency accepted and added one campaign CNAME in that zone. An outside member, but with the least privilege the job needs and a documented purpose.",
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Triple I: token_revoke

export function revokeLockout(orgs: Orgs): Built {
  const org = orgs.quayside;
  const T = at("2026-11-07T02:40:09Z");
  const ctx = newCtx("li-revoke-L", org, T + 7 * HOUR, true);
  const ivan = who(org, "ivan");
  background(ctx, ivan, T - 14 * HOUR);
  const sec = tok(org, "security-automation");
  // the nightly stale-token sweep revokes a token older than 90 days now and then, always from its host
  let lastSweep = "";
  for (let d = 7; d >= 1; d--) {
    if (d % 3 !== 1) continue;
    lastSweep = cfTokenRevoke(ctx, cfTok(sec), T - d * DAY + 20 * MIN + ctx.rng.int(0, 300) * 1000, { id: ctx.rng.hex(32), name: `stale-${ctx.rng.pick(["preview", "qa", "lab", "hackday"])}-${ctx.rng.int(10, 99)}` }).cite;
  }
  const att = cfTok(sec, { ip: "198.51.100.66", ua: UA.python });
  const mint = cfTokenCreate(ctx, att, T - 9 * MIN, { id: "f5a6b7c8d9e0f1a2b3c4d5e6f708192a", name: "sec-automation-2", policies: [policy(["API Tokens Write", "Zone Write", "DNS Write", "Account Settings Write"], allZones)] });
  const rv = cfTokenRevoke(ctx, att, T, { id: tok(org, "gha-deploy-play").id, name: "gha-deploy-play", accountOwned: true });
  const rv2 = cfTokenRevoke(ctx, att, T + 21_000, { id: tok(org, "tf-quayside-dns").id, name: "tf-quayside-dns", accountOwned: true });
  cfTokenRevoke(ctx, att, T + 48_000, { id: "8293a4b5c6d7e8f90a1b2c3d4e5f6071", name: "lars-laptop-wrangler" });
  cfTokenRevoke(ctx, att, T + 71_000, { id: "93a4b5c6d7e8f90a1b2c3d4e5f607182", name: "oncall-purge" });
  const newTok: CfToken = { id: "f5a6b7c8d9e0f1a2b3c4d5e6f708192a", name: "sec-automation-2", owner: ivan, ips: ["198.51.100.66"], ua: UA.python };
  const z = org.zones[0]!;
  cfRecDel(ctx, cfTok(newTok), T + 4 * MIN, z, { type: "MX", name: "quayside.games", content: "aspmx.l.google.com" });
  const mx = cfRecAdd(ctx, cfTok(newTok), T + 4 * MIN + 15_000, z, { type: "MX", name: "quayside.games", content: "mx1.quayside-mailhub.net" });
  return pack(
    ctx,
    {
      id: "li-25",
      slug: "stolen-security-token-locks-out-ci",
      triple: "I token_revoke",
      title: "Security-automation token, used from a new host at 02:40 on Saturday, mints its own token, revokes CI and people's tokens and replaces MX",
      hard: "The flagged token normally revokes tokens at night (its stale-token sweep), so revocation by this actor at night is routine; Datadog is unavailable, Cloudflare alone must carry the verdict",
      grounding: "Microsoft DEV-0537/Lapsus$ report (Mar 2022): attackers removed other administrators' access to keep control; MX repointing to intercept password-reset mail (Sea Turtle / DNSpionage DNS hijacks)",
      deciding: "Before it, from 198.51.100.66 instead of the automation host 192.0.2.225, the token minted an account-wide token; it then revoked four live tokens in 71 seconds (CI, Terraform, two people's) where the sweep revokes one stale token a night; AFTER: the new token replaces the MX record with an unknown mail host",
    },
    {
      anomaly: { actor: ivan.cfEmail!, action: "token_revoke", t: T, source: "cloudflare", severity: "high", detector: "cf-credential-anomaly", details: { token_name: "gha-deploy-play", acting_token: sec.name, burst: 4 } },
      verdict: "likely_malicious",
      keys: [rv.cite, rv2.cite, mint.cite, mx.cite, lastSweep],
      techniques: ["T1550.001", "T1098.001", "T1531", "T1584.002"],
      faults: { datadog: "unavailable" },
      rationale:
        "security-automation (owned by Ivan Petrov) normally works from 192.0.2.225 and revokes one stale token every few nights. On Saturday at 02:31 it was used from 198.51.100.66 to create an account-wide token able to create tokens, then revoked four live credentials in 71 seconds: the GitHub Actions deploy token, the Terraform DNS token and two people's tokens. Four minutes later the freshly minted token replaced the domain's Google MX with mx1.quayside-mailhub.net. Locking out automation and people, then taking the mail route, is a takeover; Datadog being down changes nothing in the Cloudflare record. Revoke sec-automation-2 and security-automation, restore MX, reissue the revoked tokens.",
    },
  );
}

export function revokeWrongToken(orgs: Orgs): Built {
  const org = orgs.copperleaf;
  const T = at("2026-09-24T22:20:31Z");
  const ctx = newCtx("li-revoke-M", org, T + 11 * HOUR, true);
  const sofia = who(org, "sofia");
  const omar = who(org, "omar");
  background(ctx, sofia, T - 5 * HOUR, { ci: false });
  // she spent the afternoon in the office before going home
  sessions(ctx, sofia, T - 9 * HOUR, T - 4 * HOUR, { perDay: 2, cfA: cfUser(sofia, { ip: "192.0.2.60" }), ddA: ddUser(sofia, { ip: "192.0.2.60" }) });
  const prod = tok(org, "ci-deploy-prod");
  const stg = tok(org, "ci-deploy-staging");
  ciDeploys(ctx, prod, ctx.now - 8 * DAY, T, 3, org.zones[0]);
  ciDeploys(ctx, stg, ctx.now - 8 * DAY, T + 20 * MIN, 2, org.zones[1]);
  const dd = ddUser(sofia);
  ddLogin(ctx, dd, T - 25 * MIN, "SAML");
  const nb = ddNotebook(ctx, dd, T - 19 * MIN, "INC-733 Cloudflare token ci-deploy-staging exposed in a public gist - revoke and reissue");
  const a = cfUser(sofia);
  cfLogin(ctx, a, T - 5 * MIN);
  const rv = cfTokenRevoke(ctx, a, T, { id: prod.id, name: prod.name, accountOwned: true });
  const mute = ddMonitorMute(ctx, ddUser(omar), T + 16 * MIN, "48213390", "[prod] deploy pipeline failing", true);
  const rv2 = cfTokenRevoke(ctx, a, T + 21 * MIN, { id: stg.id, name: stg.name, accountOwned: true });
  const nt = cfTokenCreate(ctx, a, T + 24 * MIN, { id: "a6b7c8d9e0f1a2b3c4d5e6f708192a3b", name: "ci-deploy-prod-2", policies: [policy(["Cache Purge", "DNS Write"], zoneRes(org, 0))], ipIn: org.ci, notAfter: "2026-12-31T00:00:00Z", accountOwned: true });
  ciDeploys(ctx, { id: "a6b7c8d9e0f1a2b3c4d5e6f708192a3b", name: "ci-deploy-prod-2", ips: org.ci, ua: UA.wrangler }, T + 38 * MIN, ctx.now, 3, org.zones[0]);
  ddMonitorMute(ctx, ddUser(omar), T + 45 * MIN, "48213390", "[prod] deploy pipeline failing", false);
  ddNotebook(ctx, dd, T + 50 * MIN, "INC-733 Cloudflare token ci-deploy-staging exposed in a public gist - revoke and reissue", "modified");
  return pack(
    ctx,
    {
      id: "li-26",
      slug: "leak-response-revokes-prod-token",
      triple: "I token_revoke",
      title: "During a leaked-token response the engineer revokes the production deploy token instead of the leaked staging one",
      hard: "Revoking the production CI credential at night and breaking deploys is what a lockout looks like; the real target is revoked only 21 minutes later",
      grounding: "Credential-leak response under pressure (GitHub secret scanning / public gist exposures; CircleCI 2023 mass-rotation advisory) where the wrong secret is rotated first and production breaks",
      deciding: "BEFORE: the INC-733 notebook names ci-deploy-staging as the exposed token; AFTER: prod deploys stop and the deploy monitor is muted by on-call, then the same engineer revokes the staging token, issues ci-deploy-prod-2 limited to the zone and the runners, and deploys resume",
    },
    {
      anomaly: { actor: sofia.cfEmail!, action: "token_revoke", t: T, source: "cloudflare", severity: "high", detector: "cf-credential-anomaly", details: { token_name: prod.name, off_hours: true } },
      verdict: "misconfiguration",
      keys: [rv.cite, nb.id, rv2.cite, nt.cite, mute.id],
      techniques: ["T1531"],
      rationale:
        "Sofia Marin opened INC-733 because ci-deploy-staging had been exposed in a public gist, then, from her usual address, revoked ci-deploy-prod. Production deploys stopped and on-call muted the deploy monitor; 21 minutes later she revoked the staging token as intended and issued ci-deploy-prod-2, limited to the production zone and the runner addresses, after which deploys resumed and the monitor was unmuted. Wrong credential revoked during incident response: a self-inflicted outage, not a lockout.",
    },
  );
}

export function revokeOffboarding(orgs: Orgs): Built {
  const org = orgs.saltmarsh;
  const T = at("2026-10-30T16:45:12Z");
  const ctx = newCtx("li-revoke-B", org, T + 15 * HOUR, true);
  const ok = who(org, "okonkwo");
  const elena = who(org, "elena");
  background(ctx, ok, T - 3 * HOUR);
  const rvance = { key: "rv", name: "Rob Vance", cfEmail: "r.vance@saltmarsh.health", ddEmail: "r.vance@saltmarsh.health", cfId: "f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b", ddUuid: "8c9d0e30-7a8b-11eb-9c0d-da7ad0900007", ip: "198.51.100.57", ua: UA.chrome, tz: -5, kind: "human" as const };
  sessions(ctx, rvance, ctx.now - 8 * DAY, T - 20 * HOUR, { perDay: 2 });
  const names = ["rv-lab-dns", "rv-tf-sandbox", "rv-worker-dev", "rv-r2-upload", "rv-logpush-test"];
  const ids = names.map(() => ctx.rng.hex(32));
  names.forEach((n, i) => cfTokenCreate(ctx, cfUser(rvance), T - (60 - i * 11) * DAY, { id: ids[i]!, name: n, policies: [policy(["DNS Write"], zoneRes(org, 1))], accountOwned: true }));
  const dis = ddUserStatus(ctx, ddUser(elena), T - 17 * MIN, { id: rvance.ddUuid, email: rvance.ddEmail }, "Active", "Disabled");
  const nb = ddNotebook(ctx, ddUser(elena), T - 15 * MIN, "OFF-219 offboarding r.vance (last day 2026-10-30): Datadog, Cloudflare, Okta");
  const a = cfUser(ok);
  cfLogin(ctx, a, T - 8 * MIN);
  const md = cfMemberDelete(ctx, a, T - 4 * MIN, { id: "3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d", email: rvance.cfEmail });
  const revs = names.map((n, i) => cfTokenRevoke(ctx, a, T + i * 23_000, { id: ids[i]!, name: n, accountOwned: true }).cite);
  const dk = ddUser(ok);
  const nb2 = ddNotebook(ctx, dk, T + 4 * MIN, "OFF-219 offboarding r.vance (last day 2026-10-30): Datadog, Cloudflare, Okta", "modified");
  sessions(ctx, ok, T + HOUR, ctx.now, { perDay: 1 });
  return pack(
    ctx,
    {
      id: "li-27",
      slug: "leaver-tokens-revoked",
      triple: "I token_revoke",
      title: "Platform engineer removes a leaver's membership and revokes the five account tokens the leaver created (OFF-219)",
      hard: "A burst of revocations right after removing another person's access (T1531 shape), high severity; the actor's email is M.Okonkwo@ in Datadog and m.okonkwo@ in Cloudflare",
      grounding: "Offboarding practice: NIST SP 800-53 PS-4 (revoke authenticators on termination), CIS Control 5.3; leftover tokens of departed staff are a common post-incident finding",
      deciding: "Cross-vendor: Datadog shows the IAM engineer disabling r.vance and opening OFF-219 minutes before; the revoked tokens are exactly the five the leaver created weeks earlier; AFTER: the actor updates the OFF-219 notebook and no deploy or team token is touched",
    },
    {
      anomaly: { actor: ok.cfEmail!, action: "token_revoke", t: T, source: "cloudflare", severity: "high", detector: "cf-credential-anomaly", details: { token_name: names[0], burst: 5 } },
      verdict: "benign",
      keys: [revs[0], revs[4], md.cite, dis.id, nb.id, nb2.id],
      rationale:
        "Rob Vance left on 30 October. In Datadog Elena Petrova disabled his user and opened OFF-219; minutes later Michael Okonkwo (M.Okonkwo@ in Datadog, m.okonkwo@ in Cloudflare), from his usual address, removed Vance's Cloudflare membership and revoked the five account-owned tokens Vance had created over the previous two months, then ticked off the OFF-219 notebook. No CI or team token was touched and deploys continue. Offboarding, done properly.",
    },
  );
}
