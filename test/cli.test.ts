// The command line in-process (server/cli/index.ts): the help lists every command, usage errors exit 2 with the
// help, failures exit 1 with a message and no stack trace, and command output goes to the injected writers.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, main } from "../server/cli/index.ts";

const EXAMPLE = new URL("../casefile.config.example.yaml", import.meta.url).pathname;

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
