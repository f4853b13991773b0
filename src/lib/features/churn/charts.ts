/**
 * Choices the churn charts make (pure, tested): the column the survival curves open split by, the
 * groups drawn when there are many, the gains curve's points and the months of the at-risk table.
 * The drawing itself is src/lib/charts.
 */

/** Curves a chart draws at most; the table still lists every group. */
export const MAX_CURVES = 6;

/**
 * The split the survival chart opens with: the plan (Contract on the telco file) when it has few
 * levels, else the column with the fewest levels, else none — never 16 overlapping curves.
 */
export function defaultSplit(columns: readonly { name: string; levels: number }[], max = MAX_CURVES): string {
  const few = columns.filter((c) => c.levels >= 2 && c.levels <= max);
  const plan = few.find((c) => c.name === 'plan');
  if (plan) return plan.name;
  return [...few].sort((a, b) => a.levels - b.levels)[0]?.name ?? '';
}

/** The `n` groups with the most customers, in their original order. */
export function largestGroups<T extends { customers: number }>(groups: readonly T[], n = MAX_CURVES): T[] {
  if (groups.length <= n) return [...groups];
  const keep = new Set([...groups].sort((a, b) => b.customers - a.customers).slice(0, n));
  return groups.filter((g) => keep.has(g));
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
