// A constant purchase rate c per period gives CLV = c·s·m·Σ 1/(1+d)^i = c·s·m·(1 − (1+d)^−H)/d
// (annuity formula); checks the discounting convention (end of period) and the differencing.
import { describe, expect, it } from 'vitest';
import { discountedClv } from './clv.ts';

describe('discountedClv', () => {
  it('equals the annuity formula for a constant purchase rate', () => {
    const c = 0.4,
      s = 30,
      m = 0.25,
      d = 0.01,
      H = 24;
    const result = discountedClv({ expectedPurchases: (t) => c * t, expectedSpend: s, margin: m, discountRate: d, horizon: H });
    expect(result.clv).toBeCloseTo((c * s * m * (1 - Math.pow(1 + d, -H))) / d, 10);
    expect(result.periods).toHaveLength(H);
    expect(result.periods[0].purchases).toBeCloseTo(c, 12);
  });
  it('scales the model time by the period length', () => {
    const weekly = discountedClv({
      expectedPurchases: (t) => 0.1 * t,
      expectedSpend: 10,
      margin: 1,
      discountRate: 0,
      horizon: 12,
      periodLength: 4
    });
    expect(weekly.clv).toBeCloseTo(0.1 * 48 * 10, 10);
  });
  it('rejects bad options', () => {
    const base = { expectedPurchases: (t: number) => t, expectedSpend: 1, margin: 1, discountRate: 0.1, horizon: 3 };
    expect(() => discountedClv({ ...base, discountRate: -1 })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => discountedClv({ ...base, horizon: 1.5 })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => discountedClv({ ...base, expectedPurchases: () => NaN })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
