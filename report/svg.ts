// The timeline picture: a self-contained SVG (no external fonts, images or scripts) drawn from the report's
// pre-binned chart data, so its size is bounded whatever the number of events; and a PNG copy of it.
import { Resvg } from "@resvg/resvg-js";
import { el, frag, type Child } from "./escape.ts";
import type { Report } from "./schema.ts";
import { cut } from "./text.ts";

const W = 1000;
const LEFT = 170;
const RIGHT = 30;
const TOP = 62;
const LANE_H = 54;
const PLOT_W = W - LEFT - RIGHT;
const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";
const LANE_COLOUR: Record<string, string> = { cloudflare: "#f38020", datadog: "#632ca6", pivot: "#6b778c" };
const RED = "#de350b";

const TICK_STEPS = [60e3, 5 * 60e3, 10 * 60e3, 15 * 60e3, 30 * 60e3, 3600e3, 2 * 3600e3, 3 * 3600e3, 6 * 3600e3, 12 * 3600e3, 86400e3, 2 * 86400e3, 7 * 86400e3];

function hhmm(ts: number): string {
  return new Date(ts).toISOString().slice(11, 16);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export function renderTimelineSvg(report: Report): string {
  const c = report.chart;
  const span = Math.max(1, c.before - c.since);
  const x = (ts: number) => r1(LEFT + (Math.min(Math.max(ts, c.since), c.before) - c.since) / span * PLOT_W);
  const lanes = c.lanes;
  const plotBottom = TOP + lanes.length * LANE_H;
  const H = plotBottom + 92;
  const items: Child[] = [];

  items.push(el("rect", { x: 0, y: 0, width: W, height: H, fill: "#ffffff" }));
  items.push(
    el("text", { x: 20, y: 26, "font-size": 16, "font-weight": "bold", fill: "#172b4d" }, cut(`Timeline · ${report.anomaly.actor} · ${report.verdictLabel} (${report.confidenceText})`, 110)),
    el("text", { x: 20, y: 45, "font-size": 11, fill: "#5e6c84" }, `${new Date(c.since).toISOString().slice(0, 16).replace("T", " ")} – ${new Date(c.before).toISOString().slice(0, 16).replace("T", " ")} UTC · ${lanes.reduce((n, l) => n + l.total, 0)} events · one bin = ${Math.max(1, Math.round(span / c.bins / 60e3))} min (dots: 1–3 events, bars: more)`),
  );

  // Lanes
  lanes.forEach((lane, i) => {
    const y0 = TOP + i * LANE_H;
    items.push(
      el("rect", { x: LEFT, y: y0, width: PLOT_W, height: LANE_H, fill: i % 2 ? "#ffffff" : "#f4f5f7" }),
      el("text", { x: LEFT - 10, y: y0 + LANE_H / 2 - 2, "font-size": 13, "text-anchor": "end", fill: "#172b4d" }, lane.label),
      el("text", { x: LEFT - 10, y: y0 + LANE_H / 2 + 13, "font-size": 10, "text-anchor": "end", fill: "#5e6c84" }, `${lane.total} event${lane.total === 1 ? "" : "s"}`),
    );
  });

  // Time axis with UTC ticks
  const step = TICK_STEPS.find((s) => span / s <= 12) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const ticks: Child[] = [];
  let lastDay = "";
  for (let t = Math.ceil(c.since / step) * step; t <= c.before; t += step) {
    const tx = x(t);
    const day = new Date(t).toISOString().slice(5, 10);
    ticks.push(
      el("line", { x1: tx, y1: TOP, x2: tx, y2: plotBottom + 5, stroke: "#dfe1e6", "stroke-width": 1 }),
      el("text", { x: tx, y: plotBottom + 18, "font-size": 10, "text-anchor": "middle", fill: "#5e6c84" }, hhmm(t)),
    );
    if (day !== lastDay) ticks.push(el("text", { x: tx, y: plotBottom + 30, "font-size": 9, "text-anchor": "middle", fill: "#97a0af" }, day));
    lastDay = day;
  }
  items.push(el("g", { id: "axis" }, ticks, el("line", { x1: LEFT, y1: plotBottom, x2: LEFT + PLOT_W, y2: plotBottom, stroke: "#97a0af" })));

  // Per lane: dots when sparse (at most 3 events per bin), otherwise a histogram of events per bin
  const binW = PLOT_W / c.bins;
  lanes.forEach((lane, i) => {
    const y0 = TOP + i * LANE_H;
    const cy = y0 + LANE_H / 2;
    const max = Math.max(0, ...lane.counts);
    const marks: Child[] = [];
    lane.counts.forEach((n, b) => {
      if (!n) return;
      const bx = LEFT + b * binW;
      if (max <= 3) marks.push(el("circle", { cx: r1(bx + binW / 2), cy, r: 3 + n }));
      else {
        const h = r1(Math.max(4, (LANE_H - 10) * Math.sqrt(n / max)));
        marks.push(el("rect", { x: r1(bx + 0.3), y: r1(y0 + LANE_H - 5 - h), width: r1(Math.max(1, binW - 0.6)), height: h }));
      }
    });
    if (max > 3) marks.push(el("text", { x: LEFT + 4, y: y0 + 11, "font-size": 9, fill: "#5e6c84", "fill-opacity": 1 }, `max ${max} per bin`));
    items.push(el("g", { class: "lane", "data-lane": lane.key, fill: LANE_COLOUR[lane.key] ?? "#6b778c", "fill-opacity": 0.6 }, marks));
  });

  // Flagged action: vertical line + label
  const fx = x(c.flagged.ts);
  const anchor = fx > LEFT + PLOT_W * 0.75 ? "end" : "start";
  items.push(
    el(
      "g",
      { id: "flagged" },
      el("line", { x1: fx, y1: TOP - 6, x2: fx, y2: plotBottom, stroke: RED, "stroke-width": 2, "stroke-dasharray": "5 3" }),
      el("text", { x: anchor === "end" ? fx - 4 : fx + 4, y: TOP - 8, "font-size": 11, "font-weight": "bold", fill: RED, "text-anchor": anchor }, cut(`flagged: ${c.flagged.label} ${hhmm(c.flagged.ts)}`, 60)),
    ),
  );

  // Indicator events: red diamonds
  const diamonds = c.marks.map((m) => {
    const li = Math.max(0, lanes.findIndex((l) => l.key === m.lane));
    const cx = x(m.ts);
    const cy = TOP + li * LANE_H + LANE_H / 2;
    const d = 6;
    return el(
      "path",
      { class: "indicator", d: `M${cx} ${r1(cy - d)} L${r1(cx + d)} ${cy} L${cx} ${r1(cy + d)} L${r1(cx - d)} ${cy} Z`, fill: RED, stroke: "#ffffff", "stroke-width": 1 },
      el("title", null, `${m.label} ${hhmm(m.ts)} (${m.id})`),
    );
  });
  items.push(el("g", { id: "indicators" }, diamonds));

  // Legend
  const ly = plotBottom + 56;
  const legend: Child[] = [];
  let lx = LEFT;
  for (const lane of lanes) {
    legend.push(
      el("circle", { cx: lx + 6, cy: ly - 4, r: 5, fill: LANE_COLOUR[lane.key] ?? "#6b778c", "fill-opacity": 0.55 }),
      el("text", { x: lx + 16, y: ly, "font-size": 11, fill: "#172b4d" }, lane.label),
    );
    lx += 30 + lane.label.length * 6.5;
  }
  legend.push(
    el("path", { d: `M${lx + 6} ${ly - 10} L${lx + 12} ${ly - 4} L${lx + 6} ${ly + 2} L${lx} ${ly - 4} Z`, fill: RED }),
    el("text", { x: lx + 18, y: ly, "font-size": 11, fill: "#172b4d" }, "indicator event"),
  );
  lx += 130;
  legend.push(
    el("line", { x1: lx, y1: ly - 10, x2: lx, y2: ly + 2, stroke: RED, "stroke-width": 2, "stroke-dasharray": "4 2" }),
    el("text", { x: lx + 8, y: ly, "font-size": 11, fill: "#172b4d" }, "flagged action"),
  );
  items.push(el("g", { id: "legend" }, legend));

  const svg = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: W,
      height: H,
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "font-family": FONT,
    },
    el("title", null, `casefile timeline for ${report.anomaly.actor}`),
    frag(items),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.xml}\n`;
}

/** Rasterises the SVG to a PNG 1000 px wide (system fonts). */
export function renderTimelinePng(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: "width", value: 1000 }, font: { loadSystemFonts: true } }).render().asPng();
}
