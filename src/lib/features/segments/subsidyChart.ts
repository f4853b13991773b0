/**
 * Layout of the subsidy-rate vs conversion-rate chart (seed 004's 20% control point): observed
 * points, the fitted parabola as a path, and the control point's vertical marker. d3 scales only;
 * the component renders SVG.
 */
import { line, scaleLinear } from 'd3';
import type { SubsidyPoint } from '$workers/segments/contract';

export interface SubsidyLayout {
  width: number;
  height: number;
  points: { x: number; y: number; rate: number; conversion: number; customers: number }[];
  /** Path of the fitted curve ('' when there is none). */
  fitted: string;
  /** x of the control point, null when there is none. */
  marker: number | null;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
}

const PAD = { left: 42, right: 12, top: 12, bottom: 30 };

export function subsidyLayout(curve: SubsidyPoint[], controlPoint: number | null, width = 420, height = 220): SubsidyLayout {
  const rates = curve.map((p) => p.rate);
  const ys = curve.flatMap((p) => [p.conversion, p.fitted ?? 0]).filter((v) => Number.isFinite(v));
  const x = scaleLinear().domain([Math.min(0, ...rates), Math.max(0.05, ...rates)]).range([PAD.left, width - PAD.right]);
  const y = scaleLinear().domain([0, Math.max(0.05, ...ys) * 1.1]).nice().range([height - PAD.bottom, PAD.top]);
  const fittedPts = curve.filter((p) => p.fitted != null && Number.isFinite(p.fitted));
  // The parabola between the points, sampled finely so it reads as a curve.
  let fitted = '';
  if (fittedPts.length >= 3) {
    const [a, b, c] = parabolaThrough(fittedPts);
    const lo = fittedPts[0].rate, hi = fittedPts[fittedPts.length - 1].rate;
    const xs = Array.from({ length: 41 }, (_, i) => lo + ((hi - lo) * i) / 40);
    fitted = line<number>().x((r) => x(r)).y((r) => y(Math.max(0, a * r * r + b * r + c)))(xs) ?? '';
  }
  return {
    width, height,
    points: curve.map((p) => ({ x: x(p.rate), y: y(p.conversion), rate: p.rate, conversion: p.conversion, customers: p.customers })),
    fitted,
    marker: controlPoint != null && Number.isFinite(controlPoint) ? x(controlPoint) : null,
    xTicks: x.ticks(5).map((t) => ({ x: x(t), label: `${Math.round(t * 100)}%` })),
    yTicks: y.ticks(4).map((t) => ({ y: y(t), label: `${Math.round(t * 100)}%` }))
  };
}

/** The parabola through the first, middle and last fitted values (they lie on it exactly). */
function parabolaThrough(p: SubsidyPoint[]): [number, number, number] {
  const [p1, p2, p3] = [p[0], p[Math.floor(p.length / 2)], p[p.length - 1]];
  const [x1, x2, x3] = [p1.rate, p2.rate, p3.rate];
  const [y1, y2, y3] = [p1.fitted!, p2.fitted!, p3.fitted!];
  const d = (x1 - x2) * (x1 - x3) * (x2 - x3);
  const a = (x3 * (y2 - y1) + x2 * (y1 - y3) + x1 * (y3 - y2)) / d;
  const b = (x3 * x3 * (y1 - y2) + x2 * x2 * (y3 - y1) + x1 * x1 * (y2 - y3)) / d;
  const c = (x2 * x3 * (x2 - x3) * y1 + x3 * x1 * (x3 - x1) * y2 + x1 * x2 * (x1 - x2) * y3) / d;
  return [a, b, c];
}
