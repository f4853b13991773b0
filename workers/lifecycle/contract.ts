/** The lifecycle feature's part of the engine protocol (see workers/contract.ts, which combines them). */

import type { Bilingual } from '../../common/bilingual.ts';
import type { RuleSetId } from '../../common/lifecycleSettings.ts';

/** Why a lifecycle run can fail; the UI translates the code. */
export type LifecycleErrorCode =
  | 'lifecycle-not-a-panel'
  | 'lifecycle-one-month'
  | 'lifecycle-no-revenue'
  | 'lifecycle-bad-parameter'
  | 'lifecycle-no-stages'
  | 'lifecycle-no-offer-end';

/** The rule sets the stage engine runs (declared beside the tab's saved settings, which name one). */
export type { RuleSetId };

/** The five stages of seed 000; every rule set's stage maps onto one for the levers. */
export type ClmStage = 'A' | 'B' | 'C' | 'D' | 'E';

export interface RuleParamInfo {
  key: string;
  label: Bilingual;
  /** The default value. */
  value: number;
  min: number;
  max: number;
  step: number;
}

export interface StageInfo {
  code: string;
  label: Bilingual;
  /** The seed-000 stage this one stands for (the marketing levers; a campaign's A–E filter). */
  analog: ClmStage;
}

export interface RuleSetInfo {
  id: RuleSetId;
  label: Bilingual;
  /** Where the vocabulary comes from. */
  source: Bilingual;
  stages: StageInfo[];
  params: RuleParamInfo[];
}

/**
 * What the stage table of a dataset holds (workers/engine/tables.ts readStages): the rule set and
 * parameters that wrote it, its stage codes in order with their names, and the A–E stage of seed
 * 000 each one stands for (null where none does). Other tabs read stages through it, never by spelling codes.
 */
export interface StageSet {
  ruleSet: RuleSetId;
  stages: string[];
  /** Each stage's name in both languages, so a reader can show it without the rule set. */
  labels: Record<string, Bilingual>;
  analogOf: Record<string, ClmStage | null>;
  params: { key: string; value: number }[];
}

/** The month views' choices: changing them reruns only those views (lifecycleMonth), not the stages. */
export interface MonthRequest {
  /** ARPU cut points of the cross table's ARPU tiers, yuan (sorted and de-duplicated by the engine). */
  arpuTierCuts: number[];
  /** Month of the cross table and the stage KPIs as YYYY-MM; null: the last month of the data. */
  month: string | null;
}

export interface LifecycleRequest {
  ruleSet: RuleSetId;
  /** Parameter values by key; missing keys take the rule set's defaults. */
  params: Record<string, number>;
}

/** Why a result may differ from what the user expects; the UI translates the code. */
export type LifecycleNote = 'no-tenure' | 'no-usage' | 'no-region' | 'no-churn-flag' | 'no-data-usage';

export interface FunnelStep {
  stage: string;
  /** Customers with at least one month in this stage. */
  customers: number;
  /** customers / all customers. */
  share: number;
  /** Of these, the share later seen in the next stage of the vocabulary (null for the last stage). */
  toNext: number | null;
}

export interface CrossCell {
  stage: string;
  /** Index of the ARPU tier: 0 below the first cut point, … */
  arpuTier: number;
  /** Region ('' when the data has no region). */
  region: string;
  customers: number;
  /** Mean ARPU (mean monthly revenue of the last 3 months) of these customers. */
  arpu: number | null;
}

/**
 * Churn conditional on the stage (seed 002's measure: churn of customers in the habitual stage within
 * 3 and 6 months of being in it), pooled over the months that have that much follow-up: of the
 * customer-months in the stage, the share whose customer is in an exit stage within the next 3 (6)
 * months. null where no month has the follow-up, and for the exit stages themselves.
 */
export interface StageChurn {
  stage: string;
  followed3: number;
  churn3: number | null;
  followed6: number;
  churn6: number | null;
}

/** Churn by stage for another tab: the stages Lifecycle computed last, with their names. */
export interface StageChurnResult {
  stageSet: StageSet;
  /** The rule set's name, for a tab that shows where the stages came from. */
  ruleLabel: Bilingual;
  /** What counts as churn: the stages standing for E, or 'dormant' in a vocabulary without one. */
  exitStages: string[];
  /** Per stage, in the vocabulary's order. */
  stageChurn: StageChurn[];
}

/** One stage in the chosen month (seed 000: each stage's size, features and drivers). */
export interface StageKpi {
  stage: string;
  customers: number;
  /** Revenue of these customers in the month, yuan. */
  revenue: number;
  /** revenue / customers; null without customers. */
  arpu: number | null;
  /** Mean composite value (Customer value tab); null until that tab has assessed the dataset. */
  value: number | null;
}

/**
 * Seed 002's three monitoring figures in the chosen month, each null when the file lacks its
 * columns: penetration (customers using any data service: data, SMS or value-added), the share of
 * users using 1–2 data services, and the share spending under 10 yuan on them.
 */
export interface DataServiceFigures {
  customers: number;
  users: number;
  penetration: number | null;
  oneOrTwo: number | null;
  under10: number | null;
}

/** The views of one month: stage × ARPU tier × region, and each stage's KPIs. */
export interface LifecycleMonth {
  /** The rule set of the stages these views were computed on. */
  ruleSet: RuleSetId;
  cross: { month: string; cuts: number[]; regions: string[]; cells: CrossCell[] };
  kpis: StageKpi[];
  /** Whether `kpis[].value` could be filled (the Customer value tab has run). */
  hasValue: boolean;
  dataServices: DataServiceFigures | null;
}

export interface StageAgreement {
  stage: string;
  truth: number;
  engine: number;
  /** Of the rows planted in this stage, the share the engine put there. */
  recall: number | null;
  /** Of the rows the engine put in this stage, the share planted there. */
  precision: number | null;
}

/** Agreement with the ground truth planted by the sample generator (default rule set only). */
export interface Agreement {
  rows: number;
  agreeing: number;
  overall: number;
  stages: ClmStage[];
  /** confusion[truth][engine], stages in A–E order. */
  confusion: number[][];
  perStage: StageAgreement[];
  /** Truth rows with no row in the stage table (rejected at ingest). */
  missing: number;
}

export interface LifecycleResult {
  datasetId: string;
  ruleSet: RuleSetId;
  /**
   * The stage table written, (customer_id VARCHAR, month DATE, stage VARCHAR), for the SQL shown and
   * tests; other features read stages through the registry (workers/engine/tables.ts), not this name.
   */
  table: string;
  stages: string[];
  description: Bilingual;
  /** The SQL text that ran, parameters bound in the order of `params`. */
  sql: string;
  params: { key: string; value: number }[];
  months: string[];
  /** distribution[stage][month]: customers. */
  distribution: number[][];
  totalCustomers: number;
  funnel: FunnelStep[];
  /** transitions[from][to]: customers in `from` one month and `to` the next calendar month. */
  transitions: number[][];
  agreement: Agreement | null;
  notes: LifecycleNote[];
  seconds: { stages: number; views: number; agreement: number };
}

/** The offer-plan renewal list (seed 000, initiative 1•0). */
export interface OfferEndRequest {
  /** Offers ending from the start of the last data month to the end of the month this many months later. */
  months: number;
  /** Mid/high value: ARPU (mean revenue of the last 3 months) of at least this many yuan. */
  minArpu: number;
  /** Only the seed's "mature-stage users of more than one year": a stage standing for C, tenure over 12 months. */
  matureOnly: boolean;
  /** Rows returned for the screen; the CSV has them all. */
  top: number;
  /** The language of the CSV's headers (the UI's); English when absent. */
  lang?: 'zh' | 'en';
}

export interface OfferEndRow {
  customerId: string;
  /** YYYY-MM-DD. */
  offerEnd: string;
  /** Stage in the last month (null until Lifecycle has computed stages). */
  stage: string | null;
  /** The stage stands for C (mature). */
  mature: boolean;
  tenure: number | null;
  arpu: number;
  /** Value tier from Customer value, null until it has assessed the dataset. */
  valueTier: string | null;
}

export interface OfferEndList {
  total: number;
  rows: OfferEndRow[];
  csv: string;
  hasStages: boolean;
  hasValue: boolean;
}

export interface LifecycleBenchResult {
  rows: number;
  customers: number;
  /**
   * base: the panel rebuilt in (customer, month) order; scan: the physical reference, a plain scan of
   * it writing a table of the stage table's shape; stages: the default rule; views: the stage views;
   * month: the month views; total = stages + views (a parameter edit up to the redrawn charts).
   */
  seconds: { base: number; scan: number; stages: number; views: number; month: number; total: number };
}

export interface LifecycleApi {
  /** The rule sets with their stages and parameters (defaults), for the UI's controls. */
  lifecycleRuleSets(): Promise<RuleSetInfo[]>;
  /** Runs the chosen rule set on a loaded panel and computes the stage views (distribution, funnel, transitions). */
  computeLifecycle(datasetId: string, request: LifecycleRequest): Promise<LifecycleResult>;
  /** The month views on the stages last computed: a new month or new tier cuts rerun only these. */
  lifecycleMonth(datasetId: string, request: MonthRequest): Promise<LifecycleMonth>;
  /** Churn conditional on the stage, on the stages computed last (lifecycle-no-stages before). */
  stageChurn(datasetId: string): Promise<StageChurnResult>;
  /** Mid/high-value customers whose offer or contract ends in the next months (lifecycle-no-offer-end without that column). */
  offerEndList(datasetId: string, request: OfferEndRequest): Promise<OfferEndList>;
  /** Times the benchmark queries (base, default stages, transitions, cohort retention) on a dataset. */
  benchLifecycle(datasetId: string): Promise<LifecycleBenchResult>;
}
