/**
 * The churn feature's part of the engine protocol (see workers/contract.ts, which combines them):
 * cohort retention, Kaplan–Meier survival and the churn early-warning model (DOMAIN.md §2; seeds
 * 000, 001, 002). Results are plain structured-clone-safe data; ratios that cannot be computed are
 * `null`, never NaN.
 */
import type { ArpuTier } from '../../common/churnSettings.ts';

/** Why a churn analysis can fail; the UI translates the code (ModelErrors are mapped onto these). */
export type ChurnErrorCode =
  | 'churn-not-applicable'
  | 'churn-too-few-months'
  | 'churn-no-churners'
  | 'churn-all-churned'
  | 'churn-too-few-rows'
  | 'churn-no-features'
  | 'churn-not-converged'
  | 'churn-no-model'
  | 'churn-model-failed';

/** What the churn view can offer for a dataset: the columns to split by and the candidate features. */
export interface ChurnSetup {
  kind: 'panel' | 'snapshot' | 'other';
  /** Columns usable to split survival curves (category/text columns with few levels; `levels` is approximate). */
  splitColumns: { name: string; header: string; levels: number }[];
  /** Candidate model features; `default` ones are ticked at first. */
  features: { name: string; header: string; kind: 'number' | 'category'; default: boolean }[];
  hasTenure: boolean;
  hasChurn: boolean;
  hasRevenue: boolean;
  /** Distinct months (panels), else 0. */
  months: number;
}

/** Join-month cohorts × months since joining. `rate[c][k]` is null where month k is not yet observed. */
export interface CohortRetention {
  cohorts: string[];
  sizes: number[];
  /** Largest k shown (k = 0 .. maxK). */
  maxK: number;
  active: (number | null)[][];
  rate: (number | null)[][];
  /** Customers who joined before the first data month (known from tenure) and are left out. */
  leftOut: number;
  /** Without a tenure column the first data month's cohort also holds earlier joiners. */
  firstCohortMixed: boolean;
}

export interface SurvivalCurve {
  group: string;
  customers: number;
  events: number;
  time: number[];
  survival: number[];
  lower: number[];
  upper: number[];
  atRisk: number[];
  /** Months until Ŝ ≤ 0.5; null = not reached within follow-up. */
  median: number | null;
  /**
   * 1 − Ŝ(3) and 1 − Ŝ(6): churn within 3 and 6 months of joining, with the 95% log-log bounds. Not
   * seed 002's 40% / 43%, which are conditional on the stage (lifecycle stageChurn).
   */
  churn3: { value: number; lower: number; upper: number };
  churn6: { value: number; lower: number; upper: number };
}

export interface SurvivalResult {
  split: string | null;
  curves: SurvivalCurve[];
  /** Customers left out (missing duration/flag, or joined before the data window). */
  leftOut: number;
}

/**
 * ARPU tiers of the churn lists, by yuan cut points (not the Customer value tab's value tiers, which
 * rank the composite value): ARPU below `low` is 'low', at or above `high` is 'high', else 'mid'.
 * Default 50 / 150.
 */
export interface ArpuTierCuts {
  low: number;
  high: number;
}

export interface ChurnModelOptions {
  /** Feature column names (from ChurnSetup.features). */
  features: string[];
  /** Ridge penalty on standardised features. Default 1. */
  l2: number;
  /** Panels: churn within the next H months is the target. Default 3. */
  horizon: number;
  /** Snapshots: seed of the 30% random holdout. */
  seed: number;
  arpuTiers: ArpuTierCuts;
}

/** ARPU tiers of the risk lists (declared beside the tab's saved settings, which name them). */
export type { ArpuTier };

export interface RiskRow {
  customerId: string;
  score: number;
  arpu: number | null;
  arpuTier: ArpuTier | null;
  /** Up to 3 features with the largest positive contribution (coefficient × standardised value). */
  reasons: { feature: string; value: string; contribution: number }[];
}

export interface WinBackRow {
  customerId: string;
  lastArpu: number | null;
  arpuTier: ArpuTier | null;
  tenure: number | null;
  /** ISO first-of-month of the exit (panels); null for snapshots. */
  churnMonth: string | null;
  /** The leaver's churn reason and contact when the file has those columns (seed 000, 1•4), else null. */
  churnReason: string | null;
  contact: string | null;
}

export interface ChurnModelResult {
  /** How train/test were made: 'time' (panels) or 'random' (snapshots). */
  holdout: 'time' | 'random';
  /** Panels: scoring months of train and test (ISO); snapshots: null. */
  trainMonth: string | null;
  testMonth: string | null;
  scoreMonth: string | null;
  trainRows: number;
  testRows: number;
  trainChurners: number;
  testChurners: number;
  auc: number;
  coefficients: { feature: string; coefficient: number }[];
  intercept: number;
  /** Features left out because they were constant in the training rows. */
  dropped: string[];
  converged: boolean;
  gains: { group: number; count: number; positives: number; lift: number; cumulativeShare: number; cumulativeGain: number }[];
  calibration: { group: number; count: number; meanPredicted: number; observedRate: number }[];
  /** The holdout's ROC curve from (0, 0) to (1, 1); its area is `auc`. */
  roc: { fpr: number; tpr: number }[];
  /** Confusion tables at cut-offs 0.01, 0.02 … 0.99 (index i ↔ cut-off (i+1)/100). */
  confusion: { cutoff: number; tp: number; fp: number; tn: number; fn: number }[];
  /** Active customers scored, and the churned customers for win-back. */
  riskCount: number;
  winBackCount: number;
}

export interface RiskFilter {
  arpuTiers: ArpuTier[];
  minScore: number;
  /** Rows returned for the screen; the CSV has them all. */
  top: number;
  /** The language of the CSV's headers and tier names (the UI's); English when absent. */
  lang?: 'zh' | 'en';
}

export interface RiskList {
  total: number;
  rows: RiskRow[];
  csv: string;
}

export interface WinBackList {
  total: number;
  rows: WinBackRow[];
  csv: string;
  /** Whether the file has a churn-reason and a contact column (the list shows them then). */
  hasChurnReason: boolean;
  hasContact: boolean;
  /** Churned customers before the tier filter, and the highest last ARPU among them (an empty list explains itself). */
  churned: number;
  maxLastArpu: number | null;
}

export interface ChurnApi {
  churnSetup(datasetId: string): Promise<ChurnSetup>;
  cohortRetention(datasetId: string): Promise<CohortRetention>;
  survivalCurves(datasetId: string, split: string | null): Promise<SurvivalResult>;
  /** Fits the model, scores the active customers and keeps the lists for riskList/winBackList. */
  fitChurnModel(datasetId: string, options: ChurnModelOptions): Promise<ChurnModelResult>;
  riskList(datasetId: string, filter: RiskFilter): Promise<RiskList>;
  winBackList(datasetId: string, filter: RiskFilter): Promise<WinBackList>;
}
