/**
 * SQL glue of the segments feature: builds the per-customer segmentation base `segbase_<id>` (with
 * RFM scores, quadrant and cluster columns) and turns a SegmentFilter into a WHERE fragment.
 */
import type { ColumnRole } from '../contract.ts';
import { all, exec, one, quoteIdent, quoteLiteral, tableExists, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { TABLES } from '../engine/tables.ts';
import type { BaseFeature, SegmentFilter } from './contract.ts';
import baseSql from './sql/base.sql?raw';
import rfmSql from './sql/rfm.sql?raw';

export const baseTable = (id: string) => quoteIdent(TABLES.segmentBase(id));
export const segmentTable = (slug: string, id: string) => quoteIdent(TABLES.segment(slug, id));

/** Builds the base table; returns the numeric features that are present. */
export async function buildBase(engine: Engine, id: string, rfmBins: number): Promise<BaseFeature[]> {
  const ds = engine.dataset(id);
  if (ds.kind !== 'panel' && ds.kind !== 'transactions') throw engineError('segments-needs-customers', 'Segments need a panel or transactions.');
  const money = ds.has('revenue') ? 'revenue' : ds.has('amount') ? 'amount' : null;
  if (!money) throw engineError('segments-needs-customers', 'Segments need a revenue or amount column.');
  const col = (role: ColumnRole, name: string, type = 'DOUBLE') => (ds.has(role) ? name : `NULL::${type}`);
  const isTx = ds.kind === 'transactions';
  await exec(engine.conn, template(baseSql, {
    out: baseTable(id), table: ds.table, money,
    when: isTx && ds.has('date') ? 'date' : 'month',
    frequency: isTx ? 'count(*)' : 'count(DISTINCT month) FILTER (WHERE money > 0)',
    voice: col('voiceMinutes', 'voice_minutes'), data: col('dataMb', 'data_mb'), sms: col('sms', 'sms'), vas: col('vasCount', 'vas_count'),
    churn: col('churn', 'churn', 'BOOLEAN'), ctype: col('customerType', 'customer_type', 'VARCHAR'),
    industry: col('industry', 'industry', 'VARCHAR'), region: col('region', 'region', 'VARCHAR'), plan: col('plan', 'plan', 'VARCHAR')
  }));
  const b = baseTable(id);
  await exec(engine.conn, `CREATE OR REPLACE TABLE ${b} AS SELECT s.*, r.r, r.f, r.m, NULL::INTEGER AS cluster
    FROM ${b} s JOIN (${template(rfmSql, { base: b, bins: Math.round(rfmBins) })}) r USING (customer_id)`);
  const present = (await one(engine.conn, `SELECT count(voice) AS voice, count(data) AS data, count(sms) AS sms, count(vas) AS vas FROM ${b}`)) ?? {};
  const features: BaseFeature[] = ['arpu', 'frequency', 'monetary', 'recency_days'];
  for (const f of ['voice', 'data', 'sms', 'vas'] as const) if (Number(present[f]) > 0) features.push(f);
  return features;
}

export async function requireBase(engine: Engine, id: string): Promise<string> {
  engine.dataset(id);
  if (!await tableExists(engine.conn, TABLES.segmentBase(id))) throw engineError('segments-not-built', 'Open the segment overview first.');
  return baseTable(id);
}

/** The WHERE fragment of a filter; values are quoted literals (the fragment is stored and reused). */
export function filterSql(f: SegmentFilter, freqCut: number, amountCut: number): string {
  const parts = ['TRUE'];
  const eq = (column: string, v: string | null | undefined) => {
    if (v != null && v !== '') parts.push(`${column} = ${quoteLiteral(v)}`);
  };
  const ge = (column: string, v: number | null | undefined, op = '>=') => {
    if (v != null && Number.isFinite(v)) parts.push(`${column} ${op} ${Number(v)}`);
  };
  eq('customer_type', f.customerType);
  eq('industry', f.industry);
  eq('region', f.region);
  ge('cluster', f.cluster, '=');
  ge('r', f.minR);
  ge('f', f.minF);
  ge('m', f.minM);
  ge('arpu', f.arpuMin);
  ge('arpu', f.arpuMax, '<=');
  if (f.quadrant) {
    const hf = f.quadrant.startsWith('high');
    const ha = f.quadrant.endsWith('High');
    parts.push(`(frequency >= ${freqCut}) = ${hf}`, `(monetary >= ${amountCut}) = ${ha}`);
  }
  return parts.join(' AND ');
}

/** Numeric feature matrix of the base (NULLs as 0), in customer_id order. */
export async function featureRows(engine: Engine, base: string, features: BaseFeature[], where = 'TRUE'): Promise<{ ids: string[]; x: number[][] }> {
  const cols = features.map((f) => `coalesce(${quoteIdent(f)}, 0)::DOUBLE AS ${quoteIdent(f)}`).join(', ');
  const rows = await all(engine.conn, `SELECT customer_id, ${cols} FROM ${base} WHERE ${where} ORDER BY customer_id`);
  return { ids: rows.map((r) => String(r.customer_id)), x: rows.map((r) => features.map((f) => Number(r[f]))) };
}
