/**
 * Small closed-form pieces of seed 004 (Shenzhen Mobile, customer value assessment), kept here so
 * each formula is tested once and the engine only wires data to them.
 */

/**
 * Σ_{k=0}^{t−1} Q^⌊k/12⌋: the decayed number of months in a history of t months, the most recent
 * month first (a month y whole years back counts Q^y). The seed splits t into n years and m months:
 * 12 (1 − Q^n) / (1 − Q) + m Q^n. Times the mean monthly profit A of the last 6 months, this is the
 * seed's historical value where the monthly history is missing.
 * @example decayedMonths(30, 0.5) // 12 + 6 + 6 × 0.25 = 19.5
 */
export function decayedMonths(t: number, q: number): number {
  if (!(t > 0)) return 0;
  const n = Math.floor(t / 12);
  const m = t - 12 * n;
  const whole = q === 1 ? 12 * n : (12 * (1 - q ** n)) / (1 - q);
  return whole + m * q ** n;
}

/**
 * Value elasticity E = (ΔQ/Q) / (ΔP/P) between two periods (Q revenue, P marketing investment),
 * with the base period as denominator: E = 2 means a 10% rise in investment came with a 20% rise
 * in revenue. null where it is undefined: no base revenue or investment, or no change in investment
 * (reported as undefined, never as zero or infinity).
 * @example valueElasticity(100, 120, 10, 15) // (20/100) / (5/10) = 0.4
 */
export function valueElasticity(q0: number, q1: number, p0: number, p1: number): number | null {
  if (![q0, q1, p0, p1].every(Number.isFinite)) return null;
  if (q0 === 0 || p0 === 0 || p1 === p0) return null;
  return (q1 - q0) / q0 / ((p1 - p0) / p0);
}

export type LoyaltyBand = 'high' | 'fairlyHigh' | 'average' | 'low';

/**
 * The seed's loyalty bands by rank share (0 = most loyal, 1 = least): high 0–10%, fairly high
 * 10–60%, average 60–90%, low 90–100%. `cuts` makes the boundaries editable.
 * @example loyaltyBand(0.05) // 'high'
 */
export function loyaltyBand(rankShare: number, cuts: readonly [number, number, number] = [0.1, 0.6, 0.9]): LoyaltyBand {
  if (rankShare < cuts[0]) return 'high';
  if (rankShare < cuts[1]) return 'fairlyHigh';
  if (rankShare < cuts[2]) return 'average';
  return 'low';
}
