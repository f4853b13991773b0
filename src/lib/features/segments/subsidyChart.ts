/**
 * The fitted curve of the subsidy-rate vs conversion-rate chart (seed 004's 20% control point): the
 * parabola through the worker's fitted values, sampled finely so it reads as a curve (pure, tested).
 */
import type { SubsidyPoint } from '$workers/segments/contract';

/** 41 points of the fitted parabola between the first and last fitted rates (none with fewer than 3). */
export function fittedCurve(curve: readonly SubsidyPoint[]): { rate: number; value: number }[] {
  const pts = curve.filter((p) => p.fitted != null && Number.isFinite(p.fitted));
  if (pts.length < 3) return [];
  const [a, b, c] = parabolaThrough(pts);
  const lo = pts[0].rate,
    hi = pts[pts.length - 1].rate;
  return Array.from({ length: 41 }, (_, i) => {
    const rate = lo + ((hi - lo) * i) / 40;
    return { rate, value: Math.max(0, a * rate * rate + b * rate + c) };
  });
}

/** The parabola through the first, middle and last fitted values (they lie on it exactly). */
function parabolaThrough(p: readonly SubsidyPoint[]): [number, number, number] {
  const [p1, p2, p3] = [p[0], p[Math.floor(p.length / 2)], p[p.length - 1]];
  const [x1, x2, x3] = [p1.rate, p2.rate, p3.rate];
  const [y1, y2, y3] = [p1.fitted!, p2.fitted!, p3.fitted!];
  const d = (x1 - x2) * (x1 - x3) * (x2 - x3);
  const a = (x3 * (y2 - y1) + x2 * (y1 - y3) + x1 * (y3 - y2)) / d;
  const b = (x3 * x3 * (y1 - y2) + x2 * x2 * (y3 - y1) + x1 * x1 * (y2 - y3)) / d;
  const c = (x2 * x3 * (x2 - x3) * y1 + x3 * x1 * (x3 - x1) * y2 + x1 * x2 * (x1 - x2) * y3) / d;
  return [a, b, c];
}
