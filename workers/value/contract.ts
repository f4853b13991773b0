/**
 * The value feature's part of the engine protocol (see workers/contract.ts, which combines them):
 * customer value assessment after seed 004 (Shenzhen Mobile): historical, current, future and
 * influence value with their weighted composite, credit rating, loyalty, value elasticity and the
 * value map. Everything crossing is plain data.
 */
import type { ProgressFn } from '../contract.ts';
import type { RuleSetId } from '../lifecycle/contract.ts';

/** Why a value assessment can fail; the UI translates the code (ModelErrors are mapped onto these). */
export type ValueErrorCode =
  | 'value-needs-panel' | 'value-needs-revenue' | 'value-bad-weights' | 'value-bad-params' | 'value-not-assessed'
  | 'value-too-few-customers' | 'value-model-failed';

export type ValueComponent = 'historical' | 'current' | 'future' | 'influence';
export type ValueTier = 'high' | 'medium' | 'low';
export type CreditGrade = 'AAA' | 'AA' | 'A' | 'BBB' | 'BB' | 'B' | 'CCC' | '-' | 'X';
export type LoyaltyBandName = 'high' | 'fairlyHigh' | 'average' | 'low';
export type ElasticityLayer = 'high' | 'medium' | 'low' | 'undefined';
export type HistoryMethod = 'observed' | 'mixed' | 'approximated';

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

/** A degradation or remark the UI translates: `key` names the message, `vars` fill it. */
export interface ValueNote {
  key: string;
  vars?: Record<string, string | number>;
}

export interface CurvePoint {
  x: number;
  /** Cumulative share of evaluated customers with an error ≤ x. */
  share: number;
}

export interface FutureGroup {
  /** 0 = the lowest-spending group. */
  group: number;
  /** Range of mean monthly revenue (last 6 months) that defines the group, from the training window. */
  from: number | null;
  to: number | null;
  trained: number;
  coefficients: { term: string; estimate: number; standardError: number | null }[];
  rSquared: number | null;
  /** Indicators left out in this group because they did not vary. */
  dropped: string[];
  /** How this group's predictions are made: its own fit, the pooled fit, or 3 × its 6-month mean. */
  model: 'group' | 'pooled' | 'naive';
  evaluated: number;
  meanAbsError: number | null;
  absCurve: CurvePoint[];
  relCurve: CurvePoint[];
  /** Evaluated customers whose actual revenue was 0 (relative error undefined). */
  zeroActual: number;
}

export interface FutureSummary {
  /** Last month of the indicator window used for training; its target is the 3 months after. */
  trainMonth: string;
  /** Last month of the later indicator window the fit is judged on (null: not enough months). */
  evalMonth: string | null;
  features: string[];
  groups: FutureGroup[];
}

export interface CreditSummary {
  grades: { grade: CreditGrade; customers: number }[];
  rules: { rule: 'down3' | 'down6' | 'up36' | 'unrated' | 'special'; customers: number }[];
  /** Inputs of the credit score that were present. */
  inputs: string[];
}

export interface LoyaltySummary {
  dimensions: { dimension: string; weight: number; indicators: { indicator: string; weight: number }[] }[];
  bands: { band: LoyaltyBandName; customers: number; meanScore: number | null }[];
  /** Band × value tier counts. */
  byTier: { band: LoyaltyBandName; tier: ValueTier; customers: number }[];
  /**
   * Band × lifecycle stage counts, when the Lifecycle tab has computed stages for this dataset
   * (stage codes of the rule set it ran; '–' for customers without a stage that month).
   */
  byStage: { band: LoyaltyBandName; stage: string; customers: number }[] | null;
  /** The rule set whose stages `byStage` counts; null with byStage. */
  byStageRuleSet: RuleSetId | null;
}

export interface ElasticitySummary {
  baseMonths: [string, string];
  compareMonths: [string, string];
  layers: { layer: ElasticityLayer; customers: number; medianElasticity: number | null }[];
}

export interface MapCell {
  spend: number;
  tenure: number;
  customers: number;
  /** Mean monthly revenue of the last 3 months. */
  revenue: number | null;
  meanValue: number | null;
  churnRate: number | null;
}

export interface ValueMap {
  spendLabels: string[];
  tenureLabels: string[];
  cells: MapCell[];
  /** What the churn rate counts: churn in the 3 months after evaluation, in the evaluation month, or nothing. */
  churnBasis: 'next3' | 'evaluationMonth' | 'none';
}

export interface ValueAssessment {
  datasetId: string;
  evaluationMonth: string;
  months: string[];
  customers: number;
  notes: ValueNote[];
  means: Record<ValueComponent | 'composite', number | null>;
  tiers: { tier: ValueTier; customers: number; minValue: number | null; meanValue: number | null }[];
  history: Record<HistoryMethod, number>;
  influenceParts: { part: string; column: string | null; customers: number }[];
  future: FutureSummary | null;
  credit: CreditSummary;
  loyalty: LoyaltySummary | null;
  elasticity: ElasticitySummary | null;
  map: ValueMap;
}

/** Columns of the per-customer table, in CSV order. */
export const VALUE_ROW_KEYS = [
  'customerId', 'historical', 'historyMethod', 'current', 'future', 'influence', 'composite', 'tier',
  'creditScore', 'credit', 'loyaltyScore', 'loyalty', 'elasticity', 'elasticityLayer'
] as const;
export type ValueRowKey = (typeof VALUE_ROW_KEYS)[number];
export type ValueRow = Record<ValueRowKey, string | number | null>;

export interface ValueApi {
  /** Scores every customer on the network in the evaluation month; keeps them for valueRows/valueCsv. */
  assessValue(datasetId: string, params: ValueParams, onProgress?: ProgressFn): Promise<ValueAssessment>;
  /** The top `limit` customers of the last assessment by a column. */
  valueRows(datasetId: string, sortBy: ValueRowKey, descending: boolean, limit: number): Promise<ValueRow[]>;
  /** The whole per-customer table of the last assessment as CSV text (UTF-8 BOM, for Excel). */
  valueCsv(datasetId: string): Promise<string>;
}
