// Look-alike triples 5-6 of the lookalike-ops corpus: cache purge, log index retention. Each flagged action
// appears once as an attack, once as a mistake, once as routine work.
import { HOUR, int, MIN, monId, type Book, type CfAuth } from "./builders.ts";
import { FERNHOLLOW as FH, LARKSPUR as LK, QUAYSIDE as QS, who, zone, type Person } from "./world.ts";
import type { Scenario } from "./scenario.ts";

const dash = (ip: string, ua?: string): CfAuth => ({ via: "dash", ip, ua });
const mei = who(FH, "mei.tanaka");

// ---------------------------------------------------------------- triple 5: cache purge
const ciDeploy = who(LK, "ci-deploy");
const ana = who(QS, "ana.ferreira");

export const t5: Scenario[] = [
  {
    n: 13,
    slug: "purge-after-deploy",
    triple: "cache purged (purge)",
    title: "CI deploy identity purges changed assets after each storefront release",
    org: LK,
    verdict: "benign",
    at: "2026-10-08T04:10:27Z",
    nowAfter: 5,
    actor: ciDeploy,
    anomalyActor: ciDeploy.cfEmail,
    action: "purge",
    source: "cloudflare",
    severity: "high",
    detector: "cf-purge-storm",
    details: { purges_1h: 9, zone: "larkspur-outfitters.com", note: "API token, night-time, burst" },
    history: false,
    hard: "Nine purges within the hour at 05:10 local by a token-authenticated deploy identity, in a file of >2,000 events of the same automation; the routine nature is only in the cadence (one purge set per release), the purge bodies (listed files, never everything) and the deploy events in Datadog.",
    deciding: "Every purge follows a Datadog deploy event posted by the same CI identity for the same release and lists only the changed asset URLs; the night-time batch is the scheduled release train, as on the previous days.",
    grounding: "Cloudflare docs on purge by URL after deploys; standard CI/CD cache invalidation (e.g. GitHub Actions + Cloudflare purge action).",
    density: 0.6,
    story(b: Book, T: number, now: number) {
      const main = zone(LK, "larkspur-outfitters.com");
      const tok: CfAuth = { via: "api_token", ip: ciDeploy.office, token: { id: "2c4e6a8c0e2b4d6f8a0c2e4b6d8f0a2c", name: "gha-storefront-deploy" }, ua: ciDeploy.ua };
      const keys: string[] = [];
      let release = 8810;
      for (let d = 6; d >= -1; d--) {
        const trains = [2, 4, 10, 14, 16];
        for (const h of trains) {
          const start = T - d * 24 * HOUR - 4 * HOUR + h * HOUR;
          if (start > now) break;
          const batch = d === 0 && h === 4 ? 9 : int(b.r, 4, 8);
          for (let k = 0; k < batch; k++) {
            const at = start + k * int(b.r, 4, 7) * MIN;
            if (at > now) break;
            release++;
            const ev = b.ddEv(b.keyed(ciDeploy, "SERVICE_ACCOUNT"), at - 40_000, {
              evt: "Request",
              action: "accessed",
              message: `POST request made to /api/v1/events by ${ciDeploy.ddUuid} with response 202`,
              http: { method: "POST", path: "/api/v1/events", status: "202", ua: "datadog-ci/3.17.0" },
              ip: ciDeploy.office,
            });
            for (let poll = 0; poll < 6; poll++)
              b.ddEv(b.keyed(ciDeploy, "SERVICE_ACCOUNT"), at - 38_000 + poll * 9_000, {
                evt: "Request",
                action: "accessed",
                message: `GET request made to /api/v1/monitor/search by ${ciDeploy.ddUuid} with response 200`,
                http: { method: "GET", path: "/api/v1/monitor/search", status: "200", ua: "datadog-ci/3.17.0" },
                ip: ciDeploy.office,
              });
            const files = Array.from({ length: int(b.r, 2, 6) }, (_, i) => `https://larkspur-outfitters.com/_next/static/chunks/${release}-${i}.js`);
            const p = b.purge(ciDeploy, at, tok, main, { files });
            if (at === T || (d === 0 && h === 4 && k === 0)) keys.push(ev, p.v2!);
          }
        }
      }
      return {
        keys,
        rationale:
          "The purges are the storefront release train: five scheduled trains a day (05:10 local is one of them), each release posting a deploy event to Datadog from the CI runner with the CI service account's key, polling the monitors, and then purging exactly the changed asset URLs through the 'gha-storefront-deploy' token from the same runner. The flagged hour has nine releases instead of five to seven, but every purge is paired with its deploy event, lists only files (never purge_everything) and comes from the known runner; no other kind of change is made by this identity. Routine CI cache invalidation.",
      };
    },
  },
  {
    n: 14,
    slug: "purge-after-worker-skimmer",
    triple: "cache purged (purge)",
    title: "Global API key used from a new address to bind a worker to checkout, then purge everything",
    org: FH,
    verdict: "likely_malicious",
    at: "2026-10-10T13:40:02Z",
    nowAfter: 3,
    actor: mei,
    anomalyActor: mei.cfEmail,
    action: "purge",
    source: "cloudflare",
    severity: "medium",
    detector: "cf-purge-storm",
    details: { zone: "play-fernhollow.com", purge_everything: true },
    techniques: ["T1078.004", "T1552", "T1565.003"],
    hard: "A single purge_everything on the store zone, Saturday afternoon, by an engineer who deploys workers; the decisive change (a worker script sending form data to a look-alike domain, bound to the checkout route) is a v2-only Workers entry before the purge, made with the legacy global API key from a first-seen address.",
    deciding: "Cloudflare v2 before the purge: a new worker 'edge-analytics' with COLLECT_URL=https://fhcdn-static.net/c uploaded and routed to play-fernhollow.com/checkout*, via global API key from 91.92.243.17 (hosting, threat intel); the team deploys workers only through the CI token (wrangler); Datadog shows the actor's key viewed earlier from the same address.",
    grounding: "Magecart-style checkout skimming (British Airways 2018, Ticketmaster 2018) and public reports of Cloudflare Workers abused to inject skimmers; Cloudflare global API key risk guidance.",
    history: { older: 1, inWindow: 0.7 },
    story(b: Book, T: number) {
      const store = zone(FH, "play-fernhollow.com");
      const evil = "91.92.243.17";
      const threat = { category: "hosting", name: "AEZA_HOSTING" };
      const key: CfAuth = { via: "api_key", ip: evil, ua: "curl/8.7.1" };
      // legitimate worker deploys by CI over the week
      for (let d = 6; d >= 1; d--) {
        b.v2(mei, T - d * 24 * HOUR + 3 * HOUR, { via: "api_token", ip: "198.51.100.150", token: { id: "9e1b3d5f7a9c4e1b3d5f7a9c1e3b5d7f", name: "wrangler-ci" }, ua: "wrangler/4.31.0" }, {
          type: "update",
          description: "Upload Worker script",
          product: "workers",
          rtype: "workers.script",
          rid: "matchmaking-edge",
          method: "PUT",
          uri: `/accounts/${FH.accountId}/workers/scripts/matchmaking-edge`,
          request: { metadata: { main_module: "index.js", compatibility_date: "2026-08-01", bindings: [{ type: "kv_namespace", name: "SESSIONS" }] } },
          response: { id: "matchmaking-edge", etag: b.r().toString(16).slice(2, 18) },
        });
      }
      const keyView = b.v1(mei, T - 3 * HOUR, { via: "dash", ip: mei.home }, { type: "API_key_view", resource: { id: mei.cfId, type: "api_key" }, owner: mei.cfId });
      b.ddEv(b.sess(mei), T - 2 * HOUR, { evt: "Request", action: "accessed", message: `GET request made to /api/v1/org by ${mei.ddEmail} with response 200`, http: { method: "GET", path: "/api/v1/org", status: "200", ua: "curl/8.7.1" }, ip: evil, threat });
      const upload = b.v2(mei, T - 9 * MIN, key, {
        type: "create",
        description: "Upload Worker script",
        product: "workers",
        rtype: "workers.script",
        rid: "edge-analytics",
        method: "PUT",
        uri: `/accounts/${FH.accountId}/workers/scripts/edge-analytics`,
        request: { metadata: { main_module: "worker.js", compatibility_date: "2026-10-01", bindings: [{ type: "plain_text", name: "COLLECT_URL", text: "https://fhcdn-static.net/c" }, { type: "plain_text", name: "MATCH", text: "input[name*=card],input[autocomplete*=cc-]" }] } },
        response: { id: "edge-analytics", etag: "7d1e0c4b2a9f8e6d" },
      });
      const route = b.v2(mei, T - 6 * MIN, key, {
        type: "create",
        description: "Create Worker route",
        product: "workers",
        rtype: "workers.route",
        rid: "5b7d9f1a3c5e4b7d9f1a3c5e7b9d1f3a",
        method: "POST",
        uri: `/zones/${store.id}/workers/routes`,
        request: { pattern: "play-fernhollow.com/checkout*", script: "edge-analytics" },
        response: { id: "5b7d9f1a3c5e4b7d9f1a3c5e7b9d1f3a", pattern: "play-fernhollow.com/checkout*", script: "edge-analytics" },
        zone: store,
      });
      const flagged = b.purge(mei, T, key, store, { purge_everything: true });
      return {
        keys: [keyView, upload, route, flagged.v2!],
        rationale:
          "Mei viewed her global API key in the dashboard at 12:40 local; two hours later that key was used from 91.92.243.17, a hosting address with a threat-intel tag never seen for her (curl, no dashboard), which had also probed Datadog with her account. Through it, a new worker 'edge-analytics' was uploaded whose bindings send whatever matches card-input fields to https://fhcdn-static.net/c (a look-alike of the company's fhcdn.net), bound to play-fernhollow.com/checkout*, and then the whole cache was purged so every shopper gets the new route immediately. The team deploys workers only through the wrangler-ci token from CI, never with the global key. The purge is the last step of a checkout-skimming injection.",
      };
    },
  },
  {
    n: 15,
    slug: "purge-everything-wrong-zone",
    triple: "cache purged (purge)",
    title: "Purge-everything on the production marketing zone at peak instead of the stage zone",
    org: QS,
    verdict: "misconfiguration",
    at: "2026-10-13T12:10:45Z",
    nowAfter: 4,
    actor: ana,
    anomalyActor: ana.cfEmail,
    action: "purge",
    source: "cloudflare",
    severity: "high",
    detector: "cf-purge-storm",
    details: { zone: "quaysidefreight.com", purge_everything: true, origin_p95_after_ms: 4800 },
    techniques: ["T1499"],
    hard: "purge_everything on production in the morning peak from a hotel network flagged as a residential proxy (a travelling engineer); the mistake shows only after the flag: origin-latency dashboards checked, then the same purge issued on the stage zone the release note refers to.",
    deciding: "Datadog before: the stage release dashboard and the stage deploy event read by Ana; Cloudflare after: purge_everything on qsf-stage.net 11 minutes later; Datadog after: origin latency and tracking p99 watched until recovery. No other change, same address throughout.",
    grounding: "Cloudflare docs warning that Purge Everything raises origin load; well-known cache-stampede outages after full purges (e.g. Fastly/Cloudflare customer post-mortems).",
    history: { older: 1, inWindow: 0.7 },
    story(b: Book, T: number) {
      const prod = zone(QS, "quaysidefreight.com");
      const stage = zone(QS, "qsf-stage.net");
      const hotel = "104.28.93.140";
      const threat = { category: "residential_proxy", name: "HOTEL_WIFI_NAT" };
      b.ddEv(b.sess(ana), T - 35 * MIN - 900, { evt: "Request", action: "accessed", message: `POST request made to /account/login by ${ana.ddEmail} with response 302`, http: { method: "POST", path: "/account/login", status: "302", ua: ana.ua }, ip: hotel, threat });
      b.ddEv(b.sess(ana), T - 35 * MIN, { evt: "Authentication", action: "login", message: `${ana.ddEmail} logged in` });
      const rel = b.ddEv(b.sess(ana), T - 30 * MIN, { evt: "Request", action: "accessed", message: `GET request made to /api/v1/events by ${ana.ddEmail} with response 200`, http: { method: "GET", path: "/api/v1/events", status: "200", ua: ana.ua }, ip: hotel, threat });
      b.dashView(ana, T - 28 * MIN, hotel, "Tracking portal RUM");
      b.cfLogin(ana, T - 4 * MIN, hotel);
      const flagged = b.purge(ana, T, dash(hotel), prod, { purge_everything: true });
      const lat = b.dashView(ana, T + 4 * MIN, hotel, "Dispatch API – overview");
      b.req(ana, T + 6 * MIN, "GET", `/api/v1/monitor/${monId("[prod] tracking p99 latency")}`, hotel, { threat });
      const intended = b.purge(ana, T + 11 * MIN, dash(hotel), stage, { purge_everything: true });
      b.dashView(ana, T + 25 * MIN, hotel, "Dispatch API – overview");
      b.dashView(ana, T + 55 * MIN, hotel, "Tracking portal RUM");
      return {
        keys: [rel, flagged.v2!, lat, intended.v2!],
        rationale:
          "Ana, travelling (her Datadog and Cloudflare sessions both come from a hotel NAT that threat intel lists as a residential proxy, for hours before and after), read the stage release events and the tracking-portal RUM, then purged everything on quaysidefreight.com — the production zone — at peak time. Four minutes later she was on the dispatch dashboard and the tracking p99 monitor, and at +11 minutes issued the same purge on qsf-stage.net, the zone the release was for; she then watched latency recover. One person, one address, one browser, no credential, access or logging change: an operator slip that caused an origin load spike.",
      };
    },
  },
];

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

export function logpushJob(b: Book, p: Person, ms: number, auth: CfAuth, job: { id: number; name: string; dataset: string; dest: string; zone?: { id: string; name: string } }, change: Record<string, unknown>, kind: "update" | "create" | "delete" = "update") {
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
