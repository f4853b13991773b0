/**
 * From an RFM summary to what the LTV view shows: BG/NBD, Pareto/NBD and Gamma–Gamma fits compared,
 * and the validation tables of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way",
 * Marketing Science 24(2): calibration vs holdout by frequency (fig. 4), cumulative tracking
 * (fig. 3), and P(alive)/expected purchases over frequency × recency. Pure: no SQL, no DOM.
 */
import {
  bgNbdConditionalPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbAlive,
  bgNbdPurchasesIfAlive,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  paretoNbdExpectedPurchases,
  paretoNbdProbAliveFor,
  paretoNbdPurchasesIfAlive,
  ModelError,
  type BgNbdParams,
  type ParetoNbdParams,
  type RfmRow
} from '../models/index.ts';
import { aggregateRows } from '../models/rows.ts';
import type { LtvFitResult, LtvModel, LtvRfmRow } from './contract.ts';

/** Days per time unit (month = 365.25/12 days, as workers/models/rfm.ts). */
export const UNIT_DAYS = { day: 1, week: 7, month: 365.25 / 12 } as const;

/** Runs a fit, turning a ModelError into a reason the UI translates (never NaN parameters). */
export function tryModel<P extends object>(
  fit: () => { params: P; logLikelihood: number; converged: boolean; unidentified: readonly string[] }, k: number
): LtvModel<P> {
  try {
    const f = fit();
    const values = Object.values(f.params) as number[];
    if (!Number.isFinite(f.logLikelihood) || values.some((v) => !Number.isFinite(v))) {
      return { ok: false, code: 'not-converged', message: 'the fit gave non-finite values' };
    }
    return {
      ok: true, params: f.params, logLikelihood: f.logLikelihood, aic: 2 * k - 2 * f.logLikelihood, converged: f.converged,
      unidentified: [...f.unidentified]
    };
  } catch (e) {
    if (e instanceof ModelError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/** Pearson correlation; null when either side has no variation or fewer than 3 points. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

export interface TrackingInput {
  /** Repeat transactions per period index (from the earliest first purchase). */
  repeatsByPeriod: Map<number, number>;
  /** Days from the earliest first purchase to each customer's first purchase. */
  firstOffsets: readonly number[];
  /** Periods from the origin to the observation end (exclusive upper bound of the period index). */
  periods: number;
  unitDays: number;
}

/**
 * Cumulative repeat transactions at the end of each period, actual and expected: a customer who
 * first bought `o` days after the origin contributes E[X(t − o)] at time t (FHL 2005, §4, fig. 3).
 * Long series are thinned to about 400 points so the chart and its table stay readable.
 */
export function tracking(
  input: TrackingInput, bg: BgNbdParams | null, pareto: ParetoNbdParams | null
): LtvFitResult['tracking'] {
  const groups = new Map<number, number>();
  for (const o of input.firstOffsets) groups.set(o, (groups.get(o) ?? 0) + 1);
  const step = Math.max(1, Math.ceil(input.periods / 400));
  const out: LtvFitResult['tracking'] = [];
  let actual = 0;
  for (let k = 0; k < input.periods; k++) {
    actual += input.repeatsByPeriod.get(k) ?? 0;
    if (k % step !== 0 && k !== input.periods - 1) continue;
    const end = (k + 1) * input.unitDays;
    let eb = 0, ep = 0;
    for (const [offset, n] of groups) {
      const t = (end - offset) / input.unitDays;
      if (t <= 0) continue;
      if (bg) eb += n * bgNbdExpectedPurchases(bg, t);
      if (pareto) ep += n * paretoNbdExpectedPurchases(pareto, t);
    }
    out.push({ period: k + 1, actual, bgNbd: bg ? eb : null, paretoNbd: pareto ? ep : null });
  }
  return out;
}

/**
 * Customers grouped by history (x, tₓ, T), and histories by (x, T). A purchase model's expectation is
 * P(alive | x, tₓ, T) × purchases if alive (x, T): the ₂F₁ part is computed once per (x, T) pair,
 * P(alive) once per history, and 500,000 customers cost what a few thousand pairs do.
 */
export function groupHistories(rows: readonly LtvRfmRow[]): HistoryGroups {
  let groups = grouped.get(rows);
  if (!groups) {
    const byHistory = aggregateRows(rows, ['frequency', 'recency', 'T']);
    const byPair = aggregateRows(byHistory.values.map(([frequency, , T]) => ({ frequency, T })), ['frequency', 'T']);
    groups = {
      histories: byHistory.values, customers: byHistory.weights, historyOfRow: byHistory.rowIndex,
      pairs: byPair.values, pairOfHistory: byPair.rowIndex
    };
    grouped.set(rows, groups);
  }
  return groups;
}

export interface HistoryGroups {
  histories: number[][];
  customers: number[];
  historyOfRow: Int32Array;
  pairs: number[][];
  pairOfHistory: Int32Array;
}

// The fit, its validation tables and the scoring of every customer group the same rows (kept by the
// worker between calls): group them once (a few hundred ms at 500,000 customers).
const grouped = new WeakMap<readonly LtvRfmRow[], HistoryGroups>();

/** P(alive) and the expected purchases if alive of a BG/NBD or Pareto/NBD fit. */
export function purchaseModel(params: BgNbdParams | ParetoNbdParams): {
  alive: (history: RfmRow) => number; ifAlive: (t: number, x: number, T: number) => number;
} {
  if ('s' in params) {
    return { alive: paretoNbdProbAliveFor(params), ifAlive: (t, x, T) => paretoNbdPurchasesIfAlive(params, t, x, T) };
  }
  return { alive: (h) => bgNbdProbAlive(params, h), ifAlive: (t, x, T) => bgNbdPurchasesIfAlive(params, t, x, T) };
}

/** Mean actual vs expected holdout transactions by calibration frequency 0..7+ (FHL 2005, fig. 4). */
export function calibrationHoldout(
  rows: readonly LtvRfmRow[], holdoutLength: number, bg: BgNbdParams | null, pareto: ParetoNbdParams | null
): LtvFitResult['calibrationHoldout'] {
  const bins = Array.from({ length: 8 }, (_, i) => ({ frequency: i === 7 ? '7+' : String(i), customers: 0, actual: 0, bgNbd: 0, paretoNbd: 0 }));
  for (const r of rows) {
    const b = bins[Math.min(7, r.frequency)];
    b.customers++;
    b.actual += r.frequencyHoldout;
  }
  const g = groupHistories(rows);
  for (const [key, params] of [['bgNbd', bg], ['paretoNbd', pareto]] as const) {
    if (!params) continue;
    const m = purchaseModel(params);
    const ifAlive = g.pairs.map(([x, T]) => m.ifAlive(holdoutLength, x, T));
    g.histories.forEach(([frequency, recency, T], k) => {
      bins[Math.min(7, frequency)][key] += g.customers[k] * ifAlive[g.pairOfHistory[k]] * m.alive({ frequency, recency, T });
    });
  }
  return bins.filter((b) => b.customers > 0).map((b) => ({
    frequency: b.frequency,
    customers: b.customers,
    actual: b.actual / b.customers,
    bgNbd: bg ? b.bgNbd / b.customers : null,
    paretoNbd: pareto ? b.paretoNbd / b.customers : null
  }));
}

/**
 * BG/NBD P(alive) and expected purchases in the next t units over a grid of frequency × recency for
 * a customer of age T (the iso-value view of Fader, Hardie & Lee 2005b). With no repeat purchase the
 * recency is 0 whatever the column, so the x = 0 row is constant.
 */
export function heatmap(rows: readonly LtvRfmRow[], bg: BgNbdParams, t: number): NonNullable<LtvFitResult['heatmap']> {
  // A loop, not Math.max(...rows): spreading 500,000 arguments overflows the stack (RangeError).
  let T = -Infinity, topF = 1;
  for (const r of rows) {
    if (r.T > T) T = r.T;
    if (r.frequency > topF) topF = r.frequency;
  }
  const maxF = Math.min(15, topF);
  const frequencies = Array.from({ length: maxF + 1 }, (_, i) => i);
  const cols = Math.min(20, Math.max(2, Math.floor(T) + 1));
  const recencies = Array.from({ length: cols }, (_, j) => (T * j) / (cols - 1));
  const pAlive: number[][] = [];
  const expected: number[][] = [];
  for (const x of frequencies) {
    pAlive.push(recencies.map((tx) => bgNbdProbAlive(bg, { frequency: x, recency: x === 0 ? 0 : tx, T })));
    expected.push(recencies.map((tx) => bgNbdConditionalPurchases(bg, t, { frequency: x, recency: x === 0 ? 0 : tx, T })));
  }
  return { T, t, frequencies, recencies, pAlive, expected };
}

/**
 * The purchase model AIC prefers, among those that fitted with every parameter identified: a fit
 * whose likelihood is flat or whose parameters ran away has a meaningless AIC (the Pareto/NBD limit
 * s, β → ∞ is a different, simpler model), so it is never chosen.
 */
export function preferredModel(bgNbd: LtvModel<object>, paretoNbd: LtvModel<object>): LtvFitResult['preferred'] {
  const usable = (m: LtvModel<object>) => (m.ok && m.unidentified.length === 0 ? m.aic : Infinity);
  const bg = usable(bgNbd), pn = usable(paretoNbd);
  if (bg === Infinity && pn === Infinity) return null;
  return bg <= pn ? 'bgNbd' : 'paretoNbd';
}

/** The three model fits on one summary, each allowed to fail on its own, and the AIC choice. */
export function fitModels(rows: readonly LtvRfmRow[]): Pick<LtvFitResult, 'bgNbd' | 'paretoNbd' | 'gammaGamma' | 'preferred' | 'spendCorrelation'> {
  // Customers with the same (x, tₓ, T) are one weighted history for both purchase models (merged
  // once here, not once per model); a bad row fails each model with its reason inside tryModel.
  let histories: RfmRow[] | null = null;
  const merged = () => {
    const g = groupHistories(rows);
    return (histories ??= g.histories.map(([frequency, recency, T], i) => ({ frequency, recency, T, count: g.customers[i] })));
  };
  const bgNbd = tryModel(() => fitBgNbd(merged()), 4);
  const paretoNbd = tryModel(() => fitParetoNbd(merged()), 4);
  const repeat = rows.filter((r) => r.frequency > 0 && r.monetaryValue > 0);
  // Without amounts (or with only zero/negative repeat spend) say so, rather than "no repeat buyers".
  const gammaGamma: LtvModel<{ p: number; q: number; v: number }> = repeat.length === 0 && rows.some((r) => r.frequency > 0)
    ? { ok: false, code: 'no-spend', message: 'no repeat buyer has a positive amount' }
    : tryModel(() => fitGammaGamma(rows), 3);
  const spendCorrelation = correlation(repeat.map((r) => r.frequency), repeat.map((r) => r.monetaryValue));
  return { bgNbd, paretoNbd, gammaGamma, preferred: preferredModel(bgNbd, paretoNbd), spendCorrelation };
}
