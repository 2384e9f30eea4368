// Confluence Cloud double: v2 spaces/pages/labels/attachments/properties, v1 label and attachment writes,
// attachment downloads and a minimal HTML view of stored pages (contracts/confluence.md).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { XMLValidator } from "fast-xml-parser";
import { HttpError, decodeCursor, encodeCursor, intParam, many, one, type SandboxContext } from "./common.ts";

export interface SandboxSpace {
  id: string;
  key: string;
  name: string;
  type: string;
  status: string;
  homepageId: string;
  authorId: string;
  createdAt: string;
}

export interface SandboxPage {
  id: string;
  spaceId: string;
  title: string;
  status: "current" | "draft" | "archived" | "trashed";
  parentId: string | null;
  authorId: string;
  createdAt: string;
  position: number;
  version: { number: number; message: string; minorEdit: boolean; authorId: string; createdAt: string };
  /** storage-format XHTML */
  body: string;
}

export interface SandboxLabel {
  id: string;
  prefix: string;
  name: string;
}

export interface SandboxAttachment {
  id: string;
  pageId: string;
  title: string;
  mediaType: string;
  comment: string;
  /** every uploaded version, oldest first */
  versions: { number: number; data: Buffer; createdAt: string }[];
}

export interface SandboxProperty {
  id: string;
  key: string;
  value: unknown;
  version: { number: number; createdAt: string };
}

export interface SandboxConfluence {
  spaces: Map<string, SandboxSpace>;
  pages: Map<string, SandboxPage>;
  /** by page id */
  attachments: Map<string, SandboxAttachment[]>;
  /** by page id */
  labels: Map<string, SandboxLabel[]>;
  /** by page id */
  properties: Map<string, SandboxProperty[]>;
}

export const SANDBOX_SPACE_KEY = "SEC";
export const SANDBOX_SPACE_ID = "98307";
export const SANDBOX_HOMEPAGE_ID = "163840";
const AUTHOR = "712020:5a4d0c1e-sandbox-0000-0000-000000000001";
/** Cloud v2 rejects create/update requests over 5 MB. */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

export function newConfluenceState(): SandboxConfluence {
  const createdAt = "2023-05-24T15:11:22.331Z";
  const space: SandboxSpace = {
    id: SANDBOX_SPACE_ID,
    key: SANDBOX_SPACE_KEY,
    name: "Security",
    type: "global",
    status: "current",
    homepageId: SANDBOX_HOMEPAGE_ID,
    authorId: AUTHOR,
    createdAt,
  };
  const home: SandboxPage = {
    id: SANDBOX_HOMEPAGE_ID,
    spaceId: SANDBOX_SPACE_ID,
    title: "Security Home",
    status: "current",
    parentId: null,
    authorId: AUTHOR,
    createdAt,
    position: 0,
    version: { number: 1, message: "", minorEdit: false, authorId: AUTHOR, createdAt },
    body: "<p>Security team space.</p>",
  };
  return {
    spaces: new Map([[space.id, space]]),
    pages: new Map([[home.id, home]]),
    attachments: new Map(),
    labels: new Map(),
    properties: new Map(),
  };
}

/** Storage format must be well-formed XML; `ac:`/`ri:` prefixes need no declarations. */
export function checkStorage(value: string): void {
  const res = XMLValidator.validate(`<root>${value}</root>`);
  if (res !== true) {
    throw new HttpError(400, `Error parsing xhtml: ${res.err.msg} (line ${res.err.line}, column ${res.err.col} of the storage body, counted from a wrapping root element)`);
  }
}

function slug(title: string): string {
  return title
    .split(/[^A-Za-z0-9._~-]+/)
    .filter(Boolean)
    .join("+");
}

function webui(space: SandboxSpace | undefined, p: SandboxPage): string {
  return `/spaces/${space?.key ?? SANDBOX_SPACE_KEY}/pages/${p.id}/${slug(p.title)}`;
}

function bodyOf(raw: unknown): { representation: string; value: string } | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const b = raw as Record<string, unknown>;
  const nested = b["storage"];
  const src = nested && typeof nested === "object" ? (nested as Record<string, unknown>) : b;
  if (typeof src["value"] !== "string") return undefined;
  return { representation: typeof src["representation"] === "string" ? src["representation"] : "storage", value: src["value"] };
}

/** Becomes the contract's body: {"errors":[{"status":400,"code":"BAD_REQUEST","title":<this>,"detail":null}]}. */
const DUPLICATE_TITLE = "A page with this title already exists: A page already exists with the same TITLE in this space";

export function registerConfluence(app: FastifyInstance, ctx: SandboxContext, state: SandboxConfluence): void {
  let nextId = 4237885441;
  let nextSmallId = 5000001;
  const base = () => `${ctx.baseUrl}/wiki`;

  const pageOr404 = (id: string): SandboxPage => {
    const p = state.pages.get(id);
    if (!p || p.status === "trashed") throw new HttpError(404, `No page with id ${id} exists or you cannot view it`);
    return p;
  };

  const pageJson = (p: SandboxPage, withBody: boolean, withBase: boolean): Record<string, unknown> => {
    const space = state.spaces.get(p.spaceId);
    return {
      id: p.id,
      status: p.status,
      title: p.title,
      spaceId: p.spaceId,
      parentId: p.parentId,
      parentType: p.parentId ? "page" : null,
      position: p.position,
      authorId: p.authorId,
      ownerId: p.authorId,
      lastOwnerId: null,
      createdAt: p.createdAt,
      version: p.version,
      body: withBody ? { storage: { representation: "storage", value: p.body } } : {},
      _links: {
        webui: webui(space, p),
        editui: `/pages/resumedraft.action?draftId=${p.id}`,
        tinyui: `/x/${Buffer.from(p.id).toString("base64url")}`,
        ...(withBase ? { base: base() } : {}),
      },
    };
  };

  const titleTaken = (spaceId: string, title: string, except?: string) =>
    [...state.pages.values()].some((p) => p.spaceId === spaceId && p.title === title && p.id !== except && p.status !== "trashed");

  /** Cursor-paginated `results` with `_links.next` (relative) and a `Link` header, as v2 lists do. */
  const paged = <T>(req: FastifyRequest, reply: FastifyReply, items: T[], map: (x: T) => unknown, defLimit = 25, max = 250) => {
    const q = req.query as Record<string, unknown>;
    const limit = intParam(one(q["limit"]), "limit", defLimit, 1, max);
    const cursor = one(q["cursor"]);
    const offset = cursor ? (decodeCursor(cursor, "Confluence").o as number) : 0;
    const size = Math.min(limit, ctx.maxPageSize.confluence ?? max);
    const results = items.slice(offset, offset + size).map(map);
    const links: Record<string, string> = { base: base() };
    if (offset + size < items.length) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) if (k !== "cursor") for (const x of many(v)) params.append(k, x);
      params.set("cursor", encodeCursor({ o: offset + size }));
      links.next = `${req.url.split("?")[0]}?${params.toString()}`;
      void reply.header("link", `<${links.next}>; rel="next", <${base()}>; rel="base"`);
    }
    return { results, _links: links };
  };

  const listPages = (req: FastifyRequest, reply: FastifyReply, spaceIds: string[]) => {
    const q = req.query as Record<string, unknown>;
    const ids = many(q["id"]).flatMap((s) => s.split(","));
    const title = one(q["title"]);
    const statuses = many(q["status"]).flatMap((s) => s.split(","));
    const wanted = statuses.length ? statuses : ["current", "archived"];
    const bodyFormat = one(q["body-format"]);
    if (bodyFormat !== undefined && bodyFormat !== "storage") throw new HttpError(400, `body-format "${bodyFormat}" is not served by the sandbox; use storage`);
    const pages = [...state.pages.values()]
      .filter((p) => (!spaceIds.length || spaceIds.includes(p.spaceId)) && (!ids.length || ids.includes(p.id)))
      .filter((p) => (title === undefined || p.title === title) && wanted.includes(p.status))
      .sort((a, b) => Number(a.id) - Number(b.id));
    return paged(req, reply, pages, (p) => pageJson(p, bodyFormat === "storage", false));
  };

  app.get("/wiki/api/v2/spaces", async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const keys = many(q["keys"]).flatMap((s) => s.split(",")).filter(Boolean);
    const ids = many(q["ids"]).flatMap((s) => s.split(",")).filter(Boolean);
    const spaces = [...state.spaces.values()].filter((s) => (!keys.length || keys.includes(s.key)) && (!ids.length || ids.includes(s.id)));
    return paged(req, reply, spaces, (s) => ({ ...s, description: null, icon: null, _links: { webui: `/spaces/${s.key}` } }));
  });

  app.get<{ Params: { id: string } }>("/wiki/api/v2/spaces/:id/pages", async (req, reply) => {
    if (!state.spaces.has(req.params.id)) throw new HttpError(404, `No space with id ${req.params.id} exists or you cannot view it`);
    return listPages(req, reply, [req.params.id]);
  });

  app.get("/wiki/api/v2/pages", async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    return listPages(req, reply, many(q["space-id"]).flatMap((s) => s.split(",")).filter(Boolean));
  });

  app.post("/wiki/api/v2/pages", async (req) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const q = req.query as Record<string, unknown>;
    if (typeof b["spaceId"] !== "string" && typeof b["spaceId"] !== "number") throw new HttpError(400, "spaceId is required (the numeric id of the space, as a string)");
    const spaceId = String(b["spaceId"]);
    const status = b["status"] ?? "current";
    if (status !== "current" && status !== "draft") throw new HttpError(400, `status must be "current" or "draft", got ${JSON.stringify(status)}`);
    const title = typeof b["title"] === "string" ? b["title"] : "";
    if (!title.trim() && status !== "draft") throw new HttpError(400, "title is required for a published page");
    const body = bodyOf(b["body"]);
    if (b["body"] !== undefined && !body) throw new HttpError(400, 'body must be {"representation":"storage","value":"..."}');
    if (body && body.representation !== "storage") throw new HttpError(400, `body.representation "${body.representation}" is not served by the sandbox; use storage`);
    const space = state.spaces.get(spaceId);
    if (!space) throw new HttpError(404, `No space with id ${spaceId} exists or you cannot create pages in it`);
    const rootLevel = one(q["root-level"]) === "true";
    const parentId = b["parentId"] === undefined || b["parentId"] === null ? (rootLevel ? null : space.homepageId) : String(b["parentId"]);
    if (rootLevel && b["parentId"] !== undefined) throw new HttpError(400, "parentId must be omitted with root-level=true");
    if (parentId !== null && state.pages.get(parentId)?.spaceId !== spaceId) throw new HttpError(404, `Parent page ${parentId} does not exist in space ${space.key}`);
    if (body) checkStorage(body.value);
    if (titleTaken(spaceId, title)) throw new HttpError(400, DUPLICATE_TITLE);
    const now = new Date().toISOString();
    const page: SandboxPage = {
      id: String(nextId++),
      spaceId,
      title,
      status,
      parentId,
      authorId: AUTHOR,
      createdAt: now,
      position: state.pages.size,
      version: { number: 1, message: "", minorEdit: false, authorId: AUTHOR, createdAt: now },
      body: body?.value ?? "",
    };
    state.pages.set(page.id, page);
    return pageJson(page, true, true);
  });

  app.get<{ Params: { id: string } }>("/wiki/api/v2/pages/:id", async (req) => {
    const bodyFormat = one((req.query as Record<string, unknown>)["body-format"]);
    return pageJson(pageOr404(req.params.id), bodyFormat === "storage", true);
  });

  app.put<{ Params: { id: string } }>("/wiki/api/v2/pages/:id", async (req) => {
    const page = pageOr404(req.params.id);
    const b = (req.body ?? {}) as Record<string, unknown>;
    const missing = ["id", "status", "title", "body", "version"].filter((k) => b[k] === undefined);
    if (missing.length) throw new HttpError(400, `missing required field(s): ${missing.join(", ")}`);
    if (String(b["id"]) !== page.id) throw new HttpError(400, `id in the body (${String(b["id"])}) does not match the path (${page.id})`);
    if (b["spaceId"] !== undefined && String(b["spaceId"]) !== page.spaceId) throw new HttpError(400, "a page cannot move to another space (spaceId differs)");
    const status = b["status"];
    if (status !== "current" && status !== "draft" && status !== "archived") throw new HttpError(400, `status must be current, draft or archived, got ${JSON.stringify(status)}`);
    const version = b["version"] as { number?: unknown; message?: unknown; minorEdit?: unknown } | null;
    const number = version && typeof version === "object" ? version.number : undefined;
    if (typeof number !== "number" || !Number.isInteger(number)) throw new HttpError(400, "version.number is required: the current version number + 1");
    if (number !== page.version.number + 1) {
      throw new HttpError(409, `Version must be incremented on update. Current version is: ${page.version.number}`);
    }
    const title = String(b["title"]);
    if (!title.trim()) throw new HttpError(400, "title must not be empty");
    const body = bodyOf(b["body"]);
    if (!body) throw new HttpError(400, 'body must be {"representation":"storage","value":"..."}');
    if (body.representation !== "storage") throw new HttpError(400, `body.representation "${body.representation}" is not served by the sandbox; use storage`);
    checkStorage(body.value);
    if (titleTaken(page.spaceId, title, page.id)) throw new HttpError(400, DUPLICATE_TITLE);
    const now = new Date().toISOString();
    page.title = title;
    page.status = status;
    page.body = body.value;
    if (b["parentId"] !== undefined && b["parentId"] !== null) page.parentId = String(b["parentId"]);
    page.version = {
      number,
      message: typeof version?.message === "string" ? version.message : "",
      minorEdit: version?.minorEdit === true,
      authorId: AUTHOR,
      createdAt: now,
    };
    return pageJson(page, true, true);
  });

  // Labels: v2 read, v1 write.
  app.get<{ Params: { id: string } }>("/wiki/api/v2/pages/:id/labels", async (req, reply) => {
    pageOr404(req.params.id);
    const prefix = one((req.query as Record<string, unknown>)["prefix"]);
    const labels = (state.labels.get(req.params.id) ?? []).filter((l) => !prefix || l.prefix === prefix);
    return paged(req, reply, labels, (l) => ({ ...l }));
  });

  app.post<{ Params: { id: string } }>("/wiki/rest/api/content/:id/label", async (req) => {
    pageOr404(req.params.id);
    const items = Array.isArray(req.body) ? req.body : [req.body];
    const labels = state.labels.get(req.params.id) ?? [];
    for (const item of items) {
      const o = (item ?? {}) as Record<string, unknown>;
      const name = typeof o["name"] === "string" ? o["name"].trim().toLowerCase() : "";
      const prefix = typeof o["prefix"] === "string" ? o["prefix"] : "global";
      if (!name || /[\s:;,.?&[\]()#^*@!<>]/.test(name)) throw new HttpError(400, `invalid label name ${JSON.stringify(o["name"])}: labels are non-empty and contain no spaces or punctuation such as : ; , . ? & ( ) # ^ * @ ! < >`);
      if (!["global", "my", "team"].includes(prefix)) throw new HttpError(400, `label prefix must be global, my or team, got ${JSON.stringify(prefix)}`);
      if (!labels.some((l) => l.name === name && l.prefix === prefix)) labels.push({ id: String(nextSmallId++), prefix, name });
    }
    state.labels.set(req.params.id, labels);
    const results = labels.map((l) => ({ ...l, label: l.name }));
    return { results, start: 0, limit: 200, size: results.length, _links: { base: base(), context: "/wiki" } };
  });

  // Attachments: v1 upload (multipart `file`), v2 list, download.
  const upload = async (req: FastifyRequest<{ Params: { id: string } }>, replace: boolean) => {
    const page = pageOr404(req.params.id);
    if (String(req.headers["x-atlassian-token"] ?? "").toLowerCase() !== "no-check") {
      throw new HttpError(403, "XSRF check failed: send the header X-Atlassian-Token: no-check with attachment uploads");
    }
    const ct = String(req.headers["content-type"] ?? "");
    if (!ct.startsWith("multipart/form-data") || !Buffer.isBuffer(req.body)) throw new HttpError(400, "attachments must be sent as multipart/form-data with a `file` field");
    let form: FormData;
    try {
      form = await new Response(req.body, { headers: { "content-type": ct } }).formData();
    } catch (err) {
      throw new HttpError(400, `malformed multipart body: ${(err as Error).message}`);
    }
    const files = form.getAll("file").filter((f): f is File => typeof f !== "string");
    if (!files.length) throw new HttpError(400, "no `file` field in the multipart body");
    const comment = form.get("comment");
    const list = state.attachments.get(page.id) ?? [];
    const results = [];
    for (const file of files) {
      const data = Buffer.from(await file.arrayBuffer());
      const now = new Date().toISOString();
      let att = list.find((a) => a.title === file.name);
      if (att && !replace) {
        throw new HttpError(400, `Cannot add a new attachment with same file name as an existing attachment: ${file.name}`);
      }
      if (att) {
        att.versions.push({ number: att.versions.length + 1, data, createdAt: now });
        att.mediaType = file.type || att.mediaType;
      } else {
        att = {
          id: `att${nextSmallId++}`,
          pageId: page.id,
          title: file.name,
          mediaType: file.type || "application/octet-stream",
          comment: typeof comment === "string" ? comment : "",
          versions: [{ number: 1, data, createdAt: now }],
        };
        list.push(att);
      }
      const v = att.versions.length;
      results.push({
        id: att.id,
        type: "attachment",
        status: "current",
        title: att.title,
        version: { number: v, when: now },
        container: { id: page.id, type: "page", title: page.title },
        metadata: { mediaType: att.mediaType, comment: att.comment },
        extensions: { mediaType: att.mediaType, fileSize: data.length, comment: att.comment },
        _links: { download: downloadLink(att), webui: `${webui(state.spaces.get(page.spaceId), page)}?preview=${encodeURIComponent(`/${page.id}/${att.title}`)}` },
      });
    }
    state.attachments.set(page.id, list);
    return { results, start: 0, limit: 50, size: results.length, _links: { base: base(), context: "/wiki" } };
  };
  const downloadLink = (a: SandboxAttachment) => `/download/attachments/${a.pageId}/${encodeURIComponent(a.title)}?version=${a.versions.length}&api=v2`;

  app.post<{ Params: { id: string } }>("/wiki/rest/api/content/:id/child/attachment", (req) => upload(req, false));
  app.put<{ Params: { id: string } }>("/wiki/rest/api/content/:id/child/attachment", (req) => upload(req, true));

  app.get<{ Params: { id: string } }>("/wiki/api/v2/pages/:id/attachments", async (req, reply) => {
    pageOr404(req.params.id);
    const filename = one((req.query as Record<string, unknown>)["filename"]);
    const list = (state.attachments.get(req.params.id) ?? []).filter((a) => !filename || a.title === filename);
    return paged(req, reply, list, (a) => {
      const last = a.versions[a.versions.length - 1]!;
      return {
        id: a.id,
        status: "current",
        title: a.title,
        createdAt: last.createdAt,
        pageId: a.pageId,
        mediaType: a.mediaType,
        comment: a.comment,
        fileSize: last.data.length,
        webuiLink: `/pages/viewpageattachments.action?pageId=${a.pageId}`,
        downloadLink: downloadLink(a),
        version: { number: last.number, createdAt: last.createdAt },
        _links: { download: downloadLink(a) },
      };
    });
  });

  app.get<{ Params: { pageId: string; name: string } }>("/wiki/download/attachments/:pageId/:name", async (req, reply) => {
    const att = (state.attachments.get(req.params.pageId) ?? []).find((a) => a.title === req.params.name);
    if (!att) throw new HttpError(404, `No attachment ${req.params.name} on page ${req.params.pageId}`);
    const wanted = one((req.query as Record<string, unknown>)["version"]);
    const v = wanted ? att.versions.find((x) => String(x.number) === wanted) : att.versions[att.versions.length - 1];
    if (!v) throw new HttpError(404, `Attachment ${att.title} has no version ${wanted}`);
    return reply
      .header("content-type", att.mediaType)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(att.title)}`)
      .header("x-content-type-options", "nosniff")
      .send(v.data);
  });

  // Content properties (key/value), where a publisher can keep its idempotency key.
  app.get<{ Params: { id: string } }>("/wiki/api/v2/pages/:id/properties", async (req, reply) => {
    pageOr404(req.params.id);
    const key = one((req.query as Record<string, unknown>)["key"]);
    const props = (state.properties.get(req.params.id) ?? []).filter((p) => !key || p.key === key);
    return paged(req, reply, props, (p) => ({ ...p }), 10, 250);
  });

  app.post<{ Params: { id: string } }>("/wiki/api/v2/pages/:id/properties", async (req) => {
    pageOr404(req.params.id);
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (typeof b["key"] !== "string" || !b["key"]) throw new HttpError(400, "key is required");
    const props = state.properties.get(req.params.id) ?? [];
    if (props.some((p) => p.key === b["key"])) throw new HttpError(400, `A property with key ${b["key"]} already exists on page ${req.params.id}; update it with PUT`);
    const prop: SandboxProperty = { id: String(nextSmallId++), key: b["key"], value: b["value"] ?? null, version: { number: 1, createdAt: new Date().toISOString() } };
    props.push(prop);
    state.properties.set(req.params.id, props);
    return { ...prop };
  });

  app.put<{ Params: { id: string; propertyId: string } }>("/wiki/api/v2/pages/:id/properties/:propertyId", async (req) => {
    pageOr404(req.params.id);
    const prop = (state.properties.get(req.params.id) ?? []).find((p) => p.id === req.params.propertyId);
    if (!prop) throw new HttpError(404, `No property ${req.params.propertyId} on page ${req.params.id}`);
    const b = (req.body ?? {}) as Record<string, unknown>;
    const number = (b["version"] as { number?: unknown } | undefined)?.number;
    if (number !== prop.version.number + 1) throw new HttpError(409, `Version must be incremented on update. Current version is: ${prop.version.number}`);
    prop.value = b["value"] ?? null;
    prop.version = { number, createdAt: new Date().toISOString() };
    return { ...prop };
  });

  // The sandbox's own view of a stored page, so a person can open the published report URL.
  const view = async (req: FastifyRequest<{ Params: { key: string; id: string } }>, reply: FastifyReply) => {
    const page = pageOr404(req.params.id);
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(page.title)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem}</style>
</head><body><p><small>casefile sandbox &#8212; space ${esc(req.params.key)}, page ${esc(page.id)}, version ${page.version.number}</small></p>
<h1>${esc(page.title)}</h1>
${page.body}
</body></html>`;
    return reply
      .header("content-type", "text/html; charset=utf-8")
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .send(html);
  };
  app.get<{ Params: { key: string; id: string } }>("/wiki/spaces/:key/pages/:id", { config: { auth: "none" } }, view);
  app.get<{ Params: { key: string; id: string } }>("/wiki/spaces/:key/pages/:id/*", { config: { auth: "none" } }, view);
}
