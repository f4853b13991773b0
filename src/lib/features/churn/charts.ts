/**
 * Layout maths for the churn charts (pure, tested; Svelte only draws): the cohort-retention heatmap
 * (d3 sequential colour scale), Kaplan–Meier step curves with their 95% band, the cumulative gains
 * curve and the calibration plot.
 */
import { area, curveStepAfter, interpolateBlues, line, scaleLinear, scaleSequential } from 'd3';

export const MARGIN = { top: 10, right: 12, bottom: 34, left: 52 };

export interface HeatCell { x: number; y: number; width: number; height: number; fill: string; dark: boolean; cohort: number; k: number; value: number }

/** Cells of the cohorts × months-since-joining grid; unobserved cells (null) are not drawn. */
export function heatmapLayout(rate: (number | null)[][], width: number, rowHeight = 18, left = 70, top = 24): { cells: HeatCell[]; height: number; cellWidth: number } {
  const columns = Math.max(1, ...rate.map((r) => r.length));
  const cellWidth = Math.max(1, (width - left - 4) / columns);
  // The colour domain runs from the lowest observed retention to 100%, so differences show.
  const finite = rate.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(1, ...finite);
  const colour = scaleSequential(interpolateBlues).domain([lo < 1 ? lo : 0, 1]);
  const mid = lo < 1 ? (lo + 1) / 2 : 0.5;
  const cells: HeatCell[] = [];
  rate.forEach((row, c) => row.forEach((v, k) => {
    if (v === null || !Number.isFinite(v)) return;
    cells.push({ x: left + k * cellWidth, y: top + c * rowHeight, width: cellWidth - 1, height: rowHeight - 1, fill: colour(v), dark: v > mid, cohort: c, k, value: v });
  }));
  return { cells, height: top + rate.length * rowHeight + 4, cellWidth };
}

export interface CurveLayout { line: string; band: string; group: string }

/** Step paths of Ŝ(t) and its band for each curve, on shared axes from t = 0 and Ŝ = 0..1. */
export function kmLayout(
  curves: { group: string; time: number[]; survival: number[]; lower: number[]; upper: number[] }[], width: number, height: number
): { curves: CurveLayout[]; xTicks: { x: number; value: number }[]; yTicks: { y: number; value: number }[] } {
  const maxT = Math.max(1, ...curves.flatMap((c) => c.time));
  const x = scaleLinear().domain([0, maxT]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain([0, 1]).range([height - MARGIN.bottom, MARGIN.top]);
  const out = curves.map((c) => {
    // Ŝ = 1 from t = 0 until the first time, then the step function.
    const pts = [{ t: 0, s: 1, lo: 1, hi: 1 }, ...c.time.map((t, i) => ({ t, s: c.survival[i], lo: c.lower[i], hi: c.upper[i] }))];
    const stepLine = line<(typeof pts)[number]>().x((p) => x(p.t)).y((p) => y(p.s)).curve(curveStepAfter);
    const band = area<(typeof pts)[number]>().x((p) => x(p.t)).y0((p) => y(p.lo)).y1((p) => y(p.hi)).curve(curveStepAfter);
    return { group: c.group, line: stepLine(pts) ?? '', band: band(pts) ?? '' };
  });
  return {
    curves: out,
    xTicks: x.ticks(8).map((value) => ({ x: x(value), value })),
    yTicks: y.ticks(5).map((value) => ({ y: y(value), value }))
  };
}

/** Points on unit axes (share → x, value → y), both 0..1, e.g. cumulative gains or calibration. */
export function unitPlot(points: { x: number; y: number }[], width: number, height: number): {
  path: string; dots: { cx: number; cy: number }[]; diagonal: string; ticks: { x: number; y: number; value: number }[];
} {
  const x = scaleLinear().domain([0, 1]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain([0, 1]).range([height - MARGIN.bottom, MARGIN.top]);
  const path = line<{ x: number; y: number }>().x((p) => x(p.x)).y((p) => y(p.y))(points) ?? '';
  return {
    path,
    dots: points.map((p) => ({ cx: x(p.x), cy: y(p.y) })),
    diagonal: `M${x(0)},${y(0)}L${x(1)},${y(1)}`,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ x: x(value), y: y(value), value }))
  };
}

/** The gains curve from the origin through each decile's (cumulative share, cumulative gain). */
export function gainsPoints(gains: { cumulativeShare: number; cumulativeGain: number }[]): { x: number; y: number }[] {
  return [{ x: 0, y: 0 }, ...gains.map((g) => ({ x: g.cumulativeShare, y: g.cumulativeGain }))];
}

/** Customers at risk at month t (still under observation at t): the count before the first time ≥ t. */
export function atRiskAt(time: readonly number[], atRisk: readonly number[], t: number): number {
  const i = time.findIndex((v) => v >= t);
  return i < 0 ? 0 : atRisk[i];
}

/** Months for the at-risk table: every 6 or 12 months up to the longest follow-up. */
export function atRiskTimes(maxTime: number): number[] {
  const step = maxTime > 36 ? 12 : maxTime > 12 ? 6 : 3;
  const out: number[] = [];
  for (let t = 0; t <= maxTime; t += step) out.push(t);
  return out;
}
