// The evidence table and its learned weights: declared rules, a logistic fit that learns from data, a temperature
// fitted on held-out logits, and a confidence that falls when the runner-up class has real evidence.
import { describe, expect, it } from "vitest";
import { correlate, findIndicators } from "../analysis/index.ts";
import { EVIDENCE, RULE_IDS, evaluateEvidence, evidenceContext } from "../analysis/evidence.ts";
import { assess } from "../analysis/score.ts";
import { fitLogistic, fitTemperature, logits, modelFrom, shippedModel, softmax, type WeightsFile } from "../analysis/weights.ts";
import type { AuditEvent } from "../domain/events.ts";
import { CURL, EVIL_IP, T, WINDOW, anomaly, cf1, cf2, dd, okSources, routineDay } from "./analysis-fixtures.ts";

const M = 60_000;
const CLS = ["likely_malicious", "misconfiguration", "benign"] as const;

/** A hand-set weights file: every rule adds `w` to the class it argues for. */
function declared(w: number): WeightsFile {
  const weights: Record<string, number[]> = {};
  for (const r of EVIDENCE) weights[r.id] = CLS.map((c) => (r.id.startsWith("context.") ? 0 : r.cls === c ? w : 0));
  return { format: "casefile-weights/1", version: "test", fitted_at: "2026-12-05T00:00:00Z", trained_on: [], l2: 0, temperature: 1, classes: [...CLS], bias: [0, 0, 0], weights };
}

const analyse = (events: AuditEvent[], action: string, model = modelFrom(declared(1))) => {
  const corr = correlate(events, anomaly(action, T), WINDOW);
  return assess(corr, findIndicators(corr), okSources(), model);
};

describe("the evidence table", () => {
  it("declares unique ids, a class, a reason, and clearing only on rules that argue for a lower class", () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const r of EVIDENCE) {
      expect(r.why.length, r.id).toBeGreaterThan(10);
      expect(CLS).toContain(r.cls);
      if (r.clearing) expect(r.cls, r.id).not.toBe("likely_malicious");
    }
  });

  it("the shipped weights name only rules of the table and were fitted on data", () => {
    const m = shippedModel();
    expect(Object.keys(m.file.weights).every((id) => RULE_IDS.includes(id))).toBe(true);
    expect(m.file.trained_on.length).toBeGreaterThan(1);
    expect(m.temperature).toBeGreaterThan(0);
  });

  it("lists every fired rule with its contribution for or against the verdict, and cites existing events only", () => {
    const chain = [
      cf1("login", { at: T - 8 * M, ip: EVIL_IP, ua: CURL }),
      dd("Authentication", "api_key", "created", { at: T - 5 * M, ip: EVIL_IP, ua: CURL, resource: { name: "ci-tmp", id: "k1" } }),
      dd("Organization Management", "audit_logs_settings", "modified", { at: T, ip: EVIL_IP, ua: CURL, id: "flag" }),
    ];
    const events = [...routineDay(), ...chain];
    const a = analyse(events, "Organization Management/audit_logs_settings/modified");
    expect(a.verdict).toBe("likely_malicious");
    expect(a.evidence?.length).toBeGreaterThan(0);
    expect(a.evidence?.some((e) => e.weight > 0)).toBe(true);
    const known = new Set(events.map((e) => e.id));
    for (const e of a.evidence ?? []) for (const id of e.ids) expect(known.has(id), `${e.rule} cites ${id}`).toBe(true);
    expect(a.citations.every((id) => known.has(id))).toBe(true);
  });
});

describe("what became of a change", () => {
  /** the rules that fire, whatever the weights make of them */
  const fired = (events: AuditEvent[], action: string, at = T) => {
    const corr = correlate(events, anomaly(action, at), WINDOW);
    return new Set(evaluateEvidence(evidenceContext(corr, findIndicators(corr), okSources())).fired.map((f) => f.rule.id));
  };
  const scanner = (at: number, old: unknown, nw: unknown, id?: string) =>
    dd("Sensitive Data Scanner", "sensitive_data_scanner_scanning_rule", "modified", { at, id, resource: { id: "r1", name: "AWS key scanner" }, change: { setting: "sensitive_data_scanner_scanning_rule", old, new: nw } });
  const flag = "Sensitive Data Scanner/sensitive_data_scanner_scanning_rule/modified";

  it("tells a weakening put right later from one left in place", () => {
    const off = scanner(T, { is_enabled: true, namespaces: ["a"] }, { is_enabled: false, namespaces: ["a"] }, "flag");
    const left = fired([...routineDay(), off], flag);
    expect(left.has("mis.left_weakened")).toBe(true);
    expect(left.has("mis.weakening_corrected")).toBe(false);
    // back on 40 minutes later with a wider scope than before: a correction, not an exact undo
    const corrected = fired([...routineDay(), off, scanner(T + 40 * M, { is_enabled: false, namespaces: ["a"] }, { is_enabled: true, namespaces: ["a", "b"] })], flag);
    expect(corrected.has("mis.weakening_corrected")).toBe(true);
    expect(corrected.has("mis.left_weakened")).toBe(false);
  });

  it("sees a change hours later that names what the flagged change touched (a late fix), not one minutes later", () => {
    const at = T - 3 * 60 * M;
    const tunnel = cf2("cloudflare_tunnel", "update", { at, id: "flag", resource: { id: "t1", name: "stage-admin" }, change: { new: { ingress: [{ hostname: "admin.stage.example.net", service: "http://10.0.0.5:8080" }] } } });
    const access = (t: number) => cf2("access", "create", { at: t, resource: { id: "app1", name: "admin.stage.example.net" }, change: { new: { domain: "admin.stage.example.net", policies: [{ decision: "allow" }] } } });
    const rules = (events: AuditEvent[]) => fired(events, "cloudflare_tunnel.update", at);
    expect(rules([...routineDay(), tunnel, access(at + 10 * M)]).has("mis.late_fix")).toBe(false);
    expect(rules([...routineDay(), tunnel, access(at + 150 * M)]).has("mis.late_fix")).toBe(true);
  });
});

describe("confidence", () => {
  it("falls when the runner-up class has real evidence", () => {
    const mint = [
      cf1("login", { at: T - 8 * M, ip: EVIL_IP, ua: CURL }),
      cf1("token_create", { at: T, ip: EVIL_IP, ua: CURL, id: "flag", metadata: { token_name: "deploy-2026-08" } }),
    ];
    const alone = analyse([...routineDay(), ...mint], "token_create");
    // the same mint, answered by revoking the previous token and a change ticket: clearing evidence for benign
    const cleared = analyse(
      [...routineDay(), ...mint, cf1("token_revoke", { at: T + 3 * M, ip: EVIL_IP, ua: CURL, metadata: { token_name: "deploy-2026-05" }, description: "rotation per CHG-1234" })],
      "token_create",
    );
    expect((cleared.evidence ?? []).some((e) => e.clearing)).toBe(true);
    if (cleared.verdict === alone.verdict) expect(cleared.confidence).toBeLessThan(alone.confidence);
    else expect(cleared.verdict).not.toBe("likely_malicious");
  });
});

describe("fitting", () => {
  it("learns which rule argues for which class from labelled samples", () => {
    const n = RULE_IDS.length;
    const sample = (on: number, y: number) => ({ x: Array.from({ length: n }, (_, i) => (i === on ? 1 : 0)), y });
    // rule 0 appears with class 0, rule 1 with class 2, rule 2 with class 1
    const data = [...Array(20)].flatMap(() => [sample(0, 0), sample(1, 2), sample(2, 1)]);
    const m = fitLogistic(data, n, { l2: 0.01 });
    for (const [rule, cls] of [[0, 0], [1, 2], [2, 1]] as const) {
      const p = softmax(logits(m, sample(rule, cls).x));
      expect(p.indexOf(Math.max(...p))).toBe(cls);
    }
    // an unseen rule weighs nothing
    expect(m.w[5]).toEqual([0, 0, 0]);
  });

  it("fits a temperature above 1 for over-confident held-out logits and below 1 for timid ones", () => {
    const held = [...Array(30)].flatMap((_, i) => [{ z: [6, 0, 0], y: i % 3 === 0 ? 1 : 0 }]);
    expect(fitTemperature(held)).toBeGreaterThan(1);
    const timid = [...Array(30)].map(() => ({ z: [0.2, 0, 0], y: 0 }));
    expect(fitTemperature(timid)).toBeLessThan(1);
  });
});
