// HTML rendering of a Report for the review UI: the report's sections (summary, evidence weighed, indicators,
// next steps, timeline, pivots, evidence, data gaps, coalesced anomalies, metadata) from the same model as the
// Confluence page (storage.ts) and the markdown (markdown.ts). All markup comes from report/escape.ts, so every
// vendor or model string lands as escaped text. The page around it (navigation, log-in, decisions) is the UI's.
import { breakable, classToken, html, type Child, type Markup } from "./escape.ts";
import { FLAG_LABEL, SECTION_TITLES, SOURCE_LABEL, pivotSentence, techniqueUrl } from "./labels.ts";
import type { Report, TechniqueRef, TimelineRow } from "./schema.ts";

export interface HtmlOptions {
  /** URL of the timeline picture, shown at the top of the timeline section. */
  pictureUrl?: string | undefined;
  /** Link to an event's whole vendor record, for timeline rows the evidence appendix does not hold. */
  recordUrl?: ((eventId: string) => string) | undefined;
  /** Rows appended to the metadata (e.g. the UI's attempt count). */
  extraMetadata?: [string, string][];
}

const PICTURE_ALT = "Timeline of the actor's events over the investigation window, by source, with indicator events and the flagged moment marked. The table below lists the same events.";

/** A section with its heading; `id` is the heading's id (the section is labelled by it). */
export function section(id: string, title: string, body: Child): Markup {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body}</section>`;
}

const joined = (items: Child[]): Child[] => items.map((x, i) => html`${i ? ", " : ""}${x}`);

function techniqueLink(t: TechniqueRef): Markup {
  const u = techniqueUrl(t);
  const label = t.name ? `${t.id} ${t.name}` : t.id;
  return u ? html`<a href="${u}" rel="noopener noreferrer" target="_blank">${label}</a>` : html`${label}`;
}

function rowClass(r: TimelineRow): string {
  return r.flags.includes("flagged") ? "row-flagged" : r.flags.includes("indicator") ? "row-indicator" : r.flags.includes("pivot") ? "row-pivot" : r.flags.length ? "row-marked" : "row-routine";
}

function summarySection(r: Report): Markup {
  const weighed = r.weighed.length
    ? html`<p><strong>Evidence weighed</strong> (learned weights; positive argued for the verdict, negative against it):</p>
<div class="scroll" tabindex="0" role="region" aria-label="Evidence weighed"><table><thead><tr><th scope="col">Evidence</th><th scope="col">Weight</th><th scope="col">Rule</th><th scope="col">Events</th></tr></thead><tbody>${r.weighed.map(
        (w) => html`<tr><td class="wrap">${w.why}</td><td class="num">${w.weight > 0 ? "+" : ""}${w.weight.toFixed(2)} ${w.direction}</td><td><code>${w.rule}</code></td><td class="wrap">${w.ids.join(", ")}</td></tr>`,
      )}</tbody></table></div>`
    : "";
  return section(
    "s-summary",
    SECTION_TITLES.summary,
    html`<p class="prose">${r.summary}</p>${r.summaryAuthor === "model" ? html`<p class="muted">Summary worded by the writer model from the structured assessment; all tables below come from the gathered data.</p>` : ""}
${r.rationale ? html`<p class="prose"><strong>Why this verdict (${r.assessmentEngine} engine):</strong> ${r.rationale}</p>` : ""}
${r.disagreement ? html`<p class="prose warn"><strong>Model and rules disagree:</strong> ${r.disagreement}</p>` : ""}${weighed}`,
  );
}

function indicatorsSection(r: Report, evLink: (id: string) => Markup): Markup {
  return section(
    "s-indicators",
    `${SECTION_TITLES.indicators} (${r.indicators.length})`,
    r.indicators.length
      ? html`<ul class="indicators">${r.indicators.map(
          (ind) => html`<li class="indicator sev-${classToken(ind.severity)}">
<p><span class="sev">${ind.severity}</span> <strong>${ind.name}</strong> <span class="muted">(${ind.kind}, ${ind.id})</span></p>
<p class="prose">${ind.detail}</p>
${ind.techniques.length ? html`<p>ATT&amp;CK: ${joined(ind.techniques.map(techniqueLink))}</p>` : ""}
${ind.eventIds.length ? html`<p>Events: ${joined(ind.eventIds.map(evLink))}</p>` : ""}
</li>`,
        )}</ul>${r.techniques.length ? html`<p><strong>ATT&amp;CK techniques:</strong> ${joined(r.techniques.map(techniqueLink))}</p>` : ""}`
      : html`<p>No indicators were found.</p>`,
  );
}

function timelineSection(r: Report, evIndex: Map<string, string>, pictureUrl: string | undefined, recordUrl: HtmlOptions["recordUrl"]): Markup {
  const routineCount = r.timeline.rows.filter((row) => row.flags.length === 0).length;
  const rows = r.timeline.rows.map(
    (row) =>
      html`<tr class="${rowClass(row)}"><td><span class="nowrap">${row.time}</span><br><span class="small muted">${SOURCE_LABEL[row.source]}</span></td><td class="wrap">${row.actor}</td><td class="wrap">${breakable(row.action)}</td><td class="wrap resource">${row.resource}</td><td class="nowrap">${row.ip}</td><td>${row.outcome}</td><td>${row.flags.map((f) => html`<span class="flag flag-${classToken(f)}">${FLAG_LABEL[f]}</span> `)}${evIndex.has(row.id) ? html`<a href="#${evIndex.get(row.id)!}" class="small">raw event<span class="sr-only"> ${row.id}</span></a>` : recordUrl ? html`<a href="${recordUrl(row.id)}" class="small">record<span class="sr-only"> ${row.id}</span></a>` : ""}</td></tr>`,
  );
  const omitted = r.timeline.omitted
    ? html`<p class="muted">${r.timeline.omitted} routine events not shown: ${r.timeline.omittedByAction.slice(0, 10).map(([a, n], i) => html`${i ? "; " : ""}${a} × ${n}`)}</p>`
    : "";
  return section(
    "s-timeline",
    SECTION_TITLES.timeline,
    html`${pictureUrl ? html`<figure class="timeline-figure"><img src="${pictureUrl}" alt="${PICTURE_ALT}" width="1000"></figure>` : ""}<div class="timeline-wrap"><p class="muted">${r.timeline.rows.length} of ${r.timeline.total} events listed, times in UTC. Highlighted rows are the flagged event (red) and indicator events (yellow); the Marks column says which.</p>
${routineCount ? html`<p><input type="checkbox" id="only-marked" checked> <label for="only-marked" class="inline-label">Show only marked events (hides ${routineCount} routine events)</label></p>` : ""}
${
  r.timeline.rows.length
    ? html`<div class="scroll" tabindex="0" role="region" aria-label="Timeline table"><table class="timeline">
<caption class="sr-only">Events of the actor in the window</caption>
<thead><tr><th scope="col">Time and source</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Resource</th><th scope="col">IP</th><th scope="col">Outcome</th><th scope="col">Marks</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
    : html`<p>No events were gathered for this actor in the window.</p>`
}</div>
${omitted}`,
  );
}

function pivotsSection(r: Report): Markup {
  const identities = r.identities.length ? html`<p><strong>Identities read:</strong> ${r.identities.map((i, n) => html`${n ? " · " : ""}${SOURCE_LABEL[i.source]}: ${i.values.join(", ")}`)}</p>` : "";
  return section(
    "s-pivots",
    SECTION_TITLES.pivots,
    html`${
      r.pivots.length
        ? html`<div class="scroll" tabindex="0" role="region" aria-label="Pivots"><table><thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">What was looked for and found</th><th scope="col">Queries</th><th scope="col">Events</th></tr></thead><tbody>${r.pivots.map(
            (p) => html`<tr><td>${SOURCE_LABEL[p.source]}</td><td>${p.kind}</td><td class="wrap">${pivotSentence(p)}</td><td class="num">${p.queries}</td><td class="wrap">${p.eventIds.length ? html`<code>${p.eventIds.join(", ")}</code>` : "—"}</td></tr>`,
          )}</tbody></table></div>`
        : html`<p>No pivots were made: the actor's window had no address, credential or changed resource to follow.</p>`
    }${identities}`,
  );
}

function evidenceSection(r: Report): Markup {
  return section(
    "s-evidence",
    `${SECTION_TITLES.evidence} (${r.evidence.length} cited events)`,
    r.evidence.length
      ? r.evidence.map(
          (e, i) => html`<details id="ev-${i}" class="evidence"><summary><code>${e.id}</code> ${e.time ? html`· ${e.time} UTC ` : ""}${e.source ? html`· ${SOURCE_LABEL[e.source]} ` : ""}${e.action ? html`· ${e.action}` : ""}</summary>
${e.json !== undefined ? html`<pre>${e.json}</pre>` : html`<p class="warn">This id is not among the gathered events.</p>`}
</details>`,
        )
      : html`<p>No events were cited.</p>`,
  );
}

/** The report's sections as HTML, to be placed inside the UI's <main>. */
export function renderHtml(report: Report, opts: HtmlOptions = {}): Markup {
  const r = report;
  const evIndex = new Map(r.evidence.map((e, i) => [e.id, `ev-${i}`]));
  const evLink = (id: string) => (evIndex.has(id) ? html`<a href="#${evIndex.get(id)!}"><code>${id}</code></a>` : html`<code>${id}</code>`);
  const metadata = [...r.metadata, ...(opts.extraMetadata ?? [])];
  return html`${summarySection(r)}
${indicatorsSection(r, evLink)}
${r.nextSteps.length ? section("s-steps", SECTION_TITLES.nextSteps, html`<ol>${r.nextSteps.map((s) => html`<li>${s}</li>`)}</ol>`) : ""}
${timelineSection(r, evIndex, opts.pictureUrl, opts.recordUrl)}
${pivotsSection(r)}
${evidenceSection(r)}
${section(
  "s-gaps",
  SECTION_TITLES.dataGaps,
  r.dataGaps.length
    ? html`<ul>${r.dataGaps.map((g) => html`<li><strong>${SOURCE_LABEL[g.source]}</strong> (${g.status}): ${g.message}</li>`)}</ul>`
    : html`<p>None: every source returned its data for the whole window.</p>`,
)}
${
  r.coalesced.length
    ? section(
        "s-coalesced",
        SECTION_TITLES.coalesced,
        html`<table><thead><tr><th scope="col">Anomaly id</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Time (UTC)</th><th scope="col">Severity</th></tr></thead><tbody>${r.coalesced.map(
          (c) => html`<tr><td><code>${c.id}</code></td><td class="wrap">${c.actor}</td><td class="wrap">${c.action}</td><td>${c.timestamp}</td><td>${c.severity ?? "—"}</td></tr>`,
        )}</tbody></table>`,
      )
    : ""
}
${metadataSection(metadata)}`;
}

/** The metadata section: one term and value per row. */
export function metadataSection(rows: [string, string][]): Markup {
  return section("s-meta", SECTION_TITLES.metadata, html`<dl class="meta">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd class="wrap">${v}</dd></div>`)}</dl>`);
}
