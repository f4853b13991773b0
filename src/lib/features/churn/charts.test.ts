import { describe, expect, it } from 'vitest';
import { gainsPoints, heatmapLayout, kmLayout, MARGIN, unitPlot } from './charts';

describe('heatmapLayout', () => {
  it('draws one cell per observed value, darker for higher retention, none for null', () => {
    const { cells, height, cellWidth } = heatmapLayout([[1, 0.5, 0.2], [1, 0.8, null]], 370, 20, 70, 24);
    expect(cells).toHaveLength(5);
    expect(cellWidth).toBeCloseTo((370 - 74) / 3, 10);
    expect(cells[1]).toMatchObject({ cohort: 0, k: 1, x: 70 + cellWidth, y: 24 });
    expect(cells[3]).toMatchObject({ cohort: 1, k: 0, y: 44 });
    expect(height).toBe(24 + 40 + 4);
    expect(cells[0].dark).toBe(true);
    expect(cells[2].dark).toBe(false);
    expect(cells[0].fill).not.toBe(cells[2].fill);
  });
});

describe('kmLayout', () => {
  it('starts each curve at S = 1 at t = 0 and steps down; ticks span the axes', () => {
    const l = kmLayout([{ group: 'All', time: [1, 2, 3], survival: [0.75, 0.5, 0], lower: [0.5, 0.2, 0], upper: [0.9, 0.8, 0] }], 400, 200);
    const yBottom = 200 - MARGIN.bottom;
    expect(l.curves[0].line.startsWith(`M${MARGIN.left},${MARGIN.top}`)).toBe(true);
    expect(l.curves[0].line).toContain(`${yBottom}`); // reaches S = 0
    expect(l.curves[0].band.length).toBeGreaterThan(0);
    expect(l.xTicks[0]).toEqual({ x: MARGIN.left, value: 0 });
    expect(l.yTicks.at(-1)).toEqual({ y: MARGIN.top, value: 1 });
  });
});

describe('unitPlot and gains', () => {
  it('maps (0,0) to the bottom-left and (1,1) to the top-right', () => {
    const pts = gainsPoints([{ cumulativeShare: 0.5, cumulativeGain: 0.8 }, { cumulativeShare: 1, cumulativeGain: 1 }]);
    expect(pts[0]).toEqual({ x: 0, y: 0 });
    const p = unitPlot(pts, 300, 200);
    expect(p.dots[0]).toEqual({ cx: MARGIN.left, cy: 200 - MARGIN.bottom });
    expect(p.dots[2]).toEqual({ cx: 300 - MARGIN.right, cy: MARGIN.top });
    expect(p.diagonal).toBe(`M${MARGIN.left},${200 - MARGIN.bottom}L${300 - MARGIN.right},${MARGIN.top}`);
    expect(p.dots[1].cy).toBeCloseTo(200 - MARGIN.bottom - 0.8 * (200 - MARGIN.bottom - MARGIN.top), 10);
  });
});

describe('at-risk table', () => {
  it('counts customers still observed at t', async () => {
    const { atRiskAt, atRiskTimes } = await import('./charts');
    expect(atRiskAt([0, 1, 2, 3], [10, 8, 5, 2], 2)).toBe(5);
    expect(atRiskAt([0, 1, 3], [10, 8, 2], 2)).toBe(2);
    expect(atRiskAt([0, 1], [10, 8], 5)).toBe(0);
    expect(atRiskTimes(72)).toEqual([0, 12, 24, 36, 48, 60, 72]);
    expect(atRiskTimes(20)).toEqual([0, 6, 12, 18]);
  });
});
