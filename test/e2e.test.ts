// End to end over real sockets and real processes: the CLI and the service against the vendor doubles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Webhook } from "standardwebhooks";
import { XMLValidator } from "fast-xml-parser";
import { loadIncident, type Incident } from "../domain/incident.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(ROOT, "bin/casefile.mjs");
const DEMO = path.join(ROOT, "sandbox/incidents/demo.json");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function casefile(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", CASEFILE_LOG_LEVEL: "warn", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

/** The actor's own events inside the window, counted from the raw incident independently of the normalisers. */
function expectedCounts(incident: Incident): { cloudflare: number; datadog: number } {
  const since = Date.parse(incident.anomaly.timestamp) - 24 * 3600_000;
  const before = Math.max(Date.parse(incident.now), Date.parse(incident.anomaly.timestamp));
  const actor = incident.anomaly.actor.toLowerCase();
  const cf = (incident.sources.cloudflare?.audit_logs ?? []).filter((e: any) => {
    const t = Date.parse(e.when);
    return (e.actor?.email ?? "").toLowerCase() === actor && t >= since && t <= before;
  }).length;
  const dd = (incident.sources.datadog?.audit_events ?? []).filter((e: any) => {
    const t = Date.parse(e.attributes.timestamp);
    const usr = e.attributes.attributes.usr ?? {};
    return (usr.email ?? "").toLowerCase() === actor && t >= since && t <= before;
  }).length;
  return { cloudflare: cf, datadog: dd };
}

describe("casefile investigate against the vendor doubles (small pages)", () => {
  let incident: Incident;
  let sandbox: Sandbox;
  const dirs: string[] = [];
  const dataDir = async () => {
    const d = await mkdtemp(path.join(tmpdir(), "casefile-e2e-"));
    dirs.push(d);
    return d;
  };

  beforeAll(async () => {
    incident = await loadIncident(DEMO);
    sandbox = await startSandbox({ incident, maxPageSize: { cloudflare: 2, datadog: 3, confluence: 2 } });
  });
  afterAll(async () => {
    await sandbox?.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("fetches every page of both sources, publishes one page and prints exactly one JSON object", async () => {
    const run = await casefile(["investigate", "--anomaly", DEMO, "--now", incident.now, "--json"], {
      ...sandbox.env,
      CASEFILE_DATA_DIR: await dataDir(),
    });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["investigation_id", "verdict", "confidence", "report_url", "sources"]));
    expect(out.verdict).toBe("likely_malicious");
    expect(out.confidence).toBeGreaterThan(0.5);
    expect(out.confidence).toBeLessThanOrEqual(1);
    expect(out.sources.cloudflare).toEqual({ status: "ok", events: expectedCounts(incident).cloudflare });
    expect(out.sources.datadog).toEqual({ status: "ok", events: expectedCounts(incident).datadog });
    expect(out.report_url).toMatch(new RegExp(`^${sandbox.url}/wiki/spaces/SEC/pages/\\d+/`));
    // Several pages were needed for each source.
    const cfPages = sandbox.requests.filter((r) => r.vendor === "cloudflare" && r.path.endsWith("/audit_logs")).length;
    const ddPages = sandbox.requests.filter((r) => r.vendor === "datadog" && r.path.includes("/audit/events")).length;
    expect(cfPages).toBeGreaterThan(3);
    expect(ddPages).toBeGreaterThan(3);
    // The page is well-formed storage XHTML carrying every section, the picture and escaped vendor text.
    const pages = [...sandbox.confluence.pages.values()].filter((p) => p.title.startsWith("[casefile]"));
    expect(pages).toHaveLength(1);
    const body = pages[0]!.body;
    expect(XMLValidator.validate(`<root xmlns:ac="a" xmlns:ri="r">${body}</root>`)).toBe(true);
    for (const section of ["Summary", "Timeline", "Indicators", "Recommended next steps", "Data gaps", "Evidence"]) {
      expect(body).toContain(section);
    }
    expect(body).toContain('ac:name="status"');
    expect(body).toContain('ri:filename="timeline.svg"');
    expect(body).toContain("T1098.001");
    expect(body).not.toContain("<img src=x onerror");
    expect(body).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const attachments = [...sandbox.confluence.attachments.values()].flat().map((a: any) => a.title ?? a.name);
    expect(attachments).toEqual(expect.arrayContaining(["timeline.svg"]));
  });

  it("updates the same page (version 2) when the same anomaly is investigated again from another data dir", async () => {
    const before = [...sandbox.confluence.pages.values()].filter((p) => p.title.startsWith("[casefile]"));
    expect(before).toHaveLength(1);
    const run = await casefile(["investigate", "--anomaly", "-", "--now", incident.now, "--json"], {
      ...sandbox.env,
      CASEFILE_DATA_DIR: await dataDir(),
    }, JSON.stringify(incident.anomaly));
    expect(run.code, run.stderr).toBe(0);
    const after = [...sandbox.confluence.pages.values()].filter((p) => p.title.startsWith("[casefile]"));
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[0]!.version.number).toBe(2);
    expect(JSON.parse(run.stdout).report_url).toContain(`/pages/${before[0]!.id}/`);
  });

  it("completes an investigation of an actor with no activity, saying so", async () => {
    const anomaly = { ...incident.anomaly, id: "det-nobody", actor: "nobody@example.com" };
    const run = await casefile(["investigate", "--anomaly", "-", "--now", incident.now], { ...sandbox.env, CASEFILE_DATA_DIR: await dataDir() }, JSON.stringify(anomaly));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/no (events|activity)/i);
    expect(run.stdout).toMatch(/verdict: inconclusive/);
  });

  it("fails with a message naming the vendor and the variable when every vendor rejects the credentials", async () => {
    const run = await casefile(["investigate", "--anomaly", DEMO, "--now", incident.now, "--json"], {
      ...sandbox.env,
      CLOUDFLARE_API_TOKEN: "wrong",
      DD_API_KEY: "wrong",
      CASEFILE_DATA_DIR: await dataDir(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Cloudflare");
    expect(run.stderr).toContain("CLOUDFLARE_API_TOKEN");
    expect(run.stderr).toContain("DD_API_KEY");
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("rejects a malformed anomaly with exit code 2 naming the field", async () => {
    const run = await casefile(["investigate", "--anomaly", "-"], { ...sandbox.env, CASEFILE_DATA_DIR: await dataDir() }, JSON.stringify({ id: "x", actor: "a@b.c", action: "x" }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("timestamp");
  });
});

describe("casefile serve: signed webhook in, page out", () => {
  let incident: Incident;
  let sandbox: Sandbox;
  let server: ReturnType<typeof spawn> | undefined;
  let url = "";
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  let dir = "";

  beforeAll(async () => {
    incident = await loadIncident(DEMO);
    // The serve process uses the wall clock: move the incident's data next to now.
    sandbox = await startSandbox({ incident: { ...incident, now: new Date(Date.now() + 3600_000).toISOString() }, maxPageSize: { cloudflare: 3, datadog: 3 } });
    dir = await mkdtemp(path.join(tmpdir(), "casefile-serve-"));
    server = spawn(process.execPath, [BIN, "serve", "--host", "127.0.0.1", "--port", "0"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...sandbox.env, CASEFILE_WEBHOOK_SECRET: secret, CASEFILE_DATA_DIR: dir, CASEFILE_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    url = await new Promise<string>((resolve, reject) => {
      let err = "";
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30_000);
      server!.stderr!.on("data", (d) => {
        err += d;
        const m = /listening on (http:\/\/\S+)/.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      server!.on("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
  });
  afterAll(async () => {
    server?.kill("SIGTERM");
    await sandbox?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const send = (body: string, headers: Record<string, string>, query = "") =>
    fetch(`${url}/v1/anomalies${query}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const sign = (body: string, id = `msg_${randomUUID()}`, at = new Date()) => {
    const signature = new Webhook(secret).sign(id, at, body);
    return { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature };
  };

  it("answers a signed anomaly with the verdict and the page URL, and refuses a tampered one", async () => {
    const anomaly = { ...incident.anomaly, id: "det-serve-1" };
    const body = JSON.stringify(anomaly);
    const res = await send(body, sign(body), "?wait=60");
    expect(res.status).toBe(200);
    const out = (await res.json()) as Record<string, any>;
    expect(out.status).toBe("completed");
    expect(out.verdict).toBe("likely_malicious");
    expect(out.report_url).toContain(`${sandbox.url}/wiki/spaces/SEC/pages/`);

    const status = await fetch(`${url}/v1/investigations/${out.investigation_id}`);
    const view = (await status.json()) as Record<string, any>;
    expect(view.sources.cloudflare.events).toBe(expectedCounts(incident).cloudflare);
    expect(view.sources.datadog.events).toBe(expectedCounts(incident).datadog);

    const tampered = JSON.stringify({ ...anomaly, id: "det-serve-2", actor: "mallory@example.com" });
    const headers = sign(body);
    const refused = await send(tampered, headers);
    expect(refused.status).toBe(401);
    const unsigned = await send(tampered, {});
    expect(unsigned.status).toBe(401);
    const stale = await send(body, sign(body, `msg_${randomUUID()}`, new Date(Date.now() - 10 * 60_000)));
    expect(stale.status).toBe(401);
    const pages = [...sandbox.confluence.pages.values()].filter((p) => p.title.startsWith("[casefile]"));
    expect(pages).toHaveLength(1);
  });

  it("answers 400 naming the field, and 413 for a body over 256 KiB", async () => {
    const bad = JSON.stringify({ id: "det-x", actor: "a@example.com", action: "login" });
    const res = await send(bad, sign(bad));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("timestamp");
    const big = JSON.stringify({ ...incident.anomaly, id: "det-big", details: { pad: "x".repeat(300 * 1024) } });
    const res2 = await send(big, sign(big));
    expect(res2.status).toBe(413);
  });
});

describe("casefile sandbox command", () => {
  it("prints env lines that point casefile at the doubles", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "casefile-sbx-"));
    const file = path.join(dir, "incident.json");
    await writeFile(file, await (await import("node:fs/promises")).readFile(DEMO));
    const child = spawn(process.execPath, [BIN, "sandbox", "--incident", file, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const text = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error("no env lines")), 30_000);
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("CONFLUENCE_SPACE_KEY")) {
          clearTimeout(timer);
          resolve(out);
        }
      });
    });
    child.kill("SIGTERM");
    for (const key of ["CLOUDFLARE_BASE_URL", "CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID", "DATADOG_API_URL", "DD_API_KEY", "DD_APP_KEY", "CONFLUENCE_BASE_URL", "CONFLUENCE_EMAIL", "CONFLUENCE_API_TOKEN"]) {
      expect(text).toContain(key);
    }
    const base = /CLOUDFLARE_BASE_URL='?(http:\/\/127\.0\.0\.1:\d+\/client\/v4)/.exec(text);
    expect(base).not.toBeNull();
    await rm(dir, { recursive: true, force: true });
  });
});
