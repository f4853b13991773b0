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
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  paretoNbdConditionalPurchases,
  paretoNbdExpectedPurchases,
  ModelError,
  type BgNbdParams,
  type ParetoNbdParams
} from '../models/index.ts';
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

/** Mean actual vs expected holdout transactions by calibration frequency 0..7+ (FHL 2005, fig. 4). */
export function calibrationHoldout(
  rows: readonly LtvRfmRow[], holdoutLength: number, bg: BgNbdParams | null, pareto: ParetoNbdParams | null
): LtvFitResult['calibrationHoldout'] {
  const bins = Array.from({ length: 8 }, (_, i) => ({ frequency: i === 7 ? '7+' : String(i), customers: 0, actual: 0, bg: 0, pn: 0 }));
  for (const r of rows) {
    const b = bins[Math.min(7, r.frequency)];
    b.customers++;
    b.actual += r.frequencyHoldout;
    if (bg) b.bg += bgNbdConditionalPurchases(bg, holdoutLength, r);
    if (pareto) b.pn += paretoNbdConditionalPurchases(pareto, holdoutLength, r);
  }
  return bins.filter((b) => b.customers > 0).map((b) => ({
    frequency: b.frequency,
    customers: b.customers,
    actual: b.actual / b.customers,
    bgNbd: bg ? b.bg / b.customers : null,
    paretoNbd: pareto ? b.pn / b.customers : null
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
  const bgNbd = tryModel(() => fitBgNbd(rows), 4);
  const paretoNbd = tryModel(() => fitParetoNbd(rows), 4);
  const repeat = rows.filter((r) => r.frequency > 0 && r.monetaryValue > 0);
  // Without amounts (or with only zero/negative repeat spend) say so, rather than "no repeat buyers".
  const gammaGamma: LtvModel<{ p: number; q: number; v: number }> = repeat.length === 0 && rows.some((r) => r.frequency > 0)
    ? { ok: false, code: 'no-spend', message: 'no repeat buyer has a positive amount' }
    : tryModel(() => fitGammaGamma(rows), 3);
  const spendCorrelation = correlation(repeat.map((r) => r.frequency), repeat.map((r) => r.monetaryValue));
  return { bgNbd, paretoNbd, gammaGamma, preferred: preferredModel(bgNbd, paretoNbd), spendCorrelation };
}
