#!/usr/bin/env node
// Ingest benchmark. For each generated operator panel, in one Chromium and one run, alternating:
//   app    the built site: the file chosen in Data, until its quality report and overview show
//          (the engine's own seconds, row accounting and report included, and the wall time);
//   plain  plain DuckDB-WASM, same build, in a module worker: CREATE TABLE t AS SELECT * FROM
//          read_csv(file) on the same file — the physical reference;
//   native @duckdb/node-api, the same read_csv, one thread and all threads.
// The load average is printed beside every figure (the machine is shared). Also: a Parquet file of
// the same data against its CSV, and (--ceiling) the largest panel each can hold.
//
//   npm run build && node bench/ingest.mjs [--sizes 1000000,5000000,10000000] [--reps N]
//     [--parquet 5000000] [--ceiling 11000000,12000000] [--port 4290]
//
// Panels and the reference page go to bench/out/ (git-ignored).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sirv from 'sirv';
import { build } from 'vite';
import { DuckDBInstance } from '@duckdb/node-api';
import { load, opt as arg, out, root } from './lib.mjs';
import { withSite } from './site.mjs';

const list = (s) => (s ? String(s).split(',').filter(Boolean).map(Number) : []);
const SIZES = list(arg('--sizes', '1000000,5000000,10000000'));
const REPS = arg('--reps', null);
const PARQUET = Number(arg('--parquet', 5_000_000));
const CEILING = list(arg('--ceiling', ''));
const PORT = Number(arg('--port', 4290));
const MONTHS = 24;

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const s2 = (x) => (x == null ? '—' : `${x.toFixed(2)} s`);
const median = (xs) => {
  const v = xs.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};

/** A panel of about `rows` rows (~17.53 rows per customer over 24 months); returns file and exact rows. */
function panel(rows) {
  const file = path.join(out, `panel-${rows}.csv`);
  const meta = `${file}.json`;
  if (!fs.existsSync(meta) || JSON.parse(fs.readFileSync(meta, 'utf8')).bytes !== fs.statSync(file, { throwIfNoEntry: false })?.size) {
    const report = execFileSync(
      'npx',
      [
        'tsx',
        'scripts/generate.ts',
        '--customers',
        String(Math.round(rows / 17.53)),
        '--months',
        String(MONTHS),
        '--seed',
        '1',
        '--out',
        file
      ],
      { cwd: root, encoding: 'utf8' }
    );
    const number = (label) => Number(report.match(new RegExp(`${label}\\s+([\\d,]+)`))[1].replaceAll(',', ''));
    fs.writeFileSync(meta, JSON.stringify({ rows: number('rows'), bytes: number('bytes') }));
  }
  return { file, ...JSON.parse(fs.readFileSync(meta, 'utf8')) };
}

/** The same data as Parquet (written by native DuckDB, its default row groups and compression). */
async function parquetOf(csv) {
  const file = csv.replace(/\.csv$/, '.parquet');
  if (!fs.existsSync(file)) {
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${file}' (FORMAT parquet)`);
  }
  return file;
}

async function native(file, threads) {
  const inst = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const c = await inst.connect();
  const t0 = performance.now();
  await c.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
  const seconds = (performance.now() - t0) / 1000;
  c.closeSync?.();
  return seconds;
}

/** bench/out/plain: a page and the reference worker (bench/plain-worker.js) with the eh wasm beside it. */
async function plainPage() {
  const dir = path.join(out, 'plain');
  await build({
    configFile: false,
    logLevel: 'error',
    root,
    resolve: { alias: { '$duckdb-blocking': path.join(root, 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs') } },
    build: {
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: path.join(root, 'bench/plain-worker.js'), formats: ['es'], fileName: () => 'plain-worker.js' }
    }
  });
  fs.copyFileSync(path.join(root, 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), path.join(dir, 'duckdb-eh.wasm'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>plain DuckDB-WASM</title>
<input id="file" type="file"><script type="module">
document.getElementById('file').onchange = (e) => {
  const w = new Worker('./plain-worker.js', { type: 'module' });
  w.onmessage = (m) => { window.__result = m.data; w.terminate(); };
  w.onerror = (m) => { window.__result = { error: String(m.message) }; };
  w.postMessage({ file: e.target.files[0] });
};</script>`
  );
  return dir;
}

async function plainLoad(browser, port, file) {
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/index.html`);
    const avg = load();
    await page.locator('#file').setInputFiles(file);
    await page.waitForFunction(() => window.__result, null, { timeout: 1_800_000, polling: 500 });
    return { ...(await page.evaluate(() => window.__result)), load: avg };
  } finally {
    await page.close();
  }
}

async function appLoad(browser, port, file) {
  const page = await browser.newPage();
  try {
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`http://127.0.0.1:${port}/?lang=en`);
    await page.locator('main[aria-busy="false"]').waitFor({ timeout: 120_000 });
    await page.evaluate(() => (window.__longTasks = []));
    const avg = load();
    const t0 = performance.now();
    await page.locator('input[type="file"][multiple]').setInputFiles(file);
    await page.getByTestId('load-seconds').or(page.getByTestId('error')).waitFor({ timeout: 1_800_000 });
    await page.locator('main[aria-busy="false"]').waitFor({ timeout: 1_800_000 });
    const wall = (performance.now() - t0) / 1000;
    if (await page.getByTestId('error').count())
      return { error: await page.getByTestId('error').getAttribute('data-code'), wall, load: avg };
    const seconds = Number(await page.getByTestId('load-seconds').getAttribute('data-seconds'));
    const timings = JSON.parse(await page.getByTestId('load-seconds').getAttribute('data-timings'));
    const rows = Number((await page.getByTestId('loaded').textContent()).replaceAll(',', ''));
    const longest = Math.max(0, ...(await page.evaluate(() => window.__longTasks)));
    return { seconds, wall, rows, timings, longest, load: avg };
  } finally {
    await page.close();
  }
}

/** A static server for the reference page, closed with the run. */
function serve(dir, port) {
  const files = sirv(dir, { dev: true });
  const server = http.createServer((req, res) => files(req, res, () => res.writeHead(404).end()));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const describe = (r) => (r.error ? `failed: ${r.error}` : `${s2(r.seconds)}`);

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${load()}`
);
const plainDir = await plainPage();
const server = await serve(plainDir, PORT + 2);
try {
  await withSite({ port: PORT }, async (browser) => {
    const lines = [];
    for (const size of SIZES) {
      const p = panel(size);
      const reps = Number(REPS ?? (size <= 1_000_000 ? 3 : 1));
      const runs = { plain: [], app: [], n1: [], nAll: [] };
      for (let k = 0; k < reps; k++) {
        // Alternate which goes first, so a change in the machine's load hits both alike.
        const order = k % 2 ? ['app', 'plain'] : ['plain', 'app'];
        for (const which of order)
          runs[which].push(which === 'app' ? await appLoad(browser, PORT, p.file) : await plainLoad(browser, PORT + 2, p.file));
        runs.n1.push({ seconds: await native(p.file, 1), load: load() });
        runs.nAll.push({ seconds: await native(p.file, os.cpus().length), load: load() });
      }
      for (let k = 0; k < reps; k++) {
        const a = runs.app[k];
        console.log(
          `${fmt(p.rows)} rows, run ${k + 1}: app ${describe(a)} (wall ${s2(a.wall)}, load ${a.load})${a.timings ? ` [${a.timings.map((t) => `${t.phase} ${t.seconds.toFixed(2)}`).join(', ')}]` : ''}, longest main-thread task ${a.longest ?? '—'} ms; plain DuckDB-WASM ${describe(runs.plain[k])} (load ${runs.plain[k].load}); native 1 thread ${s2(runs.n1[k].seconds)}, ${os.cpus().length} threads ${s2(runs.nAll[k].seconds)} (load ${runs.nAll[k].load})`
        );
        if (a.rows != null && a.rows !== p.rows) console.log(`  WARNING: the app loaded ${fmt(a.rows)} of ${fmt(p.rows)} rows`);
      }
      const app = median(runs.app.map((r) => r.seconds ?? null));
      const plain = median(runs.plain.map((r) => r.seconds ?? null));
      lines.push(
        `${fmt(p.rows)} rows (${(p.bytes / 1e6).toFixed(0)} MB): app ${s2(app)} · plain DuckDB-WASM read_csv ${s2(plain)} · app/plain ${app && plain ? (app / plain).toFixed(2) + '×' : '—'} · native read_csv 1 thread ${s2(median(runs.n1.map((r) => r.seconds)))}, ${os.cpus().length} threads ${s2(median(runs.nAll.map((r) => r.seconds)))} (medians of ${reps}; load ${runs.app.map((r) => r.load.split(' ')[0]).join('/')})`
      );
    }
    if (PARQUET) {
      const p = panel(PARQUET);
      const pq = await parquetOf(p.file);
      // Alternating, as for the CSV sizes; the medians are compared.
      const runs = { csv: [], parquet: [] };
      for (let k = 0; k < Number(arg('--parquet-reps', 2)); k++) {
        for (const which of k % 2 ? ['parquet', 'csv'] : ['csv', 'parquet'])
          runs[which].push(await appLoad(browser, PORT, which === 'csv' ? p.file : pq));
      }
      const mid = (rs) => rs.find((r) => r.seconds === median(rs.map((x) => x.seconds ?? null))) ?? rs[0];
      for (let k = 0; k < runs.csv.length; k++)
        console.log(
          `Parquet run ${k + 1}: parquet ${describe(runs.parquet[k])} (load ${runs.parquet[k].load}), CSV ${describe(runs.csv[k])} (load ${runs.csv[k].load})`
        );
      const csv = mid(runs.csv);
      const parquet = mid(runs.parquet);
      const phases = (r) => (r.timings ? ` [${r.timings.map((t) => `${t.phase} ${t.seconds.toFixed(2)}`).join(', ')}]` : '');
      lines.push(
        `Parquet ${fmt(p.rows)} rows (${(fs.statSync(pq).size / 1e6).toFixed(0)} MB): app ${describe(parquet)}${phases(parquet)} (load ${parquet.load}) vs the same data as CSV ${describe(csv)}${phases(csv)} (load ${csv.load}): Parquet/CSV ${parquet.seconds && csv.seconds ? (parquet.seconds / csv.seconds).toFixed(2) + '×' : '—'}; longest main-thread task ${parquet.longest ?? '—'} ms`
      );
    }
    if (CEILING.length) {
      const last = { app: null, plain: null };
      for (const size of CEILING) {
        const p = panel(size);
        const plain = await plainLoad(browser, PORT + 2, p.file);
        const app = await appLoad(browser, PORT, p.file);
        console.log(`ceiling ${fmt(p.rows)} rows: plain ${describe(plain)} (load ${plain.load}); app ${describe(app)} (load ${app.load})`);
        if (!plain.error) last.plain = p.rows;
        if (!app.error) last.app = p.rows;
      }
      lines.push(
        `largest panel loaded: app ${last.app ? fmt(last.app) : '—'} rows, plain DuckDB-WASM ${last.plain ? fmt(last.plain) : '—'} rows (of ${CEILING.map(fmt).join(', ')})`
      );
    }
    console.log('\nSummary');
    for (const l of lines) console.log(`  ${l}`);
  });
} finally {
  server.close();
}
