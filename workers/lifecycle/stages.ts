/**
 * The stage engine: runs a rule set's SQL on the dataset's monthly panel (workers/panel/) with bound
 * parameters, writing the dataset's stage table (customer_id, month, stage) through
 * the registry (workers/engine/tables.ts), which records the rule set for other tabs. Changing a
 * parameter reruns only the rule on the loaded typed table, never the ingest.
 */
import type { DatasetHandle } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { monthCount, TABLES, writeStages } from '../engine/tables.ts';
import { all, quoteIdent, template, type SqlConnection } from '../db/sql.ts';
import type { LifecycleNote, RuleSetId } from './contract.ts';
import { RULE_SETS, resolveParams, stageSet } from './rules.ts';

/** Checks that the dataset can carry stages; throws a translated-code error when not. */
export async function checkPanel(conn: SqlConnection, ds: DatasetHandle, ruleSet: RuleSetId): Promise<void> {
  if (!ds.has('customerId') || !ds.has('month'))
    throw engineError('lifecycle-not-a-panel', 'Lifecycle stages need a customer column and a month column.');
  const hasRevenue = ds.has('revenue') || ds.has('amount');
  const need = RULE_SETS[ruleSet].needs;
  const ok =
    need === 'revenue'
      ? hasRevenue
      : need === 'revenue-or-data'
        ? hasRevenue || ds.has('dataMb') || ds.has('sms') || ds.has('vasCount')
        : hasRevenue || ds.has('voiceMinutes') || ds.has('dataMb') || ds.has('sms');
  if (!ok)
    throw engineError(
      'lifecycle-no-revenue',
      `The rule set "${ruleSet}" needs a revenue column${need === 'revenue' ? '' : ' or a usage column'}.`
    );
  const months = await monthCount(conn, ds);
  if (months < 2) throw engineError('lifecycle-one-month', 'Lifecycle stages need at least two months of data.');
}

/** What the data lacks that the rules would use (shown beside the result). */
export function notesFor(ds: DatasetHandle, ruleSet: RuleSetId): LifecycleNote[] {
  const notes: LifecycleNote[] = [];
  if (!ds.has('tenure')) notes.push('no-tenure');
  if (!ds.has('churn')) notes.push('no-churn-flag');
  if (!ds.has('voiceMinutes') && !ds.has('dataMb') && !ds.has('sms')) notes.push('no-usage');
  if (ruleSet === 'dataService' && !ds.has('dataMb') && !ds.has('sms') && !ds.has('vasCount')) notes.push('no-data-usage');
  if (!ds.has('region')) notes.push('no-region');
  return notes;
}

/**
 * A rule set's statement writing `target` from the panel `base`, with its parameters checked and in
 * the order the SQL binds them (the run and the exported script, workers/export/, share it).
 */
export function stagesStatement(
  ruleSet: RuleSetId,
  given: Record<string, number>,
  base: string,
  target: string
): { sql: string; params: { key: string; value: number }[] } {
  const rule = RULE_SETS[ruleSet];
  if (!rule) throw engineError('lifecycle-bad-parameter', `Unknown rule set ${ruleSet}.`);
  const params = resolveParams(rule, given);
  if ('bad' in params) throw engineError('lifecycle-bad-parameter', `Parameter ${params.bad} is out of range.`, params.bad);
  return { sql: template(rule.sql, { base, target }), params };
}

/** Runs one rule set into the stage table; returns the SQL text that ran and the bound values. */
export async function runStages(
  conn: SqlConnection,
  datasetId: string,
  ruleSet: RuleSetId,
  given: Record<string, number>
): Promise<{ sql: string; params: { key: string; value: number }[]; table: string }> {
  const rule = RULE_SETS[ruleSet];
  const base = quoteIdent(TABLES.panel(datasetId));
  const { params } = stagesStatement(ruleSet, given, base, '');
  let ran = { sql: '', table: '' };
  await writeStages(conn, datasetId, stageSet(rule, params), async (table) => {
    ran = { sql: stagesStatement(ruleSet, given, base, table).sql, table };
    await all(
      conn,
      ran.sql,
      params.map((p) => p.value)
    );
  });
  return { ...ran, params };
}
