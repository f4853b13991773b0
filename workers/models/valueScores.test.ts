// Hand-computed references for the closed-form pieces of seed 004.
import { describe, expect, it } from 'vitest';
import {
  compositeShares,
  decayedMonths,
  loyaltyBand,
  marginalReturn,
  percentileRanks,
  rankLayers,
  seedHistoricalValue,
  valueElasticity,
  yearsAndMonths
} from './valueScores.ts';

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
      'high',
      'high',
      'fairlyHigh',
      'fairlyHigh',
      'average',
      'average',
      'low',
      'low'
    ]);
  });
  it('takes editable cut points', () => {
    expect(loyaltyBand(0.15, [0.2, 0.5, 0.8])).toBe('high');
  });
});

describe('seedHistoricalValue (A × decayed months of t = n years m months)', () => {
  it('t = 31 months is 2 years 7 months; A = 50, Q = 0.5: 50 × (12 + 12 × 0.5 + 7 × 0.25) = 987.5', () => {
    expect(yearsAndMonths(31)).toEqual({ years: 2, months: 7 });
    expect(seedHistoricalValue(50, 31, 0.5)).toBe(987.5);
  });
  it('t = 43 (3 years 7 months), A = 45: 45 × (12 + 6 + 3 + 7 × 0.125) = 984.375', () => {
    expect(yearsAndMonths(43)).toEqual({ years: 3, months: 7 });
    expect(seedHistoricalValue(45, 43, 0.5)).toBe(984.375);
  });
  it('under one year only the m months count, undecayed; t ≤ 0 (joined within the last 6 months) is 0', () => {
    expect(seedHistoricalValue(20, 5, 0.5)).toBe(100);
    expect(seedHistoricalValue(20, 0, 0.5)).toBe(0);
    expect(yearsAndMonths(-2)).toEqual({ years: 0, months: 0 });
  });
  it('a negative A (a loss-making customer) gives a negative history, as the formula says', () => {
    expect(seedHistoricalValue(-10, 12, 0.5)).toBe(-120);
  });
});

describe('marginalReturn (ΔQ/ΔP) beside valueElasticity ((ΔQ/Q)/(ΔP/P))', () => {
  it('revenue 100 → 120, investment 10 → 15: ΔQ/ΔP = 4 yuan per yuan while E = 0.4', () => {
    expect(marginalReturn(100, 120, 10, 15)).toBe(4);
    expect(valueElasticity(100, 120, 10, 15)).toBeCloseTo(0.4, 14);
  });
  it('E = ΔQ/ΔP × P/Q, the identity the seed writes', () => {
    const [q0, q1, p0, p1] = [80, 92, 20, 26];
    expect(valueElasticity(q0, q1, p0, p1)!).toBeCloseTo(marginalReturn(q0, q1, p0, p1)! * (p0 / q0), 12);
  });
  it('undefined without a change in investment', () => {
    expect(marginalReturn(100, 120, 10, 10)).toBeNull();
  });
});

describe('percentileRanks', () => {
  it('0 for the smallest, 1 for the largest, ties share the mean rank, the mean is ½', () => {
    expect(percentileRanks([10, 30, 20])).toEqual([0, 1, 0.5]);
    const r = percentileRanks([0, 0, 0, 5, 7]);
    expect(r).toEqual([0.25, 0.25, 0.25, 0.75, 1]);
    expect(r.reduce((s, x) => s + x, 0) / r.length).toBe(0.5);
    expect(percentileRanks([3])).toEqual([1]);
  });
});

describe('rankLayers (elasticity layers 1/2/3 by quantiles)', () => {
  it('thirds of six values: the two largest are layer 1, the two smallest layer 3; null stays null', () => {
    expect(rankLayers([0.9, 3, -1, 1.2, null, 0.1, 2], [1 / 3, 2 / 3])).toEqual([2, 1, 3, 2, null, 3, 1]);
  });
  it('never splits a tie: four customers at E = 1 all take the layer of the first of them', () => {
    expect(rankLayers([5, 4, 1, 1, 1, 0], [1 / 3, 2 / 3])).toEqual([1, 1, 2, 2, 2, 3]);
    expect(rankLayers([5, 1, 1, 1, 1, 0], [1 / 3, 2 / 3])).toEqual([1, 1, 1, 1, 1, 3]);
  });
  it('takes other quantiles (top 20%, next 30%)', () => {
    expect(rankLayers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0.2, 0.5])).toEqual([3, 3, 3, 3, 3, 2, 2, 2, 1, 1]);
  });
});

describe('compositeShares', () => {
  it('yuan over different horizons: history 1,600 a customer outweighs its 25% weight', () => {
    // parts 0.25 × 1600 = 400, 0.55 × 280 = 154, 0.1 × 340 = 34, 0.1 × 300 = 30; composite 618
    const s = compositeShares([0.25, 0.55, 0.1, 0.1], [1600, 280, 340, 300])!;
    expect(s).toEqual([400 / 618, 154 / 618, 34 / 618, 30 / 618].map((x) => expect.closeTo(x, 12)));
  });
  it('equal means: the shares are the weights', () => {
    expect(compositeShares([0.25, 0.55, 0.1, 0.1], [50, 50, 50, 50])).toEqual([0.25, 0.55, 0.1, 0.1].map((w) => expect.closeTo(w, 12)));
  });
  it('null when a component pulls the composite down or it is not positive', () => {
    expect(compositeShares([0.5, 0.5], [100, -20])).toBeNull();
    expect(compositeShares([0.5, 0.5], [0, 0])).toBeNull();
  });
});
