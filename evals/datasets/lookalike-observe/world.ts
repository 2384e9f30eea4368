// The fictitious organisations of the lookalike-observe corpus (one Cloudflare account + one Datadog org each),
// their people, and the per-incident workspace (`World`) that scenario code writes vendor records into.
import {
  Cloudflare, DAY, Datadog, HOUR, MIN, Rng, UA, cfRoutine, ddBrowse,
  type DdEvent, type CfV1, type CfV2, type Org, type Person,
} from "./records.ts";

export type Verdict = "likely_malicious" | "misconfiguration" | "benign";

function org(name: string, o: Omit<Org, "ddOrgUuid" | "cfAccountId" | "zones"> & { zoneNames: string[] }): Org {
  const rng = new Rng(`org:${name}`);
  return {
    name: o.name, domain: o.domain, ddSite: o.ddSite, ddHost: o.ddHost, cfAccountName: o.cfAccountName, keyAuth: o.keyAuth, tz: o.tz,
    ddOrgUuid: rng.ddUuid(),
    cfAccountId: rng.hex(32),
    zones: o.zoneNames.map((z) => ({ id: rng.hex(32), name: z })),
  };
}

export const ORGS = {
  kestrel: org("kestrel", { name: "kestrel", domain: "kestrelfreight.com", ddSite: "datadoghq.eu", ddHost: "app.datadoghq.eu", cfAccountName: "Kestrel Freight", keyAuth: "API_AND_APP_KEY", tz: 2, zoneNames: ["kestrelfreight.com", "kestrel-track.eu"] }),
  tidewell: org("tidewell", { name: "tidewell", domain: "tidewell.io", ddSite: "datadoghq.com", ddHost: "app.datadoghq.com", cfAccountName: "Tidewell", keyAuth: "API + App Key", tz: -4, zoneNames: ["tidewell.io", "tidewell-status.com"] }),
  oakhollow: org("oakhollow", { name: "oakhollow", domain: "oakhollow.dev", ddSite: "us5.datadoghq.com", ddHost: "us5.datadoghq.com", cfAccountName: "Oak Hollow Software", keyAuth: "API + App Key", tz: -7, zoneNames: ["oakhollow.dev", "oakhollow.app"] }),
  saltmarsh: org("saltmarsh", { name: "saltmarsh", domain: "saltmarsh.health", ddSite: "us3.datadoghq.com", ddHost: "us3.datadoghq.com", cfAccountName: "Saltmarsh Health", keyAuth: "API_AND_APP_KEY", tz: -5, zoneNames: ["saltmarsh.health", "saltmarsh-portal.com"] }),
} as const;
export type OrgKey = keyof typeof ORGS;

const HOME_IPS: Record<OrgKey, string[]> = {
  kestrel: ["198.51.100.21", "198.51.100.22", "198.51.100.23", "198.51.100.24", "198.51.100.25", "198.51.100.26", "198.51.100.27", "198.51.100.28"],
  tidewell: ["203.0.113.31", "203.0.113.32", "203.0.113.33", "203.0.113.34", "203.0.113.35", "203.0.113.36", "203.0.113.37", "203.0.113.38"],
  oakhollow: ["192.0.2.41", "192.0.2.42", "192.0.2.43", "192.0.2.44", "192.0.2.45", "192.0.2.46", "192.0.2.47", "192.0.2.48"],
  saltmarsh: ["198.51.100.61", "198.51.100.62", "198.51.100.63", "198.51.100.64", "198.51.100.65", "198.51.100.66", "198.51.100.67", "198.51.100.68"],
};
const BROWSERS = [UA.macChrome, UA.winEdge, UA.linuxFirefox, UA.macSafari];

/** The people of an org; `ddCase` gives the Datadog spelling when SSO kept the IdP's capitals. */
export function people(o: OrgKey): Record<string, Person> {
  const rng = new Rng(`people:${o}`);
  const d = ORGS[o].domain;
  const roster: Record<OrgKey, [string, string?][]> = {
    kestrel: [["marta.lindqvist", "Marta.Lindqvist"], ["ruben.castillo"], ["ingrid.holm"], ["tomas.berg"], ["ana.petrovic"], ["lars.eklund"], ["noor.haddad", "Noor.Haddad"]],
    tidewell: [["jamal.reed"], ["priya.nair", "Priya.Nair"], ["owen.fischer"], ["dana.cho"], ["luis.ortega"], ["sam.whitaker"], ["grace.obi"]],
    oakhollow: [["aiko.tanaka", "Aiko.Tanaka"], ["ben.morales"], ["claire.dubois"], ["dev.raman"], ["eli.strand"], ["fatima.zahir"], ["hugo.lind"]],
    saltmarsh: [["jonas.weber", "Jonas.Weber"], ["kira.novak"], ["leo.brandt"], ["mia.santos"], ["nils.vik"], ["olga.ivanova"], ["paul.mensah"]],
  };
  const out: Record<string, Person> = {};
  roster[o].forEach(([handle, ddCase], i) => {
    out[handle] = {
      dd: `${ddCase ?? handle}@${d}`,
      cf: `${handle}@${d}`,
      ddUuid: rng.ddUuid(),
      cfId: rng.hex(32),
      ip: HOME_IPS[o][i]!,
      ua: BROWSERS[i % BROWSERS.length]!,
      kind: "user",
    };
  });
  return out;
}

export function service(o: OrgKey, handle: string, ip: string, ua: string): Person {
  const rng = new Rng(`svc:${o}:${handle}`);
  return { dd: `${handle}@${ORGS[o].domain}`, cf: `${handle}@${ORGS[o].domain}`, ddUuid: rng.ddUuid(), cfId: rng.hex(32), ip, ua, kind: "service" };
}

export interface Anomaly {
  id: string;
  actor: string;
  action: string;
  timestamp: string;
  source: string;
  severity: "low" | "medium" | "high" | "critical";
  detector: string;
  details?: Record<string, unknown>;
}

export interface Built {
  anomaly: Anomaly;
  now: number;
  keys: string[];
  techniques: string[];
  rationale: string;
  faults?: Record<string, string>;
}

/** One incident's workspace: the org, its two vendors' record sinks, and timing helpers around the anomaly. */
export class World {
  readonly rng: Rng;
  readonly org: Org;
  readonly dd: Datadog;
  readonly cf: Cloudflare;
  readonly p: Record<string, Person>;
  useCf = false;
  useV2 = false;
  constructor(readonly id: string, readonly orgKey: OrgKey, readonly T: number) {
    this.rng = new Rng(`incident:${id}`);
    this.org = ORGS[orgKey];
    this.dd = new Datadog(this.org, this.rng);
    this.cf = new Cloudflare(this.org, this.rng);
    this.p = people(orgKey);
  }
  /** Minutes relative to the anomaly. */
  at(min: number): number {
    return this.T + Math.round(min * MIN) + this.rng.int(0, 999);
  }
  svc(handle: string, ip: string, ua: string): Person {
    return service(this.orgKey, handle, ip, ua);
  }
  anomaly(a: Omit<Anomaly, "id" | "timestamp"> & { t: number }): Anomaly {
    const { t, ...rest } = a;
    return { id: `det-${this.rng.hex(6)}`, timestamp: new Date(t).toISOString(), ...rest };
  }
  ids(...xs: (DdEvent | CfV1 | CfV2)[]): string[] {
    return xs.map((x) => x.id);
  }
  /**
   * Standard noise: colleagues browsing Datadog across the window, the actor's own history (2–6 days back, outside
   * the window) and routine earlier in the window; with Cloudflare on, the same for the Cloudflare account.
   */
  background(actor: Person | null, o: { now: number; colleagues?: number; actorOld?: number; actorEarly?: number; earlyEndMin?: number; cfColleagues?: number; cfActorOld?: number; cfActorEarly?: number } ): void {
    const r = this.rng;
    const others = Object.values(this.p).filter((x) => x !== actor);
    const nColl = o.colleagues ?? r.int(3, 5);
    for (let i = 0; i < nColl; i++) {
      const c = others[i % others.length]!;
      ddBrowse(this.dd, r, c, this.T - 30 * HOUR, o.now, r.int(14, 34));
      if (r.chance(0.5)) ddBrowse(this.dd, r, c, this.T - 5 * DAY, this.T - 26 * HOUR, r.int(4, 10));
    }
    if (actor && actor.kind === "user") {
      ddBrowse(this.dd, r, actor, this.T - 6 * DAY, this.T - 25 * HOUR, o.actorOld ?? r.int(18, 30));
      const earlyEnd = this.T + (o.earlyEndMin ?? -90) * MIN;
      ddBrowse(this.dd, r, actor, this.T - 22 * HOUR, earlyEnd, o.actorEarly ?? r.int(8, 20));
    }
    if (this.useCf) {
      const nCf = o.cfColleagues ?? r.int(2, 3);
      for (let i = 0; i < nCf; i++) {
        const c = others[(i + 2) % others.length]!;
        cfRoutine(this.cf, r, this.org, c, this.T - 30 * HOUR, o.now, r.int(4, 10));
      }
      if (actor && actor.kind === "user") {
        cfRoutine(this.cf, r, this.org, actor, this.T - 8 * DAY, this.T - 25 * HOUR, o.cfActorOld ?? r.int(5, 10));
        cfRoutine(this.cf, r, this.org, actor, this.T - 20 * HOUR, this.T + (o.earlyEndMin ?? -90) * MIN, o.cfActorEarly ?? r.int(1, 4));
      }
    }
  }
}

/** The UTC time of local `hour:minute` on day `day` (YYYY-MM-DD) of an org. */
export function localTime(o: OrgKey, day: string, hour: number, minute: number): number {
  return Date.parse(`${day}T00:00:00Z`) + (hour - ORGS[o].tz) * HOUR + minute * MIN + 17_000;
}
