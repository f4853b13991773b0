/**
 * The ltv feature's part of the engine protocol (see workers/contract.ts, which combines them):
 * BTYD models on a transaction log (BG/NBD, Pareto/NBD, Gamma–Gamma, CLV), BG/BB on aggregated
 * discrete histories, sBG on cohort survivor counts. Everything is plain structured-clone data.
 */
import type { ProgressFn } from '../contract.ts';

/** Why a lifetime-value analysis can fail; the UI translates the code (ModelErrors are mapped onto these). */
export type LtvErrorCode =
  | 'ltv-needs-transactions' | 'ltv-needs-columns' | 'ltv-no-repeat-buyers' | 'ltv-too-few-customers' | 'ltv-not-converged'
  | 'ltv-bad-input' | 'ltv-not-fitted';

export type LtvUnit = 'day' | 'week' | 'month';

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
  bgNbd: LtvModel<{ r: number; alpha: number; a: number; b: number }>;
  paretoNbd: LtvModel<{ r: number; alpha: number; s: number; beta: number }>;
  gammaGamma: LtvModel<{ p: number; q: number; v: number }>;
  /** The purchase model with the lower AIC among those that fitted and are identified; null if none. */
  preferred: 'bgNbd' | 'paretoNbd' | null;
  /** Pearson correlation of frequency and mean spend among repeat buyers (Gamma–Gamma assumes ≈ 0). */
  spendCorrelation: number | null;
  /** Expected vs actual holdout repeat transactions per customer by calibration frequency 0..7+. */
  calibrationHoldout: { frequency: string; customers: number; actual: number; bgNbd: number | null; paretoNbd: number | null }[];
  /** Cumulative repeat transactions at the end of each unit period from the first purchase. */
  tracking: { period: number; actual: number; bgNbd: number | null; paretoNbd: number | null }[];
  /** Index of the tracking period that contains the calibration end. */
  trackingCalibrationPeriod: number;
  /** BG/NBD P(alive) and expected purchases in the holdout length, over frequency × recency at T. */
  heatmap: { T: number; t: number; frequencies: number[]; recencies: number[]; pAlive: number[][]; expected: number[][] } | null;
  seconds: number;
}

export type LtvSortKey = 'customerId' | 'frequency' | 'recency' | 'T' | 'monetaryValue' | 'pAlive' | 'expectedPurchases' | 'expectedSpend' | 'clv';

export interface LtvClvSettings {
  model: 'bgNbd' | 'paretoNbd';
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
  /** Gamma–Gamma expected spend per purchase; null when the spend model did not fit. */
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
  /** Fits BG/NBD, Pareto/NBD and Gamma–Gamma and keeps the fit for ltvCustomers/ltvCustomersCsv. */
  ltvFit(datasetId: string, split: LtvSplit, onProgress?: ProgressFn): Promise<LtvFitResult>;
  ltvCustomers(datasetId: string, settings: LtvClvSettings): Promise<LtvCustomersResult>;
  /** Every customer as CSV text (built in the worker). */
  ltvCustomersCsv(datasetId: string, settings: LtvClvSettings): Promise<string>;
  /** BG/BB on a table with columns frequency, recency, periods (n) and weights (count), by header. */
  ltvBgBb(datasetId: string, horizon: number): Promise<LtvBgBbResult>;
  /** sBG from active counts at the start of periods 0..n. */
  ltvSbg(activeAtStart: number[], options: { projectTo: number; discountRate: number }): Promise<LtvSbgResult>;
  /** Acquisition cohorts of a monthly panel. */
  ltvCohorts(datasetId: string): Promise<LtvCohort[]>;
  /** Active counts of one panel cohort at the start of months 0..n. */
  ltvCohortSurvivors(datasetId: string, month: string): Promise<number[]>;
}
