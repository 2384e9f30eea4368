// The SSRF guard of outbound notifications: every IPv6 spelling that reaches an internal IPv4 address or a
// translator is refused — IPv4-compatible `::/96`, IPv4-mapped `::ffff:0:0/96` (judged by the IPv4 it carries),
// NAT64 `64:ff9b::/96` and `64:ff9b:1::/48`, 6to4 `2002::/16` — and a receiver on loopback never sees a request.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress, mappedIPv4, Notifier } from "../../server/notify.ts";

const SECRET = `whsec_${Buffer.from("notify-ssrf-test-secret-0123456789").toString("base64")}`;

describe("notification SSRF guard: IPv6 ranges", () => {
  it("reads the IPv4 address inside an IPv4-mapped address in every spelling", () => {
    expect(mappedIPv4("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(mappedIPv4("::ffff:7f00:1")).toBe("127.0.0.1");
    expect(mappedIPv4("0:0:0:0:0:ffff:a9fe:a9fe")).toBe("169.254.169.254");
    expect(mappedIPv4("::FFFF:0A00:0001")).toBe("10.0.0.1");
    expect(mappedIPv4("::7f00:1")).toBeUndefined();
    expect(mappedIPv4("2606:4700::1111")).toBeUndefined();
  });

  it("refuses IPv4-mapped addresses that carry a private IPv4, and allows those that carry a public one", () => {
    for (const a of ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "::ffff:10.0.0.1", "::ffff:c0a8:101", "[::ffff:7f00:1]"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["::ffff:1.1.1.1", "::ffff:808:808"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses ::/96, 64:ff9b::/96, 64:ff9b:1::/48 and 2002::/16 whole", () => {
    const refused = [
      "::", "::1", "::7f00:1", "::127.0.0.1", "::a9fe:a9fe", "::808:808", // IPv4-compatible, deprecated
      "64:ff9b::7f00:1", "64:ff9b::808:808", // NAT64 well-known prefix
      "64:ff9b:1::1", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff", // local-use NAT64
      "2002:7f00:1::", "2002:a9fe:a9fe::1", "2002:808:808::1", // 6to4
      "fe80::1%eth0",
    ];
    for (const a of refused) expect(isPrivateAddress(a), a).toBe(true);
    // Just outside each range.
    for (const a of ["::1:0:0:1", "64:ff9b:2::1", "2003::1", "2001:db9::1", "2606:4700::1111"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe("notification SSRF guard: a loopback receiver behind an IPv6 spelling", () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? "");
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("refuses http://[::ffff:127.0.0.1] and http://[::ffff:7f00:1] before connecting; the receiver sees nothing", async () => {
    const errors: string[] = [];
    for (const host of ["[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[2002:7f00:1::]", "[64:ff9b:1::7f00:1]"]) {
      const n = new Notifier({ url: `http://${host}:${port}/hook`, secret: SECRET, maxAttempts: 1, onError: (m) => errors.push(m) });
      await n.deliver("investigation.started", { investigation_id: "inv_ssrf", anomaly_id: "a", status: "running" });
      await n.close();
    }
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(e).toMatch(/private or loopback address .*CASEFILE_NOTIFY_ALLOW_PRIVATE=1/);
    expect(seen).toEqual([]);
    // The same receiver is reached when internal targets are allowed: the refusal above was the guard, not the socket.
    const ok = new Notifier({ url: `http://[::ffff:127.0.0.1]:${port}/hook`, secret: SECRET, maxAttempts: 1, allowPrivate: true, onError: (m) => errors.push(m) });
    await ok.deliver("investigation.started", { investigation_id: "inv_ssrf", anomaly_id: "a", status: "running" });
    await ok.close();
    expect(seen).toEqual(["/hook"]);
  });
});
