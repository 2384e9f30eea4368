// The service's settings (config/service.ts) and the notification targets it allows.
import { describe, expect, it } from "vitest";
import { parseDuration } from "../config/duration.ts";
import { ConfigError, loadServiceConfig } from "../config/service.ts";
import { Notifier, isPrivateAddress } from "../server/notify.ts";

const S = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("service config", () => {
  it("applies defaults and parses durations, sizes and rotated secrets", () => {
    const c = loadServiceConfig({ CASEFILE_WEBHOOK_SECRET: `${S}, ${S}x` });
    expect(c).toMatchObject({ host: "0.0.0.0", port: 8080, concurrency: 2, coalesceWindowMs: 900_000, rateLimit: 200, maxBodyBytes: 262_144 });
    expect(c.webhookSecrets).toHaveLength(2);
    expect([parseDuration("900"), parseDuration("15m"), parseDuration("1h")]).toEqual([900_000, 900_000, 3_600_000]);
    expect(loadServiceConfig({ CASEFILE_WEBHOOK_SECRET: S, CASEFILE_MAX_BODY: "1MiB" }).maxBodyBytes).toBe(1_048_576);
  });
  it("fails clearly on a missing secret or bad values", () => {
    expect(() => loadServiceConfig({})).toThrow(/CASEFILE_WEBHOOK_SECRET is not set/);
    expect(() => loadServiceConfig({ CASEFILE_WEBHOOK_SECRET: "hunter2" })).toThrow(ConfigError);
    expect(() => loadServiceConfig({ CASEFILE_WEBHOOK_SECRET: S, CASEFILE_COALESCE_WINDOW: "soon" })).toThrow(/CASEFILE_COALESCE_WINDOW/);
    expect(() => loadServiceConfig({ CASEFILE_WEBHOOK_SECRET: S, CASEFILE_PORT: "http" })).toThrow(/CASEFILE_PORT/);
    expect(() => loadServiceConfig({ CASEFILE_WEBHOOK_SECRET: S, CASEFILE_PAYLOAD_MAPPINGS: '{"x":{"actor":"$.a"}}' })).toThrow(/lacks "id"/);
    expect(() => loadServiceConfig({ CASEFILE_WEBHOOK_SECRET: S, CASEFILE_NOTIFY_URL: "https://h.example.com" })).toThrow(/CASEFILE_NOTIFY_SECRET/);
    expect(loadServiceConfig({}, { requireWebhookSecret: false }).webhookSecrets).toEqual([]);
  });
});

describe("notification targets", () => {
  it("classifies private addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1", "100.64.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["1.1.1.1", "8.8.8.8", "2606:4700::1111"]) expect(isPrivateAddress(a), a).toBe(false);
  });
  it("refuses loopback targets unless CASEFILE_NOTIFY_ALLOW_PRIVATE, resolving names at connect time", async () => {
    const errors: string[] = [];
    for (const url of ["http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://127.0.0.1.nip.invalid:9/x"]) {
      const n = new Notifier({ url, secret: S, maxAttempts: 1, onError: (m) => errors.push(m) });
      await n.deliver("investigation.started", { investigation_id: "inv_x", anomaly_id: "a", status: "running" });
      await n.close();
    }
    expect(errors[0]).toMatch(/CASEFILE_NOTIFY_ALLOW_PRIVATE/);
    expect(errors[1]).toMatch(/CASEFILE_NOTIFY_ALLOW_PRIVATE/);
    expect(errors[2]).toMatch(/not delivered/);
  });
});
