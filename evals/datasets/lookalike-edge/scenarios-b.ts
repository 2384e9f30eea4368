// Look-alike triples 6-9 of the lookalike-edge corpus: Logpush job deletion, account member invitation, Cloudflare
// Tunnel creation, Email Routing rule creation (triple 10 is in ./scenarios-c.ts).
import { DAY, HOUR, MIN, spur } from "./builders.ts";
import { accessAppCreate, acct, anomaly, ddMonitorMute, dnsCreate, dnsDelete, logpushCreate, logpushDelete, logpushUpdate, noise, type LogpushJob, type Scenario } from "./kit.ts";
import { routine } from "./routine.ts";
import { UA, type Ctx, type Via } from "./world.ts";

const T = (iso: string) => Date.parse(iso);

// ---- Triple 6: Logpush job deletion (Orchardly) -------------------------------------------------------------

const ddDest = (c: Ctx) => `datadog://http-intake.logs.${c.org.ddSite}/api/v2/logs?header_DD-API-KEY=${c.r.hex(32)}&ddsource=cloudflare&service=edge`;

const t6: Scenario[] = [
  {
    n: 16, slug: "logpush-deleted-with-stolen-ci-token", org: "orchard", triple: "Logpush job deletion", verdict: "likely_malicious",
    title: "CI bot's Terraform token replayed from outside CI deletes the audit and HTTP Logpush jobs after the 'logs missing' monitor was muted with the CI service account's Datadog key",
    techniques: ["T1562.008", "T1562.001", "T1550.001"],
    hard: "Service-account actor (the CI bot) with Terraform's user agent, the same token that legitimately manages Logpush; ~1,200 Terraform refresh requests around it; the Datadog half is API-key authenticated (usr.email is a UUID).",
    deciding: "Cross-vendor: the same unfamiliar address mutes the Datadog monitor with the service account's API key 20 minutes before the deletions; the token's usual source is the CI runner.",
    grounding: "CircleCI (Jan 2023) and Codecov (2021): CI secrets stolen and replayed outside the pipeline; disabling log delivery before acting (Cloudflare Logpush, Datadog monitors) as T1562.008.",
    build(c) {
      const A = T("2026-09-21T13:40:18Z"), now = A + 4 * HOUR;
      const jw = c.p("cibot"), tk = c.org.tokens["tf"]!, bad = "198.51.100.250";
      const sa = { key: true, serviceAccount: true } as const;
      noise(c, A, now, 45, ["cibot"]);
      routine(c, c.tok(c.org.tokens["gha"]!), A - 6 * DAY, now, 10, ["worker", "pages"], [6, 22]);
      routine(c, c.tok(c.org.tokens["tfedge"]!), A - 6 * DAY, A - 2 * HOUR, 8, ["dns", "waf"], [2, 3]);
      // Terraform runs from the runner: Datadog provider refreshes (API key) and the odd Logpush/DNS apply.
      for (let run = A - 6 * DAY; run < now; run += c.r.int(5, 9) * HOUR) {
        for (let i = 0; i < c.r.int(45, 70); i++) c.ddReq(jw, run + i * 700, "GET", c.r.chance(0.6) ? `/api/v1/monitor/${c.r.pick(c.org.monitors)[0]}` : `/api/v1/dashboard/${c.r.pick(c.org.dashboards)[0]}`, "200", { ...sa, ip: tk.ip, ua: UA.ddTerraform });
        if (c.r.chance(0.3)) logpushUpdate(c, c.tok(tk), run + 60_000, { id: 4410 + c.r.int(0, 2), name: "http-requests-datadog", dataset: "http_requests", destination_conf: ddDest(c), enabled: true, zone: c.z(0) }, { max_upload_interval_seconds: c.r.pick([30, 60]) });
      }
      c.ddReq(jw, A - 24 * MIN, "GET", "/api/v1/monitor/search", "200", { ...sa, ip: bad, ua: UA.ddTerraform });
      const mute = ddMonitorMute(c, jw, A - 21 * MIN, "91004501", "[logs] Cloudflare logs missing", { ...sa, ip: bad, ua: UA.ddTerraform });
      const v = c.tok(tk, bad);
      const audit: LogpushJob = { id: 4402, name: "audit-logs-v2-datadog", dataset: "audit_logs_v2", destination_conf: ddDest(c), enabled: true };
      const http: LogpushJob = { id: 4411, name: "http-requests-datadog", dataset: "http_requests", destination_conf: ddDest(c), enabled: true, zone: c.z(0) };
      const fw: LogpushJob = { id: 4412, name: "firewall-events-datadog", dataset: "firewall_events", destination_conf: ddDest(c), enabled: true, zone: c.z(0) };
      const dis = logpushUpdate(c, v, A - 6 * MIN, fw, { enabled: false });
      const flagged = logpushDelete(c, v, A, audit);
      const second = logpushDelete(c, v, A + 2 * MIN, http);
      return {
        now,
        anomaly: anomaly(c, jw.cf, "delete", A, "critical", { resource_product: "logpush", job: audit.name, dataset: audit.dataset, reason: "audit log export deleted" }),
        keys: [flagged, second, dis, mute],
        rationale: "'terraform-observability' is the CI bot's token, used by the runner 192.0.2.71 (Terraform user agent) for Logpush changes, alongside the bot's Datadog service-account key for the Datadog provider's refreshes — hundreds of GETs per run, always from the runner. Today at 13:16 that Datadog key is used from 198.51.100.250 to search monitors and mute '[logs] Cloudflare logs missing'; from the same address the Cloudflare token disables the firewall-events job, deletes the account's audit_logs_v2 export and then the HTTP-requests export. No Terraform run accompanies it (the runner's schedule is unchanged), nothing replaces the jobs, and the user agent merely imitates Terraform. Both of the pipeline's credentials replayed from one outside address to blind log delivery first: likely malicious.",
      };
    },
  },
  {
    n: 17, slug: "logpush-wrong-duplicate-deleted", org: "orchard", triple: "Logpush job deletion", verdict: "misconfiguration",
    title: "Cost clean-up deletes the live HTTP Logpush job instead of its legacy duplicate, then the duplicate too; recreated 1h40 later",
    techniques: ["T1562.008"],
    hard: "Deletion of a log export (T1562.008 shape) flagged high; the actor's Datadog sessions come through a corporate VPN that threat intel tags; ~1,500 Datadog events from a wall dashboard; her Datadog email differs in case.",
    deciding: "Before: log-cost work in Datadog; after: the duplicate deleted too, then the job recreated by her — the slip is visible only from what follows.",
    grounding: "FinOps log-volume reductions that cut the wrong pipeline (a frequent observability post-mortem theme); duplicate Logpush jobs doubling ingest cost.",
    build(c) {
      const A = T("2026-09-30T16:25:02Z"), now = A + 7 * HOUR;
      const an = c.p("ana"), vpn = "192.0.2.120", z = c.z(0);
      const ti = spur(vpn, "corporate_vpn", "Zscaler, Inc.", 53813, "DE", "Frankfurt", "benign", "ZSCALER");
      noise(c, A, now, 40, ["ana"]);
      routine(c, c.dash(an, vpn), A - 6 * DAY, A - 8 * HOUR, 18, ["ddBrowse", "ddMonitor", "cfLogin"]);
      // A Datadog wall display under her session polls the log-cost dashboard.
      for (let t = A - 7 * HOUR; t < A + 6 * HOUR; t += 30_000 + c.r.int(0, 4000)) c.ddReq(an, t, c.r.chance(0.5) ? "GET" : "POST", c.r.chance(0.5) ? "/api/v1/dashboard/orc-t7y-220" : "/api/v2/query/timeseries", "200", { ip: vpn, ti });
      c.ddReq(an, A - 40 * MIN, "GET", "/api/v1/usage/logs", "200", { ip: vpn, ti });
      c.ddEvt(an, A - 38 * MIN, "Dashboard", "accessed", { type: "dashboard", id: "orc-t7y-220", name: "Log usage & cost" }, `${an.dd} accessed dashboard "Log usage & cost"`);
      c.login(an, A - 12 * MIN, vpn);
      const v = c.dash(an, vpn);
      const live: LogpushJob = { id: 2612, name: "http_requests -> datadog", dataset: "http_requests", destination_conf: ddDest(c), enabled: true, zone: z };
      const dup: LogpushJob = { id: 2611, name: "http_requests -> datadog (legacy, duplicate)", dataset: "http_requests", destination_conf: ddDest(c), enabled: true, zone: z };
      const flagged = logpushDelete(c, v, A, live);
      const second = logpushDelete(c, v, A + 4 * MIN, dup);
      c.ddReq(an, A + 95 * MIN, "GET", "/api/v1/dashboard/orc-9z1-3mm", "200", { ip: vpn, ti });
      const seen = c.ddEvt(an, A + 95 * MIN + 500, "Dashboard", "accessed", { type: "dashboard", id: "orc-9z1-3mm", name: "Cloudflare logs ingest" }, `${an.dd} accessed dashboard "Cloudflare logs ingest"`);
      const recreate = logpushCreate(c, v, A + 100 * MIN, { ...live, id: 2630 });
      return {
        now,
        anomaly: anomaly(c, an.cf, "delete", A, "high", { resource_product: "logpush", job: live.name, dataset: live.dataset, reason: "HTTP request log export deleted" }),
        keys: [flagged, second, recreate, seen],
        rationale: "Ana (FinOps/observability, Datadog user Ana.Ferreira@) works through the company's Zscaler egress, which threat intel tags as a VPN; her wall display polls the 'Log usage & cost' dashboard all day. Forty minutes before the change she reads log usage. There are two identical http_requests jobs to Datadog — the live one and a 'legacy, duplicate' one that doubles ingest. She deletes the live job first, four minutes later the duplicate as well, leaving none. At 18:00 she opens the 'Cloudflare logs ingest' dashboard and five minutes later recreates the job. The intent (remove a duplicate to cut cost), the wrong pick, and her own repair are all in her trail; no monitor was silenced and nothing else changed. Logs were lost for 1h40: misconfiguration.",
      };
    },
  },
  {
    n: 18, slug: "logpush-migration-old-job-deleted", org: "orchard", triple: "Logpush job deletion", verdict: "benign",
    title: "Terraform in the 02:00 maintenance window creates the R2 archive and new Datadog jobs, validates them, then deletes the old job",
    hard: "A token actor deletes a log export at 02:10 (night); the job names carry change references (text any actor could write).",
    deciding: "Before: replacements created, destination ownership validated and enabled by the same token; the deletion is the last step of a migration.",
    grounding: "Cloudflare Logpush docs: create the new job (ownership challenge, validate destination) before removing the old; migrating log destinations to R2 archives.",
    build(c) {
      const A = T("2026-09-03T02:10:45Z"), now = A + 5 * HOUR;
      const tk = c.org.tokens["tfedge"]!, cb = c.p("cibot"), z = c.z(0);
      noise(c, A, now, 50, ["cibot"]);
      routine(c, c.tok(tk), A - 6 * DAY, A - 1 * HOUR, 18, ["dns", "worker", "waf"], [2, 3]);
      const v = c.tok(tk);
      const own = c.cf2(v, A - 25 * MIN, { type: "create", desc: "Get Logpush ownership challenge", method: "POST", uri: `/zones/${z.id}/logpush/ownership`, product: "logpush", rtype: "logpush.ownership", rid: z.id, req: { destination_conf: "r2://cf-logs-archive/http/{DATE}" }, res: { filename: "cf-logs-archive/http/ownership-challenge-8d1a2f.txt", valid: true } });
      const r2job = logpushCreate(c, v, A - 23 * MIN, { id: 5120, name: "http_requests -> r2 archive (CHG-2291)", dataset: "http_requests", destination_conf: `r2://cf-logs-archive/http/{DATE}?account-id=${c.org.account.id}&access-key-id=${c.r.hex(32)}&secret-access-key=${c.r.hex(64)}`, enabled: true, zone: z });
      const newdd = logpushCreate(c, v, A - 20 * MIN, { id: 5121, name: "http_requests -> datadog v2 (CHG-2291)", dataset: "http_requests", destination_conf: ddDest(c), enabled: false, zone: z });
      const en = logpushUpdate(c, v, A - 2 * MIN, { id: 5121, name: "http_requests -> datadog v2 (CHG-2291)", dataset: "http_requests", destination_conf: ddDest(c), enabled: true, zone: z }, { enabled: true });
      const flagged = logpushDelete(c, v, A, { id: 3307, name: "http_requests -> datadog (replaced by CHG-2291)", dataset: "http_requests", destination_conf: ddDest(c), enabled: true, zone: z });
      c.ddReq(cb, A + 50 * MIN, "PUT", "/api/v1/logs/config/pipelines/cf-http-pipeline", "200", { key: true, serviceAccount: true, ip: tk.ip, ua: UA.ddTerraform });
      c.ddEvt(cb, A + 50 * MIN + 800, "Log Management", "modified", { type: "pipeline", id: "cf-http-pipeline", name: "Cloudflare HTTP", prev_value: { filter: { query: "source:cloudflare" } }, new_value: { filter: { query: "source:cloudflare OR service:edge" } } }, `${cb.dd} modified pipeline "Cloudflare HTTP"`, { key: true, serviceAccount: true });
      return {
        now,
        anomaly: anomaly(c, cb.cf, "delete", A, "medium", { resource_product: "logpush", job: "http_requests -> datadog (replaced by CHG-2291)", dataset: "http_requests", reason: "log export deleted by a service account at night" }),
        keys: [flagged, r2job, newdd, en, own],
        rationale: "The terraform-edge token of the CI bot runs its nightly apply from the runner 192.0.2.72 between 02:00 and 03:00, as on every night of the week. Tonight's run first obtains the ownership challenge for an R2 destination, creates an http_requests job to the R2 archive, creates a second job to the Datadog intake, enables it, and only then deletes the old Datadog job. An hour later the same automation adjusts the Datadog pipeline filter for the new source. The log stream is replaced, not removed; the change references in the names are decoration, the order of operations is the evidence. Benign.",
      };
    },
  },
];

// ---- Triple 7: account member invitation (Kestrel Pay) ------------------------------------------------------

const ROLE = {
  superAdmin: { id: "33666b9c79b9a5273fc7344ff42f953d", name: "Super Administrator - All Privileges" },
  admin: { id: "05784afa30c1afe1440e79d9351c7430", name: "Administrator" },
  workers: { id: "e58cefd75d7adae0b761796c28815e5c", name: "Cloudflare Workers Admin" },
  dns: { id: "3030687196b94b638145a3953da2b699", name: "DNS" },
};

function invite(c: Ctx, v: Via, t: number, email: string, roles: Array<{ id: string; name: string }>): string {
  const mid = c.r.hex(32);
  return c.cf2(v, t, { type: "create", desc: "Add Member", method: "POST", uri: `${acct(c)}/members`, product: "members", rtype: "members.member", rid: mid, req: { email, roles: roles.map((r) => r.id), status: "pending" }, res: { id: mid, user: { email, two_factor_authentication_enabled: false }, status: "pending", roles } });
}

const t7: Scenario[] = [
  {
    n: 19, slug: "member-superadmin-outlook", org: "kestrel", triple: "Account member invitation", verdict: "likely_malicious",
    title: "Saturday 03:12: admin session from a hosting proxy invites an outlook.com Super Administrator, turns off 2FA enforcement and adds a Datadog admin",
    techniques: ["T1136.003", "T1098.003", "T1556.006", "T1078.004"],
    hard: "The actor is the account admin who invites people weekly; her Datadog email differs in case; the invitee name sounds like an audit firm.",
    deciding: "Before (hosting-proxy sign-ins in both vendors, user/role discovery in Datadog) and after (2FA enforcement off, the same outside address made Datadog admin).",
    grounding: "Scattered Spider / 0ktapus (2022-23) and LAPSUS$: hijacked admin sessions add external super-admins and weaken MFA for persistence.",
    build(c) {
      const A = T("2026-09-05T03:12:55Z"), now = A + 6 * HOUR;
      const pr = c.p("priya"), bad = "198.51.100.177";
      const ti = spur(bad, "hosting_proxy", "Clouvider Limited", 62240, "GB", "London");
      noise(c, A, now, 55, ["priya"]);
      routine(c, c.dash(pr), A - 6 * DAY, A - 14 * HOUR, 22, ["access", "ssl", "ddBrowse", "ddBrowse", "cfLogin"]);
      invite(c, c.dash(pr), A - 3 * DAY - 5 * HOUR, "noah.schmidt@kestrelpay.com", [ROLE.dns]);
      const ddl = c.ddLogin(pr, A - 47 * MIN, { ip: bad, ti, ua: UA.winFirefox });
      c.ddReq(pr, A - 45 * MIN, "GET", "/api/v2/users", "200", { ip: bad, ti, ua: UA.winFirefox });
      c.ddReq(pr, A - 44 * MIN, "GET", "/api/v2/roles", "200", { ip: bad, ti, ua: UA.winFirefox });
      const login = c.login(pr, A - 31 * MIN, bad);
      const v = c.dash(pr, bad, UA.winFirefox);
      const flagged = invite(c, v, A, "kestrelpay.audit@outlook.com", [ROLE.superAdmin]);
      const tfa = c.cf2(v, A + 6 * MIN, { type: "update", desc: "Update account settings", method: "PUT", uri: acct(c), product: "account", rtype: "account.settings", rid: c.org.account.id, req: { settings: { enforce_twofactor: false } }, res: { id: c.org.account.id, settings: { enforce_twofactor: false }, previous: { settings: { enforce_twofactor: true } } } });
      c.ddReq(pr, A + 12 * MIN, "POST", "/api/v2/users", "201", { ip: bad, ti, ua: UA.winFirefox });
      const ddu = c.ddEvt(pr, A + 12 * MIN + 900, "Access Management", "created", { type: "user", id: "8c1f0a2e-audit", name: "kestrelpay.audit@outlook.com", new_value: { email: "kestrelpay.audit@outlook.com", roles: ["Datadog Admin Role"] } }, `${pr.dd} invited user "kestrelpay.audit@outlook.com" with role "Datadog Admin Role"`);
      return {
        now,
        anomaly: anomaly(c, pr.cf, "create", A, "critical", { resource_product: "members", description: "Add Member", invited: "kestrelpay.audit@outlook.com", roles: ["Super Administrator - All Privileges"], reason: "external email invited as Super Administrator" }),
        keys: [flagged, tfa, ddu, login, ddl],
        rationale: "Priya's invitations are company addresses with scoped roles (e.g. DNS for a new hire three days ago), made from 203.0.113.12 in office hours. At 02:25 UTC on Saturday her Datadog account signs in from 198.51.100.177 (threat intel: hosting proxy, London) and lists users and roles; at 02:41 Cloudflare sees her first sign-in from the same address. The session invites kestrelpay.audit@outlook.com as Super Administrator, six minutes later switches off the account's two-factor enforcement, and then invites the same outlook address into Datadog with the admin role. An outside mailbox given full control of both consoles while MFA is weakened, from a hosting proxy at night: account takeover with persistence. Likely malicious.",
      };
    },
  },
  {
    n: 20, slug: "member-invite-typo-domain", org: "kestrel", triple: "Account member invitation", verdict: "misconfiguration",
    title: "Admin invited to kestrelpay.co (typo) and re-invited at kestrelpay.com five minutes later; the stray admin invitation is left pending",
    techniques: ["T1136.003", "T1098.003"],
    hard: "An Administrator invitation to an outside domain on a Sunday from a first-seen address; Datadog is unavailable (503), so Cloudflare alone must carry it.",
    deciding: "After: the same person invited at the company domain with the same role five minutes later; an onboarding batch before; the typo invite is never used or removed.",
    grounding: "Typo-domain invitations and misdirected email (e.g. the .mi/.ml misdirected US military email, 2023); SaaS admin invites sent to mistyped addresses are a known onboarding risk.",
    faults: { datadog: "unavailable" },
    build(c) {
      const A = T("2026-09-27T10:31:19Z"), now = A + 5 * HOUR;
      const gm = c.p("george"), office = "203.0.113.99";
      noise(c, A, now, 50, ["george"]);
      routine(c, c.dash(gm), A - 6 * DAY, A - 26 * HOUR, 20, ["ddBrowse", "cfLogin", "access", "ddLogin"]);
      c.login(gm, A - 2 * HOUR - 20 * MIN, office);
      const v = c.dash(gm, office);
      const b1 = invite(c, v, A - 2 * HOUR, "mei.tan@kestrelpay.com", [ROLE.dns]);
      invite(c, v, A - 2 * HOUR + 4 * MIN, "jonah.fields@kestrelpay.com", [ROLE.workers]);
      const flagged = invite(c, v, A, "a.kowalski@kestrelpay.co", [ROLE.admin]);
      const fixed = invite(c, v, A + 5 * MIN, "a.kowalski@kestrelpay.com", [ROLE.admin]);
      c.ddBrowse(gm, A + 30 * MIN, 2, { ip: office });
      return {
        now,
        anomaly: anomaly(c, gm.cf, "create", A, "medium", { resource_product: "members", description: "Add Member", invited: "a.kowalski@kestrelpay.co", roles: ["Administrator"], reason: "member invited from an external domain with an admin role" }),
        keys: [flagged, fixed, b1],
        rationale: "George is onboarding this Sunday from a new office network (his first sign-in there); at 08:31 he invites two new hires at @kestrelpay.com. At 10:31 he invites a.kowalski@kestrelpay.co — the company domain missing its final 'm' — as Administrator, and five minutes later invites a.kowalski@kestrelpay.com with the same role. Nothing else follows: no setting change, no token, no second outside address. The stray invitation is still pending, so whoever holds kestrelpay.co could accept administrator access: a real exposure caused by a typo, not an attacker. Misconfiguration (the pending invite should be revoked).",
      };
    },
  },
  {
    n: 21, slug: "member-joiner-both-consoles", org: "kestrel", triple: "Account member invitation", verdict: "benign",
    title: "IT admin onboards a new engineer from the Singapore office VPN: Cloudflare Workers Admin + DNS, and the matching Datadog user",
    hard: "An admin-class role granted from a first-seen address that threat intel tags as a VPN, flagged high; the anomaly uses the actor's Datadog capitalisation; the Cloudflare side holds only the invitation.",
    deciding: "Only in Datadog: in the same minutes she creates the same person's Datadog user with the standard role, as she did for another joiner the day before.",
    grounding: "Routine joiner process across SaaS admin consoles (SCIM-less onboarding); corporate VPN egress flagged by IP reputation feeds.",
    build(c) {
      const A = T("2026-09-14T07:58:42Z"), now = A + 6 * HOUR;
      const hk = c.p("hannah"), sg = "192.0.2.188";
      const ti = spur(sg, "corporate_vpn", "Zscaler, Inc.", 53813, "SG", "Singapore", "benign", "ZSCALER");
      noise(c, A, now, 50, ["hannah"]);
      routine(c, c.dash(hk), A - 6 * DAY, A - 26 * HOUR, 18, ["ddBrowse", "cfLogin", "access", "ddLogin"]);
      const onboard = (t: number, ip: string, email: string, roles: Array<{ id: string; name: string }>, tiOpt?: unknown): [string, string] => {
        const cfi = invite(c, c.dash(hk, ip), t, email, roles);
        c.ddReq(hk, t + 3 * MIN, "POST", "/api/v2/users", "201", { ip, ti: tiOpt });
        const ddi = c.ddEvt(hk, t + 3 * MIN + 700, "Access Management", "created", { type: "user", id: c.r.uuid(), name: email, new_value: { email, roles: ["Datadog Standard Role"] } }, `${hk.dd} invited user "${email}" with role "Datadog Standard Role"`);
        return [cfi, ddi];
      };
      const [yCf, yDd] = onboard(A - 22 * HOUR, hk.ip, "ruth.adeyemi@kestrelpay.com", [ROLE.dns]);
      c.ddLogin(hk, A - 20 * MIN, { ip: sg, ti });
      c.login(hk, A - 15 * MIN, sg);
      const [flagged, ddUser] = onboard(A, sg, "luca.bianchi@kestrelpay.com", [ROLE.workers, ROLE.dns], ti);
      c.ddReq(hk, A + 5 * MIN, "POST", "/api/v2/team/eng-edge/memberships", "200", { ip: sg, ti });
      return {
        now,
        anomaly: anomaly(c, hk.dd!, "create", A, "high", { resource_product: "members", description: "Add Member", invited: "luca.bianchi@kestrelpay.com", roles: ["Cloudflare Workers Admin", "DNS"], reason: "admin-class role granted from a new address" }),
        keys: [flagged, ddUser, yCf, yDd],
        rationale: "Hannah (IT, Datadog user Hannah.Kim@) invites luca.bianchi@kestrelpay.com, a company address, with Workers Admin and DNS; three minutes later, from the same address, she creates his Datadog user with the standard role and adds him to the edge team — exactly what she did the previous morning for another joiner (Cloudflare DNS role plus Datadog standard user). The new address is the Singapore office's Zscaler egress (threat intel: corporate VPN), and both consoles see her from it. Company invitee, role matching the team, paired onboarding in both tools: a joiner, not persistence. Benign.",
      };
    },
  },
];

// ---- Triple 8: Cloudflare Tunnel creation (Lumen Haus) ------------------------------------------------------

function tunnelCreate(c: Ctx, v: Via, t: number, id: string, name: string): string {
  return c.cf2(v, t, { type: "create", desc: "Create Cloudflare Tunnel", method: "POST", uri: `${acct(c)}/cfd_tunnel`, product: "cloudflare_tunnel", rtype: "cloudflare_tunnel.tunnel", rid: id, req: { name, config_src: "cloudflare" }, res: { id, name, status: "inactive", tun_type: "cfd_tunnel", created_at: new Date(t).toISOString() } });
}

function tunnelConfig(c: Ctx, v: Via, t: number, id: string, ingress: Array<{ hostname?: string; service: string }>): string {
  return c.cf2(v, t, { type: "update", desc: "Update Cloudflare Tunnel configuration", method: "PUT", uri: `${acct(c)}/cfd_tunnel/${id}/configurations`, product: "cloudflare_tunnel", rtype: "cloudflare_tunnel.configuration", rid: id, req: { config: { ingress } }, res: { tunnel_id: id, version: c.r.int(1, 3), config: { ingress } } });
}

const t8: Scenario[] = [
  {
    n: 22, slug: "tunnel-ssh-rdp-from-dns-token", org: "lumen", triple: "Cloudflare Tunnel creation", verdict: "likely_malicious",
    title: "The review-apps DNS token, used from a new address with cloudflared, creates a 'metrics relay' tunnel exposing SSH and RDP",
    techniques: ["T1572", "T1133", "T1550.001"],
    hard: "Service-account token that makes ~1,000 DNS changes a week; business hours; a plausible ops name with a change reference; the tunnel creation and CNAME look like the token's normal DNS work.",
    deciding: "The token's history (only review-app CNAMEs from the runner) against this use (new address, tunnel API) and the ingress (SSH/RDP to internal hosts, no Access application).",
    grounding: "Abuse of Cloudflare Tunnels for persistence and remote access (Proofpoint/Sysdig 2024 reports on cloudflared/TryCloudflare abuse; GuidePoint on tunnels exposing RDP).",
    build(c) {
      const A = T("2026-09-11T12:03:30Z"), now = A + 6 * HOUR;
      const fx = c.p("auto"), tk = c.org.tokens["dns"]!, bad = "198.51.100.12";
      noise(c, A, now, 40, ["auto"]);
      routine(c, c.tok(c.org.tokens["ci"]!), A - 6 * DAY, now, 14, ["pages", "worker", "purge"], [0, 24]);
      const z = c.z(0);
      for (let t = A - 5 * DAY; t < now; t += c.r.int(8, 20) * MIN) {
        const pr = `pr-${c.r.int(2100, 2600)}.review.${z.name}`;
        if (c.r.chance(0.55)) dnsCreate(c, c.tok(tk), t, z, { type: "CNAME", name: pr, content: "review-ingress.lumen-cdn.net", proxied: true, comment: "review app" }, c.r.chance(0.8));
        else dnsDelete(c, c.tok(tk), t, z, { type: "CNAME", name: pr, content: "review-ingress.lumen-cdn.net", proxied: true }, c.r.chance(0.8));
      }
      const v = c.tok(tk, bad, "cloudflared/2026.8.2");
      const tid = "e3b0c442-98fc-4c14-9afb-f4c8996fb924";
      const flagged = tunnelCreate(c, v, A, tid, "k8s-metrics-relay (CHG-3107)");
      const cfg = tunnelConfig(c, v, A + 60_000, tid, [{ hostname: `metrics-relay.${z.name}`, service: "ssh://10.40.2.15:22" }, { hostname: `grafana-relay.${z.name}`, service: "rdp://10.40.3.20:3389" }, { service: "http_status:404" }]);
      const [dns] = dnsCreate(c, v, A + 2 * MIN, z, { type: "CNAME", name: `metrics-relay.${z.name}`, content: `${tid}.cfargotunnel.com`, proxied: true });
      dnsCreate(c, v, A + 2 * MIN + 20_000, z, { type: "CNAME", name: `grafana-relay.${z.name}`, content: `${tid}.cfargotunnel.com`, proxied: true });
      return {
        now,
        anomaly: anomaly(c, fx.cf, "create", A, "high", { resource_product: "cloudflare_tunnel", tunnel: "k8s-metrics-relay (CHG-3107)", reason: "tunnel created by an API token" }),
        keys: [flagged, cfg, dns!],
        rationale: "'gitlab-runner-dns' (a token of the edge-automation account) has, all week, done one thing from one place: create and delete pr-NNNN.review CNAMEs from the runner 192.0.2.44. At 12:03 it is used from 198.51.100.12 by cloudflared to create a tunnel named like a metrics relay, configure it to publish ssh://10.40.2.15:22 and rdp://10.40.3.20:3389, and point two new hostnames at it. No Access application protects those hostnames, nothing about metrics is involved, and the change reference in the name is just text. A CI token lifted and used from outside to open remote-access paths into the internal network: likely malicious.",
      };
    },
  },
  {
    n: 23, slug: "tunnel-grafana-demo-no-access", org: "lumen", triple: "Cloudflare Tunnel creation", verdict: "misconfiguration",
    title: "Platform engineer publishes internal Grafana through a 'demo' tunnel without an Access application; protected 2h41 later",
    techniques: ["T1133"],
    hard: "Usual address, low severity, a name asking reviewers to ignore it; the exposure is an internal admin UI published to the internet.",
    deciding: "Her own pattern (every earlier tunnel got an Access application right away) and after: the Access application added 2h41 later for the same hostname.",
    grounding: "Cloudflare Tunnel docs: public hostnames are internet-reachable unless an Access application protects them; exposed Grafana instances (e.g. CVE-2021-43798 scanning) show the risk.",
    build(c) {
      const A = T("2026-09-25T14:22:18Z"), now = A + 7 * HOUR;
      const zl = c.p("zoe"), z = c.z(0);
      noise(c, A, now, 50, ["zoe"]);
      routine(c, c.dash(zl), A - 6 * DAY, A - 3 * HOUR, 18, ["dns", "access", "ddBrowse", "cfLogin"]);
      const v = c.dash(zl);
      const prev = (t: number, name: string, host: string, svc: string) => {
        const id = c.r.uuid();
        tunnelCreate(c, v, t, id, name);
        tunnelConfig(c, v, t + 60_000, id, [{ hostname: host, service: svc }, { service: "http_status:404" }]);
        dnsCreate(c, v, t + 2 * MIN, z, { type: "CNAME", name: host, content: `${id}.cfargotunnel.com`, proxied: true }, false);
        return accessAppCreate(c, v, t + 4 * MIN, c.r.uuid(), host.split(".")[0]!, host, [{ name: "eng", decision: "allow", include: [{ group: { id: "eng-okta" } }] }]);
      };
      const earlier = prev(A - 20 * HOUR, "argo-ui", `argo.${z.name}`, "http://argocd-server.argocd.svc:80");
      prev(A - 4 * DAY, "vault-ui", `vault.${z.name}`, "https://vault.security.svc:8200");
      const tid = c.r.uuid();
      const flagged = tunnelCreate(c, v, A, tid, "grafana-demo (temporary - ignore in reviews)");
      const cfg = tunnelConfig(c, v, A + 2 * MIN, tid, [{ hostname: `grafana-demo.${z.name}`, service: "http://grafana.monitoring.svc:3000" }, { service: "http_status:404" }]);
      dnsCreate(c, v, A + 3 * MIN, z, { type: "CNAME", name: `grafana-demo.${z.name}`, content: `${tid}.cfargotunnel.com`, proxied: true }, false);
      const fix = accessAppCreate(c, v, A + 2 * HOUR + 41 * MIN, c.r.uuid(), "grafana-demo", `grafana-demo.${z.name}`, [{ name: "eng", decision: "allow", include: [{ group: { id: "eng-okta" } }] }]);
      return {
        now,
        anomaly: anomaly(c, zl.cf, "create", A, "low", { resource_product: "cloudflare_tunnel", tunnel: "grafana-demo (temporary - ignore in reviews)", reason: "new tunnel publishing an internal service" }),
        keys: [flagged, cfg, fix, earlier],
        rationale: "Zoe publishes internal tools through tunnels regularly, and each time (argo yesterday, vault four days ago) she creates an Access application for the hostname within minutes. This afternoon she creates 'grafana-demo', publishes http://grafana.monitoring.svc:3000 at grafana-demo.lumenhaus.tv — and does not. The hostname is reachable from the internet with only Grafana's own login in front of it until 17:03, when she adds the usual 'eng' Access application. Same person, usual address, an internal service her team owns, no SSH/RDP, no other changes; the name's 'ignore in reviews' is no reason to. A forgotten protective step later remedied: misconfiguration.",
      };
    },
  },
  {
    n: 24, slug: "tunnel-new-datacenter-connector", org: "lumen", triple: "Cloudflare Tunnel creation", verdict: "benign",
    title: "Network engineer brings up the Frankfurt-2 connector on a Sunday night from the data-centre network, with Access and Datadog monitoring",
    hard: "Sunday 21:35, first-seen address; the actor's Datadog email differs in case; a legacy tunnel is deleted an hour later.",
    deciding: "Paired controls: Access application for the new hostname right away, and in Datadog a health monitor and dashboard change for the connector; the old connector retired afterwards.",
    grounding: "Cloudflare Tunnel replica/connector migration during a data-centre move; maintenance windows on weekends; Datadog cloudflared integration monitors.",
    build(c) {
      const A = T("2026-09-20T21:35:00Z"), now = A + 8 * HOUR;
      const tw = c.p("tomasz"), z = c.z(0), dc = "192.0.2.230";
      noise(c, A, now, 50, ["tomasz"]);
      routine(c, c.dash(tw), A - 6 * DAY, A - 5 * HOUR, 20, ["dns", "gateway", "ddMonitor", "ddBrowse", "cfLogin"]);
      c.ddLogin(tw, A - 22 * MIN, { ip: dc });
      c.login(tw, A - 20 * MIN, dc);
      const v = c.dash(tw, dc);
      const tid = c.r.uuid();
      const flagged = tunnelCreate(c, v, A, tid, "dc-fra2-connector");
      const cfg = tunnelConfig(c, v, A + 2 * MIN, tid, [{ hostname: `ingest-fra2.${z.name}`, service: "http://10.60.0.10:8080" }, { service: "http_status:404" }]);
      dnsCreate(c, v, A + 4 * MIN, z, { type: "CNAME", name: `ingest-fra2.${z.name}`, content: `${tid}.cfargotunnel.com`, proxied: true });
      const app = accessAppCreate(c, v, A + 6 * MIN, c.r.uuid(), "ingest-fra2", `ingest-fra2.${z.name}`, [{ name: "encoder fleet", decision: "non_identity", include: [{ service_token: { token_id: "encoder-fleet" } }] }]);
      c.ddReq(tw, A + 10 * MIN, "POST", "/api/v1/monitor", "200", { ip: dc });
      const mon = c.ddEvt(tw, A + 10 * MIN + 600, "Monitor", "created", { type: "monitor", id: "71830311", name: "[edge] cloudflared fra2 connector health", new_value: { id: 71830311, type: "service check", query: "\"cloudflared.tunnel.ha_connections\".over(\"tunnel:dc-fra2-connector\").by(\"host\").last(3).count_by_status()", options: { thresholds: { critical: 1 } } } }, `${tw.dd} created monitor "[edge] cloudflared fra2 connector health"`);
      c.ddEvt(tw, A + 14 * MIN, "Dashboard", "modified", { type: "dashboard", id: "lhx-2bb-5e1", name: "SRE on-call", prev_value: { widgets: 14 }, new_value: { widgets: 15 } }, `${tw.dd} modified dashboard "SRE on-call"`);
      const old = c.cf2(v, A + 70 * MIN, { type: "delete", desc: "Delete Cloudflare Tunnel", method: "DELETE", uri: `${acct(c)}/cfd_tunnel/${c.r.uuid()}`, product: "cloudflare_tunnel", rtype: "cloudflare_tunnel.tunnel", rid: "dc-fra1-connector-legacy", res: { name: "dc-fra1-connector-legacy", deleted_at: new Date(A + 70 * MIN).toISOString() } });
      return {
        now,
        anomaly: anomaly(c, tw.cf, "create", A, "medium", { resource_product: "cloudflare_tunnel", tunnel: "dc-fra2-connector", reason: "tunnel created from a first-seen address outside business hours" }),
        keys: [flagged, cfg, app, mon, old],
        rationale: "Tomasz (network engineer, Datadog user Tomasz.Wojcik@) signs in to both consoles from 192.0.2.230, a data-centre address new to him, on Sunday night — the maintenance window for moving the live-ingest connector. He creates 'dc-fra2-connector', publishes the ingest service, and within six minutes protects the hostname with an Access application restricted to the encoder fleet's service token. In Datadog he creates a health monitor for the new connector and adds it to the on-call dashboard; an hour later he deletes the legacy fra1 connector. Every exposure is paired with its control and its monitoring. Benign.",
      };
    },
  },
];

// ---- Triple 9: Email Routing rule creation (Kestrel Pay) ----------------------------------------------------

function routingRule(c: Ctx, v: Via, t: number, name: string, to: string, dest: string[]): string {
  const z = c.z(to.endsWith("kestrelpay-staging.com") ? 1 : 0);
  const id = c.r.hex(32);
  const body = { name, enabled: true, matchers: [{ type: "literal", field: "to", value: to }], actions: [{ type: "forward", value: dest }], priority: 0 };
  return c.cf2(v, t, { type: "create", desc: "Create Email Routing rule", method: "POST", uri: `/zones/${z.id}/email/routing/rules`, product: "email_routing", rtype: "email_routing.rule", rid: id, req: body, res: { id, tag: id, ...body }, zone: z });
}

function routingAddress(c: Ctx, v: Via, t: number, email: string): string {
  const id = c.r.hex(32);
  return c.cf2(v, t, { type: "create", desc: "Create Email Routing destination address", method: "POST", uri: `${acct(c)}/email/routing/addresses`, product: "email_routing", rtype: "email_routing.address", rid: id, req: { email }, res: { id, tag: id, email, verified: null, created: new Date(t).toISOString() } });
}

const GOOGLE_MX = [["aspmx.l.google.com", 1], ["alt1.aspmx.l.google.com", 5], ["alt2.aspmx.l.google.com", 5]] as const;
const CF_MX = [["route1.mx.cloudflare.net", 12], ["route2.mx.cloudflare.net", 35], ["route3.mx.cloudflare.net", 86]] as const;

const t9: Scenario[] = [
  {
    n: 25, slug: "email-routing-silent-copy-finance", org: "kestrel", triple: "Email Routing rule creation", verdict: "likely_malicious",
    title: "Late-night session adds a Proton mailbox as a silent second destination for invoices@ and payments@",
    techniques: ["T1114.003", "T1078.004"],
    hard: "The actor is the billing admin who owns finance mail aliases; no Datadog user at all (single-source); the rule name claims compliance approval; the original destination keeps receiving mail.",
    deciding: "Scope of the rule (a consumer mailbox added beside the real destination on finance aliases), a first-seen address at 23:17, and a second finance alias right after.",
    grounding: "Business email compromise via mailbox forwarding rules (FBI IC3 BEC advisories; Microsoft reports on inbox-rule persistence); Cloudflare Email Routing forward actions.",
    build(c) {
      const A = T("2026-09-29T23:31:08Z"), now = A + 9 * HOUR;
      const og = c.p("olga"), bad = "192.0.2.221";
      noise(c, A, now, 60, ["olga"]);
      routine(c, c.dash(og), A - 6 * DAY, A - 12 * HOUR, 8, ["cfLogin", "access"]);
      const v0 = c.dash(og);
      routingRule(c, v0, A - 5 * DAY, "refunds team", "refunds@kestrelpay.com", ["ap-team@kestrelpay.com"]);
      const login = c.login(og, A - 14 * MIN, bad);
      const v = c.dash(og, bad, UA.winFirefox);
      const addr = routingAddress(c, v, A - 6 * MIN, "kp-ap-archive@proton.me");
      const flagged = routingRule(c, v, A, "Archive copy - compliance retention (auto-approved, no review needed)", "invoices@kestrelpay.com", ["ap-team@kestrelpay.com", "kp-ap-archive@proton.me"]);
      const second = routingRule(c, v, A + 4 * MIN, "Archive copy - compliance retention (auto-approved, no review needed)", "payments@kestrelpay.com", ["treasury@kestrelpay.com", "kp-ap-archive@proton.me"]);
      return {
        now,
        anomaly: anomaly(c, og.cf, "create", A, "medium", { resource_product: "email_routing", rule: "Archive copy - compliance retention (auto-approved, no review needed)", reason: "mail for a finance alias forwarded to an external address" }),
        keys: [flagged, second, addr, login],
        rationale: "Olga manages the finance aliases from 203.0.113.33 in office hours (e.g. refunds@ to the AP team's mailbox). At 23:17 UTC a session signs in as her from 192.0.2.221, never seen before, registers kp-ap-archive@proton.me as a destination, and creates rules that keep delivering invoices@ and payments@ to the real teams while silently copying every message to that Proton mailbox. A compliance archive would be a company system, not a consumer mailbox, and the name's 'auto-approved, no review needed' is the kind of claim an attacker writes. Covert copying of finance mail from a new location at night is BEC preparation. Likely malicious.",
      };
    },
  },
  {
    n: 26, slug: "email-routing-enabled-on-prod-zone", org: "kestrel", triple: "Email Routing rule creation", verdict: "misconfiguration",
    title: "Email Routing enabled and a rule created on the production zone instead of staging: Google MX records replaced for an hour",
    techniques: ["T1114.003"],
    hard: "05:34 UTC, first-seen address, MX records of the main domain replaced (mail-hijack shape) together with a new forwarding rule.",
    deciding: "After: routing disabled on the production zone, Google MX restored, and the same rule created on the staging zone where it belonged.",
    grounding: "Cloudflare Email Routing docs: enabling it replaces the zone's MX records (breaking Google Workspace/M365 delivery) — a widely reported mistake.",
    build(c) {
      const A = T("2026-09-08T05:34:51Z"), now = A + 10 * HOUR;
      const bc = c.p("ben"), home = "198.51.100.101", z = c.z(0), zs = c.z(1);
      noise(c, A, now, 50, ["ben"]);
      routine(c, c.dash(bc), A - 6 * DAY, A - 3 * HOUR, 20, ["dns", "purge", "ddBrowse", "cfLogin"]);
      c.login(bc, A - 20 * MIN, home);
      const v = c.dash(bc, home);
      const enable = (t: number, zz: typeof z, on: boolean) => c.cf2(v, t, { type: "update", desc: on ? "Enable Email Routing" : "Disable Email Routing", method: "POST", uri: `/zones/${zz.id}/email/routing/${on ? "enable" : "disable"}`, product: "email_routing", rtype: "email_routing.settings", rid: zz.id, res: { id: zz.id, name: zz.name, enabled: on, status: on ? "ready" : "unconfigured" }, zone: zz });
      const en = enable(A - 12 * MIN, z, true);
      const dels: string[] = [];
      GOOGLE_MX.forEach(([h, p], i) => dels.push(dnsDelete(c, v, A - 11 * MIN + i * 2000, z, { type: "MX", name: z.name, content: h, proxied: false, priority: p })[0]));
      CF_MX.forEach(([h, p], i) => dnsCreate(c, v, A - 11 * MIN + 8000 + i * 2000, z, { type: "MX", name: z.name, content: h, proxied: false }));
      const flagged = routingRule(c, v, A, "events inbox", "events@kestrelpay.com", ["events-inbox@kestrel.dev"]);
      const dis = enable(A + 58 * MIN, z, false);
      CF_MX.forEach(([h, p], i) => dnsDelete(c, v, A + 59 * MIN + i * 2000, z, { type: "MX", name: z.name, content: h, proxied: false, priority: p }));
      const restore: string[] = [];
      GOOGLE_MX.forEach(([h], i) => restore.push(dnsCreate(c, v, A + 60 * MIN + i * 2000, z, { type: "MX", name: z.name, content: h, proxied: false })[0]));
      enable(A + 62 * MIN, zs, true);
      const right = routingRule(c, v, A + 63 * MIN, "events inbox", "events@kestrelpay-staging.com", ["events-inbox@kestrel.dev"]);
      return {
        now,
        anomaly: anomaly(c, bc.cf, "create", A, "medium", { resource_product: "email_routing", rule: "events inbox", reason: "Email Routing rule created and MX records replaced on the primary domain" }),
        keys: [flagged, en, dels[0]!, dis, restore[0]!, right],
        rationale: "Ben, early on a Tuesday from a new home connection, enables Email Routing on kestrelpay.com — which replaces the domain's Google Workspace MX records with Cloudflare's — and creates a rule forwarding events@ to the company's own events-inbox@kestrel.dev. Mail for the whole domain now goes to Cloudflare. Fifty-eight minutes later he disables routing on kestrelpay.com, puts the Google MX records back, enables routing on kestrelpay-staging.com and creates the identical rule for events@kestrelpay-staging.com. The destination is a company mailbox, nothing is copied outside, and the sequence is one task done first on the wrong zone, then repaired. An hour of disrupted inbound mail: misconfiguration.",
      };
    },
  },
  {
    n: 27, slug: "email-routing-security-intake", org: "kestrel", triple: "Email Routing rule creation", verdict: "benign",
    title: "Security lead routes security@ to the company's helpdesk tenant and publishes security.txt, on a Sunday from a new ISP",
    hard: "Mail forwarded to an external domain, Sunday, first-seen address, flagged high; the actor's Datadog email differs in case.",
    deciding: "History in the window: the same external helpdesk tenant already receives support@ (rule edited by her the day before); after: the docs site redeployed with security.txt naming security@.",
    grounding: "RFC 9116 security.txt and vulnerability-disclosure intake through a helpdesk (Zendesk/ServiceNow) via email forwarding.",
    build(c) {
      const A = T("2026-09-06T11:10:00Z"), now = A + 6 * HOUR;
      const ie = c.p("ines"), isp = "192.0.2.166", z = c.z(0);
      noise(c, A, now, 50, ["ines"]);
      routine(c, c.dash(ie), A - 6 * DAY, A - 28 * HOUR, 18, ["ddBrowse", "access", "gateway", "cfLogin"]);
      const vOld = c.dash(ie);
      const rid = c.r.hex(32);
      const sup = c.cf2(vOld, A - 21 * HOUR, { type: "update", desc: "Update Email Routing rule", method: "PUT", uri: `/zones/${z.id}/email/routing/rules/${rid}`, product: "email_routing", rtype: "email_routing.rule", rid, req: { name: "support intake", enabled: true, matchers: [{ type: "literal", field: "to", value: "support@kestrelpay.com" }], actions: [{ type: "forward", value: ["help@kestrelpay.zendesk.com"] }] }, res: { id: rid, name: "support intake", previous: { actions: [{ type: "forward", value: ["support-old@kestrelpay.com"] }] } }, zone: z });
      c.ddLogin(ie, A - 30 * MIN, { ip: isp });
      c.login(ie, A - 25 * MIN, isp);
      const v = c.dash(ie, isp);
      const addr = routingAddress(c, v, A - 8 * MIN, "security-intake@kestrelpay.zendesk.com");
      const flagged = routingRule(c, v, A, "security disclosures", "security@kestrelpay.com", ["security-intake@kestrelpay.zendesk.com"]);
      const dep = c.cf2(v, A + 25 * MIN, { type: "create", desc: "Create Pages deployment", method: "POST", uri: `${acct(c)}/pages/projects/kp-docs/deployments`, product: "pages", rtype: "pages.deployment", rid: c.r.uuid(), req: { branch: "main", commit_message: "add /.well-known/security.txt (Contact: mailto:security@kestrelpay.com)" } });
      c.ddBrowse(ie, A + 30 * MIN, 3, { ip: isp });
      return {
        now,
        anomaly: anomaly(c, ie.cf, "create", A, "high", { resource_product: "email_routing", rule: "security disclosures", reason: "mail forwarded to an external domain" }),
        keys: [flagged, sup, addr, dep],
        rationale: "Ines leads security. The destination, kestrelpay.zendesk.com, is the company's own helpdesk tenant: the day before, from her usual address, she repointed support@ to help@ on the same tenant. On Sunday, from a new home ISP address that her Datadog session shares, she adds security-intake@ on that tenant as a destination, routes security@ to it (replacing nothing, copying nothing elsewhere), and 25 minutes later the docs site is redeployed with a security.txt that names security@ as the contact. An intake channel being set up end to end by its owner. Benign.",
      };
    },
  },
];

export const SCENARIOS_B: Scenario[] = [...t6, ...t7, ...t8, ...t9];
