/**
 * The command line on native DuckDB gives the site's numbers: the same files read by the native
 * FileHost and by the tab's (DuckDB-WASM in Node) give the same typed rows and quality summaries,
 * and each analysis of the command gives, row for row, what the same feature API gives on wasm.
 * Native DuckDB runs two threads, so sums may be added in another order: numbers are compared to
 * 1e-9 relative (fitted model parameters to 1e-6), text exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nodeEngine } from '../sql/engine.ts';
import { openNodeDb } from '../../workers/db/node.ts';
import { openNativeDb } from '../../workers/db/native.ts';
import { all, type SqlConnection } from '../../workers/db/sql.ts';
import type { Engine } from '../../workers/engine/engine.ts';
import { samplePanelBlob } from '../../workers/engine/sample.ts';
import { runAnalysis, type Analysis } from '../../cli/src/commands.ts';
import { SiteSettings } from '../../cli/src/params.ts';
import type { Result } from '../../cli/src/output.ts';
import { loadInputs, openSession, type Loaded, type Session } from '../../cli/src/session.ts';
import { toCsv } from '../../common/csv.ts';
import { parseCsvText } from './csvRows.ts';

const DATA = path.resolve(__dirname, '../../../shared/data');
const TELCO = path.join(DATA, 'telco/WA_Fn-UseC_-Telco-Customer-Churn.csv');
const CDNOW = path.join(DATA, 'cdnow/CDNOW_sample.txt');
const GB18030 = path.resolve(__dirname, '../fixtures/ingest/gb18030-panel.csv');

/** Every type the engine's SQL produces or reads back. */
const EVERY_TYPE = `SELECT *, count(*) OVER () AS cnt, sum(4::BIGINT) OVER () AS sm FROM (VALUES
  (1::TINYINT, 2::SMALLINT, 3::INTEGER, 9007199254740991::BIGINT, 5::HUGEINT, 1.25::DECIMAL(10,2), 123456.789::DECIMAL(18,3), 2.5::DOUBLE, 1.5::FLOAT,
   '用户'::VARCHAR, true, DATE '2024-03-01', TIMESTAMP '2024-03-01 10:11:12.5', NULL::VARCHAR, -7::BIGINT, 3::UBIGINT, 4::UINTEGER),
  (NULL, NULL, -3, -1, -5, -0.01, NULL, -0.0, NULL, '', false, DATE '1970-01-01', NULL, 'x', NULL, 0, 0)
) t(ti, si, i, bi, hi, d2, d18, dbl, fl, s, b, dt, ts, n, neg, ub, ui)`;

/** Equal within `tolerance` (relative) or `absolute` (a CSV rounded to cents may differ by one cent on a rounding boundary). */
function near(a: unknown, b: unknown, tolerance: number, where: string, absolute = 0): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= absolute + 1e-12) return;
    expect(Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b)), `${where}: ${a} vs ${b}`).toBeLessThan(tolerance);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, where).toBe(b.length);
    a.forEach((x, i) => near(x, b[i], tolerance, `${where}[${i}]`, absolute));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), where).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a))
      near((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tolerance, `${where}.${k}`, absolute);
  } else expect(a, where).toEqual(b);
}

/** A result's rows as cells (numbers as numbers): a query's run on its own connection. */
async function cells(conn: SqlConnection, r: Result): Promise<unknown[][]> {
  if (r.kind === 'rows') return r.rows;
  const text =
    r.kind !== 'query'
      ? r.text
      : toCsv(
          r.headers,
          (await all(conn, r.sql)).map((row) => r.headers.map((h) => row[h] as string))
        );
  return parseCsvText(text).map((row) => row.map((c) => (c !== '' && Number.isFinite(Number(c)) ? Number(c) : c)));
}

let dir: string;
let native: Session;
let wasm: Engine;
let panelFile: string;

/** The same file loaded by the site's engine (wasm), as the tab does with the dropped file. */
async function wasmLoad(file: string, blob?: Blob): Promise<Loaded> {
  const { openAsBlob } = await import('node:fs');
  const summary = await wasm.ingestFile(blob ?? (await openAsBlob(file)), path.basename(file));
  return { id: summary.id, files: [summary], summary };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clm-native-test-'));
  const blob = await samplePanelBlob({ customers: 600, months: 12, seed: 7, lang: 'en' }, () => {});
  panelFile = path.join(dir, 'panel.csv');
  await writeFile(panelFile, new Uint8Array(await blob.arrayBuffer()));
  native = await openSession(SiteSettings.empty(), { threads: 2, tempDirectory: dir, quiet: true });
  wasm = await nodeEngine();
}, 120_000);

afterAll(async () => {
  await native?.close();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('native and wasm connections', () => {
  it('give identical rows for a table of every type the engine uses', async () => {
    const w = await openNodeDb();
    const n = await openNativeDb({ threads: 2 });
    try {
      const [a, b] = [await w.conn.all(EVERY_TYPE), await n.conn.all(EVERY_TYPE)];
      expect(b).toEqual(a);
      expect(typeof b[0].bi).toBe('number');
      expect(b[0].dt).toBe(Date.UTC(2024, 2, 1));
      // Bound values have the types DuckDB-WASM gives them.
      const typed = 'SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c, ? + 1 AS d';
      expect(await n.conn.all(typed, [3, 'x', true, 2])).toEqual(await w.conn.all(typed, [3, 'x', true, 2]));
      const cols = "SELECT 2.5::DOUBLE AS x, 3::INTEGER AS y, 'a' AS z";
      const [cw, cn] = [await w.conn.columns(cols), await n.conn.columns(cols)];
      const plain = (c: typeof cw) => ({
        numRows: c.numRows,
        x: Array.from(c.columns.x),
        y: Array.from(c.columns.y),
        z: Array.from(c.columns.z)
      });
      expect(plain(cn)).toEqual(plain(cw));
      // NULLs of numeric columns stay null in both (value's customer windows read them column-wise).
      const nulls = 'SELECT * FROM (VALUES (2.5::DOUBLE, 3::INTEGER, 4::BIGINT), (NULL, NULL, NULL)) t(x, y, z)';
      const [nw, nn] = [await w.conn.columns(nulls), await n.conn.columns(nulls)];
      expect(plain(nw)).toEqual({ numRows: 2, x: [2.5, null], y: [3, null], z: [4n, null] });
      expect(plain(nn)).toEqual({ numRows: 2, x: [2.5, null], y: [3, null], z: [4, null] });
      // Many chunks (DuckDB's vectors hold 2,048 rows): NULLs on either side of a chunk's edge, every
      // numeric type read from its typed array, a column without NULL.
      const many = `SELECT i::DOUBLE / 4 AS d, CASE WHEN i % 2047 IN (0, 2046) OR i BETWEEN 4090 AND 4100 THEN NULL ELSE i::INTEGER - 5000 END AS n,
          CASE WHEN i % 3 = 0 THEN NULL ELSE (i % 100)::SMALLINT END AS s, CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 7)::TINYINT END AS t,
          CASE WHEN i = 9999 THEN NULL ELSE i::FLOAT / 8 END AS f FROM range(10000) r(i) ORDER BY i`;
      const [mw, mn] = [await w.conn.columns(many), await n.conn.columns(many)];
      expect(mn.numRows).toBe(10000);
      for (const k of ['d', 'n', 's', 't', 'f']) expect(Array.from(mn.columns[k]), k).toEqual(Array.from(mw.columns[k]));
      expect(mn.columns.d).toBeInstanceOf(Float64Array);
      expect(Array.from(mn.columns.n).filter((v) => v === null)).toHaveLength(5 + 4 + 11 - 2);
    } finally {
      w.close();
      n.close();
    }
  });
});

/** The typed rows and the quality summary of a dataset. */
async function dataset(engine: Engine, loaded: Loaded) {
  const rows = await all(engine.conn, `SELECT * FROM ${engine.dataset(loaded.id).table} ORDER BY _row`);
  const { seconds: _s, timings: _t, id: _i, ...summary } = loaded.summary;
  return { rows, summary };
}

describe('the native FileHost reads files as the tab does', () => {
  it.each([
    ['telco CSV', TELCO],
    ['CDNOW whitespace text', CDNOW],
    ['GB18030 panel', GB18030]
  ])('%s', async (_, file) => {
    const [n, w] = [await loadInputs(native, [file]), await wasmLoad(file)];
    near(await dataset(native.engine, n), await dataset(wasm, w), 1e-12, file);
    expect(n.summary.quality.loaded + n.summary.quality.rejected).toBe(n.summary.quality.rowsInFile);
  });

  it('reads Parquet natively to the rows the tab decodes', async () => {
    const parquet = path.join(dir, 'panel.parquet');
    const { exec, quoteLiteral } = await import('../../workers/db/sql.ts');
    await exec(
      native.db.conn,
      `COPY (SELECT * FROM read_csv(${quoteLiteral(panelFile)}, all_varchar = false)) TO ${quoteLiteral(parquet)} (FORMAT parquet, ROW_GROUP_SIZE 2000)`
    );
    const [n, w] = [await loadInputs(native, [parquet]), await wasmLoad(parquet)];
    near(await dataset(native.engine, n), await dataset(wasm, w), 1e-12, 'parquet');
  });

  it('reads a glob of monthly files as one dataset, each file accounted for', async () => {
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(panelFile, 'utf8')).split('\n');
    const [header, body] = [lines[0], lines.slice(1).filter((l) => l)];
    // Two "monthly exports" with a bad row in the second: loaded + rejected = rows, per file.
    await writeFile(path.join(dir, 'export-2023a.csv'), [header, ...body.slice(0, 3000)].join('\n') + '\n');
    await writeFile(path.join(dir, 'export-2023b.csv'), [header, ...body.slice(3000), 'C9,2023-13,broken'].join('\n') + '\n');
    const set = await loadInputs(native, [path.join(dir, 'export-2023*.csv')]);
    expect(set.files.map((f) => f.fileName)).toEqual(['export-2023a.csv', 'export-2023b.csv']);
    expect(set.files.map((f) => f.quality.rowsInFile)).toEqual([3000, body.length - 3000 + 1]);
    for (const f of set.files) expect(f.quality.loaded + f.quality.rejected).toBe(f.quality.rowsInFile);
    expect(set.files[1].quality.rejected).toBe(1);
    expect(set.summary.quality.loaded).toBe(body.length);
    expect(set.summary.quality).toMatchObject({ rejected: 1, rowsInFile: body.length + 1 });
    const whole = await loadInputs(native, [panelFile]);
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ _row, ...r }) => r);
    expect(strip((await dataset(native.engine, set)).rows)).toEqual(strip((await dataset(native.engine, whole)).rows));
  });
});

describe('the analyses on native DuckDB equal the site engine code on wasm', () => {
  const files: Record<string, () => string> = { 'the sample panel': () => panelFile, telco: () => TELCO, 'CDNOW sample': () => CDNOW };
  // [analysis, table, input, relative tolerance, absolute tolerance (the LTV CSV is rounded to cents)]
  const cases: [Analysis, string, string, number, number?][] = [
    ['lifecycle', 'stages', 'the sample panel', 1e-9],
    ['lifecycle', 'transitions', 'the sample panel', 1e-9],
    ['lifecycle', 'distribution', 'the sample panel', 1e-9],
    ['lifecycle', 'funnel', 'the sample panel', 1e-9],
    ['retention', 'cohorts', 'the sample panel', 1e-9],
    ['retention', 'km', 'telco', 1e-9],
    ['churn', 'coefficients', 'telco', 1e-6],
    ['churn', 'coefficients', 'the sample panel', 1e-6],
    ['value', 'scores', 'the sample panel', 1e-9],
    ['ltv', 'fit', 'CDNOW sample', 1e-6],
    ['ltv', 'customers', 'CDNOW sample', 1e-6, 0.01],
    ['campaign', 'target', 'the sample panel', 1e-9]
  ];
  it.each(cases)('%s (%s) on %s', async (analysis, table, name, tolerance, absolute) => {
    const file = files[name];
    const n = await runAnalysis(native, analysis, await loadInputs(native, [file()]), table);
    const wasmSession = { ...native, engine: wasm } as Session;
    const w = await runAnalysis(wasmSession, analysis, await wasmLoad(file()), table);
    const [a, b] = [await cells(native.db.conn, n), await cells(wasm.conn, w)];
    expect(a.length).toBeGreaterThan(1);
    near(a, b, tolerance, `${analysis} ${table}`, absolute);
  });
});

describe('clm sql', () => {
  it('records every statement an analysis runs, with its bound values, and the results are unchanged', async () => {
    const seen: [string, readonly unknown[]][] = [];
    const s = await openSession(SiteSettings.empty(), {
      threads: 2,
      tempDirectory: dir,
      quiet: true,
      onStatement: (sql, params) => seen.push([sql, params])
    });
    try {
      const loaded = await loadInputs(s, [panelFile]);
      seen.length = 0;
      const recorded = await runAnalysis(s, 'lifecycle', loaded, 'transitions');
      expect(seen.some(([sql]) => /CREATE OR REPLACE TABLE "panel_\d+"/.test(sql))).toBe(true);
      expect(seen.some(([, params]) => params.length > 0)).toBe(true);
      const plain = await runAnalysis(native, 'lifecycle', await loadInputs(native, [panelFile]), 'transitions');
      expect(recorded).toEqual(plain);
    } finally {
      await s.close();
    }
  });
});
