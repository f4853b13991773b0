/**
 * Two cuts of seed 001's segmentation (China Mobile business-customer management):
 * - business customers by size: the seed lists size as branches, employees or registered capital;
 *   a numeric column named like that is used when present, else monthly spend (ARPU) stands in,
 *   and the result says which. Terciles among business customers: small, medium, large.
 * - usage behaviour (the seed's 市话 / 长途 / 互联网): each customer's leading use among voice, data
 *   and SMS, each measured against the base's mean, so "data-led" means more data than average
 *   relative to their calls and texts. Customers with no usage at all are 'none'.
 */
import { all, quoteIdent } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import type { BreakdownRow, SizeBreakdown } from './contract.ts';

/** Customer-type values that mean a business (政企 / 集团 / 商业 …) rather than a residential customer. */
export const BUSINESS_PATTERN = 'business|enterprise|corporate|company|commercial|政企|集团|商业|企业|公司|单位';
/** Headers of a column that measures a business's size (seed 001: branches, employees, registered capital). */
export const SIZE_HEADER = /员工|职工|人数|分支|网点|注册资[金本]|规模|employees|staff|headcount|branches|capital|company.?size/i;

const churnRate = 'avg(CASE WHEN churned THEN 1.0 WHEN churned IS NULL THEN NULL ELSE 0.0 END)';
const num = (v: unknown) => (v == null ? null : Number(v));

export async function businessSize(engine: Engine, id: string, base: string): Promise<SizeBreakdown | null> {
  const ds = engine.dataset(id);
  const col = ds.columns.find((c) => c.kind === 'number' && c.role === 'number' && SIZE_HEADER.test(c.header));
  const join = col ? `LEFT JOIN (SELECT customer_id, avg(${quoteIdent(col.name)}) AS size FROM ${ds.table} GROUP BY customer_id) s USING (customer_id)` : '';
  const rows = await all(engine.conn, `
    WITH biz AS (
      SELECT b.customer_id, b.monetary, b.arpu, b.churned, ${col ? 's.size' : 'b.arpu'} AS size
      FROM ${base} b ${join}
      WHERE regexp_matches(lower(coalesce(b.customer_type, '')), ?)
    ), banded AS (SELECT *, ntile(3) OVER (ORDER BY size, customer_id) AS band FROM biz WHERE size IS NOT NULL)
    SELECT band, min(size) AS low, max(size) AS high, count(*) AS customers, sum(monetary) AS revenue, avg(arpu) AS arpu,
           ${churnRate} AS churn_rate
    FROM banded GROUP BY band ORDER BY band`, [BUSINESS_PATTERN]);
  if (!rows.length) return null;
  return {
    basis: col ? 'column' : 'arpu', column: col?.header ?? null,
    rows: rows.map((r) => ({
      value: ['small', 'medium', 'large'][Number(r.band) - 1] ?? String(r.band), low: Number(r.low), high: Number(r.high),
      customers: Number(r.customers), revenue: Number(r.revenue), arpu: Number(r.arpu), churnRate: num(r.churn_rate)
    }))
  };
}

export async function usageProfile(engine: Engine, base: string, present: string[]): Promise<BreakdownRow[]> {
  const uses = ['voice', 'data', 'sms'].filter((u) => present.includes(u));
  if (uses.length < 2) return [];
  const ratio = (u: string) => `coalesce(${u} / nullif((SELECT avg(${u}) FROM ${base}), 0), 0)`;
  const lead = `CASE WHEN ${uses.map((u) => `coalesce(${u}, 0)`).join(' + ')} <= 0 THEN 'none' ` +
    uses.map((u) => `WHEN ${ratio(u)} >= greatest(${uses.map(ratio).join(', ')}) THEN '${u}'`).join(' ') + ' END';
  return (await all(engine.conn, `SELECT ${lead} AS value, count(*) AS customers, sum(monetary) AS revenue, avg(arpu) AS arpu, ${churnRate} AS churn_rate
    FROM ${base} GROUP BY 1 ORDER BY customers DESC`)).map((r) => ({
    value: String(r.value), customers: Number(r.customers), revenue: Number(r.revenue), arpu: Number(r.arpu), churnRate: num(r.churn_rate)
  }));
}
