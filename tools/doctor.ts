// `casefile doctor`: checks every vendor the job needs with read-only calls and says what to fix. It checks the
// configuration as loaded (config/load.ts): each vendor on its own, so one set up incompletely is reported with the
// loader's problem (naming the missing variable) while the others are still checked.
import type { Env, VendorConfig, VendorName } from "./config.ts";
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

/** What the doctor checks: the loaded configuration (config/load.ts `CasefileConfig` is one). */
export interface DoctorSettings {
  /** The settings variables (the model endpoint's key and URL). */
  env: Env;
  /** The vendors that are fully configured. */
  vendors: VendorConfig;
  /** Parts left out because they are set up incompletely or wrongly (a vendor, the gatherer agent): their messages. */
  problems: Readonly<Partial<Record<string, string>>>;
}

export interface DoctorOptions {
  /** Reports are rendered into the data dir instead of published: Confluence is not needed. */
  dryRun?: boolean;
}

const NOT_CONFIGURED: Record<VendorName, { detail: string; fix: string }> = {
  cloudflare: {
    detail: "not configured: the Cloudflare audit log would be skipped in every investigation",
    fix: "Set CLOUDFLARE_API_TOKEN in the environment and vendors.cloudflare.account_id in the configuration file (or CLOUDFLARE_ACCOUNT_ID).",
  },
  datadog: {
    detail: "not configured: the Datadog Audit Trail would be skipped in every investigation",
    fix: "Set DD_API_KEY and DD_APP_KEY in the environment, and vendors.datadog.site in the configuration file (or DD_SITE).",
  },
  confluence: {
    detail: "not configured: reports would not be published",
    fix: "Set CONFLUENCE_API_TOKEN in the environment and vendors.confluence.base_url, email and space_key in the configuration file (or CONFLUENCE_*), or set service.dry_run: true.",
  },
};

const PROBLEM_FIX = "Complete the settings the message names (casefile.config.example.yaml documents every key), or remove the part's settings to run without it.";

/** One vendor's checks, whatever another vendor's do: a check that throws becomes a failing row of its vendor. */
async function guarded(vendor: Vendor, rows: DoctorRow[], check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (e) {
    rows.push({ vendor, check: "checks", ok: false, detail: msg(e), fix: "Check the vendor's settings named above; `casefile config --print` shows them." });
  }
}

/**
 * Runs every check for the loaded configuration, each vendor independently. A vendor the job needs and nobody
 * configured is a failure: both audit sources, and Confluence unless reports are dry runs. A part the loader left
 * out as a problem (partly configured) fails with that problem. Never throws; failures become rows.
 */
export async function runDoctor(settings: DoctorSettings, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const { env, vendors: cfg, problems } = settings;
  const checks: Record<VendorName, (rows: DoctorRow[]) => Promise<void>> = {
    cloudflare: (rows) => checkCloudflare(cfg.cloudflare!, cfg, rows),
    datadog: (rows) => checkDatadog(cfg.datadog!, cfg, rows),
    confluence: (rows) => checkConfluence(cfg.confluence!, cfg, rows),
  };
  const sections: DoctorRow[][] = [];
  const tasks: Promise<void>[] = [];
  for (const vendor of ["cloudflare", "datadog", "confluence"] as const) {
    const rows: DoctorRow[] = [];
    sections.push(rows);
    const problem = problems[vendor];
    if (cfg[vendor]) tasks.push(guarded(vendor, rows, () => checks[vendor](rows)));
    else if (problem) rows.push({ vendor, check: "configured", ok: false, detail: problem, fix: PROBLEM_FIX });
    else if (vendor === "confluence" && opts.dryRun) rows.push({ vendor, check: "configured", ok: true, detail: "not configured; not needed: service.dry_run renders reports into the data dir" });
    else rows.push({ vendor, check: "configured", ok: false, ...NOT_CONFIGURED[vendor] });
  }
  const model: DoctorRow[] = [];
  sections.push(model);
  tasks.push(guarded("model", model, () => checkModel(env, cfg, model)));
  // the other parts' problems (the gatherer agent): serve and investigate refuse to start on them
  const others = Object.entries(problems).filter(([part, m]) => m && !(part in checks));
  const rows: DoctorRow[] = others.map(([part, m]) => ({ vendor: "config", check: part.replace(/_/g, " "), ok: false, detail: m!, fix: PROBLEM_FIX }));
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
