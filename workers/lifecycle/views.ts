/**
 * The views computed from a stage table, each from its own SQL file, shaped into small arrays.
 * Three calls, so that what the user changes reruns only what depends on it: the stage views
 * (distribution, funnel, transitions) with every rule run; churn by stage after it; the month views
 * (stage × ARPU tier × region, stage KPIs, seed 002's data-service figures) on their own, again
 * when the month or the tier cuts change.
 */
import { sortedCuts } from '../../common/lists.ts';
import { all, template, type SqlConnection } from '../db/sql.ts';
import { valueScoresTable, readValueScores } from '../scores/value.ts';
import distributionSql from './sql/distribution.sql?raw';
import funnelSql from './sql/funnel.sql?raw';
import transitionsSql from './sql/transitions.sql?raw';
import stageChurnSql from './sql/stage_churn.sql?raw';
import crossSql from './sql/cross.sql?raw';
import stageKpisSql from './sql/stage_kpis.sql?raw';
import dataServicesSql from './sql/data_services.sql?raw';
import type { CrossCell, DataServiceFigures, FunnelStep, LifecycleMonth, LifecycleResult, StageChurn, StageSet } from './contract.ts';

type StageViews = Pick<LifecycleResult, 'months' | 'distribution' | 'totalCustomers' | 'funnel' | 'transitions'>;

/** Months as YYYY-MM and distribution[stage][month]. */
export async function distribution(
  conn: SqlConnection,
  target: string,
  stages: string[]
): Promise<{ months: string[]; distribution: number[][] }> {
  const rows = await all(conn, template(distributionSql, { target }));
  const months = [...new Set(rows.map((r) => String(r.month)))].sort();
  const mi = new Map(months.map((m, i) => [m, i]));
  const si = new Map(stages.map((s, i) => [s, i]));
  const counts = stages.map(() => months.map(() => 0));
  for (const r of rows) {
    const s = si.get(String(r.stage));
    if (s !== undefined) counts[s][mi.get(String(r.month))!] = Number(r.customers);
  }
  return { months, distribution: counts };
}

/**
 * The funnel in the vocabulary's stage order: customers ever in each stage (share of all), and of
 * them the share seen later in the next stage (A→B, B→C, …).
 */
export async function funnel(
  conn: SqlConnection,
  target: string,
  stages: string[]
): Promise<{ totalCustomers: number; funnel: FunnelStep[] }> {
  const rows = await all(conn, template(funnelSql, { target }));
  const pair = new Map(rows.map((r) => [`${r.from_stage}>${r.to_stage}`, Number(r.customers)]));
  const total = rows.length ? Number(rows[0].total) : 0;
  const steps = stages.map((stage, i): FunnelStep => {
    const customers = pair.get(`${stage}>${stage}`) ?? 0;
    const next = stages[i + 1];
    return {
      stage,
      customers,
      share: total > 0 ? customers / total : 0,
      toNext: next === undefined || customers === 0 ? null : (pair.get(`${stage}>${next}`) ?? 0) / customers
    };
  });
  return { totalCustomers: total, funnel: steps };
}

/** transitions[from][to] summed over consecutive calendar months. */
export async function transitions(conn: SqlConnection, target: string, stages: string[]): Promise<number[][]> {
  const si = new Map(stages.map((s, i) => [s, i]));
  const m = stages.map(() => stages.map(() => 0));
  for (const r of await all(conn, template(transitionsSql, { target }))) {
    const a = si.get(String(r.from_stage));
    const b = si.get(String(r.to_stage));
    if (a !== undefined && b !== undefined) m[a][b] = Number(r.customers);
  }
  return m;
}

/** What counts as churn for a stage set: its stages standing for E, else those standing for D (activity states' dormant). */
export function exitStagesOf(set: Pick<StageSet, 'stages' | 'analogOf'>): string[] {
  const e = set.stages.filter((s) => set.analogOf[s] === 'E');
  return e.length ? e : set.stages.filter((s) => set.analogOf[s] === 'D');
}

/** Churn within 3 and 6 months of being in each stage (stage_churn.sql), in the vocabulary's order. */
export async function stageChurn(conn: SqlConnection, target: string, stages: string[], exits: string[]): Promise<StageChurn[]> {
  const rows = new Map((await all(conn, template(stageChurnSql, { target }), [exits.join(',')])).map((r) => [String(r.stage), r]));
  const rate = (churned: unknown, followed: number, stage: string) =>
    followed > 0 && !exits.includes(stage) ? Number(churned) / followed : null;
  return stages.map((stage) => {
    const r = rows.get(stage);
    const followed3 = Number(r?.followed3 ?? 0);
    const followed6 = Number(r?.followed6 ?? 0);
    return { stage, followed3, churn3: rate(r?.churned3, followed3, stage), followed6, churn6: rate(r?.churned6, followed6, stage) };
  });
}

/** The views a parameter edit redraws first (churn by stage and the month views follow in calls of their own). */
export async function stageViews(conn: SqlConnection, target: string, stages: string[]): Promise<StageViews> {
  return {
    ...(await distribution(conn, target, stages)),
    ...(await funnel(conn, target, stages)),
    transitions: await transitions(conn, target, stages)
  };
}

/** Stage × tier × region counts in one month (YYYY-MM). */
export async function cross(
  conn: SqlConnection,
  target: string,
  base: string,
  month: string,
  cuts: number[]
): Promise<LifecycleMonth['cross']> {
  const sorted = sortedCuts(cuts);
  const cells: CrossCell[] = (await all(conn, template(crossSql, { target, base }), [`${month}-01`, sorted.join(',')])).map((r) => ({
    stage: String(r.stage),
    arpuTier: Number(r.tier),
    region: String(r.region),
    customers: Number(r.customers),
    arpu: r.arpu == null ? null : Number(r.arpu)
  }));
  const regions = [...new Set(cells.map((c) => c.region))].sort();
  return { month, cuts: sorted, regions, cells };
}

/** The relation (customer_id, composite) of the value scores, or an empty one. */
const NO_VALUE = '(SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS DOUBLE) AS composite WHERE false)';

/** The month views: the cross table, each stage's KPIs, and seed 002's figures when the file has data-service columns. */
export async function monthViews(
  conn: SqlConnection,
  ids: { dataset: string; target: string; base: string },
  stages: string[],
  month: string,
  cuts: number[],
  hasDataServices: boolean
): Promise<Omit<LifecycleMonth, 'ruleSet'>> {
  const hasValue = (await readValueScores(conn, ids.dataset)) !== null;
  const value = hasValue ? `(SELECT customer_id, composite FROM ${valueScoresTable(ids.dataset)})` : NO_VALUE;
  const kpiRows = new Map(
    (await all(conn, template(stageKpisSql, { target: ids.target, base: ids.base, value }), [`${month}-01`])).map((r) => [
      String(r.stage),
      r
    ])
  );
  const kpis = stages.map((stage) => {
    const r = kpiRows.get(stage);
    const customers = Number(r?.customers ?? 0);
    const revenue = Number(r?.revenue ?? 0);
    return {
      stage,
      customers,
      revenue,
      arpu: customers > 0 ? revenue / customers : null,
      value: r?.value == null ? null : Number(r.value)
    };
  });
  return {
    cross: await cross(conn, ids.target, ids.base, month, cuts),
    kpis,
    hasValue,
    dataServices: hasDataServices ? await dataServices(conn, ids.base, month) : null
  };
}

async function dataServices(conn: SqlConnection, base: string, month: string): Promise<DataServiceFigures> {
  const r = (await all(conn, template(dataServicesSql, { base }), [`${month}-01`]))[0];
  const customers = Number(r.customers);
  const users = Number(r.users);
  const withRevenue = Number(r.with_revenue);
  return {
    customers,
    users,
    penetration: customers > 0 ? users / customers : null,
    oneOrTwo: users > 0 ? Number(r.one_or_two) / users : null,
    under10: withRevenue > 0 ? Number(r.under10) / withRevenue : null
  };
}
