// Logs go to stderr, never stdout (stdout is for command output such as `investigate --json`): `casefile serve` is
// spawned as a real process, made to log (start-up warning, requests at debug, a refused webhook), and stopped;
// its stdout must stay empty while stderr carries the JSON log lines.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = path.join(ROOT, "bin/casefile.mjs");

describe("logs go to stderr", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("casefile serve writes nothing to stdout; its log lines are JSON on stderr", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "casefile-logs-"));
    const child = spawn(process.execPath, [BIN, "serve", "--host", "127.0.0.1", "--port", "0"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        CASEFILE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
        CASEFILE_DATA_DIR: dir,
        CASEFILE_LOG_LEVEL: "debug",
        // A stray tracing switch: serve turns it off and says so in a log line.
        LANGSMITH_TRACING: "true",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const onData = () => {
        const m = /listening on (http:\/\/\S+)/.exec(stderr);
        if (m) {
          child.stderr.off("data", onData);
          resolve(m[1]!);
        }
      };
      child.stderr.on("data", onData);
      void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/v1/anomalies`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(401);
    expect((await fetch(`${url}/no-such-route`)).status).toBe(404);
    child.kill("SIGTERM");
    await exited;

    expect(stdout).toBe("");
    const logLines = stderr
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(line).toMatchObject({ service: "casefile", level: expect.any(Number) });
    // The tracing warning and the request log are among them.
    expect(logLines.some((l) => /LANGSMITH_TRACING/.test(JSON.stringify(l)))).toBe(true);
    expect(logLines.some((l) => JSON.stringify(l).includes("/no-such-route"))).toBe(true);
  });
});
