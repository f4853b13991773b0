import { describe, expect, it } from 'vitest';
import { colourLegendLayout, legendLayout, KEY } from './legend';
import { textWidth } from './text';

const num = (v: number, d: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);

describe('legends', () => {
  it('entries flow left to right and wrap within the width', () => {
    const entries = ['Acquisition', 'Growth', 'Maturity', 'Decline', 'Exit'].map((label) => ({ label, colour: '#000' }));
    const wide = legendLayout(entries, 1000);
    expect(wide.height).toBe(KEY.row);
    expect(wide.entries.map((e) => e.x)).toEqual([...wide.entries.map((e) => e.x)].sort((a, b) => a - b));
    const narrow = legendLayout(entries, 200);
    expect(narrow.height).toBeGreaterThan(KEY.row);
    for (const e of narrow.entries) expect(e.x + KEY.width + KEY.gap + textWidth(e.label)).toBeLessThanOrEqual(200 + 1e-9);
    expect(legendLayout([], 100).height).toBe(0);
  });
  it('a colour scale labels both ends and a few values between, none twice', () => {
    const l = colourLegendLayout('Retention', { title: 'Retention', domain: [0.43, 1], format: 'percent' }, num);
    expect(l.ticks[0]).toEqual({ pos: 0, label: '43%' });
    expect(l.ticks.at(-1)).toEqual({ pos: l.barWidth, label: '100%' });
    expect(new Set(l.ticks.map((t) => t.label)).size).toBe(l.ticks.length);
    expect(l.ticks.length).toBeGreaterThanOrEqual(3);
    // Wide labels: inner ones that would touch their neighbours are dropped, the ends stay.
    const wide = colourLegendLayout('Mean value', { title: 'Mean value', domain: [-16.1, 2685.57] }, num);
    expect(wide.ticks[0].label).toBe('-16');
    expect(wide.ticks.at(-1)!.label).toBe('2,686');
    const widths = wide.ticks.map((t) => textWidth(t.label));
    for (let i = 1; i < wide.ticks.length - 1; i++)
      expect(wide.ticks[i].pos - widths[i] / 2).toBeGreaterThan(wide.ticks[i - 1].pos + (i === 1 ? widths[0] : widths[i - 1] / 2));
    const flat = colourLegendLayout('x', { title: 'x', domain: [2, 2] }, num);
    expect(flat.ticks).toHaveLength(1);
  });
});
