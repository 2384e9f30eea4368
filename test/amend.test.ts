// Anomalies that attach to an investigation while it runs end up in its report: the run is amended from
// its checkpoint (writer and publish again, same page, next version), without gathering or analysing again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadIncident, type Incident } from "../domain/incident.ts";
import { startSandbox, type Sandbox } from "../sandbox/server.ts";
import { createInvestigator } from "../graph/investigator.ts";

describe("amending a finished run with late-attached anomalies", () => {
  let incident: Incident;
  let sandbox: Sandbox;
  let dir = "";
  beforeAll(async () => {
    incident = await loadIncident(new URL("../sandbox/incidents/demo.json", import.meta.url).pathname);
    sandbox = await startSandbox({ incident });
    dir = await mkdtemp(path.join(tmpdir(), "casefile-amend-"));
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("redrafts and republishes the same page listing every attached anomaly", async () => {
    const investigator = await createInvestigator({ env: sandbox.env, dataDir: dir, clock: () => Date.parse(incident.now) });
    const first = await investigator.run({ investigationId: "inv-amend", anomaly: incident.anomaly });
    expect(first.status).toBe("completed");
    const gathered = sandbox.requests.filter((r) => r.vendor !== "confluence").length;
    const late = { ...incident.anomaly, id: "det-late-1", action: "Authentication/api_key/created", timestamp: "2026-08-20T14:01:37Z" };
    const amended = await investigator.amend!("inv-amend", [late]);
    expect(amended.status).toBe("completed");
    expect(amended.result!.report_markdown).toContain("det-late-1");
    expect(amended.result!.page_id).toBe(first.result!.page_id);
    expect(amended.result!.page_version).toBe((first.result!.page_version ?? 1) + 1);
    expect(sandbox.requests.filter((r) => r.vendor !== "confluence").length).toBe(gathered); // nothing fetched again
    await investigator.close();
  });
});
