// Confluence storage-format rendering of a Report. Markup comes from report/escape.ts — the `html` template tag
// for elements, `macro` for Confluence macros — so every vendor or model string lands as escaped text.
// Literals are written on one line each: the page is compared byte for byte across versions.
import type { Verdict } from "../domain/schemas.ts";
import { frag, html, macro, type Child, type Markup } from "./escape.ts";
import { FLAG_LABEL, SECTION_TITLES, SOURCE_LABEL, pivotSentence, techniqueUrl } from "./labels.ts";
import type { Report, RowFlag, TechniqueRef, TimelineRow } from "./schema.ts";

export interface StorageOptions {
  /** File name of the SVG timeline attachment, e.g. "timeline.svg". */
  pictureAttachment?: string;
  /** File name of the PNG copy of the picture, when attached. */
  pngAttachment?: string;
  /** Leave out the evidence appendix (page too large, HTTP 413) and say so. */
  trimAppendix?: boolean;
}

export const LOZENGE_COLOUR: Record<Verdict, "Red" | "Yellow" | "Green" | "Grey"> = {
  likely_malicious: "Red",
  misconfiguration: "Yellow",
  benign: "Green",
  inconclusive: "Grey",
};

const FLAG_COLOUR: Record<RowFlag, string> = { flagged: "Red", indicator: "Yellow", pivot: "Blue", "new-ip": "Blue", cited: "Grey" };
const KIND_COLOUR: Record<string, string> = { attack: "Red", misconfig: "Yellow", benign: "Green" };

const status = (colour: string, title: string, subtle = false) => macro("status", { colour, title, subtle: subtle ? "true" : undefined });
const code = (s: string) => html`<code>${s}</code>`;
const h2 = (title: string) => html`<h2>${title}</h2>`;
const p = (...children: Child[]) => html`<p>${children}</p>`;

function techniqueLink(t: TechniqueRef): Markup {
  const label = t.name ? `${t.id} ${t.name}` : t.id;
  const url = techniqueUrl(t);
  return url ? html`<a href="${url}">${label}</a>` : code(t.id);
}

function join(items: Child[], sep: string): Child[] {
  return items.flatMap((x, i) => (i === 0 ? [x] : [sep, x]));
}

/** A table whose first row holds the headings (Confluence's own layout). */
function table(head: string[], rows: Child[]): Markup {
  return html`<table><tbody><tr>${head.map((h) => html`<th>${h}</th>`)}</tr>${rows}</tbody></table>`;
}
const row = (...cells: Child[]) => html`<tr>${cells.map((c) => html`<td>${c}</td>`)}</tr>`;

function summary(r: Report): Child[] {
  const parts: Child[] = [h2(SECTION_TITLES.summary), p(r.summary)];
  if (r.summaryAuthor === "model") parts.push(p(html`<em>Summary worded by the writer model from the structured assessment; all tables below come from the gathered data.</em>`));
  if (r.rationale) parts.push(p(html`<strong>${`Why this verdict (${r.assessmentEngine} engine): `}</strong>`, r.rationale));
  if (r.disagreement) parts.push(macro("note", { title: "Model and rules disagree" }, { rich: [p(r.disagreement)] }));
  if (r.weighed.length) {
    parts.push(
      p(html`<strong>Evidence weighed</strong>`, " (learned weights; positive argued for the verdict, negative against it):"),
      table(["Evidence", "Weight", "Rule", "Events"], r.weighed.map((w) => row(w.why, `${w.weight > 0 ? "+" : ""}${w.weight.toFixed(2)} ${w.direction}`, code(w.rule), w.ids.join(", ")))),
    );
  }
  return parts;
}

function timelineRow(x: TimelineRow): Markup {
  const hl = x.flags.includes("flagged") ? "#ffebe6" : x.flags.includes("indicator") ? "#fffae6" : undefined;
  const td = (...c: Child[]) => (hl ? html`<td data-highlight-colour="${hl}">${c}</td>` : html`<td>${c}</td>`);
  return html`<tr>${[
    td(x.time),
    td(SOURCE_LABEL[x.source]),
    td(x.flags.includes("pivot") ? x.actor : ""),
    td(code(x.action), x.outcome === "failure" ? " (failed)" : ""),
    td(x.resource),
    td(x.ip),
    td(join(x.flags.map((f) => status(FLAG_COLOUR[f], FLAG_LABEL[f].toUpperCase(), f === "cited" || f === "new-ip")), " ")),
    td(code(x.id)),
  ]}</tr>`;
}

function timeline(r: Report, opts: StorageOptions): Child[] {
  const parts: Child[] = [h2(SECTION_TITLES.timeline)];
  if (opts.pictureAttachment) parts.push(p(html`<ac:image ac:alt="${`Timeline of ${r.anomaly.actor} (UTC)`}" ac:width="${1000}"><ri:attachment ri:filename="${opts.pictureAttachment}"/></ac:image>`));
  if (opts.pngAttachment) parts.push(p("PNG copy of the picture: ", html`<ac:link><ri:attachment ri:filename="${opts.pngAttachment}"/><ac:plain-text-link-body>${opts.pngAttachment}</ac:plain-text-link-body></ac:link>`));
  parts.push(
    p(`${r.timeline.total} events in the window (${r.timeline.rows.length} shown). Highlighted rows: red = flagged action, yellow = indicator.`),
    r.timeline.rows.length
      ? table(["Time (UTC)", "Source", "Other actor", "Action", "Resource", "IP", "Flags", "Event id"], r.timeline.rows.map(timelineRow))
      : p("No events were gathered for this actor in the window."),
  );
  if (r.timeline.omitted > 0) {
    const counts = r.timeline.omittedByAction.slice(0, 15).map(([a, n]) => `${a} ×${n}`);
    const more = r.timeline.omittedByAction.length > 15 ? `, … (${r.timeline.omittedByAction.length - 15} more actions)` : "";
    parts.push(macro("info", { title: "Routine events omitted" }, { rich: [p(`${r.timeline.omitted} routine events omitted (counts by action: ${counts.join(", ")}${more}).`)] }));
  }
  return parts;
}

function indicators(r: Report): Child[] {
  const parts: Child[] = [h2(SECTION_TITLES.indicators)];
  if (r.indicators.length) {
    const items = r.indicators.map(
      (ind) =>
        html`<li><strong>${ind.name}</strong> ${status(KIND_COLOUR[ind.kind] ?? "Grey", `${ind.kind} · ${ind.severity}`)}${` — ${ind.detail}`}${ind.techniques.length ? [" Techniques: ", join(ind.techniques.map(techniqueLink), ", "), "."] : ""}${ind.eventIds.length ? [" Events: ", join(ind.eventIds.map(code), ", ")] : ""}</li>`,
    );
    parts.push(macro("warning", { title: `${r.indicators.length} indicator${r.indicators.length > 1 ? "s" : ""}` }, { rich: [html`<ul>${items}</ul>`] }));
  } else parts.push(p("No indicators were found."));
  if (r.techniques.length) parts.push(p(html`<strong>ATT&amp;CK techniques: </strong>`, join(r.techniques.map(techniqueLink), ", ")));
  return parts;
}

function dataGapsAndPivots(r: Report): Child[] {
  const parts: Child[] = [h2(SECTION_TITLES.dataGaps)];
  if (r.dataGaps.length) {
    const items = r.dataGaps.map((g) => html`<li><strong>${`${SOURCE_LABEL[g.source]} (${g.status}): `}</strong>${g.message}</li>`);
    parts.push(macro("note", { title: "Incomplete data" }, { rich: [html`<ul>${items}</ul>`] }));
  } else parts.push(p("None: every source returned its data for the whole window."));

  // Pivots: what the gatherers followed beyond the actor, and what they found (also nothing)
  parts.push(h2(SECTION_TITLES.pivots));
  if (r.pivots.length) {
    parts.push(
      table(
        ["Source", "Kind", "What was looked for and found", "Queries", "Events"],
        r.pivots.map((x) => row(SOURCE_LABEL[x.source], x.kind, pivotSentence(x), String(x.queries), x.eventIds.length ? code(x.eventIds.join(", ")) : "—")),
      ),
    );
  } else parts.push(p("No pivots were made: the actor's window had no address, credential or changed resource to follow."));
  if (r.identities.length) parts.push(p(html`<strong>Identities read: </strong>`, r.identities.map((i) => `${SOURCE_LABEL[i.source]}: ${i.values.join(", ")}`).join(" · ")));
  return parts;
}

function evidence(r: Report, opts: StorageOptions): Child[] {
  const parts: Child[] = [h2(SECTION_TITLES.evidence)];
  if (opts.trimAppendix) {
    parts.push(
      macro("note", { title: "Appendix trimmed" }, {
        rich: [p(`The evidence appendix (${r.evidence.length} raw events) was trimmed because the page exceeded Confluence's size limit. The cited event ids are listed below; the raw records stay in the casefile store for investigation ${r.investigationId}.`)],
      }),
      p(join(r.evidence.map((e) => code(e.id)), ", ")),
    );
  } else if (r.evidence.length) {
    const blocks = r.evidence.map((e) =>
      e.json === undefined
        ? p(code(e.id), ": not among the gathered events.")
        : frag(
            p(html`<strong>${`${e.source ? SOURCE_LABEL[e.source] : ""} ${e.time ?? ""} `}</strong>`, code(e.action ?? ""), " ", code(e.id)),
            macro("code", { language: "json", linenumbers: "false", title: e.id }, { plain: e.json }),
          ),
    );
    parts.push(macro("expand", { title: `Raw cited events (${r.evidence.length}, secrets redacted)` }, { rich: blocks }));
  } else parts.push(p("No events were cited."));
  return parts;
}

export function renderStorage(report: Report, opts: StorageOptions = {}): string {
  const r = report;
  const verdict = p(
    html`<strong>Verdict: </strong>`,
    status(LOZENGE_COLOUR[r.verdict], `${r.verdictLabel} ${Math.round(r.confidence * 100)}%`),
    ` ${r.verdict} · confidence ${r.confidenceText} · ${r.anomaly.actor} · ${r.anomaly.action} · anomaly `,
    code(r.anomaly.id),
  );
  const parts: Child[] = [
    verdict,
    summary(r),
    timeline(r, opts),
    indicators(r),
    h2(SECTION_TITLES.nextSteps),
    html`<ol>${r.nextSteps.map((s) => html`<li>${s}</li>`)}</ol>`,
    dataGapsAndPivots(r),
    evidence(r, opts),
    h2(SECTION_TITLES.metadata),
    table(["Field", "Value"], r.metadata.map(([k, v]) => row(k, v))),
  ];
  if (r.coalesced.length) {
    parts.push(
      h2(SECTION_TITLES.coalesced),
      table(["Anomaly id", "Actor", "Action", "Time (UTC)", "Severity"], r.coalesced.map((a) => row(code(a.id), a.actor, a.action, a.timestamp, a.severity ?? ""))),
    );
  }
  return frag(parts).xml;
}
