// Confluence storage-format rendering of a Report. All markup comes from report/escape.ts builders, so every
// vendor or model string lands as escaped text.
import type { Verdict } from "../domain/schemas.ts";
import { el, frag, macro, type Child, type Markup } from "./escape.ts";
import { FLAG_LABEL, SECTION_TITLES, SOURCE_LABEL, pivotSentence } from "./labels.ts";
import type { Report, RowFlag, TechniqueRef } from "./schema.ts";

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

const status = (colour: string, title: string, subtle = false) => macro("status", { colour, title, subtle: subtle ? "true" : undefined });

function techniqueLink(t: TechniqueRef): Markup {
  const label = t.name ? `${t.id} ${t.name}` : t.id;
  return t.url ? el("a", { href: t.url }, label) : el("code", null, t.id);
}

function join(items: Child[], sep: string): Child[] {
  return items.flatMap((x, i) => (i === 0 ? [x] : [sep, x]));
}

function table(head: string[], rows: Child[]): Markup {
  return el("table", null, el("tbody", null, el("tr", null, head.map((h) => el("th", null, h))), rows));
}

export function renderStorage(report: Report, opts: StorageOptions = {}): string {
  const r = report;
  const parts: Child[] = [];

  // Verdict line
  parts.push(
    el(
      "p",
      null,
      el("strong", null, "Verdict: "),
      status(LOZENGE_COLOUR[r.verdict], `${r.verdictLabel} ${Math.round(r.confidence * 100)}%`),
      ` ${r.verdict} · confidence ${r.confidenceText} · ${r.anomaly.actor} · ${r.anomaly.action} · anomaly `,
      el("code", null, r.anomaly.id),
    ),
  );

  // Summary
  parts.push(el("h2", null, SECTION_TITLES.summary), el("p", null, r.summary));
  if (r.summaryAuthor === "model") parts.push(el("p", null, el("em", null, "Summary worded by the writer model from the structured assessment; all tables below come from the gathered data.")));
  if (r.rationale) parts.push(el("p", null, el("strong", null, `Why this verdict (${r.assessmentEngine} engine): `), r.rationale));
  if (r.disagreement) parts.push(macro("note", { title: "Model and rules disagree" }, { rich: [el("p", null, r.disagreement)] }));
  if (r.weighed.length) {
    parts.push(
      el("p", null, el("strong", null, "Evidence weighed"), " (learned weights; positive argued for the verdict, negative against it):"),
      el(
        "table",
        null,
        el("tbody", null, el("tr", null, el("th", null, "Evidence"), el("th", null, "Weight"), el("th", null, "Rule"), el("th", null, "Events")),
          ...r.weighed.map((w) => el("tr", null, el("td", null, w.why), el("td", null, `${w.weight > 0 ? "+" : ""}${w.weight.toFixed(2)} ${w.direction}`), el("td", null, el("code", null, w.rule)), el("td", null, w.ids.join(", "))))),
      ),
    );
  }

  // Timeline
  parts.push(el("h2", null, SECTION_TITLES.timeline));
  if (opts.pictureAttachment) {
    parts.push(
      el(
        "p",
        null,
        el(
          "ac:image",
          { "ac:alt": `Timeline of ${r.anomaly.actor} (UTC)`, "ac:width": 1000 },
          el("ri:attachment", { "ri:filename": opts.pictureAttachment }),
        ),
      ),
    );
  }
  if (opts.pngAttachment) {
    parts.push(
      el(
        "p",
        null,
        "PNG copy of the picture: ",
        el("ac:link", null, el("ri:attachment", { "ri:filename": opts.pngAttachment }), el("ac:plain-text-link-body", null, opts.pngAttachment)),
      ),
    );
  }
  const rows = r.timeline.rows.map((row) => {
    const hl = row.flags.includes("flagged") ? "#ffebe6" : row.flags.includes("indicator") ? "#fffae6" : undefined;
    const td = (...c: Child[]) => el("td", hl ? { "data-highlight-colour": hl } : null, ...c);
    return el(
      "tr",
      null,
      td(row.time),
      td(SOURCE_LABEL[row.source]),
      td(row.flags.includes("pivot") ? row.actor : ""),
      td(el("code", null, row.action), row.outcome === "failure" ? " (failed)" : ""),
      td(row.resource),
      td(row.ip),
      td(join(row.flags.map((f) => status(FLAG_COLOUR[f], FLAG_LABEL[f].toUpperCase(), f === "cited" || f === "new-ip")), " ")),
      td(el("code", null, row.id)),
    );
  });
  parts.push(
    el("p", null, `${r.timeline.total} events in the window (${r.timeline.rows.length} shown). Highlighted rows: red = flagged action, yellow = indicator.`),
    r.timeline.rows.length
      ? el("table", null, el("tbody", null, el("tr", null, ["Time (UTC)", "Source", "Other actor", "Action", "Resource", "IP", "Flags", "Event id"].map((h) => el("th", null, h))), rows))
      : el("p", null, "No events were gathered for this actor in the window."),
  );
  if (r.timeline.omitted > 0) {
    const counts = r.timeline.omittedByAction.slice(0, 15).map(([a, n]) => `${a} ×${n}`);
    const more = r.timeline.omittedByAction.length > 15 ? `, … (${r.timeline.omittedByAction.length - 15} more actions)` : "";
    parts.push(macro("info", { title: "Routine events omitted" }, { rich: [el("p", null, `${r.timeline.omitted} routine events omitted (counts by action: ${counts.join(", ")}${more}).`)] }));
  }

  // Indicators
  parts.push(el("h2", null, SECTION_TITLES.indicators));
  if (r.indicators.length) {
    const items = r.indicators.map((ind) =>
      el(
        "li",
        null,
        el("strong", null, ind.name),
        " ",
        status(ind.kind === "attack" ? "Red" : ind.kind === "misconfig" ? "Yellow" : ind.kind === "benign" ? "Green" : "Grey", `${ind.kind} · ${ind.severity}`),
        ` — ${ind.detail}`,
        ind.techniques.length ? [" Techniques: ", join(ind.techniques.map(techniqueLink), ", "), "."] : "",
        ind.eventIds.length ? [" Events: ", join(ind.eventIds.map((id) => el("code", null, id)), ", ")] : "",
      ),
    );
    parts.push(macro("warning", { title: `${r.indicators.length} indicator${r.indicators.length > 1 ? "s" : ""}` }, { rich: [el("ul", null, items)] }));
  } else parts.push(el("p", null, "No indicators were found."));
  if (r.techniques.length) parts.push(el("p", null, el("strong", null, "ATT&CK techniques: "), join(r.techniques.map(techniqueLink), ", ")));

  // Next steps
  parts.push(el("h2", null, SECTION_TITLES.nextSteps), el("ol", null, r.nextSteps.map((s) => el("li", null, s))));

  // Data gaps
  parts.push(el("h2", null, SECTION_TITLES.dataGaps));
  if (r.dataGaps.length) {
    parts.push(
      macro("note", { title: "Incomplete data" }, {
        rich: [el("ul", null, r.dataGaps.map((g) => el("li", null, el("strong", null, `${SOURCE_LABEL[g.source]} (${g.status}): `), g.message)))],
      }),
    );
  } else parts.push(el("p", null, "None: every source returned its data for the whole window."));

  // Pivots: what the gatherers followed beyond the actor, and what they found (also nothing)
  parts.push(el("h2", null, SECTION_TITLES.pivots));
  if (r.pivots.length) {
    parts.push(
      table(
        ["Source", "Kind", "What was looked for and found", "Queries", "Events"],
        r.pivots.map((p) => el("tr", null, el("td", null, SOURCE_LABEL[p.source]), el("td", null, p.kind), el("td", null, pivotSentence(p)), el("td", null, String(p.queries)), el("td", null, p.eventIds.length ? el("code", null, p.eventIds.join(", ")) : "—"))),
      ),
    );
  } else parts.push(el("p", null, "No pivots were made: the actor's window had no address, credential or changed resource to follow."));
  if (r.identities.length) parts.push(el("p", null, el("strong", null, "Identities read: "), r.identities.map((i) => `${SOURCE_LABEL[i.source]}: ${i.values.join(", ")}`).join(" · ")));

  // Evidence appendix
  parts.push(el("h2", null, SECTION_TITLES.evidence));
  if (opts.trimAppendix) {
    parts.push(
      macro("note", { title: "Appendix trimmed" }, {
        rich: [el("p", null, `The evidence appendix (${r.evidence.length} raw events) was trimmed because the page exceeded Confluence's size limit. The cited event ids are listed below; the raw records stay in the casefile store for investigation ${r.investigationId}.`)],
      }),
      el("p", null, join(r.evidence.map((e) => el("code", null, e.id)), ", ")),
    );
  } else if (r.evidence.length) {
    const blocks = r.evidence.map((e) =>
      e.json === undefined
        ? el("p", null, el("code", null, e.id), ": not among the gathered events.")
        : frag(
            el("p", null, el("strong", null, `${e.source ? SOURCE_LABEL[e.source] : ""} ${e.time ?? ""} `), el("code", null, e.action ?? ""), " ", el("code", null, e.id)),
            macro("code", { language: "json", linenumbers: "false", title: e.id }, { plain: e.json }),
          ),
    );
    parts.push(macro("expand", { title: `Raw cited events (${r.evidence.length}, secrets redacted)` }, { rich: blocks }));
  } else parts.push(el("p", null, "No events were cited."));

  // Metadata
  parts.push(el("h2", null, SECTION_TITLES.metadata), table(["Field", "Value"], r.metadata.map(([k, v]) => el("tr", null, el("td", null, k), el("td", null, v)))));

  // Coalesced anomalies
  if (r.coalesced.length) {
    parts.push(
      el("h2", null, SECTION_TITLES.coalesced),
      table(
        ["Anomaly id", "Actor", "Action", "Time (UTC)", "Severity"],
        r.coalesced.map((a) => el("tr", null, el("td", null, el("code", null, a.id)), el("td", null, a.actor), el("td", null, a.action), el("td", null, a.timestamp), el("td", null, a.severity ?? ""))),
      ),
    );
  }

  return frag(parts).xml;
}
