/**
 * Services held together, for association rules (DOMAIN.md §5, cross-sell). With telco-style
 * service columns (PhoneService, MultipleLines, InternetService, OnlineSecurity, … = 'Yes' or a
 * named internet service) those are the items; otherwise flags derived from the segmentation base:
 * any / several value-added services, heavy data, voice and SMS use (≥ the median of users) and a
 * high plan spend (ARPU ≥ the 75th percentile).
 */
import { all, quoteIdent, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { associationRules } from '../models/index.ts';
import type { RulesResult } from './contract.ts';
import serviceBasketsSql from './sql/service_baskets.sql?raw';
import usageBasketsSql from './sql/usage_baskets.sql?raw';

const SERVICE =
  /^(PhoneService|MultipleLines|InternetService|OnlineSecurity|OnlineBackup|DeviceProtection|TechSupport|StreamingTV|StreamingMovies|PaperlessBilling)$/i;

export async function serviceRules(engine: Engine, id: string, baseOf: () => Promise<string>, minSupport: number): Promise<RulesResult> {
  if (!(minSupport > 0 && minSupport < 1)) throw engineError('segments-bad-input', 'Minimum support must be in (0, 1).');
  const ds = engine.dataset(id);
  const services = ds.columns.filter((c) => c.role === 'text' && SERVICE.test(c.header));
  let items: string[];
  let sql: string;
  if (services.length >= 2) {
    items = services.map((c) => c.header);
    const held = (n: string) => `bool_or(${n} NOT IN ('No', 'No internet service', 'No phone service', '') AND ${n} IS NOT NULL)`;
    sql = template(serviceBasketsSql, { held: services.map((c, i) => `${held(quoteIdent(c.name))} AS i${i}`).join(', '), table: ds.table });
  } else {
    items = ['vas≥1', 'vas≥3', 'data+', 'voice+', 'sms+', 'arpu+'];
    sql = template(usageBasketsSql, { base: await baseOf() });
  }
  const baskets = (await all(engine.conn, sql)).map((r) => items.map((_, i) => Boolean(r[`i${i}`])));
  return { items, customers: baskets.length, rules: associationRules(items, baskets, minSupport) };
}
