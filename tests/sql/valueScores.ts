/** The Customer value tab's scores beside an exported value script's rows (workers/export/value.test.ts, tests/pg/). */
import { expect } from 'vitest';
import type { Engine } from '../../workers/engine/engine.ts';
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
