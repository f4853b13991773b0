/**
 * Historical value (历史价值) of seed 004, two ways:
 * - `seed` (default): the seed's formula, A × (12·(1 + Q + … + Q^(n−1)) + m·Q^n), A the mean monthly
 *   profit of the last 6 months, t = n years + m months from the joining month to 6 months before
 *   the rating;
 * - `observed`: the same t months, each month's own profit decayed the same way where the panel has
 *   the month, the formula (A × the missing months' weights) for months before the file starts.
 * The seed's definition says "until 3 months before the rating" while its formula counts t to 6
 * months before; the formula is followed in both ways, so they differ only in A against observed profit.
 */
import { template, type SqlConnection } from '../db/sql.ts';
import { decayedMonths, seedHistoricalValue, yearsAndMonths } from '../models/index.ts';
import type { HistoryBasis, HistoryExample, HistoryMethod } from './contract.ts';
import type { ValueInputs } from './inputs.ts';
import type { CustomerWindow } from './window.ts';
import historicalSql from './sql/historical_value.sql?raw';
import { perMonthRowsAsTheyAre } from './monthRows.ts';

export interface Histories {
  values: number[];
  /** t of each customer (months). */
  months: number[];
  methods: HistoryMethod[];
  counts: Record<HistoryMethod, number>;
  example: HistoryExample | null;
}

export async function historicalValues(
  conn: SqlConnection,
  inputs: ValueInputs,
  customers: CustomerWindow[],
  evaluationMonth: string,
  q: number,
  basis: HistoryBasis,
  oneRowPerCustomerMonth: boolean
): Promise<Histories> {
  // Column by column (1.25 million customers as row objects cost ~0.5 GB of heap); both queries
  // list the customers on the network in the evaluation month in id order, so row i is customer i.
  // One row per (customer, month): the month's profit is the row's (monthRows.ts).
  const sql = template(historicalSql, { table: inputs.parts.table, profit: inputs.parts.profit, tenure: inputs.parts.tenure });
  const h = await conn.columns(oneRowPerCustomerMonth ? perMonthRowsAsTheyAre(sql) : sql, [`${evaluationMonth}-01`, q]);
  const column = (name: string) => h.columns[name] ?? [];
  const [ids, histMonths, obsMonths, obsValue, obsWeight] = ['customer_id', 'hist_months', 'obs_months', 'obs_value', 'obs_weight'].map(
    column
  );
  const at = new Map<string, number>();
  const index = (c: CustomerWindow, i: number) => {
    if (ids[i] != null && String(ids[i]) === c.customerId) return i;
    if (!at.size) for (let k = 0; k < h.numRows; k++) at.set(String(ids[k]), k);
    return at.get(c.customerId)!;
  };
  const counts: Record<HistoryMethod, number> = { seed: 0, observed: 0, mixed: 0, approximated: 0 };
  const methods: HistoryMethod[] = [];
  const months: number[] = [];
  const values = customers.map((c, i) => {
    const k = index(c, i);
    const t = Number(histMonths[k]);
    months.push(t);
    const a = c.profitMean6;
    if (basis === 'seed') {
      methods.push('seed');
      counts.seed++;
      return seedHistoricalValue(a, t, q);
    }
    const observed = Number(obsMonths[k]);
    const method: HistoryMethod = observed >= t ? 'observed' : observed === 0 ? 'approximated' : 'mixed';
    methods.push(method);
    counts[method]++;
    return Number(obsValue[k]) + a * Math.max(0, decayedMonths(t, q) - Number(obsWeight[k]));
  });
  return { values, months, methods, counts, example: example(customers, months, q) };
}

/** The customer with the median t among those with a history, as a worked example of the formula. */
function example(customers: CustomerWindow[], months: number[], q: number): HistoryExample | null {
  const withHistory = customers
    .map((c, i) => ({ c, t: months[i] }))
    .filter((x) => x.t > 0)
    .sort((x, y) => x.t - y.t || x.c.customerId.localeCompare(y.c.customerId));
  if (!withHistory.length) return null;
  const { c, t } = withHistory[Math.floor(withHistory.length / 2)];
  return {
    customerId: c.customerId,
    t,
    ...yearsAndMonths(t),
    a: c.profitMean6,
    q,
    weight: decayedMonths(t, q),
    value: seedHistoricalValue(c.profitMean6, t, q)
  };
}
