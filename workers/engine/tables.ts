/**
 * The registry of the tables the engine keeps for a dataset. Every name ends in `_<datasetId>`, so
 * Engine.dropTables drops them with their dataset. Ingest keeps its own (`raw_`, `srej_`, `rej_…`
 * in ingest.ts) beside `ds_` (the typed dataset) and `vrej_` (value rejects).
 *
 * Features talk through named interfaces, not each other's table names: a result one feature
 * writes and others read (lifecycle stages here; value and churn scores in workers/scores/) has a
 * typed writer that records where it came from, and typed readers that return null when it is not
 * there, so the reader says which tab to run instead of silently doing without. These shared
 * results are dropped when the dataset's column roles change (dropResults), because they were
 * computed from the old typing: a later tab then never reads a stale result.
 */
import { all, dropTable, exec, quoteIdent, quoteLiteral, template, type SqlConnection } from '../db/sql.ts';
import type { ClmStage, StageSet } from '../lifecycle/contract.ts';
import stagesInMonthSql from './sql/stages_in_month.sql?raw';
import monthCountSql from './sql/month_count.sql?raw';

/** Unquoted names; quote with quoteIdent (or use the quoted helpers of the owning module). */
export const TABLES = {
  /** The typed dataset (engine). */
  dataset: (id: string) => `ds_${id}`,
  /** Rows rejected for a bad value while typing (engine). */
  valueRejects: (id: string) => `vrej_${id}`,

  /** Shared: stage per customer and month, (customer_id, month, stage); written by Lifecycle. */
  stages: (id: string) => `lifecycle_${id}`,
  /** Shared: per-customer value scores (workers/scores/value.ts); written by Customer value. */
  valueScores: (id: string) => `valuescores_${id}`,
  /** Shared: per-customer churn probability (workers/scores/churn.ts); written by the churn model. */
  churnRisk: (id: string) => `churnrisk_${id}`,

  /** Lifecycle: the benchmark's reference scan (temporary). */
  benchScan: (id: string) => `lifecycle_scan_${id}`,
  /** The monthly panel (workers/panel/): lifecycle rule sets and churn analyses read it. */
  panel: (id: string) => `panel_${id}`,
  /** Churn: per customer-month rows and first spells (temporary). */
  churnRows: (id: string) => `churn_rows_${id}`,
  churnSpells: (id: string) => `churn_spells_${id}`,
  /** Segments: the per-customer segmentation base and each saved segment's members. */
  segmentBase: (id: string) => `segbase_${id}`,
  segment: (slug: string, id: string) => `segment_${slug}_${id}`,
  /** Segments: k-means labels on their way into the base (temporary). */
  clusterLabels: (id: string) => `seglabels_${id}`,
  /** Campaign: the filtered candidates, the list with its arms, the outcomes. */
  campaignCandidates: (id: string) => `campcand_${id}`,
  campaign: (id: string) => `campaign_${id}`,
  campaignOutcomes: (id: string) => `campout_${id}`,
  /** Campaign: an outcome file's rows with their reject reasons (temporary). */
  outcomeVerdicts: (id: string) => `campverdict_${id}`
} as const;

/** The shared results, dropped when the dataset's roles change. */
const RESULTS = [TABLES.stages, TABLES.valueScores, TABLES.churnRisk];

/** How many distinct months a dataset covers (lifecycle and churn need two or more). */
export async function monthCount(conn: SqlConnection, ds: { table: string }): Promise<number> {
  return Number((await all(conn, template(monthCountSql, { table: ds.table })))[0]?.n ?? 0);
}

/** Records what a shared result was computed from, as the table's comment (dropped with the table). */
export async function describeTable(conn: SqlConnection, name: string, about: object): Promise<void> {
  await exec(conn, `COMMENT ON TABLE ${quoteIdent(name)} IS ${quoteLiteral(JSON.stringify(about))}`);
}

/** What a shared result was computed from; null when the table does not exist (or was written without it). */
export async function describedAs<T>(conn: SqlConnection, name: string): Promise<T | null> {
  const row = (await all(conn, 'SELECT comment FROM duckdb_tables() WHERE table_name = ?', [name]))[0];
  return row?.comment ? (JSON.parse(String(row.comment)) as T) : null;
}

/** Drops the shared results of a dataset (its column roles changed, so they no longer hold). */
export async function dropResults(conn: SqlConnection, id: string): Promise<void> {
  for (const name of RESULTS) await dropTable(conn, name(id));
}

/**
 * Runs `write` (a lifecycle rule set's SQL, which creates the given quoted table) and records which
 * rule set, parameters and stages the table holds.
 */
export async function writeStages(conn: SqlConnection, id: string, set: StageSet, write: (table: string) => Promise<void>): Promise<void> {
  await write(quoteIdent(TABLES.stages(id)));
  await describeTable(conn, TABLES.stages(id), set);
}

/** The stages Lifecycle last computed for this dataset (rule set, stage codes, their A–E analogs), or null. */
export function readStages(conn: SqlConnection, id: string): Promise<StageSet | null> {
  return describedAs<StageSet>(conn, TABLES.stages(id));
}

/** Each customer's stage in a month (`YYYY-MM`); empty when no stages were computed. */
export async function stagesInMonth(conn: SqlConnection, id: string, month: string): Promise<Map<string, string>> {
  // Column by column: a row object per customer costs ~10× more (1.24M customers at 30M rows).
  const { numRows, columns } = await conn.columns(template(stagesInMonthSql, { stages: quoteIdent(TABLES.stages(id)) }), [`${month}-01`]);
  const ids = columns.customer_id ?? [];
  const stages = columns.stage ?? [];
  const out = new Map<string, string>();
  for (let i = 0; i < numRows; i++) out.set(String(ids[i]), String(stages[i]));
  return out;
}

/**
 * The relation (customer_id, stage) of each customer's stage in one month, to join in SQL: the
 * query that uses it binds that month (first of month) as its `$1`.
 */
export function stagesInMonthRelation(id: string): string {
  return `(${template(stagesInMonthSql, { stages: quoteIdent(TABLES.stages(id)) })
    .replace(/^--.*\n/gm, '')
    .trim()})`;
}

/**
 * The stage codes a requested stage stands for in the stages that ran: a code of the rule set, or
 * an A–E letter meaning every stage whose analog it is (so "A" finds 'acquired' after a
 * data-service run). null when it names nothing in this rule set.
 */
export function stagesMatching(set: StageSet, wanted: string): string[] | null {
  if (set.stages.includes(wanted)) return [wanted];
  const analogs = set.stages.filter((s) => set.analogOf[s] === (wanted as ClmStage));
  return analogs.length ? analogs : null;
}
