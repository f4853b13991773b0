import { describe, expect, it } from 'vitest';
import { subsidyLayout } from './subsidyChart';

const curve = [0, 0.1, 0.2, 0.3, 0.4].map((rate) => {
  const f = -2 * rate * rate + 0.8 * rate + 0.1;
  return { rate, customers: 20, responders: 4, conversion: f + (rate === 0.2 ? 0.02 : 0), fitted: f };
});

describe('subsidy chart layout', () => {
  it('places points, the fitted curve and the control point marker on the scales', () => {
    const l = subsidyLayout(curve, 0.2, 420, 220);
    expect(l.points[0].x).toBe(42);
    expect(l.points[4].x).toBe(408);
    expect(l.marker).toBe(l.points[2].x);
    // Higher conversion is higher on screen.
    expect(l.points[2].y).toBeLessThan(l.points[0].y);
    expect(l.fitted.startsWith('M42,')).toBe(true);
    expect(l.fitted).not.toMatch(/NaN/);
    expect(l.xTicks.map((t) => t.label)).toContain('20%');
  });
  it('degenerate: one point, no fit, no control point', () => {
    const l = subsidyLayout([{ rate: 0.2, customers: 5, responders: 0, conversion: 0, fitted: null }], null);
    expect(l.fitted).toBe('');
    expect(l.marker).toBeNull();
    expect(l.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });
});
