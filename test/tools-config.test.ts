// The vendors' settings parser (tools/config.ts): defaults, every vendor's required variables, the problems it reports.
import { describe, expect, it } from "vitest";
import { ConfigError, DATADOG_SITES, loadVendorConfig, loadVendorSettings } from "../tools/config.ts";

describe("loadVendorConfig", () => {
  it("no vendor variables: every vendor undefined, default limits", () => {
    const c = loadVendorConfig({});
    expect(c).toEqual({ limits: { maxEventsPerSource: 50_000, maxPagesPerSource: 500, httpTimeoutMs: 30_000, maxRetryWaitMs: 300_000 } });
  });

  it("Cloudflare token with defaults", () => {
    const c = loadVendorConfig({ CLOUDFLARE_API_TOKEN: "t", CLOUDFLARE_ACCOUNT_ID: "acc" });
    expect(c.cloudflare).toEqual({ baseUrl: "https://api.cloudflare.com/client/v4", accountId: "acc", auth: { kind: "token", token: "t" }, auditApi: "auto" });
  });

  it("Cloudflare legacy key pair, and partial configurations name the missing variable", () => {
    const c = loadVendorConfig({ CLOUDFLARE_EMAIL: "a@b.c", CLOUDFLARE_API_KEY: "k", CLOUDFLARE_ACCOUNT_ID: "acc", CLOUDFLARE_AUDIT_API: "V1" });
    expect(c.cloudflare?.auth).toEqual({ kind: "key", email: "a@b.c", key: "k" });
    expect(c.cloudflare?.auditApi).toBe("v1");
    expect(() => loadVendorConfig({ CLOUDFLARE_ACCOUNT_ID: "acc" })).toThrow(/CLOUDFLARE_API_TOKEN is not set/);
    expect(() => loadVendorConfig({ CLOUDFLARE_API_TOKEN: "t" })).toThrow(/CLOUDFLARE_ACCOUNT_ID is not set/);
    expect(() => loadVendorConfig({ CLOUDFLARE_API_KEY: "k", CLOUDFLARE_ACCOUNT_ID: "a" })).toThrow(/CLOUDFLARE_EMAIL is not set/);
    expect(() => loadVendorConfig({ CLOUDFLARE_API_TOKEN: "t", CLOUDFLARE_ACCOUNT_ID: "a", CLOUDFLARE_AUDIT_API: "v3" })).toThrow(/CLOUDFLARE_AUDIT_API/);
    expect(() => loadVendorConfig({ CLOUDFLARE_API_TOKEN: "t", CLOUDFLARE_ACCOUNT_ID: "a", CLOUDFLARE_BASE_URL: "not a url" })).toThrow(ConfigError);
  });

  it("Datadog: every site maps to its API host; unknown sites list the valid ones; DATADOG_API_URL overrides", () => {
    for (const [site, base] of Object.entries(DATADOG_SITES)) {
      expect(loadVendorConfig({ DD_API_KEY: "a", DD_APP_KEY: "b", DD_SITE: site }).datadog?.baseUrl).toBe(base);
    }
    expect(loadVendorConfig({ DD_API_KEY: "a", DD_APP_KEY: "b" }).datadog?.baseUrl).toBe("https://api.datadoghq.com");
    expect(loadVendorConfig({ DD_API_KEY: "a", DD_APP_KEY: "b", DD_SITE: "app.datadoghq.eu" }).datadog?.baseUrl).toBe("https://api.datadoghq.eu");
    expect(() => loadVendorConfig({ DD_API_KEY: "a", DD_APP_KEY: "b", DD_SITE: "datadoghq.moon" })).toThrow(/datadoghq\.moon.*datadoghq\.com.*uk1\.datadoghq\.com/);
    expect(loadVendorConfig({ DD_API_KEY: "a", DD_APP_KEY: "b", DD_SITE: "x", DATADOG_API_URL: "http://127.0.0.1:9/" }).datadog?.baseUrl).toBe("http://127.0.0.1:9");
    expect(() => loadVendorConfig({ DD_API_KEY: "a" })).toThrow(/DD_APP_KEY is not set/);
    expect(() => loadVendorConfig({ DD_APP_KEY: "a" })).toThrow(/DD_API_KEY is not set/);
  });

  it("Confluence cloud, scoped gateway and data center", () => {
    const base = { CONFLUENCE_EMAIL: "e@x.io", CONFLUENCE_API_TOKEN: "tok", CONFLUENCE_SPACE_KEY: "SEC" };
    expect(loadVendorConfig({ ...base, CONFLUENCE_BASE_URL: "https://x.atlassian.net" }).confluence).toMatchObject({
      flavor: "cloud",
      apiRoot: "https://x.atlassian.net/wiki",
      scoped: false,
    });
    expect(loadVendorConfig({ ...base, CONFLUENCE_BASE_URL: "https://x.atlassian.net/wiki/" }).confluence?.apiRoot).toBe("https://x.atlassian.net/wiki");
    expect(loadVendorConfig({ ...base, CONFLUENCE_BASE_URL: "https://api.atlassian.com/ex/confluence/abc-123" }).confluence).toMatchObject({
      apiRoot: "https://api.atlassian.com/ex/confluence/abc-123/wiki",
      scoped: true,
    });
    const dc = loadVendorConfig({ CONFLUENCE_BASE_URL: "https://wiki.corp/confluence", CONFLUENCE_API_TOKEN: "pat", CONFLUENCE_SPACE_KEY: "SEC", CONFLUENCE_FLAVOR: "datacenter", CONFLUENCE_PARENT_PAGE_ID: "42" }).confluence;
    expect(dc).toMatchObject({ flavor: "datacenter", apiRoot: "https://wiki.corp/confluence", parentPageId: "42" });
    expect(() => loadVendorConfig({ ...base, CONFLUENCE_BASE_URL: "https://x.atlassian.net", CONFLUENCE_EMAIL: "" })).toThrow(/CONFLUENCE_EMAIL is not set/);
    expect(() => loadVendorConfig({ CONFLUENCE_BASE_URL: "https://x.atlassian.net" })).toThrow(/CONFLUENCE_API_TOKEN is not set/);
    expect(() => loadVendorConfig({ ...base })).toThrow(/CONFLUENCE_BASE_URL is not set/);
    expect(() => loadVendorConfig({ ...base, CONFLUENCE_BASE_URL: "https://x.atlassian.net", CONFLUENCE_PARENT_PAGE_ID: "abc" })).toThrow(/CONFLUENCE_PARENT_PAGE_ID/);
  });

  it("loadVendorSettings keeps the usable vendors and reports each unusable one instead of throwing", () => {
    const { vendors, problems } = loadVendorSettings({ CLOUDFLARE_API_TOKEN: "t", CLOUDFLARE_ACCOUNT_ID: "acc", DD_API_KEY: "a", CONFLUENCE_FLAVOR: "wiki", CONFLUENCE_BASE_URL: "https://x.atlassian.net" });
    expect(vendors.cloudflare?.accountId).toBe("acc");
    expect(vendors.datadog).toBeUndefined();
    expect(vendors.confluence).toBeUndefined();
    expect(problems).toEqual({ datadog: expect.stringMatching(/^Datadog is partly configured: DD_APP_KEY is not set/), confluence: 'CONFLUENCE_FLAVOR must be cloud or datacenter, got "wiki".' });
    expect(() => loadVendorSettings({ DD_API_KEY: "a", CASEFILE_HTTP_TIMEOUT_MS: "soon" })).toThrow(/CASEFILE_HTTP_TIMEOUT_MS/);
  });

  it("limits parse and reject junk", () => {
    const c = loadVendorConfig({ CASEFILE_MAX_EVENTS_PER_SOURCE: "10", CASEFILE_HTTP_TIMEOUT_MS: "500", CASEFILE_MAX_RETRY_WAIT_MS: "1000" });
    expect(c.limits).toEqual({ maxEventsPerSource: 10, maxPagesPerSource: 500, httpTimeoutMs: 500, maxRetryWaitMs: 1000 });
    expect(() => loadVendorConfig({ CASEFILE_HTTP_TIMEOUT_MS: "-1" })).toThrow(/CASEFILE_HTTP_TIMEOUT_MS must be a positive integer/);
  });
});
