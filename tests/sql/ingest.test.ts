// Ingest SQL in Node against the real shared data and hand-made bad files: the exact row accounting
// the browser shows (the same Engine code and SQL files run in the worker).
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../../workers/engine/engine.ts';
import type { ColumnRole } from '../../workers/contract.ts';
import { all } from '../../workers/db/sql.ts';
import { nodeEngine } from './engine.ts';
import { tableStats } from '../../workers/engine/quality.ts';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/data');
const blobOf = (p: string) => new Blob([fs.readFileSync(p)]);
const text = (s: string) => new Blob([s]);

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
});

describe('shared data files', () => {
  it('CDNOW_master: whitespace-separated with header, 69,659 rows, 23,570 customers', async () => {
    const s = await engine.ingestFile(blobOf(`${SHARED}/cdnow/CDNOW_master.txt`), 'CDNOW_master.txt');
    expect(s.delimiter).toBe('whitespace');
    expect(s.hasHeader).toBe(true);
    expect(s.quality).toMatchObject({ rowsInFile: 69659, loaded: 69659, rejected: 0 });
    expect(s.overview).toMatchObject({ kind: 'transactions', rows: 69659, customers: 23570, months: 18 });
    expect(s.roles.slice(0, 2)).toEqual(['customerId', 'date']);
    expect(s.quality.dateRange).toEqual({ min: '1997-01-01', max: '1998-06-30' });
  });
  it('CDNOW_sample: no header, 6,919 rows, 2,357 customers', async () => {
    const s = await engine.ingestFile(blobOf(`${SHARED}/cdnow/CDNOW_sample.txt`), 'CDNOW_sample.txt');
    expect(s.hasHeader).toBe(false);
    expect(s.quality).toMatchObject({ rowsInFile: 6919, loaded: 6919, rejected: 0 });
    expect(s.overview).toMatchObject({ kind: 'transactions', customers: 2357 });
  });
  it('telco: 7,043 rows, blank TotalCharges load as 11 nulls, not rejects', async () => {
    const s = await engine.ingestFile(blobOf(`${SHARED}/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv`), 'telco.csv');
    expect(s.quality).toMatchObject({ rowsInFile: 7043, loaded: 7043, rejected: 0 });
    expect(s.overview).toMatchObject({ kind: 'snapshot', customers: 7043, kpis: null });
    const total = s.quality.nulls.find((n) => n.column === 'TotalCharges');
    expect(total?.nulls).toBe(11);
  });
  it('donations.csv: 22 rows, no customer column', async () => {
    const s = await engine.ingestFile(blobOf(`${SHARED}/cdnow/donations.csv`), 'donations.csv');
    expect(s.quality).toMatchObject({ rowsInFile: 22, loaded: 22, rejected: 0 });
  });
});

describe('bad input', () => {
  it('counts every row: structural and value rejects with reasons and lines', async () => {
    const csv =
      [
        '用户ID,账期,出账收入,是否离网',
        'U1,202401,"1,234.50",0', // thousand separator
        'U1,2024年2月,¥88,否',
        'U2,2024/01,12.5%,1',
        'U3,202401,abc,0', // bad number → reject
        ',202401,10,0', // no customer → reject
        'U4,13月,10,0', // bad month → reject
        'U5,202401,10', // short row → structural reject
        'U6,202401,10,0,extra', // long row → structural reject
        'U7,202401,,0', // blank revenue → null, loaded
        'U8,"202401",20,是'
      ].join('\n') + '\n';
    const s = await engine.ingestFile(text(csv), 'bad.csv');
    expect(s.roles).toEqual(['customerId', 'month', 'revenue', 'churn']);
    expect(s.quality.rowsInFile).toBe(10);
    expect(s.quality.loaded).toBe(5);
    expect(s.quality.rejected).toBe(5);
    const by = Object.fromEntries(s.quality.reasons.map((r) => [r.reason, r]));
    expect(by['wrong-field-count'].count).toBe(2);
    expect(by['wrong-field-count'].examples.map((e) => e.line)).toEqual([8, 9]);
    expect(by['bad-number']).toMatchObject({ count: 1, column: '出账收入' });
    expect(by['missing-customer-id'].count).toBe(1);
    expect(by['bad-month'].count).toBe(1);
    expect(s.quality.nulls.find((n) => n.role === 'revenue')?.nulls).toBe(1);
    expect(s.overview.kpis?.revenue[0]).toBeCloseTo(1234.5 + 0.125 + 20, 6);
  });
  it('counts rows that repeat a (customer, month) beyond the first', async () => {
    const s = await engine.ingestFile(
      text('id,month,arpu\nA,202401,1\nA,202401,2\nA,202402,3\nB,202401,4\nB,2024-01,5\nB,202401,6\n'),
      'dup.csv'
    );
    expect(s.quality).toMatchObject({ loaded: 6, duplicateKeys: 3 });
  });
  // The overview counts rows per month when no (customer, month) repeats (a 64-bit set of months per
  // customer tells), else distinct customers; both must agree with the plain definition.
  it.each([
    ['a clean panel (rows counted)', 30, false, false],
    ['a panel with a repeated (customer, month)', 30, true, false],
    ['a panel of 70 months (distinct counted)', 70, false, false],
    ['a panel with a rejected row (per-customer table built again)', 30, true, true]
  ])('monthly KPIs of %s equal counting distinct customers', async (_, months, repeat, reject) => {
    const lines = ['id,month,arpu,churn'];
    for (let c = 0; c < 40; c++)
      for (let m = c % 7; m < months - (c % 5); m += 1 + (c % 3)) {
        const ym = 202001 + Math.floor(m / 12) * 100 + (m % 12);
        lines.push(`C${c},${ym},${(c * 7 + m) % 13},${m === months - 1 - (c % 5) && c % 4 === 0 ? 1 : 0}`);
      }
    if (repeat) lines.push('C3,202006,9,0', 'C3,202006,1,0');
    if (reject) lines.push('C99,2020-13,1,0');
    const s = await engine.ingestFile(text(lines.join('\n') + '\n'), 'kpis.csv');
    const ds = engine.dataset(s.id).table;
    const oracle = await all(
      engine.conn,
      `SELECT strftime(month, '%Y-%m') AS month, count(DISTINCT customer_id) AS active, count(DISTINCT customer_id) FILTER (WHERE churn) AS churned,
        sum(revenue) AS revenue FROM ${ds} GROUP BY month ORDER BY month`
    );
    const totals = (await all(engine.conn, `SELECT count(DISTINCT customer_id) AS c, count(DISTINCT month) AS m FROM ${ds}`))[0];
    expect(s.overview.kpis?.month).toEqual(oracle.map((r) => r.month));
    expect(s.overview.kpis?.active).toEqual(oracle.map((r) => Number(r.active)));
    expect(s.overview.kpis?.churned).toEqual(oracle.map((r) => Number(r.churned)));
    expect(s.overview.kpis?.revenue).toEqual(oracle.map((r) => Number(r.revenue)));
    expect(s.overview).toMatchObject({ customers: Number(totals.c), months: Number(totals.m) });
    expect(s.quality.duplicateKeys).toBe(repeat ? 2 : 0);
    expect(s.quality.rejected).toBe(reject ? 1 : 0);
    // What the panel analyses are told: one row per (customer, month) only when it was checked so.
    const pairs = (await all(engine.conn, `SELECT count(*) AS n, count(DISTINCT (customer_id, month)) AS k FROM ${ds}`))[0];
    const unique = Number(pairs.n) === Number(pairs.k);
    expect(unique).toBe(!repeat);
    expect(s.overview.oneRowPerCustomerMonth).toBe(unique && months < 64);
    expect(engine.dataset(s.id).oneRowPerCustomerMonth).toBe(unique && months < 64);
  });
  // The read takes the report's counts in the scan that tests the numbers; they must be what the
  // final table holds whether or not a later step changed cells (markers, padding, settled numbers,
  // infinities, removed rows).
  it.each([
    ['clean', 'id,month,region,arpu\nA,202401,北京,1\nB,202401,上海,\nA,202402,,3\n'],
    ['a marker in a category', 'id,month,region,arpu\nA,202401,null,1\nB,202401,上海,2\n'],
    ['a padded category', 'id,month,region,arpu\nA,202401, 北京 ,1\nB,202401,,2\n'],
    ['a blank generic number', 'id,month,region,score\nA,202401,北京,1\nB,202401,上海," "\nC,202401,上海,3\n'],
    ['an infinity', 'id,month,region,arpu\nA,202401,北京,inf\nB,202401,,2\n'],
    ['a rejected row', 'id,month,region,arpu\nA,202401,北京,1\nB,2024-13,,2\nC,202402,,\n']
  ])('empty cells and time range of a file with %s are those of the loaded rows', async (_, csv) => {
    const s = await engine.ingestFile(text(csv), 'stats.csv');
    const d = engine.dataset(s.id);
    const fresh = await tableStats(engine.conn, d.table, d.columns);
    expect(s.quality.nulls.map((n) => n.nulls)).toEqual(d.columns.filter((c) => c.role !== 'ignore').map((c) => fresh.nulls.get(c.name)));
    expect(s.quality.dateRange).toEqual(fresh.timeRange);
    expect(s.overview.rows).toBe(fresh.rows);
  });
  it('empty and binary files get clear errors', async () => {
    await expect(engine.ingestFile(text(''), 'empty.csv')).rejects.toMatchObject({ code: 'empty-file' });
    const bin = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await expect(engine.ingestFile(new Blob([bin]), 'x.bin')).rejects.toMatchObject({ code: 'binary-file' });
  });
  it('quoted newlines and duplicate headers', async () => {
    const s = await engine.ingestFile(text('id,note,note\n1,"a\nb",x\n2,c,y\n'), 'q.csv');
    expect(s.headers).toEqual(['id', 'note', 'note_2']);
    expect(s.quality).toMatchObject({ rowsInFile: 2, loaded: 2, rejected: 0 });
  });
  it('applyRoles re-types without re-reading and keeps the accounting', async () => {
    const s = await engine.ingestFile(text('cust,month,x\nA,202401,1\nB,202402,oops\n'), 'r.csv');
    const t = await engine.applyRoles(s.id, ['customerId', 'month', 'revenue']);
    expect(t.quality).toMatchObject({ rowsInFile: 2, loaded: 1, rejected: 1 });
    const u = await engine.applyRoles(s.id, ['customerId', 'month', 'number']);
    expect(u.quality).toMatchObject({ loaded: 2, rejected: 0 });
  });
});

describe('fast path and general parsers agree', () => {
  // Clean columns are read with plain casts and string slicing (typed.ts FAST_FORMATS); one dirty
  // cell sends a column through the general parsers of values.sql. Both must give the same values.
  const clean = ['id,day,amount,flag', 'A,20240115,12.5,1', 'B,20240201,-3,0', 'C,19991231,1e3,'].join('\n') + '\n';
  const dirty = clean + 'D, 20240301 ,"1,000",Yes\n';
  const rows = (e: Engine, id: string) =>
    all(
      e.conn,
      `SELECT customer_id, strftime(date, '%Y-%m-%d') AS d, strftime(month, '%Y-%m') AS m, amount, churn FROM ${e.dataset(id).table} ORDER BY customer_id`
    );
  it('gives identical typed rows', async () => {
    const roles = ['customerId', 'date', 'amount', 'churn'] as const;
    const a = await engine.applyRoles((await engine.ingestFile(text(clean), 'clean.csv')).id, [...roles]);
    const b = await engine.applyRoles((await engine.ingestFile(text(dirty), 'dirty.csv')).id, [...roles]);
    const ra = await rows(engine, a.id);
    const rb = await rows(engine, b.id);
    expect(rb.slice(0, 3)).toEqual(ra);
    expect(rb[3]).toEqual({ customer_id: 'D', d: '2024-03-01', m: '2024-03', amount: 1000, churn: true });
    expect(ra.map((r) => r.churn)).toEqual([true, false, null]);
  });
  it('an impossible day in a clean-looking date column is a reject, not a crash', async () => {
    const s = await engine.ingestFile(text('id,day,amount\nA,20240115,1\nB,20240231,2\n'), 'feb30.csv');
    expect(s.quality).toMatchObject({ loaded: 1, rejected: 1 });
    expect(s.quality.reasons[0]).toMatchObject({ reason: 'bad-date', count: 1 });
  });
  it('months written 2024-01 and 2024/02 in one column', async () => {
    const s = await engine.ingestFile(text('id,month,arpu\nA,2024-01,1\nA,2024/02,2\nB,2024年3月,3\n'), 'months.csv');
    expect(s.quality).toMatchObject({ loaded: 3, rejected: 0 });
    expect(s.overview.kpis?.month).toEqual(['2024-01', '2024-02', '2024-03']);
  });
});

describe('other formats', () => {
  it('XLSX (first sheet) goes through the same typing and accounting', async () => {
    const s = await engine.ingestFile(blobOf(path.resolve(import.meta.dirname, '../fixtures/ingest/panel.xlsx')), 'panel.xlsx');
    expect(s.format).toBe('xlsx');
    expect(s.headers).toEqual(['用户ID', '账期', '出账收入', '是否离网']);
    expect(s.roles).toEqual(['customerId', 'month', 'revenue', 'churn']);
    expect(s.quality).toMatchObject({ rowsInFile: 4, loaded: 4, rejected: 0 });
    expect(s.overview).toMatchObject({ kind: 'panel', customers: 3, months: 2 });
    expect(s.overview.kpis?.revenue).toEqual([88.5 + 1234.5, 90 + 12]);
  });
  it('Parquet written by native DuckDB', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-'));
    const file = path.join(dir, 'p.parquet');
    const native = await (await DuckDBInstance.create(':memory:')).connect();
    await native.run(`COPY (SELECT 'C' || (i % 50) AS customer_id, DATE '2024-01-01' + INTERVAL (i % 6) MONTH AS month, i * 1.5 AS arpu
                FROM range(300) r(i)) TO '${file}' (FORMAT parquet)`);
    const s = await engine.ingestFile(blobOf(file), 'p.parquet');
    expect(s.format).toBe('parquet');
    expect(s.headers).toEqual(['customer_id', 'month', 'arpu']);
    expect(s.roles.slice(0, 3)).toEqual(['customerId', 'month', 'revenue']);
    expect(s.quality).toMatchObject({ rowsInFile: 300, loaded: 300, rejected: 0 });
    expect(s.overview).toMatchObject({ kind: 'panel', customers: 50, months: 6 });
  });
  it('Parquet read group by group: typed columns, nulls, a bad month rejected with its row', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-'));
    const file = path.join(dir, 'groups.parquet');
    const native = await (await DuckDBInstance.create(':memory:')).connect();
    // 1,000 rows in row groups of 100; row 777 has a month that is not one; every 10th amount is NULL.
    await native.run(`COPY (SELECT 'K' || (i % 37) AS 客户编号, CASE WHEN i = 776 THEN '2024-13' ELSE strftime(DATE '2024-01-01' + INTERVAL (i % 12) MONTH, '%Y%m') END AS 账期,
        CASE WHEN i % 10 = 0 THEN NULL ELSE i * 0.5 END AS 出账收入, i % 7 = 0 AS 是否离网, DATE '2024-01-01' + i::INTEGER AS 入网日期
      FROM range(1000) r(i)) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 100)`);
    const s = await engine.ingestFile(blobOf(file), 'groups.parquet');
    expect(s.roles).toEqual(['customerId', 'month', 'revenue', 'churn', 'text']);
    expect(s.quality).toMatchObject({ rowsInFile: 1000, loaded: 999, rejected: 1 });
    expect(s.quality.reasons[0]).toMatchObject({ reason: 'bad-month', column: '账期', count: 1 });
    expect(s.quality.reasons[0].examples[0]).toMatchObject({ row: 777, line: null });
    expect(s.quality.nulls.find((n) => n.role === 'revenue')?.nulls).toBe(100);
    const sums = await all(
      engine.conn,
      `SELECT sum(revenue) AS r, count(*) FILTER (WHERE churn) AS c, min(_row) AS lo, max(_row) AS hi FROM ${engine.dataset(s.id).table}`
    );
    let revenue = 0;
    let churned = 0;
    for (let i = 0; i < 1000; i++) {
      if (i === 776) continue;
      if (i % 10) revenue += i * 0.5;
      if (i % 7 === 0) churned++;
    }
    expect(sums[0]).toEqual({ r: revenue, c: churned, lo: 1, hi: 1000 });
  });
  it('Parquet and the same data as CSV give the same typed rows and the same rejects', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-'));
    const native = await (await DuckDBInstance.create(':memory:')).connect();
    // Stored types as pandas would write them: a month as an integer (one YYYYMMDD, one impossible,
    // one missing), a flag as 0/1 (one 2), a revenue with an infinity and a NaN, a data column in GB.
    await native.run(`CREATE TABLE t AS SELECT CASE WHEN i = 7 THEN NULL ELSE 'K' || (i % 23) END AS 用户ID,
        CASE i WHEN 11 THEN 202413 WHEN 12 THEN 20240115 WHEN 13 THEN NULL ELSE 202400 + 1 + i % 12 END AS 账期,
        CASE i WHEN 20 THEN 'inf'::DOUBLE WHEN 21 THEN 'nan'::DOUBLE ELSE i * 1.25 END AS 出账收入,
        CASE WHEN i = 30 THEN 2 ELSE i % 2 END AS 是否离网, i / 10 AS "上网流量(GB)"
      FROM range(200) r(i)`);
    await native.run(`COPY t TO '${dir}/same.parquet' (FORMAT parquet, ROW_GROUP_SIZE 64)`);
    await native.run(`COPY t TO '${dir}/same.csv' (HEADER)`);
    const roles = ['customerId', 'month', 'revenue', 'churn', 'dataMb'] as const;
    const pq = await engine.ingestFile(blobOf(`${dir}/same.parquet`), 'same.parquet', { roles: [...roles] });
    const csv = await engine.ingestFile(blobOf(`${dir}/same.csv`), 'same.csv', { roles: [...roles] });
    const q = (id: string) =>
      all(
        engine.conn,
        `SELECT _row, customer_id, strftime(month, '%Y-%m') AS m, revenue, churn, data_mb FROM ${engine.dataset(id).table} ORDER BY _row`
      );
    expect(await q(pq.id)).toEqual(await q(csv.id));
    const reasons = (x: typeof pq) => x.quality.reasons.map((r) => [r.reason, r.column, r.count, r.examples.map((e) => e.row)]).sort();
    expect(reasons(pq)).toEqual(reasons(csv));
    expect(pq.quality).toMatchObject({ rowsInFile: 200, loaded: 195, rejected: 5 });
    expect((await q(pq.id)).find((r) => r._row === 13)).toMatchObject({ m: '2024-01', data_mb: 1.2 * 1024 });
  });
  it.each([
    ['every month YYYYMM (typed by arithmetic alone)', null, 0],
    ['one month 2024-13 (the general reader)', '2024-13', 1],
    ['one month 2024-03 (the general reader reads it)', '2024-03', 0]
  ])('Parquet with text months, %s: the months and the rejects', async (_, odd, bad) => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-'));
    const file = path.join(dir, 'months.parquet');
    const native = await (await DuckDBInstance.create(':memory:')).connect();
    // Row 5's month is NULL (missing); row 9's is the odd cell when there is one.
    await native.run(`COPY (SELECT 'K' || (i % 13) AS 用户ID,
        CASE WHEN i = 4 THEN NULL WHEN i = 8 AND ${odd === null ? 'false' : 'true'} THEN '${odd}' ELSE strftime(DATE '2023-11-01' + to_months((i % 5)::INTEGER), '%Y%m') END AS 账期,
        i * 1.5 AS 出账收入 FROM range(60) r(i)) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 16)`);
    const s = await engine.ingestFile(blobOf(file), 'months.parquet');
    expect(s.roles.slice(0, 2)).toEqual(['customerId', 'month']);
    expect(s.quality.reasons.map((r) => [r.reason, r.count]).sort()).toEqual(
      [['missing-month', 1], ...(bad ? [['bad-month', 1]] : [])].sort()
    );
    const got = await all(engine.conn, `SELECT _row, strftime(month, '%Y-%m') AS m FROM ${engine.dataset(s.id).table} ORDER BY _row`);
    const want = Array.from({ length: 60 }, (_, i) => i)
      .filter((i) => i !== 4 && !(i === 8 && bad))
      .map((i) => ({
        _row: i + 1,
        m: i === 8 && odd === '2024-03' ? '2024-03' : ['2023-11', '2023-12', '2024-01', '2024-02', '2024-03'][i % 5]
      }));
    expect(got).toEqual(want);
  });
  it('Parquet columns with nulls, plain and dictionary pages, equal native DuckDB reading the same file', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-'));
    const file = path.join(dir, 'nulls.parquet');
    const native = await (await DuckDBInstance.create(':memory:')).connect();
    // Per type one column of distinct values (written PLAIN) and one of few values (dictionary), each
    // with a NULL every 7th row and a run of NULLs (not the dates: a date role's must be there; they
    // share the numbers' copy), in groups of 500.
    const nul = (e: string) => `CASE WHEN i % 7 = 3 OR i BETWEEN 600 AND 640 THEN NULL ELSE ${e} END`;
    await native.run(`COPY (SELECT 'C' || (i % 97) AS customer_id, DATE '2023-01-01' + INTERVAL (i % 24) MONTH AS month,
        ${nul('i * 1.25::DOUBLE')} AS rev_plain, ${nul('(i % 5) * 2.5::DOUBLE')} AS rev_dict,
        ${nul('i::BIGINT * 3')} AS mb_plain, ${nul('(i % 4)::BIGINT')} AS mb_dict,
        DATE '2020-01-01' + i::INTEGER AS d_plain, DATE '2020-01-01' + (i % 3)::INTEGER AS d_dict,
        ${nul("'t' || i")} AS s_plain, ${nul("'s' || (i % 3)")} AS s_dict
      FROM range(2000) r(i)) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 500)`);
    const roles: ColumnRole[] = ['customerId', 'month', 'revenue', 'number', 'number', 'number', 'date', 'date', 'text', 'text'];
    const s = await engine.ingestFile(blobOf(file), 'nulls.parquet', { roles });
    expect(s.quality.reasons.map((r) => [r.reason, r.column, r.count])).toEqual([]);
    expect(s.quality).toMatchObject({ rowsInFile: 2000, loaded: 2000, rejected: 0 });
    const table = engine.dataset(s.id).table;
    const described = await all(engine.conn, `SELECT column_name AS c FROM (DESCRIBE ${table})`);
    const cols = described.map((d) => String(d.c)).filter((c) => !['_row', 'customer_id', 'month'].includes(c));
    expect(cols).toHaveLength(8);
    const got = await all(engine.conn, `SELECT ${cols.map((c) => `${c}::VARCHAR AS ${c}`).join(', ')} FROM ${table} ORDER BY _row`);
    const as = (c: string) => (c.startsWith('s_') ? c : c.startsWith('d_') ? `${c}::VARCHAR` : `${c}::DOUBLE::VARCHAR`);
    const names = ['rev_plain', 'rev_dict', 'mb_plain', 'mb_dict', 'd_plain', 'd_dict', 's_plain', 's_dict'];
    const want = (await native.runAndReadAll(`SELECT ${names.map(as).join(', ')} FROM '${file}'`)).getRowObjectsJS();
    expect(got.map((r) => Object.values(r))).toEqual(want.map((r) => Object.values(r)));
  });
  it('UTF-8 with BOM and a semicolon delimiter', async () => {
    const s = await engine.ingestFile(text('\uFEFF客户编号;月份;ARPU\nA;2024-01;1,5\nB;2024-01;2\n'), 'bom.csv');
    expect(s.encoding).toBe('utf-8-bom');
    expect(s.delimiter).toBe(';');
    expect(s.headers[0]).toBe('客户编号');
    expect(s.quality).toMatchObject({ loaded: 2, rejected: 0 });
  });
  it('GB18030 with Chinese headers is transcoded, nothing lost', async () => {
    const s = await engine.ingestFile(blobOf(path.resolve(import.meta.dirname, '../fixtures/ingest/gb18030-panel.csv')), 'gb.csv');
    expect(s.encoding).toBe('gb18030');
    expect(s.roles[0]).toBe('customerId');
    expect(s.quality).toMatchObject({ rowsInFile: 120, loaded: 120, rejected: 0 });
    expect(s.preview.flat().join('')).not.toContain('\uFFFD');
  });
});

describe('dropping a dataset', () => {
  it('drops its tables, including those analysis features named <name>_<id>', async () => {
    const s = await engine.ingestFile(text('id,month,arpu\nA,202401,1\n'), 'd.csv');
    await engine.conn.exec(`CREATE TABLE lifecycle_${s.id} AS SELECT 1 AS x`);
    const count = async () =>
      Number((await all(engine.conn, `SELECT count(*) AS n FROM duckdb_tables() WHERE ends_with(table_name, '_${s.id}')`))[0].n);
    expect(await count()).toBeGreaterThanOrEqual(2);
    await engine.dropDataset(s.id);
    expect(await count()).toBe(0);
  });
});

describe('roles sent with the ingest call (remembered or linked, keyed by header signature)', () => {
  it('types the file once with the roles for its header; an unknown role name falls back to the suggestion', async () => {
    const { headerSignature } = await import('../../common/headers.ts');
    const csv = text('用户ID,账期,出账收入\nu1,202401,10\nu2,202401,20\n');
    const sig = headerSignature(['用户ID', '账期', '出账收入']);
    const typed = await engine.ingestFile(csv, 'a.csv', { rolesByHeader: { [sig]: ['customerId', 'month', 'number'], other: ['text'] } });
    expect(typed.roles).toEqual(['customerId', 'month', 'number']);
    const suggested = await engine.ingestFile(csv, 'b.csv');
    expect(suggested.roles).toEqual(['customerId', 'month', 'revenue']);
    const unknown = await engine.ingestFile(csv, 'c.csv', { rolesByHeader: { [sig]: ['customerId', 'month', 'constructor' as 'number'] } });
    expect(unknown.roles).toEqual(suggested.roles);
    expect(unknown.quality).toMatchObject({ loaded: 2, rejected: 0 });
  });
});
