/**
 * From an RFM summary to what the LTV view shows: every model of the registry (./models.ts) fitted
 * and compared, and the validation tables of Fader, Hardie & Lee (2005), "Counting Your Customers
 * the Easy Way", Marketing Science 24(2): calibration vs holdout by frequency (fig. 4), cumulative
 * tracking (fig. 3), and P(alive)/expected purchases over frequency × recency. Pure: no SQL, no DOM.
 */
import { ModelError, type RfmRow } from '../models/index.ts';
import { aggregateRows } from '../models/rows.ts';
import type { ByPurchaseModel, LtvFitResult, LtvModel, LtvModelResult, LtvRfmRow, PurchaseModelId } from './contract.ts';
import { LTV_MODELS, MODEL_ENTRIES, type ModelFit, type PurchaseModel, type SpendModel } from './models.ts';

/** Days per time unit (month = 365.25/12 days, as workers/models/rfm.ts). */
export const UNIT_DAYS = { day: 1, week: 7, month: 365.25 / 12 } as const;

/** Runs a fit, turning a ModelError into a reason the UI translates (never NaN parameters). */
export function tryModel<P extends object>(fit: () => ModelFit<P>, k: number): LtvModel<P> {
  try {
    const f = fit();
    const values = Object.values(f.params) as number[];
    if (!Number.isFinite(f.logLikelihood) || values.some((v) => !Number.isFinite(v))) {
      return { ok: false, code: 'not-converged', message: 'the fit gave non-finite values' };
    }
    return {
      ok: true,
      params: f.params,
      logLikelihood: f.logLikelihood,
      aic: 2 * k - 2 * f.logLikelihood,
      converged: f.converged,
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
  let sxy = 0,
    sxx = 0,
    syy = 0;
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
export function tracking(input: TrackingInput, fitted: readonly FittedPurchaseModel[]): LtvFitResult['tracking'] {
  const groups = new Map<number, number>();
  for (const o of input.firstOffsets) groups.set(o, (groups.get(o) ?? 0) + 1);
  const step = Math.max(1, Math.ceil(input.periods / 400));
  // E[X(t)] of a new customer: the expectation if alive at age 0 times P(alive) at age 0.
  const newcomer = fitted.map((f) => ({ id: f.id, ifAlive: f.ifAlive, atStart: f.alive({ frequency: 0, recency: 0, T: 0 }) }));
  const out: LtvFitResult['tracking'] = [];
  let actual = 0;
  for (let k = 0; k < input.periods; k++) {
    actual += input.repeatsByPeriod.get(k) ?? 0;
    if (k % step !== 0 && k !== input.periods - 1) continue;
    const end = (k + 1) * input.unitDays;
    const expected: ByPurchaseModel = {};
    for (const m of newcomer) {
      let e = 0;
      for (const [offset, n] of groups) {
        const t = (end - offset) / input.unitDays;
        if (t > 0) e += n * m.ifAlive(t, 0, 0) * m.atStart;
      }
      expected[m.id] = e;
    }
    out.push({ period: k + 1, actual, expected });
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
    const byPair = aggregateRows(
      byHistory.values.map(([frequency, , T]) => ({ frequency, T })),
      ['frequency', 'T']
    );
    groups = {
      histories: byHistory.values,
      customers: byHistory.weights,
      historyOfRow: byHistory.rowIndex,
      pairs: byPair.values,
      pairOfHistory: byPair.rowIndex
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

/** A purchase model of the registry that fitted, with its expectations bound to its parameters. */
export interface FittedPurchaseModel {
  id: PurchaseModelId;
  alive: (history: RfmRow) => number;
  ifAlive: (t: number, x: number, T: number) => number;
}

/** The purchase models of a fit that fitted, in the registry's order (the first is the anchor). */
export function fittedPurchaseModels(models: readonly LtvModelResult[]): FittedPurchaseModel[] {
  const out: FittedPurchaseModel[] = [];
  for (const r of models) {
    const m = LTV_MODELS[r.id] as PurchaseModel<object> | SpendModel<object>;
    if (!r.ok || m.kind !== 'purchase') continue;
    const params = r.params;
    out.push({ id: r.id as PurchaseModelId, alive: m.alive(params), ifAlive: (t, x, T) => m.ifAlive(params, t, x, T) });
  }
  return out;
}

/** Mean actual vs expected holdout transactions by calibration frequency 0..7+ (FHL 2005, fig. 4). */
export function calibrationHoldout(
  rows: readonly LtvRfmRow[],
  holdoutLength: number,
  fitted: readonly FittedPurchaseModel[]
): LtvFitResult['calibrationHoldout'] {
  const bins = Array.from({ length: 8 }, (_, i) => ({
    frequency: i === 7 ? '7+' : String(i),
    customers: 0,
    actual: 0,
    expected: {} as ByPurchaseModel
  }));
  for (const r of rows) {
    const b = bins[Math.min(7, r.frequency)];
    b.customers++;
    b.actual += r.frequencyHoldout;
  }
  const g = groupHistories(rows);
  for (const m of fitted) {
    for (const b of bins) b.expected[m.id] = 0;
    const ifAlive = g.pairs.map(([x, T]) => m.ifAlive(holdoutLength, x, T));
    g.histories.forEach(([frequency, recency, T], k) => {
      bins[Math.min(7, frequency)].expected[m.id]! += g.customers[k] * ifAlive[g.pairOfHistory[k]] * m.alive({ frequency, recency, T });
    });
  }
  return bins
    .filter((b) => b.customers > 0)
    .map((b) => {
      const expected: ByPurchaseModel = {};
      for (const m of fitted) expected[m.id] = b.expected[m.id]! / b.customers;
      return { frequency: b.frequency, customers: b.customers, actual: b.actual / b.customers, expected };
    });
}

/**
 * P(alive) and expected purchases in the next t units over a grid of frequency × recency for a
 * customer of age T (the iso-value view of Fader, Hardie & Lee 2005b), under one model. With no
 * repeat purchase the recency is 0 whatever the column, so the x = 0 row is constant.
 */
export function heatmap(rows: readonly LtvRfmRow[], model: FittedPurchaseModel, t: number): NonNullable<LtvFitResult['heatmap']> {
  // A loop, not Math.max(...rows): spreading 500,000 arguments overflows the stack (RangeError).
  let T = -Infinity,
    topF = 1;
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
    const alive = recencies.map((tx) => model.alive({ frequency: x, recency: x === 0 ? 0 : tx, T }));
    pAlive.push(alive);
    expected.push(alive.map((p) => (t === 0 ? 0 : model.ifAlive(t, x, T) * p)));
  }
  return { model: model.id, T, t, frequencies, recencies, pAlive, expected };
}

/**
 * The purchase model AIC prefers, among those that fitted with every parameter identified: a fit
 * whose likelihood is flat or whose parameters ran away has a meaningless AIC (the Pareto/NBD limit
 * s, β → ∞ is a different, simpler model), so it is never chosen. Ties go to the earlier entry.
 */
export function preferredModel(models: readonly LtvModelResult[]): LtvFitResult['preferred'] {
  let best: LtvFitResult['preferred'] = null,
    bestAic = Infinity;
  for (const m of models) {
    if (m.kind !== 'purchase' || !m.ok || m.unidentified.length > 0 || !(m.aic < bestAic)) continue;
    best = m.id as PurchaseModelId;
    bestAic = m.aic;
  }
  return best;
}

/** Every model of the registry on one summary, each allowed to fail on its own, and the AIC choice. */
export function fitModels(rows: readonly LtvRfmRow[]): Pick<LtvFitResult, 'models' | 'preferred' | 'spendCorrelation'> {
  // Customers with the same (x, tₓ, T) are one weighted history for every purchase model (merged
  // once here, not once per model); a bad row fails each model with its reason inside tryModel.
  let histories: RfmRow[] | null = null;
  const merged = () => {
    const g = groupHistories(rows);
    return (histories ??= g.histories.map(([frequency, recency, T], i) => ({ frequency, recency, T, count: g.customers[i] })));
  };
  const repeat = rows.filter((r) => r.frequency > 0 && r.monetaryValue > 0);
  // Without amounts (or with only zero/negative repeat spend) say so, rather than "no repeat buyers".
  const noSpend = repeat.length === 0 && rows.some((r) => r.frequency > 0);
  const models = MODEL_ENTRIES.map(([id, m]): LtvModelResult => {
    const k = Object.keys(m.symbols).length;
    const fit: LtvModel<Record<string, number>> =
      m.kind === 'purchase'
        ? tryModel(() => m.fit(merged()) as ModelFit<Record<string, number>>, k)
        : noSpend
          ? { ok: false, code: 'no-spend', message: 'no repeat buyer has a positive amount' }
          : tryModel(() => m.fit(rows) as ModelFit<Record<string, number>>, k);
    return { id, kind: m.kind, label: m.label, reference: m.reference, symbols: m.symbols as Record<string, string>, ...fit };
  });
  const spendCorrelation = correlation(
    repeat.map((r) => r.frequency),
    repeat.map((r) => r.monetaryValue)
  );
  return { models, preferred: preferredModel(models), spendCorrelation };
}
