/**
 * The Customer value tab's per-customer scores as a shared result (seed 004: "after the usual
 * filters, use the value model for a second filter"): written by each assessment, read by the
 * campaign builder to filter by value tier, credit grade or loyalty band, to drop negative-value
 * customers and to order by value or elasticity.
 */
import { writeRows } from '../db/rows.ts';
import { quoteIdent, type SqlConnection } from '../db/sql.ts';
import { describedAs, describeTable, TABLES } from '../engine/tables.ts';
import type { CompositeBasis, ValueRow } from '../value/contract.ts';

/**
 * The table's columns (customer_id first): what a reader may select. `composite` is on the basis
 * the assessment used (ValueScoresInfo.basis: rank points 0–100 by default, so never negative);
 * `current_value` is the 3-month profit in yuan, negative for a customer who costs more than they
 * bring (the seed's 负价值客户); `value_tier` is the one value tier (by composite rank);
 * `elasticity_layer` high / medium / low = layers 1 / 2 / 3 by quantiles of E, or 'undefined';
 * `credit` the grade AAA … CCC, '-' (under 6 months) or 'X' (special lines, secondary numbers).
 */
export const VALUE_SCORE_COLUMNS = [
  ['customer_id', 'VARCHAR'],
  ['composite', 'DOUBLE'],
  ['value_tier', 'VARCHAR'],
  ['loyalty', 'VARCHAR'],
  ['elasticity', 'DOUBLE'],
  ['elasticity_layer', 'VARCHAR'],
  ['credit', 'VARCHAR'],
  ['current_value', 'DOUBLE']
] as const;

/** What the scores were computed from. */
export interface ValueScoresInfo {
  evaluationMonth: string;
  customers: number;
  /** The composite's basis (see common/valueParams.ts CompositeBasis). */
  basis: CompositeBasis;
}

/** The quoted table name, for a reader's join. */
export const valueScoresTable = (id: string) => quoteIdent(TABLES.valueScores(id));

export async function writeValueScores(
  conn: SqlConnection,
  id: string,
  rows: ValueRow[],
  about: { evaluationMonth: string; basis: CompositeBasis }
): Promise<void> {
  await writeRows(
    conn,
    TABLES.valueScores(id),
    VALUE_SCORE_COLUMNS.map(([c, t]) => [c, t]),
    rows.map((r) => [r.customerId, r.composite, r.tier, r.loyalty, r.elasticity, r.elasticityLayer, r.credit, r.current])
  );
  await describeTable(conn, TABLES.valueScores(id), { ...about, customers: rows.length } satisfies ValueScoresInfo);
}

/** The scores' provenance, or null when Customer value has not assessed this dataset. */
export function readValueScores(conn: SqlConnection, id: string): Promise<ValueScoresInfo | null> {
  return describedAs<ValueScoresInfo>(conn, TABLES.valueScores(id));
}
