// Synthetic vendor data for the benchmarks: one noisy service account's last 24 h as raw Cloudflare v1 audit log
// entries and Datadog Audit Trail events (half each), shaped like the contract samples, with a few planted
// attack events (new token, security level off, monitor deleted, audit settings changed, role granted) after the
// flagged one. Deterministic for a given size and seed.
import type { Anomaly } from "../domain/schemas.ts";
import type { Incident } from "../domain/incident.ts";
import { cfMicro, cfV1Entry } from "../evals/datasets/vendor/cloudflare.ts";
import { ddEnvelope, ddEventId, ddHead, ddInnerTime } from "../evals/datasets/vendor/datadog.ts";
import { B62, mulberry32, Rng } from "../evals/datasets/vendor/rng.ts";

export const BENCH_ACTOR = "deploy-bot@example.com";
export const BENCH_NOW = "2026-08-20T15:00:00.000Z";
const HOUR = 3_600_000;

const ZONES = ["shop.example.com", "api.example.com", "www.example.com", "status.example.com"];
const KNOWN_IPS = ["10.20.0.14", "10.20.0.15"];
const NEW_IP = "198.51.100.77";
const UA = "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-datadog/3.46.0";
const DD_PATHS = ["/api/v1/monitor", "/api/v1/dashboard/lists/manual", "/api/v2/users", "/api/v1/synthetics/tests", "/api/v1/slo"];

/** The parts of a Cloudflare v1 entry a benchmark record sets beyond the routine defaults. */
interface CfExtra {
  interface?: string;
  metadata?: Record<string, unknown>;
  newValue?: string;
  oldValue?: string;
  newValueJson?: unknown;
  oldValueJson?: unknown;
  resource?: { id: string; type: string };
}

export interface Generated {
  anomaly: Anomaly;
  now: string;
  /** raw Cloudflare v1 entries, newest first (as result[] of /audit_logs) */
  cloudflare: Record<string, unknown>[];
  /** raw Datadog events, newest first (as data[] of /audit/events/search) */
  datadog: Record<string, unknown>[];
  /** ids of the planted attack events */
  planted: string[];
}

/** `n` events of the actor (half per vendor), of which max(6, n/2000) are planted attack events. */
export function generateEvents(n: number, seed = 1): Generated {
  const rng = new Rng(mulberry32(seed * 7919 + n));
  const nowMs = Date.parse(BENCH_NOW);
  const anomalyMs = nowMs - HOUR / 2;
  const accountId = "023e105f4ecef8ad9ca31a8372d0c353";
  const cfActorId = "7c5dae5552338874e5053f2534d2767a";
  const ddUuid = "3f1c9a62-6b0e-11ee-9c1d-da7ad0900002";
  const org = "8dee7c38-00cb-11ea-a77b-8b5a08d3b091";
  let seq = 0;
  const cfId = () => {
    const h = rng.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${(seq++).toString(16).padStart(12, "0")}`;
  };
  const ddId = () => ddEventId(rng.next, B62, [38], "AQAAAZjX") + (seq++).toString(36).padStart(8, "0");

  const cfRec = (ts: number, type: string, extra: CfExtra, ip: string): Record<string, unknown> => {
    const id = cfId();
    const actor = { email: BENCH_ACTOR, id: cfActorId, ip, type: "user" };
    return cfV1Entry({ interface: "API", resource: { id: accountId, type: "account" }, ...extra, id, type, actor, owner: accountId, when: cfMicro(ts, rng.int(100, 999)) });
  };
  const ddRec = (ts: number, evt: string, action: string, asset: Record<string, unknown> | undefined, message: string, ip: string, http?: Record<string, unknown>) => {
    const head = ddHead({ status: "info", timestamp: ddInnerTime(ts, "118"), org, evtName: evt, actorType: "SERVICE_ACCOUNT", usr: { id: BENCH_ACTOR, email: BENCH_ACTOR, uuid: ddUuid } });
    const inner: Record<string, unknown> = { ...head, action, auth_method: "API_AND_APP_KEY", network: { client: { ip } } };
    if (asset) inner.asset = asset;
    if (http) inner.http = http;
    return ddEnvelope({ attributes: inner, message, service: "datadog", timestamp: new Date(ts).toISOString(), id: ddId() });
  };

  const routineCf = (ts: number): Record<string, unknown> => {
    const zone = rng.pick(ZONES);
    const zid = rng.hex(32);
    const ip = rng.pick(KNOWN_IPS);
    const k = rng.int(0, 2);
    if (k === 0) {
      const rec = { content: `10.1.${rng.int(0, 255)}.${rng.int(1, 254)}`, id: rng.hex(32), name: `svc-${rng.int(1, 400)}.${zone}`, proxied: true, ttl: 1, type: "A", zone_id: zid, zone_name: zone };
      return cfRec(ts, "rec_add", { metadata: { zone_name: zone }, newValueJson: rec, resource: { id: String(rng.int(1e10, 9e10)), type: "DNS_record" } }, ip);
    }
    if (k === 1) {
      const rec = { content: `10.1.${rng.int(0, 255)}.${rng.int(1, 254)}`, id: rng.hex(32), name: `svc-${rng.int(1, 400)}.${zone}`, proxied: true, ttl: 1, type: "A", zone_id: zid, zone_name: zone };
      return cfRec(ts, "rec_edit", { metadata: { zone_name: zone }, newValueJson: rec, oldValueJson: { ...rec, content: "10.9.9.9" }, resource: { id: String(rng.int(1e10, 9e10)), type: "DNS_record" } }, ip);
    }
    const v = rng.pick(["aggressive", "basic", "simplified"]);
    return cfRec(ts, "change_setting", { metadata: { name: "cache_level", type: "performance", value: v, zone_name: zone }, newValue: v, oldValue: "aggressive", resource: { id: zid, type: "zone" } }, ip);
  };
  const routineDd = (ts: number): Record<string, unknown> => {
    const ip = rng.pick(KNOWN_IPS);
    if (rng.next() < 0.7) {
      const path = rng.pick(DD_PATHS);
      return ddRec(ts, "Request", "accessed", undefined, `${BENCH_ACTOR} accessed ${path}`, ip, { method: "GET", status_code: 200, useragent: UA, url_details: { path, host: "api.datadoghq.com" } });
    }
    const id = String(rng.int(1e8, 9e8));
    return ddRec(ts, "Monitor", "modified", { type: "monitor", id, name: `[prod] svc-${rng.int(1, 300)} latency` }, `${BENCH_ACTOR} modified monitor ${id}`, ip);
  };

  // Planted attack events, after the flagged one, from a new address.
  const planted: string[] = [];
  const attacks: ((ts: number) => { vendor: "cf" | "dd"; rec: Record<string, unknown> })[] = [
    (ts) => ({ vendor: "cf", rec: cfRec(ts, "token_create", { metadata: { token_name: `ci-all-zones-${rng.hex(4)}`, token_tag: rng.hex(32) } }, NEW_IP) }),
    (ts) => ({
      vendor: "cf",
      rec: cfRec(ts, "change_setting", { interface: "UI", metadata: { name: "security_level", type: "firewall", value: "essentially_off", zone_name: "shop.example.com" }, newValue: "essentially_off", oldValue: "high", resource: { id: rng.hex(32), type: "zone" } }, NEW_IP),
    }),
    (ts) => ({ vendor: "dd", rec: ddRec(ts, "Monitor", "deleted", { type: "monitor", id: String(rng.int(1e8, 9e8)), name: "[prod] checkout error rate" }, `${BENCH_ACTOR} deleted monitor "[prod] checkout error rate"`, NEW_IP) }),
    (ts) => ({ vendor: "dd", rec: ddRec(ts, "Organization Management", "modified", { type: "audit_logs_settings", id: org, name: "Audit Trail Settings" }, `${BENCH_ACTOR} modified the Audit Trail settings`, NEW_IP) }),
    (ts) => ({
      vendor: "dd",
      rec: ddRec(ts, "Access Management", "modified", { type: "role", id: rng.hex(8), name: "Datadog Admin Role" }, `${BENCH_ACTOR} successfully added user "${BENCH_ACTOR}" to the role "Datadog Admin Role"`, NEW_IP),
    }),
    (ts) => ({ vendor: "dd", rec: ddRec(ts, "Access Management", "created", { type: "api_key", id: rng.hex(8), name: `export-${rng.hex(4)}` }, `${BENCH_ACTOR} created API key`, NEW_IP) }),
  ];

  const cloudflare: Record<string, unknown>[] = [];
  const datadog: Record<string, unknown>[] = [];
  const nPlanted = Math.min(n, Math.max(attacks.length, Math.floor(n / 2000)));
  const flagged = cfRec(anomalyMs, "token_create", { metadata: { token_name: "ci-deploy-all-zones", token_tag: rng.hex(32) } }, NEW_IP);
  cloudflare.push(flagged);
  planted.push(flagged.id as string);
  for (let i = 1; i < nPlanted; i++) {
    const ts = anomalyMs + Math.floor((i / nPlanted) * (nowMs - anomalyMs - 60_000));
    const a = attacks[i % attacks.length]!(ts);
    (a.vendor === "cf" ? cloudflare : datadog).push(a.rec);
    planted.push(a.rec.id as string);
  }
  const span = 24 * HOUR - 60_000;
  for (let i = nPlanted; i < n; i++) {
    const ts = nowMs - 60_000 - Math.floor(rng.next() * span);
    // Keep the halves even: the vendor with fewer records gets the next one.
    if (cloudflare.length <= datadog.length) cloudflare.push(routineCf(ts));
    else datadog.push(routineDd(ts));
  }
  const tsOf = (r: Record<string, unknown>) =>
    Date.parse(typeof r.when === "string" ? r.when : String((r.attributes as { timestamp: string }).timestamp));
  cloudflare.sort((a, b) => tsOf(b) - tsOf(a));
  datadog.sort((a, b) => tsOf(b) - tsOf(a));
  const anomaly: Anomaly = {
    id: `bench-${n}-${seed}`,
    actor: BENCH_ACTOR,
    action: "token_create",
    timestamp: new Date(anomalyMs).toISOString(),
    source: "cloudflare",
    severity: "high",
    detector: "casefile-bench",
  };
  return { anomaly, now: BENCH_NOW, cloudflare, datadog, planted };
}

/** Vendor response pages as the APIs send them (JSON text): Cloudflare v1 envelopes and Datadog search pages. */
export function vendorPages(g: Pick<Generated, "cloudflare" | "datadog">, pageSize = 1000): { cloudflare: string[]; datadog: string[] } {
  const out: { cloudflare: string[]; datadog: string[] } = { cloudflare: [], datadog: [] };
  for (const page of vendorPageTexts(g, pageSize)) out[page.vendor].push(page.text);
  return out;
}

export interface VendorPageText {
  vendor: "cloudflare" | "datadog";
  text: string;
}

/**
 * The same pages one at a time (Cloudflare's, then Datadog's), each made when asked for, so a reader never holds
 * them all. With `consume`, a page's records leave `g` once its text is made: the generator's copy is dropped page
 * by page while the reader builds its own.
 */
export function* vendorPageTexts(g: Pick<Generated, "cloudflare" | "datadog">, pageSize = 1000, consume = false): Generator<VendorPageText> {
  for (const page of pagesOf(g.cloudflare, pageSize, consume)) {
    yield { vendor: "cloudflare", text: JSON.stringify({ success: true, errors: [], messages: [], result: page }) };
  }
  let read = 0;
  for (const page of pagesOf(g.datadog, pageSize, consume)) {
    read += page.length;
    const last = consume ? g.datadog.length === 0 : read >= g.datadog.length;
    yield { vendor: "datadog", text: JSON.stringify({ data: page, ...(last ? {} : { meta: { page: { after: `c${read}` } } }) }) };
  }
}

function* pagesOf<T>(records: T[], pageSize: number, consume: boolean): Generator<T[]> {
  if (consume) while (records.length > 0) yield records.splice(0, pageSize);
  else for (let i = 0; i < records.length; i += pageSize) yield records.slice(i, i + pageSize);
}

/** A labelled incident around the generated data, for the sandbox. */
export function benchIncident(g: Generated): Incident {
  return {
    id: `bench-${g.anomaly.id}`,
    title: "Benchmark: noisy service account",
    now: g.now,
    anomaly: g.anomaly,
    sources: {
      cloudflare: { account_id: "023e105f4ecef8ad9ca31a8372d0c353", audit_logs: g.cloudflare },
      datadog: { site: "datadoghq.com", audit_events: g.datadog },
    },
    label: { verdict: "likely_malicious", key_event_ids: g.planted },
  } as Incident;
}
