// The world of the lookalike-ops corpus: three fictitious organisations (one Cloudflare account + one Datadog org
// each) with their operations teams, machines, zones, dashboards and monitors, and lookups by key and name. Ids are
// drawn once from a generator seeded with the world's name.
import { hex, seeded, uuid } from "./builders.ts";

export interface Person {
  key: string;
  name: string;
  cfEmail: string;
  ddEmail: string;
  cfId: string;
  ddUuid: string;
  office: string;
  home: string;
  ua: string;
  /** a Datadog-only or Cloudflare-only person has no account in the other vendor */
  cf?: boolean;
  dd?: boolean;
}
export interface Zone {
  name: string;
  id: string;
}
export interface Org {
  key: string;
  name: string;
  accountId: string;
  accountName: string;
  ddOrg: string;
  site: string;
  ddHost: string;
  keyAuth: string;
  zones: Zone[];
  people: Person[];
  /** Datadog handles that are not people: agents and integrations (key-authenticated, usr.email = UUID) */
  machines: { uuid: string; name: string; ip: string; ua: string; type: string }[];
  dashboards: string[];
  monitors: string[];
}

const r0 = seeded("lookalike-ops/world");
const CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0";
const SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15";

function person(key: string, name: string, domain: string, office: string, home: string, ua: string, ddSpelling?: string): Person {
  const local = key;
  return {
    key,
    name,
    cfEmail: `${local}@${domain}`,
    ddEmail: `${ddSpelling ?? local}@${domain}`,
    cfId: hex(r0, 32),
    ddUuid: uuid(r0),
    office,
    home,
    ua,
  };
}
function zones(...names: string[]): Zone[] {
  return names.map((name) => ({ name, id: hex(r0, 32) }));
}

export const LARKSPUR: Org = {
  key: "larkspur",
  name: "Larkspur Outfitters",
  accountId: hex(r0, 32),
  accountName: "Larkspur Outfitters",
  ddOrg: uuid(r0),
  site: "datadoghq.eu",
  ddHost: "eu1.prod.dog",
  keyAuth: "API_AND_APP_KEY",
  zones: zones("larkspur-outfitters.com", "larkspur.shop", "larkspur-staging.com", "lrksp.io"),
  people: [
    person("priya.natarajan", "Priya Natarajan", "larkspur-outfitters.com", "203.0.113.24", "81.2.69.143", CHROME, "Priya.Natarajan"),
    person("tom.okafor", "Tom Okafor", "larkspur-outfitters.com", "203.0.113.24", "86.12.141.77", FIREFOX),
    person("hannah.berg", "Hannah Berg", "larkspur-outfitters.com", "203.0.113.24", "82.45.190.18", SAFARI),
    person("marco.ricci", "Marco Ricci", "larkspur-outfitters.com", "203.0.113.24", "93.41.220.9", CHROME_WIN),
    person("ci-deploy", "CI deploy (GitHub Actions)", "larkspur-outfitters.com", "198.51.100.40", "198.51.100.41", "cloudflare-go/0.114.0 terraform-provider-cloudflare/5.8.0"),
  ],
  machines: [
    { uuid: uuid(r0), name: "datadog-agent k8s-prod", ip: "198.51.100.60", ua: "datadog-agent/7.70.1", type: "Other" },
    { uuid: uuid(r0), name: "svc-terraform", ip: "198.51.100.40", ua: "terraform-provider-datadog/3.74.0 (go1.24.4; linux-amd64)", type: "SERVICE_ACCOUNT" },
  ],
  dashboards: ["Checkout – golden signals", "Edge – Cloudflare", "Storefront RUM", "Payments latency", "Kubernetes – prod-eu", "Logs – ingest & cost"],
  monitors: ["[prod] checkout error rate", "[prod] checkout origin health", "[prod] storefront p95 latency", "[prod] login failures", "[prod] Cloudflare origin 5xx", "[prod] payments webhook 4xx", "[prod] cache hit ratio"],
};

export const QUAYSIDE: Org = {
  key: "quayside",
  name: "Quayside Freight",
  accountId: hex(r0, 32),
  accountName: "Quayside Freight Inc",
  ddOrg: uuid(r0),
  site: "us3.datadoghq.com",
  ddHost: "us3.prod.dog",
  keyAuth: "API + App Key",
  zones: zones("quaysidefreight.com", "qsf-api.net", "qsf-stage.net", "quayside-status.com"),
  people: [
    person("dwayne.hollis", "Dwayne Hollis", "quaysidefreight.com", "192.0.2.70", "73.158.22.31", CHROME, "Dwayne.Hollis"),
    person("lena.kowalski", "Lena Kowalski", "quaysidefreight.com", "192.0.2.70", "24.14.88.203", FIREFOX),
    person("sam.reyes", "Sam Reyes", "quaysidefreight.com", "192.0.2.70", "67.180.31.5", CHROME),
    person("ana.ferreira", "Ana Ferreira", "quaysidefreight.com", "192.0.2.70", "98.207.14.66", SAFARI),
    person("kyle.brandt", "Kyle Brandt", "quaysidefreight.com", "192.0.2.71", "71.59.120.44", CHROME_WIN),
    person("automation", "automation (janitor + CI)", "quaysidefreight.com", "192.0.2.90", "192.0.2.91", "Go-http-client/2.0 qsf-janitor/1.14"),
  ],
  machines: [
    { uuid: uuid(r0), name: "datadog-agent ecs-prod", ip: "192.0.2.95", ua: "datadog-agent/7.69.3", type: "Other" },
    { uuid: uuid(r0), name: "svc-terraform", ip: "192.0.2.90", ua: "terraform-provider-datadog/3.74.0 (go1.24.4; linux-amd64)", type: "SERVICE_ACCOUNT" },
  ],
  dashboards: ["Dispatch API – overview", "Edge – Cloudflare", "Carrier webhooks", "Tracking portal RUM", "Postgres – primary", "Log volume by service"],
  monitors: ["[prod] qsf-api origin 5xx", "[prod] DNS resolution qsf-api", "[prod] carrier webhook 403 rate", "[prod] tracking p99 latency", "[prod] bot traffic share", "[prod] dispatch queue depth"],
};

export const FERNHOLLOW: Org = {
  key: "fernhollow",
  name: "Fernhollow Games",
  accountId: hex(r0, 32),
  accountName: "Fernhollow Games GmbH",
  ddOrg: uuid(r0),
  site: "datadoghq.com",
  ddHost: "us1.prod.dog",
  keyAuth: "API_AND_APP_KEY",
  zones: zones("fernhollow.gg", "fhcdn.net", "fernhollow-dev.net", "play-fernhollow.com"),
  people: [
    person("jonas.weber", "Jonas Weber", "fernhollow.gg", "198.51.100.130", "91.64.77.212", FIREFOX, "Jonas.Weber"),
    person("mei.tanaka", "Mei Tanaka", "fernhollow.gg", "198.51.100.130", "87.123.45.19", CHROME),
    person("olu.adeyemi", "Olu Adeyemi", "fernhollow.gg", "198.51.100.130", "84.159.3.201", SAFARI),
    person("felix.braun", "Felix Braun", "fernhollow.gg", "198.51.100.130", "93.231.17.88", CHROME_WIN),
    person("ines.moreau", "Ines Moreau", "fernhollow.gg", "198.51.100.130", "78.194.60.30", CHROME),
    person("svc-logs", "svc-logs (SIEM + log shipping)", "fernhollow.gg", "198.51.100.150", "198.51.100.151", "cloudflare-python/4.3.1"),
  ],
  machines: [
    { uuid: uuid(r0), name: "datadog-agent gke-prod", ip: "198.51.100.160", ua: "datadog-agent/7.70.0", type: "Other" },
    { uuid: uuid(r0), name: "svc-terraform", ip: "198.51.100.150", ua: "terraform-provider-datadog/3.73.0 (go1.24.2; linux-amd64)", type: "SERVICE_ACCOUNT" },
  ],
  dashboards: ["Matchmaking – overview", "Edge – Cloudflare", "Game servers – EU", "Player auth", "Store & payments", "Log cost"],
  monitors: ["[prod] matchmaking LB health", "[prod] edge 5xx", "[prod] player login errors", "[prod] store checkout errors", "[prod] Cloudflare logpush freshness", "[prod] game API p95"],
};

export const ORGS = [LARKSPUR, QUAYSIDE, FERNHOLLOW];

export function who(org: Org, key: string): Person {
  const p = org.people.find((x) => x.key === key);
  if (!p) throw new Error(`no person ${key} in ${org.key}`);
  return p;
}
export const zone = (org: Org, name: string): Zone => {
  const z = org.zones.find((x) => x.name === name);
  if (!z) throw new Error(`no zone ${name} in ${org.key}`);
  return z;
};
