import { describe, expect, it } from 'vitest';
import { buildDesign, encodeRow, reasonCodes } from './design.ts';
import { calibrationDeciles, confusionByCutoff, arpuTierOf } from './model.ts';
import { randomHoldout } from './features.ts';

const rows = [
  { t: 1, c: 'a', k: 5 },
  { t: 2, c: 'a', k: 5 },
  { t: 3, c: 'b', k: 5 },
  { t: null, c: 'c', k: 5 },
  { t: 4, c: null, k: 5 }
];

describe('buildDesign', () => {
  it('one-hot drops the most frequent level, standardises, imputes the mean, drops constants', () => {
    const d = buildDesign(rows, [
      { name: 't', kind: 'number' },
      { name: 'c', kind: 'category' },
      { name: 'k', kind: 'number' }
    ]);
    expect(d.dropped).toEqual(['k']);
    // Ties in frequency are ordered by localeCompare ('–', the missing level, sorts first).
    expect(d.columns.map((c) => [c.feature, c.level])).toEqual([
      ['t', null],
      ['c', '–'],
      ['c', 'b'],
      ['c', 'c']
    ]);
    expect(d.columns[0].mean).toBe(2.5);
    const z = encodeRow(d, { t: null, c: 'zzz' }); // missing number → mean; unseen level → baseline
    expect(z[0]).toBe(0);
    expect(z[2]).toBeCloseTo(-0.2 / d.columns[2].sd, 12); // level 'b': 0 − mean 0.2
  });
  it('reason codes: per feature, positive contributions only, largest first', () => {
    const d = buildDesign(rows, [
      { name: 't', kind: 'number' },
      { name: 'c', kind: 'category' }
    ]);
    const z = encodeRow(d, { t: 4, c: 'b' });
    const reasons = reasonCodes(d, [1, 0, 2, 0], z, { t: 4, c: 'b' });
    expect(reasons.map((r) => r.feature)).toEqual(['c', 't']);
    expect(reasons[0].value).toBe('b');
    expect(reasonCodes(d, [-1, 0, -2, 0], z, { t: 4, c: 'b' })).toEqual([]);
  });
});

describe('model helpers', () => {
  it('tiers: < low, ≥ high, else mid; null without ARPU', () => {
    const t = { low: 50, high: 150 };
    expect([arpuTierOf(49.99, t), arpuTierOf(50, t), arpuTierOf(150, t), arpuTierOf(null, t)]).toEqual(['low', 'mid', 'high', null]);
  });
  it('confusion counts at each cut-off add up; calibration deciles are equal-count', () => {
    const scores = [0.05, 0.2, 0.4, 0.6, 0.8, 0.95];
    const labels = [0, 0, 1, 0, 1, 1];
    const c = confusionByCutoff(scores, labels)[49]; // cut-off 0.5
    expect(c).toEqual({ cutoff: 0.5, tp: 2, fp: 1, tn: 2, fn: 1 });
    const cal = calibrationDeciles(scores, labels, 3);
    expect(cal.map((b) => b.count)).toEqual([2, 2, 2]);
    expect(cal[2]).toMatchObject({ meanPredicted: 0.875, observedRate: 1 });
  });
  it('the seeded holdout is 30%, deterministic, and changes with the seed', () => {
    const a = randomHoldout(1000, 1);
    expect(a.filter(Boolean)).toHaveLength(300);
    expect(randomHoldout(1000, 1)).toEqual(a);
    expect(randomHoldout(1000, 2)).not.toEqual(a);
  });
});
