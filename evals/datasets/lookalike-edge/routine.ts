// Routine background activity of the lookalike-edge world that every incident carries as noise: the org's other
// people and automation, and the actor's own earlier work, written through the incident-building context.
import { DAY, HOUR } from "./builders.ts";
import type { Ctx, Via } from "./world.ts";

/** One routine piece of work; every generator writes one to a handful of records. */
export type Routine = (c: Ctx, v: Via, t: number) => void;

export const ROUTINE: Record<string, Routine> = {
  dns: (c, v, t) => {
    const z = c.r.chance(0.8) ? c.z(0) : c.z(1);
    const name = `${c.r.pick(c.org.dnsNames)}.${z.name}`;
    const rid = c.r.hex(32);
    const before = { type: "CNAME", name, content: `${c.r.pick(["origin-a", "origin-b", "lb"])}.${z.name}`, proxied: true, ttl: 1 };
    const after = { ...before, content: `${c.r.pick(["origin-c", "origin-d", "lb2"])}.${z.name}`, comment: c.r.chance(0.4) ? `change ${c.r.int(1000, 9999)}` : undefined };
    c.cf2(v, t, { type: "update", desc: "Update DNS record", method: "PATCH", uri: `/zones/${z.id}/dns_records/${rid}`, product: "dns_records", rtype: "dns.record", rid, req: { content: after.content, comment: after.comment }, res: { ...after, id: rid }, zone: z });
    if (c.r.chance(0.5)) {
      c.cf1(v, t + 300, { type: "rec_del", metadata: { zone_name: z.name }, resource: { id: String(c.r.int(1e10, 4e10)), type: "DNS_record" }, oldJson: { ...before, id: rid, zone_id: z.id, zone_name: z.name } });
      c.cf1(v, t + 500, { type: "rec_add", metadata: { zone_name: z.name }, resource: { id: String(c.r.int(1e10, 4e10)), type: "DNS_record" }, newJson: { ...after, id: rid, zone_id: z.id, zone_name: z.name } });
    }
  },
  purge: (c, v, t) => {
    const z = c.z(0);
    const files = [`https://${c.r.pick(c.org.dnsNames)}.${z.name}/${c.r.pick(["app.js", "index.html", "config.json", "styles.css"])}`];
    c.cf2(v, t, { type: "create", desc: "Purge cache", method: "POST", uri: `/zones/${z.id}/purge_cache`, product: "cache", rtype: "cache.purge", rid: z.id, req: { files }, res: { id: z.id }, zone: z });
    c.cf1(v, t + 200, { type: "purge", metadata: { zone_name: z.name }, resource: { id: z.id, type: "zone" } });
  },
  pages: (c, v, t) => {
    const proj = c.r.pick(c.org.pages);
    const dep = c.r.uuid();
    c.cf2(v, t, { type: "create", desc: "Create Pages deployment", method: "POST", uri: `/accounts/${c.org.account.id}/pages/projects/${proj}/deployments`, product: "pages", rtype: "pages.deployment", rid: dep, req: { branch: c.r.pick(["main", "main", `feat/${c.r.hex(5)}`]) }, res: { id: dep, project_name: proj, environment: "production", deployment_trigger: { type: "ad_hoc", metadata: { commit_hash: c.r.hex(40) } } } });
  },
  worker: (c, v, t) => {
    const w = c.r.pick(c.org.workers);
    c.cf2(v, t, { type: "update", desc: "Upload Worker script", method: "PUT", uri: `/accounts/${c.org.account.id}/workers/scripts/${w}`, product: "workers", rtype: "workers.script", rid: w, req: { metadata: { main_module: "index.js", compatibility_date: "2026-06-01", tags: [`release:${c.r.hex(7)}`] } }, res: { id: w, etag: c.r.hex(64), modified_on: new Date(t).toISOString() } });
  },
  waf: (c, v, t) => {
    const z = c.z(0);
    const rs = c.r.hex(32);
    const rule = c.r.hex(32);
    const thr = c.r.pick([40, 50, 60, 80]);
    c.cf2(v, t, { type: "update", desc: "Update ruleset rule", method: "PATCH", uri: `/zones/${z.id}/rulesets/${rs}/rules/${rule}`, product: "rulesets", rtype: "rulesets.rule", rid: rule, req: { description: "rate limit search", action: "block", expression: `(http.request.uri.path eq "/search")`, ratelimit: { requests_per_period: thr, period: 10 } }, res: { id: rule, version: String(c.r.int(3, 40)) }, zone: z });
  },
  access: (c, v, t) => {
    const app = c.r.uuid();
    c.cf2(v, t, { type: "update", desc: "Update Access application", method: "PUT", uri: `/accounts/${c.org.account.id}/access/apps/${app}`, product: "access", rtype: "access.application", rid: app, req: { session_duration: c.r.pick(["8h", "12h", "24h"]), app_launcher_visible: true }, res: { id: app, name: `${c.r.pick(c.org.dnsNames)} (internal)` } });
  },
  gateway: (c, v, t) => {
    const rule = c.r.uuid();
    c.cf2(v, t, { type: "update", desc: "Update Gateway rule", method: "PUT", uri: `/accounts/${c.org.account.id}/gateway/rules/${rule}`, product: "gateway", rtype: "gateway.rule", rid: rule, req: { name: c.r.pick(["Block newly seen domains", "Block security threats", "Allow SaaS allowlist"]), action: c.r.pick(["block", "allow"]), enabled: true, traffic: `any(dns.domains[*] in $${c.r.hex(8)})` }, res: { id: rule } });
  },
  apishield: (c, v, t) => {
    const z = c.z(0);
    const sid = c.r.uuid();
    c.cf2(v, t, { type: "create", desc: "Upload API Shield schema", method: "POST", uri: `/zones/${z.id}/api_gateway/user_schemas`, product: "api_shield", rtype: "api_gateway.user_schema", rid: sid, req: { name: `openapi-${c.r.int(100, 300)}.yaml`, kind: "openapi_v3", validation_enabled: c.r.chance(0.5) }, res: { schema_id: sid }, zone: z });
  },
  ssl: (c, v, t) => {
    const z = c.z(c.r.chance(0.7) ? 0 : 1);
    c.cf2(v, t, { type: "update", desc: "Update zone setting", method: "PATCH", uri: `/zones/${z.id}/settings/min_tls_version`, product: "ssl", rtype: "zone.setting", rid: "min_tls_version", req: { value: "1.2" }, res: { id: "min_tls_version", value: "1.2", editable: true }, zone: z });
  },
  ddBrowse: (c, v, t) => {
    if (v.p.dd) c.ddBrowse(v.p, t, c.r.int(2, 6), { ip: v.ip });
  },
  ddMonitor: (c, v, t) => {
    if (!v.p.dd) return;
    const [id, name] = c.r.pick(c.org.monitors);
    const thr = c.r.pick([2, 5, 10]);
    const prev = { id: Number(id), name, type: "query alert", options: { thresholds: { critical: thr }, notify_no_data: false } };
    const next = { ...prev, options: { thresholds: { critical: thr * 2 }, notify_no_data: false } };
    c.ddReq(v.p, t - 500, "PUT", `/api/v1/monitor/${id}`, "200", { ip: v.ip });
    c.ddEvt(v.p, t, "Monitor", "modified", { type: "monitor", id, name, prev_value: prev, new_value: next }, `${v.p.dd} modified monitor "${name}"`);
  },
  ddLogin: (c, v, t) => {
    if (v.p.dd) c.ddLogin(v.p, t, { ip: v.ip });
  },
  cfLogin: (c, v, t) => {
    if (v.kind === "dash") c.login(v.p, t, v.ip);
  },
};

/** A random moment in [start, end] whose UTC hour lies in [h0, h1) (h1 may exceed 24 to wrap past midnight). */
export function inHours(c: Ctx, start: number, end: number, [h0, h1]: [number, number]): number {
  for (let i = 0; i < 40; i++) {
    const day = Math.floor((start + c.r.next() * (end - start)) / DAY) * DAY;
    const t = day + h0 * HOUR + Math.floor(c.r.next() * (h1 - h0) * HOUR);
    if (t >= start && t <= end) return t;
  }
  return start + Math.floor(c.r.next() * (end - start));
}

/**
 * Background of one incident: `n` routine pieces of work by the org's other people and automation, spread over
 * [start, end]. Activity that belongs to `exclude` (the incident's actor) is not generated here.
 */
export function background(c: Ctx, start: number, end: number, n: number, exclude: string[]): void {
  const people = Object.values(c.org.people).filter((p) => !exclude.includes(p.key));
  const tokens = Object.values(c.org.tokens).filter((t) => !exclude.includes(t.owner.key) && !exclude.includes(`token:${t.name}`));
  const humanKinds = ["dns", "purge", "waf", "access", "gateway", "apishield", "ssl", "ddBrowse", "ddBrowse", "ddBrowse", "ddMonitor", "ddLogin", "cfLogin"];
  const tokenKinds = ["pages", "worker", "dns", "purge"];
  for (let i = 0; i < n; i++) {
    const t = c.r.chance(0.85) ? inHours(c, start, end, [6, 20]) : start + Math.floor(c.r.next() * (end - start));
    if (tokens.length && c.r.chance(0.25)) {
      const tk = c.r.pick(tokens);
      ROUTINE[c.r.pick(tokenKinds)]!(c, c.tok(tk), t);
    } else if (people.length) {
      const p = c.r.pick(people);
      ROUTINE[c.r.pick(humanKinds)]!(c, c.dash(p), t);
    }
  }
}

/** The actor's own earlier routine: `n` pieces of the given kinds over [start, end], through `v`. */
export function routine(c: Ctx, v: Via, start: number, end: number, n: number, kinds: string[], hours: [number, number] = [7, 18]): void {
  const recent = Math.ceil(n * 0.3); // a share of it in the last day before `end`: the actor's own day so far
  for (let i = 0; i < n; i++) {
    const t = i < recent ? inHours(c, Math.max(start, end - 20 * HOUR), end, hours) : inHours(c, start, end, hours);
    const k = c.r.pick(kinds);
    const fn = ROUTINE[k];
    if (!fn) throw new Error(`unknown routine kind ${k}`);
    fn(c, v, t);
  }
}
