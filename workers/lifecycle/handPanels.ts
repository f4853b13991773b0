/**
 * Test helper: small hand-made panels loaded through the real ingest into a Node engine, and the
 * stages a rule set gives them as one string per customer ("A A B C …"), so a test states the
 * stages it worked out by hand.
 */
import { beforeAll, expect } from 'vitest';
import type { ColumnRole } from '../contract.ts';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { all } from '../db/sql.ts';
import { lifecycleApi } from './api.ts';
import type { LifecycleApi, RuleSetId } from './contract.ts';

const ROLES: Record<string, ColumnRole> = {
  customer_id: 'customerId',
  month: 'month',
  revenue: 'revenue',
  churn: 'churn',
  tenure: 'tenure',
  data_mb: 'dataMb',
  vas_count: 'vasCount',
  region: 'region',
  voice_minutes: 'voiceMinutes',
  sms: 'sms',
  offer_end: 'offerEnd',
  data_revenue: 'dataRevenue'
};

/** Month i of the hand-made panels, 1 = 2024-01. */
export const month = (i: number) => `${2024 + Math.floor((i - 1) / 12)}-${String(((i - 1) % 12) + 1).padStart(2, '0')}`;

/** A panel from per-customer series: `rows[k]` is the row of month `first + k`. */
export function panel(columns: string[], customers: { id: string; first: number; rows: (string | number)[][] }[]): string {
  const lines = [['customer_id', 'month', ...columns].join(',')];
  for (const c of customers) c.rows.forEach((r, k) => lines.push([c.id, month(c.first + k), ...r].join(',')));
  return lines.join('\n') + '\n';
}

export const series = (xs: number[], extra: (i: number) => (string | number)[] = () => []) => xs.map((x, i) => [x, ...extra(i)]);

/** "A*3 B" → "A A A B". */
export const expand = (spec: string) =>
  spec
    .split(' ')
    .flatMap((t) => {
      const [s, n] = t.split('*');
      return Array(Number(n ?? 1)).fill(s);
    })
    .join(' ');

/** A Node engine made before the file's tests, its lifecycle API, and the helpers bound to it. */
export function handPanels() {
  const ctx = {} as { engine: Engine; api: LifecycleApi };
  beforeAll(async () => {
    ctx.engine = await nodeEngine();
    ctx.api = lifecycleApi(() => ctx.engine);
  });
  /** Loads a hand-made CSV (every header a role of ROLES, else a number); returns the dataset id. */
  async function load(csv: string): Promise<string> {
    const header = csv.split('\n')[0].split(',');
    const s = await ctx.engine.ingestFile(new Blob([csv]), 'hand.csv', { roles: header.map((h) => ROLES[h] ?? 'number') });
    expect(s.quality.rejected).toBe(0);
    return s.id;
  }
  /** Each customer's stages in month order, space-separated. */
  async function stagesOf(id: string, ruleSet: RuleSetId, params: Record<string, number> = {}): Promise<Record<string, string>> {
    const r = await ctx.api.computeLifecycle(id, { ruleSet, params });
    const rows = await all(ctx.engine.conn, `SELECT customer_id, string_agg(stage, ' ' ORDER BY month) AS s FROM "${r.table}" GROUP BY 1`);
    return Object.fromEntries(rows.map((x) => [String(x.customer_id), String(x.s)]));
  }
  return {
    get engine(): Engine {
      return ctx.engine;
    },
    get api(): LifecycleApi {
      return ctx.api;
    },
    load,
    stagesOf
  };
}
