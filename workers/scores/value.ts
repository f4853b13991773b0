/**
 * The Customer value tab's per-customer scores as a shared result (seed 004: "after the usual
 * filters, use the value model for a second filter"): written after each assessment, read by the
 * campaign builder to filter by value tier or loyalty band and to order by value or elasticity.
 */
import { writeRows } from '../db/rows.ts';
import { quoteIdent, type SqlConnection } from '../db/sql.ts';
import { describedAs, describeTable, TABLES } from '../engine/tables.ts';
import type { ValueRow } from '../value/contract.ts';

/** The table's columns (customer_id first): what a reader may select. */
export const VALUE_SCORE_COLUMNS = [
  ['customer_id', 'VARCHAR'], ['composite', 'DOUBLE'], ['value_tier', 'VARCHAR'], ['loyalty', 'VARCHAR'],
  ['elasticity', 'DOUBLE'], ['elasticity_layer', 'VARCHAR'], ['credit', 'VARCHAR']
] as const;

/** What the scores were computed from. */
export interface ValueScoresInfo {
  evaluationMonth: string;
  customers: number;
}

/** The quoted table name, for a reader's join. */
export const valueScoresTable = (id: string) => quoteIdent(TABLES.valueScores(id));

export async function writeValueScores(conn: SqlConnection, id: string, rows: ValueRow[], evaluationMonth: string): Promise<void> {
  await writeRows(conn, TABLES.valueScores(id), VALUE_SCORE_COLUMNS.map(([c, t]) => [c, t]),
    rows.map((r) => [r.customerId, r.composite, r.tier, r.loyalty, r.elasticity, r.elasticityLayer, r.credit]));
  await describeTable(conn, TABLES.valueScores(id), { evaluationMonth, customers: rows.length } satisfies ValueScoresInfo);
}

/** The scores' provenance, or null when Customer value has not assessed this dataset. */
export function readValueScores(conn: SqlConnection, id: string): Promise<ValueScoresInfo | null> {
  return describedAs<ValueScoresInfo>(conn, TABLES.valueScores(id));
}
