/**
 * The value feature's part of the engine protocol (see workers/contract.ts, which combines them):
 * customer value assessment after seed 004 (Shenzhen Mobile): historical, current, future and
 * influence value with their weighted composite, credit rating, loyalty, value elasticity and the
 * value map. Everything crossing is plain data.
 */
import type { ProgressFn } from '../contract.ts';
import type { StageSet } from '../lifecycle/contract.ts';
import type { ValueComponent, ValueParams, ValueRowKey } from '../../common/valueParams.ts';

export type { ValueComponent, ValueParams, ValueRowKey };

/** Why a value assessment can fail; the UI translates the code (ModelErrors are mapped onto these). */
export type ValueErrorCode =
  | 'value-needs-panel' | 'value-needs-revenue' | 'value-bad-weights' | 'value-bad-params' | 'value-not-assessed'
  | 'value-too-few-customers' | 'value-model-failed';

export type ValueTier = 'high' | 'medium' | 'low';
export type CreditGrade = 'AAA' | 'AA' | 'A' | 'BBB' | 'BB' | 'B' | 'CCC' | '-' | 'X';
export type LoyaltyBandName = 'high' | 'fairlyHigh' | 'average' | 'low';
export type ElasticityLayer = 'high' | 'medium' | 'low' | 'undefined';
export type HistoryMethod = 'observed' | 'mixed' | 'approximated';

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
  /** The stages `byStage` counts (rule set, order, names); null with byStage. */
  byStageSet: StageSet | null;
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

export type ValueRow = Record<ValueRowKey, string | number | null>;

export interface ValueApi {
  /** Scores every customer on the network in the evaluation month; keeps them for valueRows/valueCsv. */
  assessValue(datasetId: string, params: ValueParams, onProgress?: ProgressFn): Promise<ValueAssessment>;
  /** The top `limit` customers of the last assessment by a column. */
  valueRows(datasetId: string, sortBy: ValueRowKey, descending: boolean, limit: number): Promise<ValueRow[]>;
  /** The whole per-customer table of the last assessment as CSV text (UTF-8 BOM, for Excel). */
  valueCsv(datasetId: string): Promise<string>;
}
