// Markdown rendering of a Report for the CLI. Vendor and model strings are escaped so they stay text.
import { sanitize } from "./escape.ts";
import { FLAG_LABEL, SECTION_TITLES, SOURCE_LABEL, pivotSentence } from "./labels.ts";
import type { Report, TechniqueRef } from "./schema.ts";

/**
 * Escapes markdown-active characters in one line of untrusted text: backslash, backticks, emphasis, brackets,
 * angle brackets, pipes, `#`, `!`, `~`, `&`, leading list / quote markers and autolink triggers.
 */
export function mdText(s: string): string {
  const flat = sanitize(s).replace(/[\r\n\t\u2028\u2029]+/g, " ");
  return flat
    .replace(/[\\`*_{}[\]<>|#!~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/, (_m, sp: string, mark: string) => `${sp}${mark.replace(/([-+=.)])/, "\\$1")}`)
    .replace(/(\w):\/\//g, "$1\\://")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/**
 * Inline code that cannot be broken out of: a fence longer than any backtick run inside. Pipes are escaped
 * (GFM table cells split on them even inside code spans).
 */
export function mdCode(s: string): string {
  const flat = sanitize(s).replace(/[\r\n\t\u2028\u2029]+/g, " ").replace(/\|/g, "\\|");
  if (!flat) return "";
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function technique(t: TechniqueRef): string {
  const label = mdText(t.name ? `${t.id} ${t.name}` : t.id);
  return t.url ? `[${label}](${t.url})` : label;
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

export function renderMarkdown(report: Report, opts: { pictureFile?: string } = {}): string {
  const r = report;
  const out: string[] = [];
  out.push(`# ${mdText(r.title)}`, "");
  out.push(`**Verdict:** ${r.verdictLabel.toUpperCase()} (\`${r.verdict}\`) · confidence ${r.confidenceText} · ${r.verdict === "inconclusive" ? "no call made" : `${Math.round(r.confidence * 100)}%`}`);
  out.push(`**Anomaly:** ${mdCode(r.anomaly.id)} · ${mdText(r.anomaly.actor)} · ${mdText(r.anomaly.action)} · ${mdText(r.anomaly.timestamp)}`, "");

  out.push(`## ${SECTION_TITLES.summary}`, "", mdText(r.summary), "");
  if (r.summaryAuthor === "model") out.push("_Summary worded by the writer model from the structured assessment._", "");
  if (r.rationale) out.push(`**Why this verdict (${mdText(r.assessmentEngine)} engine):** ${mdText(r.rationale)}`, "");
  if (r.disagreement) out.push(`**Model and rules disagree:** ${mdText(r.disagreement)}`, "");
  if (r.weighed.length) {
    out.push("**Evidence weighed** (learned weights; positive argued for the verdict, negative against it):", "");
    out.push(row(["Evidence", "Weight", "Rule", "Events"]), row(Array(4).fill("---")));
    for (const w of r.weighed) out.push(row([mdText(w.why), `${w.weight > 0 ? "+" : ""}${w.weight.toFixed(2)} ${w.direction}`, mdCode(w.rule), w.ids.map(mdCode).join(", ")]));
    out.push("");
  }

  out.push(`## ${SECTION_TITLES.timeline}`, "");
  if (opts.pictureFile) out.push(`![Timeline](${encodeURI(opts.pictureFile)})`, "");
  out.push(`${r.timeline.total} events in the window (${r.timeline.rows.length} shown). Flags: **FLAGGED** = the flagged action, **INDICATOR** = evidence for an indicator.`, "");
  if (r.timeline.rows.length) {
    out.push(row(["Time (UTC)", "Source", "Other actor", "Action", "Resource", "IP", "Flags", "Event id"]), row(Array(8).fill("---")));
    for (const x of r.timeline.rows) {
      const strong = x.flags.includes("flagged") || x.flags.includes("indicator");
      const time = strong ? `**${x.time}**` : x.time;
      out.push(
        row([
          time,
          SOURCE_LABEL[x.source],
          x.flags.includes("pivot") ? mdText(x.actor) : "",
          mdCode(x.action) + (x.outcome === "failure" ? " (failed)" : ""),
          mdText(x.resource),
          mdText(x.ip),
          x.flags.map((f) => FLAG_LABEL[f].toUpperCase()).join(" "),
          mdCode(x.id),
        ]),
      );
    }
    out.push("");
  } else out.push("No events were gathered for this actor in the window.", "");
  if (r.timeline.omitted > 0) {
    const counts = r.timeline.omittedByAction.slice(0, 15).map(([a, n]) => `${mdText(a)} ×${n}`);
    out.push(`> ${r.timeline.omitted} routine events omitted (counts by action: ${counts.join(", ")}${r.timeline.omittedByAction.length > 15 ? ", …" : ""}).`, "");
  }

  out.push(`## ${SECTION_TITLES.indicators}`, "");
  if (r.indicators.length) {
    for (const i of r.indicators) {
      const tech = i.techniques.length ? ` Techniques: ${i.techniques.map(technique).join(", ")}.` : "";
      const ev = i.eventIds.length ? ` Events: ${i.eventIds.map(mdCode).join(", ")}` : "";
      out.push(`- **${mdText(i.name)}** [${i.kind} · ${i.severity}] — ${mdText(i.detail)}${tech}${ev}`);
    }
    out.push("");
  } else out.push("No indicators were found.", "");
  if (r.techniques.length) out.push(`ATT&CK techniques: ${r.techniques.map(technique).join(", ")}`, "");

  out.push(`## ${SECTION_TITLES.nextSteps}`, "");
  r.nextSteps.forEach((s, i) => out.push(`${i + 1}. ${mdText(s)}`));
  out.push("");

  out.push(`## ${SECTION_TITLES.dataGaps}`, "");
  if (r.dataGaps.length) for (const g of r.dataGaps) out.push(`- **${SOURCE_LABEL[g.source]} (${g.status}):** ${mdText(g.message)}`);
  else out.push("None: every source returned its data for the whole window.");
  out.push("");

  out.push(`## ${SECTION_TITLES.pivots}`, "");
  if (r.pivots.length) {
    out.push(row(["Source", "Kind", "What was looked for and found", "Queries", "Events"]), row(Array(5).fill("---")));
    for (const p of r.pivots) out.push(row([SOURCE_LABEL[p.source], p.kind, mdText(pivotSentence(p)), String(p.queries), p.eventIds.map(mdCode).join(", ") || "—"]));
  } else out.push("No pivots were made: the actor's window had no address, credential or changed resource to follow.");
  if (r.identities.length) out.push("", `**Identities read:** ${r.identities.map((i) => `${SOURCE_LABEL[i.source]}: ${i.values.map(mdText).join(", ")}`).join(" · ")}`);
  out.push("");

  out.push(`## ${SECTION_TITLES.evidence}`, "");
  if (r.evidence.length) {
    for (const e of r.evidence) {
      if (e.json === undefined) {
        out.push(`- ${mdCode(e.id)}: not among the gathered events.`, "");
        continue;
      }
      const longest = Math.max(2, ...[...e.json.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = "`".repeat(longest + 1);
      out.push(`**${e.source ? SOURCE_LABEL[e.source] : ""} ${e.time ?? ""}** ${mdCode(e.action ?? "")} ${mdCode(e.id)}`, "", `${fence}json`, sanitize(e.json), fence, "");
    }
  } else out.push("No events were cited.", "");

  out.push(`## ${SECTION_TITLES.metadata}`, "", row(["Field", "Value"]), row(["---", "---"]));
  for (const [k, v] of r.metadata) out.push(row([mdText(k), mdText(v)]));
  out.push("");

  if (r.coalesced.length) {
    out.push(`## ${SECTION_TITLES.coalesced}`, "", row(["Anomaly id", "Actor", "Action", "Time (UTC)", "Severity"]), row(Array(5).fill("---")));
    for (const a of r.coalesced) out.push(row([mdCode(a.id), mdText(a.actor), mdText(a.action), mdText(a.timestamp), a.severity ?? ""]));
    out.push("");
  }
  return out.join("\n");
}
