#!/usr/bin/env node
// Ingest benchmark: a generated operator panel loaded (1) in the built site in Chromium, through the
// real UI and engine worker, and (2) by native DuckDB (@duckdb/node-api) running the very same SQL
// statements (recorded from the engine), in the same run. Prints rows/s and the ratio.
//
//   node bench/ingest.mjs [--rows 1000000] [--big 5000000] [--skip-big]
//
// Needs `npm run build` first. Files go to bench/out/ (git-ignored).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSite } from './site.mjs';
import { DuckDBInstance } from '@duckdb/node-api';
import { recordIngestSql } from './recordSql.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
fs.mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const arg = (n, d) => (args.includes(n) ? Number(args[args.indexOf(n) + 1]) : d);
const ROWS = arg('--rows', 1_000_000);
const BIG = arg('--big', 5_000_000);
const MONTHS = 24;

/** Generates a panel of about `rows` rows (the generator yields ~17.5 rows per customer over 24 months). */
function generate(rows) {
  const file = path.join(out, `panel-${rows}.csv`);
  if (!fs.existsSync(file)) {
    const customers = Math.round(rows / 17.53);
    execFileSync('npx', ['tsx', 'scripts/generate.ts', '--customers', String(customers), '--months', String(MONTHS), '--seed', '1', '--out', file], { cwd: root, stdio: 'inherit' });
  }
  return file;
}

async function native(file, statements, threads) {
  const inst = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const c = await inst.connect();
  const valuesSql = fs.readFileSync(path.join(root, 'workers/ingest/sql/values.sql'), 'utf8');
  await c.run(valuesSql);
  const t0 = performance.now();
  for (const sql of statements) await c.run(sql.replaceAll("'file_1'", `'${file.replaceAll("'", "''")}'`));
  const seconds = (performance.now() - t0) / 1000;
  const loaded = Number((await c.runAndReadAll('SELECT count(*) FROM ds_1')).getRows()[0][0]);
  const t1 = performance.now();
  await c.run(`CREATE TABLE plain AS SELECT * FROM read_csv('${file}')`);
  const plainSeconds = (performance.now() - t1) / 1000;
  c.closeSync?.();
  return { seconds, loaded, plainSeconds };
}

async function browserLoad(file, port) {
  return withSite({ port }, async (browser) => {
    const page = await browser.newPage();
    // Long tasks on the main thread (> 50 ms) while the file loads: the page must never freeze.
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`http://127.0.0.1:${port}/?lang=en`);
    await page.locator('main[aria-busy="false"]').waitFor({ timeout: 120_000 });
    await page.evaluate(() => (window.__longTasks = []));
    const t0 = performance.now();
    await page.getByLabel('Choose files').setInputFiles(file);
    const done = page.getByTestId('load-seconds').or(page.getByTestId('error'));
    await done.waitFor({ timeout: 600_000 });
    await page.locator('main[aria-busy="false"]').waitFor({ timeout: 600_000 });
    const wall = (performance.now() - t0) / 1000;
    const error = await page.getByTestId('error').count() ? await page.getByTestId('error').getAttribute('data-code') : null;
    const engineSeconds = error ? null : Number(await page.getByTestId('load-seconds').getAttribute('data-seconds'));
    const timings = error ? [] : JSON.parse(await page.getByTestId('load-seconds').getAttribute('data-timings'));
    const loaded = error ? null : Number((await page.getByTestId('loaded').textContent()).replaceAll(',', ''));
    const alive = await page.evaluate(() => 1 + 1) === 2;
    const longTasks = await page.evaluate(() => window.__longTasks);
    return { wall, engineSeconds, loaded, error, alive, timings, longTasks };
  });
}

const mb = (f) => fs.statSync(f).size / 1e6;
const fmt = (n) => Math.round(n).toLocaleString('en-US');

const file = generate(ROWS);
const small = generate(20_000);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
const { statements } = await recordIngestSql(small);
const rows = Number(execFileSync('wc', ['-l', file]).toString().trim().split(' ')[0]) - 1;
console.log(`panel: ${fmt(rows)} rows, ${mb(file).toFixed(0)} MB`);

const n1 = await native(file, statements, 1);
const n2 = await native(file, statements, os.cpus().length);
const b = await browserLoad(file, 4290);
if (b.loaded !== rows) console.log(`WARNING: browser loaded ${b.loaded} of ${rows} rows`);
if (n1.loaded !== rows) console.log(`WARNING: native loaded ${n1.loaded} of ${rows} rows`);
console.log(`native DuckDB, same SQL, 1 thread:   ${n1.seconds.toFixed(2)} s  ${fmt(rows / n1.seconds)} rows/s`);
console.log(`native DuckDB, same SQL, ${os.cpus().length} threads:  ${n2.seconds.toFixed(2)} s  ${fmt(rows / n2.seconds)} rows/s`);
console.log(`native DuckDB, plain read_csv (auto types), ${os.cpus().length} threads: ${n2.plainSeconds.toFixed(2)} s`);
console.log(`browser (engine time):  ${b.engineSeconds?.toFixed(2)} s  ${fmt(rows / b.engineSeconds)} rows/s`);
console.log(`browser (wall, pick file → idle): ${b.wall.toFixed(2)} s; phases: ${b.timings.map((t) => `${t.phase} ${t.seconds.toFixed(2)} s`).join(', ')}`);
console.log(`main-thread long tasks during the load: ${b.longTasks.length}, longest ${Math.max(0, ...b.longTasks).toFixed(0)} ms`);
console.log(`ratio browser/native-1-thread rows/s: ${(n1.seconds / b.engineSeconds).toFixed(2)} (goal ≥ 0.33)`);
console.log(`ratio browser/native-all-threads rows/s: ${(n2.seconds / b.engineSeconds).toFixed(2)}`);

if (!args.includes('--skip-big')) {
  const bigFile = generate(BIG);
  const big = await browserLoad(bigFile, 4292);
  console.log(`big panel: long tasks ${big.longTasks.length}, longest ${Math.max(0, ...big.longTasks).toFixed(0)} ms`);
  console.log(`big panel ${mb(bigFile).toFixed(0)} MB: ${big.error ? `clear error '${big.error}'` : `loaded ${fmt(big.loaded)} rows in ${big.engineSeconds.toFixed(1)} s (${fmt(big.loaded / big.engineSeconds)} rows/s)`}; tab alive: ${big.alive}`);
}
