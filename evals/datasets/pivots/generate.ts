// Seeded generator of the pivots dataset: incidents whose deciding evidence lies outside the actor's own window and
// is only reached by a pivot — a key the actor created and someone else used (credential pivot), or a resource the
// actor changed and another member changed back (resource pivot). The actor's own events look ordinary.
// Run: npx tsx evals/datasets/pivots/generate.ts   — regenerating reproduces every file byte for byte.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Incident } from "../../../domain/incident.ts";
import { readmeWithTable, Scenario, UA, resetIds, writeCorpus, type Actor } from "../lib.ts";

const DIR = path.dirname(fileURLToPath(import.meta.url));

/** A key-authenticated identity (usr.email holds a uuid), used for the requests made with a key. */
function keyUser(s: Scenario, ip: string, ua: string): Actor {
  return s.person("key-user", ip, ua, { ddAuth: "API_KEY", keyUuid: true });
}

/** An admin with routine in the window and colleagues around; the flagged key creation looks like their work. */
function ddKeyScenario(o: {
  id: string; title: string; hard: string; at: string; org: string; kind: "api" | "app";
  keyName: string; user: [string, string]; use: (s: Scenario, key: { id: string; name: string }, creator: Actor) => string[];
  verdict: "likely_malicious" | "benign"; techniques?: string[]; rationale: string;
}): () => Scenario {
  return () => {
    const s = new Scenario(o.id, o.title, o.at, 240, { cf: false });
    s.hard = o.hard;
    const admin = s.person(o.user[0], o.user[1], UA.chromeMac);
    const others = [s.person(`sre.oncall@${o.org}`, o.user[1].replace(/\d+$/, "60"), UA.firefoxLinux), s.person(`platform.lead@${o.org}`, o.user[1].replace(/\d+$/, "61"), UA.safariMac)];
    s.routine(admin, { dd: 14 });
    s.noise(others, { dd: 40 }, s.windowStartMin - 300, 240);
    s.ddLogin(admin, -20);
    const keyId = s.rng.uuid();
    const created = o.kind === "api"
      ? s.ddApiKey(admin, 0, "created", o.keyName, { keyId })
      : s.dd(admin, 0, "Authentication", "created", { type: "application_key", id: keyId, name: o.keyName }, { method: "POST", path: "/api/v2/current_user/application_keys", msg: `${admin.ddEmail} created application key "${o.keyName}"` });
    const uses = o.use(s, { id: keyId, name: o.keyName }, admin);
    s.flag(created, { severity: "medium" });
    s.setLabel({ verdict: o.verdict, key_event_ids: [created, ...uses], ...(o.techniques ? { techniques: o.techniques } : {}), rationale: o.rationale });
    return s;
  };
}

const meta = (kind: "api" | "app", key: { id: string; name: string }) => ({ [kind === "api" ? "api_key" : "application_key"]: { id: key.id, name: key.name } });

const scenarios: (() => Scenario)[] = [
  ddKeyScenario({
    id: "pv-01", title: "API key created at the desk, used an hour later from a VPS to repoint the log archive", at: "2026-06-02T10:14:07Z", org: "kestrel.example", kind: "api",
    keyName: "log-shipper-eu", user: ["ines.moreau@kestrel.example", "192.0.2.31"],
    hard: "The actor's window holds one ordinary key creation from the usual desk; only the key's use by another identity from a hosting network shows the exfiltration",
    use: (s, key) => {
      const u = keyUser(s, "45.83.220.17", UA.pyRequests);
      return [
        s.ddLogs(u, 55, "archive", "modified", "audit-archive", { metadata: meta("api", key), request: false, prev: { destination: { bucket: "kestrel-audit", account_id: "111122223333" } }, next: { destination: { bucket: "ext-sync-7731", account_id: "999988887777" } } }),
        s.dd(u, 58, "Authentication", "created", { type: "application_key", id: s.rng.uuid(), name: "sync" }, { metadata: meta("api", key), request: false }),
      ];
    },
    verdict: "likely_malicious", techniques: ["T1098.001", "T1537"],
    rationale: "The key Ines created is used within the hour by another identity from a hosting provider to repoint the audit archive to an unknown cloud account and mint an application key: the credential left the organisation.",
  }),
  ddKeyScenario({
    id: "pv-02", title: "Application key used from an anonymising network to delete detection rules", at: "2026-06-03T15:40:51Z", org: "lumen.example", kind: "app",
    keyName: "grafana-sync", user: ["tomas.berg@lumen.example", "198.51.100.12"],
    hard: "Creating an application key for a dashboard sync is routine; its use from an anonymising exit to delete detection rules is outside the actor's window",
    use: (s, key) => {
      const u = keyUser(s, "185.220.101.44", UA.curl);
      return [
        s.ddRule(u, 35, "deleted", "Impossible travel on admin login", { metadata: meta("app", key), request: false }),
        s.ddRule(u, 36, "deleted", "New API key from unfamiliar ASN", { metadata: meta("app", key), request: false }),
      ];
    },
    verdict: "likely_malicious", techniques: ["T1098.001", "T1562.001"],
    rationale: "The application key is used by another identity from an anonymising network to delete two detection rules: the key was stolen or handed over, and used for defence evasion.",
  }),
  ddKeyScenario({
    id: "pv-03", title: "Agent API key replayed from abroad to mute production monitors", at: "2026-06-05T09:02:33Z", org: "harbor.example", kind: "api",
    keyName: "agent-prod-2", user: ["sam.okoye@harbor.example", "203.0.113.70"],
    hard: "A new agent key is the most common key there is; the mutes come through the key from a foreign network, not from the actor",
    use: (s, key) => {
      const u = keyUser(s, "91.203.144.9", UA.ddGo);
      return [
        s.ddMonitor(u, 80, "modified", "[prod] payments 5xx", { metadata: meta("api", key), request: false, prev: { options: { silenced: {} } }, next: { options: { silenced: { "*": null } } } }),
        s.ddMonitor(u, 81, "modified", "[prod] login failures", { metadata: meta("api", key), request: false, prev: { options: { silenced: {} } }, next: { options: { silenced: { "*": null } } } }),
      ];
    },
    verdict: "likely_malicious", techniques: ["T1098.001", "T1562.001"],
    rationale: "Another identity uses the new key from a foreign network to silence production monitors indefinitely: a leaked key used to blind detection.",
  }),
  ddKeyScenario({
    id: "pv-04", title: "Application key used by a stranger to invite an outside admin", at: "2026-06-08T13:25:12Z", org: "orbit.example", kind: "app",
    keyName: "terraform-ci", user: ["amira.haddad@orbit.example", "192.0.2.88"],
    hard: "The actor creates a CI key as platform engineers do; the invitation of an external admin through that key is only in the key's trail",
    use: (s, key) => {
      const u = keyUser(s, "102.129.153.5", UA.pyRequests);
      return [
        s.ddUser(u, 42, "created", "helpdesk@orbit-support.example.net", { metadata: meta("app", key), request: false }),
        s.ddRoleGrant(u, 43, "Datadog Admin Role", "helpdesk@orbit-support.example.net", { metadata: meta("app", key), request: false }),
      ];
    },
    verdict: "likely_malicious", techniques: ["T1098.001", "T1136.003", "T1098.003"],
    rationale: "Through the new key another identity, from a network the organisation never used, creates an outside user and grants it the admin role: persistence through a stolen credential.",
  }),
  ddKeyScenario({
    id: "pv-05", title: "Rolled-out Kubernetes agent key used by the cluster from its usual egress", at: "2026-06-09T08:11:45Z", org: "tundra.example", kind: "api",
    keyName: "k8s-agent-prod", user: ["li.na@tundra.example", "198.51.100.40"],
    hard: "A key created and immediately used by another identity looks like the malicious cases; here the user is the agent fleet, from the organisation's own egress, doing intake",
    use: (s, key) => {
      const u = keyUser(s, "198.51.100.61", "datadog-agent/7.58.2");
      return [
        s.dd(u, 12, "Request", "accessed", null, { metadata: meta("api", key), request: false, msg: "POST request made to /api/v2/series with response 202" }),
        s.dd(u, 13, "Request", "accessed", null, { metadata: meta("api", key), request: false, msg: "POST request made to /api/v1/check_run with response 202" }),
      ];
    },
    verdict: "benign",
    rationale: "The key is used only by the Datadog agent from the organisation's own egress, for metric intake: exactly what a new agent key is for.",
  }),
];

/** Another member changes back what the actor changed: only the resource's trail tells the slip from an attack. */
function revertScenario(o: {
  id: string; title: string; hard: string; at: string; cf: boolean;
  change: (s: Scenario, actor: Actor) => string; revert: (s: Scenario, other: Actor) => string; rationale: string; techniques: string[];
}): () => Scenario {
  return () => {
    const s = new Scenario(o.id, o.title, o.at, 240, o.cf ? { dd: false, cf: "Granite Labs" } : { cf: false });
    s.hard = o.hard;
    const actor = s.person("devon.price@granite.example", "203.0.113.21", UA.chromeWin);
    const lead = s.person("keiko.sato@granite.example", "203.0.113.22", UA.safariMac);
    const others = [s.person("ops.bot@granite.example", "203.0.113.23", UA.firefoxLinux)];
    const zones = ["granite.example", "docs.granite.example"];
    s.routine(actor, o.cf ? { cf: 10 } : { dd: 14 }, zones);
    s.noise([...others, lead], o.cf ? { cf: 30 } : { dd: 40 }, s.windowStartMin - 300, 240, zones);
    const change = o.change(s, actor);
    const back = o.revert(s, lead);
    s.flag(change, { severity: "high" });
    s.setLabel({ verdict: "misconfiguration", key_event_ids: [change, back], techniques: o.techniques, rationale: o.rationale });
    return s;
  };
}

scenarios.push(
  revertScenario({
    id: "pv-06", title: "Security level switched off on the shop zone, put back by the security lead", at: "2026-06-10T11:03:18Z", cf: true,
    hard: "The actor never reverts; the security lead does, twelve minutes later, which is only visible by following the zone",
    change: (s, a) => s.cfSetting(a, 0, "shop.granite.example", "security_level", "high", "essentially_off"),
    revert: (s, b) => s.cfSetting(b, 12, "shop.granite.example", "security_level", "essentially_off", "high"),
    techniques: ["T1562.007"],
    rationale: "A developer from the usual desk turns the shop zone's security level off; the security lead puts it back twelve minutes later. A slip caught by a colleague, not an attack.",
  }),
  revertScenario({
    id: "pv-07", title: "WAF switched off on the API zone, re-enabled by a colleague", at: "2026-06-11T16:44:02Z", cf: true,
    hard: "WAF off without a ticket or a revert by the actor reads as defence evasion; a teammate re-enables it on the same zone",
    change: (s, a) => s.cfSetting(a, 0, "api.granite.example", "waf", "on", "off"),
    revert: (s, b) => s.cfSetting(b, 18, "api.granite.example", "waf", "off", "on"),
    techniques: ["T1562.007"],
    rationale: "The WAF is switched off by a member from the usual address and switched on again by a colleague eighteen minutes later, with nothing else around it: a faulty change corrected by the team.",
  }),
  revertScenario({
    id: "pv-08", title: "Production monitor silenced without an end, unmuted by the on-call lead", at: "2026-06-12T09:31:40Z", cf: false,
    hard: "An endless mute is a detection-impairment shape; the on-call lead unmutes the same monitor id, visible only on the monitor trail",
    change: (s, a) => s.ddMonitor(a, 0, "modified", "[prod] checkout error rate", { monitorId: "481516234", prev: { options: { silenced: {} } }, next: { options: { silenced: { "*": null } } } }),
    revert: (s, b) => s.ddMonitor(b, 9, "modified", "[prod] checkout error rate", { monitorId: "481516234", prev: { options: { silenced: { "*": null } } }, next: { options: { silenced: {} } } }),
    techniques: ["T1562.001"],
    rationale: "A production monitor is silenced without an end by a member at the usual desk; the on-call lead unmutes the same monitor nine minutes later. A mistake corrected by the team.",
  }),
  revertScenario({
    id: "pv-09", title: "Detection rule disabled, re-enabled by the security engineer", at: "2026-06-15T14:12:26Z", cf: false,
    hard: "Disabling a detection rule is defence evasion in shape; another member re-enables the same rule, found only by following the rule",
    change: (s, a) => s.dd(a, 0, "Cloud Security Platform", "modified", { type: "security_rule", id: "abc-def-ghi", name: "Brute force on SSO" }, { method: "PUT", path: "/api/v2/security_monitoring/rules/abc-def-ghi", prev: { isEnabled: true }, next: { isEnabled: false } }),
    revert: (s, b) => s.dd(b, 15, "Cloud Security Platform", "modified", { type: "security_rule", id: "abc-def-ghi", name: "Brute force on SSO" }, { method: "PUT", path: "/api/v2/security_monitoring/rules/abc-def-ghi", prev: { isEnabled: false }, next: { isEnabled: true } }),
    techniques: ["T1562.001"],
    rationale: "A member disables a detection rule from the usual address; the security engineer re-enables it fifteen minutes later. A faulty change caught by the team, not an attack.",
  }),
  revertScenario({
    id: "pv-10", title: "Log index retention cut to one day, restored by the platform lead", at: "2026-06-17T10:20:55Z", cf: false,
    hard: "A retention cut is log impairment in shape; the platform lead restores the same index, visible only on the index's trail",
    change: (s, a) => s.ddLogs(a, 0, "index", "modified", "main", { prev: { num_retention_days: 15 }, next: { num_retention_days: 1 } }),
    revert: (s, b) => s.ddLogs(b, 25, "index", "modified", "main", { prev: { num_retention_days: 1 }, next: { num_retention_days: 15 } }),
    techniques: ["T1562.008"],
    rationale: "A member cuts the main index's retention to one day; the platform lead restores fifteen days twenty-five minutes later. A mistaken change reverted by a colleague.",
  }),
);

const esc = (s: string) => s.replace(/\|/g, "\\|");

export function buildPivots(): { files: Map<string, string>; readme: string } {
  resetIds();
  const files = new Map<string, string>();
  const rows: string[] = [];
  for (const fn of scenarios) {
    const s = fn();
    const inc = s.build();
    const parsed = Incident.safeParse(inc);
    if (!parsed.success) throw new Error(`${s.id} does not follow the incident format: ${parsed.error.message}`);
    files.set(`${s.id}.json`, `${JSON.stringify(inc, null, 2)}\n`);
    const cf = inc.sources.cloudflare as { audit_logs: unknown[] } | undefined;
    const dd = inc.sources.datadog as { audit_events: unknown[] } | undefined;
    rows.push(`| ${s.id} | ${inc.label?.verdict} | ${esc(s.title)} | ${esc(s.hard)} | ${[cf ? "CF v1" : "", dd ? "DD" : ""].filter(Boolean).join(", ")}; ${(cf?.audit_logs.length ?? 0) + (dd?.audit_events.length ?? 0)} events |`);
  }
  const readme = readmeWithTable([
    "# pivots",
    "",
    "Incidents whose deciding evidence is outside the actor's own events and is reached only by a pivot: a key the",
    "actor created and another identity used (credential pivot, pv-01–pv-05), or a resource the actor changed and",
    "another member changed back (resource pivot, pv-06–pv-10). Read without pivots, every actor's window looks like",
    "ordinary admin work or an unexplained risky change. Generated by `npx tsx evals/datasets/pivots/generate.ts`",
    "(seeded: regenerating reproduces every file byte for byte) on the builders of `evals/datasets/lib.ts`.",
    "",
    `${files.size} incidents: ${rows.filter((r) => r.includes("likely_malicious")).length} likely_malicious, ${rows.filter((r) => r.includes("misconfiguration")).length} misconfiguration, ${rows.filter((r) => r.includes("| benign |")).length} benign.`,
  ], rows);
  return { files, readme };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, readme } = buildPivots();
  await writeCorpus(DIR, files, path.join(DIR, "README.md"), readme);
  console.log(`wrote ${files.size} incidents to ${DIR}`);
}
