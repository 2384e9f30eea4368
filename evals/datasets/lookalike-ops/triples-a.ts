// Look-alike triples 1-2 of the lookalike-ops corpus: security level, DNS mass deletion. Each flagged action
// appears once as an attack, once as a mistake, once as routine work.
import { HOUR, int, MIN, monId, type Book, type CfAuth } from "./builders.ts";
import { FERNHOLLOW as FH, LARKSPUR as LK, QUAYSIDE as QS, who, zone } from "./world.ts";
import type { Scenario } from "./scenario.ts";

const dash = (ip: string, ua?: string): CfAuth => ({ via: "dash", ip, ua });

// ---------------------------------------------------------------- triple 1: security level lowered
const dwayne = who(QS, "dwayne.hollis");
const tom = who(LK, "tom.okafor");
const jonas = who(FH, "jonas.weber");

export const t1: Scenario[] = [
  {
    n: 1,
    slug: "security-level-wrong-zone",
    triple: "security level lowered (change_setting)",
    title: "Security level switched off on the production API zone instead of the staging zone before a load test",
    org: QS,
    verdict: "misconfiguration",
    at: "2026-09-02T15:05:12Z",
    nowAfter: 4,
    actor: dwayne,
    anomalyActor: dwayne.cfEmail,
    action: "change_setting",
    source: "cloudflare",
    severity: "high",
    detector: "cf-protection-downgrade",
    details: { setting: "security_level", zone: "qsf-api.net", from: "high", to: "essentially_off" },
    techniques: ["T1562.007"],
    hard: "Production API zone protection switched off by hand (T1562.007 shape), no revert for more than two hours; the deciding context is in Datadog (a stage load test being prepared) and after the flag (the prod zone restored and the same change applied to the stage zone).",
    deciding: "Datadog before: the stage load-test synthetic edited and stage monitors read; Cloudflare after: prod restored to high at +2h25 and the identical change applied to qsf-stage.net two minutes later, then the load test re-triggered.",
    grounding: "Cloudflare Security Level docs (essentially_off disables challenges zone-wide) and the classic wrong-environment change (e.g. GitLab 2017 database incident: a command run on the production host instead of the replica).",
    story(b: Book, T: number) {
      const api = zone(QS, "qsf-api.net");
      const stage = zone(QS, "qsf-stage.net");
      const ip = dwayne.office;
      b.ddLogin(dwayne, T - 55 * MIN, ip);
      b.dashView(dwayne, T - 50 * MIN, ip, "Carrier webhooks");
      const synth = b.ddDo(dwayne, T - 41 * MIN, {
        evt: "Synthetic Monitoring",
        action: "modified",
        asset: {
          type: "synthetics_test",
          id: "qfs-7kd-2mw",
          name: "[stage] tracking API load test",
          prev_value: { name: "[stage] tracking API load test", config: { request: { url: "https://api.qsf-stage.net/v2/track" } }, locations: ["aws:us-east-2"], options: { tick_every: 900 } },
          new_value: { name: "[stage] tracking API load test", config: { request: { url: "https://api.qsf-stage.net/v2/track" } }, locations: ["aws:us-east-2", "aws:us-west-2", "aws:eu-central-1"], options: { tick_every: 60 } },
        },
        message: `${dwayne.ddEmail} modified synthetic test "[stage] tracking API load test"`,
      });
      b.req(dwayne, T - 38 * MIN, "GET", "/api/v1/monitor", ip);
      b.cfLogin(dwayne, T - 9 * MIN, ip);
      const flagged = b.setting(dwayne, T, dash(ip), api, "security_level", "firewall", "high", "essentially_off");
      b.req(dwayne, T + 3 * MIN, "POST", "/api/v1/synthetics/tests/trigger", ip);
      b.dashView(dwayne, T + 21 * MIN, ip, "Dispatch API – overview");
      b.dashView(dwayne, T + 74 * MIN, ip, "Edge – Cloudflare");
      b.req(dwayne, T + 2 * HOUR + 18 * MIN, "GET", `/api/v1/monitor/${monId("[prod] bot traffic share")}`, ip);
      const revert = b.setting(dwayne, T + 2 * HOUR + 25 * MIN, dash(ip), api, "security_level", "firewall", "essentially_off", "high");
      const intended = b.setting(dwayne, T + 2 * HOUR + 27 * MIN, dash(ip), stage, "security_level", "firewall", "high", "essentially_off");
      b.req(dwayne, T + 2 * HOUR + 31 * MIN, "POST", "/api/v1/synthetics/tests/trigger", ip);
      return {
        keys: [flagged.v2!, synth, revert.v2!, intended.v2!],
        rationale:
          "Dwayne spent the preceding hour preparing a load test against the stage environment in Datadog (the '[stage] tracking API load test' synthetic widened to three locations and 60 s ticks) and then switched security_level to essentially_off on qsf-api.net, the production API zone, and triggered the test. At +2h18 he looked at the prod bot-traffic monitor, at +2h25 set qsf-api.net back to high and two minutes later made the identical change on qsf-stage.net, the zone the test targets, then re-triggered the test. Office address, his usual browser, no credential or access activity: production protection was off for ~2.5 hours because the change went to the wrong zone.",
      };
    },
  },
  {
    n: 2,
    slug: "security-level-then-login-blinded",
    triple: "security level lowered (change_setting)",
    title: "Security level lowered on the storefront, then the login-failure monitor muted and login logs excluded",
    org: LK,
    verdict: "likely_malicious",
    at: "2026-09-08T10:20:44Z",
    nowAfter: 3,
    actor: tom,
    anomalyActor: tom.cfEmail,
    action: "change_setting",
    source: "cloudflare",
    severity: "medium",
    detector: "cf-protection-downgrade",
    details: { setting: "security_level", zone: "larkspur-outfitters.com", from: "medium", to: "low" },
    techniques: ["T1078.004", "T1562.007", "T1562.001", "T1562.008"],
    hard: "A modest medium -> low change in business hours by the platform engineer who edits zone settings weekly; the session differs only by address, and the chain (monitor mute, log exclusion, rate-limit rule removed) is spread over both vendors after the flag.",
    deciding: "After the flag: the '[prod] login failures' monitor muted indefinitely and a 100% exclusion filter on /account/login logs in Datadog, then the login rate-limit rule disabled in Cloudflare v2 — all from an address Tom never used, while his own laptop session sat idle at the office.",
    grounding: "Credential-stuffing preparation after account takeover (OWASP Automated Threats OAT-008; e.g. the 2022-23 credential-stuffing waves against retail logins) combined with defence evasion by monitor muting/log exclusion (Datadog OOTB rules for disabled logging).",
    history: { older: 1, inWindow: 1 },
    story(b: Book, T: number) {
      const main = zone(LK, "larkspur-outfitters.com");
      const evil = "146.70.117.38";
      const threat = { category: "residential_proxy", name: "IPROYAL_PROXY" };
      const ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36";
      b.ddLogin(tom, T - 2 * HOUR, tom.office);
      b.dashView(tom, T - 110 * MIN, tom.office, "Kubernetes – prod-eu");
      const login = b.cfLogin(tom, T - 6 * MIN, evil);
      const flagged = b.setting(tom, T, dash(evil, ua), main, "security_level", "firewall", "medium", "low");
      b.ddEv(b.sess(tom), T + 4 * MIN - 900, { evt: "Request", action: "accessed", message: `POST request made to /account/login by ${tom.ddEmail} with response 302`, http: { method: "POST", path: "/account/login", status: "302", ua }, ip: evil, threat });
      b.ddEv(b.sess(tom), T + 4 * MIN, { evt: "Authentication", action: "login", message: `${tom.ddEmail} logged in` });
      b.ddEv(b.sess(tom), T + 6 * MIN, { evt: "Request", action: "accessed", message: `GET request made to /api/v1/monitor/search by ${tom.ddEmail} with response 200`, http: { method: "GET", path: "/api/v1/monitor/search", status: "200", ua }, ip: evil, threat });
      const m = "[prod] login failures";
      const mute = b.ddDo(tom, T + 8 * MIN, {
        evt: "Monitor",
        action: "modified",
        asset: { type: "monitor", id: monId(m), name: m, prev_value: { name: m, options: { silenced: {} } }, new_value: { name: m, options: { silenced: { "*": null } } } },
        message: `${tom.ddEmail} muted monitor "${m}"`,
      });
      const excl = b.ddDo(tom, T + 12 * MIN, {
        evt: "Log Management",
        action: "modified",
        asset: {
          type: "index",
          id: "main",
          name: "main",
          prev_value: { name: "main", exclusion_filters: [{ name: "drop health checks", is_enabled: true, filter: { query: "@http.url_details.path:/healthz", sample_rate: 1 } }] },
          new_value: {
            name: "main",
            exclusion_filters: [
              { name: "drop health checks", is_enabled: true, filter: { query: "@http.url_details.path:/healthz", sample_rate: 1 } },
              { name: "noise reduction", is_enabled: true, filter: { query: "@http.url_details.path:/account/login*", sample_rate: 1 } },
            ],
          },
        },
        message: `${tom.ddEmail} modified index "main"`,
      });
      const rl = b.v2(tom, T + 17 * MIN, dash(evil, ua), {
        type: "update",
        description: "Update rule in ruleset",
        product: "rulesets",
        rtype: "ruleset.rule",
        rid: "9c2e4f61a0b84d7f8e3c5a1b2d6f7e80",
        method: "PATCH",
        uri: `/zones/${main.id}/rulesets/1f3e5a7c9b2d4e6f8a0c1e3b5d7f9a2c/rules/9c2e4f61a0b84d7f8e3c5a1b2d6f7e80`,
        request: { enabled: false },
        response: { id: "9c2e4f61a0b84d7f8e3c5a1b2d6f7e80", action: "block", description: "login rate limit 10/min per IP", enabled: false, expression: '(http.request.uri.path eq "/account/login")', ratelimit: { characteristics: ["ip.src", "cf.colo.id"], period: 60, requests_per_period: 10, mitigation_timeout: 600 } },
        zone: main,
      });
      b.dashView(tom, T + 75 * MIN, tom.office, "Checkout – golden signals");
      return {
        keys: [login, flagged.v2!, mute, excl, rl],
        rationale:
          "Tom's own session that morning came from the office in his Firefox; the Cloudflare login at 10:14 UTC and the Datadog login at 10:24 UTC came from 146.70.117.38 (a residential-proxy exit per threat intel) with a Windows Chrome. From there, within 17 minutes: security level medium -> low on the storefront zone, the '[prod] login failures' monitor muted without end, a 100% exclusion filter named 'noise reduction' for /account/login logs on the main index, and the login rate-limit rule disabled. Each change removes one layer of protection or visibility around the same login endpoint, nothing is reverted or ticketed, and the real Tom keeps working from the office. Account takeover preparing a credential-stuffing run.",
      };
    },
  },
  {
    n: 3,
    slug: "security-level-after-ddos",
    triple: "security level lowered (change_setting)",
    title: "On-call lowers the security level from Under Attack back to high after a night-time DDoS",
    org: FH,
    verdict: "benign",
    at: "2026-09-13T02:40:03Z",
    nowAfter: 6,
    actor: jonas,
    anomalyActor: jonas.cfEmail,
    action: "change_setting",
    source: "cloudflare",
    severity: "high",
    detector: "cf-protection-downgrade",
    details: { setting: "security_level", zone: "fernhollow.gg", from: "under_attack", to: "high", note: "first change from this IP" },
    hard: "Sunday 04:40 local, a protection downgrade on the main game zone from a first-seen VPN address with a threat-intel tag; the justification sits earlier in the night in Datadog (edge 5xx alerts, incident opened) and in the earlier raise to Under Attack.",
    deciding: "Earlier the same night: incident opened in Datadog at 01:52 UTC, the same person raised security_level to under_attack at 01:58 UTC; after: edge dashboards checked, the incident resolved, and no further changes. The lowering returns the zone to its prior value.",
    grounding: "Cloudflare guidance on I'm Under Attack mode as a temporary DDoS measure to be turned off afterwards; public DDoS incident write-ups of game studios (e.g. Blizzard/Battle.net DDoS waves).",
    story(b: Book, T: number) {
      const gg = zone(FH, "fernhollow.gg");
      const vpn = "185.213.154.77";
      const threat = { category: "vpn", name: "MULLVAD_VPN" };
      const ua = jonas.ua;
      b.ddEv(b.sess(jonas), T - 52 * MIN - 900, { evt: "Request", action: "accessed", message: `POST request made to /account/login by ${jonas.ddEmail} with response 302`, http: { method: "POST", path: "/account/login", status: "302", ua }, ip: vpn, threat });
      b.ddEv(b.sess(jonas), T - 52 * MIN, { evt: "Authentication", action: "login", message: `${jonas.ddEmail} logged in` });
      b.dashView(jonas, T - 50 * MIN, vpn, "Edge – Cloudflare");
      const inc = b.req(jonas, T - 48 * MIN, "POST", "/api/v2/incidents", vpn, { threat });
      b.cfLogin(jonas, T - 45 * MIN, vpn);
      const raise = b.setting(jonas, T - 42 * MIN, dash(vpn), gg, "security_level", "firewall", "high", "under_attack");
      b.purge(jonas, T - 40 * MIN, dash(vpn), gg, { files: ["https://fernhollow.gg/status.json"] });
      b.dashView(jonas, T - 30 * MIN, vpn, "Matchmaking – overview");
      b.dashView(jonas, T - 12 * MIN, vpn, "Edge – Cloudflare");
      const flagged = b.setting(jonas, T, dash(vpn), gg, "security_level", "firewall", "under_attack", "high");
      b.dashView(jonas, T + 9 * MIN, vpn, "Edge – Cloudflare");
      b.dashView(jonas, T + 24 * MIN, vpn, "Player auth");
      const resolved = b.req(jonas, T + 31 * MIN, "PATCH", "/api/v2/incidents/4f2b1c9e-73aa-4d1e-9b60-1d2e3f4a5b6c", vpn, { threat });
      return {
        keys: [inc, raise.v2!, flagged.v2!, resolved],
        rationale:
          "The flagged change lowers fernhollow.gg from under_attack to high, the value it had until 03:58 local (01:58 UTC) the same night. Jonas, on call, logged into Datadog at 03:48 local time through his VPN exit (hence the new address and the VPN tag), opened an incident, raised the zone to Under Attack, purged status.json, watched the edge and matchmaking dashboards for 40 minutes, then lowered it back and resolved the incident half an hour later. The same person ran the whole response from one address and one browser; no credentials, access or logging were touched. Routine DDoS response.",
      };
    },
  },
];

// ---------------------------------------------------------------- triple 2: DNS records deleted in bulk
const felix = who(FH, "felix.braun");
const olu = who(FH, "olu.adeyemi");
const marco = who(LK, "marco.ricci");
const automation = who(QS, "automation");

export const t2: Scenario[] = [
  {
    n: 4,
    slug: "preview-dns-janitor",
    triple: "DNS records deleted in bulk (rec_del)",
    title: "Hourly janitor deletes expired preview DNS records together with their Pages deployments",
    org: QS,
    verdict: "benign",
    at: "2026-09-20T03:00:41Z",
    nowAfter: 7,
    actor: automation,
    anomalyActor: automation.cfEmail,
    action: "rec_del",
    source: "cloudflare",
    severity: "medium",
    detector: "cf-dns-mass-delete",
    details: { count_10m: 14, zone: "quaysidefreight.com", note: "burst of deletions by an API token at night" },
    history: false,
    hard: "A Sunday-night burst of DNS deletions by an API token, >1,000 events of the same automation in the file; only the records' names (preview hosts only), the paired Pages deployment deletions and the identical hourly cadence of the previous days show routine clean-up.",
    deciding: "Each deleted record is a pr-NNNN.preview CNAME whose Pages deployment the same token deletes seconds earlier; the janitor has run hourly all week from the same runner with the same token, and production records are never touched.",
    grounding: "Cloudflare Pages preview deployments and their branch aliases; routine ephemeral-environment clean-up jobs (GitHub Actions 'on: pull_request closed' janitors).",
    story(b: Book, T: number, now: number) {
      const q = zone(QS, "quaysidefreight.com");
      const tok = { via: "api_token" as const, ip: automation.office, token: { id: "5f0e7c1a9b3d4e2f8a6c0b1d3e5f7a9c", name: "preview-janitor" }, ua: automation.ua };
      const deploy = { via: "api_token" as const, ip: automation.office, token: { id: "b81d4c2e6f0a4b9c8d7e1f3a5c7e9b0d", name: "ci-pages-deploy" }, ua: "wrangler/4.31.0" };
      let pr = 4100;
      const keys: string[] = [];
      for (let h = 7 * 24; h >= -7; h--) {
        const run = T - h * HOUR + int(b.r, 0, 50) * 1000;
        if (run > now) break;
        const n = h === 0 ? 14 : int(b.r, 0, 5);
        for (let k = 0; k < n; k++) {
          pr++;
          const at = run + k * int(b.r, 3, 9) * 1000;
          const dep = b.v2(automation, at - 1500, tok, {
            type: "delete",
            description: "Delete Pages deployment",
            product: "pages",
            rtype: "pages.deployment",
            rid: `${pr}`.padStart(8, "0") + "-prv",
            method: "DELETE",
            uri: `/accounts/${QS.accountId}/pages/projects/tracking-portal/deployments/${pr}a1c`,
            request: { force: true },
          });
          const del = b.dns(automation, at, tok, "del", q, { name: `pr-${pr}.preview.quaysidefreight.com`, type: "CNAME", content: `${pr}a1c.tracking-portal.pages.dev`, proxied: true });
          if (h === 0 && k === 0) keys.push(dep, del.v2!);
        }
        // creation side: CI creates previews for new pull requests
        const c = int(b.r, 0, 4);
        for (let k = 0; k < c; k++) {
          const at = run + int(b.r, 5, 55) * MIN;
          if (at > now) break;
          b.v2(automation, at, deploy, { type: "create", description: "Create Pages deployment", product: "pages", rtype: "pages.deployment", rid: `${pr + 40 + k}`, method: "POST", uri: `/accounts/${QS.accountId}/pages/projects/tracking-portal/deployments`, request: { branch: `pr-${pr + 40 + k}` } });
          b.dns(automation, at + 20_000, deploy, "add", q, { name: `pr-${pr + 40 + k}.preview.quaysidefreight.com`, type: "CNAME", content: `${pr + 40 + k}a1c.tracking-portal.pages.dev`, proxied: true });
        }
      }
      return {
        keys,
        rationale:
          "The 'burst' is the hourly run of the preview janitor: every hour of the past week the same automation user, through the same 'preview-janitor' token from the CI runner address, deletes a Pages deployment of the tracking-portal project and, seconds later, the pr-NNNN.preview CNAME that pointed to it; the CI deploy token creates new previews in between. The flagged run is larger (14 merged pull requests over the weekend) but deletes only preview hosts whose deployments it removed first; no production record, setting, credential or member is touched. Routine ephemeral-environment clean-up.",
      };
    },
  },
  {
    n: 5,
    slug: "offboarding-dns-wipe",
    triple: "DNS records deleted in bulk (rec_del)",
    title: "Departing engineer wipes production DNS and revokes the CI tokens on his last evening",
    org: FH,
    verdict: "likely_malicious",
    at: "2026-09-17T23:30:19Z",
    nowAfter: 5,
    actor: felix,
    anomalyActor: felix.cfEmail,
    action: "rec_del",
    source: "cloudflare",
    severity: "high",
    detector: "cf-dns-mass-delete",
    details: { count_10m: 23, zone: "fernhollow.gg" },
    techniques: ["T1485", "T1531", "T1489"],
    faults: { datadog: "rate_limited_once" },
    hard: "An insider from his own home address and browser, with access he legitimately holds and uses for DNS every week; nothing about the session is new. The deciding context is in Datadog (his admin role removed that afternoon as part of offboarding) and in what follows (tokens of others revoked, nothing re-created).",
    deciding: "Datadog before: his last login and his dashboards deleted after the role downgrade at 16:05 UTC; Cloudflare after: the CI and Terraform tokens revoked, MX and SPF deleted, no re-creation, no ticket, no change window.",
    grounding: "Insider sabotage by departing IT staff with unrevoked access (US v. Sudhish Kasaba Ramesh, 2020: ex-Cisco engineer deleted 456 VMs; US v. Deepanshu Kher, 2021).",
    history: { older: 1.2, inWindow: 0.6 },
    story(b: Book, T: number) {
      const gg = zone(FH, "fernhollow.gg");
      const ip = felix.home;
      b.ddLogin(felix, T - 7 * HOUR - 40 * MIN, felix.office);
      b.dashView(felix, T - 7 * HOUR - 30 * MIN, felix.office, "Game servers – EU");
      const roleDown = b.ddDo(olu, T - 7 * HOUR - 25 * MIN, {
        evt: "Access Management",
        action: "modified",
        asset: { type: "user", id: felix.ddUuid, name: felix.ddEmail, prev_value: { email: felix.ddEmail, roles: ["Datadog Admin Role"], disabled: false }, new_value: { email: felix.ddEmail, roles: ["Datadog Standard Role"], disabled: false } },
        message: `${olu.ddEmail} changed the roles of user "${felix.ddEmail}" (offboarding – last day 2026-09-18)`,
      });
      b.ddLogin(felix, T - 55 * MIN, ip);
      const denied = b.req(felix, T - 53 * MIN, "PATCH", `/api/v2/users/${felix.ddUuid}`, ip, { status: "403" });
      const d1 = b.ddDo(felix, T - 50 * MIN, { evt: "Dashboard", action: "deleted", asset: { type: "dashboard", id: "fh1-gs2-eu3", name: "Game servers – EU" }, message: `${felix.ddEmail} deleted dashboard "Game servers – EU"` });
      b.ddDo(felix, T - 48 * MIN, { evt: "Dashboard", action: "deleted", asset: { type: "dashboard", id: "fh1-mm2-ov3", name: "Matchmaking – overview" }, message: `${felix.ddEmail} deleted dashboard "Matchmaking – overview"` });
      b.cfLogin(felix, T - 20 * MIN, ip);
      const auth = dash(ip);
      const names = ["@", "www", "play", "api", "auth", "store", "cdn", "matchmaking", "eu1.game", "eu2.game", "us1.game", "patch", "launcher", "news", "support", "status", "forum", "docs", "link", "events", "media", "@", "@"];
      const types = ["A", "A", "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "A", "A", "A", "A", "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "MX", "TXT"];
      const keys: string[] = [denied];
      void roleDown;
      names.forEach((n, i) => {
        const name = n === "@" ? "fernhollow.gg" : `${n}.fernhollow.gg`;
        const type = types[i]!;
        const content = type === "A" ? `198.51.100.${10 + i}` : type === "MX" ? "aspmx.l.google.com" : type === "TXT" ? "v=spf1 include:_spf.google.com ~all" : `${n}-eu.fhcdn.net`;
        const r = b.dns(felix, T + i * 21_000, auth, "del", gg, { name, type, content, proxied: type !== "MX" && type !== "TXT" });
        if (i === 0 || type === "MX") keys.push(r.v2!);
      });
      const revs = [
        ["3e1a7b9c5d2f4e6a8b0c1d3f5a7c9e1b", "github-actions-deploy"],
        ["7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d", "terraform-cloud"],
      ].map(([tid, name], i) =>
        b.v1(felix, T + 9 * MIN + i * 40_000, auth, { type: "token_revoke", resource: { id: olu.cfId, type: "account" }, metadata: { token_name: name, token_tag: tid, old_token_status: "active", new_token_status: "revoked" } }),
      );
      keys.push(d1, ...revs);
      return {
        keys,
        rationale:
          "Felix's admin role in Datadog was removed at 16:05 UTC by the security lead as part of his offboarding (last day the next day; visible in his own data as a 403 when he tried to edit his own user at 00:37); his Cloudflare membership had not been removed yet. At 00:35 local he logged in from home, deleted the EU game-server and matchmaking dashboards in Datadog, then in Cloudflare deleted 23 production records of fernhollow.gg in eight minutes — apex, www, play, api, the game endpoints, the MX and the SPF record — and revoked the GitHub Actions and Terraform tokens other people's automation uses, which also blocks the quickest restore. Nothing is re-created, no ticket or change window exists, and the order (visibility first, then destruction, then lock-out of automation) is deliberate. Insider sabotage with valid access.",
      };
    },
  },
  {
    n: 6,
    slug: "dns-cleanup-wrong-zone",
    triple: "DNS records deleted in bulk (rec_del)",
    title: "Stale-record clean-up script run against the production zone instead of staging, then restored",
    org: LK,
    verdict: "misconfiguration",
    at: "2026-09-21T09:15:27Z",
    nowAfter: 5,
    actor: marco,
    anomalyActor: marco.cfEmail,
    action: "rec_del",
    source: "cloudflare",
    severity: "high",
    detector: "cf-dns-mass-delete",
    details: { count_10m: 31, zone: "larkspur-outfitters.com", token: "dns-hygiene" },
    techniques: ["T1485"],
    hard: "31 production records deleted in a burst through an API token (T1485 shape), Monday morning, by the DNS owner; the records come back 40 minutes later but only the re-creations' contents (identical) and the same run on the staging zone afterwards show it was a zone-id mix-up.",
    deciding: "After: the same 31 records re-created with identical name/type/content by Marco's dashboard session, the script rerun on larkspur-staging.com (the zone whose records share the same names), and Datadog synthetics/checkout dashboards watched in between.",
    grounding: "Cloudflare API DNS batch deletes keyed by zone id; common wrong-environment scripting mistakes (e.g. the 2017 AWS S3 us-east-1 outage: a command input removing more capacity than intended).",
    history: { older: 1, inWindow: 0.8 },
    story(b: Book, T: number) {
      const prod = zone(LK, "larkspur-outfitters.com");
      const stg = zone(LK, "larkspur-staging.com");
      const ip = marco.office;
      const tok = { via: "api_token" as const, ip, token: { id: "a4c6e8f0b2d44f6a8c0e2b4d6f8a0c2e", name: "dns-hygiene" }, ua: "python-requests/2.32.4 lrk-dns-hygiene/0.3" };
      b.ddLogin(marco, T - 30 * MIN, ip);
      b.req(marco, T - 25 * MIN, "GET", "/api/v1/notebooks", ip);
      const names = ["legacy-api", "legacy-img", "old-shop", "beta", "m", "promo", "promo2", "sale", "lookbook", "stores", "careers", "press", "affiliates", "gift", "giftcards", "returns", "sizeguide", "blog-old", "cdn2", "img2", "static2", "assets2", "mail2", "track", "orders", "account", "checkout", "api", "www", "shop", "help"];
      const recs = names.map((n, i) => ({ name: `${n}.larkspur-outfitters.com`, type: i % 5 === 0 ? "A" : "CNAME", content: i % 5 === 0 ? `203.0.113.${100 + i}` : `${n}.origin.lrksp.io`, proxied: true }));
      const keys: string[] = [];
      recs.forEach((rec, i) => {
        const r = b.dns(marco, T + i * 4_000, tok, "del", prod, rec);
        if (i === 0 || rec.name.startsWith("checkout")) keys.push(r.v2!);
      });
      b.dashView(marco, T + 9 * MIN, ip, "Checkout – golden signals");
      b.req(marco, T + 11 * MIN, "GET", "/api/v1/synthetics/tests", ip);
      b.cfLogin(marco, T + 14 * MIN, ip);
      recs.forEach((rec, i) => {
        const r = b.dns(marco, T + 16 * MIN + i * 45_000, dash(ip), "add", prod, rec);
        if (rec.name.startsWith("checkout")) keys.push(r.v2!);
      });
      const stale = names.slice(0, 23);
      stale.forEach((n, i) => {
        const r = b.dns(marco, T + 72 * MIN + i * 4_000, tok, "del", stg, { name: `${n}.larkspur-staging.com`, type: "CNAME", content: `${n}.stg-origin.lrksp.io`, proxied: true });
        if (i === 0) keys.push(r.v2!);
      });
      b.dashView(marco, T + 80 * MIN, ip, "Checkout – golden signals");
      return {
        keys,
        rationale:
          "Marco's 'dns-hygiene' token deleted 31 records of larkspur-outfitters.com in two minutes — including checkout, api and www, which no clean-up would target. Nine minutes later he was on the checkout dashboard and the synthetics list, and from 09:31 UTC he re-created the same 31 records by hand with identical names, types and contents. At 10:27 UTC the same token ran the same deletion list (only the 23 stale names) against larkspur-staging.com, the zone that holds the legacy-*/promo records. Same office address, his token and his browser, no credentials or logging touched: the script was pointed at the production zone id by mistake, causing a ~40-minute partial outage.",
      };
    },
  },
];
