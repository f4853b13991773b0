import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { openNodeDb, type NodeDb } from '../db/node.ts';
import { all, one } from '../db/sql.ts';

const VALUES_SQL = readFileSync(new URL('./sql/values.sql', import.meta.url), 'utf8');
let node: NodeDb;

beforeAll(async () => {
  node = await openNodeDb();
  await all(node.conn, VALUES_SQL);
});
afterAll(() => node.close());

/** Runs `macro(?)` and its `_ok` twin on one cell (NULL when `cell` is null). */
async function parse(macro: string, cell: string | null, cast = ''): Promise<{ v: unknown; ok: unknown }> {
  const arg = cell === null ? 'NULL::VARCHAR' : '?::VARCHAR';
  const params = cell === null ? [] : [cell, cell];
  const okMacro = macro === 'clm_text' ? 'clm_is_blank' : `${macro}_ok`;
  const row = await one(node.conn, `SELECT ${macro}(${arg})${cast} AS v, ${okMacro}(${arg.replace('?', '?')}) AS ok`, params);
  return { v: row?.v, ok: row?.ok };
}

const NBSP = '\u00a0';
const IDEO = '\u3000';

describe('clm_edges_dirty', () => {
  // Every code point up to U+0021 and the white space clm_edges_clean knows, at either edge, inside,
  // alone, and around letters and CJK: the regular expression says what the character test says.
  const specials = [0xa0, 0x3000, 0xfeff, 0x2009, 0x202f, 0x2008, 0x3001, 0xff01];
  const chars = [...Array.from({ length: 34 }, (_, i) => i), ...specials].map((c) => String.fromCodePoint(c));
  const cells = ['', 'a', '中', 'ab', '客户 1', ...chars.flatMap((c) => [c, c + 'x', 'x' + c, 'x' + c + 'y', c + '中' + c, '值' + c])];
  test.each(cells.map((c) => [JSON.stringify(c), c]))('%s', async (_, cell) => {
    const row = await one(node.conn, 'SELECT clm_edges_dirty(?::VARCHAR) AS dirty, NOT clm_edges_clean(?::VARCHAR) AS expected', [
      cell,
      cell
    ]);
    expect(row?.dirty).toBe(row?.expected);
  });
});

describe('clm_number', () => {
  // [cell, value (null = NULL), ok]
  const cases: [string | null, number | null, boolean][] = [
    [null, null, true],
    ['', null, true],
    ['   ', null, true],
    [IDEO, null, true],
    ['NULL', null, true],
    ['n/a', null, true],
    ['NaN', null, true],
    ['#N/A', null, true],
    ['-', null, true],
    ['—', null, true],
    ['\\N', null, true],
    ['none', null, true],
    ['0', 0, true],
    ['42', 42, true],
    ['-3.5', -3.5, true],
    ['+7', 7, true],
    ['.5', 0.5, true],
    ['1e5', 100000, true],
    [' 12 ', 12, true],
    [`${IDEO}12${IDEO}`, 12, true],
    [`${NBSP}12.5${NBSP}`, 12.5, true],
    ['\t8\t', 8, true],
    ['1,234.5', 1234.5, true],
    ['12,345,678', 12345678, true],
    ['-1,000', -1000, true],
    ['1 234', 1234, true],
    [`1${NBSP}234,5`, 1234.5, true],
    ['1.234,56', 1234.56, true],
    ['12,5', 12.5, true],
    ['¥1,234.50', 1234.5, true],
    ['￥88', 88, true],
    ['$9.99', 9.99, true],
    ['€5', 5, true],
    ['100元', 100, true],
    ['RMB 300', 300, true],
    ['cny300', 300, true],
    ['1,200.00 元', 1200, true],
    ['12.5%', 0.125, true],
    ['100%', 1, true],
    ['-5%', -0.05, true],
    ['(12.00)', -12, true],
    ['(1,234.5)', -1234.5, true],
    ['¥(5.5)', -5.5, true],
    ['(10%)', -0.1, true],
    ['１２３', 123, true],
    ['１２３．５', 123.5, true],
    ['－５', -5, true],
    ['５０％', 0.5, true],
    ['\u22123', -3, true],
    ['１，２３４', 1234, true],
    ['abc', null, false],
    ['12abc', null, false],
    ['1.2.3', null, false],
    ['1,2,3', null, false],
    ['(12', null, false],
    ['12)', null, false],
    ['inf', null, false],
    ['Infinity', null, false],
    ['-inf', null, false],
    ['1e999', null, false],
    ['12-34', null, false],
    ['%', null, false],
    ['¥', null, false],
    ['是', null, false],
    ['1,23,4', null, false]
  ];
  test.each(cases)('%j → %j (ok %j)', async (cell, value, ok) => {
    const r = await parse('clm_number', cell);
    if (value === null) expect(r.v).toBeNull();
    else expect(r.v).toBeCloseTo(value, 12);
    expect(r.ok).toBe(ok);
  });
});

describe('clm_date', () => {
  const cases: [string | null, string | null, boolean][] = [
    [null, null, true],
    ['', null, true],
    [' ', null, true],
    ['NULL', null, true],
    ['-', null, true],
    ['20240115', '2024-01-15', true],
    [' 20240115 ', '2024-01-15', true],
    ['19970101', '1997-01-01', true],
    ['20240229', '2024-02-29', true],
    ['2024-01-15', '2024-01-15', true],
    ['2024/1/15', '2024-01-15', true],
    ['2024/01/05', '2024-01-05', true],
    ['2024.1.5', '2024-01-05', true],
    ['2024-1-5', '2024-01-05', true],
    ['2024年1月15日', '2024-01-15', true],
    ['2024年01月05号', '2024-01-05', true],
    ['2024 年 1 月 5 日', '2024-01-05', true],
    ['2024-01-15 10:00:00', '2024-01-15', true],
    ['2024-01-15T10:00:00', '2024-01-15', true],
    ['2024-01-15T23:30:00Z', '2024-01-15', true],
    ['2024-01-15T23:30:00+08:00', '2024-01-15', true],
    ['2024/1/15 8:05', '2024-01-15', true],
    ['2024-01-15 10:00:00.123', '2024-01-15', true],
    ['45306', '2024-01-15', true],
    ['20000', '1954-10-03', true],
    ['45306.0', '2024-01-15', true],
    ['20240115.0', '2024-01-15', true],
    ['２０２４０１１５', '2024-01-15', true],
    ['２０２４－０１－１５', '2024-01-15', true],
    ['202401', '2024-01-01', true],
    ['2024-01', '2024-01-01', true],
    ['2024/1', '2024-01-01', true],
    ['2024.01', '2024-01-01', true],
    ['2024年1月', '2024-01-01', true],
    ['2024年12月', '2024-12-01', true],
    ['Jan 2024', '2024-01-01', true],
    ['january 2024', '2024-01-01', true],
    ['Sep-2023', '2023-09-01', true],
    ['202401.0', '2024-01-01', true],
    ['20240230', null, false],
    ['20241301', null, false],
    ['2024-02-30', null, false],
    ['2024-13', null, false],
    ['202413', null, false],
    ['2024年13月', null, false],
    ['99999999', null, false],
    ['18991231', null, false],
    ['21000101', null, false],
    ['19999', null, false],
    ['80000', null, false],
    ['1234', null, false],
    ['01/15/2024', null, false],
    ['15/01/2024', null, false],
    ['yesterday', null, false],
    ['2024-01-15x', null, false],
    ['Foo 2024', null, false],
    ['0024-01-01', null, false]
  ];
  test.each(cases)('%j → %j (ok %j)', async (cell, value, ok) => {
    expect(await parse('clm_date', cell, '::VARCHAR')).toEqual({ v: value, ok });
  });
});

describe('clm_month', () => {
  const cases: [string | null, string | null, boolean][] = [
    [null, null, true],
    ['', null, true],
    ['N/A', null, true],
    ['202401', '2024-01-01', true],
    ['2024-01', '2024-01-01', true],
    ['2024/1', '2024-01-01', true],
    ['2024.01', '2024-01-01', true],
    ['2024年1月', '2024-01-01', true],
    ['2024年01月', '2024-01-01', true],
    ['20240115', '2024-01-01', true],
    ['2024-01-15', '2024-01-01', true],
    ['2024/1/15', '2024-01-01', true],
    ['2024-01-31 23:59:59', '2024-01-01', true],
    ['2024-01-15T10:00:00', '2024-01-01', true],
    ['45306', '2024-01-01', true],
    ['Jan 2024', '2024-01-01', true],
    ['１９９７年３月', '1997-03-01', true],
    ['202400', null, false],
    ['2024', null, false],
    ['month', null, false],
    ['2024-00', null, false]
  ];
  test.each(cases)('%j → %j (ok %j)', async (cell, value, ok) => {
    expect(await parse('clm_month', cell, '::VARCHAR')).toEqual({ v: value, ok });
  });
});

describe('clm_flag', () => {
  const cases: [string | null, boolean | null, boolean][] = [
    [null, null, true],
    ['', null, true],
    ['NA', null, true],
    ['1', true, true],
    ['1.0', true, true],
    ['Yes', true, true],
    ['Y', true, true],
    ['TRUE', true, true],
    ['t', true, true],
    ['是', true, true],
    ['离网', true, true],
    ['已离网', true, true],
    ['流失', true, true],
    ['销户', true, true],
    ['拆机', true, true],
    ['Churned', true, true],
    [' churn ', true, true],
    ['left', true, true],
    [`${IDEO}是`, true, true],
    ['0', false, true],
    ['0.0', false, true],
    ['No', false, true],
    ['n', false, true],
    ['False', false, true],
    ['F', false, true],
    ['否', false, true],
    ['在网', false, true],
    ['未流失', false, true],
    ['正常', false, true],
    ['停机', false, true],
    ['欠停', false, true],
    ['Active', false, true],
    ['2', null, false],
    ['maybe', null, false],
    ['inactive', null, false],
    ['yes!', null, false],
    ['-1', null, false]
  ];
  test.each(cases)('%j → %j (ok %j)', async (cell, value, ok) => {
    expect(await parse('clm_flag', cell)).toEqual({ v: value, ok });
  });
});

describe('clm_text and clm_is_blank', () => {
  const cases: [string | null, string | null][] = [
    [null, null],
    ['', null],
    ['  ', null],
    [`${IDEO}${NBSP}`, null],
    ['NULL', null],
    ['null', null],
    ['NA', null],
    ['N/A', null],
    ['#N/A', null],
    ['nan', null],
    ['None', null],
    ['\\N', null],
    ['-', null],
    ['--', null],
    ['—', null],
    ['–', null],
    ['\uFEFF', null],
    ['天河区', '天河区'],
    [`${IDEO}天河区${IDEO}`, '天河区'],
    [' U 001 ', 'U 001'],
    ['Nanjing', 'Nanjing'],
    ['---', '---'],
    ['null value', 'null value'],
    ['0', '0'],
    ['Month-to-month', 'Month-to-month'],
    ['a\tb', 'a\tb']
  ];
  test.each(cases)('%j → %j', async (cell, value) => {
    const r = await parse('clm_text', cell);
    expect(r.v).toBe(value);
    expect(r.ok).toBe(value === null);
  });
});

describe('over a column', () => {
  test('row counts: blanks load as NULL, unreadable cells are counted as rejects (the telco TotalCharges case)', async () => {
    node.db.registerFileText('values_test.csv', 'id,total\n1,29.85\n2, \n3,1889.5\n4,abc\n5,\n');
    const r = await one(
      node.conn,
      `SELECT count(*) AS n, count(clm_number(total)) AS loaded, count(*) FILTER (WHERE NOT clm_number_ok(total)) AS rejected,
              count(*) FILTER (WHERE clm_is_blank(total)) AS blank, sum(clm_number(total)) AS s
       FROM read_csv('values_test.csv', header = true, columns = {'id': 'VARCHAR', 'total': 'VARCHAR'}, auto_detect = false)`
    );
    expect(r).toEqual({ n: 5, loaded: 2, rejected: 1, blank: 2, s: 1919.35 });
  });

  // Every common shape parses at volume (speed is measured in bench/, not asserted in a unit test).
  test('100,000 cells of each common shape all parse', async () => {
    await all(
      node.conn,
      `CREATE OR REPLACE TEMP TABLE cells AS
      SELECT CAST(19970101 + (i % 28) AS VARCHAR) AS d, printf('%.2f', (i % 1000) / 7.0) AS n,
             printf('¥%d,%03d.50', i % 100 + 1, i % 1000) AS m, CASE WHEN i % 2 = 0 THEN 'Yes' ELSE 'No' END AS f, ' U' || (i % 1000) AS t
      FROM range(100000) r(i)`
    );
    for (const expr of ['clm_date(d)', 'clm_month(d)', 'clm_number(n)', 'clm_number(m)', 'clm_flag(f)', 'clm_text(t)'])
      expect(await one(node.conn, `SELECT count(${expr}) AS c FROM cells`), expr).toEqual({ c: 100_000 });
  });
});

describe("the typed read's YYYYMM fast path (typed.ts monthValue)", () => {
  test('gives what clm_month gives: every month 1900-01 to 2099-12, its neighbours, and odd cells', async () => {
    const { monthValue } = await import('../engine/typed.ts');
    const odd = [
      '190000',
      '189912',
      '209913',
      '210001',
      '202400',
      '202413',
      '202499',
      '19000 ',
      ' 20241',
      '20241 ',
      '+20241',
      '2024-1',
      '2024/1',
      '202401.0',
      '2024e1',
      '2024_1',
      '20_401',
      '２０２４０１',
      '0202401',
      '20240',
      '',
      ' ',
      '202401\t'
    ];
    await all(
      node.conn,
      `CREATE OR REPLACE TEMP TABLE cells AS
      SELECT strftime(DATE '1900-01-01' + to_months(i::INTEGER), '%Y%m') AS s FROM range(2400) r(i)
      UNION ALL SELECT s FROM (VALUES ${odd.map((s) => `('${s}')`).join(', ')}) v(s) UNION ALL SELECT NULL`
    );
    const diff = await all(
      node.conn,
      `SELECT s, (${monthValue('s')})::VARCHAR AS fast, clm_month(s)::VARCHAR AS slow FROM cells WHERE (${monthValue('s')}) IS DISTINCT FROM clm_month(s)`
    );
    expect(diff).toEqual([]);
    expect(Number((await one(node.conn, `SELECT count(${monthValue('s')}) AS n FROM cells`))!.n)).toBeGreaterThanOrEqual(2400);
  });
});
