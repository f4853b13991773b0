/**
 * The composite value of seed 004 (0.25 historical + 0.55 current + 0.1 future + 0.1 influence) on
 * one basis, so that a weight means what it says, and the value tier from its rank.
 *
 * Summed as yuan, the four values are over different horizons (history: years of profit; current
 * and future: 3 months; influence: a month), so history dominates whatever its weight. The default
 * basis is percentile ranks: each value becomes 0–100 points by its rank among the customers (ties
 * share a rank), every component then averages 50, and each one's share of the composite is its
 * weight. `monthly` keeps yuan but a month of each (history ÷ its decayed months, which also takes
 * tenure out of it); `yuan` adds the sums as the seed's formula does.
 */
import { mean } from '../../common/lists.ts';
import { compositeShares, decayedMonths, percentileRanks } from '../models/index.ts';
import type { CompositeBasis, CompositeSummary, ValueComponent, ValueTier } from './contract.ts';

export const COMPONENTS: readonly ValueComponent[] = ['historical', 'current', 'future', 'influence'];

/** The values of one component on a basis. `historyMonths` (t) converts history to a month. */
export function onBasis(
  component: ValueComponent,
  values: readonly number[],
  basis: CompositeBasis,
  historyMonths: readonly number[],
  q: number
): number[] {
  if (basis === 'rank') return percentileRanks(values).map((r) => 100 * r);
  if (basis === 'yuan') return [...values];
  if (component === 'historical') return values.map((v, i) => (historyMonths[i] > 0 ? v / decayedMonths(historyMonths[i], q) : 0));
  if (component === 'current' || component === 'future') return values.map((v) => v / 3);
  return [...values];
}

export interface Composite {
  values: number[];
  summary: CompositeSummary;
}

export function composite(
  yuan: Record<ValueComponent, number[]>,
  weights: Record<ValueComponent, number>,
  basis: CompositeBasis,
  historyMonths: readonly number[],
  q: number
): Composite {
  const n = yuan.current.length;
  const based = Object.fromEntries(COMPONENTS.map((k) => [k, onBasis(k, yuan[k], basis, historyMonths, q)])) as Record<
    ValueComponent,
    number[]
  >;
  const values = Array.from({ length: n }, (_, i) => COMPONENTS.reduce((s, k) => s + weights[k] * based[k][i], 0));
  const w = COMPONENTS.map((k) => weights[k]);
  const shares = compositeShares(
    w,
    COMPONENTS.map((k) => mean(based[k]) ?? 0)
  );
  const yuanShares = compositeShares(
    w,
    COMPONENTS.map((k) => mean(yuan[k]) ?? 0)
  );
  return {
    values,
    summary: {
      basis,
      components: COMPONENTS.map((component, k) => ({
        component,
        weight: weights[component],
        meanYuan: mean(yuan[component]),
        meanOnBasis: mean(based[component]),
        share: shares?.[k] ?? null,
        yuanShare: yuanShares?.[k] ?? null
      }))
    }
  };
}

/** Value tiers by rank of the composite: the first `shares[0]` of customers high, up to `shares[1]` medium, the rest low. */
export function valueTiers(values: readonly number[], shares: readonly [number, number]): ValueTier[] {
  const n = values.length;
  const tiers = new Array<ValueTier>(n);
  values
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0])
    .forEach(([, i], rank) => {
      tiers[i] = rank < shares[0] * n ? 'high' : rank < shares[1] * n ? 'medium' : 'low';
    });
  return tiers;
}
