/**
 * Geometry of the marks that is more than a scale call (pure, tested): stacked series, line and
 * area paths with gaps for missing values, and a two-column flow (a minimal Sankey).
 */
import { area, curveLinear, curveStepAfter, line } from 'd3';

/** Cumulative [bottom, top] of each series at each index, series stacked in order from zero. */
export function stackSeries(series: readonly (readonly (number | null)[])[]): [number, number][][] {
  const n = Math.max(0, ...series.map((s) => s.length));
  const base = new Array<number>(n).fill(0);
  return series.map((s) =>
    Array.from({ length: n }, (_, i) => {
      const v = s[i];
      const y0 = base[i];
      const y1 = y0 + (v != null && Number.isFinite(v) && v > 0 ? v : 0);
      base[i] = y1;
      return [y0, y1] as [number, number];
    })
  );
}

/** The total of each stack (the top of its last series), e.g. customers per month. */
export function stackTotals(series: readonly (readonly (number | null)[])[]): number[] {
  return (
    stackSeries(series)
      .at(-1)
      ?.map(([, y1]) => y1) ?? []
  );
}

const finite = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

/** An SVG path through (x, y) pixel points; a missing y breaks the line. `step`: a step function (Kaplan–Meier). */
export function linePath(xs: readonly number[], ys: readonly (number | null)[], step = false): string {
  return (
    line<number>()
      .defined((i) => finite(ys[i]) && Number.isFinite(xs[i]))
      .x((i) => xs[i])
      .y((i) => ys[i] ?? 0)
      .curve(step ? curveStepAfter : curveLinear)(xs.map((_, i) => i)) ?? ''
  );
}

/** An SVG path of the area between two pixel curves (a confidence band); missing values break it. */
export function areaPath(
  xs: readonly number[],
  lower: readonly (number | null)[],
  upper: readonly (number | null)[],
  step = false
): string {
  return (
    area<number>()
      .defined((i) => finite(lower[i]) && finite(upper[i]) && Number.isFinite(xs[i]))
      .x((i) => xs[i])
      .y0((i) => lower[i] ?? 0)
      .y1((i) => upper[i] ?? 0)
      .curve(step ? curveStepAfter : curveLinear)(xs.map((_, i) => i)) ?? ''
  );
}

export interface FlowNode {
  index: number;
  side: 'from' | 'to';
  x: number;
  y: number;
  height: number;
  value: number;
}
export interface FlowBand {
  from: number;
  to: number;
  value: number;
  path: string;
  mid: { x: number; y: number };
}

/**
 * Two columns of nodes (left: from, right: to) stacked top-down with `gap` px between them, and a
 * band per non-zero cell of `matrix[from][to]` whose width is its count. A band leaves its source
 * below the bands of earlier targets and enters its target below those of earlier sources, so bands
 * never cross inside a node. Coordinates are relative to the box (x0, y0, width, height).
 */
export function flowLayout(
  matrix: readonly (readonly number[])[],
  box: { x: number; y: number; width: number; height: number },
  nodeWidth = 14,
  gap = 8
) {
  const n = matrix.length;
  const out = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const inn = Array.from({ length: n }, (_, j) => matrix.reduce((a, row) => a + (row[j] ?? 0), 0));
  const total = out.reduce((a, b) => a + b, 0);
  const usable = Math.max(1, box.height - gap * Math.max(0, n - 1));
  const k = total > 0 ? usable / total : 0;
  const column = (values: number[], side: 'from' | 'to', x: number): FlowNode[] => {
    let y = box.y;
    return values.map((value, index) => {
      const node = { index, side, x, y, height: value * k, value };
      y += value * k + gap;
      return node;
    });
  };
  const left = column(out, 'from', box.x);
  const right = column(inn, 'to', box.x + box.width - nodeWidth);
  const leftOffset = left.map((d) => d.y);
  const rightOffset = right.map((d) => d.y);
  const bands: FlowBand[] = [];
  const x0 = box.x + nodeWidth;
  const x1 = box.x + box.width - nodeWidth;
  const xm = (x0 + x1) / 2;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = matrix[i][j] ?? 0;
      if (value <= 0) continue;
      const h = value * k;
      const a = leftOffset[i];
      const b = rightOffset[j];
      leftOffset[i] += h;
      rightOffset[j] += h;
      // A closed band: top edge as a cubic curve, then down, bottom edge back, then up.
      const path = `M${x0},${a}C${xm},${a} ${xm},${b} ${x1},${b}L${x1},${b + h}C${xm},${b + h} ${xm},${a + h} ${x0},${a + h}Z`;
      bands.push({ from: i, to: j, value, path, mid: { x: xm, y: (a + b + h) / 2 } });
    }
  }
  return { left, right, bands, total };
}

/**
 * Offsets that fan points sharing the same position out on a small circle of `radius` (in data
 * units), so equal scores stay visible; a point alone keeps its place. Returns [dx, dy] per point.
 */
export function fanOut(points: readonly { x: number; y: number }[], radius: number): [number, number][] {
  const groups = new Map<string, number[]>();
  points.forEach((p, i) => {
    const key = `${p.x},${p.y}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = points.map(() => [0, 0] as [number, number]);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.forEach((i, k) => {
      const a = (2 * Math.PI * k) / members.length + Math.PI / 4;
      out[i] = [radius * Math.cos(a), radius * Math.sin(a)];
    });
  }
  return out;
}
