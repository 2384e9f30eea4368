// The review UI: server-rendered HTML pages for triaging investigations and deciding on publishes.
// Every stored string (vendor, model, detector) is escaped on the server by the `html` template below;
// the only script is a static file that polls a status endpoint and writes with textContent.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { STATUSES, type Investigation, type InvestigationStatus, type Store } from "./store.ts";
import { bearerOf, createAuthGate, tokenMatches, type AuthGate } from "./auth.ts";
import { VERDICTS } from "../domain/schemas.ts";

export interface DecisionOutcome {
  ok: boolean;
  /** e.g. "not_found" | "not_awaiting" */
  reason?: string;
  status?: string;
}

export interface UiOptions {
  store: Store;
  /** CASEFILE_API_TOKEN; without it the UI is open to anyone who can reach it. */
  apiToken?: string;
  /** Shared with the API: failure throttle and session epoch (one is made from `apiToken` when absent). */
  gate?: AuthGate;
  /** Session cookies are `Secure` and `__Host-` prefixed (CASEFILE_PUBLIC_URL is https); https requests always are. */
  secureCookies?: boolean;
  /** Approve or reject a run waiting at the approval gate (the same logic as the API). */
  onDecision?: (id: string, approve: boolean) => Promise<DecisionOutcome | void>;
}

// ---------------------------------------------------------------- HTML escaping

/** Markup that is safe to insert as is: only the `html` template creates it. */
class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}
type Part = Html | string | number | null | undefined | false | readonly Part[];

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

/** Escapes text for HTML content and quoted attribute values; drops control characters and lone surrogates. */
export function escapeHtml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(/[&<>"'`]/g, (c) => ESC[c]!)
  );
}

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return "";
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join("");
  return escapeHtml(String(p));
}

/** Template tag: literal parts are trusted markup from this file; every interpolation is escaped. */
function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Escaped text with line-break opportunities after "/" and "." (long vendor action labels, hosts). */
function breakable(s: string): Html {
  return new Html(escapeHtml(s).replace(/([/._])/g, "$1<wbr>"));
}

/** Only absolute http(s) links are rendered as links (no javascript:, data: …). */
function safeUrl(u: unknown): string | undefined {
  if (typeof u !== "string" || u.length > 2000) return undefined;
  try {
    const url = new URL(u);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- stored report (untrusted shape)

/** Array whose invalid elements are dropped instead of failing the whole report. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((xs) => xs.flatMap((x) => {
      const r = item.safeParse(x);
      return r.success ? [r.data as z.infer<T>] : [];
    }));
const str = z.string().catch("");
const optStr = z.string().optional().catch(undefined);

const Technique = z.object({ id: z.string(), name: optStr, url: optStr });
const ReportView = z.object({
  title: optStr,
  verdict: optStr,
  verdictLabel: optStr,
  confidenceText: optStr,
  summary: str,
  rationale: str,
  timeline: z
    .object({
      rows: list(
        z.object({
          id: z.string(),
          time: str,
          source: str,
          actor: str,
          action: str,
          resource: str,
          ip: str,
          outcome: str,
          flags: z.array(z.string()).catch([]),
        }),
      ),
      total: z.number().catch(0),
      omitted: z.number().catch(0),
      omittedByAction: list(z.tuple([z.string(), z.number()])),
    })
    .catch({ rows: [], total: 0, omitted: 0, omittedByAction: [] }),
  indicators: list(
    z.object({
      id: str,
      name: str,
      kind: str,
      severity: str,
      detail: str,
      techniques: list(Technique),
      eventIds: z.array(z.string()).catch([]),
    }),
  ),
  nextSteps: z.array(z.string()).catch([]),
  dataGaps: list(z.object({ source: str, status: str, message: str })),
  evidence: list(z.object({ id: z.string(), source: optStr, time: optStr, action: optStr, json: optStr, truncated: z.boolean().catch(false) })),
  coalesced: list(z.object({ id: str, actor: str, action: str, timestamp: str, severity: optStr })),
  metadata: list(z.tuple([z.string(), z.string()])),
});
type ReportView = z.infer<typeof ReportView>;

const ResultView = z.object({
  report: z.unknown().optional(),
  timeline_svg: z.string().optional().catch(undefined),
  assessment: z.object({ disagreement: optStr }).optional().catch(undefined),
  errors: z.array(z.string()).catch([]),
});

function reportOf(inv: Investigation): ReportView | undefined {
  const r = ResultView.safeParse(inv.result ?? {});
  if (!r.success || r.data.report === undefined) return undefined;
  const rep = ReportView.safeParse(r.data.report);
  return rep.success ? rep.data : undefined;
}

function svgOf(inv: Investigation): string | undefined {
  const svg = (inv.result as { timeline_svg?: unknown } | null)?.timeline_svg;
  return typeof svg === "string" && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg) ? svg : undefined;
}

// ---------------------------------------------------------------- sessions, CSRF, authorization

/** Plain-http cookie (loopback development) and the `__Host-` one used over https (Secure, Path=/, no Domain). */
const COOKIE = "casefile_ui";
const SECURE_COOKIE = "__Host-casefile_ui";
const SESSION_TTL_S = 12 * 3600;

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest("base64url");
const sha = (s: string) => createHash("sha256").update(s).digest();
const sameText = (a: string, b: string) => a.length <= 512 && b.length <= 512 && timingSafeEqual(sha(a), sha(b));

/** Session cookie value: "<issued epoch s>.<session epoch>.<HMAC(token, issued|epoch)>"; the token never leaves the server. */
function sessionValue(token: string, issued: number, epoch: number): string {
  return `${issued}.${epoch}.${hmac(token, `casefile-ui-session|${issued}|${epoch}`)}`;
}

function cookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header || header.length > 8192) return undefined;
  let plain: string | undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (name === SECURE_COOKIE) return part.slice(i + 1).trim();
    if (name === COOKIE) plain ??= part.slice(i + 1).trim();
  }
  return plain;
}

function validSession(value: string | undefined, gate: AuthGate, now = Date.now()): boolean {
  if (!value || !gate.token) return false;
  const m = /^(\d{1,12})\.(\d{1,12})\.[A-Za-z0-9_-]{43}$/.exec(value);
  if (!m) return false;
  const issued = Number(m[1]);
  const epoch = Number(m[2]);
  if (epoch !== gate.epoch.current()) return false;
  const age = now / 1000 - issued;
  if (age < -60 || age > SESSION_TTL_S) return false;
  return sameText(value, sessionValue(gate.token, issued, epoch));
}

/** True when the request carries `Authorization: Bearer <token>` or a valid UI session cookie (always true without a token). */
export function isAuthorized(request: FastifyRequest, gate: AuthGate): boolean {
  if (!gate.token) return true;
  const bearer = bearerOf(request);
  if (bearer !== undefined) return tokenMatches(bearer, gate.token);
  return validSession(cookieOf(request), gate);
}

/** True when the request presents a credential (a Bearer token or a session cookie) that is not valid. */
export function presentsBadCredential(request: FastifyRequest, gate: AuthGate): boolean {
  const bearer = bearerOf(request);
  return bearer !== undefined && !tokenMatches(bearer, gate.token);
}

// ---------------------------------------------------------------- presentation helpers

const ASSETS = new URL("./ui/", import.meta.url);
const UI_JS = readFileSync(new URL("ui.js", ASSETS), "utf8");
const UI_CSS = readFileSync(new URL("ui.css", ASSETS), "utf8");

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

const VERDICT_TEXT: Record<string, string> = {
  likely_malicious: "Likely malicious",
  misconfiguration: "Misconfiguration",
  benign: "Benign",
  inconclusive: "Inconclusive",
};
const STATUS_TEXT: Record<InvestigationStatus, string> = {
  queued: "Queued",
  running: "Running",
  awaiting_approval: "Awaiting approval",
  completed: "Completed",
  failed: "Failed",
  filtered: "Filtered",
};
const FLAG_TEXT: Record<string, string> = { flagged: "flagged", indicator: "indicator", pivot: "other actor", "new-ip": "new IP", cited: "cited" };
const ID_RE = /^inv_[a-f0-9]{32}$/;
const PAGE_SIZE = 25;

const cls = (s: string) => s.replace(/[^a-z0-9_-]/gi, "");

function verdictBadge(verdict: string | null | undefined): Html {
  if (!verdict) return html`<span class="badge badge-none">No verdict yet</span>`;
  const known = VERDICT_TEXT[verdict];
  return html`<span class="badge verdict-${known ? cls(verdict) : "other"}">${known ?? verdict}</span>`;
}
function statusBadge(status: string): Html {
  const known = STATUS_TEXT[status as InvestigationStatus];
  return html`<span class="status status-${known ? cls(status) : "other"}">${known ?? status}</span>`;
}
const conf = (c: number | null | undefined) => (typeof c === "number" && Number.isFinite(c) ? c.toFixed(2) : "—");

function when(iso: string | null | undefined): Html {
  if (!iso) return html`—`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return html`${iso}`;
  return html`<time datetime="${d.toISOString()}">${d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "")} UTC</time>`;
}

function reportLink(url: string | null | undefined): Html {
  const u = safeUrl(url);
  return u ? html`<a href="${u}" rel="noopener noreferrer" target="_blank">Confluence page<span class="sr-only"> (opens in a new tab)</span></a>` : html`<span class="muted">not published</span>`;
}

interface PageCtx {
  base: string;
  authRequired: boolean;
  loggedIn: boolean;
  csrf: string;
}

function page(ctx: PageCtx, title: string, body: Html, opts: { script?: boolean } = {}): string {
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
<nav aria-label="Main"><a class="brand" href="${ctx.base || "/"}">casefile</a> <a href="${ctx.base || "/"}">Investigations</a> <a href="${ctx.base || "/"}?status=awaiting_approval">Awaiting approval</a></nav>
${logout}
</header>
${banner}
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>`.value}`;
}

// ---------------------------------------------------------------- pages

function loginPage(ctx: PageCtx, error?: string): string {
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

const ListQuery = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  verdict: z.enum(VERDICTS).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});

function option(value: string, label: string, selected: string | undefined): Html {
  return html`<option value="${value}"${value === (selected ?? "") ? html` selected` : ""}>${label}</option>`;
}

function listPage(ctx: PageCtx, q: z.infer<typeof ListQuery>, items: Investigation[], next: string | null): string {
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
<form method="get" action="${ctx.base || "/"}" class="filters" role="search" aria-label="Filter investigations">
<div><label for="f-status">Status</label>
<select id="f-status" name="status">${option("", "Any status", q.status)}${STATUSES.map((s) => option(s, STATUS_TEXT[s], q.status))}</select></div>
<div><label for="f-verdict">Verdict</label>
<select id="f-verdict" name="verdict">${option("", "Any verdict", q.verdict)}${VERDICTS.map((v) => option(v, VERDICT_TEXT[v]!, q.verdict))}</select></div>
<div><button type="submit">Filter</button>${filtered ? html` <a href="${ctx.base || "/"}">Clear filters</a>` : ""}</div>
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
${q.cursor ? html`<a href="${ctx.base || "/"}${qs({})}">Newest</a>` : ""}
${next ? html`<a href="${ctx.base || "/"}${qs({ cursor: next })}" rel="next">Older investigations →</a>` : ""}
</nav>`,
  );
}

function section(id: string, title: string, body: Part): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body}</section>`;
}

function reportPage(ctx: PageCtx, inv: Investigation, notice?: string): string {
  const report = reportOf(inv);
  const result = ResultView.safeParse(inv.result ?? {});
  const live = inv.status === "queued" || inv.status === "running";
  const title = `${inv.action} by ${inv.actor}`;
  const evIndex = new Map([...(report?.evidence ?? [])].map((e, i) => [e.id, `ev-${i}`]));
  const evLink = (id: string) => (evIndex.has(id) ? html`<a href="#${evIndex.get(id)!}"><code>${id}</code></a>` : html`<code>${id}</code>`);
  const errors = [...new Set([...inv.errors, ...(result.success ? result.data.errors : [])])];
  const disagreement = result.success ? result.data.assessment?.disagreement : undefined;

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

  const routineCount = report?.timeline.rows.filter((r) => r.flags.length === 0).length ?? 0;
  const decision =
    inv.status === "awaiting_approval"
      ? html`<section class="card decision" aria-labelledby="decide-h"><h2 id="decide-h">Decision needed</h2>
<p>This investigation waits for a reviewer before its report is published. Check the verdict and the evidence below.</p>
<div class="actions">
<form method="post" action="${ctx.base}/investigations/${inv.id}/approve"><input type="hidden" name="csrf" value="${ctx.csrf}"><button type="submit" class="approve">Approve and publish</button></form>
<form method="post" action="${ctx.base}/investigations/${inv.id}/reject"><input type="hidden" name="csrf" value="${ctx.csrf}"><button type="submit" class="reject">Reject</button></form>
</div></section>`
      : "";

  const picture = svgOf(inv)
    ? html`<figure class="timeline-figure"><img src="${ctx.base}/investigations/${inv.id}/timeline.svg" alt="Timeline of the actor's events over the investigation window, by source, with indicator events and the flagged moment marked. The table below lists the same events." width="1000"></figure>`
    : "";

  const body: Part[] = [html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}`, header, decision, picture];

  if (!report) {
    body.push(
      section(
        "s-anomaly",
        "Flagged anomaly",
        html`<p>${live ? "The investigation is in progress; this page updates when it finishes." : "No report data is stored for this investigation."}</p><pre>${JSON.stringify(inv.anomaly, null, 2)}</pre>`,
      ),
    );
  } else {
    body.push(
      section("s-summary", "Summary", html`<p class="prose">${report.summary}</p>${report.rationale ? html`<p class="prose"><strong>Rationale:</strong> ${report.rationale}</p>` : ""}${disagreement ? html`<p class="prose warn"><strong>Model and rules disagree:</strong> ${disagreement}</p>` : ""}`),
    );
    body.push(
      section(
        "s-indicators",
        `Indicators (${report.indicators.length})`,
        report.indicators.length
          ? html`<ul class="indicators">${report.indicators.map(
              (ind) => html`<li class="indicator sev-${cls(ind.severity)}">
<p><span class="sev">${ind.severity}</span> <strong>${ind.name}</strong> <span class="muted">(${ind.kind}, ${ind.id})</span></p>
<p class="prose">${ind.detail}</p>
${ind.techniques.length ? html`<p>ATT&amp;CK: ${ind.techniques.map((t, i) => {
                const u = safeUrl(t.url);
                const label = t.name ? `${t.id} ${t.name}` : t.id;
                return html`${i ? ", " : ""}${u && u.startsWith("https://attack.mitre.org/") ? html`<a href="${u}" rel="noopener noreferrer" target="_blank">${label}</a>` : label}`;
              })}</p>` : ""}
${ind.eventIds.length ? html`<p>Events: ${ind.eventIds.map((id, i) => html`${i ? ", " : ""}${evLink(id)}`)}</p>` : ""}
</li>`,
            )}</ul>`
          : html`<p>No indicators were found.</p>`,
      ),
    );
    if (report.nextSteps.length) body.push(section("s-steps", "Next steps", html`<ol>${report.nextSteps.map((s) => html`<li>${s}</li>`)}</ol>`));
    body.push(
      section(
        "s-timeline",
        "Timeline",
        html`<div class="timeline-wrap"><p class="muted">${report.timeline.rows.length} of ${report.timeline.total} events listed, times in UTC. Highlighted rows are the flagged event (red) and indicator events (yellow); the Marks column says which.</p>
${routineCount ? html`<p><input type="checkbox" id="only-marked" checked> <label for="only-marked" class="inline-label">Show only marked events (hides ${routineCount} routine events)</label></p>` : ""}
<div class="scroll" tabindex="0" role="region" aria-label="Timeline table"><table class="timeline">
<caption class="sr-only">Events of the actor in the window</caption>
<thead><tr><th scope="col">Time and source</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Resource</th><th scope="col">IP</th><th scope="col">Outcome</th><th scope="col">Marks</th></tr></thead>
<tbody>${report.timeline.rows.map((r) => {
          const rowCls = r.flags.includes("flagged") ? "row-flagged" : r.flags.includes("indicator") ? "row-indicator" : r.flags.includes("pivot") ? "row-pivot" : r.flags.length ? "row-marked" : "row-routine";
          return html`<tr${rowCls ? html` class="${rowCls}"` : ""}><td><span class="nowrap">${r.time}</span><br><span class="small muted">${r.source}</span></td><td class="wrap">${r.actor}</td><td class="wrap">${breakable(r.action)}</td><td class="wrap resource">${r.resource}</td><td class="nowrap">${r.ip}</td><td>${r.outcome}</td><td>${r.flags.map((f) => html`<span class="flag flag-${cls(f)}">${FLAG_TEXT[f] ?? f}</span> `)}${evIndex.has(r.id) ? html`<a href="#${evIndex.get(r.id)!}" class="small">raw event<span class="sr-only"> ${r.id}</span></a>` : ""}</td></tr>`;
        })}</tbody>
</table></div></div>
${report.timeline.omitted ? html`<p class="muted">${report.timeline.omitted} routine events not shown: ${report.timeline.omittedByAction.slice(0, 10).map(([a, n], i) => html`${i ? "; " : ""}${a} × ${n}`)}</p>` : ""}`,
      ),
    );
    body.push(
      section(
        "s-evidence",
        `Evidence (${report.evidence.length} cited events)`,
        report.evidence.length
          ? report.evidence.map(
              (e, i) => html`<details id="ev-${i}" class="evidence"><summary><code>${e.id}</code> ${e.time ? html`· ${e.time} UTC ` : ""}${e.source ? html`· ${e.source} ` : ""}${e.action ? html`· ${e.action}` : ""}</summary>
${e.json !== undefined ? html`<pre>${e.json}</pre>` : html`<p class="warn">This id is not among the gathered events.</p>`}
</details>`,
            )
          : html`<p>No events were cited.</p>`,
      ),
    );
    body.push(
      section(
        "s-gaps",
        "Data gaps",
        report.dataGaps.length
          ? html`<ul>${report.dataGaps.map((g) => html`<li><strong>${g.source}</strong> (${g.status}): ${g.message}</li>`)}</ul>`
          : html`<p>None: both sources returned complete data for the window.</p>`,
      ),
    );
    if (report.coalesced.length)
      body.push(
        section(
          "s-coalesced",
          "Coalesced anomalies",
          html`<table><thead><tr><th scope="col">Anomaly id</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Time</th><th scope="col">Severity</th></tr></thead><tbody>${report.coalesced.map(
            (c) => html`<tr><td><code>${c.id}</code></td><td class="wrap">${c.actor}</td><td class="wrap">${c.action}</td><td>${when(c.timestamp)}</td><td>${c.severity ?? "—"}</td></tr>`,
          )}</tbody></table>`,
        ),
      );
  }
  if (errors.length) body.push(section("s-errors", "Errors", html`<ul class="errors">${errors.map((e) => html`<li>${e}</li>`)}</ul>`));
  const meta: [string, string][] = report?.metadata.length
    ? report.metadata
    : [
        ["Investigation id", inv.id],
        ["Anomaly id", inv.anomaly_id],
      ];
  meta.push(["Attempts", String(inv.attempts)]);
  body.push(section("s-meta", "Metadata", html`<dl class="meta">${meta.map(([k, v]) => html`<div><dt>${k}</dt><dd class="wrap">${v}</dd></div>`)}</dl>`));

  return page(ctx, title, html`${body}`, { script: live });
}

function messagePage(ctx: PageCtx, title: string, message: string): string {
  return page(ctx, title, html`<h1>${title}</h1><p class="error" role="alert">${message}</p><p><a href="${ctx.base || "/"}">Back to the investigations</a></p>`);
}

// ---------------------------------------------------------------- plugin

function parseForm(body: unknown): Record<string, string> {
  if (body && typeof body === "object") return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  return {};
}

export const uiPlugin: FastifyPluginAsync<UiOptions> = async (app, opts) => {
  const { store, apiToken, onDecision } = opts;
  const gate = opts.gate ?? createAuthGate(apiToken);
  const base = app.prefix.replace(/\/$/, "");
  // Key for CSRF tokens when no API token is configured (open mode): a cross-site page still cannot read it.
  const openKey = randomBytes(32);

  if (!app.hasContentTypeParser("application/x-www-form-urlencoded")) {
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 16_384 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }

  const csrfFor = (request: FastifyRequest): string => {
    if (!apiToken) return hmac(openKey, "casefile-ui-csrf|open");
    const session = cookieOf(request) ?? "";
    return hmac(apiToken, `casefile-ui-csrf|${session}`);
  };
  const ctxOf = (request: FastifyRequest): PageCtx => {
    const loggedIn = apiToken ? validSession(cookieOf(request), gate) : true;
    return { base, authRequired: Boolean(apiToken), loggedIn, csrf: loggedIn ? csrfFor(request) : "" };
  };

  app.addHook("onSend", async (_request, reply, payload) => {
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });

  const sendHtml = (reply: FastifyReply, code: number, body: string) => reply.code(code).type("text/html; charset=utf-8").send(body);

  /** Refuses a client that failed to authenticate too often (any route, any method), with Retry-After. */
  const throttled = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const wait = gate.failures.blocked(request.ip);
    if (wait === undefined) return false;
    reply.code(429).header("retry-after", String(wait)).type("text/plain; charset=utf-8").send(`Too many failed log-ins from this address; try again in ${wait} s.`);
    return true;
  };

  /** GET pages: redirect to the login form; other requests: 401. A wrong Bearer token counts as a failure. */
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!apiToken) return;
    if (throttled(request, reply)) return reply;
    if (isAuthorized(request, gate)) return;
    if (presentsBadCredential(request, gate)) gate.failures.hit(request.ip);
    if (request.method === "GET" && !request.url.includes(".json") && !request.url.endsWith(".svg")) return reply.redirect(`${base}/login`, 303);
    return reply.code(401).header("www-authenticate", "Bearer").type("text/plain; charset=utf-8").send("Unauthorized: log in at /ui/login or send Authorization: Bearer <CASEFILE_API_TOKEN>.");
  };

  /** POST forms: same origin (when the browser says) and the session's CSRF token. */
  const checkForm = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const origin = request.headers.origin;
    if (origin && origin !== "null") {
      let host = "";
      try {
        host = new URL(origin).host;
      } catch {
        /* unparsable origin: rejected below */
      }
      if (host !== request.headers.host) {
        sendHtml(reply, 403, messagePage(ctxOf(request), "Request refused", "This form was sent from another site. Reload the page and try again."));
        return false;
      }
    }
    const sent = parseForm(request.body).csrf ?? "";
    if (!sent || !sameText(sent, csrfFor(request))) {
      sendHtml(reply, 403, messagePage(ctxOf(request), "Request refused", "The form's security token is missing or out of date (the session may have changed). Reload the page and try again."));
      return false;
    }
    return true;
  };

  const secureRequest = (request: FastifyRequest) => opts.secureCookies === true || request.protocol === "https";
  const setCookie = (request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) => {
    const cookie = secureRequest(request)
      ? `${SECURE_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=${maxAge}`
      : `${COOKIE}=${value}; Path=${base || "/"}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`;
    reply.header("set-cookie", cookie);
  };

  const login = (request: FastifyRequest, reply: FastifyReply, token: string | undefined) => {
    if (!apiToken) return reply.redirect(base || "/", 303);
    if (throttled(request, reply)) return reply;
    if (!tokenMatches(token, apiToken)) {
      const wait = gate.failures.hit(request.ip);
      if (wait !== undefined) return reply.code(429).header("retry-after", String(wait)).type("text/plain; charset=utf-8").send(`Too many failed log-ins from this address; try again in ${wait} s.`);
      return sendHtml(reply, 401, loginPage(ctxOf(request), "That token is not valid. Use the value of CASEFILE_API_TOKEN on this server."));
    }
    setCookie(request, reply, sessionValue(apiToken, Math.floor(Date.now() / 1000), gate.epoch.current()), SESSION_TTL_S);
    return reply.redirect(base || "/", 303);
  };

  // Static assets: no data in them, so no login needed.
  app.get("/assets/ui.js", async (_req, reply) => reply.type("text/javascript; charset=utf-8").header("cache-control", "no-cache").send(UI_JS));
  app.get("/assets/ui.css", async (_req, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "no-cache").send(UI_CSS));

  // The token is only ever accepted in a POST body: a token in a URL ends up in logs, history and Referer headers.
  app.get("/login", async (request, reply) => {
    if (!apiToken || isAuthorized(request, gate)) return reply.redirect(base || "/", 303);
    const inUrl = typeof (request.query as { token?: unknown }).token === "string";
    return sendHtml(reply, inUrl ? 400 : 200, loginPage(ctxOf(request), inUrl ? "Tokens in links are not accepted (they end up in logs); type the token into the form instead." : undefined));
  });
  app.post("/login", async (request, reply) => login(request, reply, parseForm(request.body).token));
  // Logout revokes every session (the epoch moves on), not just this browser's cookie.
  app.post("/logout", async (request, reply) => {
    if (!checkForm(request, reply)) return reply;
    if (apiToken && validSession(cookieOf(request), gate)) gate.epoch.bump();
    setCookie(request, reply, "", 0);
    return reply.redirect(apiToken ? `${base}/login` : base || "/", 303);
  });

  await app.register(async (priv) => {
    priv.addHook("onRequest", guard);

    priv.get("/", async (request, reply) => {
      const q = ListQuery.parse(request.query ?? {});
      const res = await store.list({ status: q.status, verdict: q.verdict, cursor: q.cursor, limit: PAGE_SIZE });
      return sendHtml(reply, 200, listPage(ctxOf(request), q, res.items, res.next_cursor));
    });

    const load = async (request: FastifyRequest, reply: FastifyReply): Promise<Investigation | undefined> => {
      const id = (request.params as { id: string }).id;
      const inv = ID_RE.test(id) ? await store.get(id) : null;
      if (!inv) {
        sendHtml(reply, 404, messagePage(ctxOf(request), "Not found", `There is no investigation ${id}. Investigation ids look like inv_ followed by 32 hex digits.`));
        return undefined;
      }
      return inv;
    };

    priv.get("/investigations/:id", async (request, reply) => {
      const inv = await load(request, reply);
      if (!inv) return reply;
      const decided = (request.query as { decided?: unknown }).decided;
      const notice = decided === "approved" ? "Approved: the report is being published." : decided === "rejected" ? "Rejected: the report will not be published." : undefined;
      return sendHtml(reply, 200, reportPage(ctxOf(request), inv, notice));
    });

    priv.get("/investigations/:id/status.json", async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const inv = ID_RE.test(id) ? await store.get(id) : null;
      if (!inv) return reply.code(404).send({ error: "not found", message: `no investigation ${id}` });
      return reply.send({ id: inv.id, status: inv.status, status_text: STATUS_TEXT[inv.status] ?? inv.status, verdict: inv.verdict, confidence: inv.confidence });
    });

    priv.get("/investigations/:id/timeline.svg", async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const inv = ID_RE.test(id) ? await store.get(id) : null;
      const svg = inv ? svgOf(inv) : undefined;
      if (!svg) return reply.code(404).type("text/plain; charset=utf-8").send(`No timeline picture is stored for investigation ${id}.`);
      return reply.type("image/svg+xml; charset=utf-8").header("content-security-policy", SVG_CSP).header("cache-control", "private, max-age=60").send(svg);
    });

    for (const action of ["approve", "reject"] as const) {
      priv.post(`/investigations/:id/${action}`, async (request, reply) => {
        if (!checkForm(request, reply)) return reply;
        const inv = await load(request, reply);
        if (!inv) return reply;
        const ctx = ctxOf(request);
        if (!onDecision) return sendHtml(reply, 501, messagePage(ctx, "Decisions are not enabled", "This server was started without an approval handler, so publishes cannot be decided from the UI."));
        if (inv.status !== "awaiting_approval")
          return sendHtml(reply, 409, messagePage(ctx, "Nothing to decide", `Investigation ${inv.id} is ${STATUS_TEXT[inv.status] ?? inv.status}; only investigations awaiting approval can be approved or rejected.`));
        let out: DecisionOutcome | void;
        try {
          out = await onDecision(inv.id, action === "approve");
        } catch (e) {
          request.log.error({ err: e, investigation_id: inv.id }, "UI decision failed");
          return sendHtml(reply, 500, messagePage(ctx, "Decision failed", "Recording the decision failed; see the service logs, then reload the investigation and try again."));
        }
        if (out && !out.ok)
          return sendHtml(reply, 409, messagePage(ctx, "Nothing to decide", `Investigation ${inv.id} could not be decided (${out.reason ?? "refused"}${out.status ? `, status ${out.status}` : ""}); reload it to see its current state.`));
        return reply.redirect(`${base}/investigations/${inv.id}?decided=${action === "approve" ? "approved" : "rejected"}`, 303);
      });
    }
  });
};
