// Test data for the vendor-tool tests: one incident built from the contract samples plus noise
// (other actors, an older event, a pivot actor on the same IP, a key-authenticated Datadog event).
import { readFileSync } from "node:fs";
import { Incident } from "../domain/incident.ts";

const cfSample = JSON.parse(readFileSync(new URL("./fixtures/contracts/cloudflare-audit-logs.sample.json", import.meta.url), "utf8")) as { result: Record<string, unknown>[] };
const ddSample = JSON.parse(readFileSync(new URL("./fixtures/contracts/datadog-audit-search.sample.json", import.meta.url), "utf8")) as { data: Record<string, unknown>[] };

export const ACTOR = "alice.ops@example.com";
export const ACTOR_IP = "203.0.113.45";
export const ACTOR_UUID = "3f1c9a62-6b0e-11ee-9c1d-da7ad0900002";
export const NOW = "2026-08-20T15:00:00Z";
export const SINCE = new Date(Date.parse(NOW) - 24 * 3600_000);
export const BEFORE = new Date(NOW);
export const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";

function v1(id: string, when: string, email: string | undefined, ip: string | undefined, type: string): Record<string, unknown> {
  return {
    id,
    action: { result: true, type },
    actor: { ...(email ? { email } : {}), id: "a".repeat(32), ...(ip ? { ip } : {}), type: "user" },
    interface: "UI",
    metadata: {},
    newValue: "",
    oldValue: "",
    owner: { id: ACCOUNT },
    resource: { id: ACCOUNT, type: "account" },
    when,
  };
}

function v2(id: string, time: string, email: string, ip: string, product: string, type: string): Record<string, unknown> {
  return {
    id,
    account: { id: ACCOUNT, name: "Example" },
    action: { description: `${product} ${type}`, result: "success", time, type },
    actor: { id: "b".repeat(32), context: "dash", email, ip_address: ip, type: "user" },
    raw: { cf_ray_id: "8e9b1c60ef9e1c9a", method: "POST", status_code: 200, uri: `/accounts/${ACCOUNT}/${product}`, user_agent: "Mozilla/5.0" },
    resource: { id: `r-${id}`, product, type: product },
    zone: { id: "z1", name: "shop.example.com" },
  };
}

function dd(id: string, ts: string, usr: Record<string, string>, ip: string | undefined, evt: string, asset: string, action: string): Record<string, unknown> {
  return {
    id,
    type: "audit",
    attributes: {
      attributes: {
        evt: { name: evt, actor: { type: "USER" } },
        usr,
        action,
        asset: { type: asset, id: `asset-${id}`, name: `${asset} ${id}` },
        auth_method: "SESSION",
        ...(ip ? { network: { client: { ip } } } : {}),
      },
      message: `${usr.email ?? usr.id} ${action} ${asset}`,
      tags: ["source:audit"],
      timestamp: ts,
    },
  };
}

/** Alice's own Cloudflare v1 events inside the window (sample minus the system event, plus fillers). */
export const CF_V1_OWN_IDS: string[] = [];
/** Alice's own v2 events inside the window. */
export const CF_V2_OWN_IDS: string[] = [];
export const DD_OWN_IDS: string[] = [];

export function buildIncident(opts: { v2?: boolean } = {}): Incident {
  CF_V1_OWN_IDS.length = 0;
  CF_V2_OWN_IDS.length = 0;
  DD_OWN_IDS.length = 0;
  const audit_logs: Record<string, unknown>[] = [...cfSample.result];
  for (const r of cfSample.result) if ((r.actor as Record<string, unknown>).email === ACTOR) CF_V1_OWN_IDS.push(r.id as string);
  for (let i = 0; i < 9; i++) {
    const id = `00000000-0000-4000-8000-00000000000${i}`;
    audit_logs.push(v1(id, `2026-08-20T1${i % 4}:0${i}:00Z`, ACTOR, ACTOR_IP, "purge"));
    CF_V1_OWN_IDS.push(id);
  }
  audit_logs.push(v1("pivot-bob-1", "2026-08-20T14:10:00Z", "bob@example.com", ACTOR_IP, "token_create"));
  audit_logs.push(v1("other-carol-1", "2026-08-20T14:11:00Z", "carol@example.com", "198.51.100.9", "login"));
  audit_logs.push(v1("old-alice-1", "2026-08-18T09:00:00Z", ACTOR, ACTOR_IP, "login"));

  const audit_logs_v2: Record<string, unknown>[] = [];
  for (let i = 0; i < 5; i++) {
    const id = `v2-alice-${i}`;
    audit_logs_v2.push(v2(id, `2026-08-20T13:0${i}:00Z`, ACTOR, ACTOR_IP, i % 2 ? "members" : "dns_records", i % 2 ? "create" : "delete"));
    CF_V2_OWN_IDS.push(id);
  }
  audit_logs_v2.push(v2("v2-bob-1", "2026-08-20T13:30:00Z", "bob@example.com", ACTOR_IP, "members", "update"));
  audit_logs_v2.push(v2("v2-carol-1", "2026-08-20T13:31:00Z", "carol@example.com", "198.51.100.9", "members", "update"));

  const audit_events: Record<string, unknown>[] = [...ddSample.data];
  for (const e of ddSample.data) DD_OWN_IDS.push(e.id as string);
  // A key-authenticated event: usr.email holds the uuid, no email anywhere.
  audit_events.push(dd("dd-key-1", "2026-08-20T14:20:00.000Z", { email: ACTOR_UUID, id: ACTOR_UUID }, "192.0.2.200", "Authentication", "api_key", "deleted"));
  DD_OWN_IDS.push("dd-key-1");
  audit_events.push(dd("dd-dave-1", "2026-08-20T14:21:00.000Z", { email: "dave@example.com", id: "dave@example.com", uuid: "dave-uuid" }, ACTOR_IP, "Monitor", "monitor", "modified"));
  audit_events.push(dd("dd-erin-1", "2026-08-20T14:22:00.000Z", { email: "erin@example.com", id: "erin@example.com", uuid: "erin-uuid" }, "198.51.100.77", "Monitor", "monitor", "modified"));
  audit_events.push(dd("dd-old-1", "2026-08-18T10:00:00.000Z", { email: ACTOR, id: ACTOR, uuid: ACTOR_UUID }, ACTOR_IP, "Monitor", "monitor", "deleted"));

  return Incident.parse({
    id: "tools-contract",
    now: NOW,
    anomaly: { id: "det-tools-1", actor: ACTOR, action: "token_create", timestamp: "2026-08-20T14:02:11Z", source: "cloudflare" },
    sources: {
      cloudflare: { account_id: ACCOUNT, audit_logs, ...(opts.v2 ? { audit_logs_v2 } : {}) },
      datadog: { site: "datadoghq.com", audit_events },
    },
  });
}
