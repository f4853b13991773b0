/**
 * Future value (未来价值) of seed 004: revenue of the next 3 months predicted from the previous 6
 * months' indicators (the anchor month included) by a multiple linear regression fitted per value
 * group (the seed splits customers into 3 groups by value before modelling). The fit is trained on
 * an earlier window (anchor = evaluation − 6 months, target = the 3 months after) and judged on a
 * later one (anchor = evaluation − 3), with the seed's error measures: absolute error |pred − actual|
 * and relative error |pred − actual| / actual as cumulative shares of customers. Only customers who
 * stayed the whole 3 target months train or judge the model ("if the customer is kept").
 */
import { fitLinearRegression, type LinearModel } from '../models/index.ts';
import type { CurvePoint, FutureBenchmark, FutureGroup, FutureSummary, ValueNote } from './contract.ts';
import type { CustomerWindow } from './window.ts';

type Feature = { name: string; get: (c: CustomerWindow) => number | null };

const ALL_FEATURES: Feature[] = [
  { name: 'revMean6', get: (c) => c.revMean6 },
  { name: 'revLast', get: (c) => c.revLast },
  { name: 'voiceMean6', get: (c) => c.voiceMean6 },
  { name: 'dataMean6', get: (c) => c.dataMean6 },
  { name: 'smsMean6', get: (c) => c.smsMean6 },
  { name: 'vasLast', get: (c) => c.vasLast },
  { name: 'arrears6', get: (c) => c.arrears6 },
  { name: 'tenure', get: (c) => c.tenure }
];

interface GroupModel {
  features: Feature[];
  fit: LinearModel | null;
}

export interface FutureModel {
  summary: FutureSummary;
  /** Predicted revenue of the 3 months after the anchor of `c` (never negative). */
  predict(c: CustomerWindow): number;
}

const row = (c: CustomerWindow, features: Feature[]) => features.map((f) => f.get(c) ?? 0);

/** Whether a feature takes more than one value over `customers` (a loop: no array per feature). */
function varies(customers: CustomerWindow[], f: Feature): boolean {
  if (!customers.length) return false;
  const first = f.get(customers[0]) ?? 0;
  for (const c of customers) if ((f.get(c) ?? 0) !== first) return true;
  return false;
}

/** predictLinear(fit, row(c, features)), term by term in its order, without the row's array. */
function predictRow(fit: LinearModel, features: Feature[], c: CustomerWindow): number {
  let v = fit.coefficients[0];
  for (let j = 0; j < features.length; j++) v += fit.coefficients[j + 1] * (features[j].get(c) ?? 0);
  return v;
}

/** Fits the per-group models on `train`; features are the indicators present in the data. */
function fitGroup(train: CustomerWindow[], features: Feature[]): { model: GroupModel; dropped: string[] } {
  const kept = features.filter((f) => varies(train, f));
  const dropped = features.filter((f) => !kept.includes(f)).map((f) => f.name);
  try {
    const fit = fitLinearRegression(
      train.map((c) => row(c, kept)),
      train.map((c) => c.target ?? 0)
    );
    return { model: { features: kept, fit }, dropped };
  } catch {
    return { model: { features: kept, fit: null }, dropped };
  }
}

/** Cumulative share of `errors` ≤ x on a grid of `steps` + 1 points from 0 to `max`. */
export function cumulativeCurve(errors: number[], max: number, steps = 20): CurvePoint[] {
  const sorted = [...errors].sort((a, b) => a - b);
  const out: CurvePoint[] = [];
  let i = 0;
  for (let s = 0; s <= steps; s++) {
    const x = (max * s) / steps;
    while (i < sorted.length && sorted[i] <= x + 1e-9) i++;
    out.push({ x, share: sorted.length ? i / sorted.length : 0 });
  }
  return out;
}

/**
 * The seed's benchmarks of its future-value model ("预测绝对误差可控：低价值人群90%以上在40元以内，高价值
 * 人群…70%能控制在100元以内；预测相对误差可控：高、中价值人群80%以上…可控制在0.4，特别是高价值人群，60%以上…
 * 可控制在0.2"), read on the lowest group (low), the highest (high) and those between (mid).
 */
export const SEED_BENCHMARKS: readonly Omit<FutureBenchmark, 'group' | 'share' | 'met'>[] = [
  { level: 'low', measure: 'abs', threshold: 40, target: 0.9 },
  { level: 'high', measure: 'abs', threshold: 100, target: 0.7 },
  { level: 'mid', measure: 'rel', threshold: 0.4, target: 0.8 },
  { level: 'high', measure: 'rel', threshold: 0.4, target: 0.8 },
  { level: 'high', measure: 'rel', threshold: 0.2, target: 0.6 }
];

/** The seed's name of group k of g (g ≥ 2): the lowest is low, the highest high, the rest mid. */
export const groupLevel = (k: number, g: number): FutureBenchmark['level'] => (k === 0 ? 'low' : k === g - 1 ? 'high' : 'mid');

/** Each benchmark on each group of its level, with this data's share within the bound. */
export function benchmarks(errors: { abs: number[]; rel: number[] }[]): FutureBenchmark[] {
  const g = errors.length;
  if (g < 2) return [];
  return SEED_BENCHMARKS.flatMap((b) =>
    errors.flatMap((e, group) => {
      if (groupLevel(group, g) !== b.level) return [];
      const values = b.measure === 'abs' ? e.abs : e.rel;
      const share = values.length ? values.filter((v) => v <= b.threshold + 1e-9).length / values.length : null;
      return [{ ...b, group, share, met: share == null ? null : share >= b.target }];
    })
  );
}

/** A round upper end for an axis: 1, 2 or 5 × a power of ten at or above v. */
function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((k) => k * p).find((x) => x >= v)!;
}

export function fitFutureModel(
  train: CustomerWindow[],
  evaluate: CustomerWindow[] | null,
  trainMonth: string,
  evalMonth: string | null,
  groups: number,
  present: (feature: string) => boolean,
  notes: ValueNote[]
): FutureModel | null {
  const features = ALL_FEATURES.filter((f) => present(f.name));
  const kept = train.filter((c) => c.targetMonths === 3 && c.target != null);
  if (kept.length < features.length + 2) {
    notes.push({ key: 'futureTooFewCustomers', vars: { n: kept.length } });
    return null;
  }
  // Group bounds: quantiles of the 6-month mean revenue of the training customers.
  const sortedSpend = kept.map((c) => c.revMean6).sort((a, b) => a - b);
  const g = Math.max(1, Math.min(5, Math.round(groups)));
  const cuts = Array.from({ length: g - 1 }, (_, i) => sortedSpend[Math.floor(((i + 1) * sortedSpend.length) / g)]);
  // A customer's group: how many cuts its spend reaches (a loop: this runs for every customer, several times).
  const groupOf = (c: CustomerWindow) => {
    let k = 0;
    for (const x of cuts) if (c.revMean6 >= x) k++;
    return k;
  };
  const pooled = fitGroup(kept, features).model;
  const naive = (c: CustomerWindow) => 3 * c.revMean6;
  const keptGroup = kept.map(groupOf);
  const models = Array.from({ length: g }, (_, k) => {
    const members = kept.filter((_, i) => keptGroup[i] === k);
    const { model, dropped } = fitGroup(members, features);
    const kind: FutureGroup['model'] = model.fit ? 'group' : pooled.fit ? 'pooled' : 'naive';
    if (kind !== 'group') notes.push({ key: 'futureGroupFallback', vars: { group: k + 1, n: members.length } });
    const use = kind === 'group' ? model : pooled;
    const predict = (c: CustomerWindow) => (use.fit ? predictRow(use.fit, use.features, c) : naive(c));
    return { members, model, dropped, kind, predict };
  });
  const predict = (c: CustomerWindow) => Math.max(0, models[groupOf(c)].predict(c));
  const judged = (evaluate ?? []).filter((c) => c.targetMonths === 3 && c.target != null);
  // Each judged customer's error once (the curves and the benchmarks read them per group).
  const absError = judged.map((c) => Math.abs(predict(c) - c.target!));
  const absAll = [...absError].sort((a, b) => a - b);
  const absMax = niceCeil(absAll[Math.floor(0.95 * (absAll.length - 1))] ?? 1);
  const judgedGroup = judged.map(groupOf);
  const errors = models.map((_, k) => {
    const at = judged.flatMap((_, i) => (judgedGroup[i] === k ? [i] : []));
    return {
      mine: at.map((i) => judged[i]),
      abs: at.map((i) => absError[i]),
      rel: at.filter((i) => judged[i].target! > 0).map((i) => absError[i] / judged[i].target!)
    };
  });
  const summary: FutureSummary = {
    trainMonth,
    evalMonth,
    features: features.map((f) => f.name),
    benchmarks: evalMonth ? benchmarks(errors) : [],
    groups: models.map((m, k) => {
      const { mine, abs, rel } = errors[k];
      const fit = m.model.fit;
      return {
        group: k,
        from: k === 0 ? null : cuts[k - 1],
        to: k === g - 1 ? null : cuts[k],
        trained: m.members.length,
        coefficients: fit
          ? fit.coefficients.map((estimate, i) => ({
              term: i === 0 ? 'intercept' : m.model.features[i - 1].name,
              estimate,
              standardError: fit.standardErrors[i]
            }))
          : [],
        rSquared: fit?.rSquared ?? null,
        dropped: m.dropped,
        model: m.kind,
        evaluated: mine.length,
        meanAbsError: abs.length ? abs.reduce((s, v) => s + v, 0) / abs.length : null,
        absCurve: cumulativeCurve(abs, absMax),
        relCurve: cumulativeCurve(rel, 1),
        zeroActual: mine.length - rel.length
      };
    })
  };
  return { summary, predict };
}
