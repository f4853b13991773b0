/**
 * The Customer value tab's scores as warehouse statements: the customer windows and histories from
 * the tab's own SQL (workers/value/sql/), then the four values, the composite and the value tier
 * (sql/value_scores.sql) with the tab's parameters written in. The future value is the one part
 * that is a model fit (a least-squares regression per value group, workers/value/future.ts), so the
 * script reads it from a table: the `future` column of the per-customer CSV `clm value` writes.
 */
import { DEFAULT_VALUE_PARAMS, type ValueComponent } from '../../common/valueParams.ts';
import { literal } from '../db/dialect.ts';
import { all, template, type SqlConnection } from '../db/sql.ts';
import type { DatasetHandle } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import type { ValueParams } from '../value/contract.ts';
import { valueInputs, type FoundColumn, type ValueInputs } from '../value/inputs.ts';
import { checkParams } from '../value/params.ts';
import windowSql from '../value/sql/customer_window.sql?raw';
import historySql from '../value/sql/historical_value.sql?raw';
import monthsSql from '../value/sql/months.sql?raw';
import scoresSql from './sql/value_scores.sql?raw';

export interface ValueNames {
  windows: string;
  history: string;
  scores: string;
  /** The table of future values (`"customerId"`, `future`), quoted. */
  future: string;
}

/** The seed's yuan per unit of in-group share and per secondary number (workers/value/influence.ts). */
const YUAN_PER_UNIT = 5;

/** Influence value (workers/value/influence.ts influenceParts) over the window table's columns `d.<alias>`. */
function influenceSql(inputs: ValueInputs, windows: string): string {
  const num = (c: FoundColumn | null) => (c ? `d.${c.alias}` : null);
  // A share column with a value above 1 is a percentage (influence.ts shareScale), over all customers.
  const scaled = (c: FoundColumn | null) =>
    c ? `(d.${c.alias} * (CASE WHEN (SELECT max(${c.alias}) FROM ${windows}) > 1 THEN CAST(0.01 AS DOUBLE) ELSE 1 END))` : null;
  const orZero = (e: string | null) => (e ? `coalesce(${e}, 0)` : '0');
  const it = orZero(num(inputs.influence.groupKeyContact));
  const share = orZero(scaled(inputs.influence.groupMember));
  const secondaries = orZero(num(inputs.influence.family));
  const flag = (c: FoundColumn | null, otherwise: string) => (c ? `d.${c.alias}` : otherwise);
  const keyContact = flag(inputs.roles.keyContact, `${it} > 0`);
  const member = `NOT (${keyContact}) AND ${flag(inputs.roles.groupMember, `${share} > 0`)}`;
  const main = flag(inputs.roles.familyMain, `${secondaries} > 0`);
  const radiation = ['0', ...inputs.radiation.map((c) => orZero(num(c)))].join(' + ');
  return [
    '0',
    `(CASE WHEN ${keyContact} THEN ${it} ELSE 0 END)`,
    `(CASE WHEN ${member} THEN ${share} * ${YUAN_PER_UNIT} ELSE 0 END)`,
    `(CASE WHEN ${main} THEN ${secondaries} * ${YUAN_PER_UNIT} ELSE 0 END)`,
    `${orZero(scaled(inputs.influence.willingness))} * (d.spend3 / 3)`,
    `(${radiation})`
  ].join('\n           + ');
}

/** The percentile rank points 0–100 of a component (models percentileRanks: ties share their mean rank). */
const rankPoints = (k: ValueComponent) =>
  `(100 * (CASE WHEN n > 1 THEN CAST(2 * (r_${k} - 1) + t_${k} - 1 AS DOUBLE) / 2 / (n - 1) ELSE 1 END))`;

/** The evaluation month and the elasticity base lag as the assessment takes them (assess.ts). */
async function evaluationMonth(conn: SqlConnection, ds: DatasetHandle, p: ValueParams): Promise<{ month: string; baseLag: number }> {
  const months = (await all(conn, template(monthsSql, { table: ds.table }))).map((r) => String(r.month));
  const month = p.evaluationMonth ?? months[months.length - 1];
  const e = months.indexOf(month);
  if (e < 0) throw engineError('value-bad-params', `No data in the evaluation month ${month}.`);
  const baseLag = p.elasticityBase == null ? 3 : e - months.indexOf(p.elasticityBase);
  return { month, baseLag: baseLag >= 3 ? baseLag : 3 };
}

/** The value statements and the header's parameter lines; `input` is the quoted input table. */
export async function valueStatements(
  conn: SqlConnection,
  ds: DatasetHandle,
  input: string,
  given: Partial<ValueParams> | undefined,
  names: ValueNames
) {
  if (!ds.has('customerId') || !ds.has('month')) throw engineError('value-needs-panel', 'Customer value needs a customer × month panel.');
  if (!ds.has('revenue')) throw engineError('value-needs-revenue', 'Customer value needs a revenue column.');
  const p: ValueParams = { ...DEFAULT_VALUE_PARAMS, ...given };
  checkParams(p);
  const { month, baseLag } = await evaluationMonth(conn, ds, p);
  const inputs = valueInputs(ds);
  const parts = { ...inputs.parts, table: input };
  const q = literal(p.decay);
  const wholeYears = p.decay === 1 ? '12 * hist_years' : `(12 * (1 - pow(${q}, hist_years))) / (1 - ${q})`;
  const historical =
    p.historyBasis === 'seed' ? 'd.a * d.decayed_months' : 'd.obs_value + d.a * greatest(0, d.decayed_months - d.obs_weight)';
  const basis = p.compositeBasis;
  const w = (k: ValueComponent) => literal(p.weights[k]);
  const points = (k: ValueComponent) => (basis === 'rank' ? rankPoints(k) : `b_${k}`);
  const scores = template(scoresSql, {
    windows: names.windows,
    history: names.history,
    scores: names.scores,
    q,
    wholeYears,
    historical,
    future: 'coalesce(CAST(f.future AS DOUBLE), 0)',
    futureJoin: `LEFT JOIN ${names.future} f ON CAST(f."customerId" AS VARCHAR) = CAST(d.customer_id AS VARCHAR)`,
    influence: influenceSql(inputs, names.windows),
    // the monthly basis: history over its decayed months, 3-month values over 3 (composite.ts onBasis)
    onBasis: basis === 'monthly' ? 'CASE WHEN hist_months > 0 THEN historical / decayed_months ELSE 0 END' : 'historical',
    onBasisCurrent: basis === 'monthly' ? 'current_value / 3' : 'current_value',
    onBasisFuture: basis === 'monthly' ? 'future / 3' : 'future',
    weightHistorical: w('historical'),
    weightCurrent: w('current'),
    weightFuture: w('future'),
    weightInfluence: w('influence'),
    pointsHistorical: points('historical'),
    pointsCurrent: points('current'),
    pointsFuture: points('future'),
    pointsInfluence: points('influence'),
    highShare: literal(p.valueTierShares[0]),
    mediumShare: literal(p.valueTierShares[1])
  });
  const statements = [
    { sql: `CREATE OR REPLACE TABLE ${names.windows} AS\n${template(windowSql, parts)}`, params: [`${month}-01`, baseLag] },
    { sql: `CREATE OR REPLACE TABLE ${names.history} AS\n${template(historySql, parts)}`, params: [`${month}-01`, p.decay] },
    { sql: scores }
  ];
  const lines = [
    `evaluation month = ${month}${p.evaluationMonth == null ? ' (the last month of the data the script was exported from; edit the dates to move it)' : ''}`,
    `decay Q = ${p.decay}  (historical value: a month y whole years back counts Q^y)`,
    `historical value basis = ${p.historyBasis}`,
    `composite basis = ${basis}${basis === 'rank' ? ' (percentile rank points 0–100, ties sharing their mean rank)' : ''}`,
    `weights: historical ${p.weights.historical}, current ${p.weights.current}, future ${p.weights.future}, influence ${p.weights.influence}`,
    `value tiers: top ${p.valueTierShares[0]} of customers by composite high, up to ${p.valueTierShares[1]} medium, the rest low`,
    `future value: read from the table ${names.future} (columns "customerId", future): the per-customer CSV of`,
    `  clm value <files> --settings <the same settings> --out value.csv, loaded as that table. It is a least-squares`,
    `  regression per value group (${p.groups} groups), fitted by the workbench's model code, not SQL; a customer missing there counts 0.`
  ];
  return { statements, lines, month, extraColumns: found(inputs) };
}

/** The headers of the extra columns the value SQL reads (influence parts, role flags, markers). */
function found(inputs: ValueInputs): string[] {
  return [
    ...Object.values(inputs.influence),
    ...inputs.radiation,
    ...Object.values(inputs.roles),
    ...Object.values(inputs.markers)
  ].flatMap((c) => (c ? [c.header] : []));
}
