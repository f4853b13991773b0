// The one CSV writer: RFC 4180 quoting and spreadsheet formula injection (OWASP "CSV Injection"),
// table-driven. Each case is one cell written under a header `h`.
import { describe, expect, it } from 'vitest';
import { toCsv, type CsvCell } from './csv';

const one = (v: CsvCell) => toCsv(['h'], [[v]]).slice('\uFEFFh\r\n'.length, -2);

describe('toCsv: formula injection is neutralised, numbers stay numbers', () => {
  it.each<{ cell: CsvCell; written: string; why: string }>([
    { cell: "=cmd|' /C calc'!A0", written: "'=cmd|' /C calc'!A0", why: 'DDE payload' },
    {
      cell: '=HYPERLINK("http://x.example/?a","click")',
      written: '"\'=HYPERLINK(""http://x.example/?a"",""click"")"',
      why: 'formula with quotes and a comma'
    },
    { cell: '=1+1', written: "'=1+1", why: 'plain formula' },
    { cell: '+1', written: "'+1", why: 'a plus sign starts a formula' },
    { cell: '+86 138 0000 0000', written: "'+86 138 0000 0000", why: 'a phone number with + is text' },
    { cell: '@SUM(A1)', written: "'@SUM(A1)", why: 'at sign' },
    { cell: '@x', written: "'@x", why: 'at sign' },
    { cell: '-abc', written: "'-abc", why: 'minus followed by text' },
    { cell: '-1+cmd', written: "'-1+cmd", why: 'minus that is not a number' },
    { cell: '\tx', written: "'\tx", why: 'leading tab' },
    { cell: '\rx', written: '"\'\rx"', why: 'leading CR (also quoted: it breaks a line)' },
    { cell: -1, written: '-1', why: 'a negative number stays a number' },
    { cell: -1.5, written: '-1.5', why: 'a negative decimal stays a number' },
    { cell: '-1', written: '-1', why: 'text that is exactly a negative number' },
    { cell: '-1.5', written: '-1.5', why: 'text that is exactly a negative decimal' },
    { cell: '-2.5e-3', written: '-2.5e-3', why: 'negative number in exponent form' },
    { cell: 0, written: '0', why: 'zero' },
    { cell: 'a=b', written: 'a=b', why: 'an equals sign inside is harmless' },
    { cell: ' =1', written: ' =1', why: 'only the first character counts' },
    { cell: true, written: 'true', why: 'boolean' },
    { cell: null, written: '', why: 'null is empty' },
    { cell: undefined, written: '', why: 'undefined is empty' },
    { cell: NaN, written: '', why: 'NaN is empty, never "NaN"' },
    { cell: Infinity, written: '', why: 'infinity is empty' },
    { cell: 'a,b', written: '"a,b"', why: 'comma quoted' },
    { cell: 'say "hi"', written: '"say ""hi"""', why: 'quotes doubled' },
    { cell: 'x\ny', written: '"x\ny"', why: 'newline kept inside one quoted field' },
    { cell: '用户', written: '用户', why: 'Chinese text as is' }
  ])('$why: $cell', ({ cell, written }) => {
    expect(one(cell)).toBe(written);
  });
});

describe('toCsv: the file', () => {
  it('starts with a BOM, ends rows with CRLF, neutralises headers too', () => {
    const csv = toCsv(
      ['月份', '=note'],
      [
        ['2024-01', 'a,b'],
        ['2024-02', 'say "hi"'],
        ['2024-03', null],
        ['x', NaN]
      ]
    );
    expect(csv).toBe('\uFEFF月份,\'=note\r\n2024-01,"a,b"\r\n2024-02,"say ""hi"""\r\n2024-03,\r\nx,\r\n');
  });
  it('an empty table is the header line alone', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
  });
});
