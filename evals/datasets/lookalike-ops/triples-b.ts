// Look-alike triples 6-10 of the lookalike-ops corpus: log index retention, API token creation, Cloudflare
// Tunnel creation, Logpush job disabled, Datadog user invited. Each flagged action appears once per verdict.
import { HOUR, int, MIN, monId, type Book, type CfAuth } from "./builders.ts";
import { FERNHOLLOW as FH, LARKSPUR as LK, QUAYSIDE as QS, who, zone, type Person } from "./world.ts";
import type { Scenario } from "./scenario.ts";

const dash = (ip: string, ua?: string): CfAuth => ({ via: "dash", ip, ua });

// ---------------------------------------------------------------- triple 6: log index retention / quota
const ines = who(FH, "ines.moreau");
const hannah = who(LK, "hannah.berg");
const sam = who(QS, "sam.reyes");

function index(b: Book, p: Person, ms: number, name: string, prev: Record<string, unknown>, next: Record<string, unknown>, keyed = false) {
  return b.ddDo(p, ms, {
    evt: "Log Management",
    action: "modified",
    asset: { type: "index", id: name, name, prev_value: { name, ...prev }, new_value: { name, ...next } },
    message: `${keyed ? p.ddUuid : p.ddEmail} modified index "${name}"`,
    keyed,
  });
}

function logpushJob(b: Book, p: Person, ms: number, auth: CfAuth, job: { id: number; name: string; dataset: string; dest: string; zone?: { id: string; name: string } }, change: Record<string, unknown>, kind: "update" | "create" | "delete" = "update") {
  const base = job.zone ? `/zones/${job.zone.id}/logpush/jobs` : `/accounts/${b.org.accountId}/logpush/jobs`;
  const uri = kind === "create" ? base : `${base}/${job.id}`;
  return b.v2(p, ms, auth, {
    type: kind,
    description: kind === "create" ? "Create Logpush job" : kind === "delete" ? "Delete Logpush job" : "Update Logpush job",
    product: "logpush",
    rtype: "logpush.job",
    rid: String(job.id),
    method: kind === "create" ? "POST" : kind === "delete" ? "DELETE" : "PUT",
    uri,
    request: change,
    response: kind === "delete" ? { id: job.id } : { id: job.id, name: job.name, dataset: job.dataset, destination_conf: job.dest, enabled: true, ...change, last_complete: new Date(ms - 60_000).toISOString() },
    zone: job.zone as never,
  });
}

export const t6: Scenario[] = [
  {
    n: 16,
    slug: "retention-cuts-hit-pci-index",
    triple: "log index retention cut (Datadog Log Management index modified)",
    title: "Cost-cutting batch lowers retention on seven indexes including the PCI audit index, restored by the author",
    org: FH,
    verdict: "misconfiguration",
    at: "2026-10-14T14:00:33Z",
    nowAfter: 8,
    actor: ines,
    anomalyActor: ines.ddEmail,
    action: "modified",
    source: "datadog",
    severity: "high",
    detector: "dd-log-retention-drop",
    details: { index: "pci-audit", retention_days: "365 -> 15" },
    techniques: ["T1562.008"],
    faults: { cloudflare: "slow:200" },
    hard: "Retention of the compliance audit index cut from 365 to 15 days (T1562.008 shape) in a burst of index edits; decided by the batch it belongs to (seven indexes, same FinOps pattern, paired Cloudflare Logpush cost change) and by the author restoring only that index after the flag.",
    deciding: "Before/around: six other indexes cut the same way in ten minutes, the 'Log cost' dashboard read, a Cloudflare v2 Logpush job for the dev zone sampled down; after: pci-audit set back to 365 days by Ines herself five hours later, nothing else reverted.",
    grounding: "FinOps log-retention cuts that break compliance retention (PCI DSS 10.5.1 requires 12 months of audit logs); Datadog docs on index retention and daily quotas.",
    history: { older: 1, inWindow: 1 },
    story(b: Book, T: number) {
      const ip = ines.office;
      b.ddLogin(ines, T - 25 * MIN, ip);
      const cost = b.dashView(ines, T - 22 * MIN, ip, "Log cost");
      const cuts: [string, number, number][] = [
        ["debug", 15, 3],
        ["game-servers", 30, 15],
        ["matchmaking", 30, 15],
        ["cdn-edge", 30, 7],
        ["web-frontend", 30, 15],
        ["batch-jobs", 15, 7],
      ];
      cuts.forEach(([name, from, to], i) => index(b, ines, T - 10 * MIN + i * 80_000, name, { num_retention_days: from, daily_limit: null }, { num_retention_days: to, daily_limit: null }));
      const flagged = index(b, ines, T, "pci-audit", { num_retention_days: 365, filter: { query: "service:(payments OR store-api) compliance:pci" } }, { num_retention_days: 15, filter: { query: "service:(payments OR store-api) compliance:pci" } });
      b.cfLogin(ines, T + 6 * MIN, ip);
      const dev = zone(FH, "fernhollow-dev.net");
      logpushJob(b, ines, T + 9 * MIN, dash(ip), { id: 418822, name: "dev-http-requests", dataset: "http_requests", dest: "datadog://http-intake.logs.datadoghq.com/api/v2/logs?header_DD-API-KEY=****&ddsource=cloudflare", zone: dev }, { output_options: { sample_rate: 0.1 } });
      b.dashView(ines, T + 4 * HOUR + 50 * MIN, ip, "Log cost");
      b.req(ines, T + 4 * HOUR + 55 * MIN, "GET", "/api/v1/notebooks/88213", ip);
      const restore = index(b, ines, T + 5 * HOUR, "pci-audit", { num_retention_days: 15, filter: { query: "service:(payments OR store-api) compliance:pci" } }, { num_retention_days: 365, filter: { query: "service:(payments OR store-api) compliance:pci" } });
      return {
        keys: [cost, flagged, restore],
        rationale:
          "Ines, who owns log costs, read the 'Log cost' dashboard and then cut retention on seven indexes within twelve minutes (debug, game-servers, matchmaking, cdn-edge, web-frontend, batch-jobs and pci-audit) and sampled the dev zone's Logpush job to 10% — one consistent cost-reduction pass from the office. The pci-audit index, which must keep a year of payment audit logs, was caught in the batch (365 -> 15 days, so eleven months of history became eligible for deletion); five hours later she read the compliance notebook and set that index alone back to 365. Nothing else touches logging pipelines, security rules, credentials or access. A cost change applied too broadly: misconfiguration.",
      };
    },
  },
  {
    n: 17,
    slug: "debug-index-quota-with-logpush-sampling",
    triple: "log index retention cut (Datadog Log Management index modified)",
    title: "Weekend clean-up of the debug index retention and quota, paired with sampling the staging Logpush job",
    org: LK,
    verdict: "benign",
    at: "2026-10-17T10:30:50Z",
    nowAfter: 5,
    actor: hannah,
    anomalyActor: hannah.ddEmail,
    action: "modified",
    source: "datadog",
    severity: "medium",
    detector: "dd-log-retention-drop",
    details: { index: "debug-verbose", retention_days: "15 -> 3", daily_limit: "none -> 20000000" },
    faults: { cloudflare: "rate_limited_once" },
    hard: "A security engineer lowers log retention and adds a quota on a Saturday (T1562.008 shape by someone who knows where detections live); decided by scope (debug and staging data only), the paired Cloudflare change and the verification after.",
    deciding: "Only the debug-verbose index and the staging zone's Logpush job are touched; security and audit indexes are read afterwards, unchanged; an ingest-volume monitor is created for the quota and the cost dashboard checked.",
    grounding: "Datadog docs on daily quotas and retention per index; Cloudflare Logpush sampling (output_options.sample_rate) as a documented cost control.",
    history: { older: 1, inWindow: 0.6 },
    story(b: Book, T: number) {
      const ip = hannah.home;
      b.ddLogin(hannah, T - 18 * MIN, ip);
      const cost = b.dashView(hannah, T - 15 * MIN, ip, "Logs – ingest & cost");
      const flagged = index(b, hannah, T, "debug-verbose", { num_retention_days: 15, daily_limit: null, filter: { query: "env:staging OR status:debug" } }, { num_retention_days: 3, daily_limit: 20_000_000, filter: { query: "env:staging OR status:debug" } });
      b.cfLogin(hannah, T + 5 * MIN, ip);
      const stg = zone(LK, "larkspur-staging.com");
      const lp = logpushJob(b, hannah, T + 8 * MIN, dash(ip), { id: 302117, name: "staging-http-requests", dataset: "http_requests", dest: "datadog://http-intake.logs.datadoghq.eu/api/v2/logs?header_DD-API-KEY=****&ddsource=cloudflare&service=staging", zone: stg }, { output_options: { sample_rate: 0.25 } });
      const mon = b.ddDo(hannah, T + 15 * MIN, {
        evt: "Monitor",
        action: "created",
        asset: { type: "monitor", id: monId("[logs] debug-verbose quota 80%"), name: "[logs] debug-verbose quota 80%", new_value: { name: "[logs] debug-verbose quota 80%", type: "log alert", query: 'logs("index:debug-verbose").index("debug-verbose").rollup("count").last("1d") > 16000000' } },
        message: `${hannah.ddEmail} created monitor "[logs] debug-verbose quota 80%"`,
      });
      b.req(hannah, T + 20 * MIN, "GET", "/api/v1/logs/config/indexes/security-audit", ip);
      b.req(hannah, T + 21 * MIN, "GET", "/api/v1/logs/config/indexes/main", ip);
      b.dashView(hannah, T + 40 * MIN, ip, "Logs – ingest & cost");
      return {
        keys: [cost, flagged, lp, mon],
        rationale:
          "Hannah read the ingest-and-cost dashboard, then lowered retention (15 -> 3 days) and set a 20M/day quota on debug-verbose — the index whose filter holds only staging and debug logs — sampled the staging zone's Logpush job to 25%, created a monitor that warns at 80% of the new quota, checked (without changing) the security-audit and main indexes, and re-read the cost dashboard. Saturday, from her usual home address, no other change. Security and audit data keep their retention, the change is scoped to low-value data, and it is instrumented. Routine cost hygiene.",
      };
    },
  },
  {
    n: 18,
    slug: "insider-exports-then-cuts-edge-logs",
    triple: "log index retention cut (Datadog Log Management index modified)",
    title: "Security engineer bulk-exports logs through a personal key, then shortens the edge-security index and deletes the audit Logpush job",
    org: QS,
    verdict: "likely_malicious",
    at: "2026-10-19T21:15:14Z",
    nowAfter: 3,
    actor: sam,
    anomalyActor: sam.ddEmail,
    action: "modified",
    source: "datadog",
    severity: "high",
    detector: "dd-log-retention-drop",
    details: { index: "security-edge", retention_days: "90 -> 3" },
    techniques: ["T1530", "T1562.008", "T1098.001"],
    history: { older: 1, inWindow: 0.4 },
    hard: "The security engineer who owns these indexes, from his usual home address in the afternoon; >1,000 of his own key-authenticated log-search requests fill the file. Only the order (a personal API key, a day of bulk exports, then the evidence shortened on both vendors) makes it an insider covering tracks.",
    deciding: "Before: an API key 'sam-laptop' created and used for ~1,200 paged log-search requests of customer tracking logs (large responses); after: the Cloudflare audit_logs_v2 Logpush job to Datadog deleted from the same address and an exclusion added to security-edge; no ticket, no other index touched.",
    grounding: "Insider data theft with log tampering (Ubiquiti 2020-21, Nickolas Sharp: a senior engineer used his own access to copy data and shortened log retention to hide it).",
    story(b: Book, T: number) {
      const ip = sam.home;
      b.ddLogin(sam, T - 22 * HOUR, ip);
      const key = b.ddDo(sam, T - 21 * HOUR - 50 * MIN, { evt: "Authentication", action: "created", asset: { type: "api_key", id: "6b8d0f2a-4c6e-4a8b-9d1f-3a5c7e9b1d3f", name: "sam-laptop" }, message: `${sam.ddEmail} created API key "sam-laptop"` });
      const first = T - 21 * HOUR - 40 * MIN;
      let firstReq = "";
      for (let i = 0; i < 1180; i++) {
        const at = first + i * int(b.r, 45, 60) * 1000;
        if (at > T - 30 * MIN) break;
        const id = b.ddEv(b.keyed(sam), at, {
          evt: "Request",
          action: "accessed",
          message: `POST request made to /api/v2/logs/events/search by ${sam.ddUuid} with response 200`,
          http: { method: "POST", path: "/api/v2/logs/events/search", status: "200", ua: "python-requests/2.32.3" },
          ip,
          bytes: [int(b.r, 380, 420), int(b.r, 4_200_000, 5_100_000)],
        });
        if (!firstReq) firstReq = id;
      }
      b.ddLogin(sam, T - 8 * MIN, ip);
      const flagged = index(b, sam, T, "security-edge", { num_retention_days: 90, exclusion_filters: [] }, { num_retention_days: 3, exclusion_filters: [] });
      const excl = index(b, sam, T + 2 * MIN, "security-edge", { num_retention_days: 3, exclusion_filters: [] }, { num_retention_days: 3, exclusion_filters: [{ name: "drop audit noise", is_enabled: true, filter: { query: "source:cloudflare @ActorEmail:sam.reyes*", sample_rate: 1 } }] });
      b.cfLogin(sam, T + 6 * MIN, ip);
      const del = logpushJob(b, sam, T + 8 * MIN, dash(ip), { id: 771203, name: "audit-logs-v2-to-datadog", dataset: "audit_logs_v2", dest: "datadog://http-intake.logs.us3.datadoghq.com/api/v2/logs?header_DD-API-KEY=****&ddsource=cloudflare" }, {}, "delete");
      return {
        keys: [key, firstReq, flagged, excl, del],
        rationale:
          "Sam created a personal API key 'sam-laptop' the previous afternoon and, from his home address, used it for ~1,200 paged log searches over the following hours, each returning 4-5 MB — a bulk export of customer tracking logs no investigation of his needs at that volume. Then, in ten minutes, he cut the security-edge index (where Cloudflare firewall and audit events land) from 90 to 3 days, added an exclusion that drops Cloudflare audit events naming himself, and deleted the Logpush job that ships Cloudflare audit logs v2 to Datadog. Usual address, usual browser, legitimate ownership of these settings — but the sequence is collect, then erase the trail on both vendors, with no ticket and no other index touched. Insider data theft covering its tracks.",
      };
    },
  },
];

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

// ---------------------------------------------------------------- triple 9: Logpush job disabled (v2)
const svcLogs = who(FH, "svc-logs");
const priya = who(LK, "priya.natarajan");
const dwayne = who(QS, "dwayne.hollis");

export const t9: Scenario[] = [
  {
    n: 25,
    slug: "siem-token-disables-logpush",
    triple: "Logpush job disabled (v2 update, logpush)",
    title: "Log-shipping service token used from a new address disables the firewall and audit Logpush jobs",
    org: FH,
    verdict: "likely_malicious",
    at: "2026-11-03T04:45:30Z",
    nowAfter: 4,
    actor: svcLogs,
    anomalyActor: svcLogs.cfEmail,
    action: "update",
    source: "cloudflare",
    severity: "medium",
    detector: "cf-logpush-change",
    details: { product: "logpush", job: "firewall-events-to-datadog", enabled: "true -> false" },
    techniques: ["T1078.004", "T1562.008", "T1562.001"],
    history: false,
    hard: "A service account whose token changes Logpush jobs every week (rotating destinations) and polls Datadog every 15 minutes; at night, from an address that differs only in the last octets' network; the change is a single enabled flag.",
    deciding: "The token acts from 194.165.16.72 instead of its runner 198.51.100.150; it disables both security Logpush jobs (firewall events and audit logs) — its weekly routine only rotates destination keys — and, from the same address, the service account's Datadog key deletes the Logpush freshness monitor; the regular 15-minute polling from the runner continues unchanged beside it.",
    grounding: "Stolen SIEM/log-shipping credentials used to blind monitoring (Storm-0558 and APT29 log tampering in cloud tenants; CISA guidance on protecting logging service accounts).",
    story(b: Book, T: number, now: number) {
      const runner = svcLogs.office;
      const evil = "194.165.16.72";
      const threat = { category: "hosting", name: "PFCLOUD_VPS" };
      const tok = (ip: string): CfAuth => ({ via: "api_token", ip, token: { id: "0d2f4a6c8e0b4d2f6a8c0e2b4d6f8a0c", name: "siem-logpush" }, ua: svcLogs.ua });
      const fw = { id: 551902, name: "firewall-events-to-datadog", dataset: "firewall_events", dest: "datadog://http-intake.logs.datadoghq.com/api/v2/logs?header_DD-API-KEY=****&ddsource=cloudflare", zone: zone(FH, "fernhollow.gg") };
      const au = { id: 551903, name: "audit-logs-v2-to-datadog", dataset: "audit_logs_v2", dest: "datadog://http-intake.logs.datadoghq.com/api/v2/logs?header_DD-API-KEY=****&ddsource=cloudflare" };
      for (let ms = now - 7 * 24 * HOUR; ms < now; ms += 15 * MIN) {
        b.ddEv(b.keyed(svcLogs, "SERVICE_ACCOUNT"), ms + int(b.r, 0, 20) * 1000, { evt: "Request", action: "accessed", message: `POST request made to /api/v2/audit/events/search by ${svcLogs.ddUuid} with response 200`, http: { method: "POST", path: "/api/v2/audit/events/search", status: "200", ua: "siem-collector/2.8" }, ip: runner });
      }
      for (const d of [7, 14].map((x) => x - 1)) {
        const ms = T - d * 24 * HOUR + 6 * HOUR;
        if (ms > T - 7 * 24 * HOUR) {
          logpushJob(b, svcLogs, ms, tok(runner), fw, { destination_conf: fw.dest.replace("****", "****rot") });
          logpushJob(b, svcLogs, ms + 30_000, tok(runner), au, { destination_conf: au.dest.replace("****", "****rot") });
        }
      }
      const flagged = logpushJob(b, svcLogs, T, tok(evil), fw, { enabled: false });
      const audit = logpushJob(b, svcLogs, T + 50_000, tok(evil), au, { enabled: false });
      const probe = b.ddEv(b.keyed(svcLogs, "SERVICE_ACCOUNT"), T + 4 * MIN, { evt: "Request", action: "accessed", message: `GET request made to /api/v1/monitor/search by ${svcLogs.ddUuid} with response 200`, http: { method: "GET", path: "/api/v1/monitor/search", status: "200", ua: "python-requests/2.31.0" }, ip: evil, threat });
      const m = "[prod] Cloudflare logpush freshness";
      const del = b.ddEv(b.keyed(svcLogs, "SERVICE_ACCOUNT"), T + 6 * MIN, { evt: "Monitor", action: "deleted", asset: { type: "monitor", id: monId(m), name: m, prev_value: { name: m, type: "log alert", query: 'logs("source:cloudflare").index("*").rollup("count").last("30m") < 1' } }, message: `${svcLogs.ddUuid} deleted monitor "${m}"` });
      return {
        keys: [flagged, audit, probe, del],
        rationale:
          "The svc-logs identity's token normally acts only from its runner 198.51.100.150, once a week, to rotate the destination key of the two security Logpush jobs, and its Datadog key polls the audit API every 15 minutes from the same runner. At 05:45 local the token acted from 194.165.16.72 — a hosting address with a threat-intel tag — and, instead of rotating, disabled the firewall-events and audit-logs-v2 jobs; minutes later the same address used the service account's Datadog key to look up monitors and delete '[prod] Cloudflare logpush freshness', the one that would notice the silence. Meanwhile the real collector kept polling from the runner. Stolen service credentials used to blind logging on both vendors.",
      };
    },
  },
  {
    n: 26,
    slug: "logpush-disabled-as-duplicate",
    triple: "Logpush job disabled (v2 update, logpush)",
    title: "HTTP-requests Logpush job to Datadog disabled as a supposed duplicate of the R2 archive, re-enabled later",
    org: LK,
    verdict: "misconfiguration",
    at: "2026-11-06T05:40:16Z",
    nowAfter: 10,
    actor: priya,
    anomalyActor: priya.ddEmail,
    action: "update",
    source: "cloudflare",
    severity: "high",
    detector: "cf-logpush-change",
    details: { product: "logpush", job: "http-requests-to-datadog", enabled: "true -> false" },
    techniques: ["T1562.008"],
    history: { older: 1, inWindow: 0.7 },
    hard: "Security telemetry switched off at dawn on a Friday by an SRE lead (T1562.008 shape); the anomaly actor is the capitalised Datadog spelling of a Cloudflare-flagged user; the mistake shows in the job bodies (the R2 job is not a duplicate) and the author's own re-enable after the flag.",
    deciding: "Before: Datadog log-cost dashboard and a list of Logpush jobs; the R2 job she keeps has a filter for /api/ paths only (visible in its v2 body); after: the WAF dashboard checked and the Datadog job re-enabled by Priya seven hours later.",
    grounding: "Cost-driven removal of 'duplicate' log streams that were not duplicates (common in FinOps clean-ups; Cloudflare Logpush filters and per-destination jobs).",
    story(b: Book, T: number) {
      const main = zone(LK, "larkspur-outfitters.com");
      const ip = priya.home;
      const dd = { id: 220871, name: "http-requests-to-datadog", dataset: "http_requests", dest: "datadog://http-intake.logs.datadoghq.eu/api/v2/logs?header_DD-API-KEY=****&ddsource=cloudflare", zone: main };
      const r2 = { id: 220874, name: "http-requests-to-r2", dataset: "http_requests", dest: "r2://lrk-edge-archive/{DATE}?account-id=****", zone: main };
      b.ddLogin(priya, T - 25 * MIN, ip);
      b.dashView(priya, T - 22 * MIN, ip, "Logs – ingest & cost");
      b.cfLogin(priya, T - 10 * MIN, ip);
      const r2touch = logpushJob(b, priya, T - 4 * MIN, dash(ip), r2, { name: "http-requests-to-r2", filter: '{"where":{"key":"ClientRequestPath","operator":"startsWith","value":"/api/"}}' });
      const flagged = logpushJob(b, priya, T, dash(ip), dd, { enabled: false });
      b.dashView(priya, T + 6 * MIN, ip, "Logs – ingest & cost");
      b.ddLogin(priya, T + 6 * HOUR + 40 * MIN, priya.office);
      const waf = b.dashView(priya, T + 6 * HOUR + 45 * MIN, priya.office, "Edge – Cloudflare");
      b.cfLogin(priya, T + 6 * HOUR + 58 * MIN, priya.office);
      const back = logpushJob(b, priya, T + 7 * HOUR, dash(priya.office), dd, { enabled: true });
      return {
        keys: [r2touch, flagged, waf, back],
        rationale:
          "Priya (Priya.Natarajan@ in Datadog, priya.natarajan@ in Cloudflare) read the log-cost dashboard at 05:18 local and disabled the Logpush job that ships the storefront's HTTP request logs to Datadog, having just renamed the R2 archive job — whose body shows it only keeps /api/ paths, so it is not a duplicate: every non-API request, including the WAF-relevant storefront traffic, stopped reaching Datadog. Seven hours later, from the office and after looking at the edge dashboard, she re-enabled the same job. Her usual addresses, no credential, access or detection change, corrected by the author: a cost clean-up that removed security telemetry by mistake.",
      };
    },
  },
  {
    n: 27,
    slug: "logpush-destination-migration",
    triple: "Logpush job disabled (v2 update, logpush)",
    title: "Firewall-events Logpush moved to the organisation's own Datadog site: new job verified before the old one is disabled",
    org: QS,
    verdict: "benign",
    at: "2026-11-04T09:00:08Z",
    nowAfter: 5,
    actor: dwayne,
    anomalyActor: dwayne.cfEmail,
    action: "update",
    source: "cloudflare",
    severity: "medium",
    detector: "cf-logpush-change",
    details: { product: "logpush", job: "firewall-events-datadog-us1", enabled: "true -> false" },
    history: { older: 1, inWindow: 0.8 },
    hard: "Security log shipping switched off (T1562.008 shape) by the on-call SRE at 04:00 local; decided by the paired job created and verified before, the destination now matching the org's own Datadog site, and his searches proving logs arrive.",
    deciding: "Before: a new firewall_events job to the us3 intake created and the Datadog log search for source:cloudflare run three times by Dwayne; the old job pointed to the US1 site (a legacy org); after: the pipeline for the new source checked, the old job deleted the next morning.",
    grounding: "Cloudflare Logpush to Datadog docs (destination per Datadog site); migrations of log shipping between sites/orgs (Datadog org consolidation guides).",
    story(b: Book, T: number) {
      const api = zone(QS, "qsf-api.net");
      const ip = dwayne.home;
      const oldJob = { id: 118003, name: "firewall-events-datadog-us1", dataset: "firewall_events", dest: "datadog://http-intake.logs.datadoghq.com/api/v2/logs?header_DD-API-KEY=****&ddsource=cloudflare", zone: api };
      const newJob = { id: 118417, name: "firewall-events-datadog-us3", dataset: "firewall_events", dest: "datadog://http-intake.logs.us3.datadoghq.com/api/v2/logs?header_DD-API-KEY=****&ddsource=cloudflare", zone: api };
      b.cfLogin(dwayne, T - 50 * MIN, ip);
      const created = logpushJob(b, dwayne, T - 46 * MIN, dash(ip), newJob, { dataset: "firewall_events", destination_conf: newJob.dest, enabled: true, name: newJob.name }, "create");
      b.ddLogin(dwayne, T - 30 * MIN, ip);
      const s1 = b.req(dwayne, T - 28 * MIN, "POST", "/api/v2/logs/events/search", ip, { bytes: [310, 48810] });
      b.req(dwayne, T - 15 * MIN, "POST", "/api/v2/logs/events/search", ip, { bytes: [310, 51277] });
      b.req(dwayne, T - 3 * MIN, "POST", "/api/v2/logs/events/search", ip, { bytes: [310, 50342] });
      const flagged = logpushJob(b, dwayne, T, dash(ip), oldJob, { enabled: false });
      b.req(dwayne, T + 10 * MIN, "GET", "/api/v1/logs/config/pipelines", ip);
      b.dashView(dwayne, T + 14 * MIN, ip, "Edge – Cloudflare");
      const del = logpushJob(b, dwayne, T + 4 * HOUR + 30 * MIN, dash(dwayne.office), oldJob, {}, "delete");
      return {
        keys: [created, s1, flagged, del],
        rationale:
          "Dwayne created a firewall_events Logpush job to the us3 intake — the site of Quayside's Datadog org — then searched Datadog for the Cloudflare logs three times over half an hour (each search returning data) before disabling the old job, which shipped to the US1 site of a legacy org. He checked the pipelines and the edge dashboard afterwards and deleted the old job from the office the next morning. Firewall events never stopped reaching the organisation's own Datadog; the change is a verified destination migration by the on-call SRE from his usual addresses.",
      };
    },
  },
];

// ---------------------------------------------------------------- triple 10: Datadog user invited
const tfQs = QS.machines[1]!;
const tom = who(LK, "tom.okafor");

function invite(b: Book, u: ReturnType<Book["sess"]>, ms: number, who_: string, email: string, name: string, roles: string[], note = "") {
  return b.ddEv(u, ms, {
    evt: "Access Management",
    action: "created",
    asset: { type: "user", id: b.r().toString(16).slice(2, 10) + "-7a1c-4e3b-9d5f-" + b.r().toString(16).slice(2, 14).padEnd(12, "0"), name: email, new_value: { email, name, roles, status: "Pending" } },
    message: `${who_} invited user "${email}"${note}`,
  });
}

export const t10: Scenario[] = [
  {
    n: 28,
    slug: "terraform-invite-admin-role-typo",
    triple: "Datadog user invited (Access Management user created)",
    title: "Terraform service account invites a consultant with the Admin role; the next apply downgrades it",
    org: QS,
    verdict: "misconfiguration",
    at: "2026-11-09T13:00:21Z",
    nowAfter: 6,
    actor: null,
    anomalyActor: tfQs.uuid,
    action: "created",
    source: "datadog",
    severity: "medium",
    detector: "dd-privileged-user-created",
    details: { invited: "j.ortiz@brightpath-consulting.com", roles: ["Datadog Admin Role"] },
    techniques: ["T1098.003", "T1136.003"],
    history: false,
    hard: "An external consultant invited with the Admin role by a service account (no email; the anomaly actor is its UUID) in a file of >1,500 Terraform refresh requests; the fix is the next apply two hours later, and only the before/after role values show it.",
    deciding: "Same Terraform service account, runner address and user agent as every other apply this week; after the flag the same identity changes the consultant's role from Admin to Read Only; the consultant's domain was invited read-only for another person the week before.",
    grounding: "Terraform role-mapping mistakes in SaaS user provisioning (datadog_user with the wrong role data source); over-privileged contractor onboarding as an audit finding.",
    story(b: Book, T: number, now: number) {
      const sa = b.machine(tfQs);
      const ua = tfQs.ua;
      const applies: number[] = [];
      for (let ms = now - 7 * 24 * HOUR + 2 * HOUR; ms < now; ms += 10 * MIN) {
        b.ddEv(sa, ms, { evt: "Request", action: "accessed", message: `GET request made to /api/v1/monitor by ${tfQs.uuid} with response 200`, http: { method: "GET", path: "/api/v1/monitor", status: "200", ua }, ip: tfQs.ip });
        b.ddEv(sa, ms + 2_000, { evt: "Request", action: "accessed", message: `GET request made to /api/v2/users by ${tfQs.uuid} with response 200`, http: { method: "GET", path: "/api/v2/users", status: "200", ua }, ip: tfQs.ip });
        if (b.r() < 0.04) applies.push(ms + 30_000);
      }
      for (const ms of applies) {
        if (Math.abs(ms - T) < 3 * HOUR) continue;
        const m = `[prod] ${["dispatch queue depth", "tracking p99 latency", "carrier webhook 403 rate"][int(b.r, 0, 2)]}`;
        b.ddEv(sa, ms, { evt: "Monitor", action: "modified", asset: { type: "monitor", id: monId(m), name: m, prev_value: { name: m, tags: ["managed-by:terraform"] }, new_value: { name: m, tags: ["managed-by:terraform", "team:platform"] } }, message: `${tfQs.uuid} modified monitor "${m}"` });
      }
      // context outside the 24 h window: the same consultancy invited read-only five days earlier
      invite(b, sa, T - 5 * 24 * HOUR, tfQs.uuid, "m.chen@brightpath-consulting.com", "Mei-Lin Chen", ["Datadog Read Only Role"]);
      b.ddEv(sa, T - 20_000, { evt: "Request", action: "accessed", message: `GET request made to /api/v2/roles by ${tfQs.uuid} with response 200`, http: { method: "GET", path: "/api/v2/roles", status: "200", ua }, ip: tfQs.ip });
      const flagged = invite(b, sa, T, tfQs.uuid, "j.ortiz@brightpath-consulting.com", "Javier Ortiz", ["Datadog Admin Role"]);
      const uid = ((b.dd[b.dd.length - 1] as { attributes: { attributes: { asset: { id: string } } } }).attributes.attributes.asset.id);
      const fix = b.ddEv(sa, T + 2 * HOUR + 10 * MIN, {
        evt: "Access Management",
        action: "modified",
        asset: { type: "user", id: uid, name: "j.ortiz@brightpath-consulting.com", prev_value: { email: "j.ortiz@brightpath-consulting.com", roles: ["Datadog Admin Role"] }, new_value: { email: "j.ortiz@brightpath-consulting.com", roles: ["Datadog Read Only Role"] } },
        message: `${tfQs.uuid} changed the roles of user "j.ortiz@brightpath-consulting.com"`,
      });
      return {
        keys: [flagged, fix],
        rationale:
          "The svc-terraform service account — key-authenticated from the Terraform runner with the Terraform provider's user agent, as in every refresh and apply of the week — invited the consultant j.ortiz@brightpath-consulting.com with the Datadog Admin Role; five days earlier the same pipeline had invited his colleague from the same consultancy with the Read Only role. Two hours later the next apply changed the consultant's role from Admin to Read Only. No key, rule, logging or other user was touched, and the identity never acted outside its pipeline pattern: a wrong role in the provisioning code, live for two hours, fixed by the next apply.",
      };
    },
  },
  {
    n: 29,
    slug: "incident-responder-invite",
    triple: "Datadog user invited (Access Management user created)",
    title: "On-call invites a newly hired SRE with the Incident Responder role during a Sunday-night outage",
    org: LK,
    verdict: "benign",
    at: "2026-11-08T03:30:47Z",
    nowAfter: 6,
    actor: tom,
    anomalyActor: tom.ddEmail,
    action: "created",
    source: "datadog",
    severity: "high",
    detector: "dd-privileged-user-created",
    details: { invited: "ella.marsh@larkspur-outfitters.com", roles: ["Incident Responder"] },
    history: { older: 1, inWindow: 0.8 },
    hard: "A user invited at 03:30 on a Sunday by someone who does not usually manage users, followed by a role change; the role is a custom role whose scope (visible in the role's previous/new values) and the incident being worked decide it.",
    deciding: "Before: an incident opened for checkout errors and a Cloudflare origin check by Tom; the invitee is an internal address; the 'Incident Responder' custom role gains only incident permissions; after: the incident resolved.",
    grounding: "Datadog RBAC docs (custom roles, least privilege); common practice of adding responders to incident tooling during an outage (PagerDuty/Datadog Incident Management guides).",
    story(b: Book, T: number) {
      const ip = tom.home;
      b.ddLogin(tom, T - 40 * MIN, ip);
      b.dashView(tom, T - 38 * MIN, ip, "Checkout – golden signals");
      const inc = b.req(tom, T - 33 * MIN, "POST", "/api/v2/incidents", ip);
      b.cfLogin(tom, T - 26 * MIN, ip);
      b.purge(tom, T - 22 * MIN, dash(ip), zone(LK, "larkspur-outfitters.com"), { files: ["https://larkspur-outfitters.com/checkout/config.json"] });
      const flagged = invite(b, b.sess(tom), T, tom.ddEmail, "ella.marsh@larkspur-outfitters.com", "Ella Marsh", ["Incident Responder"]);
      const role = b.ddDo(tom, T + 3 * MIN, {
        evt: "Access Management",
        action: "modified",
        asset: { type: "role", id: "4e6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c2e", name: "Incident Responder", prev_value: { name: "Incident Responder", permissions: ["dashboards_read", "monitors_read", "logs_read_data"], user_count: 3 }, new_value: { name: "Incident Responder", permissions: ["dashboards_read", "monitors_read", "logs_read_data", "incident_read", "incident_write"], user_count: 4 } },
        message: `${tom.ddEmail} modified role "Incident Responder"`,
      });
      b.dashView(tom, T + 20 * MIN, ip, "Checkout – golden signals");
      const done = b.req(tom, T + 58 * MIN, "PATCH", "/api/v2/incidents/2b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e", ip);
      return {
        keys: [inc, flagged, role, done],
        rationale:
          "Tom, on call, was working a checkout incident from home (incident opened at 02:57 local, a Cloudflare config purge, the checkout dashboard) when he invited ella.marsh@larkspur-outfitters.com — an internal address — with the 'Incident Responder' custom role and added incident read/write to that role, which otherwise only reads dashboards, monitors and logs. No admin role, no keys, no security or logging change, and he resolved the incident an hour later. Adding a responder with a least-privilege role in the middle of an outage is routine.",
      };
    },
  },
  {
    n: 30,
    slug: "invite-personal-address-admin",
    triple: "Datadog user invited (Access Management user created)",
    title: "Session from an anonymiser invites a personal look-alike address as admin and mints an application key",
    org: FH,
    verdict: "likely_malicious",
    at: "2026-11-11T02:10:33Z",
    nowAfter: 5,
    actor: jonas,
    anomalyActor: jonas.ddEmail,
    action: "created",
    source: "datadog",
    severity: "high",
    detector: "dd-privileged-user-created",
    details: { invited: "jonas.weber.fh@proton.me", roles: ["Datadog Admin Role"] },
    techniques: ["T1078.004", "T1087.004", "T1136.003", "T1098.003", "T1098.001"],
    history: { older: 1, inWindow: 1 },
    hard: "The invitee's address contains the actor's own name (looks like adding a personal backup account); the session has the actor's usual browser string; a Cloudflare login failure from the same address is the only cross-vendor trace.",
    deciding: "Datadog: users and roles listed, a personal webmail address invited with the Admin role and an application key created, all from a Tor exit at 03:10 local; Cloudflare: failed logins for the same person from the same exit minutes before; his own sessions all week came from the office and his home ISP.",
    grounding: "Persistence by adding attacker-controlled admin accounts after session/credential theft (0ktapus/Scattered Spider 2022-23; Okta's guidance on rogue admin creation).",
    story(b: Book, T: number) {
      const tor = "185.220.101.47";
      const threat = { category: "tor_exit", name: "TOR" };
      const failed = b.v1(jonas, T - 24 * MIN, { via: "dash", ip: tor }, { type: "login", result: false, resource: { id: jonas.cfId, type: "user" }, owner: jonas.cfId });
      b.v1(jonas, T - 23 * MIN, { via: "dash", ip: tor }, { type: "login", result: false, resource: { id: jonas.cfId, type: "user" }, owner: jonas.cfId });
      b.ddEv(b.sess(jonas), T - 12 * MIN - 900, { evt: "Request", action: "accessed", message: `POST request made to /account/login by ${jonas.ddEmail} with response 302`, http: { method: "POST", path: "/account/login", status: "302", ua: jonas.ua }, ip: tor, threat });
      const login = b.ddEv(b.sess(jonas), T - 12 * MIN, { evt: "Authentication", action: "login", message: `${jonas.ddEmail} logged in` });
      const recon = b.ddEv(b.sess(jonas), T - 9 * MIN, { evt: "Request", action: "accessed", message: `GET request made to /api/v2/users by ${jonas.ddEmail} with response 200`, http: { method: "GET", path: "/api/v2/users", status: "200", ua: jonas.ua }, ip: tor, threat });
      b.ddEv(b.sess(jonas), T - 8 * MIN, { evt: "Request", action: "accessed", message: `GET request made to /api/v2/roles by ${jonas.ddEmail} with response 200`, http: { method: "GET", path: "/api/v2/roles", status: "200", ua: jonas.ua }, ip: tor, threat });
      const flagged = invite(b, b.sess(jonas), T, jonas.ddEmail, "jonas.weber.fh@proton.me", "Jonas Weber", ["Datadog Admin Role"]);
      const appKey = b.ddDo(jonas, T + 4 * MIN, { evt: "Authentication", action: "created", asset: { type: "application_key", id: "9a1c3e5b-7d9f-4a1c-8e5b-7d9f1a3c5e7b", name: "backup-access" }, message: `${jonas.ddEmail} created application key "backup-access"` });
      b.ddLogin(jonas, T + 4 * HOUR + 40 * MIN, jonas.office);
      b.dashView(jonas, T + 4 * HOUR + 45 * MIN, jonas.office, "Matchmaking – overview");
      return {
        keys: [failed, login, recon, flagged, appKey],
        rationale:
          "At 03:10 local a Datadog session for Jonas (Jonas.Weber@ in Datadog) logged in from 185.220.101.47, a Tor exit, minutes after two failed Cloudflare logins for jonas.weber@ from the same exit; his real sessions all week came from the office and his home ISP, and he reappears from the office at 07:50 with no trace of the night. The Tor session listed users and roles, invited jonas.weber.fh@proton.me — a webmail address made to look like his own backup account — with the Datadog Admin Role, and created an application key named 'backup-access'. Discovery, a rogue admin and a standing credential from an anonymiser: account takeover establishing persistence.",
      };
    },
  },
];
