/**
 * The parameters of the Customer value assessment (seed 004) and their defaults: the page's form
 * and shared links and the engine both use them, so they live here, beside no code of either side.
 * The rest of the value protocol is in workers/value/contract.ts.
 */

export type ValueComponent = 'historical' | 'current' | 'future' | 'influence';

export interface ValueParams {
  /** Evaluation month `YYYY-MM`; null means the last month in the data. */
  evaluationMonth: string | null;
  /** Yearly decay Q of the historical value (a month y whole years back counts Q^y), 0 < Q ≤ 1. */
  decay: number;
  /** Weights of the four values; each in [0, 1], summing to 1. */
  weights: Record<ValueComponent, number>;
  /** Rank shares (not yuan) ending the high and the medium value tier: [0.2, 0.5] = top 20% high, next 30% medium. */
  valueTierShares: [number, number];
  /** Value groups for the future-value regressions (seed: 3). */
  groups: number;
  /** Lowest credit score (0–100) of AAA, AA, A, BBB, BB and B; below the last is CCC. */
  creditCuts: [number, number, number, number, number, number];
  /** Rank shares ending the high, fairly high and average loyalty bands (seed: 10%, 60%, 90%). */
  loyaltyCuts: [number, number, number];
  /** Last month `YYYY-MM` of the 3-month base period of value elasticity (compared with the 3 months
   * ending at the evaluation month); null means the 3 months just before those. */
  elasticityBase: string | null;
  /** Elasticity below the first is low, from the first to the second medium, above high. */
  elasticityCuts: [number, number];
  /** Upper bounds of the monthly spending tiers of the value map (yuan). */
  spendBands: number[];
  /** Upper bounds of the tenure bands of the value map (months). */
  tenureBands: number[];
}

export const DEFAULT_VALUE_PARAMS: ValueParams = {
  evaluationMonth: null,
  decay: 0.5,
  weights: { historical: 0.25, current: 0.55, future: 0.1, influence: 0.1 },
  valueTierShares: [0.2, 0.5],
  groups: 3,
  creditCuts: [85, 75, 65, 55, 45, 35],
  loyaltyCuts: [0.1, 0.6, 0.9],
  elasticityBase: null,
  elasticityCuts: [0, 1],
  spendBands: [30, 60, 100, 200],
  tenureBands: [6, 12, 24, 36, 60]
};

/** Columns of the per-customer table, in CSV order. */
export const VALUE_ROW_KEYS = [
  'customerId', 'historical', 'historyMethod', 'current', 'future', 'influence', 'composite', 'tier',
  'creditScore', 'credit', 'loyaltyScore', 'loyalty', 'elasticity', 'elasticityLayer'
] as const;
export type ValueRowKey = (typeof VALUE_ROW_KEYS)[number];
