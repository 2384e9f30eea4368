// Background noise of every lookalike-identity incident: other people's routine, the actor's own routine, older
// history, CI deploys and key-authenticated polling; `finish` cuts and orders the records an incident carries.
import { DAY, HOUR, MIN, acct, cf2, cfPurge, cfRecAdd, cfRecDel, cfSetting, cfTok, cfUser, ddAct, ddLogin, ddReq, ddUser, type CfActor, type CfToken, type Ctx, type DdActor, type Person, type Zone } from "./builders.ts";

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
