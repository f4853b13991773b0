import { describe, expect, it } from 'vitest';
import { areaPath, fanOut, flowLayout, linePath, stackTotals, stackSeries } from './shapes';

describe('stackSeries', () => {
  it('stacks series bottom-up; missing and negative values add nothing', () => {
    const s = stackSeries([
      [10, 0, null],
      [30, 20, 5]
    ]);
    expect(s[0]).toEqual([
      [0, 10],
      [0, 0],
      [0, 0]
    ]);
    expect(s[1]).toEqual([
      [10, 40],
      [0, 20],
      [0, 5]
    ]);
    expect(
      stackTotals([
        [10, 0],
        [30, 20]
      ])
    ).toEqual([40, 20]);
    expect(stackTotals([])).toEqual([]);
  });
});

describe('paths', () => {
  it('a missing value breaks a line instead of becoming NaN', () => {
    const d = linePath([0, 10, 20, 30], [5, null, 7, 8]);
    expect(d).not.toContain('NaN');
    expect(d.match(/M/g)).toHaveLength(2);
  });
  it('a step line holds its value until the next x (Kaplan–Meier)', () => {
    expect(linePath([0, 10], [100, 50], true)).toBe('M0,100L10,100L10,50');
    expect(areaPath([0, 10], [90, 40], [100, 60])).not.toContain('NaN');
  });
});

describe('flowLayout', () => {
  const f = flowLayout(
    [
      [5, 5],
      [0, 10]
    ],
    { x: 0, y: 0, width: 300, height: 108 },
    10,
    8
  );
  it('node heights share the height minus gaps in proportion to their totals', () => {
    expect(f.total).toBe(20);
    expect(f.left.map((n) => n.height)).toEqual([50, 50]);
    expect(f.right.map((n) => n.height)).toEqual([25, 75]);
    expect(f.right[1].y).toBe(25 + 8);
  });
  it('one band per non-zero cell; bands fill their nodes without overlap', () => {
    expect(f.bands.map((b) => [b.from, b.to, b.value])).toEqual([
      [0, 0, 5],
      [0, 1, 5],
      [1, 1, 10]
    ]);
    // The 1→1 band enters node 1 on the right below the 0→1 band: at y = 33 + 25.
    expect(f.bands[2].path).toContain('290,58');
  });
  it('an offset box moves everything; an empty matrix gives no bands and no NaN', () => {
    const g = flowLayout(
      [
        [5, 5],
        [0, 10]
      ],
      { x: 40, y: 20, width: 300, height: 108 },
      10,
      8
    );
    expect(g.left[0]).toMatchObject({ x: 40, y: 20 });
    const e = flowLayout(
      [
        [0, 0],
        [0, 0]
      ],
      { x: 0, y: 0, width: 100, height: 100 }
    );
    expect(e.bands).toEqual([]);
    expect([...e.left, ...e.right].every((n) => Number.isFinite(n.y) && n.height === 0)).toBe(true);
  });
});

describe('fanOut', () => {
  it('spreads points with the same position apart on a circle; a lone point stays', () => {
    const d = fanOut(
      [
        { x: 3, y: 4 },
        { x: 3, y: 4 },
        { x: 1, y: 1 },
        { x: 3, y: 4 }
      ],
      0.2
    );
    expect(d[2]).toEqual([0, 0]);
    const moved = [d[0], d[1], d[3]];
    for (const [dx, dy] of moved) expect(Math.hypot(dx, dy)).toBeCloseTo(0.2, 12);
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++) expect(Math.hypot(moved[i][0] - moved[j][0], moved[i][1] - moved[j][1])).toBeGreaterThan(0.3);
  });
});
