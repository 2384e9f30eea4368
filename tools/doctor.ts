// `casefile doctor`: checks every vendor the job needs with read-only calls and says what to fix.
import { loadVendorConfig, type Env, type VendorConfig } from "./config.ts";
import { HttpClient, type Failure, type Vendor } from "./http.ts";
import { safeText } from "./text.ts";
import { createCloudflareHttp, CloudflareAuditClient } from "./cloudflare/client.ts";
import { createDatadogHttp, DatadogAuditClient } from "./datadog/client.ts";
import { createConfluencePublisher } from "./confluence/client.ts";

export interface DoctorRow {
  vendor: Vendor | "config";
  check: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

export interface DoctorReport {
  rows: DoctorRow[];
  ok: boolean;
}

function msg(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function step(rows: DoctorRow[], vendor: DoctorRow["vendor"], check: string, fix: string, fn: () => Promise<string>): Promise<boolean> {
  try {
    rows.push({ vendor, check, ok: true, detail: await fn() });
    return true;
  } catch (e) {
    rows.push({ vendor, check, ok: false, detail: msg(e), fix });
    return false;
  }
}

async function checkCloudflare(cfg: NonNullable<VendorConfig["cloudflare"]>, v: VendorConfig, rows: DoctorRow[]): Promise<void> {
  const http = createCloudflareHttp(cfg, { limits: v.limits, maxRetries: 1 });
  try {
    if (cfg.auth.kind === "token") {
      await step(rows, "cloudflare", "token verify", "Create an API token with Account Settings Read and set CLOUDFLARE_API_TOKEN.", async () => {
        const res = await http.request({ method: "GET", path: "/user/tokens/verify", what: "token verify" });
        const r = (res.body as { result?: { status?: unknown } } | undefined)?.result;
        return `token is ${safeText(r?.status ?? "valid", 30)}`;
      });
    } else {
      rows.push({ vendor: "cloudflare", check: "token verify", ok: true, detail: "legacy global API key in use (no verify endpoint); prefer CLOUDFLARE_API_TOKEN" });
    }
    const client = new CloudflareAuditClient(cfg, http);
    await step(rows, "cloudflare", "audit log query", "Grant the token Account Settings Read on CLOUDFLARE_ACCOUNT_ID.", async () => {
      const before = new Date();
      const since = new Date(before.getTime() - 3_600_000);
      const r = await client.fetch({ since, before, maxRecords: 1, pageSize: 1, actorEmail: "doctor-probe@casefile.invalid" });
      return `${r.api} answered (${r.pages} page${r.pages === 1 ? "" : "s"})`;
    });
  } finally {
    await http.close();
  }
}

async function checkDatadog(cfg: NonNullable<VendorConfig["datadog"]>, v: VendorConfig, rows: DoctorRow[]): Promise<void> {
  const http = createDatadogHttp(cfg, { limits: v.limits, maxRetries: 1 });
  try {
    await step(rows, "datadog", "key validate", "Check DD_API_KEY and DD_SITE (the key must belong to that site's organisation).", async () => {
      await http.request({ method: "GET", path: "/api/v1/validate", what: "API key validation" });
      return `API key valid for ${cfg.baseUrl}`;
    });
    const client = new DatadogAuditClient(cfg, http, 1);
    await step(rows, "datadog", "audit search", "Give DD_APP_KEY's owner the audit_logs_read permission and enable Audit Trail.", async () => {
      const to = new Date();
      const r = await client.search("*", new Date(to.getTime() - 3_600_000), to, 1);
      return `audit search answered (${r.events.length} event${r.events.length === 1 ? "" : "s"} in the last hour sampled)`;
    });
  } finally {
    await http.close();
  }
}

async function checkConfluence(cfg: NonNullable<VendorConfig["confluence"]>, v: VendorConfig, rows: DoctorRow[]): Promise<void> {
  const pub = createConfluencePublisher(cfg, { limits: v.limits, maxRetries: 1 });
  try {
    let report: Awaited<ReturnType<typeof pub.checkAccess>> | undefined;
    const found = await step(rows, "confluence", "space lookup", "Check CONFLUENCE_BASE_URL, CONFLUENCE_EMAIL, CONFLUENCE_API_TOKEN and CONFLUENCE_SPACE_KEY.", async () => {
      report = await pub.checkAccess();
      return `space ${cfg.spaceKey}${report.space.id ? ` (id ${report.space.id})` : ""} found`;
    });
    if (found && report) {
      rows.push({
        vendor: "confluence",
        check: "create permission",
        ok: report.canCreate !== false,
        detail: report.detail,
        ...(report.canCreate === false ? { fix: `Grant the account "Add page" in space ${cfg.spaceKey}.` } : {}),
      });
    }
  } finally {
    await pub.close();
  }
}

/** The model endpoint's failure messages (the graph's model client has its own; this is doctor's check). */
function explainModelFailure({ status, what, said }: Failure): string | undefined {
  if (status === 401 || status === 403) return `The model endpoint rejected the key (${status}) during ${what}: check OPENAI_API_KEY.${said}`;
  if (status === 404) return `The model endpoint answered 404 for ${what}: check OPENAI_BASE_URL (it should end in /v1).${said}`;
  return undefined;
}

async function checkModel(env: Env, v: VendorConfig, rows: DoctorRow[]): Promise<void> {
  const key = env.OPENAI_API_KEY?.trim();
  if (!key) {
    rows.push({ vendor: "model", check: "model endpoint", ok: true, detail: "OPENAI_API_KEY not set: the deterministic analyst and writer are used" });
    return;
  }
  const base = (env.OPENAI_BASE_URL?.trim() || "https://api.openai.com/v1").replace(/\/+$/, "");
  const headers = { authorization: `Bearer ${key}` };
  const http = new HttpClient({ vendor: "model", baseUrl: base, headers, timeoutMs: v.limits.httpTimeoutMs, maxRetryWaitMs: v.limits.maxRetryWaitMs, maxRetries: 1, explain: explainModelFailure });
  try {
    await step(rows, "model", "model list", "Check OPENAI_BASE_URL (ends in /v1) and OPENAI_API_KEY.", async () => {
      const res = await http.request({ method: "GET", path: "/models", what: "model list" });
      const data = (res.body as { data?: unknown } | undefined)?.data;
      return `${Array.isArray(data) ? data.length : 0} models listed at ${safeText(base, 120)}`;
    });
  } finally {
    await http.close();
  }
}

export interface DoctorOptions {
  /** Reports are rendered into the data dir instead of published: Confluence is not needed. */
  dryRun?: boolean;
}

/**
 * Runs every check for the vendors configured in `env` (the settings variables, config/load.ts). A vendor the
 * job needs and nobody configured is a failure: both audit sources, and Confluence unless reports are dry runs.
 * Never throws; failures become rows.
 */
export async function runDoctor(env: Env, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const rows: DoctorRow[] = [];
  let cfg: VendorConfig;
  try {
    cfg = loadVendorConfig(env);
  } catch (e) {
    rows.push({ vendor: "config", check: "environment", ok: false, detail: msg(e), fix: "Set the variable named above (see README: configuration)." });
    return { rows, ok: false };
  }
  const tasks: Promise<void>[] = [];
  const sections: DoctorRow[][] = [];
  const section = () => {
    const r: DoctorRow[] = [];
    sections.push(r);
    return r;
  };
  if (cfg.cloudflare) tasks.push(checkCloudflare(cfg.cloudflare, cfg, section()));
  else section().push({ vendor: "cloudflare", check: "configured", ok: false, detail: "not configured: the Cloudflare audit log would be skipped in every investigation", fix: "Set CLOUDFLARE_API_TOKEN in the environment and vendors.cloudflare.account_id in the configuration file (or CLOUDFLARE_ACCOUNT_ID)." });
  if (cfg.datadog) tasks.push(checkDatadog(cfg.datadog, cfg, section()));
  else section().push({ vendor: "datadog", check: "configured", ok: false, detail: "not configured: the Datadog Audit Trail would be skipped in every investigation", fix: "Set DD_API_KEY and DD_APP_KEY in the environment, and vendors.datadog.site in the configuration file (or DD_SITE)." });
  if (cfg.confluence) tasks.push(checkConfluence(cfg.confluence, cfg, section()));
  else if (opts.dryRun) section().push({ vendor: "confluence", check: "configured", ok: true, detail: "not configured; not needed: service.dry_run renders reports into the data dir" });
  else section().push({ vendor: "confluence", check: "configured", ok: false, detail: "not configured: reports would not be published", fix: "Set CONFLUENCE_API_TOKEN in the environment and vendors.confluence.base_url, email and space_key in the configuration file (or CONFLUENCE_*), or set service.dry_run: true." });
  tasks.push(checkModel(env, cfg, section()));
  await Promise.all(tasks);
  for (const s of sections) rows.push(...s);
  return { rows, ok: rows.every((r) => r.ok) };
}

/** A plain-text table: one line per check, then the fixes for failing ones. */
export function formatDoctorTable(rows: DoctorRow[]): string {
  const head = ["", "vendor", "check", "detail"];
  const body = rows.map((r) => [r.ok ? "ok" : "FAIL", r.vendor, r.check, safeText(r.detail, 400)]);
  const widths = head.slice(0, 3).map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join("  ").trimEnd();
  const out = [line(head), ...body.map(line)];
  const fixes = rows.filter((r) => !r.ok && r.fix);
  if (fixes.length) {
    out.push("", "How to fix:");
    for (const r of fixes) out.push(`- ${r.vendor} ${r.check}: ${r.fix}`);
  }
  return out.join("\n");
}
