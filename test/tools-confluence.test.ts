// Confluence publisher paths the sandbox does not exercise: a create whose outcome is unknown (the server
// stored the page but answered 504) and the Data Center v1 flavour. Tiny in-memory Fastify doubles.
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createConfluencePublisher } from "../tools/confluence/client.ts";
import { loadVendorConfig } from "../tools/config.ts";

const apps: FastifyInstance[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  for (const a of apps.splice(0)) await a.close();
});

interface Page {
  id: string;
  title: string;
  version: number;
  body: string;
  props: Record<string, unknown>;
  labels: string[];
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  apps.push(app);
  const a = app.server.address();
  if (!a || typeof a === "string") throw new Error("no address");
  return `http://127.0.0.1:${a.port}`;
}

describe("Confluence cloud: unknown create outcome", () => {
  it("a create answered 504 after storing the page is looked up, not repeated", async () => {
    const pages: Page[] = [];
    let creates = 0;
    const app = Fastify();
    app.get("/wiki/api/v2/spaces", async () => ({ results: [{ id: "98307", key: "SEC", homepageId: "1" }], _links: { base: "http://x/wiki" } }));
    app.get("/wiki/api/v2/pages", async (req) => {
      const q = req.query as Record<string, string>;
      return { results: pages.filter((p) => p.title === q.title).map((p) => ({ id: p.id, title: p.title, version: { number: p.version }, _links: { webui: `/spaces/SEC/pages/${p.id}` } })), _links: { base: "http://x/wiki" } };
    });
    app.post("/wiki/api/v2/pages", async (req, reply) => {
      creates++;
      const b = req.body as { title: string; body: { value: string } };
      pages.push({ id: String(100 + pages.length), title: b.title, version: 1, body: b.body.value, props: {}, labels: [] });
      return reply.code(504).send({ message: "gateway timeout" });
    });
    app.get("/wiki/api/v2/pages/:id/properties", async (req) => {
      const p = pages.find((x) => x.id === (req.params as { id: string }).id)!;
      return { results: Object.entries(p.props).map(([key, value]) => ({ key, value })) };
    });
    app.post("/wiki/api/v2/pages/:id/properties", async (req) => {
      const p = pages.find((x) => x.id === (req.params as { id: string }).id)!;
      const b = req.body as { key: string; value: unknown };
      p.props[b.key] = b.value;
      return b;
    });
    app.post("/wiki/rest/api/content/:id/label", async (req) => {
      const p = pages.find((x) => x.id === (req.params as { id: string }).id)!;
      p.labels.push(...(req.body as { name: string }[]).map((l) => l.name));
      return { results: [] };
    });
    const url = await listen(app);
    const cfg = loadVendorConfig({ CONFLUENCE_BASE_URL: url, CONFLUENCE_EMAIL: "e@x.io", CONFLUENCE_API_TOKEN: "t", CONFLUENCE_SPACE_KEY: "SEC" });
    const pub = createConfluencePublisher(cfg.confluence!, { limits: cfg.limits, baseDelayMs: 5 });
    closers.push(pub.close);
    const r = await pub.publish({ key: "det-9", title: "Investigation det-9", body: "<p>x</p>", labels: ["casefile"] });
    expect(creates).toBe(1);
    expect(pages).toHaveLength(1);
    expect(r).toMatchObject({ id: "100", created: true, url: "http://x/wiki/spaces/SEC/pages/100" });
    expect(pages[0]!.props["casefile-anomaly-id"]).toBe("det-9");
    expect(pages[0]!.labels).toEqual(["casefile"]);
  });
});

describe("Confluence data center (v1 content API, Bearer PAT)", () => {
  it("creates under the parent, then updates with version + 1", async () => {
    const pages: Page[] = [];
    const auth: string[] = [];
    const bodies: unknown[] = [];
    const app = Fastify();
    app.addHook("onRequest", async (req) => {
      auth.push(String(req.headers.authorization));
    });
    app.get("/confluence/rest/api/content", async (req) => {
      const q = req.query as Record<string, string>;
      expect(q.spaceKey).toBe("OPS");
      return { results: pages.filter((p) => p.title === q.title).map((p) => ({ id: p.id, title: p.title, version: { number: p.version }, _links: { webui: `/display/OPS/${p.id}` } })), _links: { base: "https://wiki.corp/confluence" } };
    });
    app.get("/confluence/rest/api/content/:id", async (req) => {
      const p = pages.find((x) => x.id === (req.params as { id: string }).id)!;
      return { id: p.id, version: { number: p.version } };
    });
    app.post("/confluence/rest/api/content", async (req) => {
      bodies.push(req.body);
      const b = req.body as { title: string; body: { storage: { value: string } } };
      const p = { id: String(500 + pages.length), title: b.title, version: 1, body: b.body.storage.value, props: {}, labels: [] };
      pages.push(p);
      return { id: p.id, version: { number: 1 }, _links: { base: "https://wiki.corp/confluence", webui: `/display/OPS/${p.id}` } };
    });
    app.put("/confluence/rest/api/content/:id", async (req, reply) => {
      const p = pages.find((x) => x.id === (req.params as { id: string }).id)!;
      const b = req.body as { version: { number: number }; body: { storage: { value: string } } };
      if (b.version.number !== p.version + 1) return reply.code(409).send({ message: "Version must be incremented" });
      p.version = b.version.number;
      p.body = b.body.storage.value;
      return { id: p.id, version: { number: p.version }, _links: { base: "https://wiki.corp/confluence", webui: `/display/OPS/${p.id}` } };
    });
    app.get("/confluence/rest/api/content/:id/property/:key", async (req, reply) => {
      const { id, key } = req.params as { id: string; key: string };
      const p = pages.find((x) => x.id === id)!;
      return key in p.props ? { key, value: p.props[key] } : reply.code(404).send({ message: "no property" });
    });
    app.post("/confluence/rest/api/content/:id/property", async (req) => {
      const p = pages.find((x) => x.id === (req.params as { id: string }).id)!;
      const b = req.body as { key: string; value: unknown };
      p.props[b.key] = b.value;
      return b;
    });
    const url = await listen(app);
    const cfg = loadVendorConfig({
      CONFLUENCE_BASE_URL: `${url}/confluence`,
      CONFLUENCE_API_TOKEN: "pat-secret",
      CONFLUENCE_SPACE_KEY: "OPS",
      CONFLUENCE_FLAVOR: "datacenter",
      CONFLUENCE_PARENT_PAGE_ID: "77",
    });
    const pub = createConfluencePublisher(cfg.confluence!, { limits: cfg.limits, baseDelayMs: 5 });
    closers.push(pub.close);
    const a = await pub.publish({ key: "det-1", title: "Inv det-1", body: "<p>1</p>", labels: [] });
    expect(a).toMatchObject({ id: "500", created: true, version: 1, url: "https://wiki.corp/confluence/display/OPS/500" });
    expect(bodies[0]).toMatchObject({ type: "page", space: { key: "OPS" }, ancestors: [{ id: "77" }] });
    const b = await pub.publish({ key: "det-1", title: "Inv det-1", body: "<p>2</p>", labels: [] });
    expect(b).toMatchObject({ id: "500", created: false, version: 2 });
    expect(pages[0]!.body).toBe("<p>2</p>");
    expect(new Set(auth)).toEqual(new Set(["Bearer pat-secret"]));
  });
});
