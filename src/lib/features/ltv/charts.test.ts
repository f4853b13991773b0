import { describe, expect, it } from 'vitest';
import { layoutHeatmap, layoutLines } from './charts';

describe('LTV chart layouts', () => {
  it('lines: a gap for null values, no NaN in the path, zero inside the axis', () => {
    const l = layoutLines([1, 2, 3, 4], [{ key: 'a', values: [1, null, 3, -2] }], 400, 200);
    expect(l.paths[0].d).not.toMatch(/NaN/);
    expect(l.paths[0].d.match(/M/g)).toHaveLength(2); // the null splits the line in two
    expect(l.zeroY).toBeGreaterThan(10);
    expect(l.zeroY).toBeLessThan(172);
    expect(l.xAt(1)).toBeLessThan(l.xAt(4));
  });
  it('heatmap: one cell per value, darkest at the maximum, frequency 0 at the bottom', () => {
    const cells = layoutHeatmap([[0, 0.5], [1, 0.25]], 240, 138);
    expect(cells).toHaveLength(4);
    const max = cells.find((c) => c.value === 1)!;
    expect(max.dark).toBe(false);
    expect(cells.find((c) => c.value === 0)!.dark).toBe(true);
    expect(cells.find((c) => c.row === 0)!.y).toBeGreaterThan(max.y);
  });
});
