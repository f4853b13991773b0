// The monthly panel against the SQL it replaced (tests/oracle/customer_months.sql: an aggregate,
// sorting windows and a second sort), every column of every row in stored order, on the tab's
// engine (DuckDB-WASM, one thread) and the command line's (native DuckDB, two threads): the same
// values, and the (customer_id, month) order the lifecycle rules stream over. Both forms of the
// customer's months run on a panel with one row per (customer, month), the summed form on one whose
// pairs repeat; there the rows as they are must differ from the oracle (the test can fail).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ColumnRole } from '../contract.ts';
import { all, exec, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { SiteSettings } from '../../cli/src/params.ts';
import { openSession, type Session } from '../../cli/src/session.ts';
import oracleSql from '../../tests/oracle/customer_months.sql?raw';
import { ensurePanel, panelColumns, panelSql } from './panel.ts';

const ROLES: Record<string, ColumnRole> = {
  customer_id: 'customerId',
  month: 'month',
  revenue: 'revenue',
  voice_minutes: 'voiceMinutes',
  data_mb: 'dataMb',
  sms: 'sms',
  vas_count: 'vasCount',
  data_revenue: 'dataRevenue',
  arrears: 'arrears',
  tenure: 'tenure',
  churn: 'churn',
  region: 'region'
};
const HEADER = Object.keys(ROLES);

/**
 * One row per (customer, month), in no order: ids that sort differently as text and as numbers,
 * longer than 16 bytes, in Chinese; gaps; a churn flag mid-spell and missing; empty cells; -0 and
 * negative revenue (a sum turns -0 into 0).
 */
const UNIQUE = [
  ['c9', '2024-03', 10.5, 100, 2048, 3, 1, 2, 0, 7, 'false', '华东'],
  ['c10', '2024-01', 20, 50, '', 1, 2, '', 1, 1, 'false', '华南'],
  ['c9', '2024-01', -0, 80, 1000, '', 1, 1, 0, 5, '', '华东'],
  ['customer-with-a-long-identifier-001', '2024-02', 30.25, '', 10, 0, 0, 3.5, 0, 40, 'true', ''],
  ['c10', '2024-02', -4.5, 0, 0, 0, 0, 0, 0, 2, 'true', '华南'],
  ['用户1', '2024-01', '', '', '', '', '', '', '', '', '', ''],
  ['c9', '2024-02', 0, 0, 0, 0, 0, 0, 2, 6, 'false', '华东'],
  ['customer-with-a-long-identifier-001', '2024-01', 31, 12, 11, 1, 1, 4, 0, 39, 'false', '西部'],
  ['c10', '2024-06', 18, 40, 512, 2, 3, 1, 0, 6, 'false', '华南'],
  ['用户1', '2024-04', 9.75, 3, 4, 5, 6, 7, 8, 9, 'false', '北部'],
  ['c2', '2024-05', 0.1, 0.2, 0.3, 1, 1, 0.1, 0, 1, 'false', '华南'],
  ['c10', '2024-07', 18, 40, 512, 2, 3, 1, 0, 7, '', '华南']
];

/** The same with pairs repeated (a second row of a month: a payment, a usage record), values exact in binary. */
const REPEATED = [
  ...UNIQUE,
  ['c9', '2024-03', 2.25, 10, 48, 5, 1, 0.5, 1, 8, 'true', '华东'],
  ['c10', '2024-01', -0, '', 100, '', '', 2, '', '', '', '华南'],
  ['用户1', '2024-01', 4, 1, 1, 1, 1, 1, 1, 1, 'false', '']
];

const csv = (rows: (string | number)[][]) =>
  [HEADER, ...rows].map((r) => r.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',')).join('\n') + '\n';

/** Every row of a table in stored order (rowid), every column. */
const stored = (engine: Engine, table: string) => all(engine.conn, `SELECT * FROM ${table} ORDER BY rowid`);

/** Builds the oracle, the engine's panel and both explicit forms; returns each table's rows. */
async function build(engine: Engine, id: string) {
  const ds = engine.dataset(id);
  await exec(engine.conn, template(oracleSql, { ...panelColumns(ds), panel: 'oracle_panel' }));
  await exec(engine.conn, panelSql(ds, 'summed_panel', ds.table, false));
  await exec(engine.conn, panelSql(ds, 'as_rows_panel', ds.table, true));
  return {
    unique: ds.oneRowPerCustomerMonth,
    oracle: await stored(engine, 'oracle_panel'),
    panel: await stored(engine, await ensurePanel(engine, ds, true)),
    summed: await stored(engine, 'summed_panel'),
    asRows: await stored(engine, 'as_rows_panel')
  };
}

function checks(load: (rows: (string | number)[][]) => Promise<{ engine: Engine; id: string }>) {
  it('one row per (customer, month): both forms give the oracle, row for row, in its order', async () => {
    const { engine, id } = await load(UNIQUE);
    const r = await build(engine, id);
    expect(r.unique).toBe(true);
    expect(r.oracle.length).toBe(UNIQUE.length);
    // The data reach the cases the forms must agree on: a -0 cell, NULL measures, a NULL flag.
    const typed = await all(
      engine.conn,
      `SELECT count(*) FILTER (WHERE 1 / revenue < 0 AND revenue = 0) AS negative_zero FROM ${engine.dataset(id).table}`
    );
    expect(Number(typed[0].negative_zero)).toBe(1);
    expect(r.oracle.map((x) => x.row_index)).toEqual(r.oracle.map((_, i) => i + 1));
    expect(r.panel).toEqual(r.oracle);
    expect(r.asRows).toEqual(r.oracle);
    expect(r.summed).toEqual(r.oracle);
  });

  it('repeated pairs: the engine sums them as the oracle does; the rows as they are would not', async () => {
    const { engine, id } = await load(REPEATED);
    const r = await build(engine, id);
    expect(r.unique).toBe(false);
    expect(r.oracle.length).toBe(UNIQUE.length);
    expect(r.panel).toEqual(r.oracle);
    expect(r.summed).toEqual(r.oracle);
    expect(r.asRows.length).toBe(REPEATED.length);
  });
}

describe('on the tab engine (DuckDB-WASM)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await nodeEngine();
  });
  checks(async (rows) => {
    const s = await engine.ingestFile(new Blob([csv(rows)]), 'panel.csv', { roles: HEADER.map((h) => ROLES[h]) });
    expect(s.quality.rejected).toBe(0);
    return { engine, id: s.id };
  });
});

describe('on the command line engine (native DuckDB, 2 threads)', () => {
  let session: Session;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'clm-panel-test-'));
    session = await openSession(SiteSettings.empty(), { threads: 2, tempDirectory: dir, quiet: true });
  });
  afterAll(async () => {
    await session?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  let files = 0;
  const loadFile = async (file: string) => {
    const s = await session.engine.ingestFile(await session.files.open(file), path.basename(file), { roles: HEADER.map((h) => ROLES[h]) });
    expect(s.quality.rejected).toBe(0);
    return { engine: session.engine, id: s.id };
  };
  checks(async (rows) => {
    const file = path.join(dir, `panel-${files++}.csv`);
    await writeFile(file, csv(rows));
    return loadFile(file);
  });

  it('a panel of several row groups, sorted by two threads: the oracle, row for row', async () => {
    // 300,000 rows (DuckDB's row groups hold 122,880) of 12,500 customers × 24 months, written in
    // month order with the customers shuffled, so the sort has work on every thread.
    const file = path.join(dir, 'large.csv');
    await exec(
      session.engine.conn,
      `COPY (
        SELECT 'k' || CAST(hash(c) % 1000003 AS VARCHAR) || '-' || CAST(c AS VARCHAR) AS customer_id,
          strftime(DATE '2023-01-01' + to_months(CAST(m AS INTEGER)), '%Y-%m') AS month,
          CAST((c * 7 + m * 13) % 997 AS DOUBLE) / 4 - 20 AS revenue, CAST(m AS DOUBLE) AS voice_minutes,
          CAST((c + m) % 5 AS DOUBLE) AS data_mb, CAST(c % 3 AS DOUBLE) AS sms, CAST(m % 4 AS DOUBLE) AS vas_count,
          CAST(NULL AS DOUBLE) AS data_revenue, CAST(0 AS DOUBLE) AS arrears, CAST(m + 1 AS DOUBLE) AS tenure,
          (c + m) % 41 = 0 AS churn, CASE WHEN c % 2 = 0 THEN 'east' ELSE 'west' END AS region
        FROM range(24) t(m), range(12500) u(c)
        ORDER BY m, hash(c)
      ) TO '${file}' (HEADER, DELIMITER ',')`
    );
    const { engine, id } = await loadFile(file);
    const ds = engine.dataset(id);
    expect(ds.oneRowPerCustomerMonth).toBe(true);
    await exec(engine.conn, template(oracleSql, { ...panelColumns(ds), panel: 'oracle_panel' }));
    await exec(engine.conn, panelSql(ds, 'summed_panel', ds.table, false));
    const panel = await ensurePanel(engine, ds, true);
    // Joined on the stored position: a row out of place differs as much as a wrong value.
    for (const table of [panel, 'summed_panel']) {
      const differ = await all(
        engine.conn,
        `SELECT count(*) AS n, count(o.r) AS oracle_rows, count(t.r) AS rows, count(*) FILTER (WHERE o.row_index <> o.r + 1) AS misplaced
        FROM (SELECT rowid AS r, * FROM oracle_panel) o FULL JOIN (SELECT rowid AS r, * FROM ${table}) t USING (r)
        WHERE o IS DISTINCT FROM t OR o.row_index <> o.r + 1`
      );
      expect(differ[0]).toMatchObject({ n: 0 });
    }
    expect((await all(engine.conn, 'SELECT count(*) AS n FROM oracle_panel'))[0].n).toBe(300_000);
  }, 120_000);
});
