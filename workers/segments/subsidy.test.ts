// The subsidy curve and ARPU-band maths on hand-made rows (no engine).
import { describe, expect, it } from 'vitest';
import { analyseSubsidy, bandGains, fitParabola, subsidyCurve, type SubsidyRow } from './subsidy.ts';

const row = (arpu: number, subsidy: number | null, responded: boolean, gain = 0): SubsidyRow => ({
  arm: 'target',
  responded,
  arpu_before: arpu,
  arpu_after: arpu + gain,
  subsidy
});

describe('subsidy analysis', () => {
  it('fits a parabola exactly through points on one', () => {
    const x = [0, 0.1, 0.2, 0.3, 0.4];
    const [a, b, c] = fitParabola(
      x,
      x.map((v) => -2 * v * v + 0.8 * v + 0.1),
      [1, 2, 3, 2, 1]
    )!;
    expect([a, b, c].map((v) => +v.toFixed(9))).toEqual([-2, 0.8, 0.1]);
    expect(fitParabola([0.1, 0.1, 0.1], [1, 2, 3], [1, 1, 1])).toBeNull();
  });

  it('bins subsidy rates to 5% points and finds the peak of the fitted curve', () => {
    // 20 customers per point at 0, 10, 20, 30, 40% (ARPU 100); conversion 10%, 20%, 30%, 20%, 10%.
    const rows: SubsidyRow[] = [];
    [0.1, 0.2, 0.3, 0.2, 0.1].forEach((p, k) => {
      for (let i = 0; i < 20; i++) rows.push(row(100, k * 10 + 0.4, i < p * 20));
    });
    const c = subsidyCurve(rows);
    expect(c.curve.map((p) => [p.rate, p.customers, p.responders])).toEqual([
      [0, 20, 2],
      [0.1, 20, 4],
      [0.2, 20, 6],
      [0.3, 20, 4],
      [0.4, 20, 2]
    ]);
    expect(c.controlPoint).toBeCloseTo(0.2, 9);
    // A conversion that only rises has no interior peak.
    const rising = rows.map((r) => ({ ...r, responded: (r.subsidy ?? 0) > 25 }));
    expect(subsidyCurve(rising).problem).toBe('no-peak');
  });

  it('net gain per targeted customer = take-up × (taker change − non-taker change − subsidy per taker)', () => {
    // Band 0–50: 4 customers, 1 taker gaining 20 with 5 subsidy, non-takers +2 → 0.25 × (20 − 2 − 5) = 3.25.
    const rows = [
      row(40, 5, true, 20),
      row(40, 5, false, 2),
      row(40, 5, false, 2),
      row(40, 5, false, 2),
      row(60, 6, true, 10),
      row(60, 6, false, 0)
    ];
    const b = bandGains(rows, [50]);
    expect(b.map((x) => [x.low, x.high, x.customers, x.net])).toEqual([
      [0, 50, 4, 3.25],
      [50, null, 2, 0.5 * (10 - 0 - 6)]
    ]);
  });

  it('degenerate: no responders, no subsidy column, one band', () => {
    expect(analyseSubsidy([row(40, 1, false), row(60, 1, false)]).problems).toEqual(['no-responders']);
    const noSub = analyseSubsidy([row(40, null, true, 5), row(40, null, false), row(60, null, true, 5), row(60, null, false)], [50]);
    expect(noSub.problems).toEqual(['no-subsidy']);
    expect(noSub.curve).toEqual([]);
    expect(noSub.bands[noSub.best!].low).toBe(0);
    const one = analyseSubsidy([row(40, 2, true, 5), row(41, 2, false)], [50]);
    expect(one.problems).toEqual(['few-rates', 'one-band']);
    expect(one.best).toBeNull();
  });
});
