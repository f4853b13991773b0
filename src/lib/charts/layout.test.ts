import { describe, expect, it } from 'vitest';
import { chartLayout, place } from './layout';
import { textWidth } from './text';

const num = (v: number, d: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);

describe('chartLayout (the one margin convention)', () => {
  it('the left margin holds the widest y label: "100.0%" is not clipped', () => {
    const l = chartLayout(
      {
        width: 320,
        plotHeight: 200,
        x: { kind: 'linear', title: 'x', domain: [0, 1], format: 'percent' },
        y: { kind: 'linear', title: 'y', domain: [0, 1], format: 'percent', ticks: 4 }
      },
      num
    );
    const widest = Math.max(...l.y!.ticks.map((t) => textWidth(t.label)));
    expect(l.plot.left).toBeGreaterThanOrEqual(widest + 8);
    // The last x label ("100%") is centred on the right edge and fits in the margin.
    const last = l.x!.ticks.at(-1)!;
    expect(last.pos + textWidth(last.label) / 2).toBeLessThanOrEqual(l.width);
  });
  it('the chart is as tall as the plot plus legend, titles and labels; nothing overlaps', () => {
    const l = chartLayout(
      {
        width: 600,
        plotHeight: 200,
        xTitle: 'Month',
        yTitle: 'Customers',
        x: { kind: 'band', title: 'Month', domain: ['2024-01', '2024-02'] },
        y: { kind: 'linear', title: 'Customers', domain: [0, 120], integer: true },
        legend: [
          { label: 'A', colour: '#000' },
          { label: 'B', colour: '#111' }
        ]
      },
      num
    );
    expect(l.plot.bottom - l.plot.top).toBe(200);
    expect(l.legend.every((e) => e.y < l.yTitleY)).toBe(true);
    expect(l.yTitleY).toBeLessThan(l.plot.top);
    expect(l.xTitleY).toBeGreaterThan(l.plot.bottom + 12);
    expect(l.height).toBeGreaterThan(l.xTitleY);
  });
  it('integer axes get integer ticks', () => {
    const l = chartLayout(
      {
        width: 400,
        plotHeight: 300,
        x: { kind: 'linear', title: 'k', domain: [2, 8], integer: true },
        y: { kind: 'linear', title: 'n', domain: [0, 2], integer: true }
      },
      num
    );
    expect(l.x!.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(l.y!.ticks.map((t) => t.label)).toEqual(['0', '1', '2']);
  });
  it('long month runs are thinned; category labels wrap onto two rows instead', () => {
    const months = Array.from({ length: 36 }, (_, i) => `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const thin = chartLayout(
      {
        width: 500,
        plotHeight: 100,
        x: { kind: 'band', title: 'm', domain: months, thin: true },
        y: { kind: 'linear', title: 'y', domain: [0, 1] }
      },
      num
    );
    expect(thin.x!.ticks.length).toBeLessThan(months.length);
    const pos = thin.x!.ticks.map((t) => t.pos);
    for (let i = 1; i < pos.length; i++) expect(pos[i] - pos[i - 1]).toBeGreaterThanOrEqual(textWidth('2024-01'));
    const wrapped = chartLayout(
      {
        width: 300,
        plotHeight: 100,
        x: { kind: 'band', title: 'c', domain: ['Highly elastic', 'Inelastic', 'Negative elasticity'] },
        y: { kind: 'linear', title: 'y', domain: [0, 1] }
      },
      num
    );
    expect(wrapped.x!.kind === 'band' && wrapped.x!.ticks.some((t) => t.lines.length === 2)).toBe(true);
  });
  it('a band y axis (horizontal bars) makes room for its labels, capped at 40% of the width', () => {
    const l = chartLayout(
      {
        width: 400,
        plotHeight: 100,
        y: { kind: 'band', title: 'c', domain: ['short', 'x'.repeat(200)] },
        x: { kind: 'linear', title: 'n', domain: [0, 10] }
      },
      num
    );
    expect(l.plot.left).toBeLessThanOrEqual(400 * 0.4 + 20);
    expect(l.y!.kind === 'band' && l.y!.ticks[1].lines[0].endsWith('…')).toBe(true);
    expect(place(l.y!, 'short')).toBeGreaterThan(l.plot.top);
  });
  it('negative values get a zero line inside the domain', () => {
    const l = chartLayout(
      {
        width: 400,
        plotHeight: 200,
        x: { kind: 'linear', title: 'year', domain: [1, 5], integer: true },
        y: { kind: 'linear', title: 'NPV', domain: [-3000, 8000] }
      },
      num
    );
    const [lo, hi] = (l.y!.kind === 'linear' ? l.y!.scale.domain() : [0, 0]) as number[];
    expect(lo).toBeLessThanOrEqual(-3000);
    expect(hi).toBeGreaterThanOrEqual(8000);
    expect(l.y!.ticks.some((t) => t.value === 0)).toBe(true);
  });
  it('a colour scale takes a row above the plot', () => {
    const l = chartLayout(
      {
        width: 500,
        plotHeight: 100,
        colourScale: { title: 'Retention', domain: [0.4, 1], format: 'percent' },
        x: { kind: 'band', title: 'k', domain: ['0', '1'] },
        y: { kind: 'band', title: 'c', domain: ['a'] }
      },
      num
    );
    expect(l.colourLegend).not.toBeNull();
    expect(l.colourLegend!.y + l.colourLegend!.height).toBeLessThanOrEqual(l.plot.top);
  });
});
