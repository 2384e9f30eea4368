import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Incident } from "../domain/incident.ts";
import { envLines, runSandboxCommand, shellQuote } from "../sandbox/cli.ts";
import { matches, parseQuery } from "../sandbox/ddquery.ts";
import {
  SANDBOX_CLOUDFLARE_EMAIL,
  SANDBOX_CLOUDFLARE_KEY,
  SANDBOX_CONFLUENCE_EMAIL,
  SANDBOX_CONFLUENCE_TOKEN,
  SANDBOX_DD_API_KEY,
  SANDBOX_DD_APP_KEY,
  startSandbox,
  type Sandbox,
  type SandboxOptions,
} from "../sandbox/server.ts";

const ACC = "023e105f4ecef8ad9ca31a8372d0c353";
const NOW = Date.parse("2026-08-20T15:00:00Z");
const ALICE = "alice.ops@example.com";
const BOB = "bob@example.com";
const iso = (msBefore: number) => new Date(NOW - msBefore).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

function cfV1(id: string, email: string, when: string, type = "login", ip = "203.0.113.45") {
  return {
    id,
    action: { result: true, type },
    actor: { email, id: `id-${email}`, ip, type: "user" },
    interface: "UI",
    metadata: { zone_name: "shop.example.com" },
    newValue: "",
    oldValue: "",
    owner: { id: ACC },
    resource: { id: "r1", type: "zone" },
    when,
  };
}
function cfV2(id: string, email: string, time: string, product = "members", type = "create") {
  return {
    id,
    account: { id: ACC, name: "Acme" },
    action: { description: "Add Member", result: "success", time, type },
    actor: { id: `id-${email}`, context: "dash", email, ip_address: "203.0.113.45", type: "user" },
    raw: { cf_ray_id: "8e9b1c60ef9e1c9a", method: "POST", status_code: 200, uri: `/accounts/${ACC}/members` },
    resource: { id: "x", product, type: "member" },
  };
}
function dd(id: string, email: string, timestamp: string, action = "modified", ip = "203.0.113.45") {
  return {
    id,
    type: "audit",
    attributes: {
      attributes: { evt: { name: "Access Management", actor: { type: "USER" } }, usr: { id: email, email }, action, asset: { type: "role" }, network: { client: { ip } } },
      message: `${email} ${action} a role`,
      tags: ["source:audit"],
      timestamp,
    },
  };
}

// Seven of Alice's events inside the window (two share a timestamp), Bob's noise, one older than the
// window and one after the incident clock that must never be served.
const aliceV1 = [0, 1, 2, 2, 3, 4, 5].map((k, n) => cfV1(`a${n}`, ALICE, iso((k + 1) * 37 * MIN), n === 4 ? "token_create" : "login", n === 5 ? "198.51.100.7" : "203.0.113.45"));
const aliceDd = [0, 1, 2, 2, 3, 4, 5].map((k, n) => dd(`d${n}`, ALICE, iso((k + 1) * 41 * MIN), n === 2 ? "created" : "modified"));
const aliceV2 = [0, 1, 2, 3, 4, 5, 6].map((k) => cfV2(`v${k}`, ALICE, iso((k + 1) * 29 * MIN), k === 3 ? "dns" : "members"));

const incident = Incident.parse({
  id: "sandbox-test",
  now: new Date(NOW).toISOString(),
  anomaly: { id: "det-1", actor: ALICE, action: "token_create", timestamp: iso(HOUR) },
  sources: {
    cloudflare: {
      account_id: ACC,
      audit_logs: [...aliceV1, cfV1("b0", BOB, iso(2 * HOUR)), cfV1("b1", BOB, iso(3 * HOUR), "login", "198.51.100.9"), cfV1("old", ALICE, iso(30 * HOUR)), cfV1("future", ALICE, new Date(NOW + MIN).toISOString())],
      audit_logs_v2: [...aliceV2, cfV2("vb", BOB, iso(HOUR)), cfV2("vold", ALICE, iso(30 * HOUR)), cfV2("vfuture", ALICE, new Date(NOW + MIN).toISOString())],
    },
    datadog: {
      site: "datadoghq.eu",
      audit_events: [...aliceDd, dd("db0", BOB, iso(HOUR)), dd("dold", ALICE, iso(30 * HOUR)), dd("dfuture", ALICE, new Date(NOW + MIN).toISOString())],
    },
  },
});

const ALICE_V1_IN_WINDOW = aliceV1.map((e) => e.id);
const ALICE_V2_IN_WINDOW = aliceV2.map((e) => e.id);
const ALICE_DD_IN_WINDOW = aliceDd.map((e) => e.id);

type Json = Record<string, any>;
const started: Sandbox[] = [];
async function sandbox(extra: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const sb = await startSandbox({ incident, ...extra });
  started.push(sb);
  return sb;
}
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

const cfAuth = { authorization: "Bearer sandbox-cloudflare-token" };
const ddAuth = { "dd-api-key": SANDBOX_DD_API_KEY, "dd-application-key": SANDBOX_DD_APP_KEY };
const cnAuth = { authorization: `Basic ${Buffer.from(`${SANDBOX_CONFLUENCE_EMAIL}:${SANDBOX_CONFLUENCE_TOKEN}`).toString("base64")}` };

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}
async function send(method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json, headers: res.headers };
}

describe("sandbox env", () => {
  it("points every variable casefile reads at the sandbox", async () => {
    const sb = await sandbox();
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sb.env).toEqual({
      CLOUDFLARE_BASE_URL: `${sb.url}/client/v4`,
      CLOUDFLARE_API_TOKEN: "sandbox-cloudflare-token",
      CLOUDFLARE_ACCOUNT_ID: ACC,
      DATADOG_API_URL: sb.url,
      DD_API_KEY: SANDBOX_DD_API_KEY,
      DD_APP_KEY: SANDBOX_DD_APP_KEY,
      DD_SITE: "datadoghq.eu",
      CONFLUENCE_BASE_URL: sb.url,
      CONFLUENCE_EMAIL: SANDBOX_CONFLUENCE_EMAIL,
      CONFLUENCE_API_TOKEN: SANDBOX_CONFLUENCE_TOKEN,
      CONFLUENCE_SPACE_KEY: "SEC",
    });
  });

  it("rejects an unknown fault plan", async () => {
    await expect(startSandbox({ incident, faults: { cloudflare: "sometimes" } })).rejects.toThrow(/not unavailable/);
    await expect(startSandbox({ incident, faults: { github: "unavailable" } })).rejects.toThrow(/not one of/);
  });
});

describe("cloudflare v1 audit_logs", () => {
  let sb: Sandbox;
  let base: string;
  beforeAll(async () => {
    sb = await sandbox();
    base = `${sb.env.CLOUDFLARE_BASE_URL}/accounts/${ACC}/audit_logs`;
  });
  const ids = (b: Json) => (b.result as Json[]).map((e) => e.id);

  it("rejects bad credentials with 403 code 10000 and accepts both auth styles", async () => {
    const bad = await get(base, { authorization: "Bearer nope" });
    expect(bad.status).toBe(403);
    expect(bad.body).toEqual({ success: false, errors: [{ code: 10000, message: "Authentication error" }], messages: [], result: null });
    expect((await get(base)).status).toBe(403);
    expect((await get(base, { "x-auth-email": SANDBOX_CLOUDFLARE_EMAIL })).status).toBe(403);
    const legacy = await get(base, { "x-auth-email": SANDBOX_CLOUDFLARE_EMAIL, "x-auth-key": SANDBOX_CLOUDFLARE_KEY });
    expect(legacy.status).toBe(200);
    expect(legacy.body.success).toBe(true);
    expect(legacy.body).not.toHaveProperty("result_info");
  });

  it("answers an unknown account with an error envelope", async () => {
    const other = await get(`${sb.env.CLOUDFLARE_BASE_URL}/accounts/${"f".repeat(32)}/audit_logs`, cfAuth);
    expect(other.status).toBe(403);
    expect(other.body.success).toBe(false);
    const malformed = await get(`${sb.env.CLOUDFLARE_BASE_URL}/accounts/nope/audit_logs`, cfAuth);
    expect(malformed.status).toBe(404);
    expect(malformed.body.errors[0].code).toBe(7003);
  });

  it("never serves events after the incident clock, and sorts newest first by default", async () => {
    const all = await get(`${base}?per_page=1000`, cfAuth);
    expect(ids(all.body)).not.toContain("future");
    expect(ids(all.body)).toHaveLength(10);
    const times = (all.body.result as Json[]).map((e) => Date.parse(e.when));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const asc = await get(`${base}?per_page=1000&direction=asc`, cfAuth);
    expect(ids(asc.body)[0]).toBe("old");
  });

  it("filters by actor, window, CIDR, action type and id", async () => {
    const q = (s: string) => get(`${base}?per_page=1000&${s}`, cfAuth).then((r) => ids(r.body).sort());
    const since = encodeURIComponent(iso(24 * HOUR));
    const before = encodeURIComponent(iso(0));
    expect(await q(`actor.email=${ALICE}&since=${since}&before=${before}`)).toEqual([...ALICE_V1_IN_WINDOW].sort());
    expect(await q(`actor.email=${ALICE.toUpperCase()}&since=2026-08-20`)).toEqual([...ALICE_V1_IN_WINDOW].sort());
    expect(await q("actor.ip=198.51.100.0/24")).toEqual(["a5", "b1"]);
    expect(await q("actor.ip=198.51.100.7")).toEqual(["a5"]);
    expect(await q("action.type=token_create")).toEqual(["a4"]);
    expect(await q("id=b0")).toEqual(["b0"]);
    expect(await q("zone.name=other.example.com")).toEqual([]);
    expect(await q(`before=${encodeURIComponent(iso(24 * HOUR))}`)).toEqual(["old"]);
  });

  it("validates per_page, since and direction", async () => {
    for (const bad of ["per_page=0", "per_page=1001", "per_page=x", "since=yesterday", "direction=up", "actor.ip=not-an-ip"]) {
      const r = await get(`${base}?${bad}`, cfAuth);
      expect(r.status, bad).toBe(400);
      expect(r.body.success).toBe(false);
    }
  });

  it("pages of 1..7 concatenate to exactly the filtered set; past the end is result: []", async () => {
    for (let size = 1; size <= 7; size++) {
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const r = await get(`${base}?actor.email=${ALICE}&since=${encodeURIComponent(iso(24 * HOUR))}&per_page=${size}&page=${page}`, cfAuth);
        expect(r.status).toBe(200);
        if (r.body.result.length === 0) break;
        expect(r.body.result.length).toBeLessThanOrEqual(size);
        seen.push(...ids(r.body));
      }
      expect(seen, `per_page=${size}`).toHaveLength(ALICE_V1_IN_WINDOW.length);
      expect([...seen].sort()).toEqual([...ALICE_V1_IN_WINDOW].sort());
    }
  });

  it("caps the page size with maxPageSize whatever the client asks", async () => {
    const small = await sandbox({ maxPageSize: { cloudflare: 2 } });
    const url = `${small.env.CLOUDFLARE_BASE_URL}/accounts/${ACC}/audit_logs?actor.email=${ALICE}&per_page=100`;
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const r = await get(`${url}&page=${page}`, cfAuth);
      if (!r.body.result.length) break;
      expect(r.body.result.length).toBeLessThanOrEqual(2);
      seen.push(...ids(r.body));
    }
    expect(seen.sort()).toEqual([...ALICE_V1_IN_WINDOW, "old"].sort());

    const v2: string[] = [];
    let cursor: string | undefined;
    do {
      const window = `since=${encodeURIComponent(iso(24 * HOUR))}&before=${encodeURIComponent(iso(0))}`;
      const r = await get(`${small.env.CLOUDFLARE_BASE_URL}/accounts/${ACC}/logs/audit?${window}&actor_email=${ALICE}&limit=1000${cursor ? `&cursor=${cursor}` : ""}`, cfAuth);
      expect(r.body.result.length).toBeLessThanOrEqual(2);
      v2.push(...(r.body.result as Json[]).map((e) => e.id));
      cursor = r.body.result_info.cursor;
    } while (cursor);
    expect(v2.sort()).toEqual([...ALICE_V2_IN_WINDOW].sort());
  });

  it("sends rate-limit headers and verifies tokens", async () => {
    const r = await get(base, cfAuth);
    expect(r.headers.get("ratelimit")).toMatch(/^"default";r=\d+;t=\d+$/);
    expect(r.headers.get("ratelimit-policy")).toBe('"burst";q=1200;w=300');
    const ok = await get(`${sb.env.CLOUDFLARE_BASE_URL}/user/tokens/verify`, cfAuth);
    expect(ok.body.result.status).toBe("active");
    expect((await get(`${sb.env.CLOUDFLARE_BASE_URL}/user/tokens/verify`, { authorization: "Bearer x" })).status).toBe(401);
  });
});

describe("cloudflare v2 logs/audit", () => {
  let sb: Sandbox;
  let base: string;
  beforeAll(async () => {
    sb = await sandbox();
    base = `${sb.env.CLOUDFLARE_BASE_URL}/accounts/${ACC}/logs/audit`;
  });
  const window = `since=${encodeURIComponent(iso(24 * HOUR))}&before=${encodeURIComponent(iso(0))}`;

  it("requires since and before", async () => {
    const r = await get(`${base}?since=2026-08-19`, cfAuth);
    expect(r.status).toBe(400);
    expect(r.body.success).toBe(false);
  });

  it("applies repeatable positive and .not filters", async () => {
    const q = async (s: string) => ((await get(`${base}?${window}&${s}`, cfAuth)).body.result as Json[]).map((e) => e.id).sort();
    expect(await q(`actor_email=${ALICE}`)).toEqual([...ALICE_V2_IN_WINDOW].sort());
    expect(await q(`actor_email=${ALICE}&actor_email=${BOB}`)).toEqual([...ALICE_V2_IN_WINDOW, "vb"].sort());
    expect(await q(`actor_email=${ALICE}&resource_product.not=members`)).toEqual(["v3"]);
    expect(await q(`actor_email.not=${ALICE}`)).toEqual(["vb"]);
    expect(await q(`actor_id=id-${BOB}`)).toEqual(["vb"]);
    expect(await q(`actor_ip_address=203.0.113.0/24&actor_email=${BOB}`)).toEqual(["vb"]);
  });

  it("cursor pages of 1..7 concatenate to exactly the filtered set, count is a string", async () => {
    for (let limit = 1; limit <= 7; limit++) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const r = await get(`${base}?${window}&actor_email=${ALICE}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, cfAuth);
        expect(r.status).toBe(200);
        expect(r.body.result_info.count).toBe(String(r.body.result.length));
        expect(r.body.result_info.cursors?.after).toBe(r.body.result_info.cursor);
        seen.push(...(r.body.result as Json[]).map((e) => e.id));
        cursor = r.body.result_info.cursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(Math.ceil(ALICE_V2_IN_WINDOW.length / limit));
      expect(seen, `limit=${limit}`).toHaveLength(ALICE_V2_IN_WINDOW.length);
      expect([...seen].sort()).toEqual([...ALICE_V2_IN_WINDOW].sort());
    }
  });

  it("is absent (404 envelope) when the incident has no v2 data", async () => {
    const { audit_logs_v2: _omit, ...cf } = incident.sources.cloudflare!;
    const v1only = await sandbox({ incident: { ...incident, sources: { ...incident.sources, cloudflare: cf } } });
    const r = await get(`${v1only.env.CLOUDFLARE_BASE_URL}/accounts/${ACC}/logs/audit?${window}`, cfAuth);
    expect(r.status).toBe(404);
    expect(r.body.errors[0].code).toBe(7003);
  });
});

describe("datadog audit events", () => {
  let sb: Sandbox;
  let search: string;
  beforeAll(async () => {
    sb = await sandbox();
    search = `${sb.env.DATADOG_API_URL}/api/v2/audit/events/search`;
  });
  const body = (extra: Json = {}) => ({ filter: { query: `@usr.email:${ALICE}`, from: "now-24h", to: "now" }, sort: "timestamp", page: { limit: 100 }, ...extra });
  const ids = (b: Json) => ((b.data ?? []) as Json[]).map((e) => e.id);

  it("requires both keys, and validates the API key", async () => {
    const r = await send("POST", search, body(), { "dd-api-key": SANDBOX_DD_API_KEY });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ errors: ["Forbidden"] });
    expect((await get(`${sb.url}/api/v1/validate`, { "dd-api-key": SANDBOX_DD_API_KEY })).body).toEqual({ valid: true });
    expect((await get(`${sb.url}/api/v1/validate`, { "dd-api-key": "x" })).status).toBe(403);
  });

  it("filters by query and window relative to the incident clock, never after it", async () => {
    const r = await send("POST", search, body(), ddAuth);
    expect(r.status).toBe(200);
    expect(ids(r.body)).toEqual(["d6", "d5", "d4", "d2", "d3", "d1", "d0"]); // sort=timestamp: oldest first, ties in incident order
    expect(ids(r.body).sort()).toEqual([...ALICE_DD_IN_WINDOW].sort());
    expect(r.headers.get("x-ratelimit-limit")).toBeTruthy();
    const everything = await send("POST", search, body({ filter: { query: "*", from: "now-7d", to: "now+1h" } }), ddAuth);
    expect(ids(everything.body)).not.toContain("dfuture");
    expect(ids(everything.body)).toContain("dold");
    const epoch = await send("POST", search, body({ filter: { query: `@usr.email:"${ALICE}"`, from: String(NOW - 24 * HOUR), to: NOW } }), ddAuth);
    expect(ids(epoch.body).sort()).toEqual([...ALICE_DD_IN_WINDOW].sort());
    const q = async (query: string) => ids((await send("POST", search, body({ filter: { query, from: "now-24h" } }), ddAuth)).body).sort();
    expect(await q(`@usr.email:${BOB}`)).toEqual(["db0"]);
    expect(await q(`@usr.email:(${BOB} OR "${ALICE}") @action:created`)).toEqual(["d2"]);
    expect(await q(`(@usr.id:${BOB} OR @usr.email:nobody) AND @network.client.ip:203.0.113.45`)).toEqual(["db0"]);
    expect(await q(`@usr.email:alice* -@action:modified`)).toEqual(["d2"]);
    expect(await q(`@evt.name:"Access Management" NOT @usr.email:${ALICE}`)).toEqual(["db0"]);
    expect(await q("source:audit @usr.email:bob*")).toEqual(["db0"]);
  });

  it("rejects bad limits, conflicting time options and malformed queries with 400", async () => {
    for (const bad of [
      body({ page: { limit: 1001 } }),
      body({ options: { time_offset: 3600, timezone: "UTC" } }),
      body({ filter: { query: "(@usr.email:x", from: "now-1h" } }),
      body({ filter: { from: "yesterday" } }),
      body({ sort: "newest" }),
    ]) {
      const r = await send("POST", search, bad, ddAuth);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.errors).toHaveLength(1);
      expect(typeof r.body.errors[0]).toBe("string");
    }
    expect((await get(`${sb.url}/api/v2/audit/events?page%5Blimit%5D=1001`, ddAuth)).status).toBe(400);
  });

  it("defaults to 10 events a page and a 15-minute window", async () => {
    const r = await send("POST", search, {}, ddAuth);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: [] }); // nothing of the base incident in the 15 minutes before the clock
    const recent = Array.from({ length: 12 }, (_, i) => dd(`m${i}`, ALICE, iso(i * MIN)));
    const busy = await sandbox({ incident: { ...incident, sources: { ...incident.sources, datadog: { site: "datadoghq.com", audit_events: recent } } } });
    const first = await send("POST", `${busy.url}/api/v2/audit/events/search`, {}, ddAuth);
    expect(ids(first.body)).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"]);
    expect(first.body.meta.page.after).toBeTruthy();
    const rest = await send("POST", `${busy.url}/api/v2/audit/events/search`, { page: { cursor: first.body.meta.page.after } }, ddAuth);
    expect(rest.body).toEqual({ data: [recent[10], recent[11]] });
  });

  it("POST cursor and GET links.next pages of 1..7 concatenate to exactly the filtered set", async () => {
    for (let limit = 1; limit <= 7; limit++) {
      // POST, following meta.page.after
      const viaPost: string[] = [];
      let cursor: string | undefined;
      let last: Json = {};
      do {
        const r = await send("POST", search, body({ page: { limit, ...(cursor ? { cursor } : {}) } }), ddAuth);
        expect(r.status).toBe(200);
        viaPost.push(...ids(r.body));
        last = r.body;
        cursor = r.body.meta?.page?.after;
        if (cursor) expect(r.body.data).toHaveLength(limit);
      } while (cursor);
      if (ALICE_DD_IN_WINDOW.length % limit === 0) expect(last).toEqual({ data: [] });
      else expect(last).toEqual({ data: expect.any(Array) });
      expect(viaPost, `limit=${limit}`).toHaveLength(ALICE_DD_IN_WINDOW.length);
      expect([...viaPost].sort()).toEqual([...ALICE_DD_IN_WINDOW].sort());

      // GET, following links.next verbatim
      const viaGet: string[] = [];
      let next: string | undefined =
        `${sb.url}/api/v2/audit/events?${new URLSearchParams({ "filter[query]": `@usr.email:${ALICE}`, "filter[from]": iso(24 * HOUR), "filter[to]": iso(0), "page[limit]": String(limit), sort: "timestamp" })}`;
      while (next) {
        expect(next.startsWith(`${sb.url}/api/v2/audit/events?`)).toBe(true);
        expect(next).not.toMatch(/[[\]]/);
        const r: { body: Json } = await get(next, ddAuth);
        viaGet.push(...ids(r.body));
        next = r.body.links?.next;
      }
      expect(viaGet).toEqual(viaPost);
    }
  });

  it("caps the page size with maxPageSize", async () => {
    const small = await sandbox({ maxPageSize: { datadog: 3 } });
    const r = await send("POST", `${small.url}/api/v2/audit/events/search`, body({ page: { limit: 1000 } }), ddAuth);
    expect(r.body.data).toHaveLength(3);
    expect(r.body.meta.page.after).toBeTruthy();
  });
});

describe("datadog query subset", () => {
  const e = dd("x", "Carol@Example.com", iso(0), "deleted", "10.0.0.1");
  it.each([
    ["*", true],
    ["", true],
    // attribute search is case-sensitive, as Datadog documents; free text is not
    ["@usr.email:carol@example.com", false],
    ['@usr.email:"carol@example.com"', false],
    ['@usr.email:"Carol@Example.com"', true],
    ["@usr.email:Carol*", true],
    ["@usr.email:carol*", false],
    ['"carol@example.com"', true],
    ["@usr.email:dave@example.com", false],
    ["@action:(created OR deleted)", true],
    ["@action:created OR @action:deleted", true],
    ["@action:deleted AND @usr.email:dave*", false],
    ["-@action:deleted", false],
    ["NOT (@action:created)", true],
    ["@network.client.ip:10.0.0.*", true],
    ["@network.client.ip:10.0.0.1", true],
    ["deleted", true],
    ['"a role"', true],
    ["@missing.attr:*", false],
    ["@evt.name:*", true],
  ])("%s → %s", (q, want) => {
    expect(matches(parseQuery(q), e)).toBe(want);
  });
  it("reports malformed queries", () => {
    expect(() => parseQuery("(a")).toThrow(/parenthes/);
    expect(() => parseQuery('@a:"x')).toThrow(/unterminated/);
    expect(() => parseQuery("a)")).toThrow();
  });
});

describe("confluence", () => {
  let sb: Sandbox;
  let wiki: string;
  beforeAll(async () => {
    sb = await sandbox();
    wiki = `${sb.env.CONFLUENCE_BASE_URL}/wiki`;
  });
  const create = (title: string, value: string, extra: Json = {}) =>
    send("POST", `${wiki}/api/v2/pages`, { spaceId: "98307", status: "current", title, body: { representation: "storage", value }, ...extra }, cnAuth);

  it("rejects bad Basic credentials with 401", async () => {
    const r = await get(`${wiki}/api/v2/spaces?keys=SEC`, { authorization: `Basic ${Buffer.from("x@y:z").toString("base64")}` });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ errors: [{ status: 401, code: "UNAUTHORIZED", title: "Unauthorized", detail: null }] });
  });

  it("resolves the space by key (comma-separated and repeated)", async () => {
    for (const qs of ["keys=SEC", "keys=OPS,SEC", "keys=OPS&keys=SEC"]) {
      const r = await get(`${wiki}/api/v2/spaces?${qs}`, cnAuth);
      expect(r.body.results).toHaveLength(1);
      expect(r.body.results[0]).toMatchObject({ id: "98307", key: "SEC", homepageId: "163840" });
      expect(r.body._links.base).toBe(wiki);
    }
    expect((await get(`${wiki}/api/v2/spaces?keys=OPS`, cnAuth)).body.results).toEqual([]);
    expect((await get(`${wiki}/api/v2/pages/163840`, cnAuth)).status).toBe(200);
  });

  it("creates, finds, views, rejects duplicates and updates with version checks", async () => {
    const macro =
      '<ac:structured-macro ac:name="warning"><ac:parameter ac:name="title">Risky</ac:parameter><ac:rich-text-body><p>a &amp; b&#160;<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Red</ac:parameter></ac:structured-macro></p></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[{"a":"<b>"}]]></ac:plain-text-body></ac:structured-macro>';
    const title = "Investigation: alice.ops@example.com audit anomaly 2026-08-20";
    const created = await create(title, macro);
    expect(created.status).toBe(200);
    const page = created.body;
    expect(page).toMatchObject({ title, spaceId: "98307", parentId: "163840", status: "current", version: { number: 1 } });
    expect(page.id).toMatch(/^\d+$/);
    expect(page._links.base).toBe(wiki);
    expect(page._links.webui).toBe(`/spaces/SEC/pages/${page.id}/Investigation+alice.ops+example.com+audit+anomaly+2026-08-20`);
    expect(page.body.storage.value).toBe(macro);
    expect(sb.confluence.pages.get(page.id)?.body).toBe(macro);

    const found = await get(`${wiki}/api/v2/pages?space-id=98307&title=${encodeURIComponent(title)}&body-format=storage`, cnAuth);
    expect(found.body.results.map((p: Json) => p.id)).toEqual([page.id]);
    expect(found.body.results[0].body.storage.value).toBe(macro);
    expect((await get(`${wiki}/api/v2/spaces/98307/pages?title=${encodeURIComponent(title)}`, cnAuth)).body.results).toHaveLength(1);

    const view = await fetch(`${page._links.base}${page._links.webui}`);
    expect(view.status).toBe(200);
    expect(view.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await view.text()).toContain('<ac:parameter ac:name="title">Risky</ac:parameter>');

    const dup = await create(title, "<p>again</p>");
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      errors: [{ status: 400, code: "BAD_REQUEST", title: "A page with this title already exists: A page already exists with the same TITLE in this space", detail: null }],
    });

    const put = (n: number, value = "<p>v2</p>") =>
      send("PUT", `${wiki}/api/v2/pages/${page.id}`, { id: page.id, status: "current", title, body: { representation: "storage", value }, version: { number: n } }, cnAuth);
    expect((await put(1)).status).toBe(409);
    expect((await put(3)).status).toBe(409);
    expect((await put(2, "<p>unclosed")).status).toBe(400);
    const ok = await put(2);
    expect(ok.status).toBe(200);
    expect(ok.body.version.number).toBe(2);
    const got = await get(`${wiki}/api/v2/pages/${page.id}?body-format=storage`, cnAuth);
    expect(got.body.body.storage.value).toBe("<p>v2</p>");
    expect((await put(2)).status).toBe(409);
  });

  it("rejects malformed storage, a missing spaceId and bodies over 5 MB", async () => {
    const bad = await create("Broken", "<p>unclosed");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect((await create("Unquoted", "<p class=x>hi</p>")).status).toBe(400);
    expect((await send("POST", `${wiki}/api/v2/pages`, { title: "No space", body: { representation: "storage", value: "<p/>" } }, cnAuth)).status).toBe(400);
    const big = await create("Big", `<p>${"x".repeat(5 * 1024 * 1024 + 10)}</p>`);
    expect(big.status).toBe(413);
    expect([...sb.confluence.pages.values()].map((p) => p.title)).not.toContain("Big");
  });

  it("adds labels (array or single object) and lists them", async () => {
    const page = (await create("Labelled", "<p>x</p>")).body;
    const add = await send("POST", `${wiki}/rest/api/content/${page.id}/label`, [{ prefix: "global", name: "casefile" }, { name: "anomaly-det-1" }], cnAuth);
    expect(add.status).toBe(200);
    expect(add.body.size).toBe(2);
    await send("POST", `${wiki}/rest/api/content/${page.id}/label`, { prefix: "global", name: "casefile" }, cnAuth);
    const labels = await get(`${wiki}/api/v2/pages/${page.id}/labels`, cnAuth);
    expect(labels.body.results.map((l: Json) => l.name).sort()).toEqual(["anomaly-det-1", "casefile"]);
    expect((await send("POST", `${wiki}/rest/api/content/${page.id}/label`, [{ name: "two words" }], cnAuth)).status).toBe(400);
  });

  it("round-trips attachments: upload, list, download, new version", async () => {
    const page = (await create("With attachment", "<p>x</p>")).body;
    const url = `${wiki}/rest/api/content/${page.id}/child/attachment`;
    const form = (text: string) => {
      const f = new FormData();
      f.append("file", new Blob([text], { type: "application/json" }), "evidence.json");
      return f;
    };
    expect((await fetch(url, { method: "POST", headers: cnAuth, body: form("{}") })).status).toBe(403);
    const up = await fetch(url, { method: "POST", headers: { ...cnAuth, "x-atlassian-token": "no-check" }, body: form('{"a":1}') });
    expect(up.status).toBe(200);
    const upBody = (await up.json()) as Json;
    expect(upBody.results[0]).toMatchObject({ title: "evidence.json", version: { number: 1 } });
    const again = await fetch(url, { method: "POST", headers: { ...cnAuth, "x-atlassian-token": "no-check" }, body: form("{}") });
    expect(again.status).toBe(400);
    const v2 = await fetch(url, { method: "PUT", headers: { ...cnAuth, "x-atlassian-token": "no-check" }, body: form('{"a":2}') });
    expect(v2.status).toBe(200);

    const list = await get(`${wiki}/api/v2/pages/${page.id}/attachments`, cnAuth);
    expect(list.body.results).toHaveLength(1);
    expect(list.body.results[0]).toMatchObject({ title: "evidence.json", mediaType: "application/json", version: { number: 2 } });
    const dl = await fetch(`${wiki}${upBody.results[0]._links.download.split("?")[0]}`, { headers: cnAuth });
    expect(dl.headers.get("content-type")).toBe("application/json");
    expect(await dl.text()).toBe('{"a":2}');
    const first = await fetch(`${wiki}/download/attachments/${page.id}/evidence.json?version=1`, { headers: cnAuth });
    expect(await first.text()).toBe('{"a":1}');
    expect(sb.confluence.attachments.get(page.id)?.[0]?.versions).toHaveLength(2);
  });

  it("stores content properties", async () => {
    const page = (await create("With property", "<p>x</p>")).body;
    const made = await send("POST", `${wiki}/api/v2/pages/${page.id}/properties`, { key: "casefile", value: { anomaly: "det-1" } }, cnAuth);
    expect(made.status).toBe(200);
    const got = await get(`${wiki}/api/v2/pages/${page.id}/properties?key=casefile`, cnAuth);
    expect(got.body.results[0].value).toEqual({ anomaly: "det-1" });
    const upd = await send("PUT", `${wiki}/api/v2/pages/${page.id}/properties/${made.body.id}`, { key: "casefile", value: 2, version: { number: 2 } }, cnAuth);
    expect(upd.body.version.number).toBe(2);
  });

  it("paginates page lists with _links.next", async () => {
    const small = await sandbox({ maxPageSize: { confluence: 2 } });
    const w = `${small.url}/wiki`;
    const made: string[] = ["163840"];
    for (let i = 0; i < 5; i++) {
      const r = await send("POST", `${w}/api/v2/pages`, { spaceId: "98307", title: `P${i}`, body: { representation: "storage", value: "<p/>" } }, cnAuth);
      made.push(r.body.id);
    }
    const seen: string[] = [];
    let next: string | undefined = "/wiki/api/v2/pages?space-id=98307&limit=25";
    while (next) {
      const r = await get(`${small.url}${next}`, cnAuth);
      expect(r.body.results.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.results.map((p: Json) => p.id));
      next = r.body._links.next;
      if (next) expect(r.headers.get("link")).toContain('rel="next"');
    }
    expect(seen).toEqual(made);
  });
});

describe("faults", () => {
  const cfUrl = (sb: Sandbox) => `${sb.env.CLOUDFLARE_BASE_URL}/accounts/${ACC}/audit_logs`;
  const ddUrl = (sb: Sandbox) => `${sb.url}/api/v2/audit/events/search`;
  const cnUrl = (sb: Sandbox) => `${sb.url}/wiki/api/v2/spaces?keys=SEC`;
  const call = {
    cloudflare: (sb: Sandbox) => get(cfUrl(sb), cfAuth),
    datadog: (sb: Sandbox) => send("POST", ddUrl(sb), {}, ddAuth),
    confluence: (sb: Sandbox) => get(cnUrl(sb), cnAuth),
  };
  const vendors = ["cloudflare", "datadog", "confluence"] as const;

  it.each(vendors)("%s unavailable → every call 503", async (v) => {
    const sb = await sandbox({ faults: { [v]: "unavailable" } });
    for (let i = 0; i < 2; i++) expect((await call[v](sb)).status).toBe(503);
    const others = vendors.filter((o) => o !== v);
    for (const o of others) expect((await call[o](sb)).status).toBe(200);
  });

  it.each(vendors)("%s rate_limited_once → 429 with Retry-After: 1, then normal", async (v) => {
    const sb = await sandbox({ faults: { [v]: "rate_limited_once" } });
    const first = await call[v](sb);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await call[v](sb)).status).toBe(200);
    expect(sb.requests.filter((r) => r.vendor === v).map((r) => r.status)).toEqual([429, 200]);
  });

  it.each(vendors)("%s forbidden → 403 with the vendor's error body", async (v) => {
    const sb = await sandbox({ faults: { [v]: "forbidden" } });
    const r = await call[v](sb);
    expect(r.status).toBe(403);
    if (v === "cloudflare") expect(r.body.errors[0].code).toBe(10000);
    if (v === "datadog") expect(r.body).toEqual({ errors: ["Forbidden"] });
    if (v === "confluence") expect(r.body.errors[0]).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("incident faults apply unless overridden; slow delays only that vendor", async () => {
    const faulty = await sandbox({ incident: { ...incident, faults: { datadog: "unavailable" } } });
    expect((await call.datadog(faulty)).status).toBe(503);
    const overridden = await sandbox({ incident: { ...incident, faults: { datadog: "unavailable" } }, faults: {} });
    expect((await call.datadog(overridden)).status).toBe(200);

    const slow = await sandbox({ faults: { datadog: "slow:400" } });
    let settled = false;
    const pending = call.datadog(slow).then((r) => {
      settled = true;
      return r;
    });
    expect((await call.cloudflare(slow)).status).toBe(200);
    expect(settled).toBe(false);
    expect((await pending).status).toBe(200);
  });

  it("records every request", async () => {
    const sb = await sandbox();
    await get(`${cfUrl(sb)}?per_page=5`, cfAuth);
    await send("POST", ddUrl(sb), { filter: { query: "*" } }, ddAuth);
    await send("POST", ddUrl(sb), { filter: { query: "*" } }, { "dd-api-key": "bad" });
    expect(sb.requests).toEqual([
      { vendor: "cloudflare", method: "GET", path: `/client/v4/accounts/${ACC}/audit_logs`, status: 200, query: { per_page: "5" } },
      { vendor: "datadog", method: "POST", path: "/api/v2/audit/events/search", status: 200, query: { filter: { query: "*" } } },
      // rejected before the body is read
      { vendor: "datadog", method: "POST", path: "/api/v2/audit/events/search", status: 403, query: undefined },
    ]);
  });
});

describe("sandbox command", () => {
  it("quotes values for the shell", () => {
    expect(shellQuote("http://127.0.0.1:1/client/v4")).toBe("http://127.0.0.1:1/client/v4");
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(envLines({ A: "x y" })).toBe("export A='x y'\n");
  });

  it("loads the incident file and prints export lines", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "casefile-sandbox-"));
    const file = path.join(dir, "incident.json");
    await writeFile(file, JSON.stringify(incident));
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const sb = await runSandboxCommand({ incident: file });
      started.push(sb);
      const printed = out.mock.calls.map((c) => String(c[0])).join("");
      expect(printed).toContain(`export CLOUDFLARE_BASE_URL=${sb.url}/client/v4\n`);
      expect(printed).toContain(`export CLOUDFLARE_ACCOUNT_ID=${ACC}\n`);
      expect(printed.trim().split("\n")).toHaveLength(Object.keys(sb.env).length);
      expect(err.mock.calls.map((c) => String(c[0])).join("")).toContain("sandbox-test");
      expect((await get(`${sb.env.CLOUDFLARE_BASE_URL}/accounts/${ACC}/audit_logs`, cfAuth)).status).toBe(200);
    } finally {
      out.mockRestore();
      err.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
