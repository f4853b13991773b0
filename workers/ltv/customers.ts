/**
 * Per-customer predictions from fitted models: P(alive), expected purchases in the next t units,
 * Gamma–Gamma expected spend, and discounted CLV over a horizon in months (Fader, Hardie & Lee 2005,
 * "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4), §2, discrete months as
 * in lifetimes' customer_lifetime_value). Pure; the CSV of all customers is built here, in the worker.
 */
import {
  bgNbdConditionalPurchases,
  bgNbdProbAlive,
  discountedClv,
  gammaGammaExpectedSpend,
  paretoNbdConditionalPurchases,
  paretoNbdProbAlive,
  type BgNbdParams,
  type GammaGammaParams,
  type ParetoNbdParams
} from '../models/index.ts';
import { toCsv } from '../../common/csv.ts';
import type { LtvClvSettings, LtvCustomerRow, LtvFitResult, LtvRfmRow, LtvSortKey } from './contract.ts';
import { UNIT_DAYS } from './fit.ts';

/** Monthly rate equivalent to an annual discount rate: (1 + d)^(1/12) − 1. */
export const monthlyRate = (annual: number): number => Math.pow(1 + annual, 1 / 12) - 1;

/** Scores every customer with the chosen purchase model; spend and CLV are null without Gamma–Gamma. */
export function scoreCustomers(rows: readonly LtvRfmRow[], fit: LtvFitResult, s: LtvClvSettings): LtvCustomerRow[] {
  const model = s.model === 'paretoNbd' && fit.paretoNbd.ok ? fit.paretoNbd : fit.bgNbd;
  if (!model.ok) return [];
  const isPareto = 's' in model.params;
  const alive = (r: LtvRfmRow) =>
    isPareto ? paretoNbdProbAlive(model.params as ParetoNbdParams, r) : bgNbdProbAlive(model.params as BgNbdParams, r);
  const purchases = (t: number, r: LtvRfmRow) =>
    isPareto ? paretoNbdConditionalPurchases(model.params as ParetoNbdParams, t, r) : bgNbdConditionalPurchases(model.params as BgNbdParams, t, r);
  const gg = fit.gammaGamma.ok ? (fit.gammaGamma.params as GammaGammaParams) : null;
  const periodLength = UNIT_DAYS.month / UNIT_DAYS[fit.unit];
  const discount = monthlyRate(s.annualDiscount);
  const horizon = Math.max(0, Math.round(s.horizonMonths));
  // Customers with the same (x, tₓ, T, spend) get the same numbers: compute each history once.
  const memo = new Map<string, Omit<LtvCustomerRow, keyof LtvRfmRow>>();
  return rows.map((r) => {
    const key = `${r.frequency}|${r.recency}|${r.T}|${r.monetaryValue}`;
    let p = memo.get(key);
    if (!p) {
      const expectedSpend = gg ? gammaGammaExpectedSpend(gg, r) : null;
      const clv = expectedSpend == null ? null : discountedClv({
        expectedPurchases: (t) => purchases(t, r), expectedSpend, margin: s.margin,
        discountRate: discount, horizon, periodLength
      }).clv;
      p = { pAlive: alive(r), expectedPurchases: purchases(s.t, r), expectedSpend, clv };
      memo.set(key, p);
    }
    return { ...r, ...p };
  });
}

/** Sorts (nulls last) a copy of the rows by one column. */
export function sortCustomers(rows: readonly LtvCustomerRow[], key: LtvSortKey, descending: boolean): LtvCustomerRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[key], y = b[key];
    if (x == null) return y == null ? 0 : 1;
    if (y == null) return -1;
    if (typeof x === 'string' || typeof y === 'string') return sign * String(x).localeCompare(String(y));
    return sign * (x - y);
  });
}

export const CSV_HEADERS = [
  'customer_id', 'frequency', 'recency', 'T', 'monetary_value', 'frequency_holdout',
  'p_alive', 'expected_purchases', 'expected_spend', 'clv'
];

export function customersCsv(rows: readonly LtvCustomerRow[]): string {
  return toCsv(CSV_HEADERS, rows.map((r) => [
    r.customerId, r.frequency, r.recency, r.T, r.monetaryValue, r.frequencyHoldout,
    r.pAlive, r.expectedPurchases, r.expectedSpend, r.clv
  ]));
}
