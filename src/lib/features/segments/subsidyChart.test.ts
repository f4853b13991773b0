import { describe, expect, it } from 'vitest';
import { fittedCurve } from './subsidyChart';

const curve = [0, 0.1, 0.2, 0.3, 0.4].map((rate) => {
  const f = -2 * rate * rate + 0.8 * rate + 0.1;
  return { rate, customers: 20, responders: 4, conversion: f + (rate === 0.2 ? 0.02 : 0), fitted: f };
});

describe('subsidy chart: the fitted curve', () => {
  it('passes through the fitted values and peaks at the control point (20%)', () => {
    const c = fittedCurve(curve);
    expect(c).toHaveLength(41);
    expect(c[0]).toEqual({ rate: 0, value: 0.1 });
    expect(c[40].rate).toBeCloseTo(0.4, 12);
    const peak = c.reduce((a, p) => (p.value > a.value ? p : a));
    expect(peak.rate).toBeCloseTo(0.2, 12);
    expect(c.every((p) => Number.isFinite(p.value) && p.value >= 0)).toBe(true);
  });
  it('degenerate: fewer than three fitted points draw no curve', () => {
    expect(fittedCurve([{ rate: 0.2, customers: 5, responders: 0, conversion: 0, fitted: null }])).toEqual([]);
  });
});
