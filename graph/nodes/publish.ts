// publish: render the report to Confluence storage format with the timeline picture and publish it,
// idempotently keyed by the anomaly id. With CASEFILE_DRY_RUN=1 (or no Confluence configured) the page is
// rendered into the data directory instead.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildReport, buildTitle } from "../../report/model.ts";
import { VERDICTS } from "../../domain/schemas.ts";
import { renderStorage } from "../../report/storage.ts";
import { renderMarkdown } from "../../report/markdown.ts";
import { renderTimelinePng, renderTimelineSvg } from "../../report/svg.ts";
import { VendorError, type Publisher } from "../../tools/types.ts";
import { reportEvents, reportInput } from "../report-input.ts";
import type { EvidenceStore } from "../evidence-store.ts";
import type { State, Update } from "../state.ts";

export interface PublishDeps {
  publisher?: Publisher;
  dryRun: boolean;
  dataDir: string;
  version: string;
  /** the investigation's clock (epoch ms): the report's "generated at" when the report is built here */
  clock: () => number;
  /** the investigation's events and raw vendor records (when the report is built here) */
  evidence: EvidenceStore;
}

export const SVG_NAME = "timeline.svg";
export const PNG_NAME = "timeline.png";

export function reportLabels(state: State): string[] {
  const labels = new Set(["casefile"]);
  if (state.assessment) labels.add(state.assessment.verdict.replace(/_/g, "-"));
  for (const [name, s] of Object.entries(state.sources)) if (s && s.status !== "failed" && s.status !== "skipped") labels.add(name);
  return [...labels];
}

export function createPublishNode(deps: PublishDeps) {
  return async function publish(state: State): Promise<Update> {
    const report = state.report ?? buildReport(reportInput(state, await reportEvents(state, deps.evidence), deps));
    const svg = renderTimelineSvg(report);
    let png: Buffer | undefined = state.timelinePng ? Buffer.from(state.timelinePng, "base64") : undefined;
    if (!png) {
      try {
        png = renderTimelinePng(svg);
      } catch {
        png = undefined; // the SVG alone still shows the picture
      }
    }
    const opts = { pictureAttachment: SVG_NAME, ...(png ? { pngAttachment: PNG_NAME } : {}) };
    const attachments = [
      { name: SVG_NAME, contentType: "image/svg+xml", data: svg },
      ...(png ? [{ name: PNG_NAME, contentType: "image/png", data: png }] : []),
    ];

    if (deps.dryRun || !deps.publisher) {
      const dir = path.join(deps.dataDir, "reports", state.investigationId);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "page.xhtml"), renderStorage(report, opts));
      await writeFile(path.join(dir, SVG_NAME), svg);
      if (png) await writeFile(path.join(dir, PNG_NAME), png);
      await writeFile(path.join(dir, "report.md"), renderMarkdown(report));
      return {
        publication: { id: "", url: null, version: 0, title: report.title, created: false, dry_run: true, file: path.join(dir, "page.xhtml") },
      };
    }

    const previousTitles = VERDICTS.map((v) => buildTitle(v, state.anomaly)).filter((t) => t !== report.title);
    const request = { key: state.anomaly.id, title: report.title, previousTitles, labels: reportLabels(state), attachments };
    let result;
    try {
      result = await deps.publisher.publish({ ...request, body: renderStorage(report, opts) });
    } catch (err) {
      if (!(err instanceof VendorError && err.status === 413)) throw err;
      // Too large for Confluence: drop the evidence appendix, and say so on the page.
      result = await deps.publisher.publish({ ...request, body: renderStorage(report, { ...opts, trimAppendix: true }) });
    }
    return {
      publication: { id: result.id, url: result.url, version: result.version, title: result.title, created: result.created },
      attempts: { publish: (state.attempts.publish ?? 0) + 1 },
      ...(result.warnings?.length ? { errors: result.warnings } : {}),
    };
  };
}
