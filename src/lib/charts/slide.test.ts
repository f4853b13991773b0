import { describe, expect, it } from 'vitest';
import { slideSvg, sourceLine } from './slide';

describe('slide-ready export', () => {
  const chart =
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><text>月份</text></svg>';
  it('puts the title above and the source and date below the chart, all escaped', () => {
    const s = slideSvg(chart, 600, 300, { title: 'Monthly KPIs <active>', source: 'Data: a&b.csv · 2026-12-03' });
    expect(s.svg.startsWith('<?xml')).toBe(true);
    expect(s.svg.match(/<\?xml/g)).toHaveLength(1);
    expect(s.svg).toContain('Monthly KPIs &lt;active&gt;');
    expect(s.svg).toContain('a&amp;b.csv');
    expect(s.svg.indexOf('Monthly KPIs')).toBeLessThan(s.svg.indexOf('月份'));
    expect(s.svg.indexOf('月份')).toBeLessThan(s.svg.indexOf('2026-12-03'));
    expect(s.height).toBeGreaterThan(300 + 16 + 11);
    expect(s.width).toBeGreaterThanOrEqual(600);
    expect(s.svg).toMatch(/<svg x="16" y="\d+" xmlns/);
  });
  it('a long title wraps instead of running off the slide', () => {
    const s = slideSvg(chart, 300, 200, { title: '按入网月与入网后月数的队列留存热力图'.repeat(3), source: 's' });
    expect((s.svg.match(/font-size="16"/g) ?? []).length).toBeGreaterThan(1);
  });
  it('the source line names file, kind, segment and date', () => {
    expect(sourceLine('数据：', { file: 'a.csv', kind: '月度面板', segment: '高价值', date: '2026年12月3日' })).toBe(
      '数据：a.csv · 月度面板 · 高价值 · 2026年12月3日'
    );
    expect(sourceLine('Data:', { date: '3 Dec 2026' })).toBe('Data: 3 Dec 2026');
  });
});
