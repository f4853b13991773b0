/**
 * Group value monitoring of seed 004 (搭建客户群价值监控体系): each group's value month by month, for
 * three groupings — the value tier of the assessment (a fixed cohort: the customers on the network in
 * the evaluation month, followed back), the lifecycle stage of each month (when the Lifecycle tab has
 * run; read through the registry) and the segment column of the file (客户类型 / customer segment).
 */
import { all, quoteIdent, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { readStages, TABLES } from '../engine/tables.ts';
import { valueScoresTable } from '../scores/value.ts';
import type { GroupMonitor, MonitorSeries } from './contract.ts';
import type { ValueInputs } from './inputs.ts';
import monitorSql from './sql/group_monitor.sql?raw';

export async function groupMonitor(
  engine: Engine,
  datasetId: string,
  inputs: ValueInputs,
  months: string[],
  evaluationMonth: string,
  oneRowPerCustomerMonth: boolean
): Promise<GroupMonitor> {
  const conn = engine.conn;
  const ds = engine.dataset(datasetId);
  const upTo = months.slice(0, months.indexOf(evaluationMonth) + 1);
  const stageSet = await readStages(conn, datasetId);
  const segment = ds.columns.find((c) => c.role === 'customerType');
  const groupings: { dimension: MonitorSeries['dimension']; group: string; joins: string }[] = [
    { dimension: 'tier', group: 'v.value_tier', joins: `JOIN ${valueScoresTable(datasetId)} v USING (customer_id)` },
    ...(stageSet
      ? [
          {
            dimension: 'stage' as const,
            group: 's.stage',
            joins: `JOIN ${quoteIdent(TABLES.stages(datasetId))} s ON s.customer_id = d.customer_id AND s.month = d.month`
          }
        ]
      : []),
    ...(segment ? [{ dimension: 'segment' as const, group: 'd.customer_type', joins: '' }] : [])
  ];
  // One row per (customer, month), joined to one row per customer or customer-month: a row is one
  // customer's month, so counting rows counts the customers (count(DISTINCT) was 5–7 s at 30M rows).
  const customers = oneRowPerCustomerMonth ? 'count(d.customer_id)' : 'count(DISTINCT d.customer_id)';
  const series: MonitorSeries[] = [];
  for (const g of groupings) {
    const rows = await all(
      conn,
      template(monitorSql, {
        table: ds.table,
        group: g.group,
        joins: g.joins,
        customers,
        revenue: inputs.parts.revenue,
        profit: inputs.parts.profit
      }),
      [`${evaluationMonth}-01`]
    );
    const byGroup = new Map<string, Map<string, Record<string, unknown>>>();
    for (const r of rows) {
      const key = String(r.grp);
      if (!byGroup.has(key)) byGroup.set(key, new Map());
      byGroup.get(key)!.set(String(r.month), r);
    }
    for (const [group, byMonth] of byGroup)
      series.push({
        dimension: g.dimension,
        group,
        points: upTo.map((month) => {
          const r = byMonth.get(month);
          return { month, customers: Number(r?.customers ?? 0), revenue: Number(r?.revenue ?? 0), profit: Number(r?.profit ?? 0) };
        })
      });
  }
  // Tiers high to low, stages in the rule set's order, segments by name.
  const order = (x: MonitorSeries) =>
    x.dimension === 'tier' ? ['high', 'medium', 'low'].indexOf(x.group) : x.dimension === 'stage' ? stageSet!.stages.indexOf(x.group) : 0;
  const dims = groupings.map((g) => g.dimension);
  series.sort((a, b) => dims.indexOf(a.dimension) - dims.indexOf(b.dimension) || order(a) - order(b) || a.group.localeCompare(b.group));
  return { months: upTo, series, stageSet, segmentColumn: segment?.header ?? null };
}
