/**
 * Model rows for the churn early warning. Panels: features derived in SQL per customer at a
 * scoring month (sql/panel_features.sql), target = exit within the next H months; holdout by time —
 * test at the last month whose H-month outcome is known (L − H), train H months earlier (L − 2H),
 * so the training labels end where the test features start; the risk list scores month L.
 * Snapshots: the churn column is the target, a seeded random 30% holdout (workers/models/prng.ts),
 * the non-churners are the risk list and the churners the win-back list.
 */
import type { Engine, DatasetHandle } from '../engine/engine.ts';
import { all, quoteIdent, template } from '../db/sql.ts';
import { splitControl } from '../models/index.ts';
import type { ChurnModelOptions, WinBackRow } from './contract.ts';
import type { FeatureSpec } from './design.ts';
import type { ModelSplit } from './model.ts';
import { churnError } from './errors.ts';
import featuresSql from './sql/panel_features.sql?raw';
import winBackSql from './sql/winback_panel.sql?raw';
import monthsSql from './sql/panel_months.sql?raw';
import snapshotSql from './sql/snapshot_rows.sql?raw';
import detailsSql from './sql/winback_details.sql?raw';

type FeatureRow = Record<string, unknown>;

export interface ModelData extends ModelSplit {
  winBack: Omit<WinBackRow, 'arpuTier'>[];
  holdout: 'time' | 'random';
  trainMonth: string | null;
  testMonth: string | null;
  scoreMonth: string | null;
}

/** Derived panel features (sql/panel_features.sql), in the order the UI lists them. */
export const PANEL_FEATURES = [
  'tenure',
  'arpu_3',
  'arpu_trend',
  'voice_trend',
  'data_trend',
  'sms_trend',
  'arrears_3',
  'arrears_6',
  'vas',
  'vas_change'
];

/** The share of snapshot rows held out for testing. */
export const HOLDOUT_SHARE = 0.3;

function specsOf(ds: DatasetHandle, names: readonly string[]): FeatureSpec[] {
  return names.map((name) => {
    if (PANEL_FEATURES.includes(name) && ds.kind === 'panel') return { name, kind: 'number' };
    const col = ds.columns.find((c) => c.name === name);
    if (!col) throw churnError('churn-no-features', `no column ${name}`);
    return { name, kind: col.kind === 'number' ? 'number' : 'category' };
  });
}

export async function panelData(engine: Engine, ds: DatasetHandle, options: ChurnModelOptions, rows: string): Promise<ModelData> {
  const specs = specsOf(ds, options.features);
  if (specs.length === 0) throw churnError('churn-no-features', 'choose at least one feature');
  const h = Math.max(1, Math.round(options.horizon));
  const { l, first } = (await all(engine.conn, template(monthsSql, { rows })))[0];
  const last = Number(l);
  const testM = last - h;
  const trainM = testM - h;
  if (trainM < 0) throw churnError('churn-too-few-months', `needs at least ${2 * h + 1} months for a ${h}-month horizon`);
  const categories = specs.filter((s) => s.kind === 'category' && !PANEL_FEATURES.includes(s.name)).map((s) => quoteIdent(s.name));
  const sql = template(featuresSql, {
    rows,
    categories: categories.map((c) => `, c.${c}`).join(''),
    categoryValues: categories.map((c) => `, any_value(${c}) AS ${c}`).join(''),
    table: ds.table
  });
  const at = (m: number) => all(engine.conn, sql, [m, h]);
  const train = await at(trainM);
  const test = await at(testM);
  const score = (await at(last)).map((r) => ({ ...r, arpu: r.arpu_3 }));
  const winBack = await withDetails(
    engine,
    ds,
    (await all(engine.conn, template(winBackSql, { rows }))).map((r) => ({
      customerId: String(r.customer_id),
      lastArpu: typeof r.last_arpu === 'number' ? r.last_arpu : null,
      tenure: typeof r.tenure === 'number' ? r.tenure : null,
      churnMonth: String(r.churn_month)
    }))
  );
  const monthOf = (m: number) => {
    const d = new Date(String(first));
    d.setUTCMonth(d.getUTCMonth() + m);
    return d.toISOString().slice(0, 10);
  };
  return {
    train,
    trainY: train.map((r) => (r.target ? 1 : 0)),
    test,
    testY: test.map((r) => (r.target ? 1 : 0)),
    score,
    specs,
    winBack,
    holdout: 'time',
    trainMonth: monthOf(trainM),
    testMonth: monthOf(testM),
    scoreMonth: monthOf(last)
  };
}

type Leaver = Omit<WinBackRow, 'arpuTier' | 'churnReason' | 'contact'>;

/** The leavers with their churn reason and contact (winback_details.sql), null where the file has no such column. */
async function withDetails(engine: Engine, ds: DatasetHandle, leavers: Leaver[]): Promise<ModelData['winBack']> {
  if (!ds.has('churnReason') && !ds.has('contact')) return leavers.map((l) => ({ ...l, churnReason: null, contact: null }));
  const col = (role: 'churnReason' | 'contact', name: string) => (ds.has(role) ? quoteIdent(name) : 'CAST(NULL AS VARCHAR)');
  const sql = template(detailsSql, {
    table: ds.table,
    order: ds.has('month') ? 'month' : '_row',
    reason: col('churnReason', 'churn_reason'),
    contact: col('contact', 'contact')
  });
  const details = new Map((await all(engine.conn, sql)).map((r) => [String(r.customer_id), r]));
  const text = (v: unknown) => (v == null ? null : String(v));
  return leavers.map((l) => ({
    ...l,
    churnReason: text(details.get(l.customerId)?.churn_reason),
    contact: text(details.get(l.customerId)?.contact)
  }));
}

/** Which rows are the seeded random holdout (30%): the control arm of the same seeded shuffle as a campaign's. */
export function randomHoldout(n: number, seed: number): boolean[] {
  const isTest = new Array<boolean>(n).fill(false);
  for (const i of splitControl(
    Array.from({ length: n }, (_, i) => i),
    HOLDOUT_SHARE,
    seed
  ).control)
    isTest[i] = true;
  return isTest;
}

export async function snapshotData(engine: Engine, ds: DatasetHandle, options: ChurnModelOptions): Promise<ModelData> {
  const specs = specsOf(ds, options.features);
  if (specs.length === 0) throw churnError('churn-no-features', 'choose at least one feature');
  const rows = await all(
    engine.conn,
    template(snapshotSql, {
      table: ds.table,
      tenure: ds.has('tenure') ? 'tenure' : 'NULL',
      revenue: ds.has('revenue') ? 'revenue' : 'NULL',
      columns: specs.map((s) => `, ${quoteIdent(s.name)}`).join('')
    })
  );
  const isTest = randomHoldout(rows.length, options.seed);
  const train = rows.filter((_, i) => !isTest[i]);
  const test = rows.filter((_, i) => isTest[i]);
  const label = (r: FeatureRow) => (r.churn === true ? 1 : 0);
  return {
    train,
    trainY: train.map(label),
    test,
    testY: test.map(label),
    score: rows.filter((r) => r.churn !== true).map((r) => ({ ...r, arpu: r.revenue })),
    specs,
    winBack: await withDetails(
      engine,
      ds,
      rows
        .filter((r) => r.churn === true)
        .map((r) => ({
          customerId: String(r.customer_id),
          lastArpu: typeof r.revenue === 'number' ? r.revenue : null,
          tenure: typeof r.tenure === 'number' ? r.tenure : null,
          churnMonth: null
        }))
        .sort((a, b) => (b.lastArpu ?? -Infinity) - (a.lastArpu ?? -Infinity))
    ),
    holdout: 'random',
    trainMonth: null,
    testMonth: null,
    scoreMonth: null
  };
}
