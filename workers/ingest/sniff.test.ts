import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { dedupeHeaders, detectEncoding, detectFormat, isProbablyBinary, looksLikeHeader, sniffText } from './sniff.ts';

const SAMPLE = 64 * 1024;
const shared = (p: string) => new URL(`../../../shared/data/${p}`, import.meta.url);
const fixture = (p: string) => new URL(`../../tests/fixtures/ingest/${p}`, import.meta.url);
const head = (url: URL) => new Uint8Array(readFileSync(url).subarray(0, SAMPLE));
const utf8 = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array, enc = 'utf-8') => new TextDecoder(enc).decode(b, { stream: true });

describe('detectEncoding', () => {
  const cases: [string, Uint8Array, string][] = [
    ['ascii', utf8('a,b\n1,2\n'), 'utf-8'],
    ['utf-8 chinese', utf8('用户ID,账期\n'), 'utf-8'],
    ['utf-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b\n')]), 'utf-8-bom'],
    ['utf-16le BOM', new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0]), 'utf-16le'],
    ['utf-16be BOM', new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x2c]), 'utf-16be'],
    ['gbk bytes', new Uint8Array([0xd3, 0xc3, 0xbb, 0xa7, 0x49, 0x44]), 'gb18030'], // 用户ID
    ['empty', new Uint8Array(), 'utf-8']
  ];
  test.each(cases)('%s', (_, bytes, encoding) => {
    expect(detectEncoding(bytes).encoding).toBe(encoding);
  });

  test('a UTF-8 sample cut inside a character is still UTF-8', () => {
    const bytes = utf8('客户编号,金额\n张三,1\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(detectEncoding(bytes.subarray(0, cut)).encoding, `cut at ${cut}`).toBe('utf-8');
    }
  });

  test('BOM length and confidence', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8-bom', confidence: 1, bomLength: 3 });
    expect(detectEncoding(utf8('abc')).confidence).toBeLessThan(0.9);
    expect(detectEncoding(utf8('账期')).confidence).toBeGreaterThan(0.9);
  });

  test('the GB18030 fixture, also when cut at any of its first 64 bytes', () => {
    const bytes = new Uint8Array(readFileSync(fixture('gb18030-panel.csv')));
    expect(detectEncoding(bytes)).toEqual({ encoding: 'gb18030', confidence: 0.9, bomLength: 0 });
    for (let cut = 2; cut < 64; cut++) expect(detectEncoding(bytes.subarray(0, cut)).encoding).toBe('gb18030');
  });
});

describe('isProbablyBinary / detectFormat', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, ...utf8('[Content_Types].xml')]);
  const cases: [string, string, Uint8Array, string][] = [
    ['empty file', 'a.csv', new Uint8Array(), 'empty'],
    ['only BOM and blank lines', 'a.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20]), 'empty'],
    ['parquet', 'x.bin', new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x15, 0x04, 0]), 'parquet'],
    ['xlsx by name', 'book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'xlsx'],
    ['xlsx by content', 'book.zip', zip, 'xlsx'],
    ['other zip', 'data.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, ...utf8('data.csv')]), 'binary'],
    ['png', 'a.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary'],
    ['old xls', 'a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'binary'],
    ['control characters', 'a.txt', new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0x41))), 'binary'],
    ['csv', 'a.csv', utf8('a,b\r\n1,2\r\n'), 'csv'],
    ['utf-16 text with NULs', 'a.txt', new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0a, 0]), 'csv'],
    ['gb18030 text', 'a.csv', new Uint8Array([0xd3, 0xc3, 0xbb, 0xa7, 0x2c, 0x31, 0x0a]), 'csv']
  ];
  test.each(cases)('%s', (_, name, bytes, format) => {
    expect(detectFormat(name, bytes)).toBe(format);
  });

  test('text with tabs, form feeds and line breaks is not binary', () => {
    expect(isProbablyBinary(utf8('a\tb\fc\r\nd\n'))).toBe(false);
    expect(isProbablyBinary(utf8('a\u0000b'))).toBe(true);
  });
});

describe('dedupeHeaders', () => {
  const cases: [string[], string[]][] = [
    [
      ['金额', '金额', '金额'],
      ['金额', '金额_2', '金额_3']
    ],
    [
      [' a ', 'A', 'a_2'],
      ['a', 'A_3', 'a_2']
    ],
    [
      ['', '  ', 'x'],
      ['column1', 'column2', 'x']
    ],
    [
      ['column2', ''],
      ['column2', 'column2_2']
    ],
    [
      ['月\r\n份', '\u3000区域\u3000', '\uFEFFid'],
      ['月 份', '区域', 'id']
    ],
    [
      ['Amount', 'amount', 'AMOUNT_2'],
      ['Amount', 'amount_3', 'AMOUNT_2']
    ]
  ];
  test.each(cases)('%j', (input, expected) => {
    expect(dedupeHeaders(input)).toEqual(expected);
  });
});

describe('looksLikeHeader', () => {
  const cases: [string, string[][], boolean][] = [
    [
      'text over numbers',
      [
        ['id', 'v'],
        ['1', '2.5'],
        ['2', '3']
      ],
      true
    ],
    [
      'numbers first',
      [
        ['1', '2'],
        ['3', '4']
      ],
      false
    ],
    [
      'dates under text',
      [
        ['month', 'x'],
        ['2024-01', 'a'],
        ['2024-02', 'b']
      ],
      true
    ],
    [
      'all text, header said once',
      [
        ['name', 'city'],
        ['Ann', 'Paris'],
        ['Bob', 'Rome']
      ],
      true
    ],
    [
      'all text, first value repeats',
      [
        ['Ann', 'Paris'],
        ['Bob', 'Paris'],
        ['Cy', 'Rome']
      ],
      false
    ],
    [
      'blank header cell, all text',
      [
        ['name', ''],
        ['Ann', 'x'],
        ['Bob', 'y']
      ],
      false
    ],
    ['only one row of names', [['a', 'b']], true],
    ['only one row of numbers', [['1', '2']], false],
    ['nothing', [], false]
  ];
  test.each(cases)('%s', (_, rows, expected) => {
    expect(looksLikeHeader(rows)).toBe(expected);
  });
});

describe('sniffText on synthetic text', () => {
  test('semicolon CSV with decimal commas', () => {
    const s = sniffText('kunde;monat;umsatz\nA1;2024-01;1,5\nA2;2024-02;2,75\n', { complete: true });
    expect(s).toMatchObject({ delimiter: ';', hasHeader: true, headers: ['kunde', 'monat', 'umsatz'], quote: '"', lineEnding: '\n' });
    expect(s.previewRows).toEqual([
      ['A1', '2024-01', '1,5'],
      ['A2', '2024-02', '2,75']
    ]);
  });

  test('tab-separated with spaces inside values', () => {
    const s = sniffText('客户 编号\t月份\t套餐\r\nC 1\t202401\t畅享 套餐\r\nC 2\t202402\t校园卡\r\n');
    expect(s).toMatchObject({ delimiter: '\t', hasHeader: true, headers: ['客户 编号', '月份', '套餐'], lineEnding: '\r\n' });
  });

  test('pipe-separated', () => {
    expect(sniffText('a|b|c\n1|2|3\n4|5|6\n').delimiter).toBe('|');
  });

  test('quoted fields with delimiters, quotes and line breaks inside', () => {
    const text = 'id,comment,amount\n1,"hello, world",3\n2,"two\nlines ""quoted""",4\n3,plain,5\n';
    const s = sniffText(text, { complete: true });
    expect(s.delimiter).toBe(',');
    expect(s.quote).toBe('"');
    expect(s.previewRows).toEqual([
      ['1', 'hello, world', '3'],
      ['2', 'two\nlines "quoted"', '4'],
      ['3', 'plain', '5']
    ]);
  });

  test('a sample cut inside a quoted field drops the cut record', () => {
    const s = sniffText('id,comment\n1,"ok"\n2,"cut in\nthe mid');
    expect(s.previewRows).toEqual([['1', 'ok']]);
  });

  test('the last line is dropped unless the text is complete or ends with a line break', () => {
    expect(sniffText('a,b\n1,2\n3,4').previewRows).toEqual([['1', '2']]);
    expect(sniffText('a,b\n1,2\n3,4', { complete: true }).previewRows).toEqual([
      ['1', '2'],
      ['3', '4']
    ]);
    expect(sniffText('a,b\n1,2\n3,4\n').previewRows).toEqual([
      ['1', '2'],
      ['3', '4']
    ]);
  });

  test('literal quotes inside unquoted fields switch quoting off', () => {
    expect(sniffText('item,size\nscreen,5" wide\nphone,6" tall\n').quote).toBe('');
  });

  test('duplicate and blank headers, BOM character, CR line ends', () => {
    const s = sniffText('\uFEFF金额,金额,,x\r1,2,3,4\r5,6,7,8\r');
    expect(s.headers).toEqual(['金额', '金额_2', 'column3', 'x']);
    expect(s.lineEnding).toBe('\r');
  });

  test('headerless whitespace text gets column1..N', () => {
    const s = sniffText('  1  20240101   2   29.33\n  2  20240105   1    9.50\n', { complete: true });
    expect(s).toMatchObject({
      delimiter: 'whitespace',
      hasHeader: false,
      quote: '',
      headers: ['column1', 'column2', 'column3', 'column4']
    });
    expect(s.previewRows[1]).toEqual(['2', '20240105', '1', '9.50']);
  });

  test('a few ragged rows do not change the delimiter; width covers the header', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i * 2}`);
    rows[5] = '5,10,extra';
    const s = sniffText(['a,b', ...rows].join('\n') + '\n');
    expect(s.delimiter).toBe(',');
    expect(s.headers).toEqual(['a', 'b']);
  });

  test('single column', () => {
    const s = sniffText('customer\nA\nB\nC\n');
    expect(s.headers).toEqual(['customer']);
    expect(s.hasHeader).toBe(true);
  });

  test('empty text', () => {
    expect(sniffText('', { complete: true })).toMatchObject({ hasHeader: false, headers: [], previewRows: [] });
  });
});

describe('sniffText on the shared real files (first 64 KB)', () => {
  test('CDNOW_master: whitespace, header, CRLF, leading spaces', () => {
    const s = sniffText(decode(head(shared('cdnow/CDNOW_master.txt'))));
    expect(s).toMatchObject({ delimiter: 'whitespace', hasHeader: true, quote: '', lineEnding: '\r\n' });
    expect(s.headers).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(s.previewRows[0]).toEqual(['00001', '19970101', '1', '11.77']);
  });

  test('CDNOW_sample: whitespace, no header', () => {
    const s = sniffText(decode(head(shared('cdnow/CDNOW_sample.txt'))));
    expect(s).toMatchObject({ delimiter: 'whitespace', hasHeader: false, lineEnding: '\r\n' });
    expect(s.headers).toEqual(['column1', 'column2', 'column3', 'column4', 'column5']);
    expect(s.previewRows[0]).toEqual(['00004', '0001', '19970101', '2', '29.33']);
    expect(s.previewRows).toHaveLength(100);
  });

  test('telco: comma, header', () => {
    const s = sniffText(decode(head(shared('telco/WA_Fn-UseC_-Telco-Customer-Churn.csv'))));
    expect(s).toMatchObject({ delimiter: ',', hasHeader: true, quote: '"', lineEnding: '\n' });
    expect(s.headers).toHaveLength(21);
    expect(s.headers[0]).toBe('customerID');
    expect(s.headers.at(-1)).toBe('Churn');
  });

  test('donations.csv: comma, header over integers, whole file', () => {
    const bytes = head(shared('cdnow/donations.csv'));
    const s = sniffText(decode(bytes), { complete: true });
    expect(s).toMatchObject({ delimiter: ',', hasHeader: true, headers: ['frequency', 'recency', 'periods', 'weights'] });
    expect(s.previewRows).toHaveLength(22);
  });

  test('detectFormat says csv for all of them', () => {
    for (const p of [
      'cdnow/CDNOW_master.txt',
      'cdnow/CDNOW_sample.txt',
      'cdnow/donations.csv',
      'telco/WA_Fn-UseC_-Telco-Customer-Churn.csv'
    ]) {
      expect(detectFormat(p, head(shared(p))), p).toBe('csv');
      expect(detectEncoding(head(shared(p))).encoding, p).toBe('utf-8');
    }
  });
});

describe('GB18030 fixture with Chinese headers', () => {
  test('decoded with the detected encoding, sniffed as a CSV with a header', () => {
    const bytes = new Uint8Array(readFileSync(fixture('gb18030-panel.csv')));
    const { encoding } = detectEncoding(bytes);
    const s = sniffText(decode(bytes, encoding), { complete: true });
    expect(s).toMatchObject({ delimiter: ',', hasHeader: true, lineEnding: '\r\n' });
    expect(s.headers).toEqual(['用户ID', '账期', '出账收入（元）', '是否离网', '区县', '套餐名称', '备注']);
    expect(s.previewRows[0]).toEqual(['U00000', '202401', '18.50', '是', '天河区', '畅享套餐', '“欠费”提醒']);
    expect(s.previewRows).toHaveLength(100);
  });

  test('UTF-8 with BOM decodes to the same headers', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('用户ID,账期\nU1,202401\n')]);
    expect(detectEncoding(bytes).encoding).toBe('utf-8-bom');
    expect(sniffText(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).headers).toEqual(['用户ID', '账期']);
  });
});
