// The node:crypto Standard Webhooks verifier agrees with the `standardwebhooks` library (the reference) on
// valid, tampered, re-signed, stale, future and malformed deliveries, with one or several secrets.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "../server/webhook.ts";

const secretArb = fc.uint8Array({ minLength: 1, maxLength: 48 }).map((b) => `whsec_${Buffer.from(b).toString("base64")}`);

/** What the library says about one delivery: accepted, or refused. */
function oracle(body: string, headers: Record<string, string>, secrets: string[]): boolean {
  for (const s of secrets) {
    try {
      new Webhook(s).verify(body, headers, { jsonParse: false });
      return true;
    } catch {
      /* next secret */
    }
  }
  return false;
}

describe("webhook signature verification (node:crypto vs the standardwebhooks library)", () => {
  it("signs exactly as the library does", () => {
    fc.assert(
      fc.property(secretArb, fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.string({ maxLength: 300 }), (secret, id, ts, body) => {
        expect(signWebhook(secret, id, ts, body)).toBe(new Webhook(secret).sign(id, new Date(ts * 1000), body));
      }),
    );
  });

  it("accepts and refuses the same deliveries", () => {
    const now = () => Math.floor(Date.now() / 1000);
    // Offsets stay a few seconds clear of the ±300 s edges so the two clocks cannot straddle a boundary.
    const offset = fc.oneof(fc.integer({ min: -290, max: 290 }), fc.integer({ min: 310, max: 5000 }), fc.integer({ min: -5000, max: -310 }));
    const tamper = fc.constantFrom("none", "body", "id", "sig-char", "other-secret", "v2-prefix", "extra-space", "two-sigs", "garbage-ts", "ts-suffix", "third-part");
    fc.assert(
      fc.property(fc.array(secretArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 2 }), fc.string({ minLength: 1, maxLength: 30 }), offset, fc.string({ maxLength: 200 }), tamper, (secrets, pick, id, off, body, how) => {
        const signer = secrets[pick % secrets.length]!;
        const ts = now() + off;
        let sig = signWebhook(signer, id, ts, body);
        let tsHeader = String(ts);
        let sentBody = body;
        let sentId = id;
        if (how === "body") sentBody = `${body}x`;
        if (how === "id") sentId = `${id}x`;
        if (how === "sig-char") sig = `${sig.slice(0, -3)}${sig.at(-3) === "A" ? "B" : "A"}${sig.slice(-2)}`;
        if (how === "other-secret") sig = signWebhook(`whsec_${randomBytes(24).toString("base64")}`, id, ts, body);
        if (how === "v2-prefix") sig = sig.replace(/^v1,/, "v2,");
        if (how === "extra-space") sig = `v1,bogus ${sig}`;
        if (how === "two-sigs") sig = `${signWebhook(`whsec_${randomBytes(24).toString("base64")}`, id, ts, body)} ${sig}`;
        if (how === "garbage-ts") tsHeader = "soon";
        if (how === "ts-suffix") tsHeader = `${ts}abc`;
        if (how === "third-part") sig = `${sig},extra`;
        const headers = { "webhook-id": sentId, "webhook-timestamp": tsHeader, "webhook-signature": sig };
        const ours = verifyWebhook(sentBody, headers, secrets);
        expect(ours.ok).toBe(oracle(sentBody, headers, secrets));
      }),
      { numRuns: 400 },
    );
  });

  it("names what is wrong when it refuses", () => {
    const secret = `whsec_${randomBytes(24).toString("base64")}`;
    const ts = Math.floor(Date.now() / 1000);
    const good = { "webhook-id": "msg_1", "webhook-timestamp": String(ts), "webhook-signature": signWebhook(secret, "msg_1", ts, "{}") };
    expect(verifyWebhook("{}", good, [secret])).toEqual({ ok: true, webhookId: "msg_1" });
    expect(verifyWebhook("{}", { ...good, "webhook-signature": "" }, [secret])).toMatchObject({ ok: false, message: expect.stringMatching(/missing webhook-id/) });
    expect(verifyWebhook("{}", { ...good, "webhook-timestamp": "x" }, [secret])).toMatchObject({ ok: false, message: expect.stringMatching(/not a unix time/) });
    expect(verifyWebhook("{}", { ...good, "webhook-timestamp": String(ts - 3600) }, [secret])).toMatchObject({ ok: false, message: expect.stringMatching(/5-minute tolerance/) });
    expect(verifyWebhook("{ }", good, [secret])).toMatchObject({ ok: false, message: expect.stringMatching(/does not match any secret/) });
    expect(verifyWebhook("{}", { ...good, "webhook-id": "m".repeat(300) }, [secret])).toMatchObject({ ok: false, message: expect.stringMatching(/longer than 256/) });
  });
});
