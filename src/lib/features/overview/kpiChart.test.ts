import { describe, expect, it } from 'vitest';
import { layoutBars } from './kpiChart';

describe('layoutBars', () => {
  it('draws one bar per finite value, tallest for the largest, none for null', () => {
    const l = layoutBars(['2024-01', '2024-02', '2024-03'], [10, null, 30], 300, 200);
    expect(l.bars.map((b) => b.label)).toEqual(['2024-01', '2024-03']);
    expect(l.bars[1].height).toBeGreaterThan(l.bars[0].height * 2.9);
    expect(l.bars.every((b) => Number.isFinite(b.y) && b.height >= 0)).toBe(true);
  });
  it('survives all-zero and empty series without NaN', () => {
    for (const vals of [[0, 0], []]) {
      const l = layoutBars(vals.map((_, i) => String(i)), vals, 300, 200);
      for (const t of l.yTicks) expect(Number.isFinite(t.y)).toBe(true);
    }
  });
  it('thins x labels when months do not fit', () => {
    const labels = Array.from({ length: 60 }, (_, i) => `m${i}`);
    expect(layoutBars(labels, labels.map(() => 1), 400, 200).xTicks.length).toBeLessThan(15);
  });
});
