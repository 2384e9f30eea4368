// Counts what the vendor HTTP clients report on their diagnostics channel, for tests that check retries and 429s.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterAll } from "vitest";
import { VENDOR_HTTP_CHANNEL, type OnVendorRequest, type Vendor, type VendorRequestCount } from "../tools/http.ts";

export type VendorCounts = Record<Vendor, Record<VendorRequestCount, number>>;

/** Live counts since the call (per vendor: calls, retries, rate_limited, failures); unsubscribed after the file. */
export function countVendorRequests(): VendorCounts {
  const zero = () => ({ calls: 0, retries: 0, rate_limited: 0, failures: 0 });
  const counts: VendorCounts = { cloudflare: zero(), datadog: zero(), confluence: zero(), model: zero() };
  const listener = (m: unknown) => {
    const e = m as Parameters<OnVendorRequest>[0];
    counts[e.vendor][e.count]++;
  };
  subscribe(VENDOR_HTTP_CHANNEL, listener);
  afterAll(() => {
    unsubscribe(VENDOR_HTTP_CHANNEL, listener);
  });
  return counts;
}
