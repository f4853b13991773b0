import { describe, expect, it } from 'vitest';
import { atRiskAt, atRiskTimes, defaultSplit, gainsPoints, largestGroups } from './charts';

describe('the survival chart opens readable', () => {
  it('split by the plan when it has few levels (Contract on the telco file)', () => {
    expect(
      defaultSplit([
        { name: 'gender', levels: 2 },
        { name: 'plan', levels: 3 }
      ])
    ).toBe('plan');
  });
  it('a plan with 16 levels (the sample) gives way to the column with the fewest levels', () => {
    expect(
      defaultSplit([
        { name: 'region', levels: 11 },
        { name: 'customer_type', levels: 2 },
        { name: 'plan', levels: 17 }
      ])
    ).toBe('customer_type');
  });
  it('no column with few levels: no split', () => {
    expect(defaultSplit([{ name: 'plan', levels: 16 }])).toBe('');
    expect(defaultSplit([])).toBe('');
  });
  it('draws at most the six largest groups, in their order', () => {
    const groups = Array.from({ length: 16 }, (_, i) => ({ group: `g${i}`, customers: (i * 7) % 16 }));
    const shown = largestGroups(groups);
    expect(shown).toHaveLength(6);
    expect(shown.map((g) => g.customers).sort((a, b) => b - a)).toEqual([15, 14, 13, 12, 11, 10]);
    expect(shown.map((g) => groups.indexOf(g))).toEqual([...shown.map((g) => groups.indexOf(g))].sort((a, b) => a - b));
    expect(largestGroups(groups.slice(0, 3))).toHaveLength(3);
  });
});

describe('gains and at-risk table', () => {
  it('the gains curve starts at the origin', () => {
    expect(gainsPoints([{ cumulativeShare: 0.5, cumulativeGain: 0.8 }])).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.8 }
    ]);
  });
  it('counts customers still observed at t', () => {
    expect(atRiskAt([0, 1, 2, 3], [10, 8, 5, 2], 2)).toBe(5);
    expect(atRiskAt([0, 1, 3], [10, 8, 2], 2)).toBe(2);
    expect(atRiskAt([0, 1], [10, 8], 5)).toBe(0);
    expect(atRiskTimes(72)).toEqual([0, 12, 24, 36, 48, 60, 72]);
    expect(atRiskTimes(20)).toEqual([0, 6, 12, 18]);
  });
});
