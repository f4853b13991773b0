#!/usr/bin/env node
// Lifecycle benchmark: on a ~1,000,000-row generated panel, the lifecycle SQL (monthly base, default
// A–E stages, transitions, join-month cohort retention) timed (1) in the built site in Chromium, via
// the Lifecycle tab's "Time the benchmark queries" (engine worker, DuckDB-WASM), and (2) the very same
// SQL files in native DuckDB (@duckdb/node-api) on a typed table built from the same CSV.
//
//   node bench/lifecycle.mjs [--build build-lifecycle] [--port 4200]
//
// Needs a build first (BUILD_DIR=build-lifecycle KIT_OUT_DIR=.svelte-kit-lifecycle npx vite build).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSite } from './site.mjs';
import { DuckDBInstance } from '@duckdb/node-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
fs.mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const BUILD = opt('--build', 'build-lifecycle');
const PORT = Number(opt('--port', 4200));
const sqlFile = (name, dir = 'workers/lifecycle/sql') => fs.readFileSync(path.join(root, dir, name), 'utf8');
/** The same `${name}` substitution as workers/db/sql.ts template(). */
const template = (sql, parts) => sql.replace(/\$\{(\w+)\}/g, (_, k) => {
  if (!(k in parts)) throw new Error(`no value for ${k}`);
  return String(parts[k]);
});

const file = path.join(out, 'panel.csv');
if (!fs.existsSync(file)) {
  execFileSync('npx', ['tsx', 'scripts/generate.ts', '--customers', '57100', '--months', '24', '--seed', '1', '--out', file], { cwd: root, stdio: 'inherit' });
}

/** Native DuckDB: typed table with the canonical names (workers/engine/typed.ts), then the identical SQL. */
async function native(threads) {
  const inst = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const c = await inst.connect();
  const names = ['customer_id', 'month_text', 'region', 'customer_type', 'industry', 'plan', 'revenue', 'voice_minutes', 'data_mb', 'sms',
    'vas_count', 'arrears', 'tenure', 'churn_flag', 'cost', 'discount'];
  await c.run(`CREATE TABLE ds AS SELECT customer_id, strptime(month_text, '%Y%m')::DATE AS month, region, revenue::DOUBLE AS revenue,
    voice_minutes::DOUBLE AS voice_minutes, data_mb::DOUBLE AS data_mb, sms::DOUBLE AS sms, vas_count::DOUBLE AS vas_count,
    arrears::DOUBLE AS arrears, tenure::DOUBLE AS tenure, churn_flag = 1 AS churn
    FROM read_csv('${file.replaceAll("'", "''")}', header = true, names = [${names.map((n) => `'${n}'`).join(', ')}],
      types = {'month_text': 'VARCHAR', 'customer_id': 'VARCHAR'})`);
  const base = template(sqlFile('customer_months.sql', 'workers/panel/sql'), {
    panel: 'lifecycle_base', table: 'ds', revenue: '"revenue"',
    usage: 'coalesce("voice_minutes", 0) + coalesce("data_mb", 0) + coalesce("sms", 0)', voice: '"voice_minutes"',
    data_mb: '"data_mb"', sms: '"sms"', vas_count: '"vas_count"', arrears: '"arrears"', tenure: '"tenure"', churn: '"churn"', region: '"region"'
  });
  const t0 = performance.now();
  await c.run(base);
  const t1 = performance.now();
  await c.run(template(sqlFile('stages_clm.sql'), { base: 'lifecycle_base', target: 'lifecycle_1' }), [3, 3, 3, 0.15, 0.15]);
  const t2 = performance.now();
  await c.runAndReadAll(template(sqlFile('transitions.sql'), { target: 'lifecycle_1' }));
  const t3 = performance.now();
  await c.runAndReadAll(template(sqlFile('cohort_retention.sql'), { base: 'lifecycle_base' }));
  const t4 = performance.now();
  const rows = Number((await c.runAndReadAll('SELECT count(*) FROM lifecycle_1')).getRows()[0][0]);
  const s = (a, b) => (b - a) / 1000;
  return { rows, seconds: { base: s(t0, t1), stages: s(t1, t2), transitions: s(t2, t3), cohortRetention: s(t3, t4), total: s(t0, t4) } };
}

async function browserRun() {
  return withSite({ port: PORT, build: BUILD }, async (browser) => {
    const page = await browser.newPage();
    const idle = () => page.locator('main[aria-busy="false"]').waitFor({ timeout: 900_000 });
    await page.goto(`http://127.0.0.1:${PORT}/?lang=en`);
    await idle();
    await page.getByLabel('Choose files').setInputFiles(file);
    await page.getByRole('heading', { level: 2, name: 'panel.csv' }).waitFor({ timeout: 900_000 });
    await idle();
    await page.getByRole('link', { name: 'Lifecycle' }).click();
    await page.getByTestId('lifecycle-distribution').waitFor({ timeout: 900_000 });
    await idle();
    const view = Number(await page.getByTestId('lifecycle-seconds').getAttribute('data-seconds'));
    await page.getByText('Timing', { exact: true }).click();
    await page.getByRole('button', { name: 'Time the benchmark queries' }).click();
    const b = page.getByTestId('lifecycle-bench');
    await b.waitFor({ timeout: 900_000 });
    const n = async (k) => Number(await b.getAttribute(`data-${k}`));
    return {
      view, rows: await n('rows'),
      seconds: { base: await n('base'), stages: await n('stages'), transitions: await n('transitions'), cohortRetention: await n('cohort'), total: await n('total') }
    };
  });
}

const f2 = (x) => x.toFixed(2).padStart(6);
const line = (name, r) => `${name.padEnd(28)} base ${f2(r.seconds.base)}  stages ${f2(r.seconds.stages)}  transitions ${f2(r.seconds.transitions)}  cohort ${f2(r.seconds.cohortRetention)}  total ${f2(r.seconds.total)} s`;
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, node ${process.version}`);
const n1 = await native(1);
const nAll = await native(os.cpus().length);
const b = await browserRun();
console.log(`panel: ${n1.rows.toLocaleString('en-US')} rows (native), ${b.rows.toLocaleString('en-US')} (browser)`);
console.log(line('native DuckDB, 1 thread', n1));
console.log(line(`native DuckDB, ${os.cpus().length} threads`, nAll));
console.log(line('browser (DuckDB-WASM worker)', b));
console.log(`browser: whole Lifecycle view (stages + all views) ${b.view.toFixed(2)} s`);
console.log(`ratio browser / native 1 thread: ${(b.seconds.total / n1.seconds.total).toFixed(2)}× (goal ≤ 3×)`);
console.log(`ratio browser / native ${os.cpus().length} threads: ${(b.seconds.total / nAll.seconds.total).toFixed(2)}×`);
