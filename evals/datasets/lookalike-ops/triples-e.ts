// Look-alike triples 9-10 of the lookalike-ops corpus: Logpush job disabled, Datadog user invited. Each flagged
// action appears once as an attack, once as a mistake, once as routine work.
import { HOUR, int, MIN, monId, type Book, type CfAuth } from "./builders.ts";
import { FERNHOLLOW as FH, LARKSPUR as LK, QUAYSIDE as QS, who, zone } from "./world.ts";
import type { Scenario } from "./scenario.ts";
import { logpushJob } from "./triples-c.ts";

const dash = (ip: string, ua?: string): CfAuth => ({ via: "dash", ip, ua });
const jonas = who(FH, "jonas.weber");

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
