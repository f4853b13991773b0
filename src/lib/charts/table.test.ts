import { describe, expect, it } from 'vitest';
import { cellText, csvCell, csvTable } from './table';

const num = (v: number, d: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);

describe('chart tables and their CSV', () => {
  const spec = {
    columns: [
      { header: '分层', kind: 'text' as const },
      { header: '客户数' },
      { header: '中位弹性', digits: 2 },
      { header: '流失率', kind: 'percent' as const }
    ],
    rows: [
      ['高弹性', 1234, 139.14624999999998, 0.1234],
      ['无弹性', 5, undefined, null]
    ]
  };
  it("the CSV has the table's headers (in the UI language) in the same order, percent columns marked", () => {
    const csv = csvTable(spec);
    expect(csv.headers).toEqual(['分层', '客户数', '中位弹性', '流失率 (%)']);
  });
  it('numbers are rounded to the digits shown: no 139.14624999999998, no "undefined"', () => {
    const csv = csvTable(spec);
    expect(csv.rows[0]).toEqual(['高弹性', '1234', '139.15', '12.3']);
    expect(csv.rows[1]).toEqual(['无弹性', '5', '', '']);
    expect(csv.rows.flat().join()).not.toMatch(/undefined|NaN|null/);
  });
  it('the table shows the same cells in the locale', () => {
    expect(spec.columns.map((c, j) => cellText(spec.rows[0][j], c, num))).toEqual(['高弹性', '1,234', '139.15', '12.3%']);
    expect(cellText(undefined, spec.columns[2], num)).toBe('–');
    expect(cellText(NaN, spec.columns[2], num)).toBe('–');
  });
  it('a negative rounded to zero loses its sign', () => {
    expect(csvCell(-0.0001, { header: 'x', digits: 1 })).toBe('0.0');
    expect(csvCell(-2.5, { header: 'x', digits: 1 })).toBe('-2.5');
  });
});
