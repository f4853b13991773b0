import { describe, expect, it } from 'vitest';
import { layoutFlow, layoutStack, rowShares, tierLabels } from './layout';

describe('layoutStack', () => {
  it('stacks stages bottom-up; bar heights are proportional to counts', () => {
    const l = layoutStack(['2024-01', '2024-02'], [[10, 0], [30, 20]], 400, 200);
    expect(l.rects).toHaveLength(3); // the zero is not drawn
    const [a, b] = l.rects.filter((r) => r.month === 0);
    expect(a.stage).toBe(0);
    expect(a.y).toBeCloseTo(b.y + b.height, 6); // stage 1 sits on stage 0
    expect(b.height / a.height).toBeCloseTo(3, 6);
    expect(l.xTicks.map((t) => t.label)).toEqual(['2024-01', '2024-02']);
  });
});

describe('layoutFlow', () => {
  const m = [[5, 5], [0, 10]];
  const f = layoutFlow(m, 300, 108, 10, 8);
  it('node heights share the height minus gaps in proportion to their totals', () => {
    expect(f.total).toBe(20);
    expect(f.left.map((n) => n.height)).toEqual([50, 50]);
    expect(f.right.map((n) => n.height)).toEqual([25, 75]);
    expect(f.right[1].y).toBe(25 + 8);
  });
  it('one band per non-zero cell, bands fill their nodes without overlap', () => {
    expect(f.bands.map((b) => [b.from, b.to, b.value])).toEqual([[0, 0, 5], [0, 1, 5], [1, 1, 10]]);
    // The 1→1 band enters node 1 on the right below the 0→1 band: at y = 33 + 25.
    expect(f.bands[2].path).toContain('290,58');
  });
  it('an empty matrix gives zero-height nodes, no bands and no NaN', () => {
    const e = layoutFlow([[0, 0], [0, 0]], 300, 100);
    expect(e.bands).toEqual([]);
    expect(e.left.every((n) => Number.isFinite(n.y) && n.height === 0)).toBe(true);
  });
});

describe('table helpers', () => {
  it('rowShares: rows sum to 1, empty rows are null', () => {
    expect(rowShares([[1, 3], [0, 0]])).toEqual([[0.25, 0.75], [null, null]]);
  });
  it('tierLabels', () => {
    expect(tierLabels([50, 150])).toEqual(['<50', '50–150', '≥150']);
  });
});
