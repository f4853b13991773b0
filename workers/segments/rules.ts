/**
 * Services held together, for association rules (DOMAIN.md §5, cross-sell). With telco-style
 * service columns (PhoneService, MultipleLines, InternetService, OnlineSecurity, … = 'Yes' or a
 * named internet service) those are the items; otherwise flags derived from the segmentation base:
 * any / several value-added services, heavy data, voice and SMS use (≥ the median of users) and a
 * high plan spend (ARPU ≥ the 75th percentile).
 */
import { all, quoteIdent } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { associationRules } from '../models/index.ts';
import type { RulesResult } from './contract.ts';

const SERVICE = /^(PhoneService|MultipleLines|InternetService|OnlineSecurity|OnlineBackup|DeviceProtection|TechSupport|StreamingTV|StreamingMovies|PaperlessBilling)$/i;

export async function serviceRules(engine: Engine, id: string, baseOf: () => Promise<string>, minSupport: number): Promise<RulesResult> {
  if (!(minSupport > 0 && minSupport < 1)) throw engineError('segments-bad-input', 'Minimum support must be in (0, 1).');
  const ds = engine.dataset(id);
  const services = ds.columns.filter((c) => c.role === 'text' && SERVICE.test(c.header));
  let items: string[];
  let sql: string;
  if (services.length >= 2) {
    items = services.map((c) => c.header);
    const flag = (n: string) => `bool_or(${quoteIdent(n)} NOT IN ('No', 'No internet service', 'No phone service', '') AND ${quoteIdent(n)} IS NOT NULL)`;
    sql = `SELECT ${services.map((c, i) => `${flag(c.name)} AS i${i}`).join(', ')} FROM ${ds.table} GROUP BY customer_id`;
  } else {
    const base = await baseOf();
    items = ['vas≥1', 'vas≥3', 'data+', 'voice+', 'sms+', 'arpu+'];
    const med = (c: string) => `${c} >= (SELECT median(${c}) FROM ${base} WHERE ${c} > 0)`;
    sql = `SELECT coalesce(vas >= 1, FALSE) AS i0, coalesce(vas >= 3, FALSE) AS i1, coalesce(${med('data')}, FALSE) AS i2,
      coalesce(${med('voice')}, FALSE) AS i3, coalesce(${med('sms')}, FALSE) AS i4,
      coalesce(arpu >= (SELECT quantile_cont(arpu, 0.75) FROM ${base}), FALSE) AS i5 FROM ${base}`;
  }
  const baskets = (await all(engine.conn, sql)).map((r) => items.map((_, i) => Boolean(r[`i${i}`])));
  return { items, customers: baskets.length, rules: associationRules(items, baskets, minSupport) };
}
