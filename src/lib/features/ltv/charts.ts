/**
 * Layout maths for the LTV charts (pure, tested): multi-series line charts (tracking, survival,
 * teaching-table NPV) and heatmap cells with a sequential colour scale. Missing values break a line;
 * they never become NaN coordinates.
 */
import { interpolateBlues, line, scaleLinear, scaleSequential } from 'd3';

export interface Series {
  key: string;
  values: (number | null)[];
}

export interface LineLayout {
  paths: { key: string; d: string }[];
  xTicks: { x: number; value: number }[];
  yTicks: { y: number; value: number }[];
  /** x position of a given x value (for markers such as the calibration end). */
  xAt: (v: number) => number;
  zeroY: number;
}

export function layoutLines(
  xs: readonly number[], series: readonly Series[], width: number, height: number,
  margin = { top: 10, right: 10, bottom: 28, left: 72 }
): LineLayout {
  const finite = series.flatMap((s) => s.values).filter((v): v is number => v != null && Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const x = scaleLinear().domain([Math.min(...xs, 0), Math.max(...xs, 1)]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice().range([height - margin.bottom, margin.top]);
  const paths = series.map((s) => {
    const gen = line<number>()
      .defined((_, i) => s.values[i] != null && Number.isFinite(s.values[i]!))
      .x((_, i) => x(xs[i]))
      .y((_, i) => y(s.values[i] ?? 0));
    return { key: s.key, d: gen(xs as number[]) ?? '' };
  });
  return {
    paths,
    xTicks: x.ticks(8).map((value) => ({ x: x(value), value })),
    yTicks: y.ticks(5).map((value) => ({ y: y(value), value })),
    xAt: (v) => x(v),
    zeroY: y(0)
  };
}

export interface HeatCell {
  row: number;
  col: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  fill: string;
  /** Dark text on light cells, white on dark ones (contrast for the printed values). */
  dark: boolean;
}

/** Cells of a rows × cols grid of values, coloured from light (low) to dark blue (high). */
export function layoutHeatmap(values: readonly (readonly number[])[], width: number, height: number, left = 40, top = 10, bottom = 28): HeatCell[] {
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  const all = values.flat().filter((v) => Number.isFinite(v));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const colour = scaleSequential(interpolateBlues).domain([lo, hi > lo ? hi : lo + 1]);
  const cw = (width - left) / Math.max(1, cols);
  const ch = (height - top - bottom) / Math.max(1, rows);
  const cells: HeatCell[] = [];
  values.forEach((r, i) =>
    r.forEach((v, j) => {
      const t = hi > lo ? (v - lo) / (hi - lo) : 0;
      // Frequency grows upwards, as in the iso-value plots.
      cells.push({ row: i, col: j, x: left + j * cw, y: top + (rows - 1 - i) * ch, width: cw, height: ch, value: v, fill: colour(v), dark: t < 0.55 });
    })
  );
  return cells;
}
