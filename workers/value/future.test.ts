// The seed's future-value benchmarks read on hand-made error lists.
import { describe, expect, it } from 'vitest';
import { benchmarks, cumulativeCurve, groupLevel } from './future.ts';

describe('benchmarks', () => {
  it('low group: 9 of 10 absolute errors within 40 yuan meets "90% within 40"; the high group 2 of 4 within 100 does not meet 70%', () => {
    const low = { abs: [1, 5, 10, 20, 30, 35, 38, 39, 40, 80], rel: [] };
    const mid = { abs: [], rel: [0.1, 0.3, 0.5, 0.2, 0.39] };
    const high = { abs: [50, 99, 150, 300], rel: [0.1, 0.15, 0.5, 0.19] };
    const b = benchmarks([low, mid, high]);
    expect(b.map((x) => [x.level, x.group, x.measure, x.threshold, x.share, x.met])).toEqual([
      ['low', 0, 'abs', 40, 0.9, true],
      ['high', 2, 'abs', 100, 0.5, false],
      ['mid', 1, 'rel', 0.4, 0.8, true],
      ['high', 2, 'rel', 0.4, 0.75, false],
      ['high', 2, 'rel', 0.2, 0.75, true]
    ]);
  });
  it('a group nobody was judged in has no share and no verdict; one group has no levels', () => {
    expect(
      benchmarks([
        { abs: [], rel: [] },
        { abs: [1], rel: [0.1] }
      ])[0]
    ).toMatchObject({ level: 'low', share: null, met: null });
    expect(benchmarks([{ abs: [1], rel: [0.1] }])).toEqual([]);
  });
  it('names groups low, mid …, high', () => {
    expect([0, 1, 2, 3].map((k) => groupLevel(k, 4))).toEqual(['low', 'mid', 'mid', 'high']);
  });
  it("the curve at the bound equals the benchmark's share", () => {
    const abs = [1, 5, 10, 20, 30, 35, 38, 39, 40, 80];
    expect(cumulativeCurve(abs, 100, 20).find((p) => p.x === 40)!.share).toBe(0.9);
  });
});
