import { describe, expect, it } from 'vitest';
import { spreadLabels, textWidth, thinEvery, truncate, wrapText } from './text';

describe('text measures', () => {
  it('CJK characters are a full em, digits about half', () => {
    expect(textWidth('客户', 12)).toBe(24);
    expect(textWidth('100.0%', 12)).toBeGreaterThan(30);
    expect(textWidth('100.0%', 12)).toBeLessThan(50);
  });
  it('truncates with an ellipsis only when needed', () => {
    expect(truncate('short', 200)).toBe('short');
    const t = truncate('a rather long category label', 60);
    expect(t.endsWith('…')).toBe(true);
    expect(textWidth(t)).toBeLessThanOrEqual(60);
  });
  it('wraps English at spaces and Chinese between characters, at most two lines', () => {
    expect(wrapText('Highly elastic customers', 100)).toEqual(['Highly elastic', 'customers']);
    const zh = wrapText('高弹性客户群体', 40);
    expect(zh.length).toBe(2);
    expect(zh.every((l) => textWidth(l) <= 40)).toBe(true);
    expect(wrapText('one two three four five six seven', 40, 12, 2)).toHaveLength(2);
  });
  it('thins a run of month labels so none overlaps', () => {
    const widths = Array.from({ length: 24 }, () => textWidth('2024-01'));
    const every = thinEvery(widths, 20);
    expect(every * 20).toBeGreaterThanOrEqual(textWidth('2024-01') + 8);
    expect(thinEvery(widths, 200)).toBe(1);
  });
  it('spreads overlapping labels apart within bounds, keeping their order', () => {
    const out = spreadLabels([50, 52, 51, 200], 14, 0, 210);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(14 - 1e-9);
    expect(out[0]).toBeLessThan(out[2]);
    expect(out[2]).toBeLessThan(out[1]);
    expect(out[3]).toBe(200);
    expect(spreadLabels([205, 206, 207], 10, 0, 210).every((p) => p <= 210)).toBe(true);
  });
});
