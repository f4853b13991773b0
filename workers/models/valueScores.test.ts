// Hand-computed references for the closed-form pieces of seed 004.
import { describe, expect, it } from 'vitest';
import { decayedMonths, loyaltyBand, valueElasticity } from './valueScores.ts';

describe('decayedMonths (the seed: t months split into n years and m months)', () => {
  it('30 months at Q = 0.5: 12 × 1 + 12 × 0.5 + 6 × 0.25 = 19.5', () => {
    expect(decayedMonths(30, 0.5)).toBe(19.5);
  });
  it('equals the month-by-month sum Σ Q^⌊k/12⌋', () => {
    for (const t of [1, 11, 12, 13, 47, 100]) {
      let s = 0;
      for (let k = 0; k < t; k++) s += 0.7 ** Math.floor(k / 12);
      expect(decayedMonths(t, 0.7)).toBeCloseTo(s, 12);
    }
  });
  it('Q = 1 counts every month; t ≤ 0 is 0', () => {
    expect(decayedMonths(40, 1)).toBe(40);
    expect(decayedMonths(0, 0.5)).toBe(0);
    expect(decayedMonths(-3, 0.5)).toBe(0);
  });
});

describe('valueElasticity', () => {
  it('(ΔQ/Q)/(ΔP/P): revenue 100 → 120, investment 10 → 15 gives 0.2 / 0.5 = 0.4', () => {
    expect(valueElasticity(100, 120, 10, 15)).toBeCloseTo(0.4, 14);
  });
  it('negative when revenue falls while investment rises', () => {
    expect(valueElasticity(100, 90, 10, 20)).toBeCloseTo(-0.1, 14);
  });
  it('undefined (null), not 0 or Infinity, without a change in investment or a base', () => {
    expect(valueElasticity(100, 120, 10, 10)).toBeNull();
    expect(valueElasticity(100, 120, 0, 10)).toBeNull();
    expect(valueElasticity(0, 120, 10, 12)).toBeNull();
    expect(valueElasticity(NaN, 1, 1, 2)).toBeNull();
  });
});

describe('loyaltyBand', () => {
  it('top 10% high, 10–60% fairly high, 60–90% average, bottom 10% low', () => {
    expect([0, 0.099, 0.1, 0.59, 0.6, 0.89, 0.9, 1].map((r) => loyaltyBand(r))).toEqual([
      'high', 'high', 'fairlyHigh', 'fairlyHigh', 'average', 'average', 'low', 'low'
    ]);
  });
  it('takes editable cut points', () => {
    expect(loyaltyBand(0.15, [0.2, 0.5, 0.8])).toBe('high');
  });
});
