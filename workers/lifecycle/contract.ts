/** The lifecycle feature's part of the engine protocol (see workers/contract.ts, which combines them). */

import type { Bilingual } from '../../common/bilingual.ts';

/** Why a lifecycle run can fail; the UI translates the code. */
export type LifecycleErrorCode = 'lifecycle-not-a-panel' | 'lifecycle-one-month' | 'lifecycle-no-revenue' | 'lifecycle-bad-parameter';

/** The rule sets the stage engine runs, one SQL file each (workers/lifecycle/sql/stages_*.sql). */
export type RuleSetId = 'clm' | 'dataService' | 'activity';

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

export interface LifecycleRequest {
  ruleSet: RuleSetId;
  /** Parameter values by key; missing keys take the rule set's defaults. */
  params: Record<string, number>;
  /** ARPU cut points of the cross table's ARPU tiers, yuan (sorted and de-duplicated by the engine). */
  arpuTierCuts: number[];
  /** Month of the cross tables as YYYY-MM; null: the last month of the data. */
  month: string | null;
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
  cross: { month: string; cuts: number[]; regions: string[]; cells: CrossCell[] };
  agreement: Agreement | null;
  notes: LifecycleNote[];
  seconds: { stages: number; views: number; agreement: number };
}

export interface LifecycleBenchResult {
  rows: number;
  customers: number;
  seconds: { base: number; stages: number; transitions: number; cohortRetention: number; total: number };
}

export interface LifecycleApi {
  /** The rule sets with their stages and parameters (defaults), for the UI's controls. */
  lifecycleRuleSets(): Promise<RuleSetInfo[]>;
  /** Runs the chosen rule set on a loaded panel and computes the views. */
  computeLifecycle(datasetId: string, request: LifecycleRequest): Promise<LifecycleResult>;
  /** Times the benchmark queries (base, default stages, transitions, cohort retention) on a dataset. */
  benchLifecycle(datasetId: string): Promise<LifecycleBenchResult>;
}
