/**
 * The churn model's per-customer risk as a shared result: written after each fit, read by the
 * campaign builder's churn-risk filter (minimum predicted probability).
 */
import { writeRows } from '../db/rows.ts';
import { quoteIdent, type SqlConnection } from '../db/sql.ts';
import { describedAs, describeTable, TABLES } from '../engine/tables.ts';
import type { RiskRow } from '../churn/contract.ts';

/** The table's columns: probability, its rank share (0 = the riskiest) and the ARPU scored. */
export const CHURN_RISK_COLUMNS = [
  ['customer_id', 'VARCHAR'],
  ['probability', 'DOUBLE'],
  ['rank_share', 'DOUBLE'],
  ['arpu', 'DOUBLE']
] as const;

/** What the risk was computed from: the scoring month (panels; null for a snapshot) and the horizon. */
export interface ChurnRiskInfo {
  scoreMonth: string | null;
  horizon: number;
  customers: number;
}

/** The quoted table name, for a reader's join. */
export const churnRiskTable = (id: string) => quoteIdent(TABLES.churnRisk(id));

export async function writeChurnRisk(
  conn: SqlConnection,
  id: string,
  risk: RiskRow[],
  about: Omit<ChurnRiskInfo, 'customers'>
): Promise<void> {
  const ranked = [...risk].sort((a, b) => b.score - a.score || a.customerId.localeCompare(b.customerId));
  await writeRows(
    conn,
    TABLES.churnRisk(id),
    CHURN_RISK_COLUMNS.map(([c, t]) => [c, t]),
    ranked.map((r, i) => [r.customerId, r.score, i / ranked.length, r.arpu])
  );
  await describeTable(conn, TABLES.churnRisk(id), { ...about, customers: risk.length } satisfies ChurnRiskInfo);
}

/** The risk's provenance, or null when the churn model has not been fitted on this dataset. */
export function readChurnRisk(conn: SqlConnection, id: string): Promise<ChurnRiskInfo | null> {
  return describedAs<ChurnRiskInfo>(conn, TABLES.churnRisk(id));
}
