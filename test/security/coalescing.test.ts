// Coalescing is bounded by the window: a late anomaly starts a new run instead of vanishing into an old one; one
// that attaches to a published run, or to a run awaiting approval, amends the report and republishes the page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Anomaly } from "../../domain/schemas.ts";
import type { RunOutcome } from "../../graph/types.ts";
import { Metrics } from "../../server/metrics.ts";
import { Runner } from "../../server/runner.ts";
import { SqliteStore } from "../../server/store/index.ts";
import { anomaly, FakeInvestigator, result, silent } from "../server-helpers.ts";

const WINDOW = 15 * 60_000;
const T0 = new Date("2026-08-20T14:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

class AmendingInvestigator extends FakeInvestigator {
  amended: Anomaly[][] = [];
  async amend(id: string, coalesced: Anomaly[]): Promise<RunOutcome> {
    this.amended.push(coalesced);
    const r = result({ investigationId: id, anomaly: { id: "x" } });
    return { status: "completed", result: { ...r, report: { coalesced: coalesced.map((a) => ({ id: a.id })) } } };
  }
}

describe("coalescing window", () => {
  it("an anomaly four months after a run awaiting approval starts a new investigation", async () => {
    const store = new SqliteStore(mkdtempSync(join(tmpdir(), "casefile-coalesce-")));
    const first = await store.createOrAttach(anomaly({ actor: "bob@example.com" }), WINDOW, T0);
    await store.markAwaiting(first.investigation.id);
    const late = await store.createOrAttach(anomaly({ actor: "bob@example.com" }), WINDOW, later(120 * 86_400_000));
    expect(late.created).toBe(true);
    expect(late.investigation.id).not.toBe(first.investigation.id);
    await store.close();
  });

  it("one attaching to a published run inside the window queues it again to republish; a failed run gets a new one", async () => {
    const store = new SqliteStore(mkdtempSync(join(tmpdir(), "casefile-coalesce-")));
    const first = await store.createOrAttach(anomaly({ actor: "carol@example.com" }), WINDOW, T0);
    await store.markFinished(first.investigation.id, { result: result({ investigationId: first.investigation.id, anomaly: first.investigation.anomaly }) });
    const next = await store.createOrAttach(anomaly({ actor: "carol@example.com" }), WINDOW, later(60_000));
    expect(next).toMatchObject({ created: false, attached: true, requeued: true });
    expect(next.investigation.status).toBe("queued");

    const f = await store.createOrAttach(anomaly({ actor: "dave@example.com" }), WINDOW, T0);
    await store.markFinished(f.investigation.id, { error: "Cloudflare answered 403" });
    expect((await store.createOrAttach(anomaly({ actor: "dave@example.com" }), WINDOW, later(60_000))).created).toBe(true);
    await store.close();
  });

  it("anomalies that attached while a run awaited approval are added to the report when it is approved", async () => {
    const store = new SqliteStore(mkdtempSync(join(tmpdir(), "casefile-coalesce-")));
    const inv = new AmendingInvestigator();
    const runner = new Runner({ store, investigator: inv, metrics: new Metrics(), logger: silent, baseUrl: () => "http://127.0.0.1" });
    const now = new Date();
    const first = await store.createOrAttach(anomaly({ actor: "erin@example.com" }), WINDOW, now);
    await store.markAwaiting(first.investigation.id, result({ investigationId: first.investigation.id, anomaly: first.investigation.anomaly }));
    const extra = anomaly({ actor: "erin@example.com" });
    expect((await store.createOrAttach(extra, WINDOW, now)).attached).toBe(true);
    const out = await runner.decide(first.investigation.id, { approve: true });
    expect(out.ok).toBe(true);
    expect(inv.amended.map((c) => c.map((a) => a.id))).toEqual([[extra.id]]);
    await store.close();
  });
});
