// The configuration file: one schema, the environment winning, secrets refused in the file, errors naming the
// key and its line, the example file valid; the gatherer agent's settings; a partly configured vendor reported as a
// problem of the commands that use it; the run deadline's key; the investigator taking its settings from the loaded
// configuration; filters and suppressions through the signed webhook.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, printableConfig, requireInvestigationSettings, resolveConfig } from "../config/load.ts";
import { decideIntake, filterEvents } from "../config/filters.ts";
import { Filters } from "../config/schema.ts";
import { startService, type Service } from "../server/service.ts";
import { createInvestigator } from "../graph/investigator.ts";
import { FakeInvestigator, PG_URL, SECRET, anomaly, hasPg, signed, silent } from "./server-helpers.ts";
import type { AuditEvent } from "../domain/events.ts";

const EXAMPLE = new URL("../casefile.config.example.yaml", import.meta.url).pathname;
const SECRETS = { CLOUDFLARE_API_TOKEN: "cf-token-value-123", DD_API_KEY: "dd-api-key-value", DD_APP_KEY: "dd-app-key-value", CONFLUENCE_API_TOKEN: "conf-token-value" };

const file = (text: string) => ({ path: "/etc/casefile/casefile.config.yaml", text });

describe("configuration file", () => {
  it("the example file is valid and describes vendors, models, mappings, filters and context", () => {
    const c = loadConfig({ path: EXAMPLE, env: SECRETS });
    expect(c.file).toBe(EXAMPLE);
    expect(c.vendors.cloudflare?.accountId).toBe("023e105f4ecef8ad9ca31a8372d0c353");
    expect(c.vendors.confluence?.spaceKey).toBe("SEC");
    expect(Object.keys(c.mappings)).toEqual(["siem"]);
    expect(c.filters.suppressions[0]?.owner).toBe("platform-team@example.com");
    expect(c.context.networks[0]).toEqual({ cidr: "100.64.10.0/24", name: "corporate VPN" });
    expect(c.service.host).toBe("127.0.0.1");
    expect([c.gatherAgent, c.env.CASEFILE_GATHER_MAX_CALLS, c.vendors.limits.maxPagesPerSource]).toEqual([undefined, "6", 500]);
    expect(c.problems).toEqual({});
  });

  it("an environment variable wins over the file's key", () => {
    const text = "service:\n  port: 9000\n  concurrency: 3\n";
    const c = resolveConfig({ env: { CASEFILE_PORT: "9100" }, file: file(text) });
    expect(c.service.port).toBe(9100);
    expect(c.service.concurrency).toBe(3);
    expect(c.origins.CASEFILE_PORT).toBe("env");
    expect(c.origins.CASEFILE_CONCURRENCY).toBe("file");
  });

  it("a secret in the file is refused with the variable to use and the line", () => {
    const text = "version: 1\nvendors:\n  cloudflare:\n    account_id: abc\n    api_token: oops\n";
    expect(() => resolveConfig({ env: {}, file: file(text) })).toThrow(/casefile\.config\.yaml:5 vendors\.cloudflare\.api_token: the file holds no secrets.*CLOUDFLARE_API_TOKEN/);
  });

  it("errors name the key and the file line: unknown keys, bad values, values the parsers refuse", () => {
    expect(() => resolveConfig({ env: {}, file: file("service:\n  host: 127.0.0.1\n  prot: 80\n") })).toThrow(/:3 service\.prot: unknown key "prot"/);
    expect(() => resolveConfig({ env: {}, file: file("context:\n  networks:\n    - cidr: not-a-net\n      name: vpn\n") })).toThrow(/:3 context\.networks\.0\.cidr: is not an IPv4/);
    expect(() => resolveConfig({ env: {}, file: file("gather:\n  after_window: soon\n") })).toThrow(/:2 gather\.after_window \(variable CASEFILE_AFTER_WINDOW\)/);
    expect(() => resolveConfig({ env: {}, file: file("service: [1\n") })).toThrow(/casefile\.config\.yaml:\d+: not valid YAML/);
  });

  it("secrets come from *_FILE variables and are masked when printed", () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-cfg-"));
    writeFileSync(join(dir, "dd"), "dd-secret-from-file\n");
    const c = loadConfig({ path: EXAMPLE, env: { ...SECRETS, DD_API_KEY: "", DD_API_KEY_FILE: join(dir, "dd") } });
    expect(c.vendors.datadog?.apiKey).toBe("dd-secret-from-file");
    const partial = loadConfig({ env: { DD_API_KEY_FILE: join(dir, "dd") }, cwd: dir });
    expect(partial.problems.datadog).toMatch(/DD_APP_KEY is not set .*To run without Datadog, unset DD_API_KEY_FILE\.$/);
    const shown = JSON.stringify(printableConfig(c));
    for (const v of [...Object.values(SECRETS), "dd-secret-from-file"]) expect(shown).not.toContain(v);
    expect(shown).toContain("DD_API_KEY");
  });

  it("relative prompts and weights paths resolve beside the file and must exist", () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-cfg-"));
    const path = join(dir, "casefile.config.yaml");
    writeFileSync(path, "weights: ./missing.json\n");
    expect(() => loadConfig({ path, env: {} })).toThrow(/casefile\.config\.yaml:1 weights: .*missing\.json does not exist/);
  });
});

describe("gatherer agent settings", () => {
  const text = "gather:\n  max_pages_per_source: 40\n  agent:\n    model: gather-model\n    base_url: http://127.0.0.1:9/v1\n    max_calls: 3\n    max_events: 50\n    seconds: 20\n";
  const KEY = "sk-test-gatherer-key-value";

  it("come from the file's gather.agent, each variable winning over its key, and are printed without the key", () => {
    const c = resolveConfig({ env: { OPENAI_API_KEY: KEY, CASEFILE_GATHER_MAX_CALLS: "4" }, file: file(text) });
    expect(c.gatherAgent).toEqual({ model: "gather-model", apiKey: KEY, baseURL: "http://127.0.0.1:9/v1", budget: { calls: 4, events: 50, ms: 20_000 } });
    expect(c.vendors.limits.maxPagesPerSource).toBe(40);
    expect([c.origins.CASEFILE_GATHER_MAX_CALLS, c.origins.CASEFILE_GATHER_SECONDS]).toEqual(["env", "file"]);
    const shown = printableConfig(c);
    expect(shown.gather).toMatchObject({ maxPagesPerSource: 40, agent: { model: "gather-model", base_url: "http://127.0.0.1:9/v1", max_calls: 4, max_events: 50, seconds: 20 } });
    expect(shown.overridden_by_environment).toEqual(["gather.agent.max_calls ← CASEFILE_GATHER_MAX_CALLS"]);
    expect(JSON.stringify(shown)).not.toContain(KEY);
    expect(printableConfig(resolveConfig({ env: { OPENAI_API_KEY: KEY } })).gather).toMatchObject({ agent: "off" });
  });

  it("a model without OPENAI_API_KEY is a problem naming both, not a failed load; a misspelt key is refused with its line", () => {
    const c = resolveConfig({ env: {}, file: file(text) });
    expect(c.gatherAgent).toBeUndefined();
    expect(c.problems.gather_agent).toMatch(/casefile\.config\.yaml:4 gather\.agent\.model \(variable CASEFILE_GATHER_MODEL\): .*needs OPENAI_API_KEY/);
    expect(printableConfig(c).gather).toMatchObject({ agent: { problem: c.problems.gather_agent } });
    expect(() => requireInvestigationSettings(c)).toThrow(/cannot run investigations:\n {2}- .*CASEFILE_GATHER_MODEL/);
    expect(() => resolveConfig({ env: {}, file: file("gather:\n  agent:\n    max_cals: 3\n") })).toThrow(/:3 gather\.agent\.max_cals: unknown key "max_cals"/);
    expect(() => resolveConfig({ env: {}, file: file("gather:\n  agent:\n    seconds: 0\n") })).toThrow(/:3 gather\.agent\.seconds: /);
  });
});

describe("the run deadline", () => {
  it("run.deadline is a duration (seconds or 15m), CASEFILE_RUN_DEADLINE wins, both are printed; a bad value names its line", () => {
    expect(resolveConfig({ env: {} }).runDeadlineMs).toBe(600_000);
    const c = resolveConfig({ env: {}, file: file("run:\n  deadline: 15m\n") });
    expect(c.runDeadlineMs).toBe(900_000);
    expect(printableConfig(c).run).toEqual({ deadline_ms: 900_000 });
    expect(resolveConfig({ env: {}, file: file("run:\n  deadline: 90\n") }).runDeadlineMs).toBe(90_000);
    const env = resolveConfig({ env: { CASEFILE_RUN_DEADLINE: "20m" }, file: file("run:\n  deadline: 15m\n") });
    expect(env.runDeadlineMs).toBe(1_200_000);
    expect(printableConfig(env).overridden_by_environment).toEqual(["run.deadline ← CASEFILE_RUN_DEADLINE"]);
    expect(() => resolveConfig({ env: {}, file: file("version: 1\nrun:\n  deadline: soon\n") })).toThrow(/:3 run\.deadline \(variable CASEFILE_RUN_DEADLINE\): CASEFILE_RUN_DEADLINE="soon" is not a duration/);
    expect(() => resolveConfig({ env: {}, file: file("run:\n  dedline: 15m\n") })).toThrow(/:2 run\.dedline: unknown key "dedline"/);
  });
});

describe("the investigator reads the loaded configuration", () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), "casefile-inv-"));
  const agent = "gather:\n  agent:\n    model: gather-model\n    base_url: http://127.0.0.1:9/v1\n";

  it("its run deadline is the file's run.deadline", async () => {
    const seen: number[] = [];
    const config = resolveConfig({ env: { CASEFILE_DRY_RUN: "1" }, file: file("run:\n  deadline: 15m\n") });
    const investigator = await createInvestigator({ config, dataDir: dataDir(), publisher: null, deadline: (ms) => (seen.push(ms), AbortSignal.abort()) });
    const outcome = await investigator.run({ investigationId: "inv-config-deadline", anomaly: anomaly() });
    await investigator.close();
    expect(seen).toEqual([900_000]);
    expect(outcome).toMatchObject({ status: "failed", error: expect.stringMatching(/deadline of 15 min/) });
  });

  it("its gatherer agent is the file's gather.agent; one set up without its key refuses with the loader's problem", async () => {
    const on = await createInvestigator({ config: resolveConfig({ env: { OPENAI_API_KEY: "sk-test-gatherer-key-value" }, file: file(agent) }), dataDir: dataDir(), publisher: null });
    const off = await createInvestigator({ config: resolveConfig({ env: { OPENAI_API_KEY: "sk-test-gatherer-key-value" } }), dataDir: dataDir(), publisher: null });
    expect([Object.keys(on.graph.nodes).includes("gather_agent"), Object.keys(off.graph.nodes).includes("gather_agent")]).toEqual([true, false]);
    await Promise.all([on.close(), off.close()]);
    const broken = resolveConfig({ env: {}, file: file(agent) });
    await expect(createInvestigator({ config: broken, dataDir: dataDir(), publisher: null })).rejects.toThrow(/casefile\.config\.yaml:3 gather\.agent\.model \(variable CASEFILE_GATHER_MODEL\): .*needs OPENAI_API_KEY/);
  });
});

describe("a partly configured vendor", () => {
  it("is left out with a problem naming the missing variable and what to unset; loading and printing still work", () => {
    const c = resolveConfig({ env: { DD_API_KEY: "dd-api-key-value" } });
    expect(c.vendors.datadog).toBeUndefined();
    expect(c.problems).toEqual({ datadog: "Datadog is partly configured: DD_APP_KEY is not set (an application key whose owner has audit_logs_read). To run without Datadog, unset DD_API_KEY." });
    const shown = printableConfig(c);
    expect(shown.vendors).toEqual({ cloudflare: "not configured", datadog: { problem: c.problems.datadog }, confluence: "not configured" });
    expect(shown.problems).toEqual([c.problems.datadog]);
    expect(JSON.stringify(shown)).not.toContain("dd-api-key-value");
    expect(() => requireInvestigationSettings(c)).toThrow(/cannot run investigations:\n {2}- Datadog is partly configured: DD_APP_KEY is not set/);
  });

  it("set in the file names the key to remove; an invalid value names its line; Confluence only blocks publishing runs", () => {
    const fromFile = resolveConfig({ env: {}, file: file("vendors:\n  cloudflare:\n    account_id: abc\n") });
    expect(fromFile.problems.cloudflare).toMatch(/CLOUDFLARE_API_TOKEN is not set.*To run without Cloudflare, remove vendors\.cloudflare\.account_id from \/etc\/casefile\/casefile\.config\.yaml\.$/);
    const bad = resolveConfig({ env: { CLOUDFLARE_API_TOKEN: "t" }, file: file("vendors:\n  cloudflare:\n    account_id: abc\n    base_url: ftp://x.example.com\n") });
    expect(bad.problems.cloudflare).toMatch(/casefile\.config\.yaml:4 vendors\.cloudflare\.base_url \(variable CLOUDFLARE_BASE_URL\): CLOUDFLARE_BASE_URL must be an http\(s\) URL/);
    const conf = resolveConfig({ env: { CONFLUENCE_BASE_URL: "https://x.atlassian.net" } });
    expect(() => requireInvestigationSettings(conf)).toThrow(/CONFLUENCE_API_TOKEN is not set/);
    expect(() => requireInvestigationSettings(conf, { dryRun: true })).not.toThrow();
    expect(() => requireInvestigationSettings(resolveConfig({ env: { CONFLUENCE_BASE_URL: "https://x.atlassian.net", CASEFILE_DRY_RUN: "1" } }))).not.toThrow();
  });
});

describe("the command line with a partly configured vendor", () => {
  const BIN = new URL("../bin/casefile.mjs", import.meta.url).pathname;
  const DEMO = new URL("../sandbox/incidents/demo.json", import.meta.url).pathname;
  /** The real command line in a fresh directory, with only Datadog's API key among the settings. */
  const run = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const cwd = mkdtempSync(join(tmpdir(), "casefile-cli-"));
      const env = { PATH: process.env.PATH, HOME: cwd, DD_API_KEY: "dd-api-key-value", CASEFILE_DATA_DIR: join(cwd, "data"), CASEFILE_WEBHOOK_SECRET: SECRET };
      execFile(process.execPath, [BIN, ...args], { cwd, env, timeout: 60_000 }, (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
    });
  const REFUSED = /^casefile: the configuration cannot run investigations:\n {2}- Datadog is partly configured: DD_APP_KEY is not set \(an application key whose owner has audit_logs_read\)\. To run without Datadog, unset DD_API_KEY\.\n/;

  it("--version and config --print still work; the problem is printed, the key is not", async () => {
    const [version, print] = await Promise.all([run("--version"), run("config", "--print", "--json")]);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    expect(print.code).toBe(0);
    const shown = JSON.parse(print.stdout);
    expect(shown.vendors.datadog.problem).toMatch(/DD_APP_KEY is not set/);
    expect(shown.problems).toHaveLength(1);
    expect(print.stdout).not.toContain("dd-api-key-value");
    expect(print.stderr).toMatch(/1 problem in the configuration/);
  }, 120_000);

  it("serve and investigate refuse to start, naming the variable and what it needs, without a stack trace", async () => {
    const [serve, investigate] = await Promise.all([run("serve", "--host", "127.0.0.1", "--port", "0"), run("investigate", "--anomaly", DEMO, "--dry-run")]);
    for (const r of [serve, investigate]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(REFUSED);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(serve.stderr).not.toContain("listening");
  }, 120_000);

  it.skipIf(!hasPg)("a serve that only accepts (PostgreSQL, CASEFILE_SERVE_WORKERS=0) starts: the workers check their own configuration", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "casefile-cli-"));
    const env = {
      PATH: process.env.PATH,
      HOME: cwd,
      DD_API_KEY: "dd-api-key-value",
      CASEFILE_DATA_DIR: join(cwd, "data"),
      CASEFILE_WEBHOOK_SECRET: SECRET,
      DATABASE_URL: PG_URL,
      CASEFILE_PG_SCHEMA: `cfg_accept_${process.pid}_${Date.now()}`,
      CASEFILE_SERVE_WORKERS: "0",
    };
    const child = spawn(process.execPath, [BIN, "serve", "--host", "127.0.0.1", "--port", "0"], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    const listening = await new Promise<boolean>((done) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString("utf8");
        if (stderr.includes("listening")) done(true);
      });
      void exited.then(() => done(false));
    });
    child.kill("SIGTERM");
    await exited;
    expect(listening, stderr).toBe(true);
    expect(stderr).not.toMatch(REFUSED);
  }, 120_000);
});

describe("filters", () => {
  const filters = Filters.parse({
    intake: [{ name: "lab", action: "ignore", match: { source: ["lab-*"] } }],
    suppressions: [
      { name: "dns-move", owner: "platform@example.com", reason: "registrar migration", expires: "2026-09-01", match: { actor: ["dns-*@example.com"] } },
      { name: "old", owner: "x@example.com", reason: "expired", expires: "2026-01-01", match: { actor: ["alice*"] } },
    ],
    events: [{ name: "health", match: { action: ["*health*"] } }],
  });
  const now = new Date("2026-08-20T12:00:00Z");

  it("suppressions apply until their expiry; intake ignore rules filter; the rest is investigated", () => {
    expect(decideIntake(anomaly({ actor: "dns-bot@example.com" }), filters, now)).toMatchObject({ filtered: true, rule: "suppressions.dns-move", owner: "platform@example.com" });
    expect(decideIntake(anomaly({ actor: "dns-bot@example.com" }), filters, new Date("2026-09-02T00:00:00Z"))).toEqual({ filtered: false });
    expect(decideIntake(anomaly({ actor: "alice.ops@example.com" }), filters, now)).toEqual({ filtered: false });
    expect(decideIntake(anomaly({ source: "lab-eu" }), filters, now)).toMatchObject({ filtered: true, rule: "intake.lab" });
  });

  it("investigate rules select: an anomaly matching none is filtered as not-selected", () => {
    const f = Filters.parse({ intake: [{ name: "high", action: "investigate", match: { severity: ["high", "critical"] } }] });
    expect(decideIntake(anomaly({ severity: "high" }), f, now)).toEqual({ filtered: false });
    expect(decideIntake(anomaly({ severity: "low" }), f, now)).toMatchObject({ filtered: true, rule: "intake.not-selected" });
  });

  it("event filters drop named noise and count it per source, keeping the ids asked for", () => {
    const ev = (id: string, action: string) => ({ id, action, source: "datadog", actor: {} }) as unknown as AuditEvent;
    const out = filterEvents([ev("1", "Request/healthz/check"), ev("2", "token_create"), ev("3", "health_check")], filters, new Set(["3"]));
    expect(out.kept.map((e) => e.id)).toEqual(["2", "3"]);
    expect(out.dropped).toEqual([{ name: "health", source: "datadog", count: 1 }]);
  });
});

describe("filters through the signed webhook", () => {
  let svc: Service | undefined;
  afterEach(async () => {
    await svc?.close({ drain: false });
    svc = undefined;
  });

  it("a suppressed or ignored anomaly is stored, answered 202 filtered with its rule, and never investigated", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-filter-"));
    const path = join(dir, "casefile.config.yaml");
    writeFileSync(
      path,
      [
        "filters:",
        "  intake:",
        "    - name: lab",
        "      match: { source: [lab-*] }",
        "  suppressions:",
        "    - name: dns-move",
        "      owner: platform@example.com",
        "      reason: registrar migration",
        "      expires: 2999-01-01",
        "      match: { actor: [dns-*@example.com] }",
      ].join("\n"),
    );
    const config = loadConfig({ path, env: { CASEFILE_HOST: "127.0.0.1", CASEFILE_PORT: "0", CASEFILE_DATA_DIR: dir, CASEFILE_WEBHOOK_SECRET: SECRET } });
    const inv = new FakeInvestigator();
    svc = await startService(config.service, { investigator: inv, logger: silent, pollMs: 20, settings: config });
    const post = (body: unknown) => {
      const raw = JSON.stringify(body);
      return svc!.app.inject({ method: "POST", url: "/v1/anomalies", payload: raw, headers: signed(raw) });
    };
    const suppressed = anomaly({ actor: "dns-bot@example.com" });
    const r1 = await post(suppressed);
    expect(r1.statusCode).toBe(202);
    expect(r1.json()).toMatchObject({ status: "filtered", rule: "suppressions.dns-move", coalesced: false });
    // the same anomaly again: the same stored record, still filtered
    const again = await post(suppressed);
    expect(again.json()).toMatchObject({ investigation_id: r1.json().investigation_id, status: "filtered", rule: "suppressions.dns-move" });
    const r2 = await post(anomaly({ source: "lab-1", actor: "carol@example.com" }));
    expect(r2.json()).toMatchObject({ status: "filtered", rule: "intake.lab" });
    const r3 = await post(anomaly({ actor: "erin@example.com" }));
    expect(r3.json().status).toBe("queued");
    await inv.started(1);

    const stored = (await svc.app.inject({ url: `/v1/investigations/${r1.json().investigation_id}` })).json();
    expect(stored.status).toBe("filtered");
    expect(stored.errors[0]).toMatch(/filtered by suppressions\.dns-move: registrar migration \(owner platform@example\.com, expires 2999-01-01\)/);
    const list = (await svc.app.inject({ url: "/v1/investigations?status=filtered" })).json();
    expect(list.items).toHaveLength(2);
    expect(inv.runs.map((r) => r.anomaly.actor)).toEqual(["erin@example.com"]);
    const ui = await svc.app.inject({ url: "/ui?status=filtered" });
    expect(ui.body).toContain("Filtered");
  });
});

it("the example file keeps its documentation beside every section", () => {
  const text = readFileSync(EXAMPLE, "utf8");
  for (const k of ["service:", "vendors:", "models:", "mappings:", "filters:", "context:", "networks:", "automation:", "tickets:", "teams:", "sensitive:", "agent:", "max_calls:", "run:", "deadline:"]) expect(text).toContain(k);
});
