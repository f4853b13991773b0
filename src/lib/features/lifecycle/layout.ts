/**
 * Layout maths for the lifecycle charts (pure, tested): the stacked stage distribution by month and
 * a two-column stage-to-stage flow (a minimal Sankey: nodes stacked by their totals, one band per
 * from→to pair whose width is its count).
 */
import { scaleBand, scaleLinear, stack } from 'd3';

export interface StackRect { stage: number; month: number; x: number; y: number; width: number; height: number; value: number }

/** Stacked bars: series[stage][month] counts; bars in months, stages bottom-up in their order. */
export function layoutStack(months: string[], series: number[][], width: number, height: number, margin = { top: 10, right: 10, bottom: 30, left: 56 }) {
  const x = scaleBand<string>().domain(months).range([margin.left, width - margin.right]).padding(0.12);
  const rows = months.map((_, m) => Object.fromEntries(series.map((s, i) => [String(i), s[m] ?? 0])));
  const stacked = stack<Record<string, number>>().keys(series.map((_, i) => String(i)))(rows);
  const max = Math.max(1, ...rows.map((r) => Object.values(r).reduce((a, b) => a + b, 0)));
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const rects: StackRect[] = stacked.flatMap((layer, stage) =>
    layer.map(([y0, y1], month) => ({
      stage, month, x: x(months[month]) ?? 0, y: y(y1), width: x.bandwidth(), height: y(y0) - y(y1), value: y1 - y0
    })).filter((r) => r.value > 0));
  const every = Math.max(1, Math.ceil(months.length / 12));
  return {
    rects,
    yTicks: y.ticks(5).map((value) => ({ y: y(value), value })),
    xTicks: months.filter((_, i) => i % every === 0).map((label) => ({ x: (x(label) ?? 0) + x.bandwidth() / 2, label }))
  };
}

export interface FlowNode { stage: number; side: 'from' | 'to'; x: number; y: number; height: number; value: number }
export interface FlowBand { from: number; to: number; value: number; path: string }

/**
 * Two columns of nodes (left: stage this month, right: stage next month) and a band per non-zero
 * transition. Nodes are stacked top-down in stage order with `gap` pixels between them; a band
 * leaves its source below the bands of earlier targets and enters its target below those of
 * earlier sources, so bands never cross inside a node.
 */
export function layoutFlow(matrix: number[][], width: number, height: number, nodeWidth = 14, gap = 8) {
  const n = matrix.length;
  const out = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const inn = matrix[0]?.map((_, j) => matrix.reduce((a, row) => a + (row[j] ?? 0), 0)) ?? [];
  const total = out.reduce((a, b) => a + b, 0);
  const usable = Math.max(1, height - gap * Math.max(0, n - 1));
  const k = total > 0 ? usable / total : 0;
  const column = (values: number[], side: 'from' | 'to', x: number): FlowNode[] => {
    let y = 0;
    return values.map((value, stage) => {
      const node = { stage, side, x, y, height: value * k, value };
      y += value * k + gap;
      return node;
    });
  };
  const left = column(out, 'from', 0);
  const right = column(inn, 'to', width - nodeWidth);
  const leftOffset = left.map((d) => d.y);
  const rightOffset = right.map((d) => d.y);
  const bands: FlowBand[] = [];
  const x0 = nodeWidth;
  const x1 = width - nodeWidth;
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
      bands.push({ from: i, to: j, value, path });
    }
  }
  return { left, right, bands, total };
}

/** Row shares of a matrix (each row sums to 1; an empty row stays null). */
export function rowShares(matrix: number[][]): (number | null)[][] {
  return matrix.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (sum > 0 ? v / sum : null));
  });
}

/** Value-tier labels from sorted cut points: <50, 50–150, ≥150. */
export function tierLabels(cuts: number[]): string[] {
  if (cuts.length === 0) return ['all'];
  return [`<${cuts[0]}`, ...cuts.slice(1).map((c, i) => `${cuts[i]}–${c}`), `≥${cuts[cuts.length - 1]}`];
}

