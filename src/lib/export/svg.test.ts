import { describe, expect, it } from 'vitest';
import { fileStem, standaloneSvgText, styleText, viewBoxSize, INLINED_PROPS } from './svg';

describe('svg export helpers', () => {
  it('reads the size from a viewBox, with a fallback for bad ones', () => {
    expect(viewBoxSize('0 0 720 260')).toEqual({ width: 720, height: 260 });
    expect(viewBoxSize('-70 -4 560 272')).toEqual({ width: 560, height: 272 });
    expect(viewBoxSize('0,0,10,20')).toEqual({ width: 10, height: 20 });
    expect(viewBoxSize(null, { width: 1, height: 2 })).toEqual({ width: 1, height: 2 });
    expect(viewBoxSize('0 0 0 10', { width: 1, height: 2 })).toEqual({ width: 1, height: 2 });
    expect(viewBoxSize('0 0 a 10', { width: 1, height: 2 })).toEqual({ width: 1, height: 2 });
  });

  it('builds a style attribute without empty or default values', () => {
    expect(
      styleText([
        ['fill', 'rgb(0, 0, 0)'],
        ['stroke', ''],
        ['font-weight', 'normal'],
        ['font-size', '12px']
      ])
    ).toBe('fill:rgb(0, 0, 0);font-size:12px');
    expect(styleText([])).toBe('');
  });

  it('inlines what a standalone renderer needs: fill, stroke and font', () => {
    for (const p of ['fill', 'stroke', 'font-family', 'font-size']) expect(INLINED_PROPS).toContain(p);
  });

  it('adds the XML prolog and the namespace once', () => {
    const s = standaloneSvgText('<svg viewBox="0 0 1 1"><rect/></svg>');
    expect(s.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox')).toBe(true);
    const t = standaloneSvgText('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>');
    expect(t.match(/xmlns=/g)).toHaveLength(1);
  });

  it('makes safe file names and keeps Chinese', () => {
    expect(fileStem('Monthly KPI: active / new')).toBe('Monthly-KPI-active-new');
    expect(fileStem('生命周期 阶段分布')).toBe('生命周期-阶段分布');
    expect(fileStem('  ///  ')).toBe('chart');
    expect(fileStem('x'.repeat(200))).toHaveLength(80);
  });
});
