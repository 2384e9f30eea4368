// Look-alike triples 7-8 of the lookalike-ops corpus: API token creation, Cloudflare Tunnel creation. Each
// flagged action appears once as an attack, once as a mistake, once as routine work.
import { HOUR, MIN, monId, type Book, type CfAuth } from "./builders.ts";
import { FERNHOLLOW as FH, LARKSPUR as LK, QUAYSIDE as QS, who, zone, type Person } from "./world.ts";
import type { Scenario } from "./scenario.ts";

const dash = (ip: string, ua?: string): CfAuth => ({ via: "dash", ip, ua });
const hannah = who(LK, "hannah.berg");

// ---------------------------------------------------------------- triple 7: API token created
const kyle = who(QS, "kyle.brandt");
const jonas = who(FH, "jonas.weber");
const marco = who(LK, "marco.ricci");

function tokenCreate(b: Book, p: Person, ms: number, auth: CfAuth, tok: { id: string; name: string; policies: unknown[]; condition?: unknown; expires_on?: string }) {
  const v1 = b.v1(p, ms, auth, { type: "token_create", resource: { id: p.cfId, type: "account" }, metadata: { token_name: tok.name, token_tag: tok.id }, owner: p.cfId });
  const v2 = b.v2(p, ms + 400, auth, {
    type: "create",
    description: "Create API token",
    product: "api_tokens",
    rtype: "user.token",
    rid: tok.id,
    method: "POST",
    uri: "/user/tokens",
    scope: "user",
    request: { name: tok.name, policies: tok.policies, ...(tok.condition ? { condition: tok.condition } : {}), ...(tok.expires_on ? { expires_on: tok.expires_on } : {}) },
    response: { id: tok.id, name: tok.name, status: "active", issued_on: new Date(ms).toISOString(), policies: tok.policies, ...(tok.expires_on ? { expires_on: tok.expires_on } : {}) },
  });
  return { v1, v2 };
}
const pol = (groups: string[], resources: Record<string, string>) => ({ effect: "allow", permission_groups: groups.map((name) => ({ name })), resources });

export const t7: Scenario[] = [
  {
    n: 19,
    slug: "contractor-token-used-from-vps",
    triple: "API token created (token_create)",
    title: "Contractor mints an all-zones DNS token late on Friday; it is used from a VPS to stand up mail and payment look-alikes",
    org: QS,
    verdict: "likely_malicious",
    at: "2026-10-24T03:20:36Z",
    nowAfter: 6,
    actor: kyle,
    anomalyActor: kyle.cfEmail,
    action: "token_create",
    source: "cloudflare",
    severity: "medium",
    detector: "cf-credential-created",
    details: { token_name: "ci-dns-sync" },
    techniques: ["T1098.001", "T1584.002", "T1656"],
    history: { older: 1.1, inWindow: 0.7 },
    hard: "Created from the contractor's usual home address and browser with a CI-like name; the creation itself is ordinary. What decides is who used the token afterwards and for what — only visible after the flag, in Cloudflare v2 token context and in Datadog.",
    deciding: "After: the token is used from 185.107.56.201 (a VPS, tagged as hosting on his Datadog API-key requests from the same address) to add an unproxied pay.quaysidefreight.com record pointing to that VPS and an SPF include for a bulk mail sender; CI at Quayside runs under the automation user, not under a contractor's token.",
    grounding: "Business-email-compromise / invoice fraud set up from legitimate DNS (FBI IC3 BEC reports; SPF includes added to send as the victim domain) and insider abuse by contractors with lingering access.",
    story(b: Book, T: number) {
      const q = zone(QS, "quaysidefreight.com");
      const vps = "185.107.56.201";
      const threat = { category: "hosting", name: "NFORCE_VPS" };
      b.cfLogin(kyle, T - 6 * MIN, kyle.home);
      const tok = tokenCreate(b, kyle, T, dash(kyle.home), { id: "c7e9b1d3f5a74c9e1b3d5f7a9c1e3b5d", name: "ci-dns-sync", policies: [pol(["DNS Write", "Zone Read"], { [`com.cloudflare.api.account.zone.*`]: "*" })] });
      b.ddDo(kyle, T + 4 * MIN, { evt: "Authentication", action: "created", asset: { type: "api_key", id: "2d4f6a8c-0e2b-4d6f-8a0c-2e4b6d8f0a2c", name: "dns-sync-metrics" }, message: `${kyle.ddEmail} created API key "dns-sync-metrics"` });
      const use: CfAuth = { via: "api_token", ip: vps, token: { id: "c7e9b1d3f5a74c9e1b3d5f7a9c1e3b5d", name: "ci-dns-sync" }, ua: "curl/8.4.0" };
      const probe = b.ddEv(b.keyed(kyle), T + 38 * MIN, { evt: "Request", action: "accessed", message: `GET request made to /api/v1/validate by ${kyle.ddUuid} with response 200`, http: { method: "GET", path: "/api/v1/validate", status: "200", ua: "curl/8.4.0" }, ip: vps, threat });
      const pay = b.dns(kyle, T + 52 * MIN, use, "add", q, { name: "pay.quaysidefreight.com", type: "A", content: vps, proxied: false, ttl: 300 });
      b.dns(kyle, T + 54 * MIN, use, "del", q, { name: "quaysidefreight.com", type: "TXT", content: "v=spf1 include:_spf.google.com ~all" });
      const spf = b.dns(kyle, T + 55 * MIN, use, "add", q, { name: "quaysidefreight.com", type: "TXT", content: "v=spf1 include:_spf.google.com include:mailer-relay-7.net ~all" });
      b.dns(kyle, T + 57 * MIN, use, "add", q, { name: "invoices.quaysidefreight.com", type: "CNAME", content: "pay.quaysidefreight.com", proxied: false });
      return {
        keys: [tok.v2, pay.v2!, spf.v2!, probe],
        rationale:
          "Kyle, a contractor, created 'ci-dns-sync' at 22:20 local on Friday with DNS Write on every zone of the account — but Quayside's CI acts through the automation user, never through personal tokens. The token was first used 50 minutes later, not from CI but from 185.107.56.201, a VPS that threat intel tags as hosting; a Datadog API key he created right after the token was exercised from the same VPS. Through the token the VPS added an unproxied pay.quaysidefreight.com pointing to itself, an invoices CNAME to it, and rewrote the SPF record to authorise an outside bulk mail relay — the infrastructure for invoice-fraud mail sent as the company. Valid credentials, own address at creation, malicious use.",
      };
    },
  },
  {
    n: 20,
    slug: "scoped-launch-token-used-by-ci",
    triple: "API token created (token_create)",
    title: "Evening token for a server-region launch: one zone, CI addresses only, 30-day expiry, used by CI minutes later",
    org: FH,
    verdict: "benign",
    at: "2026-10-20T19:45:22Z",
    nowAfter: 14,
    actor: jonas,
    anomalyActor: jonas.ddEmail,
    action: "token_create",
    source: "cloudflare",
    severity: "medium",
    detector: "cf-credential-created",
    details: { token_name: "dns-launch-eu3", note: "new IP for this actor" },
    history: { older: 1, inWindow: 0.8 },
    hard: "A token created in the evening from a first-seen VPN address with a threat-intel VPN tag and then used from a different address; the anomaly actor is spelled with capitals (Datadog form) while Cloudflare stores it in lower case.",
    deciding: "The request body limits the token to DNS Write on fernhollow.gg, client IPs 198.51.100.150/31 (the CI runners) and a 30-day expiry; it is used six minutes later only from the CI runner to add the eu3 game records; monitors for eu3 created in Datadog; the previous launch's token revoked.",
    grounding: "Cloudflare API token docs (least-privilege policies, client IP address filtering, TTL); routine region launches behind DNS (game studios adding regional endpoints).",
    story(b: Book, T: number) {
      const gg = zone(FH, "fernhollow.gg");
      const vpn = "37.19.200.144";
      const threat = { category: "vpn", name: "PROTON_VPN" };
      b.ddEv(b.sess(jonas), T - 30 * MIN - 900, { evt: "Request", action: "accessed", message: `POST request made to /account/login by ${jonas.ddEmail} with response 302`, http: { method: "POST", path: "/account/login", status: "302", ua: jonas.ua }, ip: vpn, threat });
      b.ddEv(b.sess(jonas), T - 30 * MIN, { evt: "Authentication", action: "login", message: `${jonas.ddEmail} logged in` });
      b.dashView(jonas, T - 26 * MIN, vpn, "Game servers – EU");
      b.cfLogin(jonas, T - 5 * MIN, vpn);
      const tok = tokenCreate(b, jonas, T, dash(vpn), {
        id: "d9f1a3c5e7b94d1f3a5c7e9b1d3f5a7c",
        name: "dns-launch-eu3",
        policies: [pol(["DNS Write"], { [`com.cloudflare.api.account.zone.${gg.id}`]: "*" })],
        condition: { request_ip: { in: ["198.51.100.150/31"] } },
        expires_on: new Date(T + 30 * 24 * HOUR).toISOString().replace(/\.\d+Z$/, "Z"),
      });
      const ci: CfAuth = { via: "api_token", ip: "198.51.100.150", token: { id: "d9f1a3c5e7b94d1f3a5c7e9b1d3f5a7c", name: "dns-launch-eu3" }, ua: "terraform-provider-cloudflare/5.8.0" };
      const recs = ["eu3.game", "eu3-mm", "eu3-voice", "eu3-patch"].map((n, i) => b.dns(jonas, T + 6 * MIN + i * 20_000, ci, "add", gg, { name: `${n}.fernhollow.gg`, type: "A", content: `198.51.100.${200 + i}`, proxied: n !== "eu3-voice" }));
      const mons = ["[prod] eu3 game server health", "[prod] eu3 matchmaking latency"].map((m, i) =>
        b.ddDo(jonas, T + 15 * MIN + i * 60_000, { evt: "Monitor", action: "created", asset: { type: "monitor", id: monId(m), name: m, new_value: { name: m, type: "metric alert", tags: ["region:eu3", "env:prod"] } }, message: `${jonas.ddEmail} created monitor "${m}"` }),
      );
      const rev = b.v1(jonas, T + 22 * MIN, dash(vpn), { type: "token_revoke", resource: { id: jonas.cfId, type: "account" }, metadata: { token_name: "dns-launch-eu2", token_tag: "a1c3e5b7d9f14a3c5e7b9d1f3a5c7e9b", old_token_status: "active", new_token_status: "revoked" }, owner: jonas.cfId });
      b.dashView(jonas, T + 35 * MIN, vpn, "Game servers – EU");
      return {
        keys: [tok.v2, recs[0]!.v2!, mons[0]!, rev],
        rationale:
          "Jonas (Jonas.Weber@ in Datadog, jonas.weber@ in Cloudflare) worked from home through a commercial VPN that evening — the new address and the VPN tag cover his whole session. The token he created is as narrow as Cloudflare allows: DNS Write on fernhollow.gg only, usable only from the CI runners 198.51.100.150/31, expiring in 30 days. Six minutes later CI used it from 198.51.100.150 to add the four eu3 records; he created the eu3 monitors in Datadog, revoked the token of the previous region launch (eu2) and checked the game-server dashboard. A credential that can only be used from CI, used by CI for its stated purpose: routine launch work.",
      };
    },
  },
  {
    n: 21,
    slug: "cert-bot-token-account-wide",
    triple: "API token created (token_create)",
    title: "Certificate-renewal token created with account-wide edit rights, replaced by a one-zone token hours later",
    org: LK,
    verdict: "misconfiguration",
    at: "2026-10-25T11:00:14Z",
    nowAfter: 9,
    actor: marco,
    anomalyActor: marco.cfEmail,
    action: "token_create",
    source: "cloudflare",
    severity: "high",
    detector: "cf-credential-created",
    details: { token_name: "cert-renewal-bot", note: "account-wide permissions" },
    techniques: ["T1098.001"],
    history: { older: 1, inWindow: 0.8 },
    hard: "An account-wide, non-expiring edit token (the persistence shape) created on a Sunday; its actual use is benign and from the expected host, so only the mismatch between the granted scope (request body) and the use, and the replacement after the flag, make it a mistake.",
    deciding: "Request body: Account Settings Write, Zone Write, DNS Write and SSL Write on all zones, no IP filter, no expiry; use: only _acme-challenge TXT records on lrksp.io from the internal cert host; after: a token limited to DNS Write on lrksp.io created and the broad one revoked by Marco.",
    grounding: "Cloudflare docs for DNS-01 ACME clients (certbot-dns-cloudflare, cert-manager) recommending a Zone:DNS:Edit token for one zone; over-privileged tokens as a recurring audit finding.",
    story(b: Book, T: number) {
      const io = zone(LK, "lrksp.io");
      const ip = marco.home;
      b.ddLogin(marco, T - 40 * MIN, ip);
      const docs = b.req(marco, T - 35 * MIN, "GET", "/api/v1/notebooks/55102", ip);
      b.cfLogin(marco, T - 8 * MIN, ip);
      const broad = tokenCreate(b, marco, T, dash(ip), {
        id: "e3b5d7f9a1c34e5b7d9f1a3c5e7b9d1f",
        name: "cert-renewal-bot",
        policies: [pol(["Account Settings Write"], { [`com.cloudflare.api.account.${LK.accountId}`]: "*" }), pol(["Zone Write", "DNS Write", "SSL and Certificates Write"], { "com.cloudflare.api.account.zone.*": "*" })],
      });
      const bot: CfAuth = { via: "api_token", ip: "203.0.113.80", token: { id: "e3b5d7f9a1c34e5b7d9f1a3c5e7b9d1f", name: "cert-renewal-bot" }, ua: "certbot-dns-cloudflare/4.1.1" };
      const acme = b.dns(marco, T + 12 * MIN, bot, "add", io, { name: "_acme-challenge.lrksp.io", type: "TXT", content: "kP3vV0cJ8nZfQ2mWxR5tY7uH1aS4dG6hJ9kL0zX2cV" });
      b.dns(marco, T + 14 * MIN, bot, "del", io, { name: "_acme-challenge.lrksp.io", type: "TXT", content: "kP3vV0cJ8nZfQ2mWxR5tY7uH1aS4dG6hJ9kL0zX2cV", id: acme.recId });
      b.dashView(marco, T + 3 * HOUR + 30 * MIN, ip, "Edge – Cloudflare");
      const narrow = tokenCreate(b, marco, T + 3 * HOUR + 44 * MIN, dash(ip), { id: "f5a7c9e1b3d54f7a9c1e3b5d7f9a1c3e", name: "cert-renewal-lrksp", policies: [pol(["DNS Write"], { [`com.cloudflare.api.account.zone.${io.id}`]: "*" })], condition: { request_ip: { in: ["203.0.113.80/32"] } } });
      const rev = b.v1(marco, T + 3 * HOUR + 51 * MIN, dash(ip), { type: "token_revoke", resource: { id: marco.cfId, type: "account" }, metadata: { token_name: "cert-renewal-bot", token_tag: "e3b5d7f9a1c34e5b7d9f1a3c5e7b9d1f", old_token_status: "active", new_token_status: "revoked" }, owner: marco.cfId });
      const bot2: CfAuth = { via: "api_token", ip: "203.0.113.80", token: { id: "f5a7c9e1b3d54f7a9c1e3b5d7f9a1c3e", name: "cert-renewal-lrksp" }, ua: "certbot-dns-cloudflare/4.1.1" };
      const a2 = b.dns(marco, T + 4 * HOUR + 5 * MIN, bot2, "add", io, { name: "_acme-challenge.lrksp.io", type: "TXT", content: "Qw8eR2tY4uI6oP1aS3dF5gH7jK9lZ0xC2vB4nM6qW8" });
      b.dns(marco, T + 4 * HOUR + 7 * MIN, bot2, "del", io, { name: "_acme-challenge.lrksp.io", type: "TXT", content: "Qw8eR2tY4uI6oP1aS3dF5gH7jK9lZ0xC2vB4nM6qW8", id: a2.recId });
      void docs;
      return {
        keys: [broad.v2, acme.v2!, narrow.v2, rev],
        rationale:
          "Marco created 'cert-renewal-bot' on Sunday morning for the certificate renewal host. The request body grants Account Settings Write on the account and Zone, DNS and SSL Write on every zone, with no IP restriction and no expiry — an account-takeover-grade credential — while its only use, twelve minutes later from the internal cert host 203.0.113.80 with the certbot DNS plugin, was one _acme-challenge TXT record on lrksp.io and its removal. Nearly four hours later Marco created 'cert-renewal-lrksp' (DNS Write on lrksp.io, only from 203.0.113.80), revoked the broad token, and the next renewal went through the narrow one. Same person, same home address, expected host, no misuse: an over-privileged credential that existed for four hours, corrected by its author.",
      };
    },
  },
];

// ---------------------------------------------------------------- triple 8: Cloudflare Tunnel created (v2)
const olu = who(FH, "olu.adeyemi");
const lena = who(QS, "lena.kowalski");

function tunnel(b: Book, p: Person, ms: number, auth: CfAuth, id: string, name: string) {
  return b.v2(p, ms, auth, {
    type: "create",
    description: "Create Cloudflare Tunnel",
    product: "cloudflare_tunnel",
    rtype: "cfd_tunnel",
    rid: id,
    method: "POST",
    uri: `/accounts/${b.org.accountId}/cfd_tunnel`,
    request: { name, config_src: "cloudflare" },
    response: { id, name, status: "inactive", tun_type: "cfd_tunnel", created_at: new Date(ms).toISOString() },
  });
}
function tunnelConfig(b: Book, p: Person, ms: number, auth: CfAuth, id: string, ingress: { hostname: string; service: string }[]) {
  const config = { ingress: [...ingress.map((i) => ({ ...i, originRequest: {} })), { service: "http_status:404" }] };
  return b.v2(p, ms, auth, {
    type: "update",
    description: "Update Cloudflare Tunnel configuration",
    product: "cloudflare_tunnel",
    rtype: "cfd_tunnel.configuration",
    rid: id,
    method: "PUT",
    uri: `/accounts/${b.org.accountId}/cfd_tunnel/${id}/configurations`,
    request: { config },
    response: { tunnel_id: id, version: 1, config },
  });
}
function accessApp(b: Book, p: Person, ms: number, auth: CfAuth, domain: string, group: string) {
  const id = b.r().toString(16).slice(2, 10) + "-3c1e-4b7d-9f1a-" + b.r().toString(16).slice(2, 14).padEnd(12, "0");
  return b.v2(p, ms, auth, {
    type: "create",
    description: "Create Access application",
    product: "access",
    rtype: "access.application",
    rid: id,
    method: "POST",
    uri: `/accounts/${b.org.accountId}/access/apps`,
    request: { name: domain, domain, type: "self_hosted", session_duration: "8h", policies: [{ name: `allow ${group}`, decision: "allow", include: [{ group: { id: group } }] }] },
    response: { id, name: domain, domain, aud: b.r().toString(16).slice(2, 18) },
  });
}

export const t8: Scenario[] = [
  {
    n: 22,
    slug: "tunnel-status-origin-migration",
    triple: "Cloudflare Tunnel created (v2 create, cloudflare_tunnel)",
    title: "Status-page origin moved behind a new tunnel in a planned night window, admin path put behind Access",
    org: FH,
    verdict: "benign",
    at: "2026-11-01T00:30:09Z",
    nowAfter: 10,
    actor: olu,
    anomalyActor: olu.cfEmail,
    action: "create",
    source: "cloudflare",
    severity: "high",
    detector: "cf-tunnel-created",
    details: { product: "cloudflare_tunnel", tunnel_name: "status-origin" },
    faults: { datadog: "slow:250" },
    history: { older: 1, inWindow: 0.7 },
    hard: "A new tunnel at 01:30 local on a Sunday publishing an origin and deleting the public A record (the exposure/persistence shape of tunnel abuse); decided by what the tunnel exposes, the Access application created in the same minutes and the verification in Datadog afterwards.",
    deciding: "The ingress maps status.fernhollow.gg to a local web port only; status.fernhollow.gg/admin gets an Access app for the SRE group right away; the old A record to the public origin is replaced by the tunnel CNAME; the status synthetic is re-pointed and triggered in Datadog and passes.",
    grounding: "Cloudflare docs 'Cloudflare Tunnel: replace public origin IPs' and 'Protect a self-hosted app with Access' — the standard origin-hardening migration.",
    story(b: Book, T: number) {
      const gg = zone(FH, "fernhollow.gg");
      const ip = olu.home;
      const tid = "8f0a2c4e-6b8d-4f0a-9c2e-4b6d8f0a2c4e";
      b.ddLogin(olu, T - 20 * MIN, ip);
      b.dashView(olu, T - 18 * MIN, ip, "Edge – Cloudflare");
      b.cfLogin(olu, T - 6 * MIN, ip);
      const flagged = tunnel(b, olu, T, dash(ip), tid, "status-origin");
      const cfg = tunnelConfig(b, olu, T + 2 * MIN, dash(ip), tid, [{ hostname: "status.fernhollow.gg", service: "http://localhost:8080" }]);
      const acc = accessApp(b, olu, T + 4 * MIN, dash(ip), "status.fernhollow.gg/admin", "sre-oncall");
      b.dns(olu, T + 9 * MIN, dash(ip), "del", gg, { name: "status.fernhollow.gg", type: "A", content: "198.51.100.77", proxied: true });
      const cname = b.dns(olu, T + 9 * MIN + 20_000, dash(ip), "add", gg, { name: "status.fernhollow.gg", type: "CNAME", content: `${tid}.cfargotunnel.com`, proxied: true });
      const syn = b.ddDo(olu, T + 14 * MIN, {
        evt: "Synthetic Monitoring",
        action: "modified",
        asset: { type: "synthetics_test", id: "fh2-st4-up6", name: "[prod] status page up", prev_value: { config: { assertions: [{ type: "statusCode", operator: "is", target: 200 }] }, locations: ["aws:eu-central-1"] }, new_value: { config: { assertions: [{ type: "statusCode", operator: "is", target: 200 }, { type: "header", property: "cf-ray", operator: "isDefined" }] }, locations: ["aws:eu-central-1", "aws:us-east-1"] } },
        message: `${olu.ddEmail} modified synthetic test "[prod] status page up"`,
      });
      b.req(olu, T + 15 * MIN, "POST", "/api/v1/synthetics/tests/trigger", ip);
      b.dashView(olu, T + 25 * MIN, ip, "Edge – Cloudflare");
      return {
        keys: [flagged, cfg, acc, cname.v2!, syn],
        rationale:
          "Olu created the 'status-origin' tunnel in the Sunday-night low-traffic window and configured it to serve status.fernhollow.gg from a local web port only; within four minutes he put status.fernhollow.gg/admin behind an Access application for the SRE on-call group, then swapped the public A record for the tunnel CNAME (removing the exposed origin IP) and in Datadog extended the status-page synthetic to check it is served through Cloudflare, triggered it and watched the edge dashboard. One person, his usual home address, no credentials, members or logging touched: a textbook origin-hardening migration.",
      };
    },
  },
  {
    n: 23,
    slug: "tunnel-stage-admin-without-access",
    triple: "Cloudflare Tunnel created (v2 create, cloudflare_tunnel)",
    title: "Tunnel publishes the stage admin panel without an Access application; fixed the next morning",
    org: QS,
    verdict: "misconfiguration",
    at: "2026-10-29T23:10:40Z",
    nowAfter: 16,
    actor: lena,
    anomalyActor: lena.cfEmail,
    action: "create",
    source: "cloudflare",
    severity: "medium",
    detector: "cf-tunnel-created",
    details: { product: "cloudflare_tunnel", tunnel_name: "stage-admin" },
    techniques: ["T1133"],
    history: { older: 1, inWindow: 0.8 },
    hard: "An internal admin panel published to the internet through a tunnel with no Access policy (external remote service shape), late evening UTC; her earlier tunnels show she normally adds Access immediately, and the correction appears only the next morning.",
    deciding: "Her own history: the tunnels she created four days earlier and the previous morning (inside the window) each got an Access app within minutes; this one did not, the Datadog stage synthetic she then created probes the public admin URL; after: the Access app for admin.qsf-stage.net added by her at 08:55 local the next day.",
    grounding: "Cloudflare Tunnel docs (a public hostname is reachable by anyone unless an Access application covers it); exposed staging/admin panels as a recurring bug-bounty and breach finding.",
    story(b: Book, T: number, now: number) {
      const stage = zone(QS, "qsf-stage.net");
      const ip = lena.office;
      const earlier = [
        ["b2d4f6a8-0c2e-4b6d-8f0a-2c4e6b8d0f2a", "stage-grafana", "grafana.qsf-stage.net", "http://10.40.2.11:3000"],
        ["c4e6b8d0-f2a4-4c6e-8b0d-f2a4c6e8b0d2", "stage-pgadmin", "pgadmin.qsf-stage.net", "http://10.40.2.12:5050"],
      ];
      earlier.forEach(([id, name, host, svc], i) => {
        const at = i === 0 ? T - 4 * 24 * HOUR - 6 * HOUR : T - 20 * HOUR;
        tunnel(b, lena, at, dash(ip), id!, name!);
        tunnelConfig(b, lena, at + 2 * MIN, dash(ip), id!, [{ hostname: host!, service: svc! }]);
        accessApp(b, lena, at + 5 * MIN, dash(ip), host!, "platform-team");
        b.dns(lena, at + 7 * MIN, dash(ip), "add", stage, { name: host!, type: "CNAME", content: `${id}.cfargotunnel.com`, proxied: true });
      });
      const tid = "d6f8a0c2-e4b6-4d8f-9a2c-e4b6d8f0a2c4";
      b.cfLogin(lena, T - 7 * MIN, ip);
      const flagged = tunnel(b, lena, T, dash(ip), tid, "stage-admin");
      const cfg = tunnelConfig(b, lena, T + 2 * MIN, dash(ip), tid, [{ hostname: "admin.qsf-stage.net", service: "http://10.40.2.15:8080" }]);
      b.dns(lena, T + 4 * MIN, dash(ip), "add", stage, { name: "admin.qsf-stage.net", type: "CNAME", content: `${tid}.cfargotunnel.com`, proxied: true });
      b.ddLogin(lena, T + 8 * MIN, ip);
      const syn = b.ddDo(lena, T + 12 * MIN, {
        evt: "Synthetic Monitoring",
        action: "created",
        asset: { type: "synthetics_test", id: "qs8-adm-1n2", name: "[stage] admin panel reachable", new_value: { config: { request: { url: "https://admin.qsf-stage.net/login" }, assertions: [{ type: "statusCode", operator: "is", target: 200 }] }, locations: ["aws:us-east-2"] } },
        message: `${lena.ddEmail} created synthetic test "[stage] admin panel reachable"`,
      });
      b.ddLogin(lena, T + 13 * HOUR + 30 * MIN, ip);
      b.dashView(lena, T + 13 * HOUR + 35 * MIN, ip, "Dispatch API – overview");
      b.cfLogin(lena, T + 13 * HOUR + 41 * MIN, ip);
      const fix = accessApp(b, lena, T + 13 * HOUR + 45 * MIN, dash(ip), "admin.qsf-stage.net", "platform-team");
      void now;
      return {
        keys: [flagged, cfg, syn, fix],
        rationale:
          "Lena created the 'stage-admin' tunnel from the office at 18:10 local and mapped admin.qsf-stage.net to the stage admin panel (10.40.2.15:8080), but — unlike her grafana tunnel four days earlier and her pgadmin tunnel the previous evening, which each got an Access application within five minutes — created no Access app, so the panel's login page was public on the internet overnight; her own new synthetic even checks that the public URL answers 200. At 08:55 local the next morning, after looking at the dispatch dashboard, she added the Access application for the platform team. Usual address and browser, staging only, no credentials or logging touched, corrected by the author: a missed step, not an intrusion.",
      };
    },
  },
  {
    n: 24,
    slug: "tunnel-ssh-db-and-rule-disabled",
    triple: "Cloudflare Tunnel created (v2 create, cloudflare_tunnel)",
    title: "Tunnel exposes SSH and the EU database, then the tunnel-detection rule is disabled and a Datadog key minted",
    org: LK,
    verdict: "likely_malicious",
    at: "2026-10-26T14:25:58Z",
    nowAfter: 3,
    actor: hannah,
    anomalyActor: hannah.cfEmail,
    action: "create",
    source: "cloudflare",
    severity: "high",
    detector: "cf-tunnel-created",
    details: { product: "cloudflare_tunnel", tunnel_name: "k8s-metrics" },
    techniques: ["T1133", "T1572", "T1562.001", "T1098.001"],
    history: { older: 1, inWindow: 1 },
    hard: "Everything comes from Hannah's usual office address and browser, in working hours (a compromised laptop / hijacked session on the corporate network); the tunnel has a harmless name. Decided by what it exposes and by what follows in Datadog.",
    deciding: "Ingress: ssh://10.12.0.5:22 and tcp://10.12.3.20:5432 (SSH and the EU database) on obscure hostnames, no Access app; after, in Datadog: the 'Cloudflare tunnel created outside Terraform' detection rule disabled and an API key created, nothing ticketed; the team creates tunnels only through Terraform.",
    grounding: "Abuse of Cloudflare Tunnel (cloudflared) for covert persistent access (GuidePoint Security 2024 and Microsoft/Mandiant reporting on TryCloudflare/cloudflared persistence).",
    story(b: Book, T: number) {
      const io = zone(LK, "lrksp.io");
      const ip = hannah.office;
      const tid = "e8a0c2e4-b6d8-4f0a-8c2e-4b6d8f0a2c4e";
      // tunnels normally come from Terraform (CI identity)
      const ci = who(LK, "ci-deploy");
      for (let d = 5; d >= 2; d -= 3) tunnelConfig(b, ci, T - d * 24 * HOUR, { via: "api_token", ip: ci.office, token: { id: "2c4e6a8c0e2b4d6f8a0c2e4b6d8f0a2d", name: "terraform-zt" }, ua: ci.ua }, "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", [{ hostname: "grafana.lrksp.io", service: "http://grafana.monitoring:3000" }]);
      b.cfLogin(hannah, T - 12 * MIN, ip);
      const flagged = tunnel(b, hannah, T, dash(ip), tid, "k8s-metrics");
      const cfg = tunnelConfig(b, hannah, T + 3 * MIN, dash(ip), tid, [
        { hostname: "m1-eu.lrksp.io", service: "ssh://10.12.0.5:22" },
        { hostname: "m2-eu.lrksp.io", service: "tcp://10.12.3.20:5432" },
      ]);
      b.dns(hannah, T + 5 * MIN, dash(ip), "add", io, { name: "m1-eu.lrksp.io", type: "CNAME", content: `${tid}.cfargotunnel.com`, proxied: true });
      b.dns(hannah, T + 5 * MIN + 30_000, dash(ip), "add", io, { name: "m2-eu.lrksp.io", type: "CNAME", content: `${tid}.cfargotunnel.com`, proxied: true });
      b.ddLogin(hannah, T + 9 * MIN, ip);
      b.req(hannah, T + 11 * MIN, "GET", "/api/v2/security_monitoring/rules", ip);
      const rule = b.ddDo(hannah, T + 13 * MIN, {
        evt: "Cloud Security Platform",
        action: "modified",
        asset: { type: "security_rule", id: "lkp-2vx-9qa", name: "Cloudflare tunnel created outside Terraform", prev_value: { isEnabled: true }, new_value: { isEnabled: false } },
        message: `${hannah.ddEmail} updated security rule "Cloudflare tunnel created outside Terraform"`,
      });
      const key = b.ddDo(hannah, T + 16 * MIN, { evt: "Authentication", action: "created", asset: { type: "api_key", id: "7c9e1b3d-5f7a-4c9e-8b3d-5f7a9c1e3b5d", name: "k8s-metrics-agent" }, message: `${hannah.ddEmail} created API key "k8s-metrics-agent"` });
      return {
        keys: [flagged, cfg, rule, key],
        rationale:
          "At 14:25 local, from Hannah's usual office address, a tunnel named 'k8s-metrics' was created by hand and configured to publish ssh://10.12.0.5:22 and tcp://10.12.3.20:5432 — SSH to a cluster node and the EU Postgres — on the unremarkable hostnames m1-eu/m2-eu.lrksp.io, with no Access application, although every other tunnel of the account is managed by Terraform and serves HTTP dashboards. Minutes later the same session disabled the Datadog detection rule 'Cloudflare tunnel created outside Terraform' and created an API key named like an agent. Exposing SSH and a database, blinding the rule that would catch it, and minting a credential is a persistence chain; the familiar address only shows the attacker is operating from (or through) her machine.",
      };
    },
  },
];
