/**
 * Campaign arithmetic of seed 004 (Shenzhen Mobile): a seeded random control group, the uplift of
 * the target arm over control with a Welch 95% interval, the churn-retention ROI with every term,
 * the value filter's saving and the annualised benefit of the top-up case.
 */
import { seededUniform } from './prng.ts';
import { lbeta } from './special.ts';
import { ModelError } from './errors.ts';

/** Splits ids into target and control: exactly round(share·n) controls, chosen by a seeded shuffle. */
export function splitControl<T>(ids: readonly T[], share: number, seed: number): { target: T[]; control: T[] } {
  if (!(share >= 0 && share < 1)) throw new ModelError('invalid-input', 'Control share must be in [0, 1).');
  const uniform = seededUniform(seed);
  const order = ids.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nControl = Math.round(share * ids.length);
  const isControl = new Uint8Array(ids.length);
  for (let i = 0; i < nControl; i++) isControl[order[i]] = 1;
  return { target: ids.filter((_, i) => !isControl[i]), control: ids.filter((_, i) => isControl[i]) };
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4). */
function betaInc(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - betaInc(1 - x, b, a);
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - lbeta(a, b)) / a;
  let f = 1,
    c = 1,
    d = 0;
  for (let i = 0; i <= 300; i++) {
    const m = i >> 1;
    const num =
      i === 0
        ? 1
        : i % 2 === 0
          ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
          : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    d = Math.abs(d) < 1e-300 ? 1e-300 : d;
    d = 1 / d;
    c = 1 + num / c;
    c = Math.abs(c) < 1e-300 ? 1e-300 : c;
    const cd = c * d;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-12) break;
  }
  return front * (f - 1);
}

/** Student t CDF with (possibly fractional) df. */
export function studentTCdf(t: number, df: number): number {
  const p = 0.5 * betaInc(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - p : p;
}

/** Student t quantile by bisection (p in (0, 1)). */
export function studentTQuantile(p: number, df: number): number {
  let lo = -1e3,
    hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface WelchResult {
  meanA: number;
  meanB: number;
  /** meanA − meanB */
  difference: number;
  se: number;
  df: number;
  low: number;
  high: number;
}

/** Difference of means with Welch's unequal-variance interval (R: `t.test(a, b, var.equal = FALSE)`). */
export function welchInterval(a: readonly number[], b: readonly number[], level = 0.95): WelchResult {
  if (a.length < 2 || b.length < 2) throw new ModelError('too-few-rows', 'Each arm needs at least two customers.');
  const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const variance = (v: readonly number[], mu: number) => v.reduce((s, x) => s + (x - mu) ** 2, 0) / (v.length - 1);
  const meanA = mean(a),
    meanB = mean(b);
  const va = variance(a, meanA) / a.length,
    vb = variance(b, meanB) / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const q = se > 0 ? studentTQuantile(1 - (1 - level) / 2, df) : 0;
  const difference = meanA - meanB;
  return { meanA, meanB, difference, se, df, low: difference - q * se, high: difference + q * se };
}

const finite = (x: Record<string, number | null | undefined>) => {
  for (const [k, v] of Object.entries(x))
    if (v != null && !Number.isFinite(v)) throw new ModelError('invalid-input', `${k} must be a finite number.`);
};
const share = (v: number, what: string) => {
  if (!(v >= 0 && v <= 1)) throw new ModelError('invalid-input', `${what} must be in [0, 1].`);
};
const nonNegative = (v: number, what: string) => {
  if (!(v >= 0)) throw new ModelError('invalid-input', `${what} must be 0 or more.`);
};

export interface RetentionRoiInput {
  /** Names on the list (seed: 80,000 a month). */
  listSize: number;
  /** Share of the list retained or converted (seed: 15%). */
  successRate: number;
  /** Cost of one success, yuan (seed: 450 yuan per retention). */
  costPerSuccess: number;
  /** Monthly ARPU of the retained high-value customers minus the control group's, yuan. */
  arpuDifference: number;
  /** Months the benefit is counted over (seed: a one-year bundle, 12). */
  bundleMonths: number;
  /** The control group's success rate, when there is one. */
  controlSuccessRate?: number | null;
  /**
   * Cost of contacting one name on the list, yuan, paid for every name whether it succeeds or not (a
   * channel's cost: the seed gives none); absent = 0, the retention case as the seed states it.
   */
  costPerContact?: number | null;
}
export interface RetentionRoi {
  successes: number;
  cost: number;
  benefit: number;
  net: number;
  /** net ÷ cost; null when nothing was spent. */
  roi: number | null;
  /** Successes beyond what the control group's rate would have given; null without a control rate. */
  incrementalSuccesses: number | null;
}

/**
 * The churn-retention ROI of seed 004 (Shenzhen Mobile, 离网挽留: "按照每月8万客户的名单，15%的平均成功率，
 * 每次挽留的平均成本为450元 … 按照捆绑一年预估 … 按高客户价值客户的ARPU和对照组的ARPU值之差估算"):
 * successes = list × success rate; cost = successes × cost per success (+ list × cost per contact,
 * when a channel's contact cost is given); benefit = successes × ARPU
 * difference × bundle months; net = benefit − cost; ROI = net ÷ cost. The seed's own totals (67.5万
 * cost, 216万 benefit) do not follow from its inputs (80,000 × 15% × 450 = 540万 a month), so the
 * product shows every term instead of the seed's totals.
 * @throws {ModelError} 'invalid-input' for rates outside [0, 1], negative sizes, costs or months, non-finite values
 * @example retentionRoi({ listSize: 80_000, successRate: 0.15, costPerSuccess: 450, arpuDifference: 50, bundleMonths: 12 })
 *   // { successes: 12000, cost: 5400000, benefit: 7200000, net: 1800000, roi: 0.333…, incrementalSuccesses: null }
 */
export function retentionRoi(x: RetentionRoiInput): RetentionRoi {
  finite({ ...x });
  nonNegative(x.listSize, 'List size');
  share(x.successRate, 'Success rate');
  nonNegative(x.costPerSuccess, 'Cost per success');
  nonNegative(x.bundleMonths, 'Bundle months');
  if (x.controlSuccessRate != null) share(x.controlSuccessRate, 'Control success rate');
  if (x.costPerContact != null) nonNegative(x.costPerContact, 'Cost per contact');
  const successes = x.listSize * x.successRate;
  const cost = successes * x.costPerSuccess + x.listSize * (x.costPerContact ?? 0);
  const benefit = successes * x.arpuDifference * x.bundleMonths;
  const net = benefit - cost;
  return {
    successes,
    cost,
    benefit,
    net,
    roi: cost > 0 ? net / cost : null,
    incrementalSuccesses: x.controlSuccessRate == null ? null : x.listSize * (x.successRate - x.controlSuccessRate)
  };
}

export interface ValueFilterSavingInput {
  /** Contacts of the campaigns before the value filter (seed: 3.89 million). */
  contacts: number;
  /** Share the value filter drops (seed: the bottom 5%). */
  dropShare: number;
  /** Marketing cost per contact, yuan (seed: 16). */
  costPerHead: number;
}

/**
 * What the value filter saves on care campaigns (seed 004, 合约关怀: "过滤客户价值排名后5%的客户 … 参与人次达到389万
 * … 按人均营销成本16元估算，节约成本300万"): contacts dropped = contacts × drop share; saving = contacts
 * dropped × cost per head (3,890,000 × 5% × 16 = 3,112,000 yuan, the seed's "about 3 million").
 * @throws {ModelError} 'invalid-input' for a share outside [0, 1] or negative counts or costs
 */
export function valueFilterSaving(x: ValueFilterSavingInput): { dropped: number; saving: number } {
  finite({ ...x });
  nonNegative(x.contacts, 'Contacts');
  share(x.dropShare, 'Drop share');
  nonNegative(x.costPerHead, 'Cost per head');
  const dropped = x.contacts * x.dropShare;
  return { dropped, saving: dropped * x.costPerHead };
}

export interface AnnualisedBenefitInput {
  /** Customers targeted (seed: about 1.3 million). */
  targets: number;
  /** seed: 15% */
  successRate: number;
  /** Monthly ARPU of the successes above the control group's, yuan. */
  arpuDifference: number;
  /** Months of the campaign's bundle (seed: one year). */
  months: number;
}

/**
 * The annualised benefit of the top-up-to-deposit case (seed 004, 充值转预存: "目标客户约130万，15%的平均成功率，
 * 每月客户产出的效益提升约有137万 … 以活动捆绑期一年的效益估算，提升的效益值约有1644万"): successes = targets ×
 * success rate; monthly = successes × ARPU difference; total = monthly × months. The seed gives the
 * monthly 1.37 million, not the ARPU difference; 1,370,000 ÷ 195,000 ≈ 7.03 yuan is what it implies.
 * @throws {ModelError} 'invalid-input' for a rate outside [0, 1] or negative counts or months
 */
export function annualisedBenefit(x: AnnualisedBenefitInput): { successes: number; monthly: number; total: number } {
  finite({ ...x });
  nonNegative(x.targets, 'Targets');
  share(x.successRate, 'Success rate');
  nonNegative(x.months, 'Months');
  const successes = x.targets * x.successRate;
  const monthly = successes * x.arpuDifference;
  return { successes, monthly, total: monthly * x.months };
}
