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

/**
 * A history of t months as n whole years and m months (the seed: "将t个月分解为n年m月").
 * @example yearsAndMonths(31) // { years: 2, months: 7 }
 */
export function yearsAndMonths(t: number): { years: number; months: number } {
  const whole = t > 0 ? Math.floor(t) : 0;
  return { years: Math.floor(whole / 12), months: whole % 12 };
}

/**
 * The seed's historical value (历史价值): A × (12·(1 + Q + … + Q^(n−1)) + m·Q^n), where A is the
 * mean monthly profit of the last 6 months and t = n years + m months is the number of months from
 * the joining month to 6 months before the rating; the most recent year counts fully, each year
 * before it Q times the next, the oldest m months Q^n.
 * @example seedHistoricalValue(50, 31, 0.5) // 50 × (12 + 6 + 7 × 0.25) = 987.5
 */
export function seedHistoricalValue(a: number, t: number, q: number): number {
  return a * decayedMonths(Math.floor(t), q);
}

/**
 * Revenue per yuan of extra investment between two periods, ΔQ/ΔP: the seed's reading of "E = 2"
 * ("每投入一元于客户，则可产生两元的收入"), which is not the percentage formula E = (ΔQ/Q)/(ΔP/P)
 * (E = ΔQ/ΔP × P/Q). null without a change in investment.
 * @example marginalReturn(100, 120, 10, 15) // 20 / 5 = 4
 */
export function marginalReturn(q0: number, q1: number, p0: number, p1: number): number | null {
  if (![q0, q1, p0, p1].every(Number.isFinite) || p1 === p0) return null;
  return (q1 - q0) / (p1 - p0);
}

/**
 * Percentile rank in [0, 1] of each value, 0 the smallest and 1 the largest; ties share their mean
 * rank, so the ranks of any list average exactly ½. A single value ranks 1.
 * @example percentileRanks([10, 30, 20]) // [0, 1, 0.5]
 */
export function percentileRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = order.length > 1 ? (i + j) / 2 / (order.length - 1) : 1;
    for (let k = i; k <= j; k++) out[order[k][1]] = r;
    i = j + 1;
  }
  return out;
}

/**
 * Layers 1 / 2 / 3 by rank, 1 the largest values: a value whose rank (counted from the top, over the
 * defined values) lies below `shares[0]` of them is layer 1, below `shares[1]` layer 2, else 3. Equal
 * values share the layer of the first of them, so a tie is never split; null stays null.
 * @example rankLayers([5, 1, 3, null], [1 / 3, 2 / 3]) // [1, 3, 2, null]
 */
export function rankLayers(values: readonly (number | null)[], shares: readonly [number, number]): (1 | 2 | 3 | null)[] {
  const defined = values.flatMap((v, i) => (v == null || !Number.isFinite(v) ? [] : [[v, i] as const])).sort((a, b) => b[0] - a[0]);
  const out: (1 | 2 | 3 | null)[] = values.map(() => null);
  const n = defined.length;
  let layer: 1 | 2 | 3 = 1;
  defined.forEach(([v, i], rank) => {
    if (rank === 0 || v !== defined[rank - 1][0]) layer = rank < shares[0] * n ? 1 : rank < shares[1] * n ? 2 : 3;
    out[i] = layer;
  });
  return out;
}

/**
 * Each component's actual share of the composite: w_k × mean_k / Σ_j w_j × mean_j, the part of the
 * average composite it supplies (which is what a weight is read as). null when the components
 * do not add up to a positive composite or one of them pulls it down (a negative contribution has
 * no share).
 * @example compositeShares([0.5, 0.5], [100, 300]) // [0.25, 0.75]
 */
export function compositeShares(weights: readonly number[], means: readonly number[]): number[] | null {
  const parts = weights.map((w, k) => w * means[k]);
  const total = parts.reduce((s, x) => s + x, 0);
  if (!parts.every((x) => Number.isFinite(x) && x >= 0) || !(total > 0)) return null;
  return parts.map((x) => x / total);
}
