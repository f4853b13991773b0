/**
 * The parameters of the Customer value assessment (seed 004) and their defaults: the page's form
 * and shared links and the engine both use them, so they live here, beside no code of either side.
 * The rest of the value protocol is in workers/value/contract.ts.
 */

export type ValueComponent = 'historical' | 'current' | 'future' | 'influence';

/**
 * The basis the four values are put on before weighting. `rank`: each value's percentile rank,
 * 0–100 points (unitless, so a weight is the component's share of the composite); `monthly`: yuan
 * a month (history ÷ its decayed months, current and future ÷ 3); `yuan`: the four sums as they
 * are, each over its own horizon (history: years; current, future: 3 months), as the seed adds them.
 */
export type CompositeBasis = 'rank' | 'monthly' | 'yuan';
export const COMPOSITE_BASES: readonly CompositeBasis[] = ['rank', 'monthly', 'yuan'];

/**
 * Historical value from the seed's formula, A (mean monthly profit of the last 6 months) × the
 * decayed months of t, or from each month's observed profit where the panel has it.
 */
export type HistoryBasis = 'seed' | 'observed';
export const HISTORY_BASES: readonly HistoryBasis[] = ['seed', 'observed'];

/** The value map's strategy rule (seed 004: special care for mid/high-end and long-tenure cells, nurture for new customers). */
export interface MapStrategyRule {
  /** Mid/high-end from this mean monthly spend (yuan). */
  careSpend: number;
  /** Long tenure from this many months. */
  careTenure: number;
  /** New customers below this many months. */
  nurtureTenure: number;
}

export interface ValueParams {
  /** Evaluation month `YYYY-MM`; null means the last month in the data. */
  evaluationMonth: string | null;
  /** Yearly decay Q of the historical value (a month y whole years back counts Q^y), 0 < Q ≤ 1. */
  decay: number;
  /** How the historical value is computed. */
  historyBasis: HistoryBasis;
  /** The basis the four values are put on before weighting. */
  compositeBasis: CompositeBasis;
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
  /** Rank shares (from the most elastic) ending layers 1 and 2 of E: [0.3333, 0.6667] = thirds. */
  elasticityLayerShares: [number, number];
  /** The value map's strategy rule. */
  mapStrategy: MapStrategyRule;
  /** Upper bounds of the monthly spending tiers of the value map (yuan). */
  spendBands: number[];
  /** Upper bounds of the tenure bands of the value map (months). */
  tenureBands: number[];
}

export const DEFAULT_MAP_STRATEGY: MapStrategyRule = { careSpend: 100, careTenure: 36, nurtureTenure: 12 };

export const DEFAULT_VALUE_PARAMS: ValueParams = {
  evaluationMonth: null,
  decay: 0.5,
  historyBasis: 'seed',
  compositeBasis: 'rank',
  weights: { historical: 0.25, current: 0.55, future: 0.1, influence: 0.1 },
  valueTierShares: [0.2, 0.5],
  groups: 3,
  creditCuts: [85, 75, 65, 55, 45, 35],
  loyaltyCuts: [0.1, 0.6, 0.9],
  elasticityBase: null,
  elasticityLayerShares: [0.3333, 0.6667],
  mapStrategy: DEFAULT_MAP_STRATEGY,
  spendBands: [30, 60, 100, 200],
  tenureBands: [6, 12, 24, 36, 60]
};

/** Columns of the per-customer table, in CSV order. */
export const VALUE_ROW_KEYS = [
  'customerId',
  'historical',
  'historyMonths',
  'historyMethod',
  'current',
  'future',
  'influence',
  'composite',
  'tier',
  'creditScore',
  'credit',
  'loyaltyScore',
  'loyalty',
  'elasticity',
  'revenuePerYuan',
  'elasticityLayer'
] as const;
export type ValueRowKey = (typeof VALUE_ROW_KEYS)[number];
