/**
 * The views computed from a stage table: stacked distribution, funnel, transition matrix and the
 * stage × value tier × region cross table, each from its own SQL file, shaped into small arrays.
 */
import { sortedCuts } from '../../common/lists.ts';
import { all, template, type SqlConnection } from '../db/sql.ts';
import distributionSql from './sql/distribution.sql?raw';
import funnelSql from './sql/funnel.sql?raw';
import transitionsSql from './sql/transitions.sql?raw';
import crossSql from './sql/cross.sql?raw';
import type { CrossCell, FunnelStep, LifecycleResult } from './contract.ts';

type Views = Pick<LifecycleResult, 'months' | 'distribution' | 'totalCustomers' | 'funnel' | 'transitions' | 'cross'>;

/** Months as YYYY-MM and distribution[stage][month]. */
export async function distribution(conn: SqlConnection, target: string, stages: string[]): Promise<{ months: string[]; distribution: number[][] }> {
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
export async function funnel(conn: SqlConnection, target: string, stages: string[]): Promise<{ totalCustomers: number; funnel: FunnelStep[] }> {
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

/** Stage × tier × region counts in one month (YYYY-MM). */
export async function cross(conn: SqlConnection, target: string, base: string, month: string, cuts: number[]): Promise<LifecycleResult['cross']> {
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

export async function allViews(conn: SqlConnection, target: string, base: string, stages: string[], month: string | null, cuts: number[]): Promise<Views> {
  const d = await distribution(conn, target, stages);
  const at = month && d.months.includes(month) ? month : d.months[d.months.length - 1];
  return {
    ...d,
    ...(await funnel(conn, target, stages)),
    transitions: await transitions(conn, target, stages),
    cross: await cross(conn, target, base, at, cuts)
  };
}
