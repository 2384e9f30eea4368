// Builders for challenge4 incidents: vendor-shaped Cloudflare v1/v2 and Datadog audit events, seeded noise.
export type J = Record<string, unknown>;

// ---------- seeded randomness and ids ----------
let seed = 0x4c0ffee;
export function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const ri = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
export const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[ri(0, 15)]).join("");
export const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(["8", "9", "a", "b"])}${hex(3)}-${hex(12)}`;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
export const ddId = () => "AQAAAZ" + Array.from({ length: 48 }, () => B64[ri(0, 63)]).join("");
export const ray = () => hex(16);

// ---------- time ----------
export const ms = (iso: string) => Date.parse(iso);
export const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");
export const MIN = 60_000;
export const HOUR = 60 * MIN;

// ---------- vendor builders ----------
export interface Who { email: string; cfId?: string; ip: string; ua?: string; ddUuid?: string; ddType?: string; auth?: string; geo?: J }

export function cf1(t: number, who: Who, type: string, o: Partial<{ rtype: string; rid: string; meta: J; nv: string; ov: string; nvj: J; ovj: J; iface: string; info: string; owner: string; result: boolean }> = {}): J {
  const action: J = { result: o.result ?? true, type };
  if (o.info) action.info = o.info;
  const e: J = {
    id: uuid(), action,
    actor: { email: who.email, id: who.cfId ?? hex(32), ip: who.ip, type: "user" },
    interface: o.iface ?? pick(["", "UI", "API"]), metadata: o.meta ?? {},
    newValue: o.nv ?? "", oldValue: o.ov ?? "",
    owner: { id: o.owner ?? who.cfId ?? hex(32) },
    resource: { id: o.rid ?? who.cfId ?? hex(32), type: o.rtype ?? "account" },
    when: new Date(t).toISOString().replace("Z", `${ri(100, 999)}Z`).replace(/\.(\d{3})(\d{3})Z$/, ".$1$2Z"),
  };
  if (o.nvj) e.newValueJson = o.nvj;
  if (o.ovj) e.oldValueJson = o.ovj;
  return e;
}

export function cf2(t: number, who: Who, acct: { id: string; name: string }, type: string, desc: string, product: string, o: Partial<{ rtype: string; rid: string; req: J; resp: J; zone: J; context: string; token: { id: string; name: string }; method: string; uri: string; status: number; result: string }> = {}): J {
  const actor: J = { id: who.cfId ?? hex(32), context: o.context ?? "dash", email: who.email, ip_address: who.ip, type: "user" };
  if (o.token) { actor.token_id = o.token.id; actor.token_name = o.token.name; }
  const e: J = {
    id: uuid(), account: acct,
    action: { description: desc, result: o.result ?? "success", time: iso(t), type },
    actor,
    raw: { cf_ray_id: ray(), method: o.method ?? ({ create: "POST", update: "PUT", delete: "DELETE", view: "GET" } as J)[type] ?? "POST", status_code: o.status ?? 200, uri: o.uri ?? `/accounts/${acct.id}/${product}`, user_agent: who.ua ?? "Mozilla/5.0" },
    resource: { id: o.rid ?? hex(32), product, request: o.req ?? {}, response: o.resp ?? {}, scope: { accounts: acct.id }, type: o.rtype ?? product },
  };
  if (o.zone) e.zone = o.zone;
  return e;
}

export const ORG = "5b1e7a40-90c2-11ee-b9d1-0242ac120002";
export function dd(t: number, who: Who, evt: string | undefined, action: string, o: Partial<{ asset: J; message: string; http: J; status: string; extra: J; org: string }> = {}): J {
  const a: J = {
    status: o.status ?? "info",
    timestamp: new Date(t).toISOString().replace("Z", "") + String(ri(100, 999)),
    org: { uuid: o.org ?? ORG },
    evt: evt ? { name: evt, actor: { type: who.ddType ?? "USER" } } : { actor: { type: who.ddType ?? "USER" } },
    usr: { id: who.email, email: who.email, uuid: who.ddUuid ?? uuid() },
    action,
    auth_method: who.auth ?? "SESSION",
  };
  if (o.asset) a.asset = o.asset;
  if (o.http) {
    const h = o.http as { method: string; path: string; code?: string };
    a.http = { method: h.method, status_code: h.code ?? "200", url_details: { host: "api.datadoghq.com", path: h.path }, useragent: who.ua ?? "Mozilla/5.0" };
    const net: J = { client: { ip: who.ip }, bytes_read: ri(0, 900), bytes_written: ri(200, 90000) };
    if (who.geo) (net.client as J).geoip = who.geo;
    a.network = net;
  } else {
    a.network = { client: { ip: who.ip } };
  }
  Object.assign(a, o.extra ?? {});
  const msg = o.message ?? (o.http ? `${(o.http as J).method} request made to ${(o.http as J).path} by ${who.email} with response ${(o.http as J).code ?? "200"}` : `${who.email} ${action} ${(o.asset as J | undefined)?.type ?? evt ?? "event"} ${(o.asset as J | undefined)?.name ?? ""}`.trim());
  return { id: ddId(), type: "audit", attributes: { attributes: a, message: msg, tags: ["source:audit"], timestamp: new Date(t).toISOString() } };
}

export const geo = (iso2: string, country: string, city: string, lat: number, lon: number): J => ({ country: { iso_code: iso2, name: country }, city: { name: city }, location: { latitude: lat, longitude: lon } });

// ---------- routine noise ----------
const DASHES = ["[svc] payments latency", "Edge overview", "k8s cluster health", "Checkout funnel", "Postgres primary", "CDN cache ratio"];
const MONS = ["[prod] p99 latency api-gw", "[prod] 5xx rate edge", "disk usage > 85%", "queue depth billing-events", "[stg] error budget burn"];
export function ddRoutine(t: number, who: Who): J {
  switch (ri(0, 5)) {
    case 0: return dd(t, who, "Request", "accessed", { http: { method: "GET", path: `/api/v1/dashboard/${hex(3)}-${hex(3)}-${hex(3)}` } });
    case 1: { const n = pick(DASHES); return dd(t, who, "Dashboard", "modified", { asset: { type: "dashboard", id: `${hex(3)}-${hex(3)}-${hex(3)}`, name: n, prev_value: { widgets: ri(6, 12) }, new_value: { widgets: ri(6, 13) } } }); }
    case 2: { const n = pick(MONS); const th = ri(200, 900); return dd(t, who, "Monitor", "modified", { asset: { type: "monitor", id: String(ri(10_000_000, 199_999_999)), name: n, prev_value: { options: { thresholds: { critical: th } } }, new_value: { options: { thresholds: { critical: th + 50 } } } } }); }
    case 3: return dd(t, who, "Request", "accessed", { http: { method: "POST", path: "/api/v2/logs/events/search" } });
    case 4: return dd(t, who, "Request", "accessed", { http: { method: "GET", path: "/api/v1/monitor" } });
    default: return dd(t, who, "Log Management", "modified", { asset: { type: "pipeline", id: hex(22), name: pick(["nginx", "app-json", "k8s-events"]), prev_value: { processors: ri(3, 8) }, new_value: { processors: ri(3, 9) } } });
  }
}
export function cfRoutine(t: number, who: Who, zone: string, zoneId: string, owner: string): J {
  switch (ri(0, 4)) {
    case 0: return cf1(t, who, "login", { iface: "UI" });
    case 1: return cf1(t, who, "purge", { rtype: "zone", rid: zoneId, meta: { zone_name: zone }, owner, iface: "API" });
    case 2: { const n = `${pick(["api", "img", "status", "docs", "edge"])}${ri(1, 9)}.${zone}`; return cf1(t, who, "rec_add", { rtype: "DNS_record", rid: String(ri(10_000_000_000, 19_999_999_999)), meta: { zone_name: zone }, owner, iface: "UI", nvj: { content: `10.${ri(0, 255)}.${ri(0, 255)}.${ri(1, 254)}`, name: n, proxied: true, ttl: 1, type: "A", zone_id: zoneId, zone_name: zone } }); }
    case 3: return cf1(t, who, "change_setting", { rtype: "zone", rid: zoneId, meta: { name: "browser_cache_ttl", type: "cache", value: "14400", zone_name: zone }, nv: "14400", ov: "7200", owner, iface: "UI" });
    default: return cf1(t, who, "purge", { rtype: "zone", rid: zoneId, meta: { zone_name: zone }, owner, iface: "UI" });
  }
}
export function cf2Routine(t: number, who: Who, acct: { id: string; name: string }, zone: string, zoneId: string): J {
  switch (ri(0, 3)) {
    case 0: return cf2(t, who, acct, "create", "Create DNS Record", "dns_records", { zone: { id: zoneId, name: zone }, req: { type: "CNAME", name: `${pick(["blog", "shop", "cdn", "assets"])}${ri(1, 20)}.${zone}`, content: `${zone}` }, uri: `/zones/${zoneId}/dns_records` });
    case 1: return cf2(t, who, acct, "update", "Update Zone Setting", "zone_settings", { zone: { id: zoneId, name: zone }, req: { id: "browser_cache_ttl", value: 14400 }, uri: `/zones/${zoneId}/settings/browser_cache_ttl`, method: "PATCH" });
    case 2: return cf2(t, who, acct, "create", "Purge Cache", "cache", { zone: { id: zoneId, name: zone }, uri: `/zones/${zoneId}/purge_cache` });
    default: return cf2(t, who, acct, "update", "Update Worker Script", "workers", { rtype: "script", rid: pick(["edge-router", "img-resizer", "ab-split"]), uri: `/accounts/${acct.id}/workers/scripts/edge-router`, method: "PUT" });
  }
}
/** n events spread over [from, to), built by f. */
export function spread(n: number, from: number, to: number, f: (t: number) => J): J[] {
  return Array.from({ length: n }, () => f(from + Math.floor(rnd() * (to - from))));
}
/** Working-hours only spread: times whose UTC hour lies in [h0, h1). */
export function workSpread(n: number, from: number, to: number, h0: number, h1: number, f: (t: number) => J): J[] {
  const out: J[] = [];
  while (out.length < n) { const t = from + Math.floor(rnd() * (to - from)); const h = new Date(t).getUTCHours(); if (h >= h0 && h < h1) out.push(f(t)); }
  return out;
}

