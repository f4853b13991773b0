/** The Customer value tab's scores and campaign list beside an exported script's rows (workers/export/*.test.ts, tests/pg/). */
import { expect } from 'vitest';
import type { Engine } from '../../workers/engine/engine.ts';
import { all } from '../../workers/db/sql.ts';
import { segmentsApi } from '../../workers/segments/api.ts';
import type { CampaignParams } from '../../common/segmentParams.ts';
import { valueApi } from '../../workers/value/api.ts';
import type { ValueParams, ValueRow } from '../../workers/value/contract.ts';
import { parseCsvText } from '../cli/csvRows.ts';

/** The tab's per-customer rows, and its CSV loaded as the future-value table (all text, as a CSV loads). */
export async function siteScores(e: Engine, id: string, params: ValueParams) {
  const api = valueApi(() => e);
  await api.assessValue(id, params);
  const rows = await api.valueRows(id, 'customerId', false, Number.MAX_SAFE_INTEGER);
  const [head, ...cells] = parseCsvText(await api.valueCsv(id)).filter((r) => r.length > 1);
  return { rows, csv: { head, cells } };
}

/** Every number equal to 1e-9 relative (1e-9 absolute near 0), text equal. */
export function expectScores(got: Record<string, unknown>[], site: readonly ValueRow[]) {
  expect(got.length).toBe(site.length);
  const close = (a: unknown, b: number) => Math.abs(Number(a) - b) <= 1e-9 * Math.max(1, Math.abs(b));
  site.forEach((r, i) => {
    const g = got[i];
    expect(String(g.customer_id)).toBe(r.customerId);
    const pairs: [string, number][] = [
      ['historical', Number(r.historical)],
      ['history_months', Number(r.historyMonths)],
      ['current_value', Number(r.current)],
      ['future', Number(r.future)],
      ['influence', Number(r.influence)],
      ['composite', Number(r.composite)]
    ];
    for (const [k, v] of pairs)
      if (!close(g[k], v)) expect({ customer: r.customerId, [k]: Number(g[k]) }).toEqual({ customer: r.customerId, [k]: v });
    expect(String(g.value_tier)).toBe(r.tier);
  });
}

/** A list's members as [customer_id, rank, tier, stage] rows and their values, in rank order. */
export function members(rows: Record<string, unknown>[]) {
  return {
    rows: rows.map((r) => [String(r.customer_id), String(r.rank), String(r.tier), String(r.stage)]),
    values: rows.map((r) => Number(r.value))
  };
}

/** The tab's campaign list: the target arm, or both arms, in rank order. */
export async function siteList(e: Engine, id: string, p: CampaignParams, arms: 'target' | 'both' = 'target') {
  await segmentsApi(() => e).buildCampaign(id, p);
  const where = arms === 'target' ? "WHERE arm = 'target'" : '';
  return members(await all(e.conn, `SELECT customer_id, rank, value, tier, stage FROM "campaign_${id}" ${where} ORDER BY arm DESC, rank`));
}

/** The script's members equal the tab's list: the same customers, ranks, tiers and stages; values to 1e-9. */
export function expectMembers(got: ReturnType<typeof members>, site: ReturnType<typeof members>) {
  expect(got.rows).toEqual(site.rows);
  got.values.forEach((v, i) => expect(Math.abs(v - site.values[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(site.values[i]))));
}
