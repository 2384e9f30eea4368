// The command line in-process (server/cli/index.ts): the help lists every command, usage errors exit 2 with the
// help, failures exit 1 with a message and no stack trace, and command output goes to the injected writers;
// `casefile doctor` against the vendor doubles over real sockets checks each vendor on its own.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMMAND_NAMES, main } from "../server/cli/index.ts";
import { doctorCommand } from "../server/cli/config.ts";
import { resolveConfig, type Env } from "../config/load.ts";
import { loadIncident } from "../domain/incident.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";

const EXAMPLE = new URL("../casefile.config.example.yaml", import.meta.url).pathname;
const DEMO = new URL("../sandbox/incidents/demo.json", import.meta.url).pathname;

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("casefile command line", () => {
  it("--help lists every command and exits 0; no command prints the help and exits 2", async () => {
    const help = await run("--help");
    expect(help.code).toBe(0);
    for (const name of COMMAND_NAMES.filter((n) => n !== "help" && n !== "version")) expect(help.stdout).toContain(`casefile ${name}`);
    expect(help.stdout).toContain("casefile --version");
    expect((await run()).code).toBe(2);
    expect((await run("version")).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("bad usage exits 2 with the message and the help", async () => {
    for (const argv of [["nope"], ["toString"], ["investigate"], ["investigate", "--bogus"], ["config"], ["sandbox", "--incident", "x", "--port", "99999"], ["map", "--config"]]) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr, argv.join(" ")).toMatch(/^casefile: .+\n\ncasefile \d/);
    }
    expect((await run("investigate", "--anomaly", "/nonexistent/anomaly.json")).stderr).toMatch(/^casefile: cannot read the anomaly from \/nonexistent\/anomaly\.json: ENOENT/);
  });

  it("a failure exits 1 with one message line and no stack trace", async () => {
    const r = await run("config", "--print", "--config", "/nonexistent/casefile.config.yaml");
    expect(r).toEqual({ code: 1, stdout: "", stderr: expect.stringMatching(/^casefile: the configuration file \/nonexistent\/casefile\.config\.yaml does not exist; [^\n]+\n$/) });
  });

  it("map reads the file's mappings and answers on the injected stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-map-"));
    const payload = join(dir, "alert.json");
    writeFileSync(payload, JSON.stringify({ alert: { id: "a-1", severity: "high" }, user: { email: "bob@example.com" }, event: { action: "token_create", time: "2026-08-20T10:00:00Z" } }));
    const ok = await run("map", "--config", EXAMPLE, "--format", "siem", "--payload", payload);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, format: "siem", anomaly: { id: "a-1", actor: "bob@example.com", action: "token_create" }, intake: { filtered: false } });
    writeFileSync(payload, JSON.stringify({ alert: { id: "a-2" } }));
    const failed = await run("map", "--config", EXAMPLE, "--format", "siem", "--payload", payload);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, format: "siem", field: "actor" });
  });
});

describe("casefile doctor against the vendor doubles", () => {
  let sb: Sandbox | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  /** `casefile doctor` with these settings variables (the process environment is not read). */
  async function doctor(env: Env) {
    let stdout = "";
    const code = await doctorCommand([], { out: (t) => (stdout += t), err: () => {}, settings: async () => resolveConfig({ env }) });
    return { code, stdout };
  }

  it("a half set up vendor fails with the loader's problem while the others are still checked; all set up passes", async () => {
    sb = await startSandbox({ incident: await loadIncident(DEMO) });
    const { DD_APP_KEY: _appKey, ...half } = sb.env;
    const r = await doctor(half);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL\s+datadog\s+configured\s+Datadog is partly configured: DD_APP_KEY is not set \(an application key whose owner has audit_logs_read\)\. To run without Datadog, unset DD_API_KEY\.$/m);
    for (const check of [/cloudflare\s+token verify/, /cloudflare\s+audit log query/, /confluence\s+space lookup/, /confluence\s+create permission/]) expect(r.stdout).toMatch(new RegExp(`^ok\\s+${check.source}`, "m"));
    expect(r.stdout.match(/^FAIL/gm)).toHaveLength(1);
    expect(r.stdout).toMatch(/How to fix:\n- datadog configured: /);
    expect(r.stdout).not.toContain(sb.env.DD_API_KEY);
    const asked = new Set(sb.requests.map((q) => q.vendor));
    expect([asked.has("cloudflare"), asked.has("confluence"), asked.has("datadog")]).toEqual([true, true, false]);

    const whole = await doctor(sb.env);
    expect(whole.stdout.match(/^FAIL/gm)).toBeNull();
    expect(whole.stdout).toMatch(/^ok\s+datadog\s+audit search/m);
    expect(whole.code).toBe(0);
  });

  it("every part set up wrongly is its own failure; a vendor nobody configured still fails", async () => {
    const r = await doctor({ DD_API_KEY: "dd-api-key-value", CONFLUENCE_BASE_URL: "https://x.atlassian.net", CASEFILE_GATHER_MODEL: "gather-model" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL\s+config\s+gather agent\s+CASEFILE_GATHER_MODEL="gather-model" needs OPENAI_API_KEY/m);
    expect(r.stdout).toMatch(/^FAIL\s+cloudflare\s+configured\s+not configured/m);
    expect(r.stdout).toMatch(/^FAIL\s+datadog\s+configured\s+Datadog is partly configured: DD_APP_KEY is not set/m);
    expect(r.stdout).toMatch(/^FAIL\s+confluence\s+configured\s+Confluence is partly configured: CONFLUENCE_API_TOKEN is not set/m);
    expect(r.stdout).toMatch(/^ok\s+model\s+model endpoint/m);
    expect(r.stdout).not.toContain("dd-api-key-value");
  });
});
