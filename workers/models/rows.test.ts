// aggregateRows merges identical RFM rows into weighted ones (an exact rewrite of Σ wᵢ ℓ(θ; rowᵢ)),
// checked against a plain string-keyed count; prepareRfmRows' checks and the moment start.
import { describe, expect, it } from 'vitest';
import { aggregateRows, checkRfmRow, purchaseRateStart } from './rows.ts';
import { Rng } from './prng.ts';

describe('aggregateRows', () => {
  it('merges equal keys, sums counts and maps every row to its merged row', () => {
    const rng = new Rng(7);
    const rows = Array.from({ length: 20_000 }, () => {
      const T = Math.floor(rng.uniform() * 60 + 20) / 7,
        x = Math.floor(rng.uniform() * 4);
      return { frequency: x, recency: x ? Math.floor(rng.uniform() * T * 7) / 7 : 0, T, count: 1 + Math.floor(rng.uniform() * 3) };
    });
    const { values, weights, rowIndex } = aggregateRows(rows, ['frequency', 'recency', 'T']);
    const expected = new Map<string, number>();
    for (const r of rows)
      expected.set(`${r.frequency}|${r.recency}|${r.T}`, (expected.get(`${r.frequency}|${r.recency}|${r.T}`) ?? 0) + r.count);
    expect(values).toHaveLength(expected.size);
    values.forEach((v, i) => expect(weights[i]).toBe(expected.get(v.join('|'))));
    rows.forEach((r, i) => expect(values[rowIndex[i]]).toEqual([r.frequency, r.recency, r.T]));
  });
  it('treats −0 as 0, skips rows of weight 0 (index −1) and refuses bad values', () => {
    const { values, weights, rowIndex } = aggregateRows(
      [
        { a: 0, b: 1 },
        { a: -0, b: 1 },
        { a: 2, b: 1, count: 0 }
      ],
      ['a', 'b']
    );
    expect(values).toEqual([[0, 1]]);
    expect(weights).toEqual([2]);
    expect([...rowIndex]).toEqual([0, 0, -1]);
    expect(() => aggregateRows([{ a: NaN }], ['a'])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => aggregateRows([{ a: 1, count: -1 }], ['a'])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

describe('checkRfmRow and purchaseRateStart', () => {
  it('accepts T = 0 only without repeats', () => {
    expect(() => checkRfmRow(0, 0, 0, 0)).not.toThrow();
    expect(() => checkRfmRow(1, 0, 0, 0)).toThrow();
    expect(() => checkRfmRow(1, 5, 4, 0)).toThrow();
  });
  it('recovers r and α of gamma–Poisson counts from their moments', () => {
    // Counts over ages T with λ ~ Gamma(r = 2, α = 10): E x = rT/α, so the rate r/α = 0.2 per unit.
    const rng = new Rng(11);
    const values: number[][] = [];
    for (let i = 0; i < 40_000; i++) {
      const T = 10 + rng.uniform() * 30;
      const lambda = (-Math.log(rng.uniform()) - Math.log(rng.uniform())) / 10; // Gamma(2, 10)
      values.push([rng.poisson(lambda * T), 0, T]);
    }
    const [r, alpha] = purchaseRateStart(
      values,
      values.map(() => 1)
    );
    expect(r / alpha).toBeCloseTo(0.2, 2);
    expect(r).toBeGreaterThan(1.7);
    expect(r).toBeLessThan(2.3);
  });
});
