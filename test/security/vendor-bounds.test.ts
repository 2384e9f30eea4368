// Vendor responses are bounded: a byte cap, one deadline for the whole exchange (a slow-drip body cannot outlive
// it), and pagination links only on the configured origin (credentials never go to a host a body names).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, HttpError } from "../../tools/http.ts";

function listen(handler: (req: IncomingMessage, res: import("node:http").ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe("vendor HTTP bounds", () => {
  let vendor: { server: Server; url: string };
  let other: { server: Server; url: string };
  const otherSaw: (string | undefined)[] = [];
  beforeAll(async () => {
    other = await listen((req, res) => {
      otherSaw.push(req.headers.authorization);
      res.end("{}");
    });
    vendor = await listen((req, res) => {
      if (req.url === "/big") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ result: "x".repeat(2 * 1024 * 1024) }));
      } else if (req.url === "/drip") {
        res.writeHead(200, { "content-type": "application/json" });
        res.write("[");
        const t = setInterval(() => res.write(" "), 20);
        res.on("close", () => clearInterval(t));
      } else res.end("{}");
    });
  });
  afterAll(() => {
    vendor.server.closeAllConnections();
    vendor.server.close();
    other.server.close();
  });
  // The byte-cap case gets a long deadline so a loaded machine cannot turn it into a timeout.
  const client = (timeoutMs = 400) => new HttpClient({ vendor: "confluence", baseUrl: vendor.url, headers: { authorization: "Basic c2VjcmV0" }, timeoutMs, maxRetryWaitMs: 1000, maxRetries: 0, maxResponseBytes: 1024 * 1024 });

  it("drops a response past the byte cap", async () => {
    await expect(client(30_000).request({ method: "GET", path: "/big", what: "page lookup" })).rejects.toThrow(/more than 1048576 bytes/);
  });

  it("a slow-drip body that keeps sending bytes still ends at the request deadline", async () => {
    const err = await client().request({ method: "GET", path: "/drip", what: "page lookup" }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(String(err.message)).toMatch(/did not answer page lookup within 400 ms/);
  });

  it("refuses a pagination link to another origin and sends it no credentials", async () => {
    const err = await client().request({ method: "GET", path: `${other.url}/wiki/api/v2/pages?cursor=x`, what: "page lookup" }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(String(err.message)).toMatch(/refusing to follow a link/);
    expect(await client().request({ method: "GET", path: `${vendor.url}/next?cursor=y`, what: "page lookup" })).toMatchObject({ status: 200 });
    expect(otherSaw).toEqual([]);
  });
});
