import { describe, expect, it } from 'vitest';
import { CATEGORICAL, DASHES, contrast, lightness, seriesStyle, sequentialColour, textOn, INK } from './palette';

describe('palette', () => {
  it('the first five colours (lifecycle stages) stay apart in greyscale print: L* differs by ≥ 8', () => {
    const l = CATEGORICAL.slice(0, 5).map(lightness);
    for (let i = 0; i < l.length; i++)
      for (let j = i + 1; j < l.length; j++) expect(Math.abs(l[i] - l[j]), `${CATEGORICAL[i]} ${CATEGORICAL[j]}`).toBeGreaterThanOrEqual(8);
  });
  it('every colour is distinct and visible on white (L* ≤ 85)', () => {
    expect(new Set(CATEGORICAL).size).toBe(CATEGORICAL.length);
    for (const c of CATEGORICAL) expect(lightness(c)).toBeLessThanOrEqual(85);
  });
  it('series cycle through colours and dashes; the first is solid', () => {
    expect(seriesStyle(0)).toEqual({ colour: CATEGORICAL[0], dash: '' });
    expect(seriesStyle(1).dash).toBe(DASHES[1]);
    expect(seriesStyle(CATEGORICAL.length).colour).toBe(CATEGORICAL[0]);
  });
  it('the sequential scale darkens monotonically; missing is neutral; text keeps contrast', () => {
    const c = sequentialColour(0, 1);
    const l = [0, 0.25, 0.5, 0.75, 1].map((v) => lightness(c(v)));
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1]);
    expect(c(null)).toBe(INK.empty);
    expect(c(NaN)).toBe(INK.empty);
    expect(c(2)).toBe(c(1));
    expect(textOn(c(0))).toBe(INK.text);
    expect(textOn(c(1))).toBe('#ffffff');
    expect(sequentialColour(3, 3)(3)).toBe(c(0.5));
  });
  it('text on any cell keeps contrast: ≥ 4.5:1 behind table text, ≥ 3.5:1 on chart cells (white or ink)', () => {
    const light = sequentialColour(0, 1, true);
    const full = sequentialColour(0, 1);
    for (let v = 0; v <= 1; v += 0.05) {
      expect(contrast(INK.text, light(v)), `table ${v}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(textOn(full(v)), full(v)), `chart ${v}`).toBeGreaterThanOrEqual(3.5);
    }
  });
});
