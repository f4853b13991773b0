/** Layout maths of the tab's charts (d3 scales), kept out of the components so they are testable. */
import { scaleLinear } from 'd3';

export interface HBar { label: string; value: number; y: number; width: number }

/** Horizontal bars from 0 to the largest value (non-finite as 0), one row of `step` px each. */
export function hbars(labels: string[], values: (number | null)[], width: number, step = 22): HBar[] {
  const v = values.map((x) => (x != null && Number.isFinite(x) ? Math.max(0, x) : 0));
  const x = scaleLinear().domain([0, Math.max(...v, 1e-9)]).range([0, width]);
  return labels.map((label, i) => ({ label, value: v[i], y: i * step, width: x(v[i]) }));
}

/** Points of a line chart over k with its own y range (inertia, silhouette). */
export function linePoints(xs: number[], ys: number[], width: number, height: number, pad = 30): { x: number; y: number }[] {
  const sx = scaleLinear().domain([Math.min(...xs), Math.max(...xs)]).range([pad, width - 10]);
  const lo = Math.min(...ys), hi = Math.max(...ys);
  const sy = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).range([height - pad, 10]);
  return xs.map((x, i) => ({ x: sx(x), y: sy(ys[i]) }));
}
