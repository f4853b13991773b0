import { describe, expect, it } from 'vitest';
import { DEFAULTS, ltvTable, paybackYear, retentionAt } from './ltvTable';

describe('seed-003 LTV teaching table', () => {
  it('computes the default example by hand: year 1 loses money, years 2–3 profit', () => {
    const rows = ltvTable(DEFAULTS);
    expect(rows).toHaveLength(5);
    const [y1, y2, y3] = rows;
    expect(y1).toMatchObject({ customers: 10_000, revenue: 5_000_000, directCost: 3_000_000, acquisitionCost: 2_500_000, grossProfit: -500_000, discountFactor: 1, npv: -500_000 });
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
