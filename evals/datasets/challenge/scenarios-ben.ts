// Benign incidents of the challenge dataset.
import { cfV1, cfV2, clock, dd, ddReq, hex, recId, uuid, UA } from "./lib.ts";
import type { DdUser } from "./lib.ts";
import { ACME, NW, NW_ORG, ACME_ORG } from "./scenarios-mal.ts";

type Inc = Record<string, unknown>;
const id = (r: Record<string, unknown>): string => r.id as string;

export function benign(): Inc[] {
  const out: Inc[] = [];

  // B1 — login from a new country (conference travel), routine work afterwards.
  {
    const T = "2026-08-13T07:48:20Z";
    const c = clock(T);
    const a: DdUser = { email: "hana.sato@northwind.io", uuid: uuid() };
    const lisbon = "193.136.45.12";
    const home = "198.51.100.200";
    const yday = dd({ time: c.at(-1300), org: NW_ORG, user: a, evt: "Authentication", action: "login", message: `${a.email} logged in`, ip: home, http: { method: "POST", path: "/account/login", status: "302", ua: UA.win } });
    const ydayWork = dd({ time: c.at(-1280), org: NW_ORG, user: a, evt: "Monitor", action: "modified", asset: { type: "monitor", id: "55102933", name: "[cms] publish queue depth", prev_value: { thresholds: { critical: 500 } }, new_value: { thresholds: { critical: 400 } } }, message: `${a.email} modified monitor "[cms] publish queue depth"`, ip: home });
    const login = dd({ time: c.at(0), org: NW_ORG, user: a, evt: "Authentication", action: "login", message: `${a.email} logged in`, ip: lisbon, http: { method: "POST", path: "/account/login", status: "302", ua: UA.win }, metadata: { geo: { country: "PT", city: "Lisbon" } } });
    const w1 = dd({ time: c.at(9), org: NW_ORG, user: a, evt: "Monitor", action: "modified", asset: { type: "monitor", id: "55102933", name: "[cms] publish queue depth", prev_value: { thresholds: { critical: 400, warning: null } }, new_value: { thresholds: { critical: 400, warning: 300 } } }, message: `${a.email} modified monitor "[cms] publish queue depth"`, ip: lisbon });
    const w2 = dd({ time: c.at(14), org: NW_ORG, user: a, evt: "Dashboard", action: "modified", asset: { type: "dashboard", id: "cms-8k2-pq0", name: "CMS health", prev_value: { widgets: 14 }, new_value: { widgets: 15 } }, message: `${a.email} modified dashboard "CMS health"`, ip: lisbon });
    const cfp = cfV1({ when: c.at(21), type: "purge", actor: { email: a.email, id: hex(32), ip: lisbon }, owner: NW.id, resourceType: "zone", resourceId: hex(32), metadata: { zone_name: "northwind.io" }, iface: "UI" });
    const cfy = cfV1({ when: c.at(-1270), type: "purge", actor: { email: a.email, id: hex(32), ip: home }, owner: NW.id, resourceType: "zone", resourceId: hex(32), metadata: { zone_name: "northwind.io" }, iface: "UI" });
    out.push({
      id: "ch-ben-01-travel-new-country",
      title: "Login from Portugal for the first time, followed by the usual monitor and dashboard work",
      now: c.iso(55),
      anomaly: { id: "det-dd-a1b2c3", actor: a.email, action: "Authentication//login", timestamp: T, source: "datadog", severity: "medium", detector: "dd-new-geo", details: { country: "PT", previous_countries: ["DE"] } },
      sources: { datadog: { site: "datadoghq.com", audit_events: [w2, w1, login, ydayWork, yday] }, cloudflare: { account_id: NW.id, audit_logs: [cfp, cfy] } },
      label: {
        verdict: "benign",
        key_event_ids: [id(login), id(w1)],
        rationale: "A first login from Lisbon (university network, same browser and OS as usual) after yesterday's login from the corporate VPN — a plausible overnight flight, not impossible travel. Afterwards she does exactly what she did yesterday: tunes the same CMS monitor, edits the CMS dashboard, purges cache. No credential, role, logging or security changes. Travel.",
      },
    });
  }

  // B2 — CI account's nightly apply, including its own token roll (v2 + v1 twins).
  {
    const T = "2026-08-16T02:04:09Z";
    const c = clock(T);
    const botId = hex(32);
    const runner = "34.82.119.7";
    const bot = { email: "deploy-bot@acmeretail.com", id: botId, ip: runner, context: "api_token", token_id: hex(32), token_name: "terraform-ci-nightly" };
    const zone = { id: hex(32), name: "acmeretail.com" };
    const twin = (min: number, sec: number, v1: Omit<Parameters<typeof cfV1>[0], "when" | "id">, v2: Omit<Parameters<typeof cfV2>[0], "time" | "id">) => {
      const rid = uuid();
      return [cfV1({ ...v1, id: rid, when: c.at(min, sec) }), cfV2({ ...v2, id: rid, time: c.at(min, sec) })] as const;
    };
    const v1a = { id: botId, email: bot.email, ip: runner };
    const night = (min: number) => twin(min, 12, { type: "rec_add", actor: v1a, owner: ACME.id, resourceType: "DNS_record", resourceId: recId(), metadata: { zone_name: zone.name }, iface: "API", newValueJson: { name: "canary.acmeretail.com", type: "CNAME", content: "canary-lb.acmeretail.net", proxied: true, ttl: 1 } }, { type: "create", description: "Create DNS Record", product: "dns_records", resourceType: "dns.record", resourceId: hex(32), account: ACME, actor: bot, method: "POST", uri: `/zones/${zone.id}/dns_records`, ua: UA.terraform, zone, request: { name: "canary.acmeretail.com", type: "CNAME", content: "canary-lb.acmeretail.net" } });
    const [y1, y2] = night(-1400);
    const [o1, o2] = night(-2881);
    const [d1, d2] = night(-3);
    const zs = cfV2({ time: c.at(-2, 30), type: "update", description: "Update Zone Setting", product: "zone_settings", resourceType: "zone.setting", resourceId: "min_tls_version", account: ACME, actor: bot, method: "PATCH", uri: `/zones/${zone.id}/settings/min_tls_version`, ua: UA.terraform, zone, request: { value: "1.2" }, response: { value: "1.2", editable: true } });
    const [r1, r2] = twin(0, 0, { type: "token_roll", actor: v1a, owner: botId, resourceType: "account", resourceId: botId, metadata: { token_name: "terraform-ci-nightly", token_tag: bot.token_id, old_token_status: "active", new_token_status: "active" } }, { type: "update", description: "Roll API Token", product: "api_tokens", resourceType: "token", resourceId: bot.token_id, account: ACME, actor: bot, method: "PUT", uri: `/user/tokens/${bot.token_id}/value`, ua: UA.terraform });
    const [p1, p2] = twin(1, 20, { type: "rec_del", actor: v1a, owner: ACME.id, resourceType: "DNS_record", resourceId: recId(), metadata: { zone_name: zone.name }, iface: "API", oldValueJson: { name: "canary-old.acmeretail.com", type: "CNAME", content: "canary-lb-old.acmeretail.net", ttl: 1 } }, { type: "delete", description: "Delete DNS Record", product: "dns_records", resourceType: "dns.record", resourceId: hex(32), account: ACME, actor: bot, method: "DELETE", uri: `/zones/${zone.id}/dns_records/x`, ua: UA.terraform, zone });
    const other = cfV1({ when: c.at(-800), type: "login", actor: { email: "anna.berg@acmeretail.com", id: hex(32), ip: "203.0.113.24" }, owner: ACME.id, resourceType: "account", resourceId: ACME.id });
    out.push({
      id: "ch-ben-02-ci-nightly-apply",
      title: "CI service account's nightly Terraform apply rolls its own token",
      now: c.iso(25),
      anomaly: { id: "det-cf-b20e77", actor: bot.email, action: "api_tokens.update", timestamp: T, source: "cloudflare", severity: "medium", detector: "cf-admin-anomaly", details: { description: "Roll API Token" } },
      sources: { cloudflare: { account_id: ACME.id, audit_logs: [p1, r1, d1, other, y1, o1], audit_logs_v2: [p2, r2, zs, d2, y2, o2] } },
      label: {
        verdict: "benign",
        key_event_ids: [id(r1), id(d1), id(y1)],
        rationale: "The deploy bot acts from its CI runner with its own scoped token at 02:0x, exactly like the previous nights (same DNS resources, same Terraform client). Rolling the token it is authenticated with is a scheduled hygiene step of the pipeline; no new token is minted, no other member or security setting is touched (min TLS is raised, a hardening). Routine automation.",
      },
    });
  }

  // B3 — MFA enforcement tightened.
  {
    const T = "2026-08-21T09:12:00Z";
    const c = clock(T);
    const a: DdUser = { email: "ravi.kumar@acmeretail.com", uuid: uuid() };
    const ip = "203.0.113.24";
    const login = dd({ time: c.at(-14), org: ACME_ORG, user: a, evt: "Authentication", action: "login", message: `${a.email} logged in`, ip });
    const mfa = dd({ time: c.at(0), org: ACME_ORG, user: a, evt: "Access Management", action: "modified", asset: { type: "identity_provider", id: ACME_ORG, name: "Login methods", prev_value: { login_methods: { password: true, google_oauth: true }, mfa_required: false }, new_value: { login_methods: { password: true, google_oauth: true }, mfa_required: true } }, message: `${a.email} modified the organization's allowed login methods (SEC-231 require MFA for password logins)`, ip });
    const req = ddReq({ time: c.at(2), org: ACME_ORG, user: a, method: "GET", path: "/api/v2/users", ua: UA.mac, ip });
    const other = dd({ time: c.at(30), org: ACME_ORG, user: { email: "li.wei@acmeretail.com", uuid: uuid() }, evt: "Authentication", action: "login", message: "li.wei@acmeretail.com logged in with MFA", ip: "203.0.113.52" });
    const old = dd({ time: c.at(-7 * 1440 + 60), org: ACME_ORG, user: a, evt: "Access Management", action: "modified", asset: { type: "role", id: uuid(), name: "Support Read" }, message: `${a.email} modified role "Support Read"`, ip });
    out.push({
      id: "ch-ben-03-mfa-tightened",
      title: "MFA made mandatory for password logins under a security ticket",
      now: c.iso(45),
      anomaly: { id: "det-dd-c3d4e5", actor: a.email, action: "Access Management/identity_provider/modified", timestamp: T, source: "datadog", severity: "high", detector: "dd-audit-anomaly" },
      sources: { datadog: { site: "datadoghq.com", audit_events: [other, req, mfa, login, old] } },
      label: {
        verdict: "benign",
        key_event_ids: [id(mfa)],
        rationale: "The identity admin, from the office, turns on mandatory MFA under SEC-231 and checks the user list; users then log in with MFA without failures. The authentication process changed, but strictly in the safer direction and by its owner. Benign hardening.",
      },
    });
  }

  // B4 — monitor muted with an end time during a declared maintenance window; Datadog slow.
  {
    const T = "2026-08-23T22:00:30Z";
    const c = clock(T);
    const a: DdUser = { email: "omar.haddad@northwind.io", uuid: uuid() };
    const ip = "198.51.100.23";
    const endEpoch = Math.floor(Date.parse("2026-08-24T00:30:00Z") / 1000);
    const mute = dd({ time: c.at(0), org: NW_ORG, user: a, evt: "Monitor", action: "modified", asset: { type: "monitor", id: "61230001", name: "[db] primary replication lag", prev_value: { options: { silenced: {} } }, new_value: { options: { silenced: { "*": endEpoch } } } }, message: `${a.email} muted monitor "[db] primary replication lag" until 2026-08-24T00:30:00Z (CHG-7781 Postgres 16 failover window)`, ip });
    const mute2 = dd({ time: c.at(0, 40), org: NW_ORG, user: a, evt: "Monitor", action: "modified", asset: { type: "monitor", id: "61230002", name: "[db] connection errors", prev_value: { options: { silenced: {} } }, new_value: { options: { silenced: { "*": endEpoch } } } }, message: `${a.email} muted monitor "[db] connection errors" until 2026-08-24T00:30:00Z (CHG-7781)`, ip });
    const dt = dd({ time: c.at(-180), org: NW_ORG, user: a, evt: "Monitor", action: "created", asset: { type: "downtime", id: "dt-55ab", name: "CHG-7781 Postgres failover", new_value: { scope: "service:postgres", start: "2026-08-23T22:00:00Z", end: "2026-08-24T00:30:00Z" } }, message: `${a.email} scheduled downtime "CHG-7781 Postgres failover"`, ip });
    const other = ddReq({ time: c.at(-45), org: NW_ORG, user: { email: "julia.weber@northwind.io", uuid: uuid() }, method: "GET", path: "/api/v2/usage/logs_by_index", ua: UA.mac, ip: "192.0.2.61" });
    out.push({
      id: "ch-ben-04-mute-maintenance-window",
      title: "Database monitors muted until the end of a scheduled failover window",
      now: c.iso(20),
      anomaly: { id: "det-dd-d4e5f6", actor: a.email, action: "Monitor/monitor/modified", timestamp: T, source: "datadog", severity: "medium", detector: "dd-audit-anomaly", details: { muted: true } },
      sources: { datadog: { site: "datadoghq.com", audit_events: [mute2, mute, other, dt] } },
      faults: { datadog: "slow:300" },
      label: {
        verdict: "benign",
        key_event_ids: [id(mute), id(dt)],
        rationale: "The DBA scheduled a downtime for CHG-7781 three hours earlier and, at the window's start, mutes exactly the two database monitors that a failover trips, each with an end time matching the window. Usual office address, narrow scope, bounded duration, ticket: planned maintenance.",
      },
    });
  }

  // B5 — API key rotation: new key created, used from the known CI address, old key deleted.
  {
    const T = "2026-08-28T10:05:17Z";
    const c = clock(T);
    const a: DdUser = { email: "sara.lind@northwind.io", uuid: uuid() };
    const ip = "198.51.100.23";
    const ci = "34.140.22.9";
    const newKey = uuid();
    const oldKey = uuid();
    const created = dd({ time: c.at(0), org: NW_ORG, user: a, evt: "Authentication", action: "created", asset: { type: "api_key", id: newKey, name: "k8s-agent-2026-08" }, message: `${a.email} created API key "k8s-agent-2026-08" (SEC-240 quarterly rotation)`, ip });
    const agent = dd({ time: c.at(14), org: NW_ORG, user: { email: newKey, id: newKey, uuid: newKey, actorType: "Other", auth: "API + App Key" }, evt: "Datadog Agent", action: "update_config", message: "Agent configuration updated", ip: ci });
    const deleted = dd({ time: c.at(41), org: NW_ORG, user: a, evt: "Authentication", action: "deleted", asset: { type: "api_key", id: oldKey, name: "k8s-agent-2026-05", prev_value: { name: "k8s-agent-2026-05", last_used: "2026-08-28T10:20:00Z" } }, message: `${a.email} deleted API key "k8s-agent-2026-05" (SEC-240)`, ip });
    const prevQ = dd({ time: c.at(-92 * 1440 + 30), org: NW_ORG, user: a, evt: "Authentication", action: "created", asset: { type: "api_key", id: oldKey, name: "k8s-agent-2026-05" }, message: `${a.email} created API key "k8s-agent-2026-05" (SEC-198)`, ip });
    const login = dd({ time: c.at(-25), org: NW_ORG, user: a, evt: "Authentication", action: "login", message: `${a.email} logged in`, ip });
    out.push({
      id: "ch-ben-05-api-key-rotation",
      title: "Quarterly Datadog API key rotation: new key used by the agents, old key deleted",
      now: c.iso(75),
      anomaly: { id: "det-dd-e5f6a7", actor: a.email, action: "Authentication/api_key/created", timestamp: T, source: "datadog", severity: "medium", detector: "dd-audit-anomaly" },
      sources: { datadog: { site: "datadoghq.com", audit_events: [deleted, agent, created, login, prevQ] } },
      label: {
        verdict: "benign",
        key_event_ids: [id(created), id(deleted)],
        rationale: "The platform engineer creates a dated agent key from the office under a rotation ticket; within 15 minutes it is in use from the known CI/Kubernetes egress, and the previous quarter's key is deleted. A new credential that replaces an old one, is used from the known place and closes with revocation is rotation.",
      },
    });
  }

  // B6 — new hire invited with a read-only role (Cloudflare v2 members).
  {
    const T = "2026-09-01T13:30:44Z";
    const c = clock(T);
    const a = { email: "tom.becker@acmeretail.com", id: hex(32), ip: "203.0.113.24" };
    const mId = hex(32);
    const invite = cfV2({ time: c.at(0), type: "create", description: "Add Member", product: "members", resourceType: "account.member", resourceId: mId, account: ACME, actor: a, method: "POST", uri: `/accounts/${ACME.id}/members`, ua: UA.win, request: { email: "mei.tanaka@acmeretail.com", roles: ["Administrator Read Only"] }, response: { status: "pending" } });
    const accept = cfV2({ time: c.at(47), type: "update", description: "Accept Invite", product: "members", resourceType: "account.member", resourceId: mId, account: ACME, actor: { email: "mei.tanaka@acmeretail.com", id: hex(32), ip: "203.0.113.24" }, method: "PUT", uri: `/memberships/${mId}`, ua: UA.mac, request: { status: "accepted" } });
    const prior = cfV2({ time: c.at(-20 * 1440), type: "create", description: "Add Member", product: "members", resourceType: "account.member", resourceId: hex(32), account: ACME, actor: a, method: "POST", uri: `/accounts/${ACME.id}/members`, ua: UA.win, request: { email: "li.wei@acmeretail.com", roles: ["Administrator Read Only"] } });
    const work = cfV2({ time: c.at(-200), type: "create", description: "Purge Cache", product: "cache", resourceType: "zone", resourceId: hex(32), account: ACME, actor: a, method: "POST", uri: "/zones/x/purge_cache", ua: UA.win, zone: { id: hex(32), name: "acmeretail.com" } });
    out.push({
      id: "ch-ben-06-new-hire-readonly",
      title: "Team lead invites a new company-domain hire with a read-only role",
      now: c.iso(90),
      anomaly: { id: "det-cf-f6a7b8", actor: a.email, action: "members.create", timestamp: T, source: "cloudflare", severity: "low", detector: "cf-admin-anomaly", details: { invited: "mei.tanaka@acmeretail.com" } },
      sources: { cloudflare: { account_id: ACME.id, audit_logs: [], audit_logs_v2: [accept, invite, work, prior] } },
      label: {
        verdict: "benign",
        key_event_ids: [id(invite)],
        rationale: "A team lead who onboards people this way (a read-only invite three weeks ago) invites a company-domain address with Administrator Read Only from the office; the invite is accepted from the office network. No privilege escalation, no removal of others. Onboarding.",
      },
    });
  }

  // B7 — detection rule tuned with a ticketed suppression by the detection engineer; Cloudflare forbidden.
  {
    const T = "2026-09-04T11:02:03Z";
    const c = clock(T);
    const a: DdUser = { email: "sara.lind@northwind.io", uuid: uuid() };
    const ip = "198.51.100.23";
    const rule = (min: number, name: string, prev: unknown, next: unknown, note: string) => dd({ time: c.at(min), org: NW_ORG, user: a, evt: "Cloud Security Platform", action: "modified", asset: { type: "security_rule", id: `r-${hex(6)}`, name, prev_value: prev, new_value: next }, message: `${a.email} modified security rule "${name}" (${note})`, ip });
    const ydayRule = rule(-1400, "AWS console login without MFA", { cases: [{ status: "medium" }] }, { cases: [{ status: "high" }] }, "DET-118 raise severity");
    const tune = rule(0, "Web scanner activity on login", { isEnabled: true, filters: [] }, { isEnabled: true, filters: [{ action: "suppress", query: "@network.client.ip:203.0.113.250" }] }, "DET-121 suppress approved external pentest scanner until 2026-09-06");
    const test = dd({ time: c.at(5), org: NW_ORG, user: a, evt: "Cloud Security Platform", action: "executed", asset: { type: "security_rule", id: "r-test", name: "Web scanner activity on login" }, message: `${a.email} tested security rule "Web scanner activity on login"`, ip });
    const other = dd({ time: c.at(-60), org: NW_ORG, user: { email: "marco.rossi@northwind.io", uuid: uuid() }, evt: "Dashboard", action: "created", asset: { type: "dashboard", id: "z2z-9p0-xx1", name: "Ad revenue" }, message: "marco.rossi@northwind.io created dashboard", ip });
    out.push({
      id: "ch-ben-07-rule-suppression-pentest",
      title: "Detection rule gets a ticketed, time-bounded suppression for an approved pentest scanner",
      now: c.iso(40),
      anomaly: { id: "det-dd-0a1b2c", actor: a.email, action: "Cloud Security Platform/security_rule/modified", timestamp: T, source: "datadog", severity: "high", detector: "dd-audit-anomaly" },
      sources: {
        datadog: { site: "datadoghq.com", audit_events: [test, tune, other, ydayRule] },
        cloudflare: { account_id: NW.id, audit_logs: [cfV1({ when: c.at(-100), type: "login", actor: { email: a.email, id: hex(32), ip }, owner: NW.id, resourceType: "account", resourceId: NW.id })] },
      },
      faults: { cloudflare: "forbidden" },
      label: {
        verdict: "benign",
        key_event_ids: [id(tune)],
        rationale: "The detection engineer, who tunes rules daily (yesterday she raised a severity under DET-118), adds a suppression for a single external scanner IP tied to an approved pentest ticket, keeps the rule enabled, and tests it. Narrow, ticketed, owner-made, from the office: normal detection engineering. Cloudflare being unreadable does not matter here.",
      },
    });
  }

  // B8 — ticketed DNS cleanup of a decommissioned product, plus TLS hardening (v1 + v2 twins).
  {
    const T = "2026-09-09T09:40:10Z";
    const c = clock(T);
    const a = { email: "sam.okafor@northwind.io", id: hex(32), ip: "198.51.100.23" };
    const zone = { id: hex(32), name: "northwind.io" };
    const twin = (min: number, sec: number, v1: Omit<Parameters<typeof cfV1>[0], "when" | "id">, v2: Omit<Parameters<typeof cfV2>[0], "time" | "id">) => {
      const rid = uuid();
      return [cfV1({ ...v1, id: rid, when: c.at(min, sec), micro: true }), cfV2({ ...v2, id: rid, time: c.at(min, sec) })] as const;
    };
    const names = ["podcast", "podcast-api", "podcast-cdn", "podcast-admin", "rss", "rss-staging"];
    const pairs = names.map((n, i) => twin(i * 1 - 2, i === 2 ? 0 : i * 9, { type: "rec_del", actor: a, owner: NW.id, resourceType: "DNS_record", resourceId: recId(), metadata: { zone_name: zone.name }, iface: "UI", oldValueJson: { name: `${n}.northwind.io`, type: "CNAME", content: "podcast-eol.northwind.net", ttl: 1, comment: "NET-1182 decommission podcast platform" } }, { type: "delete", description: "Delete DNS Record", product: "dns_records", resourceType: "dns.record", resourceId: hex(32), account: NW, actor: a, method: "DELETE", uri: `/zones/${zone.id}/dns_records/x`, ua: UA.mac, zone, response: { name: `${n}.northwind.io`, comment: "NET-1182 decommission podcast platform" } }));
    const [tls1, tls2] = twin(6, 0, { type: "change_setting", actor: a, owner: NW.id, resourceType: "zone", resourceId: zone.id, metadata: { name: "min_tls_version", type: "ssl", value: "1.2", zone_name: zone.name }, newValue: "1.2", oldValue: "1.0", iface: "UI" }, { type: "update", description: "Update Zone Setting", product: "zone_settings", resourceType: "zone.setting", resourceId: "min_tls_version", account: NW, actor: a, method: "PATCH", uri: `/zones/${zone.id}/settings/min_tls_version`, ua: UA.mac, zone, request: { value: "1.2" } });
    const flagged = pairs[2]!;
    const other = cfV1({ when: c.at(-300), type: "login", actor: { email: "hana.sato@northwind.io", id: hex(32), ip: "198.51.100.200" }, owner: NW.id, resourceType: "account", resourceId: NW.id });
    out.push({
      id: "ch-ben-08-dns-decommission-ticket",
      title: "Six DNS records of a decommissioned product deleted under a change ticket, then min TLS raised",
      now: c.iso(60),
      anomaly: { id: "det-cf-1c2d3e", actor: a.email, action: "rec_del", timestamp: T, source: "cloudflare", severity: "medium", detector: "cf-bulk-delete", details: { count_10m: 6 } },
      sources: { cloudflare: { account_id: NW.id, audit_logs: [tls1, ...pairs.map((p) => p[0]).reverse(), other], audit_logs_v2: [tls2, ...pairs.map((p) => p[1]).reverse()] } },
      label: {
        verdict: "benign",
        key_event_ids: [id(flagged[0]), id(pairs[0]![0])],
        rationale: "The DNS admin removes only the records of the podcast product, each carrying the NET-1182 decommission comment, from his usual address and browser, then raises the zone's minimum TLS version. Scoped, ticketed removal of end-of-life records plus a hardening change: planned work.",
      },
    });
  }

  return out;
}
