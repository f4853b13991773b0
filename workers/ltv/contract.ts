/**
 * The ltv feature's part of the engine protocol (see workers/contract.ts, which combines them):
 * the models of a transaction log (the registry in ./models.ts: purchase models such as BG/NBD and a
 * spend model, CLV), BG/BB on aggregated discrete histories, sBG on cohort survivor counts.
 * Everything is plain structured-clone data.
 */
import type { Bilingual } from '../../common/bilingual.ts';
import type { ProgressFn } from '../contract.ts';
import type { LtvModelId, PurchaseModelId } from './models.ts';
import type { LtvSortKey, LtvUnit } from '../../common/ltvSettings.ts';

export type { LtvModelId, PurchaseModelId };

/** Why a lifetime-value analysis can fail; the UI translates the code (ModelErrors are mapped onto these). */
export type LtvErrorCode =
  | 'ltv-needs-transactions'
  | 'ltv-needs-columns'
  | 'ltv-no-repeat-buyers'
  | 'ltv-too-few-customers'
  | 'ltv-not-converged'
  | 'ltv-bad-input'
  | 'ltv-not-fitted';

// The unit and the sort keys are declared beside the BTYD panel's saved settings, which name them.
export type { LtvSortKey, LtvUnit };

export interface LtvSplit {
  /** ISO date: purchases on or before it are the calibration period. */
  calibrationEnd: string;
  /** ISO date ending the holdout; defaults to the last date in the data. */
  observationEnd?: string;
  unit: LtvUnit;
}

/** One customer's RFM summary (the same definitions as workers/models rfmSummary). */
export interface LtvRfmRow {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
  frequencyHoldout: number;
}

/**
 * A model that fitted, or why it did not (a ModelError code the UI translates). `unidentified` names
 * the parameters the data do not pin down (flat likelihood, or a parameter that ran away towards a
 * bound): such a fit is shown with a warning and never chosen by AIC.
 */
export type LtvModel<P> =
  | { ok: true; params: P; logLikelihood: number; aic: number; converged: boolean; unidentified: string[] }
  | { ok: false; code: string; message: string };

/** One registry model as fitted: what the tab names and cites, and its fit or why it failed. */
export type LtvModelResult = {
  id: LtvModelId;
  kind: 'purchase' | 'spend';
  label: Bilingual;
  reference: string;
  /** Every parameter in the model's order → the symbol shown (alpha → α). */
  symbols: Record<string, string>;
} & LtvModel<Record<string, number>>;

/** One number per purchase model that fitted, by model id. */
export type ByPurchaseModel = Partial<Record<PurchaseModelId, number>>;

export interface LtvFitResult {
  datasetId: string;
  unit: LtvUnit;
  calibrationEnd: string;
  observationEnd: string;
  firstDate: string;
  /** Holdout length in units (observation end − calibration end). */
  holdoutLength: number;
  customers: number;
  repeatBuyers: number;
  /** Every model of the registry, in its order. */
  models: LtvModelResult[];
  /** The purchase model with the lowest AIC among those that fitted and are identified; null if none. */
  preferred: PurchaseModelId | null;
  /** Pearson correlation of frequency and mean spend among repeat buyers (the spend model assumes ≈ 0). */
  spendCorrelation: number | null;
  /** Expected vs actual holdout repeat transactions per customer by calibration frequency 0..7+. */
  calibrationHoldout: { frequency: string; customers: number; actual: number; expected: ByPurchaseModel }[];
  /** Cumulative repeat transactions at the end of each unit period from the first purchase. */
  tracking: { period: number; actual: number; expected: ByPurchaseModel }[];
  /** Index of the tracking period that contains the calibration end. */
  trackingCalibrationPeriod: number;
  /** The anchor model's P(alive) and expected purchases in the holdout length, over frequency × recency at T. */
  heatmap: {
    model: PurchaseModelId;
    T: number;
    t: number;
    frequencies: number[];
    recencies: number[];
    pAlive: number[][];
    expected: number[][];
  } | null;
  seconds: number;
}

export interface LtvClvSettings {
  /** The purchase model to score with; the anchor model when this one did not fit. */
  model: PurchaseModelId;
  /** Periods (in the unit) for "expected purchases in the next t". */
  t: number;
  /** Profit margin as a fraction of spend. */
  margin: number;
  /** Annual discount rate (e.g. 0.1); converted to monthly for the CLV sum. */
  annualDiscount: number;
  /** CLV horizon in months. */
  horizonMonths: number;
  sort: LtvSortKey;
  descending: boolean;
  topN: number;
}

export interface LtvCustomerRow extends LtvRfmRow {
  pAlive: number;
  expectedPurchases: number;
  /** The spend model's expected spend per purchase; null when it did not fit. */
  expectedSpend: number | null;
  clv: number | null;
}

export interface LtvCustomersResult {
  rows: LtvCustomerRow[];
  total: number;
  totalClv: number | null;
  totalExpectedPurchases: number;
}

export interface LtvBgBbResult {
  params: { alpha: number; beta: number; gamma: number; delta: number };
  logLikelihood: number;
  customers: number;
  /** Opportunities observed (n, the largest in the data). */
  n: number;
  rows: { frequency: number; recency: number; n: number; count: number; pAlive: number; expected: number }[];
  /** Expected transactions per new customer in the first k opportunities, k = 1..n+horizon. */
  curve: { opportunities: number; expected: number }[];
  horizon: number;
}

export interface LtvSbgResult {
  params: { alpha: number; beta: number };
  logLikelihood: number;
  /** Periods 0..n observed, then projected to `projectTo`. */
  rows: { period: number; observed: number | null; survival: number; projected: number; retention: number | null }[];
  /** DERL of a customer about to make their first renewal, at the discount rate. */
  derl: number;
  discountRate: number;
}

export interface LtvCohort {
  month: string;
  customers: number;
}

export interface LtvApi {
  /** Date range of a transaction log (for the default calibration end). */
  ltvBounds(datasetId: string): Promise<{ firstDate: string; lastDate: string; customers: number }>;
  /** RFM summary computed in SQL (workers/ltv/sql/rfm.sql). */
  ltvRfm(datasetId: string, split: LtvSplit): Promise<LtvRfmRow[]>;
  /** Fits every model of the registry (./models.ts) and keeps the fit for ltvCustomers/ltvCustomersCsv. */
  ltvFit(datasetId: string, split: LtvSplit, onProgress?: ProgressFn): Promise<LtvFitResult>;
  ltvCustomers(datasetId: string, settings: LtvClvSettings): Promise<LtvCustomersResult>;
  /** Every customer as CSV text (built in the worker). */
  /** The whole scored list as CSV, headers in `lang` (the UI's; English when absent). */
  ltvCustomersCsv(datasetId: string, settings: LtvClvSettings, lang?: 'zh' | 'en'): Promise<string>;
  /** BG/BB on a table with columns frequency, recency, periods (n) and weights (count), by header. */
  ltvBgBb(datasetId: string, horizon: number): Promise<LtvBgBbResult>;
  /** sBG from active counts at the start of periods 0..n. */
  ltvSbg(activeAtStart: number[], options: { projectTo: number; discountRate: number }): Promise<LtvSbgResult>;
  /** Acquisition cohorts of a monthly panel. */
  ltvCohorts(datasetId: string): Promise<LtvCohort[]>;
  /** Active counts of one panel cohort at the start of months 0..n. */
  ltvCohortSurvivors(datasetId: string, month: string): Promise<number[]>;
}
