// A run has an overall deadline (CASEFILE_RUN_DEADLINE): its AbortSignal reaches the graph's nodes, so a vendor
// that never answers or a model endpoint that never answers is cut off — the connection is closed — and the run
// fails with an error naming the deadline, the step it was in and what to do. Real sockets on 127.0.0.1; the
// deadline is aborted by hand when the stalled request arrives, so nothing here depends on timing.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIncident, type Incident } from "../../domain/incident.ts";
import { startSandbox, type Sandbox } from "../../sandbox/server.ts";
import { createInvestigator } from "../../graph/investigator.ts";
import { DEFAULT_RUN_DEADLINE_MS, deadlineError, loadRunDeadlineMs } from "../../graph/deadline.ts";

const DEMO = new URL("../../sandbox/incidents/demo.json", import.meta.url).pathname;
const ANOMALY = { id: "det-deadline-1", actor: "alice.ops@example.com", action: "token_create", timestamp: "2026-08-20T14:02:11Z" };

/** A server that takes every request and never answers; `arrived` resolves with the first request, `closed` when its connection goes. */
async function stallingServer(): Promise<{ server: Server; url: string; arrived: Promise<IncomingMessage>; closed: Promise<void> }> {
  let onArrive!: (r: IncomingMessage) => void;
  let onClose!: () => void;
  const arrived = new Promise<IncomingMessage>((r) => (onArrive = r));
  const closed = new Promise<void>((r) => (onClose = r));
  const server = createServer((req) => {
    req.socket.once("close", () => onClose());
    onArrive(req);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrived, closed };
}

const dirs: string[] = [];
async function dataDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), "casefile-deadline-"));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("CASEFILE_RUN_DEADLINE", () => {
  it("parses like the other durations, defaults to 10 minutes and refuses junk", () => {
    expect(loadRunDeadlineMs({})).toBe(DEFAULT_RUN_DEADLINE_MS);
    expect(DEFAULT_RUN_DEADLINE_MS).toBe(600_000);
    expect(loadRunDeadlineMs({ CASEFILE_RUN_DEADLINE: "90s" })).toBe(90_000);
    expect(loadRunDeadlineMs({ CASEFILE_RUN_DEADLINE: "1h" })).toBe(3_600_000);
    expect(() => loadRunDeadlineMs({ CASEFILE_RUN_DEADLINE: "soon" })).toThrow(/CASEFILE_RUN_DEADLINE.*not a duration/);
    expect(() => loadRunDeadlineMs({ CASEFILE_RUN_DEADLINE: "5ms" })).toThrow(/shorter than a second/);
    expect(deadlineError(600_000, ["analyst"])).toMatch(/deadline of 10 min \(run.deadline in the configuration file, or CASEFILE_RUN_DEADLINE\) during analyst; .*raise run.deadline \/ CASEFILE_RUN_DEADLINE/);
  });
});

describe("a run past its deadline stops and fails; it never hangs", () => {
  it("a vendor that never answers: the gather request is cut off and the run fails naming the deadline", async () => {
    const vendor = await stallingServer();
    const controller = new AbortController();
    const investigator = await createInvestigator({
      env: {
        CLOUDFLARE_API_TOKEN: "cf-test-token",
        CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef",
        CLOUDFLARE_BASE_URL: vendor.url,
        CLOUDFLARE_AUDIT_API: "v2",
        // The request's own timeout is far away: only the run's deadline can stop it.
        CASEFILE_HTTP_TIMEOUT_MS: "3600000",
      },
      dataDir: await dataDir(),
      publisher: null,
      clock: () => Date.parse("2026-08-20T15:00:00Z"),
      runDeadlineMs: 600_000,
      deadline: () => controller.signal,
    });
    const run = investigator.run({ investigationId: "inv-deadline-gather", anomaly: ANOMALY });
    await vendor.arrived;
    controller.abort();
    const outcome = await run;
    await vendor.closed; // the vendor request was aborted, not left running behind the failed run
    await investigator.close();
    vendor.server.close();
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/ran past its deadline of 10 min \(run.deadline in the configuration file, or CASEFILE_RUN_DEADLINE\) during gather_cloudflare/);
    expect(outcome.error).toMatch(/casefile doctor/);
  });

  it("with the default timer deadline, a stalled vendor ends the run as failed", async () => {
    const vendor = await stallingServer();
    const investigator = await createInvestigator({
      env: { CLOUDFLARE_API_TOKEN: "cf-test-token", CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef", CLOUDFLARE_BASE_URL: vendor.url, CLOUDFLARE_AUDIT_API: "v2", CASEFILE_HTTP_TIMEOUT_MS: "3600000" },
      dataDir: await dataDir(),
      publisher: null,
      clock: () => Date.parse("2026-08-20T15:00:00Z"),
      runDeadlineMs: 300,
    });
    const outcome = await investigator.run({ investigationId: "inv-deadline-timer", anomaly: ANOMALY });
    await vendor.closed;
    await investigator.close();
    vendor.server.close();
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/deadline of 300 ms \(run.deadline in the configuration file, or CASEFILE_RUN_DEADLINE\)/);
  });

  describe("a model endpoint that never answers", () => {
    let incident: Incident;
    let sandbox: Sandbox;
    beforeAll(async () => {
      incident = await loadIncident(DEMO);
      sandbox = await startSandbox({ incident });
    });
    afterAll(() => sandbox.close());

    it("the model call is cut off inside its (much longer) model budget and the run fails in the analyst", async () => {
      const model = await stallingServer();
      const controller = new AbortController();
      const investigator = await createInvestigator({
        env: { ...sandbox.env, OPENAI_API_KEY: "sk-test-not-a-secret", OPENAI_BASE_URL: `${model.url}/v1`, CASEFILE_MODEL: "test-model", CASEFILE_MODEL_BUDGET_MS: "3600000" },
        dataDir: await dataDir(),
        publisher: null,
        clock: () => Date.parse(incident.now),
        deadline: () => controller.signal,
      });
      const run = investigator.run({ investigationId: "inv-deadline-model", anomaly: { ...incident.anomaly, id: "det-deadline-model" } });
      const req = await model.arrived;
      expect(req.url).toBe("/v1/chat/completions");
      controller.abort();
      const outcome = await run;
      await model.closed;
      await investigator.close();
      model.server.close();
      expect(outcome.status).toBe("failed");
      expect(outcome.error).toMatch(/ran past its deadline of 10 min \(run.deadline in the configuration file, or CASEFILE_RUN_DEADLINE\) during analyst/);
    });
  });
});
