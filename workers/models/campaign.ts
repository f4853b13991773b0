/**
 * Campaign arithmetic of seed 004 (Shenzhen Mobile): a seeded random control group, the uplift of
 * the target arm over control with a Welch 95% interval, and the ROI of a campaign
 * (list size × success rate × ARPU gain × months − cost).
 */
import { seededUniform } from './prng.ts';
import { lbeta } from './special.ts';
import { ModelError } from './errors.ts';

/** Splits ids into target and control: exactly round(share·n) controls, chosen by a seeded shuffle. */
export function splitControl<T>(ids: readonly T[], share: number, seed: number): { target: T[]; control: T[] } {
  if (!(share >= 0 && share < 1)) throw new ModelError('invalid-input', 'Control share must be in [0, 1).');
  const uniform = seededUniform(seed);
  const order = ids.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nControl = Math.round(share * ids.length);
  const isControl = new Uint8Array(ids.length);
  for (let i = 0; i < nControl; i++) isControl[order[i]] = 1;
  return { target: ids.filter((_, i) => !isControl[i]), control: ids.filter((_, i) => isControl[i]) };
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4). */
function betaInc(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - betaInc(1 - x, b, a);
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - lbeta(a, b)) / a;
  let f = 1, c = 1, d = 0;
  for (let i = 0; i <= 300; i++) {
    const m = i >> 1;
    const num = i === 0 ? 1 : i % 2 === 0 ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)) : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    d = Math.abs(d) < 1e-300 ? 1e-300 : d;
    d = 1 / d;
    c = 1 + num / c;
    c = Math.abs(c) < 1e-300 ? 1e-300 : c;
    const cd = c * d;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-12) break;
  }
  return front * (f - 1);
}

/** Student t CDF with (possibly fractional) df. */
export function studentTCdf(t: number, df: number): number {
  const p = 0.5 * betaInc(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - p : p;
}

/** Student t quantile by bisection (p in (0, 1)). */
export function studentTQuantile(p: number, df: number): number {
  let lo = -1e3, hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface WelchResult {
  meanA: number;
  meanB: number;
  /** meanA − meanB */
  difference: number;
  se: number;
  df: number;
  low: number;
  high: number;
}

/** Difference of means with Welch's unequal-variance interval (R: `t.test(a, b, var.equal = FALSE)`). */
export function welchInterval(a: readonly number[], b: readonly number[], level = 0.95): WelchResult {
  if (a.length < 2 || b.length < 2) throw new ModelError('too-few-rows', 'Each arm needs at least two customers.');
  const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const variance = (v: readonly number[], mu: number) => v.reduce((s, x) => s + (x - mu) ** 2, 0) / (v.length - 1);
  const meanA = mean(a), meanB = mean(b);
  const va = variance(a, meanA) / a.length, vb = variance(b, meanB) / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const q = se > 0 ? studentTQuantile(1 - (1 - level) / 2, df) : 0;
  const difference = meanA - meanB;
  return { meanA, meanB, difference, se, df, low: difference - q * se, high: difference + q * se };
}

export interface RoiInput {
  listSize: number;
  successRate: number;
  /** Monthly ARPU gain per retained/converted customer (yuan). */
  arpuGain: number;
  months: number;
  cost: number;
}

/** ROI = list size × success rate × ARPU gain × months − cost, with the intermediate numbers. */
export function campaignRoi(x: RoiInput): { successes: number; gain: number; net: number; roi: number | null } {
  const successes = x.listSize * x.successRate;
  const gain = successes * x.arpuGain * x.months;
  const net = gain - x.cost;
  return { successes, gain, net, roi: x.cost > 0 ? net / x.cost : null };
}
