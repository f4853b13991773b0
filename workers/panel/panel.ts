/**
 * The monthly panel of a dataset (sql/customer_months.sql): one row per customer and month with
 * the measures the lifecycle rule sets and the churn analyses read, built once per dataset and
 * column roles. The spells of those analyses live beside it (sql/rule_spells.sql for the lifecycle
 * rules, sql/first_spells.sql for survival and cohorts), with why they differ.
 */
import type { ColumnRole } from '../contract.ts';
import { exec, quoteIdent, template } from '../db/sql.ts';
import type { DatasetHandle, Engine } from '../engine/engine.ts';
import { TABLES } from '../engine/tables.ts';
import customerMonthsSql from './sql/customer_months.sql?raw';
import monthsAsRowsSql from './sql/months_as_rows.sql?raw';
import monthsSummedSql from './sql/months_summed.sql?raw';

/** The fragments customer_months.sql needs: a mapped column's canonical name, else a typed NULL. */
export function panelColumns(ds: DatasetHandle): Record<string, string> {
  const col = (role: ColumnRole, name: string, type = 'DOUBLE') => (ds.has(role) ? quoteIdent(name) : `CAST(NULL AS ${type})`);
  const usage = (
    [
      ['voiceMinutes', 'voice_minutes'],
      ['dataMb', 'data_mb'],
      ['sms', 'sms']
    ] as const
  )
    .filter(([role]) => ds.has(role))
    .map(([, name]) => `coalesce(${quoteIdent(name)}, 0)`);
  return {
    table: ds.table,
    revenue: ds.has('revenue') ? quoteIdent('revenue') : col('amount', 'amount'),
    usage: usage.length ? usage.join(' + ') : 'CAST(NULL AS DOUBLE)',
    voice: col('voiceMinutes', 'voice_minutes'),
    data_mb: col('dataMb', 'data_mb'),
    sms: col('sms', 'sms'),
    vas_count: col('vasCount', 'vas_count'),
    data_revenue: col('dataRevenue', 'data_revenue'),
    arrears: col('arrears', 'arrears'),
    tenure: col('tenure', 'tenure'),
    churn: col('churn', 'churn', 'BOOLEAN'),
    region: col('region', 'region', 'VARCHAR')
  };
}

/**
 * The statement building the panel `panel` from the typed table `table` (the dataset's, or an
 * exported script's input). `oneRowPerCustomerMonth`: the table has one row per (customer, month),
 * so its rows are the months as they are (months_as_rows.sql) instead of summed; only the dataset's
 * own table is known to, never an exported script's input.
 */
export function panelSql(ds: DatasetHandle, panel: string, table = ds.table, oneRowPerCustomerMonth = false): string {
  const months = template(oneRowPerCustomerMonth ? monthsAsRowsSql : monthsSummedSql, { ...panelColumns(ds), table });
  return template(customerMonthsSql, { months: months.trimEnd(), panel });
}

/**
 * The quoted panel table of a dataset, built when missing or when the column roles changed since
 * (`rebuild` forces it, for benchmarks).
 */
export async function ensurePanel(engine: Engine, ds: DatasetHandle, rebuild = false): Promise<string> {
  const built = engine.cache<string>('panel');
  const parts = panelColumns(ds);
  const key = JSON.stringify(parts);
  const table = quoteIdent(TABLES.panel(ds.id));
  if (rebuild || built.get(ds.id) !== key) {
    await exec(engine.conn, panelSql(ds, table, ds.table, ds.oneRowPerCustomerMonth));
    built.set(ds.id, key);
  }
  return table;
}
