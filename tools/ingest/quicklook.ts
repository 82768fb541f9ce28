/**
 * Quick-look plot of a 1-D spectrum as a small, self-contained SVG (no fonts,
 * scripts or external references), shown on the dataset's landing page.
 * d3-scale picks "nice" axis ticks and their labels (a pure function, no DOM, so
 * the plot renders in Node without a browser); the line is a plain SVG path of
 * at most ~800 points after min/max thinning.
 */
import { scaleLinear } from 'd3-scale';

/** What to plot: one spectrum and its labels. */
export interface PlotInput {
  title: string;
  x: readonly number[];
  y: readonly number[];
  xLabel: string;
  xUnit?: string;
  yLabel: string;
}

/** Quick-look plots per dataset at most: the first regions with a spectrum get one. */
export const MAX_QUICKLOOKS = 12;

const WIDTH = 480;
const HEIGHT = 300;
const M = { top: 28, right: 16, bottom: 44, left: 64 };

/** Escapes text for an SVG text node or attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Binding energy is plotted high to low by convention in photoemission. */
const isReversed = (label: string) => /binding/i.test(label);

/** True when there is something to draw: x and y of one length with at least two finite points. */
export function plottable(input: Pick<PlotInput, 'x' | 'y'>): boolean {
  if (input.x.length !== input.y.length) return false;
  let finite = 0;
  for (let i = 0; i < input.x.length && finite < 2; i++) if (Number.isFinite(input.x[i]) && Number.isFinite(input.y[i])) finite++;
  return finite >= 2;
}

/**
 * Renders the plot, or returns undefined when there is nothing to draw (see {@link plottable}).
 */
export function renderSpectrumSvg(input: PlotInput): string | undefined {
  const plot = renderPlot(input);
  return plot === undefined ? undefined : titledPlot(input.title, plot);
}

/** The SVG head up to and including the title; {@link renderPlot} gives the rest. */
function svgHead(title: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="t">`,
    `<title id="t">${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<g font-family="sans-serif" font-size="11" fill="#222">`,
    `<text x="${WIDTH / 2}" y="17" text-anchor="middle" font-size="13">${escapeXml(title)}</text>`,
  ].join('\n');
}

/** The whole SVG from a title and the plot {@link renderPlot} drew. */
export function titledPlot(title: string, plot: string): string {
  return `${svgHead(title)}\n${plot}`;
}

/**
 * The plot without its title: axes, ticks, labels and the line, the costly part of a
 * quick-look. It depends on the spectrum alone, so a read worker can draw it before
 * the dataset's title is known; {@link titledPlot} completes it. Undefined when there
 * is nothing to draw.
 */
export function renderPlot(input: Omit<PlotInput, 'title'>): string | undefined {
  const n = input.x.length;
  if (n !== input.y.length) return undefined;
  // One pass for the finite points and their extent (a spread Math.min(...xs) overflows the stack on long spectra).
  const pts: [number, number][] = [];
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const x = input.x[i]!;
    const y = input.y[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    pts.push([x, y]);
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  if (pts.length < 2) return undefined;
  const shown = decimate(pts, 2 * (WIDTH - M.left - M.right));
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  const innerW = WIDTH - M.left - M.right;
  const innerH = HEIGHT - M.top - M.bottom;
  const xScale = scaleLinear()
    .domain(isReversed(input.xLabel) ? [xMax, xMin] : [xMin, xMax])
    .range([M.left, M.left + innerW]);
  const yScale = scaleLinear().domain([yMin, yMax]).nice().range([M.top + innerH, M.top]);
  const [toX, toY] = [affine(xScale), affine(yScale)];
  let path = '';
  for (const [x, y] of shown) path += `${path ? 'L' : 'M'}${round(toX(x))},${round(toY(y))}`;

  const xTicks = xScale.ticks(6);
  const yTicks = yScale.ticks(5);
  const xFmt = xScale.tickFormat(6, '~f');
  const yFmt = yScale.tickFormat(5, '~s');
  const bottom = M.top + innerH;
  const xAxisLabel = input.xUnit ? `${input.xLabel} (${input.xUnit})` : input.xLabel;
  const out: string[] = [`<path d="M${M.left},${M.top}V${bottom}H${M.left + innerW}" fill="none" stroke="#222"/>`];
  for (const t of xTicks) {
    const x = round(xScale(t));
    out.push(
      `<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 5}" stroke="#222"/>`,
      `<text x="${x}" y="${bottom + 17}" text-anchor="middle">${escapeXml(xFmt(t))}</text>`,
    );
  }
  for (const t of yTicks) {
    const y = round(yScale(t));
    out.push(
      `<line x1="${M.left - 5}" x2="${M.left}" y1="${y}" y2="${y}" stroke="#222"/>`,
      `<text x="${M.left - 8}" y="${y + 4}" text-anchor="end">${escapeXml(yFmt(t))}</text>`,
    );
  }
  out.push(
    `<text x="${M.left + innerW / 2}" y="${HEIGHT - 8}" text-anchor="middle">${escapeXml(xAxisLabel)}</text>`,
    `<text transform="translate(14 ${M.top + innerH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(input.yLabel)}</text>`,
    `</g>`,
    `<path d="${path}" fill="none" stroke="#1f5fa8" stroke-width="1.2" stroke-linejoin="round"/>`,
    `</svg>`,
    '',
  );
  return out.join('\n');
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The map a two-number d3 linear scale applies, as a plain function with the same
 * arithmetic (d3-scale's bimap: domain and range swapped when the domain descends,
 * then interpolateNumber), so the path is the same to the last digit but costs a
 * multiply and an add per point instead of d3's general piecewise call.
 */
export function affine(scale: { domain(): number[]; range(): number[] }): (v: number) => number {
  let [d0, d1] = scale.domain() as [number, number];
  let [r0, r1] = scale.range() as [number, number];
  if (d1 < d0) [d0, d1, r0, r1] = [d1, d0, r1, r0];
  const span = d1 - d0;
  if (!span) return () => r0 * 0.5 + r1 * 0.5;
  return (v) => {
    const t = (v - d0) / span;
    return r0 * (1 - t) + r1 * t;
  };
}

/**
 * At most `max` points: the minimum and maximum of each run of consecutive points,
 * in their order, so a narrow peak survives the thinning (the plot is ~400 px wide).
 */
export function decimate(pts: readonly [number, number][], max: number): [number, number][] {
  if (pts.length <= max) return [...pts];
  const buckets = Math.floor(max / 2);
  const out: [number, number][] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * pts.length) / buckets);
    const to = Math.floor(((b + 1) * pts.length) / buckets);
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (pts[i]![1] < pts[lo]![1]) lo = i;
      if (pts[i]![1] > pts[hi]![1]) hi = i;
    }
    for (const i of lo === hi ? [lo] : lo < hi ? [lo, hi] : [hi, lo]) out.push(pts[i]!);
  }
  return out;
}
