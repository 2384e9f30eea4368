// The review UI's pages around the report: the page chrome, the log-in form, the investigation list, the
// investigation header with its decision buttons, and messages. The report's own sections come from
// report/html.ts; every stored string is escaped by the `html` tag of report/escape.ts.
import type { AuditEvent } from "../../domain/events.ts";
import { VERDICTS, type Verdict } from "../../domain/schemas.ts";
import { breakable, classToken, html, safeUrl, type Child, type Markup } from "../../report/escape.ts";
import { metadataSection, renderHtml, section } from "../../report/html.ts";
import { SOURCE_LABEL, VERDICT_LABEL } from "../../report/labels.ts";
import { actorOf } from "../../report/text.ts";
import type { Report } from "../../report/schema.ts";
import { STATUSES, type Investigation, type InvestigationStatus } from "../store/index.ts";

export interface PageCtx {
  base: string;
  authRequired: boolean;
  loggedIn: boolean;
  csrf: string;
}

export interface ListFilter {
  status?: InvestigationStatus | undefined;
  verdict?: Verdict | undefined;
  cursor?: string | undefined;
}

/** What the store holds for one investigation's report, already checked against the report schema. */
export interface StoredReport {
  report?: Report;
  /** Why a stored report could not be shown (another version's shape), when there is one. */
  unreadable?: string;
  hasPicture: boolean;
  errors: string[];
}

export const STATUS_TEXT: Record<InvestigationStatus, string> = {
  queued: "Queued",
  running: "Running",
  awaiting_approval: "Awaiting approval",
  completed: "Completed",
  failed: "Failed",
  filtered: "Filtered",
};

function verdictBadge(verdict: string | null | undefined): Markup {
  if (!verdict) return html`<span class="badge badge-none">No verdict yet</span>`;
  const known = VERDICT_LABEL[verdict as Verdict] as string | undefined;
  return html`<span class="badge verdict-${known ? classToken(verdict) : "other"}">${known ?? verdict}</span>`;
}
function statusBadge(status: string): Markup {
  const known = STATUS_TEXT[status as InvestigationStatus] as string | undefined;
  return html`<span class="status status-${known ? classToken(status) : "other"}">${known ?? status}</span>`;
}
const conf = (c: number | null | undefined) => (typeof c === "number" && Number.isFinite(c) ? c.toFixed(2) : "—");

function when(iso: string | null | undefined): Markup {
  if (!iso) return html`—`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return html`${iso}`;
  return html`<time datetime="${d.toISOString()}">${d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "")} UTC</time>`;
}

function reportLink(url: string | null | undefined): Markup {
  const u = safeUrl(url);
  return u ? html`<a href="${u}" rel="noopener noreferrer" target="_blank">Confluence page<span class="sr-only"> (opens in a new tab)</span></a>` : html`<span class="muted">not published</span>`;
}

function page(ctx: PageCtx, title: string, body: Child, opts: { script?: boolean } = {}): string {
  const home = ctx.base || "/";
  const banner = ctx.authRequired
    ? ""
    : html`<div class="banner" role="note"><strong>Open access:</strong> CASEFILE_API_TOKEN is not set, so anyone who can reach this server can read investigations and approve publishes. Set it and restart to require a login.</div>`;
  const logout =
    ctx.authRequired && ctx.loggedIn
      ? html`<form method="post" action="${ctx.base}/logout" class="inline"><input type="hidden" name="csrf" value="${ctx.csrf}"><button type="submit" class="link-button">Log out</button></form>`
      : "";
  return `<!doctype html>
${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · casefile</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ctx.base}/assets/ui.css">
${opts.script ? html`<script src="${ctx.base}/assets/ui.js" defer></script>` : ""}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<nav aria-label="Main"><a class="brand" href="${home}">casefile</a> <a href="${home}">Investigations</a> <a href="${home}?status=awaiting_approval">Awaiting approval</a></nav>
${logout}
</header>
${banner}
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>`}`;
}

export function loginPage(ctx: PageCtx, error?: string): string {
  return page(
    ctx,
    "Log in",
    html`<h1>Log in to the review UI</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<form method="post" action="${ctx.base}/login" class="card narrow">
<label for="token">API token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required aria-describedby="token-help">
<p id="token-help" class="muted">The value of CASEFILE_API_TOKEN on this server.</p>
<button type="submit">Log in</button>
</form>`,
  );
}

export function messagePage(ctx: PageCtx, title: string, message: string): string {
  return page(ctx, title, html`<h1>${title}</h1><p class="error" role="alert">${message}</p><p><a href="${ctx.base || "/"}">Back to the investigations</a></p>`);
}

function option(value: string, label: string, selected: string | undefined): Markup {
  return html`<option value="${value}"${value === (selected ?? "") ? html` selected` : ""}>${label}</option>`;
}

export function listPage(ctx: PageCtx, q: ListFilter, items: Investigation[], next: string | null): string {
  const home = ctx.base || "/";
  const qs = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ status: q.status, verdict: q.verdict, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  const rows = items.map(
    (inv) => html`<tr>
<td>${when(inv.created_at)}</td>
<td class="wrap"><a href="${ctx.base}/investigations/${inv.id}">${inv.actor}</a></td>
<td class="wrap">${breakable(inv.action)}</td>
<td>${statusBadge(inv.status)}</td>
<td>${verdictBadge(inv.verdict)}</td>
<td class="num">${conf(inv.confidence)}</td>
<td>${reportLink(inv.report_url)}</td>
</tr>`,
  );
  const filtered = Boolean(q.status || q.verdict);
  return page(
    ctx,
    "Investigations",
    html`<h1>Investigations</h1>
<form method="get" action="${home}" class="filters" role="search" aria-label="Filter investigations">
<div><label for="f-status">Status</label>
<select id="f-status" name="status">${option("", "Any status", q.status)}${STATUSES.map((s) => option(s, STATUS_TEXT[s], q.status))}</select></div>
<div><label for="f-verdict">Verdict</label>
<select id="f-verdict" name="verdict">${option("", "Any verdict", q.verdict)}${VERDICTS.map((v) => option(v, VERDICT_LABEL[v], q.verdict))}</select></div>
<div><button type="submit">Filter</button>${filtered ? html` <a href="${home}">Clear filters</a>` : ""}</div>
</form>
${
  items.length
    ? html`<table class="list">
<caption class="sr-only">Investigations, newest first${q.cursor ? " (continued)" : ""}</caption>
<thead><tr><th scope="col">Received</th><th scope="col">Actor</th><th scope="col">Flagged action</th><th scope="col">Status</th><th scope="col">Verdict</th><th scope="col">Confidence</th><th scope="col">Report</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : html`<p class="card">No investigations${filtered ? " match these filters" : " yet"}.</p>`
}
<nav class="pager" aria-label="Pages">
${q.cursor ? html`<a href="${home}${qs({})}">Newest</a>` : ""}
${next ? html`<a href="${home}${qs({ cursor: next })}" rel="next">Older investigations →</a>` : ""}
</nav>`,
  );
}

/** One investigation: its header and decision buttons, then the report's sections (report/html.ts). */
export function reportPage(ctx: PageCtx, inv: Investigation, stored: StoredReport, opts: { notice?: string | undefined; recordUrl?: ((eventId: string) => string) | undefined } = {}): string {
  const { notice } = opts;
  const live = inv.status === "queued" || inv.status === "running";
  const title = `${inv.action} by ${inv.actor}`;
  const header = html`<header class="report-head">
<p class="crumbs"><a href="${ctx.base || "/"}">← All investigations</a></p>
<h1 class="wrap">${title}</h1>
<dl class="facts">
<div><dt>Verdict</dt><dd>${verdictBadge(inv.verdict)}</dd></div>
<div><dt>Confidence</dt><dd class="num">${conf(inv.confidence)}</dd></div>
<div><dt>Status</dt><dd><span id="live-status"${live ? html` data-status-url="${ctx.base}/investigations/${inv.id}/status.json" aria-live="polite"` : ""}>${statusBadge(inv.status)}</span></dd></div>
<div><dt>Report</dt><dd>${reportLink(inv.report_url)}</dd></div>
<div><dt>Actor</dt><dd class="wrap">${inv.actor}</dd></div>
<div><dt>Flagged action</dt><dd class="wrap">${inv.action}</dd></div>
<div><dt>Received</dt><dd>${when(inv.created_at)}</dd></div>
<div><dt>Finished</dt><dd>${when(inv.finished_at)}</dd></div>
</dl>
</header>`;

  const decision =
    inv.status === "awaiting_approval"
      ? html`<section class="card decision" aria-labelledby="decide-h"><h2 id="decide-h">Decision needed</h2>
<p>This investigation waits for a reviewer before its report is published. Check the verdict and the evidence below.</p>
<div class="actions">
<form method="post" action="${ctx.base}/investigations/${inv.id}/approve"><input type="hidden" name="csrf" value="${ctx.csrf}"><button type="submit" class="approve">Approve and publish</button></form>
<form method="post" action="${ctx.base}/investigations/${inv.id}/reject"><input type="hidden" name="csrf" value="${ctx.csrf}"><button type="submit" class="reject">Reject</button></form>
</div></section>`
      : "";

  const errors = [...new Set([...inv.errors, ...stored.errors])];
  const attempts: [string, string][] = [["Attempts", String(inv.attempts)]];
  const body = stored.report
    ? renderHtml(stored.report, { pictureUrl: stored.hasPicture ? `${ctx.base}/investigations/${inv.id}/timeline.svg` : undefined, recordUrl: opts.recordUrl, extraMetadata: attempts })
    : html`${section(
        "s-anomaly",
        "Flagged anomaly",
        html`<p>${live ? "The investigation is in progress; this page updates when it finishes." : (stored.unreadable ?? "No report data is stored for this investigation.")}</p><pre>${JSON.stringify(inv.anomaly, null, 2)}</pre>`,
      )}
${metadataSection([["Investigation id", inv.id], ["Anomaly id", inv.anomaly_id], ...attempts])}`;

  return page(
    ctx,
    title,
    html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}${header}
${decision}
${errors.length ? section("s-errors", "Errors", html`<ul class="errors">${errors.map((e) => html`<li>${e}</li>`)}</ul>`) : ""}
${body}`,
    { script: live },
  );
}

/** One gathered event with its whole vendor record (redacted JSON), read back from the evidence store by id. */
export function recordPage(ctx: PageCtx, inv: Investigation, event: AuditEvent, json: string): string {
  const title = `Event ${event.id}`;
  const facts: [string, string][] = [
    ["Source", SOURCE_LABEL[event.source]],
    ["Time (UTC)", event.time],
    ["Action", event.action],
    ["Actor", actorOf(event)],
    ["IP", event.ip ?? "—"],
    ["Outcome", event.outcome],
  ];
  return page(
    ctx,
    title,
    html`<p class="crumbs"><a href="${ctx.base}/investigations/${inv.id}">← ${inv.action} by ${inv.actor}</a></p>
<h1 class="wrap">${title}</h1>
<dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd class="wrap">${v}</dd></div>`)}</dl>
<section aria-labelledby="s-record"><h2 id="s-record">Vendor record (secrets redacted)</h2><pre>${json}</pre></section>`,
  );
}
