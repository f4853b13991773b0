/**
 * Two cuts of seed 001's segmentation (China Mobile business-customer management):
 * - business customers by size: the seed lists size as branches, employees or registered capital;
 *   a numeric column named like that is used when present, else monthly spend (ARPU) stands in,
 *   and the result says which. Terciles among business customers: small, medium, large.
 * - usage behaviour (the seed's 市话 / 长途 / 互联网): each customer's leading use among voice, data
 *   and SMS, each measured against the base's mean, so "data-led" means more data than average
 *   relative to their calls and texts. Customers with no usage at all are 'none'.
 */
import { all, quoteIdent, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import type { BreakdownRow, SizeBreakdown } from './contract.ts';
import businessSizeSql from './sql/business_size.sql?raw';
import usageProfileSql from './sql/usage_profile.sql?raw';

/** Customer-type values that mean a business (政企 / 集团 / 商业 …) rather than a residential customer. */
export const BUSINESS_PATTERN = 'business|enterprise|corporate|company|commercial|政企|集团|商业|企业|公司|单位';
/** Headers of a column that measures a business's size (seed 001: branches, employees, registered capital). */
export const SIZE_HEADER = /员工|职工|人数|分支|网点|注册资[金本]|规模|employees|staff|headcount|branches|capital|company.?size/i;

const num = (v: unknown) => (v == null ? null : Number(v));
/** A breakdown row from SQL (breakdown.sql, business_size.sql, usage_profile.sql). */
export const toBreakdown = (r: Record<string, unknown>): BreakdownRow => ({
  value: String(r.value),
  customers: Number(r.customers),
  revenue: Number(r.revenue),
  arpu: Number(r.arpu),
  churnRate: num(r.churn_rate)
});

export async function businessSize(engine: Engine, id: string, base: string): Promise<SizeBreakdown | null> {
  const ds = engine.dataset(id);
  const col = ds.columns.find((c) => c.kind === 'number' && c.role === 'number' && SIZE_HEADER.test(c.header));
  const rows = await all(
    engine.conn,
    template(businessSizeSql, {
      base,
      table: ds.table,
      sizeColumn: col ? quoteIdent(col.name) : 'CAST(NULL AS DOUBLE)',
      size: col ? 's.size' : 'b.arpu'
    }),
    [BUSINESS_PATTERN]
  );
  if (!rows.length) return null;
  return {
    basis: col ? 'column' : 'arpu',
    column: col?.header ?? null,
    rows: rows.map((r) => ({
      ...toBreakdown(r),
      value: ['small', 'medium', 'large'][Number(r.band) - 1] ?? String(r.band),
      low: Number(r.low),
      high: Number(r.high)
    }))
  };
}

/** Customers by leading use; empty with fewer than two of voice, data and SMS. */
export async function usageProfile(engine: Engine, base: string, present: string[]): Promise<BreakdownRow[]> {
  if (['voice', 'data', 'sms'].filter((u) => present.includes(u)).length < 2) return [];
  return (await all(engine.conn, template(usageProfileSql, { base }))).map(toBreakdown);
}
