/**
 * The scoring SQL as a script for a warehouse: the statements the features run (built by their own
 * builders from their own SQL files, with the parameters they bind), in order, against one input
 * table of the dataset's typed shape, with every value written in and in the chosen dialect
 * (workers/db/dialect.ts). Scratch tables are temporary; the last statement returns the result.
 * `clm sql --what` prints it; the site's "Export SQL" saves it.
 */
import type { ColumnRole } from '../contract.ts';
import { bindValues, toDialect, type Dialect } from '../db/dialect.ts';
import { all, quoteIdent, template, type SqlConnection } from '../db/sql.ts';
import type { DatasetHandle } from '../engine/engine.ts';
import { RULE_SETS } from '../lifecycle/rules.ts';
import { stagesStatement } from '../lifecycle/stages.ts';
import type { RuleSetId } from '../lifecycle/contract.ts';
import { panelSql } from '../panel/panel.ts';
import transitionsSql from '../lifecycle/sql/transitions.sql?raw';
import rowsSql from '../churn/sql/rows.sql?raw';
import spellsSql from '../panel/sql/first_spells.sql?raw';
import cohortSql from '../churn/sql/cohort_retention.sql?raw';
import type { ScriptRequest, ScriptWhat } from './contract.ts';
import { valueStatements } from './value.ts';
import { campaignStatements } from './campaign.ts';
import { stageSet } from '../lifecycle/rules.ts';

/** One statement of a script: SQL text and the values bound to it. */
interface Statement {
  sql: string;
  params?: readonly unknown[];
}

/** Names in the script: the input table the analyst loads, and the scratch tables. */
const NAMES = {
  panel: 'clm_panel',
  stages: 'clm_stages',
  rows: 'clm_churn_rows',
  spells: 'clm_first_spells',
  windows: 'clm_value_windows',
  history: 'clm_value_history',
  scores: 'clm_value_scores',
  base: 'clm_campaign_base',
  candidates: 'clm_campaign_population'
};
export const DEFAULT_INPUT = 'clm_input';
export const DEFAULT_FUTURE = 'clm_future';

/** The columns the monthly panel reads (workers/panel/panel.ts panelColumns), by role. */
const PANEL_ROLES: readonly ColumnRole[] = [
  'customerId',
  'month',
  'revenue',
  'amount',
  'voiceMinutes',
  'dataMb',
  'sms',
  'vasCount',
  'dataRevenue',
  'arrears',
  'tenure',
  'churn',
  'region'
];

/** The columns the value windows read (workers/value/inputs.ts), by role; extra columns are found by header. */
const VALUE_ROLES: readonly ColumnRole[] = [
  'customerId',
  'month',
  'revenue',
  'cost',
  'discount',
  'voiceMinutes',
  'dataMb',
  'sms',
  'vasCount',
  'arrears',
  'tenure',
  'churn',
  'brand',
  'previousBrand'
];

const TITLES: Record<ScriptWhat, string> = {
  stages: 'lifecycle stages per customer and month',
  transitions: 'month-to-month stage transitions',
  retention: 'cohort retention by join month',
  value: 'customer value scores (Shenzhen Mobile customer value assessment system)',
  campaign: 'campaign target list screened by customer value (Shenzhen Mobile customer value assessment system)'
};

/** A `table` or `schema.table` name, each part quoted. */
const qualified = (name: string) => name.split('.').map(quoteIdent).join('.');

/** The panel and the stage table of the rule set; returns the statements and the header's parameter lines. */
function stageStatements(ds: DatasetHandle, input: string, ruleSet: RuleSetId, given: Record<string, number>) {
  const rule = RULE_SETS[ruleSet];
  const stage = stagesStatement(ruleSet, given, quoteIdent(NAMES.panel), quoteIdent(NAMES.stages));
  const lines = [
    `rule set ${rule.id}: ${rule.label.en} (${rule.source.en})`,
    ...stage.params.map((p) => `${p.key} = ${p.value}  (${rule.params.find((q) => q.key === p.key)?.label.en})`)
  ];
  const statements: Statement[] = [
    { sql: panelSql(ds, quoteIdent(NAMES.panel), input) },
    { sql: stage.sql, params: stage.params.map((p) => p.value) }
  ];
  return { statements, lines, set: stageSet(rule, stage.params) };
}

interface Script {
  statements: Statement[];
  lines: string[];
  /** Which input columns it reads. */
  reads: (c: DatasetHandle['columns'][number]) => boolean;
  scratch: string[];
}

async function statementsOf(conn: SqlConnection, ds: DatasetHandle, input: string, req: ScriptRequest): Promise<Script> {
  if (req.what === 'value' || req.what === 'campaign') {
    const names = { windows: quoteIdent(NAMES.windows), history: quoteIdent(NAMES.history), scores: quoteIdent(NAMES.scores) };
    const v = await valueStatements(conn, ds, input, req.value, { ...names, future: qualified(req.futureTable ?? DEFAULT_FUTURE) });
    const reads = (c: DatasetHandle['columns'][number]) => VALUE_ROLES.includes(c.role) || v.extraColumns.includes(c.header);
    const scratch = [NAMES.windows, NAMES.history, NAMES.scores];
    if (req.what === 'value')
      return {
        statements: [
          ...v.statements,
          { sql: `-- The scores of each customer.\nSELECT * FROM ${names.scores} ORDER BY customer_id /*COLLATE "C"*/` }
        ],
        lines: v.lines,
        reads,
        scratch
      };
    // The list: value scores, stages of the rule set in the evaluation month, then the population and its screening.
    const ruleSet = req.ruleSet ?? 'clm';
    const st = stageStatements(ds, input, ruleSet, req.params ?? {});
    const c = campaignStatements(ds, input, req.campaign, v.month, st.set, {
      ...names,
      stages: quoteIdent(NAMES.stages),
      base: quoteIdent(NAMES.base),
      candidates: quoteIdent(NAMES.candidates)
    });
    return {
      statements: [...v.statements, ...st.statements, ...c.statements],
      lines: [...v.lines, ...st.lines, ...c.lines],
      reads: (col) => reads(col) || PANEL_ROLES.includes(col.role) || ['customerType', 'plan'].includes(col.role),
      scratch: [...scratch, NAMES.panel, NAMES.stages, NAMES.base, NAMES.candidates]
    };
  }
  return { ...panelStatements(ds, input, req), reads: (c) => PANEL_ROLES.includes(c.role) };
}

function panelStatements(ds: DatasetHandle, input: string, req: ScriptRequest): Omit<Script, 'reads'> {
  const [panel, stages, rows, spells] = [NAMES.panel, NAMES.stages, NAMES.rows, NAMES.spells].map(quoteIdent);
  if (req.what === 'retention')
    return {
      statements: [
        { sql: panelSql(ds, panel, input) },
        { sql: template(rowsSql, { rows, panel }) },
        { sql: template(spellsSql, { rows, spells }) },
        { sql: template(cohortSql, { rows, spells }) }
      ],
      lines: ["none: cohorts are each customer's first spell (join month from tenure when the table has it)"],
      scratch: [NAMES.panel, NAMES.rows, NAMES.spells]
    };
  const { statements, lines } = stageStatements(ds, input, req.ruleSet ?? 'clm', req.params ?? {});
  const last =
    req.what === 'transitions'
      ? `${template(transitionsSql, { target: stages }).trimEnd()}\nORDER BY 1, 2`
      : `-- The stage of each customer in each month.\nSELECT customer_id, strftime(month, '%Y-%m') AS month, stage FROM ${stages} ORDER BY customer_id, month`;
  return { statements: [...statements, { sql: last }], lines, scratch: [NAMES.panel, NAMES.stages] };
}

/** The input columns the script reads: name, role and type (in the dialect). */
async function inputColumns(conn: SqlConnection, ds: DatasetHandle, dialect: Dialect, reads: Script['reads']): Promise<string[]> {
  const name = ds.table.slice(1, -1).replaceAll('""', '"');
  const types = new Map(
    (await all(conn, 'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?', [name])).map((r) => [
      String(r.column_name),
      String(r.data_type)
    ])
  );
  return ds.columns
    .filter(reads)
    .map(
      (c) =>
        `--   ${c.name.padEnd(16)} ${toDialect(types.get(c.name) ?? 'VARCHAR', dialect).padEnd(17)} ${c.role} (file column "${c.header}")`
    );
}

/** The script: a header naming input, columns and parameters, then the statements. */
export async function scoringScript(conn: SqlConnection, ds: DatasetHandle, req: ScriptRequest): Promise<string> {
  // schema.table as warehouses name them; each part quoted.
  const input = qualified(req.inputTable ?? DEFAULT_INPUT);
  const { statements, lines, reads, scratch } = await statementsOf(conn, ds, input, req);
  const engine = req.dialect === 'postgres' ? 'PostgreSQL (the workbench tests it on PostgreSQL 15)' : 'DuckDB';
  const header = [
    `-- CLM workbench: ${TITLES[req.what]}, ${engine} dialect.`,
    `-- The SQL the workbench runs, with its parameters written in. Run it as it is, e.g. ${req.dialect === 'postgres' ? 'psql -f this.sql' : 'duckdb db.duckdb < this.sql'}.`,
    `-- Input: a table ${input}, one row per customer and month (or per transaction: rows are summed into their month),`,
    `-- month the first day of its month (a DATE). Columns read (name, type, role):`,
    ...(await inputColumns(conn, ds, req.dialect, reads)),
    `-- Columns of a role the table lacks are left out of the rules, as in the workbench.`,
    `-- Parameters:`,
    ...lines.map((l) => `--   ${l}`),
    `-- Scratch tables and views (temporary): ${scratch.join(', ')}. The last statement returns the result.`
  ];
  const body = statements.map((s) =>
    toDialect(bindValues(s.sql, s.params ?? []), req.dialect)
      .replace(/CREATE OR REPLACE TABLE/g, 'CREATE OR REPLACE TEMP TABLE')
      .trim()
      .replace(/;$/, '')
  );
  return `${header.join('\n')}\n\n${body.map((s) => `${s};\n`).join('\n')}`;
}
