/**
 * `clm sql` as an analyst runs it: the warehouse script of an analysis with the settings file's
 * parameters written in (its run on PostgreSQL: tests/pg/), and clear usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { samplePanelBlob } from '../../workers/engine/sample.ts';

const BIN = path.resolve(__dirname, '../../cli/bin/clm.mjs');
const clm = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
let dir: string;
let panel: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clm-sql-'));
  panel = path.join(dir, 'panel.csv');
  await writeFile(
    panel,
    new Uint8Array(await (await samplePanelBlob({ customers: 120, months: 8, seed: 5, lang: 'en' }, () => {})).arrayBuffer())
  );
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('clm sql', () => {
  it('writes the PostgreSQL script with the settings’ rule set and parameters, naming the input table', async () => {
    const settings = path.join(dir, 'clm-settings.json');
    await writeFile(settings, JSON.stringify({ lifecycle: { ruleSet: 'dataService', params: { w_window: 4, up: 0.3 } } }));
    const out = path.join(dir, 'transitions.sql');
    const run = clm([
      'sql',
      panel,
      '--what',
      'transitions',
      '--dialect',
      'postgres',
      '--settings',
      settings,
      '--input-table',
      'ods.subscriber_month',
      '--out',
      out,
      '--threads',
      '2'
    ]);
    expect(run.stderr).toContain('rule set dataService');
    expect(run.status).toBe(0);
    const sql = await readFile(out, 'utf8');
    expect(sql).toMatch(/^-- CLM workbench: month-to-month stage transitions, PostgreSQL/);
    expect(sql).toContain('-- Input: a table "ods"."subscriber_month"');
    expect(sql).toMatch(/w_window = 4 .*\n.*up = 0\.3 /);
    expect(sql).toContain('FROM "ods"."subscriber_month"');
    expect(sql).toContain('CREATE TEMP TABLE "clm_stages"');
  });

  it('writes the value script with the settings’ value parameters and the future-value table named', async () => {
    const settings = path.join(dir, 'value-settings.json');
    await writeFile(settings, JSON.stringify({ value: { params: { decay: 0.8, compositeBasis: 'monthly' } } }));
    const run = clm([
      'sql',
      panel,
      '--what',
      'value',
      '--dialect',
      'postgres',
      '--settings',
      settings,
      '--future-table',
      'ods.future',
      '--threads',
      '2'
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^-- CLM workbench: customer value scores/);
    expect(run.stdout).toContain('decay Q = 0.8');
    expect(run.stdout).toContain('composite basis = monthly');
    expect(run.stdout).toContain('LEFT JOIN "ods"."future" f');
    expect(run.stdout).toContain('CREATE TEMP TABLE "clm_value_scores"');
  });

  it('writes the campaign script with the settings’ list, value and rule set, and refuses a model-read filter', async () => {
    const settings = path.join(dir, 'campaign-settings.json');
    await writeFile(
      settings,
      JSON.stringify({ campaign: { arpuMin: 25, stage: 'C', dropBottom: 0.1 }, value: { params: { decay: 0.7 } } })
    );
    const run = clm(['sql', panel, '--what', 'campaign', '--dialect', 'postgres', '--settings', settings, '--threads', '2']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^-- CLM workbench: campaign target list/);
    expect(run.stdout).toContain('decay Q = 0.7');
    expect(run.stdout).toMatch(/ARPU from 25 to –; stage C \(\w+/);
    expect(run.stdout).toContain('bottom 0.1 of the assessed');
    const churn = path.join(dir, 'churn-settings.json');
    await writeFile(churn, JSON.stringify({ campaign: { minChurnRisk: 0.4 } }));
    const refused = clm(['sql', panel, '--what', 'campaign', '--settings', churn, '--threads', '2']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('churn-risk floor');
  });

  it('writes the DuckDB script by default, and refuses an unknown dialect or analysis', () => {
    const duck = clm(['sql', panel, '--what', 'retention', '--quiet', '--threads', '2']);
    expect(duck.status).toBe(0);
    expect(duck.stdout).toMatch(/^-- CLM workbench: cohort retention by join month, DuckDB dialect/);
    expect(duck.stdout).toContain('CREATE OR REPLACE TEMP TABLE "clm_first_spells"');
    const dialect = clm(['sql', panel, '--what', 'stages', '--dialect', 'oracle']);
    expect([dialect.status, dialect.stderr]).toEqual([2, 'clm: error: Unknown dialect oracle; dialects: duckdb, postgres.\n']);
    const what = clm(['sql', panel, '--what', 'km']);
    expect(what.status).toBe(2);
    expect(what.stderr).toContain('--what takes stages, transitions, retention, value, campaign, not km');
    const recorded = clm(['sql', 'lifecycle', panel, '--dialect', 'postgres']);
    expect(recorded.status).toBe(2);
    expect(recorded.stderr).toContain('give --what');
  });
});
