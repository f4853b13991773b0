import { describe, expect, it } from 'vitest';
import { compareSpend, DEFAULTS, ltvTable, paybackYear, raiseRetention, retentionAt } from './ltvTable';

describe('seed-003 LTV teaching table', () => {
  it('computes the default example by hand: year 1 loses money, years 2–3 profit', () => {
    const rows = ltvTable(DEFAULTS);
    expect(rows).toHaveLength(5);
    const [y1, y2, y3] = rows;
    expect(y1).toMatchObject({
      customers: 10_000,
      revenue: 5_000_000,
      directCost: 3_000_000,
      acquisitionCost: 2_500_000,
      grossProfit: -500_000,
      discountFactor: 1,
      npv: -500_000
    });
    expect(y1.ltv).toBeCloseTo(-50, 10);
    expect(y2.customers).toBeCloseTo(6_000, 9);
    expect(y2.acquisitionCost).toBe(0);
    expect(y2.grossProfit).toBeCloseTo(1_200_000, 6);
    expect(y2.discountFactor).toBeCloseTo(1.15, 12);
    expect(y2.npv).toBeCloseTo(1_200_000 / 1.15, 6);
    expect(y3.customers).toBeCloseTo(4_200, 9);
    expect(y3.npv).toBeCloseTo(840_000 / 1.3225, 6);
    expect(y3.cumulativeNpv).toBeCloseTo(-500_000 + 1_200_000 / 1.15 + 840_000 / 1.3225, 6);
    expect(y3.ltv).toBeCloseTo(y3.cumulativeNpv / 10_000, 10);
    expect(paybackYear(rows)).toBe(2);
  });

  it('retention pays more than acquisition: +5 points of retention beat a 5% cheaper acquisition', () => {
    const base = ltvTable(DEFAULTS).at(-1)!.ltv;
    const retained = ltvTable({ ...DEFAULTS, retention: (DEFAULTS.retention as number[]).map((r) => r + 0.05) }).at(-1)!.ltv;
    const cheaper = ltvTable({ ...DEFAULTS, acquisitionCost: DEFAULTS.acquisitionCost * 0.95 }).at(-1)!.ltv;
    expect(retained - base).toBeGreaterThan(cheaper - base);
  });

  it('constant retention, a short retention list, and bad inputs never give NaN', () => {
    const c = ltvTable({ ...DEFAULTS, retention: 0.5, years: 3 });
    expect(c.map((r) => r.customers)).toEqual([10_000, 5_000, 2_500]);
    expect(retentionAt([0.6, 0.7], 4)).toBe(0.7);
    const bad = ltvTable({ ...DEFAULTS, acquired: NaN, revenuePerCustomer: Number('x'), discountRate: NaN });
    for (const r of bad) for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
    expect(ltvTable({ ...DEFAULTS, years: 0 })).toEqual([]);
  });
});

describe('the same budget on acquisition or on retention (the lesson of seed 003)', () => {
  // By hand on the defaults: margin 500 × (1 − 0.6) = 200 yuan per customer-year, discount 15%.
  const npv = (customers: number[], year1Cost: number) =>
    customers.reduce((s, n, i) => s + (n * 200 - (i === 0 ? year1Cost : 0)) / Math.pow(1.15, i), 0);
  const baseline = npv([10_000, 6_000, 4_200, 3_150, 2_520], 2_500_000);

  it('acquisition buys budget ÷ cost customers; retention pays the budget once and lifts every year', () => {
    const c = compareSpend(DEFAULTS, 250_000, 10);
    expect(c.baseline.at(-1)!.cumulativeNpv).toBeCloseTo(baseline, 6);
    expect(c.extraCustomers).toBe(1_000);
    // 11,000 customers who behave like the cohort, 2,750,000 yuan of acquisition: 1.1 × the baseline.
    expect(c.acquisition!.at(-1)!.cumulativeNpv).toBeCloseTo(npv([11_000, 6_600, 4_620, 3_465, 2_772], 2_750_000), 6);
    expect(c.gain.acquisition!).toBeCloseTo(0.1 * baseline, 6);
    // Retention 70, 80, 85, 90 % and the budget spent in year 1.
    expect(c.retention.map((r) => r.customers).map((n) => Math.round(n * 1e6) / 1e6)).toEqual([10_000, 7_000, 5_600, 4_760, 4_284]);
    expect(c.gain.retention).toBeCloseTo(npv([10_000, 7_000, 5_600, 4_760, 4_284], 2_750_000) - baseline, 6);
    expect(c.gain.retention).toBeGreaterThan(c.gain.acquisition!);
  });

  it('the break-even uplift gains exactly what acquisition gains; a smaller one gains less', () => {
    const c = compareSpend(DEFAULTS, 250_000, 10);
    const p = c.breakEvenPoints!;
    expect(p).toBeGreaterThan(5);
    expect(p).toBeLessThan(6);
    expect(compareSpend(DEFAULTS, 250_000, p).gain.retention).toBeCloseTo(c.gain.acquisition!, 3);
    expect(compareSpend(DEFAULTS, 250_000, p - 0.1).gain.retention).toBeLessThan(c.gain.acquisition!);
    expect(compareSpend(DEFAULTS, 250_000, 5).gain.retention).toBeLessThan(c.gain.acquisition!);
  });

  it('free acquisition, a loss-making cohort, no budget and a cap at 100% retention', () => {
    const free = compareSpend({ ...DEFAULTS, acquisitionCost: 0 }, 250_000, 10);
    expect([free.acquisition, free.extraCustomers, free.gain.acquisition, free.breakEvenPoints]).toEqual([null, null, null, null]);
    // Each customer loses money: acquiring more loses more than the budget, retention wins at any uplift.
    expect(compareSpend({ ...DEFAULTS, directCostRate: 1.2 }, 250_000, 10).breakEvenPoints).toBe(0);
    const none = compareSpend(DEFAULTS, 0, 10);
    expect(none.gain.acquisition).toBe(0);
    expect(none.breakEvenPoints).toBe(0);
    expect(raiseRetention([0.6, 0.95], 10)).toEqual([0.7, 1]);
    expect(raiseRetention(0.5, NaN)).toBe(0.5);
    // A huge budget on a tiny margin: no uplift is enough.
    expect(compareSpend({ ...DEFAULTS, revenuePerCustomer: 300 }, 1e9, 10).breakEvenPoints).toBeNull();
    for (const v of compareSpend({ ...DEFAULTS, acquired: NaN }, NaN, NaN).retention.flatMap((r) => Object.values(r)))
      expect(Number.isFinite(v)).toBe(true);
  });
});
