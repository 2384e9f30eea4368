// Confluence publisher: Cloud v2 pages (+ v1 labels/attachments) or Data Center v1 content.
// Idempotent per anomaly: the page title is unique per anomaly and the page carries a content property
// `casefile-anomaly-id` holding the key; a create whose outcome is unknown is never retried blindly.
import { FormData } from "undici";
import type { ConfluenceConfig } from "../config.ts";
import { type HttpClient, HttpError, UncertainOutcomeError, PayloadTooLargeError, vendorHttpClient, type RetrySettings, type VendorHttpOptions } from "../http.ts";
import { safeText } from "../text.ts";
import { explainConfluenceFailure } from "./errors.ts";
import type { PublishRequest, PublishResult, Publisher } from "../types.ts";
import { VendorError } from "../types.ts";

export { PayloadTooLargeError };

export const PROPERTY_KEY = "casefile-anomaly-id";

export interface ConfluencePublisherOptions extends VendorHttpOptions {
  http?: HttpClient;
}

export interface PublishedAttachment {
  name: string;
  /** Absolute download link. */
  url: string;
}

export interface ConfluencePublishResult extends PublishResult {
  attachments: PublishedAttachment[];
}

export interface AccessReport {
  space: { id?: string; key: string; name?: string; homepageId?: string };
  /** true / false when the API could tell; undefined when create permission cannot be checked without creating. */
  canCreate: boolean | undefined;
  detail: string;
}

export interface PageRef {
  id: string;
  title: string;
  version: number;
  url?: string;
}

interface SpaceInfo {
  id: string;
  key: string;
  name?: string;
  homepageId?: string;
}

function rec(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** Confluence label names: lowercase, no spaces or punctuation. */
export function labelName(s: string): string | undefined {
  const n = s
    .toLowerCase()
    .replace(/[^a-z0-9_\-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 255);
  return n || undefined;
}

export function confluenceAuthHeaders(cfg: ConfluenceConfig): Record<string, string> {
  if (cfg.flavor === "datacenter" || !cfg.email) return { authorization: `Bearer ${cfg.token}` };
  return { authorization: `Basic ${Buffer.from(`${cfg.email}:${cfg.token}`).toString("base64")}` };
}

/**
 * Confluence's retry policy, run by HttpClient (tools/http.ts): 429 → wait what Retry-After asks (longer than
 * CASEFILE_MAX_RETRY_WAIT_MS: fail at once), else backoff from 500 ms; 502/503/504 and network errors are retried
 * only for reads and updates: a page create whose outcome is unknown is looked up, never resent blindly. 3 retries.
 */
export const CONFLUENCE_RETRY: RetrySettings = { maxRetries: 3, baseDelayMs: 500 };

export function createConfluenceHttp(cfg: ConfluenceConfig, opts: ConfluencePublisherOptions = {}): HttpClient {
  const vendor = { vendor: "confluence", baseUrl: cfg.apiRoot, headers: confluenceAuthHeaders(cfg), retry: CONFLUENCE_RETRY, explain: explainConfluenceFailure, concurrency: 2 } as const;
  return vendorHttpClient(vendor, opts);
}

function isDuplicateTitle(e: unknown): boolean {
  return e instanceof HttpError && e.status === 400 && /already exists/i.test(JSON.stringify(e.body ?? ""));
}

function isVersionConflict(e: unknown): boolean {
  return e instanceof HttpError && (e.status === 409 || (e.status === 400 && /version/i.test(JSON.stringify(e.body ?? ""))));
}

export interface ConfluencePublisher extends Publisher {
  publish(req: PublishRequest): Promise<ConfluencePublishResult>;
  /** Read-only check for doctor: space lookup and, where the API allows, the create permission. */
  checkAccess(signal?: AbortSignal): Promise<AccessReport>;
  findPage(title: string): Promise<PageRef | undefined>;
  close(): Promise<void>;
}

export function createConfluencePublisher(cfg: ConfluenceConfig, opts: ConfluencePublisherOptions = {}): ConfluencePublisher {
  const http = opts.http ?? createConfluenceHttp(cfg, opts);
  const dc = cfg.flavor === "datacenter";
  const v1 = "/rest/api";
  let spaceCache: SpaceInfo | undefined;
  let linkBase: string | undefined;

  const abs = (base: unknown, rel: unknown): string | undefined => {
    const r = str(rel);
    if (!r) return undefined;
    if (/^https?:\/\//.test(r)) return r;
    const b = str(base) ?? linkBase ?? cfg.apiRoot;
    return b.replace(/\/+$/, "") + r;
  };

  async function space(): Promise<SpaceInfo> {
    if (spaceCache) return spaceCache;
    if (dc) {
      const res = await http.request({ method: "GET", path: `${v1}/space/${encodeURIComponent(cfg.spaceKey)}`, query: { expand: "homepage" }, what: "space lookup" });
      const b = rec(res.body);
      spaceCache = { id: str(b.id) ?? "", key: cfg.spaceKey, name: str(b.name), homepageId: str(rec(b.homepage).id) };
      linkBase = str(rec(b._links).base) ?? linkBase;
      return spaceCache;
    }
    const res = await http.request({ method: "GET", path: "/api/v2/spaces", query: { keys: cfg.spaceKey, limit: 10 }, what: "space lookup" });
    const b = rec(res.body);
    linkBase = str(rec(b._links).base) ?? linkBase;
    const results = Array.isArray(b.results) ? b.results.map(rec) : [];
    const s = results.find((r) => r.key === cfg.spaceKey);
    if (!s || !str(s.id)) {
      throw new VendorError(
        "confluence",
        404,
        `Confluence has no space with key "${safeText(cfg.spaceKey, 60)}" visible to this account: check CONFLUENCE_SPACE_KEY and that CONFLUENCE_EMAIL can view the space.`,
      );
    }
    spaceCache = { id: str(s.id)!, key: cfg.spaceKey, name: str(s.name), homepageId: str(s.homepageId) };
    return spaceCache;
  }

  async function findPage(title: string): Promise<PageRef | undefined> {
    if (dc) {
      const res = await http.request({
        method: "GET",
        path: `${v1}/content`,
        query: { spaceKey: cfg.spaceKey, title, type: "page", expand: "version", limit: 25 },
        what: "page lookup",
      });
      const b = rec(res.body);
      const hit = (Array.isArray(b.results) ? b.results.map(rec) : []).find((p) => p.title === title);
      if (!hit) return undefined;
      const links = rec(hit._links);
      return { id: str(hit.id)!, title, version: Number(rec(hit.version).number) || 1, url: abs(links.base ?? rec(b._links).base, links.webui) };
    }
    const s = await space();
    let cursorPath: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const res = cursorPath
        ? await http.request({ method: "GET", path: cursorPath, what: "page lookup" })
        : await http.request({ method: "GET", path: "/api/v2/pages", query: { "space-id": s.id, title, status: "current", limit: 25 }, what: "page lookup" });
      const b = rec(res.body);
      const top = rec(b._links);
      linkBase = str(top.base) ?? linkBase;
      // The API's title match semantics are unspecified: recheck exactly here.
      const hit = (Array.isArray(b.results) ? b.results.map(rec) : []).find((p) => p.title === title);
      if (hit && str(hit.id)) {
        return { id: str(hit.id)!, title, version: Number(rec(hit.version).number) || 1, url: abs(top.base, rec(hit._links).webui) };
      }
      const next = str(top.next);
      if (!next) return undefined;
      // `next` is relative to the site (it starts with /wiki); our base already ends in /wiki.
      cursorPath = next.startsWith("/wiki/") && /\/wiki$/.test(cfg.apiRoot) ? next.slice(5) : next;
    }
    return undefined;
  }

  async function readKey(pageId: string): Promise<string | undefined> {
    try {
      if (dc) {
        const res = await http.request({ method: "GET", path: `${v1}/content/${pageId}/property/${PROPERTY_KEY}`, what: "page property read" });
        return str(rec(res.body).value);
      }
      const res = await http.request({ method: "GET", path: `/api/v2/pages/${pageId}/properties`, query: { key: PROPERTY_KEY }, what: "page property read" });
      const hit = (Array.isArray(rec(res.body).results) ? (rec(res.body).results as unknown[]).map(rec) : []).find((p) => p.key === PROPERTY_KEY);
      return hit ? str(hit.value) : undefined;
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) return undefined;
      throw e;
    }
  }

  async function writeKey(pageId: string, key: string): Promise<void> {
    try {
      if (dc) await http.request({ method: "POST", path: `${v1}/content/${pageId}/property`, json: { key: PROPERTY_KEY, value: key }, idempotent: true, what: "page property write" });
      else await http.request({ method: "POST", path: `/api/v2/pages/${pageId}/properties`, json: { key: PROPERTY_KEY, value: key }, idempotent: true, what: "page property write" });
    } catch (e) {
      // Already there (a previous run or a retried write): fine when it holds our key.
      if (e instanceof HttpError && (e.status === 400 || e.status === 409) && (await readKey(pageId)) === key) return;
      // A Confluence without content properties: the title, which ends with the anomaly id, still keys the page.
      if (e instanceof HttpError && [404, 405, 501].includes(e.status ?? 0)) return;
      throw e;
    }
  }

  async function createPage(title: string, body: string): Promise<PageRef> {
    if (dc) {
      const s = cfg.parentPageId ? undefined : await space().catch(() => undefined);
      const parent = cfg.parentPageId ?? s?.homepageId;
      const res = await http.request({
        method: "POST",
        path: `${v1}/content`,
        json: {
          type: "page",
          title,
          space: { key: cfg.spaceKey },
          ...(parent ? { ancestors: [{ id: parent }] } : {}),
          body: { storage: { value: body, representation: "storage" } },
        },
        idempotent: false,
        what: "page create",
      });
      const b = rec(res.body);
      const links = rec(b._links);
      return { id: str(b.id)!, title, version: Number(rec(b.version).number) || 1, url: abs(links.base, links.webui) };
    }
    const s = await space();
    const parentId = cfg.parentPageId ?? s.homepageId;
    const res = await http.request({
      method: "POST",
      path: "/api/v2/pages",
      json: { spaceId: s.id, status: "current", title, ...(parentId ? { parentId } : {}), body: { representation: "storage", value: body } },
      idempotent: false,
      what: "page create",
    });
    const b = rec(res.body);
    const links = rec(b._links);
    if (!str(b.id)) throw new VendorError("confluence", res.status, "Confluence answered the page create without a page id; check CONFLUENCE_BASE_URL points at the Confluence site.");
    return { id: str(b.id)!, title, version: Number(rec(b.version).number) || 1, url: abs(links.base, links.webui) };
  }

  async function updatePage(page: PageRef, title: string, body: string): Promise<PageRef> {
    for (let attempt = 0; ; attempt++) {
      const current = dc
        ? rec((await http.request({ method: "GET", path: `${v1}/content/${page.id}`, query: { expand: "version" }, what: "page read" })).body)
        : rec((await http.request({ method: "GET", path: `/api/v2/pages/${page.id}`, what: "page read" })).body);
      const n = Number(rec(current.version).number) || page.version;
      try {
        const res = dc
          ? await http.request({
              method: "PUT",
              path: `${v1}/content/${page.id}`,
              json: { id: page.id, type: "page", title, version: { number: n + 1 }, body: { storage: { value: body, representation: "storage" } } },
              what: "page update",
            })
          : await http.request({
              method: "PUT",
              path: `/api/v2/pages/${page.id}`,
              json: {
                id: page.id,
                status: "current",
                title,
                ...(str(current.spaceId) ? { spaceId: str(current.spaceId) } : {}),
                body: { representation: "storage", value: body },
                version: { number: n + 1, message: "casefile: investigation updated" },
              },
              what: "page update",
            });
        const b = rec(res.body);
        const links = rec(b._links);
        return { id: page.id, title, version: Number(rec(b.version).number) || n + 1, url: abs(links.base, links.webui) ?? page.url };
      } catch (e) {
        // Someone else saved in between: reread the version once more.
        if (attempt < 2 && isVersionConflict(e)) continue;
        throw e;
      }
    }
  }

  async function addLabels(pageId: string, labels: string[]): Promise<void> {
    const names = [...new Set(labels.map(labelName).filter((x): x is string => !!x))];
    if (!names.length) return;
    await http.request({
      method: "POST",
      path: `${v1}/content/${pageId}/label`,
      json: names.map((name) => ({ prefix: "global", name })),
      headers: { "x-atlassian-token": "no-check" },
      idempotent: true,
      what: "label add",
    });
  }

  async function attach(pageId: string, files: NonNullable<PublishRequest["attachments"]>): Promise<PublishedAttachment[]> {
    const out: PublishedAttachment[] = [];
    for (const f of files) {
      const form = new FormData();
      const data = typeof f.data === "string" ? Buffer.from(f.data, "utf8") : f.data;
      form.append("file", new Blob([new Uint8Array(data)], { type: f.contentType }), f.name);
      form.append("minorEdit", "true");
      // PUT creates the attachment or adds a new version of an existing one: safe to repeat. A server that only
      // knows POST (create) gets that instead.
      const upload = (method: "PUT" | "POST") =>
        http.request({
          method,
          path: `${v1}/content/${pageId}/child/attachment`,
          form,
          headers: { "x-atlassian-token": "no-check" },
          what: `attachment upload (${safeText(f.name, 80)})`,
        });
      let res;
      try {
        res = await upload("PUT");
      } catch (e) {
        if (!(e instanceof HttpError && (e.status === 404 || e.status === 405))) throw e;
        res = await upload("POST");
      }
      const b = rec(res.body);
      const first = (Array.isArray(b.results) ? b.results.map(rec) : [])[0];
      const url = abs(rec(b._links).base, rec(first?._links).download);
      out.push({ name: f.name, url: url ?? "" });
    }
    return out;
  }

  /**
   * Finds a title that is free or already ours: "T", then "T (2)", "T (3)"… A page with exactly our title and
   * no key is our own create that was interrupted before the key was written (a crash between the two calls):
   * it is adopted — the key written now — rather than duplicated.
   */
  async function resolveTitle(title: string, key: string): Promise<{ title: string; page?: PageRef }> {
    for (let n = 1; n <= 20; n++) {
      const candidate = n === 1 ? title : `${title} (${n})`;
      const page = await findPage(candidate);
      if (!page) return { title: candidate };
      const owner = await readKey(page.id);
      if (owner === key) return { title: candidate, page };
      if (owner === undefined && n === 1) {
        await writeKey(page.id, key);
        return { title: candidate, page };
      }
    }
    throw new VendorError("confluence", undefined, `Confluence: 20 pages titled "${safeText(title, 120)}" belong to other investigations; choose a more specific title.`);
  }

  /** A page this key was published under with another title (e.g. another verdict), if any. */
  async function findPrevious(req: PublishRequest): Promise<PageRef | undefined> {
    // One lookup per earlier title, in parallel; suffixed variants only behind a taken title.
    const titles = (req.previousTitles ?? []).filter((t) => t !== req.title);
    const firsts = await Promise.all(titles.map((t) => findPage(t)));
    for (let i = 0; i < titles.length; i++) {
      let page = firsts[i];
      for (let n = 2; page; n++) {
        if ((await readKey(page.id)) === req.key) return page;
        if (n > 3) break;
        page = await findPage(`${titles[i]} (${n})`);
      }
    }
    return undefined;
  }

  async function publish(req: PublishRequest): Promise<ConfluencePublishResult> {
    let resolved = await resolveTitle(req.title, req.key);
    if (!resolved.page) {
      const previous = await findPrevious(req);
      if (previous) resolved = { title: resolved.title, page: previous };
    }
    let created = false;
    let page = resolved.page;
    for (let tries = 0; !page; tries++) {
      try {
        page = await createPage(resolved.title, req.body);
        created = true;
      } catch (e) {
        // Outcome unknown or a racing create took the title: look it up before anything else.
        if (tries < 2 && (e instanceof UncertainOutcomeError || isDuplicateTitle(e))) {
          const found = await findPage(resolved.title);
          if (found) {
            const owner = await readKey(found.id);
            if (owner === req.key || owner === undefined) {
              // Our half-finished create (the key is written next) or our own earlier run.
              page = found;
              created = owner === undefined;
              break;
            }
            resolved = await resolveTitle(req.title, req.key);
            page = resolved.page;
            continue;
          }
          if (e instanceof UncertainOutcomeError) continue;
        }
        throw e;
      }
    }
    if (created) await writeKey(page.id, req.key);
    else page = await updatePage(page, resolved.title, req.body);
    // The page is published; labels and the picture are extras whose failure is reported, not fatal.
    const warnings: string[] = [];
    if (req.labels.length) {
      try {
        await addLabels(page.id, req.labels);
      } catch (e) {
        warnings.push(`Confluence labels were not added: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    let attachments: Awaited<ReturnType<typeof attach>> = [];
    if (req.attachments?.length) {
      try {
        attachments = await attach(page.id, req.attachments);
      } catch (e) {
        warnings.push(`the timeline picture was not attached to the Confluence page: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    let url = page.url;
    if (!url) url = (await findPage(resolved.title))?.url ?? "";
    return { id: page.id, url, version: page.version, title: resolved.title, created, attachments, ...(warnings.length ? { warnings } : {}) };
  }

  async function checkAccess(signal?: AbortSignal): Promise<AccessReport> {
    const s = await space();
    const report: AccessReport = { space: { ...s }, canCreate: undefined, detail: "" };
    if (dc) {
      report.detail = `space ${cfg.spaceKey} found; Data Center offers no read-only create-permission check (verified on first publish).`;
      return report;
    }
    try {
      // Permitted operations of the current user in the space (no page is created).
      const res = await http.request({ method: "GET", path: `/api/v2/spaces/${s.id}/operations`, signal, what: "space permission check" });
      const ops = Array.isArray(rec(res.body).operations) ? (rec(res.body).operations as unknown[]).map(rec) : [];
      report.canCreate = ops.some((o) => o.operation === "create" && (o.targetType === "page" || o.targetType === undefined));
      report.detail = report.canCreate
        ? `space ${cfg.spaceKey} (id ${s.id}) found; the account may create pages in it.`
        : `space ${cfg.spaceKey} (id ${s.id}) found, but the account lacks the "add page" permission there.`;
    } catch (e) {
      if (!(e instanceof HttpError) || e.status !== 404) throw e;
      report.detail = `space ${cfg.spaceKey} (id ${s.id}) found; create permission could not be checked (no operations endpoint) and is verified on first publish.`;
    }
    return report;
  }

  return { publish, checkAccess, findPage, close: () => http.close() };
}
