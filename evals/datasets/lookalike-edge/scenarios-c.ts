// Look-alike triple 10 of the lookalike-edge corpus: Load Balancing pool update.
import { DAY, HOUR, MIN } from "./builders.ts";
import { acct, anomaly, dnsCreate, mkToken, noise, poolUpdate, type Origin, type Scenario } from "./kit.ts";
import { routine } from "./routine.ts";
import { UA } from "./world.ts";

const T = (iso: string) => Date.parse(iso);

// ---- Triple 10: Load Balancing pool update (Orchardly) ------------------------------------------------------

const POOL = "17b5962d775c646f3f9725cbc7a53df4";
const EU1: Origin = { name: "origin-eu-1", address: "203.0.113.240", enabled: true, weight: 0.5 };
const EU2: Origin = { name: "origin-eu-2", address: "203.0.113.241", enabled: true, weight: 0.5 };

const t10: Scenario[] = [
  {
    n: 28, slug: "lb-rogue-origin-and-ssl-downgrade", org: "orchard", triple: "Load Balancing pool update", verdict: "likely_malicious",
    title: "SRE adds an unknown origin at 20% weight to the checkout pool, clears its alert email, then drops SSL from strict to full",
    techniques: ["T1557", "T1562.001"],
    hard: "Usual address and browser, business hours, an SRE who adjusts pool weights routinely; each change alone looks like tuning.",
    deciding: "Scope (an origin address that appears nowhere else, the pool's notification email emptied) and after: SSL mode lowered so the unknown origin's certificate is no longer validated.",
    grounding: "Traffic interception by re-pointing origins (DNSpionage/Sea Turtle 2018-19 redirected traffic at the infrastructure layer); Cloudflare docs on Full vs Full (strict) origin validation.",
    build(c) {
      const A = T("2026-09-22T15:55:36Z"), now = A + 3 * HOUR;
      const kn = c.p("kai"), z = c.z(0);
      noise(c, A, now, 55, ["kai"]);
      routine(c, c.dash(kn), A - 6 * DAY, A - 2 * HOUR, 22, ["dns", "ddBrowse", "ddBrowse", "purge", "cfLogin"]);
      const v = c.dash(kn);
      poolUpdate(c, v, A - 2 * DAY, POOL, "checkout-eu", [{ ...EU1, weight: 0.6 }, { ...EU2, weight: 0.4 }], [EU1, EU2], { notification_email: "sre-alerts@orchardly.shop" }, { notification_email: "sre-alerts@orchardly.shop" });
      const flagged = poolUpdate(c, v, A, POOL, "checkout-eu", [EU1, EU2], [{ ...EU1, weight: 0.4 }, { ...EU2, weight: 0.4 }, { name: "origin-eu-3", address: "198.51.100.199", enabled: true, weight: 0.2 }], { notification_email: "" }, { notification_email: "sre-alerts@orchardly.shop" });
      const ssl = c.cf2(v, A + 4 * MIN, { type: "update", desc: "Update zone setting", method: "PATCH", uri: `/zones/${z.id}/settings/ssl`, product: "ssl", rtype: "zone.setting", rid: "ssl", req: { value: "full" }, res: { id: "ssl", value: "full", previous: { value: "strict" } }, zone: z });
      return {
        now,
        anomaly: anomaly(c, kn.cf, "update", A, "medium", { resource_product: "load_balancing", pool: "checkout-eu", reason: "origin added to a production pool" }),
        keys: [flagged, ssl],
        rationale: "Kai tunes checkout-eu's weights now and then (two days ago 0.6/0.4 to 0.5/0.5), always between the two known origins 203.0.113.240/.241. Today's change adds 'origin-eu-3' at 198.51.100.199 with 20% of checkout traffic — an address that appears in no DNS record, tunnel or earlier pool — and empties the pool's notification email, so health alerts stop reaching SRE. Four minutes later he lowers the zone's SSL mode from Full (strict) to Full, which stops Cloudflare from validating the origin certificate: exactly what an origin without a valid Orchardly certificate needs. No new origin was provisioned anywhere, nothing is verified or announced. Diverting a share of payment traffic to an unknown host while disabling its checks: likely malicious (insider or a compromised session).",
      };
    },
  },
  {
    n: 29, slug: "lb-patch-pipeline-drains-both", org: "orchard", triple: "Load Balancing pool update", verdict: "misconfiguration",
    title: "Patch pipeline disables both checkout origins at 23:08 instead of one; its Datadog gate catches the outage and it restores one origin nine minutes later",
    techniques: ["T1489"],
    hard: "Service-account token late at night, flagged high, production capacity removed (service-stop shape); the pipeline's reaction is partly in Datadog (API-key authenticated, usr.email is a UUID).",
    deciding: "The response (zero enabled origins), the pipeline's own Datadog gate reading the checkout availability monitor, and after: one origin re-enabled nine minutes later and the intended one-at-a-time drain completed.",
    grounding: "Automation with an over-broad selector taking down every backend (e.g. the 2017 AWS S3 outage caused by a mistyped maintenance command input).",
    build(c) {
      const A = T("2026-09-16T23:08:14Z"), now = A + 4 * HOUR;
      const cb = c.p("cibot");
      const sa = { key: true, serviceAccount: true } as const;
      noise(c, A, now, 50, ["cibot"]);
      routine(c, c.tok(c.org.tokens["gha"]!), A - 6 * DAY, now, 12, ["worker", "pages"], [6, 22]);
      const tk = mkToken(c, "lb-maint-pipeline", cb, "192.0.2.73", UA.pythonReq);
      const v = c.tok(tk);
      const gate = (t: number) => c.ddReq(cb, t, "GET", "/api/v1/monitor/91004412", "200", { ...sa, ip: tk.ip, ua: UA.pythonReq });
      const prev = poolUpdate(c, v, A - 22 * HOUR, POOL, "checkout-eu", [EU1, EU2], [{ ...EU1, enabled: false }, EU2]);
      gate(A - 22 * HOUR + 2 * MIN);
      gate(A - 21 * HOUR - 2 * MIN);
      poolUpdate(c, v, A - 21 * HOUR, POOL, "checkout-eu", [{ ...EU1, enabled: false }, EU2], [EU1, EU2]);
      gate(A - 21 * HOUR + 2 * MIN);
      const flagged = poolUpdate(c, v, A, POOL, "checkout-eu", [EU1, EU2], [{ ...EU1, enabled: false }, { ...EU2, enabled: false }], { fallback_pool: "maintenance-page" });
      for (let i = 1; i <= 4; i++) gate(A + i * 2 * MIN);
      const ddGate = gate(A + 8 * MIN + 30_000);
      const fix = poolUpdate(c, v, A + 9 * MIN, POOL, "checkout-eu", [{ ...EU1, enabled: false }, { ...EU2, enabled: false }], [{ ...EU1, enabled: false }, EU2]);
      gate(A + 12 * MIN);
      poolUpdate(c, v, A + 110 * MIN, POOL, "checkout-eu", [{ ...EU1, enabled: false }, EU2], [EU1, EU2]);
      gate(A + 112 * MIN);
      return {
        now,
        anomaly: anomaly(c, cb.cf, "update", A, "high", { resource_product: "load_balancing", pool: "checkout-eu", reason: "all origins of a production pool disabled" }),
        keys: [flagged, fix, ddGate, prev],
        rationale: "The CI bot's 'lb-maint-pipeline' token drains one origin at a time for OS patching: last night it disabled origin-eu-1, checked the checkout availability monitor in Datadog with its service-account key, and re-enabled the origin an hour later. Tonight's run disables origin-eu-1 and origin-eu-2 in one call; the response shows no enabled origin left, so checkout falls to the maintenance fallback pool. The pipeline's Datadog gate keeps reading the availability monitor every two minutes, and at 23:17 the same token re-enables origin-eu-2; origin-eu-1 returns after its patch window. Same token, runner and schedule as always, and the automation works to end the outage it caused: an over-broad selector in the maintenance job, not sabotage. Misconfiguration.",
      };
    },
  },
  {
    n: 30, slug: "lb-progressive-origin-migration", org: "orchard", triple: "Load Balancing pool update", verdict: "benign",
    title: "Terraform shifts checkout traffic to a new origin in steps (10% -> 50% -> 100%) after creating its DNS, health monitor and Datadog monitor",
    hard: "A production pool edited by a token actor, ~1,800 API-key-authenticated Datadog refresh requests, new origin address.",
    deciding: "Before: the new origin's DNS record, health monitor and Datadog monitor created by the same automation; the change is one step of a gradual shift continued after.",
    grounding: "Progressive origin migration with Cloudflare Load Balancing weights (Cloudflare docs: traffic steering and weights); infrastructure-as-code change sets.",
    build(c) {
      const A = T("2026-09-02T14:30:00Z"), now = A + 6 * HOUR;
      const cb = c.p("cibot"), tk = c.org.tokens["tfedge"]!, z = c.z(0);
      noise(c, A, now, 40, ["cibot"]);
      for (let run = A - 6 * DAY; run < now; run += c.r.int(3, 6) * HOUR) for (let i = 0; i < c.r.int(50, 80); i++) c.ddReq(cb, run + i * 600, "GET", c.r.chance(0.7) ? `/api/v1/monitor/${c.r.pick(c.org.monitors)[0]}` : `/api/v1/dashboard/${c.r.pick(c.org.dashboards)[0]}`, "200", { key: true, serviceAccount: true, ip: tk.ip, ua: UA.ddTerraform });
      const v = c.tok(tk);
      const EU3: Origin = { name: "origin-eu-3", address: "203.0.113.242", enabled: true, weight: 0.1 };
      const [dns] = dnsCreate(c, v, A - 5 * HOUR, z, { type: "A", name: `origin-eu-3.${z.name}`, content: "203.0.113.242", proxied: false, comment: "managed by terraform" });
      c.cf2(v, A - 5 * HOUR + 30_000, { type: "create", desc: "Create load balancer monitor", method: "POST", uri: `${acct(c)}/load_balancers/monitors`, product: "load_balancing", rtype: "load_balancing.monitor", rid: c.r.hex(32), req: { type: "https", path: "/healthz", expected_codes: "200", interval: 60, description: "checkout origin health" } });
      c.ddReq(cb, A - 5 * HOUR + 60_000, "POST", "/api/v1/monitor", "200", { key: true, serviceAccount: true, ip: tk.ip, ua: UA.ddTerraform });
      const ddm = c.ddEvt(cb, A - 5 * HOUR + 61_000, "Monitor", "created", { type: "monitor", id: "91004690", name: "[edge] origin-eu-3 health", new_value: { id: 91004690, type: "service check", query: "\"http.can_connect\".over(\"instance:origin-eu-3\").last(3).count_by_status()" } }, `${cb.dd} created monitor "[edge] origin-eu-3 health"`, { key: true, serviceAccount: true });
      const step1 = poolUpdate(c, v, A - 2 * HOUR, POOL, "checkout-eu", [EU1, EU2], [{ ...EU1, weight: 0.45 }, { ...EU2, weight: 0.45 }, EU3]);
      const flagged = poolUpdate(c, v, A, POOL, "checkout-eu", [{ ...EU1, weight: 0.45 }, { ...EU2, weight: 0.45 }, EU3], [{ ...EU1, weight: 0.25 }, { ...EU2, weight: 0.25 }, { ...EU3, weight: 0.5 }]);
      const step3 = poolUpdate(c, v, A + 2 * HOUR, POOL, "checkout-eu", [{ ...EU1, weight: 0.25 }, { ...EU2, weight: 0.25 }, { ...EU3, weight: 0.5 }], [{ ...EU1, weight: 0 }, { ...EU2, weight: 0 }, { ...EU3, weight: 1 }]);
      return {
        now,
        anomaly: anomaly(c, cb.cf, "update", A, "medium", { resource_product: "load_balancing", pool: "checkout-eu", reason: "production pool re-weighted towards a new origin" }),
        keys: [flagged, step1, step3, dns!, ddm],
        rationale: "The terraform-edge token on the CI runner 192.0.2.72 first creates the DNS record for origin-eu-3 (203.0.113.242, in the company's own origin range beside .240/.241), an HTTPS health monitor, and — with the CI service account's Datadog key — a Datadog monitor for it. Three hours later it gives the new origin 10% of checkout traffic, at 14:30 50% (the flagged change), and two hours later 100%, leaving the old origins at weight 0 but configured. Every step is announced by its own preparation and followed by the next: a progressive migration run by the usual automation. Benign.",
      };
    },
  },
];

export const SCENARIOS_C: Scenario[] = [...t10];
