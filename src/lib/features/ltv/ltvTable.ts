/**
 * The year-by-year lifetime-value teaching table of seed 003 (史雁军, "应用生命周期价值改进客户关系
 * 管理策略", 2005; the table layout is the classic one of Hughes, "Strategic Database Marketing"):
 * a cohort of acquired customers followed year by year, with retention, revenue, direct cost,
 * the year-1 acquisition cost, gross profit, the discount factor (1+d)^t, NPV and LTV per acquired
 * customer. Pure maths: it runs on the UI thread as the trainer types.
 *
 * The seed states the lesson but prints no numbers, so DEFAULTS are an illustrative example chosen
 * to show it: acquisition loses money in year 1, profit appears only in years 2–3.
 */

export interface LtvTableInputs {
  /** Customers acquired at the start of year 1. */
  acquired: number;
  /** Share of a year's customers still customers the next year: one value per year, or one for all. */
  retention: number | number[];
  /** Revenue per remaining customer per year. */
  revenuePerCustomer: number;
  /** Direct cost as a fraction of revenue (0.6 = 60%). */
  directCostRate: number;
  /** Acquisition cost per acquired customer, spent in year 1. */
  acquisitionCost: number;
  /** Annual discount rate (0.15 = 15%). */
  discountRate: number;
  years: number;
  /** A programme's cost spent at the start of year 1 beside the acquisition cost (the retention spend). */
  programmeCost?: number;
}

export interface LtvTableRow {
  year: number;
  customers: number;
  retention: number;
  revenuePerCustomer: number;
  revenue: number;
  directCost: number;
  acquisitionCost: number;
  totalCost: number;
  grossProfit: number;
  /** (1+d)^t with t = year − 1: year-1 money is not discounted. */
  discountFactor: number;
  npv: number;
  cumulativeNpv: number;
  /** Cumulative NPV per customer acquired. */
  ltv: number;
}

export const DEFAULTS: LtvTableInputs = {
  acquired: 10_000,
  retention: [0.6, 0.7, 0.75, 0.8, 0.8],
  revenuePerCustomer: 500,
  directCostRate: 0.6,
  acquisitionCost: 250,
  discountRate: 0.15,
  years: 5
};

/** Retention of year `i` (0-based): the per-year value, the last one given, or the constant. */
export function retentionAt(retention: number | number[], i: number): number {
  if (typeof retention === 'number') return retention;
  if (retention.length === 0) return 0;
  return retention[Math.min(i, retention.length - 1)];
}

/** The table; inputs that are not finite numbers count as 0 so the table never shows NaN. */
export function ltvTable(inputs: LtvTableInputs): LtvTableRow[] {
  const f = (v: number) => (Number.isFinite(v) ? v : 0);
  const years = Math.max(0, Math.min(50, Math.round(f(inputs.years))));
  const rows: LtvTableRow[] = [];
  let customers = Math.max(0, f(inputs.acquired));
  let cumulativeNpv = 0;
  for (let i = 0; i < years; i++) {
    const retention = Math.min(1, Math.max(0, f(retentionAt(inputs.retention, i))));
    const revenuePerCustomer = f(inputs.revenuePerCustomer);
    const revenue = customers * revenuePerCustomer;
    const directCost = revenue * f(inputs.directCostRate);
    const acquisitionCost = i === 0 ? f(inputs.acquired) * f(inputs.acquisitionCost) : 0;
    const totalCost = directCost + acquisitionCost + (i === 0 ? f(inputs.programmeCost ?? 0) : 0);
    const grossProfit = revenue - totalCost;
    const discountFactor = Math.pow(1 + f(inputs.discountRate), i);
    const npv = discountFactor > 0 ? grossProfit / discountFactor : 0;
    cumulativeNpv += npv;
    rows.push({
      year: i + 1,
      customers,
      retention,
      revenuePerCustomer,
      revenue,
      directCost,
      acquisitionCost,
      totalCost,
      grossProfit,
      discountFactor,
      npv,
      cumulativeNpv,
      ltv: inputs.acquired > 0 ? cumulativeNpv / f(inputs.acquired) : 0
    });
    customers *= retention;
  }
  return rows;
}

/** First year whose cumulative NPV is ≥ 0 (the payback year), or null. */
export function paybackYear(rows: readonly LtvTableRow[]): number | null {
  return rows.find((r) => r.cumulativeNpv >= 0)?.year ?? null;
}

/** The same budget spent on acquisition or on retention, side by side (the lesson of seed 003). */
export interface SpendComparison {
  baseline: LtvTableRow[];
  /** Null when acquisition costs nothing in the inputs (the budget would buy unlimited customers). */
  acquisition: LtvTableRow[] | null;
  retention: LtvTableRow[];
  /** Customers the budget acquires at the acquisition cost; null as above. */
  extraCustomers: number | null;
  /** Final cumulative NPV minus the baseline's, per option. */
  gain: { acquisition: number | null; retention: number };
  /**
   * Retention points (every year) the budget must buy to gain as much as spending it on acquisition:
   * 0 when retention wins at any uplift, null when no uplift up to 100% retention does (or acquisition is free).
   */
  breakEvenPoints: number | null;
}

const last = (rows: readonly LtvTableRow[]) => rows.at(-1)?.cumulativeNpv ?? 0;

/** Every year's retention raised by `points` percentage points, capped at 100%. */
export function raiseRetention(retention: number | number[], points: number): number | number[] {
  const up = (r: number) => Math.min(1, (Number.isFinite(r) ? r : 0) + (Number.isFinite(points) ? points : 0) / 100);
  return typeof retention === 'number' ? up(retention) : retention.map(up);
}

/**
 * A budget spent at the start of year 1 either on acquisition (budget ÷ acquisition cost more
 * customers, who then behave like the cohort; their acquisition cost is the budget) or on a retention
 * programme assumed to raise every year's retention by `upliftPoints` (its cost is the budget).
 * Gains are in cumulative NPV over the table's years, against the table as it is.
 */
export function compareSpend(inputs: LtvTableInputs, budget: number, upliftPoints: number): SpendComparison {
  const b = Number.isFinite(budget) ? Math.max(0, budget) : 0;
  const baseline = ltvTable(inputs);
  const cost = Number.isFinite(inputs.acquisitionCost) ? inputs.acquisitionCost : 0;
  const extraCustomers = cost > 0 ? b / cost : null;
  const acquisition =
    extraCustomers == null
      ? null
      : ltvTable({ ...inputs, acquired: (Number.isFinite(inputs.acquired) ? inputs.acquired : 0) + extraCustomers });
  const retained = (points: number) => ltvTable({ ...inputs, retention: raiseRetention(inputs.retention, points), programmeCost: b });
  const retention = retained(upliftPoints);
  const gain = { acquisition: acquisition ? last(acquisition) - last(baseline) : null, retention: last(retention) - last(baseline) };
  let breakEvenPoints: number | null = null;
  if (gain.acquisition != null) {
    // The retention gain grows with the uplift (more customers stay, each earning the same margin):
    // bisect on [0, 100] points.
    const target = gain.acquisition + last(baseline);
    if (last(retained(0)) >= target) breakEvenPoints = 0;
    else if (last(retained(100)) >= target) {
      let lo = 0,
        hi = 100;
      for (let k = 0; k < 50; k++) {
        const mid = (lo + hi) / 2;
        if (last(retained(mid)) >= target) hi = mid;
        else lo = mid;
      }
      breakEvenPoints = hi;
    }
  }
  return { baseline, acquisition, retention, extraCustomers, gain, breakEvenPoints };
}
