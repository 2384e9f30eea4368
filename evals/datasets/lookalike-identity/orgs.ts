// The four fictitious organisations of the lookalike-identity corpus (one Cloudflare account + one Datadog org
// each): their people, tokens, zones and user agents, written out as fixed data, lookups by key and name, and the
// Cloudflare permission groups token policies name.
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

// Cloudflare API token policies: permission groups by name.
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
