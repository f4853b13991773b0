import { describe, expect, it } from 'vitest';
import { heatColour, layoutBars, layoutCurves } from './charts';

describe('value charts', () => {
  it('bars: heights proportional to values from a zero baseline', () => {
    const { bars, baseline } = layoutBars(['a', 'b'], [10, 20], 300, 200);
    expect(bars[1].height).toBeCloseTo(2 * bars[0].height, 9);
    expect(bars[0].y + bars[0].height).toBeCloseTo(baseline, 9);
  });
  it('bars: all-zero values draw no height and no NaN', () => {
    const { bars } = layoutBars(['a'], [0], 300, 200);
    expect(bars[0].height).toBe(0);
  });
  it('curves: share 1 at the top of the plot, 0 at the bottom', () => {
    const c = layoutCurves([{ name: 'g', points: [{ x: 0, share: 0 }, { x: 10, share: 1 }] }], 400, 200);
    expect(c.paths[0].d).toBe(`M${c.plot.left},${c.plot.bottom}L${c.plot.right},${c.plot.top}`);
  });
  it('heat colours: empty cells neutral, dark cells get white text', () => {
    expect(heatColour(null, 0, 1).fill).toBe('#f1f3f6');
    expect(heatColour(1, 0, 1).text).toBe('#fff');
    expect(heatColour(0, 0, 1).text).toBe('#1d2330');
  });
});
