import { describe, expect, it } from 'vitest';
import { nearestPoint, stepPoint, type TipPoint } from './tooltip';

// Two series of three points each, registered series by series.
const pts: TipPoint[] = [
  { x: 0, y: 10, series: 0, text: 'a0' },
  { x: 20, y: 12, series: 0, text: 'a1' },
  { x: 10, y: 11, series: 0, text: 'a½' },
  { x: 0, y: 50, series: 1, text: 'b0' },
  { x: 10, y: 52, series: 1, text: 'b1' },
  { x: 20, y: 55, series: 1, text: 'b2' }
];

describe('tooltip points', () => {
  it('the pointer shows the nearest point within reach', () => {
    expect(pts[nearestPoint(pts, 19, 14)].text).toBe('a1');
    expect(nearestPoint(pts, 500, 500)).toBe(-1);
    expect(nearestPoint([], 0, 0)).toBe(-1);
  });
  it('arrow keys walk a series in x order, then clamp at its ends', () => {
    let i = stepPoint(pts, -1, 'ArrowRight');
    expect(pts[i].text).toBe('a0');
    i = stepPoint(pts, i, 'ArrowRight');
    expect(pts[i].text).toBe('a½');
    i = stepPoint(pts, i, 'ArrowRight');
    i = stepPoint(pts, i, 'ArrowRight');
    expect(pts[i].text).toBe('a1');
    expect(pts[stepPoint(pts, i, 'Home')].text).toBe('a0');
    expect(pts[stepPoint(pts, 0, 'End')].text).toBe('a1');
    expect(pts[stepPoint(pts, 0, 'ArrowLeft')].text).toBe('a0');
  });
  it('up/down move to the other series at the same x', () => {
    expect(pts[stepPoint(pts, 2, 'ArrowDown')].text).toBe('b1');
    expect(pts[stepPoint(pts, 4, 'ArrowUp')].text).toBe('a½');
    expect(stepPoint(pts, 4, 'ArrowDown')).toBe(4);
    expect(stepPoint([], 0, 'ArrowDown')).toBe(-1);
  });
});
