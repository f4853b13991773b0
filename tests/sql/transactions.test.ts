// A transaction log is a first-class input: a GB18030 log (客户编号,交易日期,消费金额(元),渠道; the
// fixture's generator is make_transactions.py beside it) gets the amount role, and its monthly
// panel — amount summed and transactions counted per customer-month, in SQL — is accepted by
// Lifecycle, Retention & churn and Customer value. The panel is checked row for row against the
// same sums computed here from the file's own text.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../workers/engine/engine.ts';
import type { DatasetSummary } from '../../workers/contract.ts';
import { all } from '../../workers/db/sql.ts';
import { lifecycleApi } from '../../workers/lifecycle/api.ts';
import { churnApi } from '../../workers/churn/api.ts';
import { assessValue } from '../../workers/value/assess.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import { nodeEngine } from './engine.ts';

const FILE = path.resolve(import.meta.dirname, '../fixtures/ingest/gb18030-transactions.csv');
const bytes = fs.readFileSync(FILE);

/** Per customer and month (YYYY-MM): amount summed, transactions counted, from the file's text. */
function expectedPanel(): Map<string, { revenue: number; transactions: number }> {
  const lines = new TextDecoder('gb18030').decode(bytes).trim().split('\r\n').slice(1);
  const out = new Map<string, { revenue: number; transactions: number }>();
  for (const line of lines) {
    const [customer, date, amount] = line.split(',');
    const key = `${customer} ${date.slice(0, 7)}`;
    const cell = out.get(key) ?? { revenue: 0, transactions: 0 };
    cell.revenue += Number(amount);
    cell.transactions++;
    out.set(key, cell);
  }
  return out;
}

let engine: Engine;
let log: DatasetSummary;
let panel: DatasetSummary;
beforeAll(async () => {
  engine = await nodeEngine();
  log = await engine.ingestFile(new Blob([bytes]), 'gb18030-transactions.csv');
  panel = await engine.deriveMonthlyPanel(log.id);
}, 60_000);

describe('a GB18030 transaction log', () => {
  it('loads exactly, with 消费金额(元) as the transaction amount (not ARPU)', () => {
    expect(log.encoding).toBe('gb18030');
    expect(log.headers).toEqual(['客户编号', '交易日期', '消费金额(元)', '渠道']);
    expect(log.roles).toEqual(['customerId', 'date', 'amount', 'text']);
    expect(log.quality).toMatchObject({ rowsInFile: 1994, loaded: 1994, rejected: 0 });
    expect(log.overview.kind).toBe('transactions');
  });

  it('is refused by Lifecycle as it is: it is not a monthly panel', async () => {
    await expect(lifecycleApi(() => engine).computeLifecycle(log.id, { ruleSet: 'clm', params: {} })).rejects.toMatchObject({
      code: 'lifecycle-not-a-panel'
    });
  });
});

describe('its monthly panel', () => {
  it('sums the amount and counts the transactions per customer and month, row for row', async () => {
    const expected = expectedPanel();
    expect(panel.derived).toEqual({ kind: 'monthly-panel', from: log.id, fromName: 'gb18030-transactions.csv' });
    expect(panel.roles).toEqual(['customerId', 'month', 'revenue', 'number']);
    expect(panel.overview).toMatchObject({ kind: 'panel', rows: expected.size, customers: 40, months: 12 });
    const rows = await all(
      engine.conn,
      `SELECT customer_id, strftime(month, '%Y-%m') AS m, revenue, transactions FROM ${engine.dataset(panel.id).table} ORDER BY _row`
    );
    expect(rows).toHaveLength(expected.size);
    for (const r of rows) {
      const e = expected.get(`${r.customer_id} ${r.m}`)!;
      expect(r.revenue as number, `${r.customer_id} ${r.m}`).toBeCloseTo(e.revenue, 6);
      expect(r.transactions).toBe(e.transactions);
    }
  });

  it('is accepted by Lifecycle, Retention & churn and Customer value', async () => {
    const stages = await lifecycleApi(() => engine).computeLifecycle(panel.id, { ruleSet: 'clm', params: {} });
    expect(stages.stages).toEqual(['A', 'B', 'C', 'D', 'E']);
    const counted = await all(engine.conn, `SELECT count(*) AS n FROM "${stages.table}"`);
    expect(Number(counted[0].n)).toBe(panel.overview.rows);
    const retention = await churnApi(() => engine).cohortRetention(panel.id);
    expect(retention.cohorts.length).toBeGreaterThan(0);
    const value = await assessValue(engine, panel.id, DEFAULT_VALUE_PARAMS);
    // Customers scored: those the value window sees (the rare buyers may have no purchase in it).
    expect(value.rows.length).toBeGreaterThan(30);
    expect(value.rows.length).toBeLessThanOrEqual(40);
  });

  it('is refused for a dataset that is not a transaction log', async () => {
    await expect(engine.deriveMonthlyPanel(panel.id)).rejects.toMatchObject({ code: 'panel-needs-transactions' });
  });
});

describe('units', () => {
  it('a data column in GB is stored in MB, and the conversion is reported', async () => {
    const s = await engine.ingestFile(new Blob(['用户ID,账期,上网流量(GB),主叫分钟\nC1,202401,1.5,100\nC1,202402,2,80\n']), 'units.csv');
    expect(s.roles).toEqual(['customerId', 'month', 'dataMb', 'voiceMinutes']);
    expect(s.conversions).toEqual([{ column: '上网流量(GB)', from: 'GB', to: 'MB', factor: 1024 }]);
    const rows = await all(engine.conn, `SELECT data_mb, voice_minutes FROM ${engine.dataset(s.id).table} ORDER BY _row`);
    expect(rows).toEqual([
      { data_mb: 1536, voice_minutes: 100 },
      { data_mb: 2048, voice_minutes: 80 }
    ]);
  });
});
