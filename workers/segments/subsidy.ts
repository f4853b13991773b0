/**
 * Subsidy rate against conversion and the ARPU band where a campaign pays most (seed 004, 深圳移动:
 * "过高的策略补贴力度导致了低转化率 … 基于补贴率与转化率的相关性分析，提出20%的策略控制点" and
 * "目标客户群的定位应该集中于ARPU 50-80的层次中，可以得到效益最大化").
 *
 * - Subsidy rate = offered subsidy / ARPU before (yuan per yuan of monthly bill), rounded to the
 *   nearest 5% point; conversion = responders / customers at each point. Customers without an ARPU
 *   before (a silent number billed 0) or without a subsidy have no rate: they are counted, not plotted. The control point is the
 *   peak of a weighted (by customers) least-squares parabola through the points, reported only when
 *   the parabola opens downwards and peaks inside the observed rates.
 * - Net gain per targeted customer of an ARPU band (yuan / month) = take-up × (mean ARPU change of
 *   takers − mean ARPU change of non-takers − mean subsidy per taker): the non-takers of the same
 *   band are the baseline of the change and the subsidy is paid on take-up only. Uses the target arm
 *   (the control arm is small and was offered nothing); a band needs at least one taker and one
 *   non-taker. Without a subsidy column the subsidy term is 0 and there is no curve.
 */
import { mean } from '../../common/lists.ts';
import type { BandGain, SubsidyAnalysis, SubsidyPoint, SubsidyProblem } from './contract.ts';

export interface SubsidyRow {
  arm: 'target' | 'control';
  responded: boolean;
  arpu_before: number;
  arpu_after: number;
  subsidy: number | null;
}

export const RATE_STEP = 0.05;
/** Default ARPU band upper bounds (yuan), so the seed's 50–80 band is one of them. */
export const DEFAULT_ARPU_BANDS = [30, 50, 80, 120];
/** Points with fewer customers are shown but left out of the parabola. */
const MIN_POINT = 10;

/** Weighted least squares y = a x² + b x + c; null when the 3×3 system is singular. */
export function fitParabola(x: number[], y: number[], w: number[]): [number, number, number] | null {
  const s = (f: (i: number) => number) => x.reduce((t, _, i) => t + w[i] * f(i), 0);
  const m = [
    [s((i) => x[i] ** 4), s((i) => x[i] ** 3), s((i) => x[i] ** 2), s((i) => x[i] ** 2 * y[i])],
    [s((i) => x[i] ** 3), s((i) => x[i] ** 2), s((i) => x[i]), s((i) => x[i] * y[i])],
    [s((i) => x[i] ** 2), s((i) => x[i]), s(() => 1), s((i) => y[i])]
  ];
  // Gauss–Jordan with partial pivoting.
  for (let col = 0; col < 3; col++) {
    let p = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(m[r][col]) > Math.abs(m[p][col])) p = r;
    if (Math.abs(m[p][col]) < 1e-12) return null;
    [m[col], m[p]] = [m[p], m[col]];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let k = col; k < 4; k++) m[r][k] -= f * m[col][k];
    }
  }
  return [m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]];
}

/** Conversion by subsidy-rate point, the fitted parabola and its peak (the control point). */
export function subsidyCurve(rows: SubsidyRow[]): {
  curve: SubsidyPoint[];
  controlPoint: number | null;
  problem: SubsidyProblem | null;
  withoutRate: number;
} {
  const by = new Map<number, { n: number; r: number }>();
  let withoutRate = 0;
  for (const o of rows) {
    if (o.subsidy == null || !(o.arpu_before > 0) || !Number.isFinite(o.subsidy)) {
      withoutRate++;
      continue;
    }
    const rate = Math.round(Math.min(1, Math.max(0, o.subsidy / o.arpu_before)) / RATE_STEP) * RATE_STEP;
    const key = Math.round(rate * 100) / 100;
    const p = by.get(key) ?? { n: 0, r: 0 };
    p.n++;
    if (o.responded) p.r++;
    by.set(key, p);
  }
  const curve: SubsidyPoint[] = [...by.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rate, p]) => ({ rate, customers: p.n, responders: p.r, conversion: p.r / p.n, fitted: null }));
  const used = curve.filter((p) => p.customers >= MIN_POINT);
  if (used.length < 3) return { curve, controlPoint: null, problem: 'few-rates', withoutRate };
  const fit = fitParabola(
    used.map((p) => p.rate),
    used.map((p) => p.conversion),
    used.map((p) => p.customers)
  );
  if (!fit) return { curve, controlPoint: null, problem: 'few-rates', withoutRate };
  const [a, b, c] = fit;
  for (const p of curve) p.fitted = a * p.rate ** 2 + b * p.rate + c;
  const peak = a < 0 ? -b / (2 * a) : NaN;
  const inside = Number.isFinite(peak) && peak > used[0].rate && peak < used[used.length - 1].rate;
  return { curve, controlPoint: inside ? peak : null, problem: inside ? null : 'no-peak', withoutRate };
}

/** Net gain per targeted customer by ARPU band (upper bounds `edges`, the last band open). */
export function bandGains(rows: SubsidyRow[], edges: number[]): BandGain[] {
  const ups = [...new Set(edges.filter((e) => Number.isFinite(e) && e > 0))].sort((a, b) => a - b);
  const lows = [0, ...ups];
  return lows.map((low, i) => {
    const high = ups[i] ?? null;
    const inBand = rows.filter((o) => o.arm === 'target' && o.arpu_before >= low && (high == null || o.arpu_before < high));
    const takers = inBand.filter((o) => o.responded);
    const others = inBand.filter((o) => !o.responded);
    const takerChange = mean(takers.map((o) => o.arpu_after - o.arpu_before));
    const otherChange = mean(others.map((o) => o.arpu_after - o.arpu_before));
    const subsidyPerTaker = mean(takers.map((o) => o.subsidy ?? 0));
    const takeUp = inBand.length ? takers.length / inBand.length : 0;
    const net =
      takerChange != null && otherChange != null && subsidyPerTaker != null ? takeUp * (takerChange - otherChange - subsidyPerTaker) : null;
    return { low, high, customers: inBand.length, responders: takers.length, takeUp, takerChange, otherChange, subsidyPerTaker, net };
  });
}

/** The whole analysis with its degenerate cases named (never NaN). */
export function analyseSubsidy(rows: SubsidyRow[], edges: number[] = DEFAULT_ARPU_BANDS): SubsidyAnalysis {
  const problems: SubsidyProblem[] = [];
  const hasSubsidy = rows.some((o) => o.subsidy != null);
  if (!rows.some((o) => o.responded)) {
    return { hasSubsidy, curve: [], withoutRate: 0, controlPoint: null, bands: [], best: null, problems: ['no-responders'] };
  }
  let curve: SubsidyPoint[] = [];
  let controlPoint: number | null = null;
  let withoutRate = 0;
  if (!hasSubsidy) problems.push('no-subsidy');
  else {
    const c = subsidyCurve(rows);
    ({ curve, controlPoint, withoutRate } = c);
    if (c.problem) problems.push(c.problem);
  }
  const bands = bandGains(rows, edges);
  const judged = bands.map((b, i) => ({ b, i })).filter(({ b }) => b.net != null);
  let best: number | null = null;
  if (judged.length < 2) problems.push('one-band');
  else best = judged.reduce((x, y) => (y.b.net! > x.b.net! ? y : x)).i;
  return { hasSubsidy, curve, withoutRate, controlPoint, bands, best, problems };
}
