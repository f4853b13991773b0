/**
 * SQL glue of the segments feature: builds the per-customer segmentation base `segbase_<id>` (with
 * RFM scores, seed 003's yearly activity and a cluster column), writes saved segments' members and
 * reads the feature matrix.
 */
import type { ColumnRole } from '../contract.ts';
import { all, exec, one, quoteIdent, tableExists, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { TABLES } from '../engine/tables.ts';
import type { BaseFeature, SegmentFilter } from './contract.ts';
import baseSql from './sql/base.sql?raw';
import baseScoresSql from './sql/base_scores.sql?raw';
import baseActivitySql from './sql/base_activity.sql?raw';
import baseFeaturesSql from './sql/base_features.sql?raw';
import featureRowsSql from './sql/feature_rows.sql?raw';
import membersSql from './sql/segment_members.sql?raw';

export const baseTable = (id: string) => quoteIdent(TABLES.segmentBase(id));
export const segmentTable = (slug: string, id: string) => quoteIdent(TABLES.segment(slug, id));

/** Builds the base table; returns the numeric features that are present. */
export async function buildBase(engine: Engine, id: string, rfmBins: number): Promise<BaseFeature[]> {
  const ds = engine.dataset(id);
  if (ds.kind !== 'panel' && ds.kind !== 'transactions')
    throw engineError('segments-needs-customers', 'Segments need a panel or transactions.');
  const money = ds.has('revenue') ? 'revenue' : ds.has('amount') ? 'amount' : null;
  if (!money) throw engineError('segments-needs-customers', 'Segments need a revenue or amount column.');
  const col = (role: ColumnRole, name: string, type = 'DOUBLE') => (ds.has(role) ? name : `CAST(NULL AS ${type})`);
  const isTx = ds.kind === 'transactions';
  await exec(
    engine.conn,
    template(baseSql, {
      out: baseTable(id),
      table: ds.table,
      money,
      when: isTx && ds.has('date') ? 'date' : 'month',
      frequency: isTx ? 'count(*)' : 'count(DISTINCT month) FILTER (WHERE money > 0)',
      voice: col('voiceMinutes', 'voice_minutes'),
      data: col('dataMb', 'data_mb'),
      sms: col('sms', 'sms'),
      vas: col('vasCount', 'vas_count'),
      churn: col('churn', 'churn', 'BOOLEAN'),
      ctype: col('customerType', 'customer_type', 'VARCHAR'),
      industry: col('industry', 'industry', 'VARCHAR'),
      region: col('region', 'region', 'VARCHAR'),
      plan: col('plan', 'plan', 'VARCHAR')
    })
  );
  const b = baseTable(id);
  await all(engine.conn, template(baseScoresSql, { base: b }), [Math.round(rfmBins)]);
  await exec(
    engine.conn,
    template(baseActivitySql, {
      base: b,
      table: ds.table,
      money,
      events: isTx ? 'count(*)' : 'count(DISTINCT t.month) FILTER (WHERE t.money > 0)',
      observed: isTx
        ? "date_diff('month', greatest(min(f.first_month), min(bounds.start)), min(bounds.last)) + 1"
        : 'count(DISTINCT t.month)',
      lapsed: isTx ? '0' : 'CAST(NULL AS DOUBLE)'
    })
  );
  const present = (await one(engine.conn, template(baseFeaturesSql, { base: b }))) ?? {};
  const features: BaseFeature[] = ['arpu', 'frequency', 'monetary', 'recency_days'];
  for (const f of ['voice', 'data', 'sms', 'vas'] as const) if (Number(present[f]) > 0) features.push(f);
  return features;
}

export async function requireBase(engine: Engine, id: string): Promise<string> {
  engine.dataset(id);
  if (!(await tableExists(engine.conn, TABLES.segmentBase(id))))
    throw engineError('segments-not-built', 'Open the segment overview first.');
  return baseTable(id);
}

/**
 * Writes a segment's member table: the base's customers passing the filter (segment_members.sql,
 * every value bound; the quadrant split at the cuts the segment was saved with).
 */
export async function writeMembers(
  engine: Engine,
  base: string,
  members: string,
  f: SegmentFilter,
  freqCut: number,
  amountCut: number
): Promise<void> {
  const text = (v: string | null | undefined) => (v == null || v === '' ? null : v);
  const number = (v: number | null | undefined) => (v != null && Number.isFinite(v) ? v : null);
  await all(engine.conn, template(membersSql, { base, members }), [
    text(f.customerType),
    text(f.industry),
    text(f.region),
    number(f.cluster),
    number(f.minR),
    number(f.minF),
    number(f.minM),
    number(f.arpuMin),
    number(f.arpuMax),
    f.quadrant ? f.quadrant.startsWith('high') : null,
    f.quadrant ? f.quadrant.endsWith('High') : null,
    freqCut,
    amountCut
  ]);
}

/** Numeric feature matrix of the base (NULLs as 0), in customer_id order. */
export async function featureRows(engine: Engine, base: string, features: BaseFeature[]): Promise<{ ids: string[]; x: number[][] }> {
  const columns = features.map((f) => `CAST(coalesce(${quoteIdent(f)}, 0) AS DOUBLE) AS ${quoteIdent(f)}`).join(', ');
  const rows = await all(engine.conn, template(featureRowsSql, { features: columns, base }));
  return { ids: rows.map((r) => String(r.customer_id)), x: rows.map((r) => features.map((f) => Number(r[f]))) };
}
