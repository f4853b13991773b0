import { describe, expect, it } from 'vitest';
import { toCsv } from './toCsv';

describe('toCsv', () => {
  it('quotes commas, quotes and newlines, leaves nulls empty, and starts with a BOM', () => {
    const csv = toCsv(['月份', 'note'], [['2024-01', 'a,b'], ['2024-02', 'say "hi"'], ['2024-03', null], ['x', NaN]]);
    expect(csv).toBe('\uFEFF月份,note\r\n2024-01,"a,b"\r\n2024-02,"say ""hi"""\r\n2024-03,\r\nx,\r\n');
  });
  it('keeps a multi-line cell in one quoted field', () => {
    expect(toCsv(['a'], [['x\ny']])).toBe('\uFEFFa\r\n"x\ny"\r\n');
  });
});
