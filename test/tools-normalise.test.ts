// Normalisers: contract samples map as documented; property tests over every record shape the contracts allow,
// and anything else is counted as rejected, never thrown.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AuditEvent } from "../domain/events.ts";
import {
  CloudflareV1Record,
  CloudflareV2Record,
  isCloudflareV1Record,
  isCloudflareV2Record,
  normaliseCloudflare,
  normaliseCloudflareV1,
  normaliseCloudflareV2,
} from "../tools/cloudflare/normalise.ts";
import { DatadogEvent, isDatadogEvent, normaliseDatadog, normaliseDatadogEvent } from "../tools/datadog/normalise.ts";
import { clean, parseTime } from "../tools/normalise.ts";

const cfSample = JSON.parse(readFileSync(new URL("./fixtures/contracts/cloudflare-audit-logs.sample.json", import.meta.url), "utf8")) as { result: unknown[] };
const ddSample = JSON.parse(readFileSync(new URL("./fixtures/contracts/datadog-audit-search.sample.json", import.meta.url), "utf8")) as { data: unknown[] };

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("contract samples", () => {
  it("Cloudflare v1 sample: actions, operations, change values, times", () => {
    const r = normaliseCloudflare(cfSample.result, "v1");
    expect(r.rejected).toBe(0);
    const by = Object.fromEntries(r.events.map((e) => [e.action, e]));
    expect(by.token_create).toMatchObject({ operation: "create", ip: "203.0.113.45", outcome: "success", time: "2026-08-20T14:02:11.000Z", resource: { name: "ci-deploy-all-zones" } });
    expect(by.change_setting).toMatchObject({ operation: "update", change: { setting: "security_level", old: "high", new: "essentially_off" }, resource: { scope: "shop.example.com" } });
    expect(by.rec_del).toMatchObject({ operation: "delete", time: "2026-08-20T13:51:47.237Z" });
    expect(by.rec_del?.change?.old).toMatchObject({ type: "TXT" });
    expect(by.login?.operation).toBe("login");
    expect(by.rotate_API_key).toMatchObject({ operation: "update", description: expect.stringContaining("key digest") });
    expect(by.tls_settings_deployed?.actor).toEqual({ id: "1", type: "system" });
    expect(normaliseCloudflareV1({ ...(cfSample.result[0] as object), action: { type: "API_key_view", result: false } })).toMatchObject({ event: { operation: "view", outcome: "failure" } });
  });

  it("Cloudflare v2 entry from the contract", () => {
    const r = normaliseCloudflareV2({
      id: "v2-1",
      account: { id: "acc", name: "Example" },
      action: { description: "Add Member", result: "success", time: "2024-04-26T17:31:07Z", type: "create" },
      actor: { id: "u1", context: "dash", email: "a@x.io", ip_address: "198.41.129.166", token_id: "t", token_name: "tok", type: "user" },
      raw: { cf_ray_id: "8e9b", method: "POST", status_code: 200, uri: "/accounts/acc/members", user_agent: "UA" },
      resource: { id: "r", product: "members", request: {}, response: {}, scope: {}, type: "member" },
      zone: { id: "z", name: "example.com" },
      extra_future_field: 1,
    });
    expect(r).toMatchObject({
      event: { action: "members.create", operation: "create", category: "members", user_agent: "UA", ip: "198.41.129.166", actor: { auth: "dash", token_name: "tok" }, description: "Add Member", outcome: "success" },
    });
  });

  it("Datadog sample: labels, uuid, outer timestamp, request metadata", () => {
    const r = normaliseDatadog(ddSample.data);
    expect(r.rejected).toBe(0);
    expect(r.events.map((e) => e.action)).toEqual([
      "Organization Management/audit_logs_settings/modified",
      "Monitor/monitor/deleted",
      "Access Management/role/modified",
      "Authentication/api_key/created",
      "Request//accessed",
    ]);
    expect(r.events[0]).toMatchObject({ time: "2026-08-20T14:06:31.402Z", operation: "update", actor: { uuid: "3f1c9a62-6b0e-11ee-9c1d-da7ad0900002", auth: "SESSION", type: "USER" } });
    expect(r.events[4]).toMatchObject({ operation: "create", outcome: "success", ip: "203.0.113.45", resource: { scope: "us1.prod.dog" } });
  });

  it("Datadog change values, geoip and threat_intel locations", () => {
    const base = { id: "x", attributes: { timestamp: "2026-08-20T14:00:00Z", attributes: {} as Record<string, unknown> } };
    base.attributes.attributes = {
      asset: { type: "audit_trail_state", prev_value: { enabled: true }, new_value: { enabled: false } },
      network: { client: { ip: "192.0.2.9", geoip: { country: { iso_code: "NL" }, city: { name: "Amsterdam" }, location: { latitude: 52.37, longitude: 4.89 } } } },
    };
    expect(normaliseDatadogEvent(base)).toMatchObject({
      event: { change: { setting: "audit_trail_state", old: { enabled: true }, new: { enabled: false } }, location: { country: "NL", city: "Amsterdam", lat: 52.37, lon: 4.89 } },
    });
    base.attributes.attributes = { threat_intel: { results: [{ source: "spur", location: { country: "RO", city: "Bucharest" } }] } };
    expect(normaliseDatadogEvent(base)).toMatchObject({ event: { location: { country: "RO", city: "Bucharest" } } });
  });

  it("inner timestamp without a zone is UTC when the outer one is missing", () => {
    const r = normaliseDatadogEvent({ id: "y", attributes: { attributes: { timestamp: "2022-04-13T09:21:13.750599" } } });
    expect(r).toMatchObject({ event: { time: "2022-04-13T09:21:13.750Z" } });
  });
});

// ---- property tests ----

const text = fc.string({ maxLength: 40 });
const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const when = fc
  .tuple(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }), fc.constantFrom("s", "ms", "us"))
  .map(([d, p]) => {
    const s = d.toISOString();
    return p === "s" ? s.replace(/\.\d{3}Z$/, "Z") : p === "ms" ? s : s.replace(/Z$/, "123Z");
  });
// Keys that name a secret are redacted at ingestion (report/redact.ts), which keeps a redacted copy instead of the
// record itself; the identity check below is about records that hold none.
const notSecretKey = (k: string) => !/token|secret|passw|pwd|author|cookie|api_?key|app|private|access|digest|hash|credential|signature|session|bearer/i.test(k);
const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter(notSecretKey).filter((k) => !["id", "when", "action", "actor", "attributes", "resource", "raw", "zone", "account", "metadata", "interface", "owner", "__proto__", "constructor", "toString", "valueOf"].includes(k)), fc.jsonValue(), { maxKeys: 3 });
const strip = <T extends Record<string, unknown>>(o: T) => JSON.parse(JSON.stringify(o)) as T;

const cfV1 = fc
  .record({
    id: fc.uuid(),
    when,
    action: fc.record({ type: fc.oneof(fc.constantFrom("token_create", "rec_del", "change_setting", "login", "API_key_view", "purge", "add"), text), result: opt(fc.boolean()), info: opt(text) }),
    actor: opt(fc.record({ id: opt(text), email: opt(fc.emailAddress()), ip: opt(fc.oneof(fc.ipV4(), fc.ipV6())), type: opt(fc.constantFrom("user", "admin", "Cloudflare", "system")) })),
    interface: opt(fc.constantFrom("", "UI", "API")),
    metadata: opt(fc.dictionary(fc.constantFrom("token_name", "zone_name", "name", "type", "value", "x"), fc.oneof(text, fc.integer()))),
    newValue: opt(fc.constantFrom("", "null", "low")),
    oldValue: opt(fc.constantFrom("", "null", "high")),
    newValueJson: opt(fc.dictionary(fc.string({ maxLength: 5 }).filter(notSecretKey), fc.jsonValue(), { maxKeys: 3 })),
    owner: opt(fc.record({ id: text })),
    resource: opt(fc.record({ id: opt(text), type: opt(text) })),
  })
  .chain((r) => extra.map((x) => strip({ ...x, ...r })));

const cfV2 = fc
  .record({
    id: fc.uuid(),
    account: opt(fc.record({ id: opt(text), name: opt(text) })),
    action: fc.record({ description: opt(text), result: opt(fc.constantFrom("success", "failure", "Success")), time: when, type: opt(fc.constantFrom("create", "update", "delete", "view")) }),
    actor: opt(fc.record({ id: opt(text), context: opt(fc.constantFrom("api_key", "api_token", "dash", "oauth")), email: opt(fc.emailAddress()), ip_address: opt(fc.ipV4()), token_id: opt(text), token_name: opt(text), type: opt(text) })),
    raw: opt(fc.record({ cf_ray_id: opt(text), method: opt(fc.constantFrom("GET", "POST")), status_code: opt(fc.integer({ min: 100, max: 599 })), uri: opt(text), user_agent: opt(text) })),
    resource: opt(fc.record({ id: opt(text), product: opt(text), type: opt(text), request: opt(fc.jsonValue()), scope: opt(fc.jsonValue()) })),
    zone: opt(fc.record({ id: opt(text), name: opt(text) })),
  })
  .chain((r) => extra.map((x) => strip({ ...x, ...r })));

const ddEvent = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 30 }),
    type: opt(fc.constant("audit")),
    attributes: fc.record({
      timestamp: when,
      message: opt(text),
      tags: opt(fc.array(text, { maxLength: 3 })),
      attributes: opt(
        fc.record({
          evt: opt(fc.record({ name: opt(text), actor: opt(fc.record({ type: opt(fc.constantFrom("USER", "SUPPORT_USER", "Other", "SERVICE_ACCOUNT")) })) })),
          usr: opt(fc.record({ id: opt(text), email: opt(fc.oneof(fc.emailAddress(), fc.uuid())), uuid: opt(fc.uuid()) })),
          action: opt(fc.constantFrom("accessed", "created", "modified", "deleted", "login", "update_config", "notification")),
          asset: opt(fc.record({ type: opt(text), id: opt(fc.oneof(text, fc.integer())), name: opt(text), prev_value: opt(fc.jsonValue()), new_value: opt(fc.jsonValue()) })),
          auth_method: opt(fc.constantFrom("SESSION", "API + App Key", "API_AND_APP_KEY", "OAUTH_TOKEN")),
          http: opt(fc.record({ method: opt(fc.constantFrom("GET", "POST", "DELETE")), status_code: opt(fc.oneof(fc.constantFrom("200", "403"), fc.integer({ min: 100, max: 599 }))), useragent: opt(text) })),
          network: opt(fc.record({ client: opt(fc.record({ ip: opt(fc.ipV4()) })) })),
          threat_intel: opt(fc.jsonValue()),
        }),
      ),
    }),
  })
  .map(strip);

function assertValid(raw: unknown, r: { event: AuditEvent } | { error: string }) {
  if (!("event" in r)) throw new Error(`rejected a contract-valid record: ${r.error}`);
  expect(AuditEvent.safeParse(r.event).success).toBe(true);
  expect(r.event.raw).toBe(raw);
  expect(r.event.id).toBe((raw as { id: string }).id);
  expect(r.event.time).toMatch(ISO_MS);
  expect(r.event.ts).toBe(Date.parse(r.event.time));
}

describe("properties", () => {
  it("every contract-shaped Cloudflare v1 record normalises", () => {
    fc.assert(fc.property(cfV1, (raw) => assertValid(raw, normaliseCloudflareV1(raw))), { numRuns: 300 });
  });
  it("every contract-shaped Cloudflare v2 record normalises", () => {
    fc.assert(fc.property(cfV2, (raw) => assertValid(raw, normaliseCloudflareV2(raw))), { numRuns: 300 });
  });
  it("every contract-shaped Datadog event normalises", () => {
    fc.assert(fc.property(ddEvent, (raw) => assertValid(raw, normaliseDatadogEvent(raw))), { numRuns: 300 });
  });
  it("anything else is counted as rejected and never throws", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 5 }), (records) => {
        for (const out of [normaliseCloudflare(records, "v1"), normaliseCloudflare(records, "v2"), normaliseDatadog(records)]) {
          expect(out.events.length + out.rejected).toBe(records.length);
          expect(out.warnings.length).toBe(Math.min(out.rejected, 20));
        }
      }),
      { numRuns: 300 },
    );
  });
  it("records missing their id or time are rejected", () => {
    fc.assert(
      fc.property(cfV1, ddEvent, (a, b) => {
        const { id: _i, ...noId } = a as Record<string, unknown>;
        expect(normaliseCloudflare([noId, { ...a, when: "yesterday" }], "v1").rejected).toBe(2);
        expect(normaliseDatadog([{ ...b, id: "" }, { ...b, attributes: { ...(b as { attributes: object }).attributes, timestamp: 5 } }]).rejected).toBe(2);
      }),
      { numRuns: 100 },
    );
  });
  it("normalised text carries no control or bidi characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const r = normaliseDatadogEvent({ id: "x", attributes: { timestamp: "2026-01-01T00:00:00Z", message: s, attributes: { usr: { email: s } } } });
        if ("event" in r) {
          for (const v of [r.event.description, r.event.actor.email]) if (v !== undefined) expect(v).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e\u2066]/);
        }
      }),
    );
  });
});

// ---- the fast paths agree with their references ----

/** Replaces one value somewhere in a record (by a path of keys) to make near-miss shapes. */
function mutate(rec: unknown, pathPick: number, value: unknown): unknown {
  const copy = structuredClone(rec) as Record<string, unknown>;
  const paths: string[][] = [];
  const walk = (o: unknown, p: string[]) => {
    if (!o || typeof o !== "object" || p.length > 10) return;
    for (const k of Object.keys(o)) {
      paths.push([...p, k]);
      walk((o as Record<string, unknown>)[k], [...p, k]);
    }
  };
  walk(copy, []);
  const path = paths[pathPick % Math.max(1, paths.length)];
  if (!path) return copy;
  let cur = copy as Record<string, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

const oddValue = fc.oneof(fc.constant(null), fc.constant(undefined), fc.constant(""), fc.integer(), fc.double(), fc.boolean(), fc.string(), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));

/** A Datadog event with every field the schema names, so near-misses reach the deepest ones. */
const ddFull = {
  id: "full",
  type: "audit",
  attributes: {
    timestamp: "2026-08-20T14:00:00Z",
    message: "m",
    service: "s",
    tags: ["a"],
    attributes: {
      timestamp: "2026-08-20T14:00:00Z",
      status: "info",
      evt: { name: "n", actor: { type: "USER" } },
      usr: { id: "i", email: "e@x.io", uuid: "u", name: "n" },
      action: "modified",
      asset: { type: "t", id: 5, name: "n", prev_value: 1, new_value: 2 },
      auth_method: "SESSION",
      org: { uuid: "o" },
      http: { method: "GET", status_code: "200", useragent: "ua", url_details: { path: "/p", host: "h" } },
      network: { client: { ip: "192.0.2.1", geoip: { country: { iso_code: "NL", name: "NL" }, city: { name: "A" }, location: { latitude: 1, longitude: "2" } } } },
      metadata: {},
      threat_intel: {},
    },
  },
};

describe("fast checks agree with the zod schemas", () => {
  const cases = [
    { name: "Cloudflare v1", arb: cfV1, fast: isCloudflareV1Record, schema: CloudflareV1Record },
    { name: "Cloudflare v2", arb: cfV2, fast: isCloudflareV2Record, schema: CloudflareV2Record },
    { name: "Datadog", arb: fc.oneof(ddEvent, fc.constant(ddFull)), fast: isDatadogEvent, schema: DatadogEvent },
  ] as const;
  for (const c of cases) {
    it(`${c.name}: same answer on valid, near-miss and arbitrary input`, () => {
      const arb = c.arb as fc.Arbitrary<unknown>;
      const input = fc.oneof(arb, fc.tuple(arb, fc.nat(), oddValue).map(([r, i, v]) => mutate(r, i, v)), fc.anything());
      fc.assert(
        fc.property(input, (x) => {
          expect(c.fast(x)).toBe(c.schema.safeParse(x).success);
        }),
        { numRuns: 1500 },
      );
    });
  }
});

/** The timestamp rule without any fast path: trim, UTC when zoneless, milliseconds, 1970..9999. */
function referenceTime(s: unknown): { time: string; ts: number } | undefined {
  if (typeof s !== "string" || s.trim() === "") return undefined;
  let t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)) t += "Z";
  t = t.replace(/(\.\d{3})\d+/, "$1");
  const ts = Date.parse(t);
  if (Number.isNaN(ts)) return undefined;
  const d = new Date(ts);
  if (d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) return undefined;
  return { time: d.toISOString(), ts };
}

describe("field helpers", () => {
  it("parseTime matches Date.parse on timestamps of every precision and on near-misses", () => {
    const two = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, "0"));
    const stamp = fc
      .tuple(fc.integer({ min: 1900, max: 9999 }), two(0, 13), two(0, 32), two(0, 25), two(0, 60), two(0, 61), fc.constantFrom("", ".", ".5", ".12", ".123", ".1234567", ".1234567891"), fc.constantFrom("", "Z", "+02:00", " ", "z"))
      .map(([y, mo, d, h, mi, s, f, z]) => `${String(y).padStart(4, "0")}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`);
    fc.assert(
      fc.property(fc.oneof(stamp, when, fc.string({ maxLength: 30 })), (s) => {
        expect(parseTime(s)).toEqual(referenceTime(s));
      }),
      { numRuns: 5000 },
    );
    expect(parseTime("2024-02-29T23:59:59.9999Z")).toEqual({ time: "2024-02-29T23:59:59.999Z", ts: Date.parse("2024-02-29T23:59:59.999Z") });
    expect(parseTime("2023-02-29T00:00:00Z")).toEqual(referenceTime("2023-02-29T00:00:00Z"));
  });

  it("clean drops control and bidi characters, trims and caps", () => {
    expect(clean("  a\u202eb\u0000c\t ")).toBe("abc");
    expect(clean("x".repeat(5), 3)).toBe("xxx…");
    expect(clean(" \u2066 ")).toBeUndefined();
    expect(clean("line\nbreak")).toBe("line\nbreak");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        // eslint-disable-next-line no-control-regex
        const ref = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "").trim();
        expect(clean(s)).toBe(ref === "" ? undefined : ref);
      }),
    );
  });

  it("the output event references the raw record instead of copying it", () => {
    const raw = cfSample.result[0];
    const r = normaliseCloudflareV1(raw);
    expect("event" in r && r.event.raw).toBe(raw);
  });
});
