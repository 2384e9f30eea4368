// Redaction at ingestion and in reports: seeded secrets never reach an event, a prompt or a page; ids stay citable;
// hostile strings are redacted in linear time.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseCloudflare } from "../../tools/cloudflare/normalise.ts";
import { normaliseDatadog } from "../../tools/datadog/normalise.ts";
import { compactEventsJson } from "../../tools/audit-tool.ts";
import { buildReport } from "../../report/model.ts";
import { renderStorage } from "../../report/storage.ts";
import { renderMarkdown } from "../../report/markdown.ts";
import { redactEvent, redactText } from "../../report/redact.ts";
import { input } from "../report-fixture.ts";

const cfSample = JSON.parse(readFileSync(new URL("../fixtures/contracts/cloudflare-audit-logs.sample.json", import.meta.url), "utf8")) as { result: Record<string, unknown>[] };
const ddSample = JSON.parse(readFileSync(new URL("../fixtures/contracts/datadog-audit-search.sample.json", import.meta.url), "utf8")) as { data: Record<string, unknown>[] };

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
/** Secrets of every kind the ingestion pass must catch, each with a unique marker so a leak is found by search. */
const secret = fc.oneof(
  alnum(20, 40).map((s) => ({ kind: "openai", value: `sk-proj-${s}`, where: "text" as const })),
  alnum(16, 30).map((s) => ({ kind: "slack", value: `xoxb-1234567890-${s}`, where: "text" as const })),
  fc.stringMatching(/^[A-Z0-9]{16}$/).map((s) => ({ kind: "aws", value: `AKIA${s}`, where: "text" as const })),
  fc.tuple(alnum(10, 20), alnum(10, 20), alnum(20, 43)).map(([a, b, c]) => ({ kind: "jwt", value: `eyJ${a}.eyJ${b}.${c}`, where: "text" as const })),
  alnum(40, 64).map((s) => ({ kind: "pem", value: `-----BEGIN PRIVATE KEY-----\n${s}\n-----END PRIVATE KEY-----`, where: "text" as const })),
  alnum(8, 20).map((s) => ({ kind: "password=", value: `Pw${s}9`, where: "password" as const })),
  fc.stringMatching(/^[0-9a-f]{32}$/).map((s) => ({ kind: "32-hex under client_secret", value: s, where: "key" as const })),
);

/** Puts the secret into a vendor record: into free text, as `password=…` text, or under a secret-named key. */
function seed<T extends Record<string, unknown>>(rec: T, s: { value: string; where: "text" | "password" | "key" }, textPath: (r: T, v: string) => void, metaPath: (r: T, v: Record<string, unknown>) => void): T {
  const r = structuredClone(rec);
  if (s.where === "text") textPath(r, `rotated by script, credential ${s.value} used`);
  else if (s.where === "password") textPath(r, `login with password=${s.value} failed`);
  else metaPath(r, { client_secret: s.value, client_id: "app-1" });
  return r;
}

describe("secrets are redacted at ingestion", () => {
  it("property: a secret seeded into a Cloudflare or Datadog record reaches no event, prompt or page; ids stay", () => {
    fc.assert(
      fc.property(secret, fc.nat(cfSample.result.length - 1), fc.nat(ddSample.data.length - 1), (s, ci, di) => {
        const cf = seed(
          cfSample.result[ci]!,
          s,
          (r, v) => ((r.metadata as Record<string, unknown>) = { ...(r.metadata as object), note: v }),
          (r, v) => ((r.metadata as Record<string, unknown>) = { ...(r.metadata as object), ...v }),
        );
        const dd = seed(
          ddSample.data[di]!,
          s,
          (r, v) => (((r.attributes as Record<string, unknown>).message as string) = v),
          (r, v) => Object.assign(((r.attributes as Record<string, Record<string, unknown>>).attributes ??= {}), { metadata: v }),
        );
        const events = [...normaliseCloudflare([cf], "v1").events, ...normaliseDatadog([dd]).events];
        expect(events).toHaveLength(2);
        expect(events.map((e) => e.id)).toEqual([cf.id, dd.id]);
        const report = buildReport(input({ events, flaggedEventIds: [cf.id as string], assessment: { ...input().assessment, citations: [cf.id as string, dd.id as string] } }));
        const surfaces = {
          events: JSON.stringify(events),
          prompt: compactEventsJson(events, {}),
          page: renderStorage(report),
          markdown: renderMarkdown(report),
        };
        for (const [where, text] of Object.entries(surfaces)) expect(text.includes(s.value), `${s.kind} leaked into the ${where}`).toBe(false);
        expect(surfaces.page).toContain(cf.id as string);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps Cloudflare 32-hex ids, account ids, IPs and emails, and redacts 32-hex only under secret-named keys", () => {
    const ev = redactEvent({
      source: "cloudflare",
      id: "023e105f4ecef8ad9ca31a8372d0c353",
      time: "2026-08-20T14:00:00.000Z",
      ts: 0,
      actor: { email: "alice@example.com", id: "1d7a3e0f9b2c4d5e6f7a8b9c0d1e2f3a" },
      ip: "203.0.113.9",
      action: "token_create",
      operation: "create",
      resource: { id: "9a7806061c88ada191ed06f989cc3dac", type: "token" },
      outcome: "success",
      metadata: { account_id: "4f6c2a9d0b1e8f7a3c5d2e1f0a9b8c7d", token_value: "4f6c2a9d0b1e8f7a3c5d2e1f0a9b8c7e", password_policy: { min_length: 8 } },
      raw: { id: "023e105f4ecef8ad9ca31a8372d0c353", account: { id: "4f6c2a9d0b1e8f7a3c5d2e1f0a9b8c7d" }, newValue: { client_secret: "4f6c2a9d0b1e8f7a3c5d2e1f0a9b8c7f" } },
    });
    expect(ev.id).toBe("023e105f4ecef8ad9ca31a8372d0c353");
    expect(ev.actor).toEqual({ email: "alice@example.com", id: "1d7a3e0f9b2c4d5e6f7a8b9c0d1e2f3a" });
    expect(ev.resource.id).toBe("9a7806061c88ada191ed06f989cc3dac");
    expect(ev.metadata).toEqual({ account_id: "4f6c2a9d0b1e8f7a3c5d2e1f0a9b8c7d", token_value: "[REDACTED]", password_policy: { min_length: 8 } });
    expect(ev.raw).toEqual({ id: "023e105f4ecef8ad9ca31a8372d0c353", account: { id: "4f6c2a9d0b1e8f7a3c5d2e1f0a9b8c7d" }, newValue: { client_secret: "[REDACTED]" } });
  });
});

describe("report redaction", () => {
  it("timeline cells redact structured change values the evidence appendix redacts", () => {
    const base = input();
    const e = { ...base.events[0]!, change: { setting: "oauth_app", old: null, new: { client_secret: "s3cr3t-value-123", client_id: "app-7" } } };
    const report = buildReport(input({ events: [e, ...base.events.slice(1)] }));
    const cells = JSON.stringify(report.timeline.rows);
    expect(cells).not.toContain("s3cr3t-value-123");
    expect(cells).toContain("app-7");
  });

  it("is linear: hostile 200 000-character strings are redacted within the test's time limit", () => {
    const hostile = [" ".repeat(200_000), "password" + " ".repeat(200_000), "a".repeat(200_000), "eyJ".repeat(70_000), "-----BEGIN ".repeat(20_000), "0".repeat(200_000) + "g", "token=".repeat(35_000)];
    for (const s of hostile) expect(typeof redactText(s)).toBe("string");
  }, 5_000);
});
