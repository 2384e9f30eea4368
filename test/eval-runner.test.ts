// The runner end to end: real incident files → sandbox over HTTP → the whole pipeline → scored report.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { VERDICTS } from "../domain/schemas.ts";
import { rawEventIds, runEval, runEvalCommand, EvalGateError, evalEnv } from "../evals/runner.ts";
import type { Incident } from "../domain/incident.ts";

const CONTRACTS = fileURLToPath(new URL("./fixtures/contracts", import.meta.url));
let dir: string;
let cfIds: string[];

async function sampleIncident(): Promise<Incident> {
  const cf = JSON.parse(await readFile(path.join(CONTRACTS, "cloudflare-audit-logs.sample.json"), "utf8")).result as { id: string }[];
  const dd = JSON.parse(await readFile(path.join(CONTRACTS, "datadog-audit-search.sample.json"), "utf8")).data as { id: string }[];
  cfIds = cf.map((e) => e.id);
  return {
    id: "sample-token",
    now: "2026-08-20T15:00:00Z",
    anomaly: { id: "det-1", actor: "alice.ops@example.com", action: "token_create", timestamp: "2026-08-20T14:02:11Z", source: "cloudflare" },
    sources: {
      cloudflare: { account_id: "023e105f4ecef8ad9ca31a8372d0c353", audit_logs: cf },
      datadog: { site: "datadoghq.com", audit_events: dd },
    },
    label: { verdict: "likely_malicious", key_event_ids: [cf[0]!.id] },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "eval-runner-"));
  const ok = await sampleIncident();
  await writeFile(path.join(dir, "a-ok.json"), JSON.stringify(ok));
  await writeFile(
    path.join(dir, "b-down.json"),
    JSON.stringify({ ...ok, id: "sample-down", faults: { cloudflare: "unavailable", datadog: "unavailable" } }),
  );
  await writeFile(path.join(dir, "c-broken.json"), '{"id": "broken"');
  await writeFile(path.join(dir, "notes.txt"), "not an incident");
});

afterEach(() => vi.restoreAllMocks());

describe("runEval", () => {
  it("runs every incident file through the pipeline and reports broken files as error rows", async () => {
    const json = path.join(dir, "out.json");
    const report = await runEval({ dataset: dir, json, progress: false });
    expect(report.n).toBe(3);
    const [ok, down, broken] = report.per_incident;

    expect(ok).toMatchObject({ id: "sample-token", label: "likely_malicious" });
    expect(ok!.error).toBeUndefined();
    expect(VERDICTS).toContain(ok!.verdict);
    expect(ok!.verdict).not.toBe("inconclusive");
    expect(ok!.cited_ids.length).toBeGreaterThan(0);
    expect(ok!.duration_ms).toBeGreaterThan(0);

    // Both sources down: no evidence, so never a confident verdict.
    expect(down).toMatchObject({ id: "sample-down", label: "likely_malicious" });
    expect(down!.verdict).toBe("inconclusive");

    expect(broken).toMatchObject({ id: "c-broken", label: null, verdict: "inconclusive", duration_ms: null });
    expect(broken!.error).toMatch(/not valid JSON/);

    // Every cited id exists in the raw data the sandbox served.
    expect(report.invalid_citations).toBe(0);
    expect(report.abstentions).toBeGreaterThanOrEqual(2);
    expect(report.prompt_versions).toHaveProperty("analyst");
    expect(JSON.parse(await readFile(json, "utf8"))).toEqual(report);
  });

  it("with thresholds, rejects a report that misses one", async () => {
    const err = await runEval({ dataset: dir, progress: false, limit: 1, thresholds: { accuracy: 1.01 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EvalGateError);
    expect((err as EvalGateError).failures).toEqual([expect.stringContaining("accuracy")]);
    expect((err as EvalGateError).report.n).toBe(1);
  });

  it("--prompts: runs with the prompt modules of another folder and records their versions", async () => {
    const prompts = await mkdtemp(path.join(tmpdir(), "eval-prompts-"));
    await writeFile(
      path.join(prompts, "analyst.ts"),
      'export const analystPrompt = { name: "analyst", version: "analyst@9.9.9-test", system: "s", buildUser: (i: unknown) => JSON.stringify(i) };\n',
    );
    const report = await runEval({ dataset: dir, progress: false, limit: 1, promptsDir: prompts });
    expect(report.prompt_versions.analyst).toBe("analyst@9.9.9-test");
    expect(report.per_incident[0]!.error).toBeUndefined();
    await expect(runEval({ dataset: dir, progress: false, limit: 1, promptsDir: path.join(prompts, "nope") })).rejects.toThrow(/--prompts .* is not a directory/);
  });

  it("refuses a missing dataset and a bad concurrency", async () => {
    await expect(runEval({ dataset: path.join(dir, "nope") })).rejects.toThrow(/is not a directory/);
    await expect(runEval({ dataset: dir, concurrency: 0 })).rejects.toThrow(/concurrency/);
    const empty = await mkdtemp(path.join(tmpdir(), "eval-empty-"));
    await expect(runEval({ dataset: empty })).rejects.toThrow(/holds no \*\.json incident files/);
  });
});

describe("helpers", () => {
  it("rawEventIds collects Cloudflare v1, v2 and Datadog ids", async () => {
    const inc = await sampleIncident();
    inc.sources.cloudflare!.audit_logs_v2 = [{ id: "v2-id" }, { noid: true }];
    const ids = rawEventIds(inc);
    expect(ids.has(cfIds[0]!)).toBe(true);
    expect(ids.has("v2-id")).toBe(true);
    expect(ids.has("AQAAAZjX3xq1oR2mNQAAAABBWmpYM3hxMUFBQkZxOVJfS3pTX0FRQUE")).toBe(true);
  });

  it("evalEnv passes only the sandbox's variables, plus the model's when asked (flag or the caller's model variables)", () => {
    const caller = { OPENAI_API_KEY: "sk-test", DATABASE_URL: "postgres://x", CASEFILE_MODEL: "other" };
    expect(evalEnv({ A: "1" }, undefined, { OPENAI_API_KEY: "sk-test", DATABASE_URL: "postgres://x" })).toEqual({ A: "1" });
    expect(evalEnv({ A: "1" }, undefined, caller)).toEqual({ A: "1", OPENAI_API_KEY: "sk-test", CASEFILE_MODEL: "other" });
    expect(evalEnv({ A: "1" }, "gpt-x", caller)).toEqual({ A: "1", OPENAI_API_KEY: "sk-test", CASEFILE_MODEL: "gpt-x" });
    expect(() => evalEnv({}, "gpt-x", {})).toThrow(/OPENAI_API_KEY/);
  });
});

describe("runEvalCommand", () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
    return { out: () => out.join(""), err: () => err.join("") };
  }

  it("exits 2 with a clear message on bad usage", async () => {
    const io = capture();
    expect(await runEvalCommand([])).toBe(2);
    expect(await runEvalCommand(["--dataset", path.join(dir, "nope")])).toBe(2);
    expect(await runEvalCommand(["--dataset", dir, "--concurrency", "zero"])).toBe(2);
    expect(await runEvalCommand(["--dataset", dir, "--bogus"])).toBe(2);
    expect(await runEvalCommand(["--dataset", dir, "--baseline", path.join(dir, "notes.txt")])).toBe(2);
    const e = io.err();
    expect(e).toContain("--dataset is required");
    expect(e).toContain("is not a directory");
    expect(e).toContain("--concurrency must be a positive integer");
    expect(e).toMatch(/bogus/);
    expect(e).toContain("usage: casefile eval");
    expect(io.out()).toBe("");
  });

  it("prints the table, writes --json and compares with --baseline", async () => {
    const first = path.join(dir, "first.json");
    const io = capture();
    expect(await runEvalCommand(["--dataset", dir, "--limit", "1", "--json", first])).toBe(0);
    expect(io.out()).toMatch(/accuracy\s+\d\.\d{3}/);
    expect(io.out()).toContain("confusion");
    expect(JSON.parse(await readFile(first, "utf8")).n).toBe(1);
    expect(await runEvalCommand(["--dataset", dir, "--limit", "1", "--baseline", first])).toBe(0);
    expect(io.out()).toContain("comparison with baseline");
    expect(io.out()).toContain("no incident changed verdict");
  });
});
