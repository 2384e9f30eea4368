// Record builders for the lookalike-identity corpus: a seeded random source, four fictitious organisations (one
// Cloudflare account + one Datadog org each), and builders that write Cloudflare audit log v1 / v2 entries and
// Datadog Audit Trail events in the shapes the vendor APIs return, plus the background noise every incident carries.
// Nothing here reads the clock or Math.random: the same seed gives the same bytes. Record shapes are the shared
// ones of ../vendor, laid out as this corpus was first written.
import { cfRayId, cfSeconds, cfV1Entry, cfV2Entry } from "../vendor/cloudflare.ts";
import { ddEnvelope, ddHead, ddHttp, ddInnerTime } from "../vendor/datadog.ts";
import { Rng, xmur3 } from "../vendor/rng.ts";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export { Rng };

export const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad time ${iso}`);
  return t;
};
export const iso = (t: number): string => new Date(t).toISOString();

// ---------------------------------------------------------------------------------------------------------------
// Organisations and identities

export interface Person {
  key: string;
  name: string;
  cfEmail?: string; // as Cloudflare spells it (absent: no Cloudflare membership)
  ddEmail?: string; // as Datadog spells it (SSO/JIT keeps the IdP's capitals)
  cfId: string;
  ddUuid: string;
  ip: string; // usual address
  ua: string;
  /** hours added to UTC for the person's working day */
  tz: number;
  kind: "human" | "service";
}

export interface CfToken {
  id: string;
  name: string;
  /** owner person for user-owned tokens; undefined for account-owned tokens (actor known only by the token id) */
  owner?: Person;
  ips: string[];
  ua: string;
}

export interface Zone {
  name: string;
  id: string;
}

export interface Org {
  key: string;
  name: string;
  domain: string;
  cfAccountId: string;
  ddOrgUuid: string;
  site: string;
  apiHost: string;
  keyAuth: "API_AND_APP_KEY" | "API + App Key";
  /** Cloudflare v2 resource.scope is typed as an object but filtered as a string; the orgs vary between the two */
  v2ScopeAsObject: boolean;
  zones: Zone[];
  people: Person[];
  tokens: CfToken[];
  ci: string[];
}

const CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0";
const SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15";
export const UA = {
  chrome: CHROME,
  chromeWin: CHROME_WIN,
  firefox: FIREFOX,
  safari: SAFARI,
  tfCf: "terraform-provider-cloudflare/4.52.0 (+https://registry.terraform.io/providers/cloudflare/cloudflare) cloudflare-go/0.115.0",
  tfDd: "terraform-provider-datadog/3.63.0 (terraform 1.10.5; terraform-cli 1.10.5) datadog-api-client-go/2.41.0 (go go1.23.4; os linux; arch amd64)",
  curl: "curl/8.5.0",
  python: "python-requests/2.32.3",
  wrangler: "wrangler/4.28.1",
  collector: "siem-collector/2.7.1 (datadog-audit-poller)",
  grafana: "Grafana/12.1.0",
  scim: "Okta SCIM Client 1.0.0",
  nodeSdk: "Cloudflare/JS 4.5.0",
};

function person(p: Omit<Person, "kind"> & { kind?: Person["kind"] }): Person {
  return { kind: "human", ...p };
}

export type Orgs = Record<"nordwind" | "copperleaf" | "saltmarsh" | "quayside", Org>;

export function makeOrgs(): Orgs {
  const nordwind: Org = {
    key: "nordwind",
    name: "Nordwind Logistics",
    domain: "nordwind.io",
    cfAccountId: "6f1d0c2a9b3e47d58a0c1e2f3a4b5c6d",
    ddOrgUuid: "4a1e6c2e-3f7b-11ec-9d1a-da7ad0900005",
    site: "datadoghq.eu",
    apiHost: "api.datadoghq.eu",
    keyAuth: "API_AND_APP_KEY",
    v2ScopeAsObject: false,
    zones: [
      { name: "nordwind.io", id: "a3c0f1e2d4b5968778695a4b3c2d1e0f" },
      { name: "track.nordwind.io", id: "b7e2c4a6f8091a2b3c4d5e6f70819203" },
      { name: "campaign.nordwind.io", id: "c91d2e3f4a5b6c7d8e9f0a1b2c3d4e5f" },
    ],
    people: [
      person({ key: "priya", name: "Priya Raman", cfEmail: "priya.raman@nordwind.io", ddEmail: "Priya.Raman@nordwind.io", cfId: "0c7b5e1d2a3f4e5d6c7b8a9f0e1d2c3b", ddUuid: "7d2a4c10-3f7c-11ec-b1a2-da7ad0900005", ip: "192.0.2.10", ua: CHROME, tz: 2 }),
      person({ key: "tomas", name: "Tomas Berg", cfEmail: "tomas.berg@nordwind.io", ddEmail: "tomas.berg@nordwind.io", cfId: "1d8c6f2e3b4a5f6e7d8c9b0a1f2e3d4c", ddUuid: "7d2a4c11-3f7c-11ec-b1a2-da7ad0900005", ip: "203.0.113.61", ua: FIREFOX, tz: 2 }),
      person({ key: "ana", name: "Ana Lopes", cfEmail: "ana.lopes@nordwind.io", ddEmail: "ana.lopes@nordwind.io", cfId: "2e9d7a3f4c5b6a7f8e9d0c1b2a3f4e5d", ddUuid: "7d2a4c12-3f7c-11ec-b1a2-da7ad0900005", ip: "198.51.100.88", ua: SAFARI, tz: 1 }),
      person({ key: "liwei", name: "Li Wei", cfEmail: "li.wei@nordwind.io", ddEmail: "li.wei@nordwind.io", cfId: "3fae8b4a5d6c7b8a9f0e1d2c3b4a5f6e", ddUuid: "7d2a4c13-3f7c-11ec-b1a2-da7ad0900005", ip: "192.0.2.10", ua: CHROME_WIN, tz: 2 }),
      person({ key: "marek", name: "Marek Nowak", cfEmail: "marek.nowak@nordwind.io", ddEmail: "marek.nowak@nordwind.io", cfId: "4abf9c5b6e7d8c9b0a1f2e3d4c5b6a7f", ddUuid: "7d2a4c14-3f7c-11ec-b1a2-da7ad0900005", ip: "2001:db8:4a1::17", ua: FIREFOX, tz: 2 }),
      person({ key: "karin", name: "Karin Schultz", cfEmail: "k.schultz@nordwind.io", ddEmail: "k.schultz@nordwind.io", cfId: "5bc0ad6c7f8e9d0c1b2a3f4e5d6c7b8a", ddUuid: "7d2a4c15-3f7c-11ec-b1a2-da7ad0900005", ip: "192.0.2.11", ua: SAFARI, tz: 2 }),
      person({ key: "svc-tf", name: "svc-terraform", ddEmail: "svc-terraform@nordwind.io", cfId: "", ddUuid: "9b0e1f2a-4c3d-11ed-8e7f-da7ad0900005", ip: "192.0.2.140", ua: UA.tfDd, tz: 0, kind: "service" }),
      person({ key: "svc-siem", name: "svc-siem-collector", ddEmail: "svc-siem-collector@nordwind.io", cfId: "", ddUuid: "9b0e1f2b-4c3d-11ed-8e7f-da7ad0900005", ip: "192.0.2.150", ua: UA.collector, tz: 0, kind: "service" }),
      person({ key: "breakglass", name: "Break-glass admin", ddEmail: "breakglass-admin@nordwind.io", cfId: "", ddUuid: "7d2a4c19-3f7c-11ec-b1a2-da7ad0900005", ip: "192.0.2.11", ua: CHROME, tz: 2 }),
    ],
    tokens: [],
    ci: ["192.0.2.140", "192.0.2.141", "192.0.2.142", "192.0.2.143"],
  };
  nordwind.tokens = [
    { id: "e41c7a2b9d0f4e8a1b2c3d4e5f607182", name: "tf-cloudflare-prod", ips: nordwind.ci, ua: UA.tfCf },
    { id: "f52d8b3c0e1a5f9b2c3d4e5f60718293", name: "ci-deploy-nordwind", owner: nordwind.people[0], ips: nordwind.ci, ua: UA.wrangler },
  ];

  const copperleaf: Org = {
    key: "copperleaf",
    name: "Copperleaf Payments",
    domain: "copperleaf.dev",
    cfAccountId: "8a2b3c4d5e6f708192a3b4c5d6e7f801",
    ddOrgUuid: "c3d5e7f9-1a2b-11eb-a3c4-da7ad0900002",
    site: "datadoghq.com",
    apiHost: "api.datadoghq.com",
    keyAuth: "API + App Key",
    v2ScopeAsObject: true,
    zones: [
      { name: "copperleaf.dev", id: "d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6" },
      { name: "pay.copperleaf.dev", id: "e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7" },
      { name: "copperleaf-status.com", id: "f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8" },
    ],
    people: [
      person({ key: "jane", name: "Jane Doe", cfEmail: "jane.doe@copperleaf.dev", ddEmail: "Jane.Doe@copperleaf.dev", cfId: "61d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6", ddUuid: "2b4d6f80-9a1b-11ed-8c2d-da7ad0900002", ip: "198.51.100.45", ua: CHROME, tz: -4 }),
      person({ key: "omar", name: "Omar Haddad", cfEmail: "omar.haddad@copperleaf.dev", ddEmail: "omar.haddad@copperleaf.dev", cfId: "72e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7", ddUuid: "2b4d6f81-9a1b-11ed-8c2d-da7ad0900002", ip: "192.0.2.60", ua: CHROME_WIN, tz: -4 }),
      person({ key: "sofia", name: "Sofia Marin", cfEmail: "sofia.marin@copperleaf.dev", ddEmail: "sofia.marin@copperleaf.dev", cfId: "83f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8", ddUuid: "2b4d6f82-9a1b-11ed-8c2d-da7ad0900002", ip: "198.51.100.19", ua: FIREFOX, tz: -4 }),
      person({ key: "ben", name: "Ben Okafor", cfEmail: "ben.okafor@copperleaf.dev", ddEmail: "ben.okafor@copperleaf.dev", cfId: "94a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9", ddUuid: "2b4d6f83-9a1b-11ed-8c2d-da7ad0900002", ip: "192.0.2.60", ua: SAFARI, tz: -4 }),
      person({ key: "raj", name: "Raj Patel", cfEmail: "raj.patel@copperleaf.dev", ddEmail: "raj.patel@copperleaf.dev", cfId: "a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0", ddUuid: "2b4d6f84-9a1b-11ed-8c2d-da7ad0900002", ip: "203.0.113.37", ua: CHROME, tz: -7 }),
      person({ key: "grace", name: "Grace Kim", cfEmail: "grace.kim@copperleaf.dev", ddEmail: "grace.kim@copperleaf.dev", cfId: "b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1", ddUuid: "2b4d6f85-9a1b-11ed-8c2d-da7ad0900002", ip: "192.0.2.60", ua: CHROME, tz: -4 }),
      person({ key: "svc-tf", name: "svc-terraform", ddEmail: "svc-terraform@copperleaf.dev", cfId: "", ddUuid: "5e7f9a1b-2c3d-11ee-9f0a-da7ad0900002", ip: "192.0.2.200", ua: UA.tfDd, tz: 0, kind: "service" }),
    ],
    tokens: [],
    ci: ["192.0.2.200", "192.0.2.201", "192.0.2.202", "192.0.2.203"],
  };
  copperleaf.tokens = [
    { id: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", name: "zt-terraform", ips: copperleaf.ci, ua: UA.tfCf },
    { id: "1b2c3d4e5f60718293a4b5c6d7e8f90a", name: "ci-deploy-prod", ips: copperleaf.ci, ua: UA.wrangler },
    { id: "2c3d4e5f60718293a4b5c6d7e8f90a1b", name: "ci-deploy-staging", ips: copperleaf.ci, ua: UA.wrangler },
  ];

  const saltmarsh: Org = {
    key: "saltmarsh",
    name: "Saltmarsh Health",
    domain: "saltmarsh.health",
    cfAccountId: "c4d5e6f708192a3b4c5d6e7f8091a2b3",
    ddOrgUuid: "e8f0a2b4-6c7d-11ea-b5c6-da7ad0900007",
    site: "us5.datadoghq.com",
    apiHost: "api.us5.datadoghq.com",
    keyAuth: "API_AND_APP_KEY",
    v2ScopeAsObject: false,
    zones: [
      { name: "saltmarsh.health", id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0" },
      { name: "portal.saltmarsh.health", id: "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d" },
    ],
    people: [
      person({ key: "okonkwo", name: "Michael Okonkwo", cfEmail: "m.okonkwo@saltmarsh.health", ddEmail: "M.Okonkwo@saltmarsh.health", cfId: "c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2", ddUuid: "8c9d0e1f-7a8b-11eb-9c0d-da7ad0900007", ip: "198.51.100.130", ua: CHROME, tz: -5 }),
      person({ key: "elena", name: "Elena Petrova", cfEmail: "elena.petrova@saltmarsh.health", ddEmail: "elena.petrova@saltmarsh.health", cfId: "d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3", ddUuid: "8c9d0e20-7a8b-11eb-9c0d-da7ad0900007", ip: "192.0.2.90", ua: CHROME_WIN, tz: -5 }),
      person({ key: "david", name: "David Cho", cfEmail: "david.cho@saltmarsh.health", ddEmail: "david.cho@saltmarsh.health", cfId: "e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4", ddUuid: "8c9d0e21-7a8b-11eb-9c0d-da7ad0900007", ip: "198.51.100.171", ua: SAFARI, tz: -8 }),
      person({ key: "fatima", name: "Fatima Zahra", cfEmail: "fatima.zahra@saltmarsh.health", ddEmail: "fatima.zahra@saltmarsh.health", cfId: "f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5", ddUuid: "8c9d0e22-7a8b-11eb-9c0d-da7ad0900007", ip: "192.0.2.90", ua: FIREFOX, tz: -5 }),
      person({ key: "nils", name: "Nils Holm", cfEmail: "nils.holm@saltmarsh.health", ddEmail: "nils.holm@saltmarsh.health", cfId: "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5e", ddUuid: "8c9d0e23-7a8b-11eb-9c0d-da7ad0900007", ip: "203.0.113.118", ua: CHROME, tz: -5 }),
      person({ key: "scim", name: "okta-scim", ddEmail: "okta-scim@saltmarsh.health", cfId: "", ddUuid: "3f4a5b6c-8d9e-11ec-a0b1-da7ad0900007", ip: "192.0.2.170", ua: UA.scim, tz: 0, kind: "service" }),
    ],
    tokens: [],
    ci: ["192.0.2.180", "192.0.2.181"],
  };
  saltmarsh.tokens = [
    { id: "3d4e5f60718293a4b5c6d7e8f90a1b2c", name: "token-rotator", ips: ["192.0.2.185"], ua: UA.nodeSdk },
    { id: "4e5f60718293a4b5c6d7e8f90a1b2c3d", name: "ci-deploy-2026w40", ips: saltmarsh.ci, ua: UA.wrangler },
  ];

  const quayside: Org = {
    key: "quayside",
    name: "Quayside Games",
    domain: "quayside.games",
    cfAccountId: "e6f708192a3b4c5d6e7f8091a2b3c4d5",
    ddOrgUuid: "a0b2c4d6-8e9f-11e9-b7c8-da7ad0900003",
    site: "us3.datadoghq.com",
    apiHost: "api.us3.datadoghq.com",
    keyAuth: "API + App Key",
    v2ScopeAsObject: true,
    zones: [
      { name: "quayside.games", id: "2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e" },
      { name: "play.quayside.games", id: "3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f" },
      { name: "launch.quayside.games", id: "4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f90" },
    ],
    people: [
      person({ key: "lars", name: "Lars Eriksen", cfEmail: "lars.eriksen@quayside.games", ddEmail: "Lars.Eriksen@quayside.games", cfId: "1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6f", ddUuid: "6e7f8091-a2b3-11ea-c4d5-da7ad0900003", ip: "198.51.100.140", ua: CHROME, tz: 1 }),
      person({ key: "yuki", name: "Yuki Tanaka", cfEmail: "yuki.tanaka@quayside.games", ddEmail: "yuki.tanaka@quayside.games", cfId: "2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e70", ddUuid: "6e7f8092-a2b3-11ea-c4d5-da7ad0900003", ip: "192.0.2.30", ua: SAFARI, tz: 1 }),
      person({ key: "carlos", name: "Carlos Ruiz", cfEmail: "carlos.ruiz@quayside.games", ddEmail: "carlos.ruiz@quayside.games", cfId: "3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f81", ddUuid: "6e7f8093-a2b3-11ea-c4d5-da7ad0900003", ip: "198.51.100.9", ua: FIREFOX, tz: 1 }),
      person({ key: "hannah", name: "Hannah Weiss", cfEmail: "hannah.weiss@quayside.games", ddEmail: "hannah.weiss@quayside.games", cfId: "4e5f6a7b8c9d0e1f2a3b4c5d6e7f8092", ddUuid: "6e7f8094-a2b3-11ea-c4d5-da7ad0900003", ip: "192.0.2.30", ua: CHROME, tz: 1 }),
      person({ key: "ivan", name: "Ivan Petrov", cfEmail: "ivan.petrov@quayside.games", ddEmail: "ivan.petrov@quayside.games", cfId: "5f6a7b8c9d0e1f2a3b4c5d6e7f8091a3", ddUuid: "6e7f8095-a2b3-11ea-c4d5-da7ad0900003", ip: "203.0.113.52", ua: CHROME_WIN, tz: 2 }),
      person({ key: "mia", name: "Mia Laurent", cfEmail: "mia.laurent@quayside.games", ddEmail: "mia.laurent@quayside.games", cfId: "6a7b8c9d0e1f2a3b4c5d6e7f8091a2b4", ddUuid: "6e7f8096-a2b3-11ea-c4d5-da7ad0900003", ip: "198.51.100.61", ua: SAFARI, tz: 1 }),
    ],
    tokens: [],
    ci: ["192.0.2.220", "192.0.2.221"],
  };
  quayside.tokens = [
    { id: "5f60718293a4b5c6d7e8f90a1b2c3d4e", name: "gha-deploy-play", ips: quayside.ci, ua: UA.wrangler },
    { id: "60718293a4b5c6d7e8f90a1b2c3d4e5f", name: "security-automation", owner: quayside.people[4], ips: ["192.0.2.225"], ua: UA.python },
    { id: "718293a4b5c6d7e8f90a1b2c3d4e5f60", name: "tf-quayside-dns", ips: quayside.ci, ua: UA.tfCf },
  ];
  return { nordwind, copperleaf, saltmarsh, quayside };
}

export function who(org: Org, key: string): Person {
  const p = org.people.find((x) => x.key === key);
  if (!p) throw new Error(`no person ${key} in ${org.key}`);
  return p;
}
export function tok(org: Org, name: string): CfToken {
  const t = org.tokens.find((x) => x.name === name);
  if (!t) throw new Error(`no token ${name} in ${org.key}`);
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Incident context

export interface ThreatIntel {
  category: string;
  intention: "suspicious" | "benign" | "unknown";
  org: string;
  asn: number;
  country: string;
  city: string;
  infrastructure: string;
}

export interface Ctx {
  rng: Rng;
  org: Org;
  now: number;
  /** v1 only, or v1 and v2 twins (v2-only products appear only in v2) */
  cfV2: boolean;
  cf1: Record<string, unknown>[];
  cf2: Record<string, unknown>[];
  dd: Record<string, unknown>[];
  ti: Map<string, ThreatIntel>;
  /** Datadog Audit Trail retention of the org (7 days by default, 3-90 configurable) */
  ddRetentionDays: number;
}

export function newCtx(seed: string, org: Org, now: number, cfV2: boolean): Ctx {
  return { rng: Rng.fromText(seed, xmur3), org, now, cfV2, cf1: [], cf2: [], dd: [], ti: new Map(), ddRetentionDays: 7 };
}

// ---------------------------------------------------------------------------------------------------------------
// Cloudflare

export interface CfActor {
  email?: string;
  id: string;
  ip: string;
  type: string; // v1 actor.type
  v2type: "user" | "account" | "system" | "cloudflare_admin";
  context: "dash" | "api_token" | "api_key" | "oauth";
  tokenId?: string;
  tokenName?: string;
  ua: string;
}

export const cfUser = (p: Person, over: { ip?: string; ua?: string } = {}): CfActor => ({
  email: p.cfEmail,
  id: p.cfId,
  ip: over.ip ?? p.ip,
  type: "user",
  v2type: "user",
  context: "dash",
  ua: over.ua ?? p.ua,
});
/** Global API key (X-Auth-Email/X-Auth-Key) use: attributed to the key's owner. */
export const cfKey = (p: Person, ip: string, ua: string): CfActor => ({ ...cfUser(p, { ip, ua }), context: "api_key" });
/** API token use: user-owned tokens are attributed to their owner; account-owned tokens only by the token id. */
export const cfTok = (t: CfToken, over: { ip?: string; ua?: string } = {}): CfActor =>
  t.owner
    ? { ...cfUser(t.owner, { ip: over.ip ?? t.ips[0]!, ua: over.ua ?? t.ua }), context: "api_token", tokenId: t.id, tokenName: t.name }
    : { id: t.id, ip: over.ip ?? t.ips[0]!, type: "account", v2type: "account", context: "api_token", tokenId: t.id, tokenName: t.name, ua: over.ua ?? t.ua };

export interface CfV1Spec {
  type: string;
  info?: string;
  resType: string;
  resId: string;
  metadata?: Record<string, unknown>;
  newValue?: string;
  oldValue?: string;
  newValueJson?: Record<string, unknown>;
  oldValueJson?: Record<string, unknown>;
  owner?: string;
  iface?: string;
}
export interface CfV2Spec {
  type: "create" | "update" | "delete" | "view";
  desc: string;
  product: string;
  rtype: string;
  rid: string;
  method: string;
  uri: string;
  status?: number;
  request?: Record<string, unknown>;
  response?: Record<string, unknown>;
  zone?: Zone;
  scope?: "accounts" | "zones" | "user" | "memberships";
}
export interface CfSpec {
  t: number;
  a: CfActor;
  v1?: CfV1Spec;
  v2?: CfV2Spec;
  ok?: boolean;
}
export interface CfIds {
  v1?: string;
  v2?: string;
  /** the id a report should cite: v2 when the incident carries v2, else v1 */
  cite: string;
}

function v1When(ctx: Ctx, t: number): string {
  const s = iso(t);
  if (ctx.rng.chance(0.5)) return s.replace(/\.\d{3}Z$/, "Z");
  return s.replace(/Z$/, String(ctx.rng.int(0, 999)).padStart(3, "0") + "Z");
}

/** The actor's email as both logs show it: account-owned tokens have none. */
const email = (a: CfActor): string | undefined => (a.email && a.v2type !== "account" ? a.email : undefined);

export function cf(ctx: Ctx, s: CfSpec): CfIds {
  const { rng, org } = ctx;
  const ok = s.ok ?? true;
  const out: { v1?: string; v2?: string } = {};
  if (s.v1) {
    const id = rng.uuid();
    const e = cfV1Entry(
      {
        id,
        type: s.v1.type,
        result: ok,
        info: s.v1.info || undefined,
        actor: { email: email(s.a), id: s.a.id, ip: s.a.ip, type: s.a.type },
        interface: s.v1.iface ?? (s.a.context === "dash" ? (s.v1.type === "login" ? "" : "UI") : "API"),
        metadata: s.v1.metadata ?? {},
        newValue: s.v1.newValue ?? "",
        oldValue: s.v1.oldValue ?? "",
        newValueJson: s.v1.newValueJson || undefined,
        oldValueJson: s.v1.oldValueJson || undefined,
        owner: s.v1.owner ?? org.cfAccountId,
        resource: { id: s.v1.resId, type: s.v1.resType },
        when: v1When(ctx, s.t),
      },
      { json: "after-values", infoFirst: true },
    );
    ctx.cf1.push(e);
    out.v1 = id;
  }
  if (s.v2 && ctx.cfV2) {
    const id = rng.hex(32);
    const scope = s.v2.scope ?? (s.v2.zone ? "zones" : "accounts");
    const e = cfV2Entry({
      id,
      account: { id: org.cfAccountId, name: org.name },
      description: s.v2.desc,
      result: ok ? "success" : "failure",
      time: cfSeconds(s.t),
      type: s.v2.type,
      actor: { id: s.a.id, context: s.a.context, email: email(s.a), ip_address: s.a.ip, token_id: s.a.tokenId || undefined, token_name: s.a.tokenId ? s.a.tokenName : undefined, type: s.a.v2type },
      rayId: cfRayId(rng.next),
      method: s.v2.method,
      status: s.v2.status ?? (ok ? 200 : 403),
      uri: s.v2.uri,
      ua: s.a.ua,
      resource: {
        id: s.v2.rid,
        product: s.v2.product,
        request: s.v2.request ?? {},
        response: s.v2.response ?? {},
        scope: org.v2ScopeAsObject ? { id: s.v2.zone ? s.v2.zone.id : org.cfAccountId, type: scope } : scope,
        type: s.v2.rtype,
      },
      zone: s.v2.zone ? { id: s.v2.zone.id, name: s.v2.zone.name } : undefined,
    });
    ctx.cf2.push(e);
    out.v2 = id;
  }
  const cite = (ctx.cfV2 ? out.v2 : out.v1) ?? out.v1 ?? out.v2;
  if (!cite) throw new Error("cf(): neither a v1 nor an emitted v2 entry; give v1 or build the incident with v2");
  return { ...out, cite };
}

const acct = (ctx: Ctx) => `/accounts/${ctx.org.cfAccountId}`;

export function cfLogin(ctx: Ctx, a: CfActor, t: number, ok = true): CfIds {
  return cf(ctx, {
    t,
    a,
    ok,
    v1: { type: "login", resType: "account", resId: a.id, owner: a.id },
    v2: { type: "create", desc: ok ? "Login" : "Login failed", product: "user", rtype: "session", rid: a.id, method: "POST", uri: "/login", scope: "user" },
  });
}

export interface TokenPolicy {
  effect: "allow" | "deny";
  permission_groups: { id: string; name: string }[];
  resources: Record<string, string>;
}
const PG: Record<string, string> = {
  "DNS Write": "4755a26eedb94da69e1066d98aa820be",
  "DNS Read": "82e64a83756745bbbb1c9c2701bf816b",
  "Cache Purge": "e17beae8b8cb423a99b1730f21238bed",
  "Zone Write": "e6d2666161e84845a636613608cee8d5",
  "Zone Settings Write": "3030687196b94b638145a3953da2b699",
  "Workers Scripts Write": "e086da7e2179491d91ee5f35b3ca210a",
  "Account Settings Write": "1af1fa2adc104452b74a9a3364202f20",
  "Access: Apps and Policies Write": "959972745952452f8be2452be8cbb9f2",
  "Logs Write": "96163bd1b0784f62b3e44ed8c2ab1eb6",
  "API Tokens Write": "686d18d5ac6c441c867cbf6771e58a0a",
  "Account Settings Read": "c1fde68c7bcc44588cbb6ddbc16d6480",
  "Zone Read": "c8fed203ed3043cba015a93ad1616f1f",
};
export function policy(perms: string[], resources: Record<string, string>): TokenPolicy {
  return {
    effect: "allow",
    permission_groups: perms.map((name) => ({ id: PG[name] ?? "00000000000000000000000000000000", name })),
    resources,
  };
}

export function cfTokenCreate(
  ctx: Ctx,
  a: CfActor,
  t: number,
  tk: { id: string; name: string; policies: TokenPolicy[]; ipIn?: string[]; notAfter?: string; accountOwned?: boolean },
): CfIds {
  const body: Record<string, unknown> = { name: tk.name, policies: tk.policies };
  if (tk.ipIn) body.condition = { request_ip: { in: tk.ipIn } };
  if (tk.notAfter) body.expires_on = tk.notAfter;
  const tag = ctx.rng.hex(32);
  return cf(ctx, {
    t,
    a,
    v1: { type: "token_create", resType: tk.accountOwned ? "account" : "user", resId: tk.accountOwned ? ctx.org.cfAccountId : a.id, metadata: { token_name: tk.name, token_tag: tag } },
    v2: {
      type: "create",
      desc: "Create API token",
      product: "api_tokens",
      rtype: tk.accountOwned ? "account_token" : "user_token",
      rid: tk.id,
      method: "POST",
      uri: tk.accountOwned ? `${acct(ctx)}/tokens` : "/user/tokens",
      request: body,
      response: { id: tk.id, name: tk.name, status: "active", issued_on: iso(t).replace(/\.\d{3}Z$/, "Z"), expires_on: tk.notAfter ?? null },
      scope: tk.accountOwned ? "accounts" : "user",
    },
  });
}

export function cfTokenRevoke(ctx: Ctx, a: CfActor, t: number, tk: { id: string; name: string; accountOwned?: boolean }): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: {
      type: "token_revoke",
      resType: tk.accountOwned ? "account" : "user",
      resId: tk.accountOwned ? ctx.org.cfAccountId : a.id,
      metadata: { token_name: tk.name, token_tag: ctx.rng.hex(32), old_token_status: "active", new_token_status: "revoked" },
    },
    v2: {
      type: "delete",
      desc: "Delete API token",
      product: "api_tokens",
      rtype: tk.accountOwned ? "account_token" : "user_token",
      rid: tk.id,
      method: "DELETE",
      uri: tk.accountOwned ? `${acct(ctx)}/tokens/${tk.id}` : `/user/tokens/${tk.id}`,
      scope: tk.accountOwned ? "accounts" : "user",
    },
  });
}

export function cfKeyView(ctx: Ctx, a: CfActor, t: number): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: { type: "API_key_view", resType: "api_key", resId: a.id, owner: a.id },
    v2: { type: "view", desc: "View Global API key", product: "user", rtype: "api_key", rid: a.id, method: "GET", uri: "/user/api_key", scope: "user" },
  });
}
export function cfKeyRotate(ctx: Ctx, a: CfActor, t: number): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: { type: "rotate_API_key", info: `key digest: ${ctx.rng.hex(64)}`, resType: "api_key", resId: a.id, owner: a.id },
    v2: { type: "update", desc: "Roll Global API key", product: "user", rtype: "api_key", rid: a.id, method: "PUT", uri: "/user/api_key", scope: "user" },
  });
}

export interface DnsRec {
  type: string;
  name: string;
  content: string;
  proxied?: boolean;
  ttl?: number;
}
function recJson(ctx: Ctx, z: Zone, r: DnsRec, recId: string) {
  return { content: r.content, id: recId, name: r.name, proxied: r.proxied ?? false, ttl: r.ttl ?? 1, type: r.type, zone_id: z.id, zone_name: z.name };
}
export function cfRecAdd(ctx: Ctx, a: CfActor, t: number, z: Zone, r: DnsRec): CfIds {
  const recId = ctx.rng.hex(32);
  const j = recJson(ctx, z, r, recId);
  return cf(ctx, {
    t,
    a,
    v1: { type: "rec_add", resType: "DNS_record", resId: String(ctx.rng.int(10_000_000_000, 19_999_999_999)), metadata: { zone_name: z.name }, newValueJson: j },
    v2: { type: "create", desc: "Create DNS record", product: "dns_records", rtype: "dns_record", rid: recId, method: "POST", uri: `/zones/${z.id}/dns_records`, zone: z, request: { type: r.type, name: r.name, content: r.content, proxied: r.proxied ?? false, ttl: r.ttl ?? 1 }, response: j },
  });
}
export function cfRecDel(ctx: Ctx, a: CfActor, t: number, z: Zone, r: DnsRec): CfIds {
  const recId = ctx.rng.hex(32);
  const j = recJson(ctx, z, r, recId);
  return cf(ctx, {
    t,
    a,
    v1: { type: "rec_del", resType: "DNS_record", resId: String(ctx.rng.int(10_000_000_000, 19_999_999_999)), metadata: { zone_name: z.name }, oldValueJson: j },
    v2: { type: "delete", desc: "Delete DNS record", product: "dns_records", rtype: "dns_record", rid: recId, method: "DELETE", uri: `/zones/${z.id}/dns_records/${recId}`, zone: z, response: { id: recId } },
  });
}
export function cfPurge(ctx: Ctx, a: CfActor, t: number, z: Zone, files?: string[]): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: { type: "purge", resType: "zone", resId: z.id, metadata: { zone_name: z.name } },
    v2: { type: "create", desc: "Purge cache", product: "cache_purge", rtype: "purge", rid: z.id, method: "POST", uri: `/zones/${z.id}/purge_cache`, zone: z, request: files ? { files } : { purge_everything: true } },
  });
}
export function cfSetting(ctx: Ctx, a: CfActor, t: number, z: Zone, name: string, type: string, oldV: string, newV: string): CfIds {
  return cf(ctx, {
    t,
    a,
    v1: { type: "change_setting", resType: "zone", resId: z.id, metadata: { name, type, value: newV, zone_name: z.name }, newValue: newV, oldValue: oldV },
    v2: { type: "update", desc: "Update zone setting", product: "zone_settings", rtype: name, rid: z.id, method: "PATCH", uri: `/zones/${z.id}/settings/${name}`, zone: z, request: { value: newV }, response: { id: name, value: newV, editable: true } },
  });
}
/** An entry that exists only in the v2 log (products v1 never covered). */
export function cf2(ctx: Ctx, t: number, a: CfActor, v2: CfV2Spec, ok = true): CfIds {
  return cf(ctx, { t, a, v2, ok });
}

// ---------------------------------------------------------------------------------------------------------------
// Datadog

export interface DdActor {
  handle: string;
  email: string;
  uuid: string;
  type: "USER" | "SERVICE_ACCOUNT" | "Other" | "SYSTEM" | "SUPPORT_USER";
  auth: string;
  ip: string;
  ua: string;
}
export const ddUser = (p: Person, over: { ip?: string; ua?: string; email?: string } = {}): DdActor => ({
  handle: over.email ?? p.ddEmail ?? p.name,
  email: over.email ?? p.ddEmail ?? p.name,
  uuid: p.ddUuid,
  type: p.kind === "service" ? "SERVICE_ACCOUNT" : "USER",
  auth: "SESSION",
  ip: over.ip ?? p.ip,
  ua: over.ua ?? p.ua,
});
/** Key-authenticated activity: usr.email is the key owner's UUID (as Datadog records it). */
export const ddKey = (ctx: Ctx, p: Person, over: { ip?: string; ua?: string } = {}): DdActor => ({
  handle: p.ddEmail ?? p.name,
  email: p.ddUuid,
  uuid: p.ddUuid,
  type: p.kind === "service" ? "SERVICE_ACCOUNT" : "Other",
  auth: ctx.org.keyAuth,
  ip: over.ip ?? p.ip,
  ua: over.ua ?? p.ua,
});

export interface DdAsset {
  type: string;
  id: string;
  name: string;
  prev_value?: Record<string, unknown>;
  new_value?: Record<string, unknown>;
}

function ddId(ctx: Ctx, t: number): string {
  const ts = Buffer.from(t.toString(16).padStart(12, "0"), "hex").toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `AQAAA${ts}${ctx.rng.b64(6)}AAAAABBWm${ctx.rng.b64(24)}`;
}

function tiBlock(ti: ThreatIntel, ip: string) {
  return {
    indicators_matched: ["IP"],
    results: [
      {
        indicator: ip,
        additional_data: {
          as: { number: ti.asn, organization: ti.org },
          infrastructure: ti.infrastructure,
          organization: ti.org,
          location: { country: ti.country, city: ti.city },
        },
        source: { name: "spur", type: "managed", url: "https://spur.us" },
        type: "IP",
        category: ti.category,
        intention: ti.intention,
      },
    ],
  };
}

interface DdRaw {
  t: number;
  a: DdActor;
  evt?: string;
  action: string;
  asset?: DdAsset;
  message: string;
  status?: "info" | "warn" | "error";
  http?: { method: string; path: string; status: string };
  network?: boolean;
  metadata?: Record<string, unknown>;
}

export function ddRaw(ctx: Ctx, r: DdRaw): string {
  const id = ddId(ctx, r.t);
  const transport: Record<string, unknown> = {};
  if (r.http) transport.http = ddHttp({ status: r.http.status, path: r.http.path, host: ctx.org.apiHost, method: r.http.method, ua: r.a.ua });
  if (r.http || r.network) {
    const bytesRead = r.http && r.http.method !== "GET" ? ctx.rng.int(80, 1800) : 0;
    transport.network = { bytes_read: bytesRead, client: { ip: r.a.ip }, bytes_written: ctx.rng.int(200, 24000) };
    if (!r.http) transport.http = { useragent: r.a.ua };
    const ti = ctx.ti.get(r.a.ip);
    if (ti) transport.threat_intel = tiBlock(ti, r.a.ip);
  }
  const timestamp = ddInnerTime(r.t, String(ctx.rng.int(0, 999)).padStart(3, "0"));
  const usr = { id: r.a.handle, email: r.a.email, uuid: r.a.uuid };
  const inner = ddHead({ status: r.status ?? "info", transport, timestamp, org: ctx.org.ddOrgUuid, evtName: r.evt, actorType: r.a.type, usr });
  inner.action = r.action;
  if (r.asset) inner.asset = r.asset;
  inner.auth_method = r.a.auth;
  if (r.metadata) inner.metadata = r.metadata;
  ctx.dd.push(ddEnvelope({ attributes: inner, message: r.message, timestamp: iso(r.t), id }));
  return id;
}

const who_ = (a: DdActor) => (a.email === a.uuid ? a.uuid : a.email);

export function ddReq(ctx: Ctx, a: DdActor, t: number, method: string, path: string, status = "200"): string {
  return ddRaw(ctx, {
    t,
    a,
    evt: "Request",
    action: "accessed",
    http: { method, path, status },
    message: `${method} request made to ${path} by ${who_(a)} with response ${status}`,
    status: status.startsWith("2") ? "info" : status.startsWith("4") ? "warn" : "error",
  });
}

export interface DdActSpec {
  evt: string;
  action: string;
  asset: DdAsset;
  message: string;
  req?: { method: string; path: string; status?: string };
  status?: "info" | "warn" | "error";
}
/** A product event preceded (by a few ms) by the API request that caused it. Returns the product event id. */
export function ddAct(ctx: Ctx, a: DdActor, t: number, s: DdActSpec): { id: string; req?: string } {
  let req: string | undefined;
  if (s.req) req = ddReq(ctx, a, t - ctx.rng.int(15, 90), s.req.method, s.req.path, s.req.status);
  const id = ddRaw(ctx, { t, a, evt: s.evt, action: s.action, asset: s.asset, message: s.message, status: s.status });
  return { id, req };
}

export function ddLogin(ctx: Ctx, a: DdActor, t: number, method: "SAML" | "password" | "Google", ok = true, reason?: string): string {
  return ddRaw(ctx, {
    t,
    a,
    evt: "Authentication",
    action: "login",
    network: true,
    status: ok ? "info" : "error",
    metadata: ok ? { login_method: method } : { login_method: method, failure_reason: reason ?? "unknown" },
    message: ok ? `${a.email} logged in` : `${a.email} failed to log in (${reason ?? "error"})`,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Background noise: other people's routine, the actor's own routine, older history

const DD_VIEWS = [
  "/api/v1/dashboard/abc-4xk-9pq",
  "/api/v1/dashboard/k2m-7rt-3vd",
  "/api/v1/monitor",
  "/api/v2/logs/events/search",
  "/api/v1/monitor/search",
  "/api/v2/incidents",
  "/api/v1/notebooks",
  "/api/v2/slo",
  "/api/v1/query",
];
const MONITORS = ["[prod] api p95 latency", "[prod] 5xx rate edge", "[prod] queue depth", "[staging] deploy health", "[prod] db replica lag", "[prod] login error rate", "[prod] cert expiry"];
const DASHBOARDS = ["Edge overview", "Checkout funnel", "API latency by route", "Cloudflare WAF events", "Capacity planning", "On-call overview"];
const RECNAMES = ["docs", "blog", "status", "eu-west", "img", "cdn", "staging", "preview", "beta", "assets", "mail", "hooks"];

export function ddRoutine(ctx: Ctx, p: Person, t: number, a = ddUser(p)): void {
  const { rng } = ctx;
  const r = rng.next();
  if (r < 0.55) {
    ddReq(ctx, a, t, "GET", rng.pick(DD_VIEWS));
  } else if (r < 0.72) {
    const name = rng.pick(MONITORS);
    const muted = rng.chance(0.5);
    const id = String(rng.int(10_000_000, 99_999_999));
    ddAct(ctx, a, t, {
      evt: "Monitor",
      action: "modified",
      asset: { type: "monitor", id, name, prev_value: { name, options: { silenced: muted ? {} : { "*": null } } }, new_value: { name, options: { silenced: muted ? { "*": null } : {} } } },
      message: `${a.email} ${muted ? "muted" : "unmuted"} monitor "${name}"`,
      req: { method: "PUT", path: `/api/v1/monitor/${id}`, status: "200" },
    });
  } else if (r < 0.87) {
    const name = rng.pick(DASHBOARDS);
    const id = `${rng.b64(3).toLowerCase()}-${rng.b64(3).toLowerCase()}-${rng.b64(3).toLowerCase()}`;
    ddAct(ctx, a, t, {
      evt: "Dashboard",
      action: "modified",
      asset: { type: "dashboard", id, name, prev_value: { title: name, widgets: rng.int(6, 14) }, new_value: { title: name, widgets: rng.int(6, 15) } },
      message: `${a.email} modified dashboard "${name}"`,
      req: { method: "PUT", path: `/api/v1/dashboard/${id}`, status: "200" },
    });
  } else {
    ddReq(ctx, a, t, "POST", "/api/v2/logs/events/search", "200");
  }
}

export function cfRoutine(ctx: Ctx, p: Person, t: number, a = cfUser(p)): void {
  const { rng, org } = ctx;
  const z = rng.pick(org.zones);
  const r = rng.next();
  if (r < 0.3) {
    cfPurge(ctx, a, t, z, [`https://${z.name}/${rng.pick(["", "index.html", "app.js", "styles.css", "assets/main.js"])}`]);
  } else if (r < 0.55) {
    const name = `${rng.pick(RECNAMES)}.${z.name}`;
    const content = `192.0.2.${rng.int(20, 250)}`;
    cfRecDel(ctx, a, t, z, { type: "A", name, content: `192.0.2.${rng.int(20, 250)}`, proxied: true });
    cfRecAdd(ctx, a, t + rng.int(5, 40) * 1000, z, { type: "A", name, content, proxied: true });
  } else if (r < 0.65) {
    cfRecAdd(ctx, a, t, z, { type: "CNAME", name: `${rng.pick(RECNAMES)}-${rng.int(2, 9)}.${z.name}`, content: `${org.key}-web.pages.dev`, proxied: true });
  } else if (r < 0.72) {
    const lv = rng.pick(["medium", "high"]);
    cfSetting(ctx, a, t, z, "security_level", "firewall", lv === "high" ? "medium" : "high", lv);
  } else if (r < 0.86 && ctx.cfV2) {
    const script = rng.pick(["edge-router", "img-resizer", "geo-redirect", "ab-split"]);
    cf2(ctx, t, a, { type: "update", desc: "Upload Worker script", product: "workers", rtype: "script", rid: script, method: "PUT", uri: `${acct(ctx)}/workers/scripts/${script}`, request: { main_module: "index.js", compatibility_date: "2026-06-01" } });
  } else if (ctx.cfV2) {
    const rid = rng.hex(32);
    cf2(ctx, t, a, { type: "update", desc: "Update ruleset", product: "rulesets", rtype: "ruleset", rid, method: "PUT", uri: `/zones/${z.id}/rulesets/${rid}`, zone: z, request: { rules: [{ action: "managed_challenge", expression: `(http.request.uri.path contains \"/wp-login\")`, enabled: true }] } });
  } else {
    cfPurge(ctx, a, t, z);
  }
}

/** Working-hours sessions for a person between from and to: a Datadog login now and then, then a few actions. */
export function sessions(
  ctx: Ctx,
  p: Person,
  from: number,
  to: number,
  opts: { perDay?: number; cf?: boolean; dd?: boolean; ddA?: DdActor; cfA?: CfActor } = {},
): void {
  const { rng } = ctx;
  const perDay = opts.perDay ?? 2;
  const doCf = opts.cf ?? !!p.cfEmail;
  const doDd = opts.dd ?? !!p.ddEmail;
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    const dow = new Date(day).getUTCDay();
    if ((dow === 0 || dow === 6) && rng.chance(0.8)) continue;
    for (let s = 0; s < perDay; s++) {
      let t = day + (rng.int(8, 17) - p.tz) * HOUR + rng.int(0, 59) * MIN;
      if (t < from || t > to) continue;
      if (doDd && rng.chance(0.5)) ddLogin(ctx, opts.ddA ?? ddUser(p), t, "SAML");
      const n = rng.int(2, 7);
      for (let i = 0; i < n; i++) {
        t += rng.int(1, 14) * MIN + rng.int(0, 59) * 1000;
        if (t > to) break;
        if (doCf && (!doDd || rng.chance(0.4))) cfRoutine(ctx, p, t, opts.cfA);
        else if (doDd) ddRoutine(ctx, p, t, opts.ddA);
      }
    }
  }
}

/** CI deploys through a Cloudflare token: purges (and a DNS touch now and then) from the runners. */
export function ciDeploys(ctx: Ctx, token: CfToken, from: number, to: number, perDay: number, zone?: Zone): void {
  const { rng, org } = ctx;
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    for (let i = 0; i < perDay; i++) {
      const t = day + rng.int(7, 19) * HOUR + rng.int(0, 3599) * 1000;
      if (t < from || t > to) continue;
      const a = cfTok(token, { ip: rng.pick(token.ips) });
      cfPurge(ctx, a, t, zone ?? rng.pick(org.zones));
    }
  }
}

/** Key-authenticated polling by a Datadog identity (a collector, an exporter, a CI check). */
export function ddPolling(ctx: Ctx, a: DdActor, from: number, to: number, everyMs: number, paths: string[], method = "GET"): void {
  const { rng } = ctx;
  for (let t = from + rng.int(0, everyMs); t < to; t += everyMs + rng.int(-everyMs / 10, everyMs / 10)) {
    ddReq(ctx, a, Math.round(t), method, rng.pick(paths), "200");
  }
}

/** Everyone else's work in the org, from `from` to `to` (Datadog keeps 7 days by default). */
export function orgNoise(ctx: Ctx, from: number, to: number, skip: string[] = [], perDay = 1, ci = true): void {
  for (const p of ctx.org.people) {
    if (p.kind === "service" || skip.includes(p.key) || p.key === "breakglass") continue;
    sessions(ctx, p, from, to, { perDay });
  }
  const ciTok = ctx.org.tokens.find((t) => t.name.startsWith("ci-deploy") || t.name.startsWith("gha-"));
  if (ci && ciTok) ciDeploys(ctx, ciTok, from, to, 2);
}

export function finish(ctx: Ctx) {
  const byWhen = (x: Record<string, unknown>) => String(x.when);
  const byTime = (x: Record<string, unknown>) => String((x.action as { time: string }).time);
  const byDd = (x: Record<string, unknown>) => String((x.attributes as { timestamp: string }).timestamp);
  const ms = (s: string) => Date.parse(s);
  const desc = (f: (x: Record<string, unknown>) => string) => (a: Record<string, unknown>, b: Record<string, unknown>) => ms(f(b)) - ms(f(a));
  const inWindow = (s: string) => ms(s) <= ctx.now;
  return {
    cf1: ctx.cf1.filter((x) => inWindow(byWhen(x))).sort(desc(byWhen)),
    cf2: ctx.cf2.filter((x) => inWindow(byTime(x))).sort(desc(byTime)),
    dd: ctx.dd.filter((x) => inWindow(byDd(x)) && ms(byDd(x)) >= ctx.now - ctx.ddRetentionDays * DAY).sort(desc(byDd)),
  };
}
