// Builders for challenge4 incidents: vendor-shaped Cloudflare v1/v2 and Datadog audit events (the shared shapes of
// ../vendor, laid out as this corpus was first written), seeded noise.
import { cfMicro, cfRayId, cfV1Entry, cfV1Short, cfV2Entry } from "../vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddInnerTime, ddRequestMessage } from "../vendor/datadog.ts";
import { B64, drawChars, drawInt, drawPick, drawUuidInOrder, HEX, mulberry32 } from "../vendor/rng.ts";
export type J = Record<string, unknown>;

// ---------- seeded randomness and ids ----------
export const rnd = mulberry32(0x4c0ffee);
export const ri = (a: number, b: number) => drawInt(rnd, a, b);
export const pick = <T>(xs: readonly T[]): T => drawPick(rnd, xs);
export const hex = (n: number) => drawChars(rnd, HEX, n);
export const uuid = () => drawUuidInOrder(rnd);
export const ddId = () => ddEventId(rnd, B64, [48]);
export const ray = () => cfRayId(rnd);

// ---------- time ----------
export const ms = (iso: string) => Date.parse(iso);
export const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");
export const MIN = 60_000;
export const HOUR = 60 * MIN;

// ---------- vendor builders ----------
export interface Who { email: string; cfId?: string; ip: string; ua?: string; ddUuid?: string; ddType?: string; auth?: string; geo?: J }

export function cf1(t: number, who: Who, type: string, o: Partial<{ rtype: string; rid: string; meta: J; nv: string; ov: string; nvj: J; ovj: J; iface: string; info: string; owner: string; result: boolean }> = {}): J {
  // Drawn in this order: id, actor id, interface, owner, resource id, microseconds.
  const id = uuid();
  const actorId = who.cfId ?? hex(32);
  const iface = o.iface ?? pick(["", "UI", "API"]);
  const owner = o.owner ?? who.cfId ?? hex(32);
  const rid = o.rid ?? who.cfId ?? hex(32);
  const actor = { email: who.email, id: actorId, ip: who.ip, type: "user" };
  return cfV1Entry({ ...cfV1Short(o), id, type, result: o.result, actor, interface: iface, owner, resource: { id: rid, type: o.rtype ?? "account" }, when: cfMicro(t, ri(100, 999)) });
}

export function cf2(t: number, who: Who, acct: { id: string; name: string }, type: string, desc: string, product: string, o: Partial<{ rtype: string; rid: string; req: J; resp: J; zone: J; context: string; token: { id: string; name: string }; method: string; uri: string; status: number; result: string }> = {}): J {
  // Drawn in this order: actor id, id, ray id, resource id.
  const actorId = who.cfId ?? hex(32);
  const id = uuid();
  const rayId = ray();
  return cfV2Entry(
    {
      id, account: acct, description: desc, result: o.result ?? "success", time: iso(t), type,
      actor: { id: actorId, context: o.context ?? "dash", email: who.email, ip_address: who.ip, type: "user", token_id: o.token?.id, token_name: o.token?.name },
      rayId, method: o.method ?? ({ create: "POST", update: "PUT", delete: "DELETE", view: "GET" } as Record<string, string>)[type] ?? "POST",
      status: o.status ?? 200, uri: o.uri ?? `/accounts/${acct.id}/${product}`, ua: who.ua ?? "Mozilla/5.0",
      resource: { id: o.rid ?? hex(32), product, request: o.req ?? {}, response: o.resp ?? {}, scope: { accounts: acct.id }, type: o.rtype ?? product },
      zone: o.zone || undefined,
    },
    { actorType: "before-token" },
  );
}

export const ORG = "5b1e7a40-90c2-11ee-b9d1-0242ac120002";
export function dd(t: number, who: Who, evt: string | undefined, action: string, o: Partial<{ asset: J; message: string; http: J; status: string; extra: J; org: string }> = {}): J {
  const timestamp = ddInnerTime(t, ri(100, 999));
  const usr = { id: who.email, email: who.email, uuid: who.ddUuid ?? uuid() };
  const a: J = { ...ddHead({ status: o.status ?? "info", timestamp, org: o.org ?? ORG, evtName: evt, actorType: who.ddType ?? "USER", usr }), action, auth_method: who.auth ?? "SESSION" };
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
  const h = o.http as { method: string; path: string; code?: string } | undefined;
  const msg = o.message ?? (h ? ddRequestMessage(h.method, h.path, who.email, h.code ?? "200") : `${who.email} ${action} ${(o.asset as J | undefined)?.type ?? evt ?? "event"} ${(o.asset as J | undefined)?.name ?? ""}`.trim());
  return ddEnvelope({ attributes: a, message: msg, timestamp: new Date(t).toISOString(), id: ddId() }, { idFirst: true });
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

