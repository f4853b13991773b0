/**
 * The exported scoring SQL on a real PostgreSQL gives the site's numbers. The sample panel (the
 * one the site loads, 2,000 customers × 24 months) is loaded by the site's engine (DuckDB-WASM in
 * Node), its typed table copied into PostgreSQL as `clm_input` (COPY of the same rows), and the
 * PostgreSQL script of each analysis (workers/export/) run there with psql; its result must equal,
 * row for row, what the feature API computes on DuckDB: the stage of every customer in every month
 * (so the stage counts per month) for every rule set, the transitions and the cohort retention;
 * and the same for a transaction log (the CDNOW sample) through its monthly panel. (The telco file
 * is a snapshot without months: none of these analyses applies to it.)
 * No skip: when PostgreSQL cannot be started the test fails (.ci/run installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { samplePanelBlob } from '../../workers/engine/sample.ts';
import { nodeEngine } from '../sql/engine.ts';
import { all, quoteIdent } from '../../workers/db/sql.ts';
import { toDialect } from '../../workers/db/dialect.ts';
import type { DatasetHandle, Engine } from '../../workers/engine/engine.ts';
import { TABLES } from '../../workers/engine/tables.ts';
import { lifecycleApi } from '../../workers/lifecycle/api.ts';
import { churnApi } from '../../workers/churn/api.ts';
import { exportApi } from '../../workers/export/api.ts';
import { RULE_SETS } from '../../workers/lifecycle/rules.ts';
import type { RuleSetId } from '../../workers/lifecycle/contract.ts';
import type { ScriptRequest } from '../../workers/export/contract.ts';
import { parseCsvText } from '../cli/csvRows.ts';
import { expectMembers, expectScores, members, siteList, siteScores } from '../sql/valueScores.ts';
import { segmentsApi } from '../../workers/segments/api.ts';
import { DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS, type CampaignParams } from '../../common/segmentParams.ts';
import type { ValueParams } from '../../workers/value/contract.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import { startPostgres, type PgServer } from './server.ts';

const CDNOW = path.resolve(__dirname, '../../../shared/data/cdnow/CDNOW_sample.txt');
let pg: PgServer;
let engine: Engine;
let ds: DatasetHandle;
const SAMPLE = { customers: 2000, months: 24, seed: 1, lang: 'en' } as const;

/** The dataset's typed table as `table` in PostgreSQL: the same rows, through CSV and COPY. */
async function copyToPostgres(d: DatasetHandle, table = 'clm_input'): Promise<void> {
  const name = d.table.slice(1, -1);
  const types = await all(
    engine.conn,
    'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position',
    [name]
  );
  const cols = types.map((t) => quoteIdent(String(t.column_name)));
  const rows = await all(engine.conn, `SELECT ${cols.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')} FROM ${d.table}`);
  const cell = (v: unknown) => (v == null ? '' : `"${String(v).replaceAll('"', '""')}"`);
  const csv = [
    types.map((t) => t.column_name).join(','),
    ...rows.map((r) => types.map((t) => cell(r[String(t.column_name)])).join(','))
  ].join('\n');
  const file = path.join(pg.dir, `${table}.csv`);
  await writeFile(file, csv + '\n');
  const ddl = types.map((t) => `${quoteIdent(String(t.column_name))} ${toDialect(String(t.data_type), 'postgres')}`).join(', ');
  await pg.runSql(
    `DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (${ddl});\n\\copy ${table} FROM '${file}' WITH (FORMAT csv, HEADER true)\n`
  );
  expect((await pg.runSql(`SELECT count(*) AS n FROM ${table}`)).trim().split('\n')[1]).toBe(String(rows.length));
}

/** The script for PostgreSQL, run there: its last statement's rows (header first). */
async function onPostgres(request: Omit<ScriptRequest, 'dialect'>, d = ds): Promise<string[][]> {
  const script = await exportApi(() => engine).exportSql(d.id, { ...request, dialect: 'postgres' });
  const file = path.join(pg.dir, `${request.what}.sql`);
  await writeFile(file, script);
  return parseCsvText(await pg.runFile(file)).filter((r) => r.length > 1 || r[0] !== '');
}

/** The tab's value assessment, and its per-customer CSV loaded into PostgreSQL as the future-value table, every column as text (as an analyst loads it). */
async function assessWithFuture(params: ValueParams) {
  const site = await siteScores(engine, ds.id, params);
  const file = path.join(pg.dir, 'value.csv');
  await writeFile(
    file,
    [site.csv.head, ...site.csv.cells].map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n') + '\n'
  );
  const ddl = site.csv.head.map((h) => `${quoteIdent(h)} TEXT`).join(', ');
  await pg.runSql(
    `DROP TABLE IF EXISTS clm_future; CREATE TABLE clm_future (${ddl});\n\\copy clm_future FROM '${file}' WITH (FORMAT csv, HEADER true)\n`
  );
  return site;
}

beforeAll(async () => {
  pg = await startPostgres();
  engine = await nodeEngine();
  const summary = await engine.loadSample(SAMPLE);
  ds = engine.dataset(summary.id);
  await copyToPostgres(ds);
}, 60_000);

afterAll(async () => {
  await pg?.stop();
});

describe('the exported PostgreSQL script on PostgreSQL', () => {
  it('starts its own server (as a non-root user when run as root)', () => {
    expect(Number(pg.version.split('.')[0])).toBeGreaterThanOrEqual(12);
    if (process.getuid?.() === 0) expect(pg.user).not.toBe('root');
  });

  for (const ruleSet of Object.keys(RULE_SETS) as RuleSetId[]) {
    it(`gives every customer's stage in every month as DuckDB does: rule set ${ruleSet}`, async () => {
      // Parameters away from the defaults, so that binding them is tested too.
      const params = Object.fromEntries(RULE_SETS[ruleSet].params.map((p) => [p.key, Math.min(p.max, p.value + p.step)]));
      await lifecycleApi(() => engine).computeLifecycle(ds.id, { ruleSet, params });
      const duck = await all(
        engine.conn,
        `SELECT customer_id, strftime(month, '%Y-%m') AS month, stage FROM ${quoteIdent(TABLES.stages(ds.id))} ORDER BY customer_id, month`
      );
      const [head, ...rows] = await onPostgres({ what: 'stages', ruleSet, params });
      expect(head).toEqual(['customer_id', 'month', 'stage']);
      expect(rows.length).toBe(duck.length);
      expect(new Set(rows.map((r) => r[2])).size).toBeGreaterThanOrEqual(3);
      expect(rows).toEqual(duck.map((r) => [String(r.customer_id), String(r.month), String(r.stage)]));
    });
  }

  it('gives the transitions and the stage counts per month the Lifecycle tab shows', async () => {
    const r = await lifecycleApi(() => engine).computeLifecycle(ds.id, { ruleSet: 'clm', params: {} });
    const [head, ...rows] = await onPostgres({ what: 'transitions', ruleSet: 'clm', params: {} });
    expect(head).toEqual(['from_stage', 'to_stage', 'customers']);
    const expected = r.stages.flatMap((from, i) =>
      r.stages.flatMap((to, j) => (r.transitions[i][j] ? [[from, to, String(r.transitions[i][j])]] : []))
    );
    expect(rows).toEqual(expected);
    const [, ...stages] = await onPostgres({ what: 'stages', ruleSet: 'clm', params: {} });
    const counts = r.stages.map((st) => r.months.map((m) => stages.filter((s) => s[1] === m && s[2] === st).length));
    expect(counts).toEqual(r.distribution);
  });

  it('gives the cohort retention of the Retention tab', async () => {
    const c = await churnApi(() => engine).cohortRetention(ds.id);
    const [head, ...rows] = await onPostgres({ what: 'retention' });
    expect(head).toEqual(['join_m', 'cohort', 'k', 'active', 'size']);
    expect(c.cohorts.length).toBeGreaterThan(10);
    const expected = c.cohorts.flatMap((cohort, i) =>
      c.active[i].flatMap((a, k) => (a == null ? [] : [[cohort, String(k), String(a), String(c.sizes[i])]]))
    );
    expect(rows.map((r) => r.slice(1))).toEqual(expected);
  });

  it.each([
    ['the defaults (percentile ranks)', {}],
    [
      'observed history on the monthly basis, decay 0.8, an earlier month',
      { historyBasis: 'observed', compositeBasis: 'monthly', decay: 0.8, evaluationMonth: '2024-09' }
    ]
  ] as const)('gives the value scores of the Customer value tab: %s', async (_, given) => {
    const params = { ...DEFAULT_VALUE_PARAMS, ...given };
    const site = await assessWithFuture(params);
    const [head, ...rows] = await onPostgres({ what: 'value', value: params });
    expect(head).toEqual([
      'customer_id',
      'historical',
      'history_months',
      'current_value',
      'future',
      'influence',
      'composite',
      'value_tier'
    ]);
    expect(rows.length).toBeGreaterThan(1000);
    expectScores(
      rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]]))),
      site.rows
    );
  });

  it('gives the campaign list members of the tab: the screened target population', async () => {
    await lifecycleApi(() => engine).computeLifecycle(ds.id, { ruleSet: 'clm', params: {} });
    await assessWithFuture(DEFAULT_VALUE_PARAMS);
    await segmentsApi(() => engine).segmentOverview(ds.id, DEFAULT_SEGMENT_PARAMS);
    for (const given of [{}, { arpuMin: 30, stage: 'C', valueTier: 'medium', dropBottom: 0.1 }] as Partial<CampaignParams>[]) {
      const p = { ...DEFAULT_CAMPAIGN, ...given, controlShare: 0 };
      const site = await siteList(engine, ds.id, p);
      expect(site.rows.length).toBeGreaterThan(50);
      const [head, ...rows] = await onPostgres({ what: 'campaign', campaign: p });
      expect(head.slice(0, 6)).toEqual(['rank', 'customer_id', 'arpu', 'value', 'tier', 'stage']);
      expectMembers(members(rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])))), site);
    }
    // The holdout design: the tab's two arms together are the script's members.
    const both = await siteList(engine, ds.id, { ...DEFAULT_CAMPAIGN, design: 'holdout', controlShare: 0.2 }, 'both');
    const [, ...rows] = await onPostgres({ what: 'campaign', campaign: { design: 'holdout', controlShare: 0.2 } });
    expect(rows.map((r) => r[1]).sort()).toEqual(both.rows.map((r) => r[0]).sort());
  });

  it('gives the stages and cohorts of a transaction log (CDNOW) as its monthly panel', async () => {
    const { openAsBlob } = await import('node:fs');
    const log = await engine.ingestFile(await openAsBlob(CDNOW), 'CDNOW_sample.txt');
    const panel = engine.dataset((await engine.deriveMonthlyPanel(log.id)).id);
    await copyToPostgres(panel, 'cdnow_panel');
    await lifecycleApi(() => engine).computeLifecycle(panel.id, { ruleSet: 'clm', params: {} });
    const duck = await all(
      engine.conn,
      `SELECT customer_id, strftime(month, '%Y-%m') AS month, stage FROM ${quoteIdent(TABLES.stages(panel.id))} ORDER BY customer_id, month`
    );
    const [, ...rows] = await onPostgres({ what: 'stages', inputTable: 'cdnow_panel' }, panel);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows).toEqual(duck.map((r) => [String(r.customer_id), String(r.month), String(r.stage)]));
    const c = await churnApi(() => engine).cohortRetention(panel.id);
    const [, ...cells] = await onPostgres({ what: 'retention', inputTable: 'cdnow_panel' }, panel);
    expect(cells.map((r) => [r[1], Number(r[3]), Number(r[4])])).toEqual(
      c.cohorts.flatMap((cohort, i) => c.active[i].flatMap((a) => (a == null ? [] : [[cohort, a, c.sizes[i]]])))
    );
  });

  it('runs the script `clm sql --dialect postgres` prints for the sample file', async () => {
    const file = path.join(pg.dir, 'sample-panel.csv');
    await writeFile(file, new Uint8Array(await (await samplePanelBlob(SAMPLE, () => {})).arrayBuffer()));
    const bin = path.resolve(__dirname, '../../cli/bin/clm.mjs');
    const run = spawnSync(process.execPath, [bin, 'sql', file, '--what', 'stages', '--dialect', 'postgres', '--quiet', '--threads', '2'], {
      encoding: 'utf8',
      timeout: 60_000
    });
    expect(run.stderr).toBe('');
    const script = path.join(pg.dir, 'clm-stages.sql');
    await writeFile(script, run.stdout);
    await lifecycleApi(() => engine).computeLifecycle(ds.id, { ruleSet: 'clm', params: {} });
    const duck = await all(
      engine.conn,
      `SELECT customer_id, strftime(month, '%Y-%m') AS month, stage FROM ${quoteIdent(TABLES.stages(ds.id))} ORDER BY customer_id, month`
    );
    const [, ...rows] = parseCsvText(await pg.runFile(script)).filter((r) => r.length > 1);
    expect(rows).toEqual(duck.map((r) => [String(r.customer_id), String(r.month), String(r.stage)]));
  });
});
