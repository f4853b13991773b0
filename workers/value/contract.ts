/**
 * The value feature's part of the engine protocol (see workers/contract.ts, which combines them):
 * customer value assessment after seed 004 (Shenzhen Mobile): historical, current, future and
 * influence value with their weighted composite, credit rating, loyalty, value elasticity, the
 * value map and group value monitoring. Everything crossing is plain data.
 */
import type { ProgressFn } from '../contract.ts';
import type { StageSet } from '../lifecycle/contract.ts';
import type { CompositeBasis, HistoryBasis, ValueComponent, ValueParams, ValueRowKey } from '../../common/valueParams.ts';

export type { CompositeBasis, HistoryBasis, ValueComponent, ValueParams, ValueRowKey };

/** Why a value assessment can fail; the UI translates the code (ModelErrors are mapped onto these). */
export type ValueErrorCode =
  | 'value-needs-panel'
  | 'value-needs-revenue'
  | 'value-bad-weights'
  | 'value-bad-params'
  | 'value-not-assessed'
  | 'value-too-few-customers'
  | 'value-model-failed';

/**
 * The value tier: the one tier of every tab, by rank of the composite value (top 20% high, next
 * 30% medium, the rest low by default; see valueTierShares). Spending and ARPU bands are other things.
 */
export type ValueTier = 'high' | 'medium' | 'low';
export type CreditGrade = 'AAA' | 'AA' | 'A' | 'BBB' | 'BB' | 'B' | 'CCC' | '-' | 'X';
export type LoyaltyBandName = 'high' | 'fairlyHigh' | 'average' | 'low';
/** Elasticity layers 1 / 2 / 3 (high / medium / low) by quantiles of E, and 'undefined' where E is. */
export type ElasticityLayer = 'high' | 'medium' | 'low' | 'undefined';
/**
 * How a customer's historical value was computed: the seed's formula (A × decayed months), or
 * observed monthly profit, fully or with months before the file approximated by the formula.
 */
export type HistoryMethod = 'seed' | 'observed' | 'mixed' | 'approximated';
export type CreditRule = 'down3' | 'down6' | 'up36' | 'brandUp' | 'brandDown' | 'exempt' | 'unrated' | 'special' | 'secondary';
export type InfluencePartName = 'groupKeyContact' | 'groupMember' | 'family' | 'willingness' | 'radiation';
/** The seed's reading of a value tier × elasticity layer cell (null: the seed says nothing of it). */
export type ElasticityReading = 'priority' | 'potential' | 'keep' | 'less';
/** The seed's strategy of a value-map cell: special care (专项看管) or nurture (加强培育). */
export type MapStrategy = 'care' | 'nurture';

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

/** One of the seed's error benchmarks ("低价值人群90%以上在40元以内" …) against this data. */
export interface FutureBenchmark {
  /** The revenue group it is read on (0 = the lowest). */
  group: number;
  /** The seed's name of that group. */
  level: 'low' | 'mid' | 'high';
  measure: 'abs' | 'rel';
  /** Error bound (yuan for abs, a ratio for rel) and the share the seed reports within it. */
  threshold: number;
  target: number;
  /** This data's share of evaluated customers within the bound (null: none evaluated). */
  share: number | null;
  met: boolean | null;
}

export interface FutureSummary {
  /** Last month of the indicator window used for training; its target is the 3 months after. */
  trainMonth: string;
  /** Last month of the later indicator window the fit is judged on (null: not enough months). */
  evalMonth: string | null;
  features: string[];
  groups: FutureGroup[];
  benchmarks: FutureBenchmark[];
}

export interface CreditSummary {
  grades: { grade: CreditGrade; customers: number }[];
  /** Customers each rule moved (exempt: info-phones and 188 numbers a rule would have moved). */
  rules: { rule: CreditRule; customers: number }[];
  /** Inputs of the credit score that were present. */
  inputs: string[];
  /** The header of each marker column found (special line, secondary number, info-phone, 188), or null. */
  markers: Record<'special' | 'secondary' | 'infoPhone' | 'number188', string | null>;
  /** 188 numbers recognised in the customer ids (11 digits starting 188). */
  ids188: number;
  /** Where the brand comes from: the current and previous brand columns, or null without a brand column. */
  brand: { current: string; previous: string | null; switchers: number; unknownBrands: string[] } | null;
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
  /** The quantile shares ending layers 1 and 2, and the E values at those cuts. */
  layerShares: [number, number];
  cuts: [number | null, number | null];
  layers: {
    layer: ElasticityLayer;
    customers: number;
    /** Median E (percentage formula) and median ΔQ/ΔP (yuan of revenue per yuan of investment). */
    medianElasticity: number | null;
    medianReturn: number | null;
  }[];
  /**
   * Customers with E within ±0.02 of 1: investment that moved in step with revenue (discounts as a
   * fixed share of the bill) gives E ≈ 1, and a layer cut among them rests on small differences.
   */
  nearOne: number;
  /** Value tier × elasticity layer counts, with the seed's reading where it gives one. */
  matrix: { tier: ValueTier; layer: ElasticityLayer; customers: number; reading: ElasticityReading | null }[];
}

export interface MapCell {
  spend: number;
  tenure: number;
  customers: number;
  /** Mean monthly revenue of the last 3 months. */
  revenue: number | null;
  meanValue: number | null;
  churnRate: number | null;
  /** Mean monthly investment (cost + discounts) of the last 3 months. */
  investment: number | null;
  /** Revenue ÷ investment and ROI = (revenue − investment) ÷ investment (null without investment). */
  revenuePerInvestment: number | null;
  roi: number | null;
  strategy: MapStrategy | null;
}

export interface ValueMap {
  spendLabels: string[];
  tenureLabels: string[];
  cells: MapCell[];
  /** What the churn rate counts: churn in the 3 months after evaluation, in the evaluation month, or nothing. */
  churnBasis: 'next3' | 'evaluationMonth' | 'none';
  /** The strategy rule in force: special care from this spend (yuan a month) or tenure (months); nurture under this tenure. */
  strategyRule: { careSpend: number; careTenure: number; nurtureTenure: number };
  /** Whether the data has investment (cost or discount columns). */
  hasInvestment: boolean;
}

/** Customers, revenue and value (monthly profit) of each group in each month. */
export interface MonitorSeries {
  dimension: 'tier' | 'stage' | 'segment';
  /** Tier name, stage code or segment value. */
  group: string;
  points: { month: string; customers: number; revenue: number; profit: number }[];
}

export interface GroupMonitor {
  months: string[];
  series: MonitorSeries[];
  /** The stages counted (rule set, names), or null when the Lifecycle tab has not run. */
  stageSet: StageSet | null;
  /** The segment column's header, or null without one. */
  segmentColumn: string | null;
}

export interface CompositeSummary {
  basis: CompositeBasis;
  /** Per component: its weight, mean in yuan, mean on the basis, actual share of the composite (null: see compositeShares) and its share had the yuan been summed. */
  components: {
    component: ValueComponent;
    weight: number;
    meanYuan: number | null;
    meanOnBasis: number | null;
    share: number | null;
    yuanShare: number | null;
  }[];
}

/** A customer of the data worked through the seed's formula (the one with the median t). */
export interface HistoryExample {
  customerId: string;
  t: number;
  years: number;
  months: number;
  a: number;
  q: number;
  /** 12·(1 + Q + … + Q^(n−1)) + m·Q^n: the decayed months A is multiplied by. */
  weight: number;
  value: number;
}

export interface ValueAssessment {
  datasetId: string;
  evaluationMonth: string;
  months: string[];
  customers: number;
  notes: ValueNote[];
  means: Record<ValueComponent | 'composite', number | null>;
  tiers: { tier: ValueTier; customers: number; minValue: number | null; meanValue: number | null }[];
  composite: CompositeSummary;
  /** Customers by how their historical value was computed. */
  history: Record<HistoryMethod, number>;
  historyBasis: HistoryBasis;
  historyExample: HistoryExample | null;
  /** Each influence part: the columns it reads, customers it counts for (non-zero), mean contribution. */
  influenceParts: { part: InfluencePartName; columns: string[]; customers: number; mean: number | null }[];
  /** The role flag columns found (null: the role is read from the values). */
  influenceRoles: Record<'keyContact' | 'groupMember' | 'familyMain', string | null>;
  future: FutureSummary | null;
  credit: CreditSummary;
  loyalty: LoyaltySummary | null;
  elasticity: ElasticitySummary | null;
  map: ValueMap;
  monitor: GroupMonitor;
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
