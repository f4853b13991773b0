#!/usr/bin/env node
// Model benchmark (issue 5): fit time and memory of BG/NBD and Gamma–Gamma on the CDNOW sample
// (2,357 customers), CDNOW master (23,570) and 500,000 customers simulated from the master's fitted
// parameters, (1) in Node on the TypeScript models (workers/models) and (2) in the built site, in the
// engine worker, through the Lifetime value tab's "Fit models" (which also fits Pareto/NBD and builds
// the diagnostics: its time is the whole fit, reported by the tab as data-seconds).
//
//   node --import tsx bench/models.mjs [--build build-gen] [--port 4251] [--customers 500000] [--no-browser] [--browser-timeout 240]
//
// Needs a build for the browser part (BUILD_DIR=build-gen KIT_OUT_DIR=.svelte-kit-gen npx vite build).
// Split as in Fader, Hardie & Lee (2005): weekly, calibration to 1997-09-30, holdout to 1998-06-30.
// The simulation: first purchases uniform over 1997-01-01…03-31 (the CDNOW cohort), λ ~ Gamma(r, α)
// per week, dropout p ~ Beta(a, b) after each repeat purchase (BG/NBD), mean spend ν ~ Gamma(q, γ) and
// each amount ~ Gamma(p, ν) (Gamma–Gamma), with the seeded sfc32 stream of workers/models/prng.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitBgNbd, fitGammaGamma, fitParetoNbd, rfmSummary } from '../workers/models/index.ts';
import { Rng } from '../workers/models/prng.ts';
import { fitModels } from '../workers/ltv/fit.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
fs.mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const BUILD = opt('--build', 'build-gen');
const PORT = Number(opt('--port', 4251));
const SIM_CUSTOMERS = Number(opt('--customers', 500000));
/** Per browser step (load, fit); a stalled step is reported as not measured. */
const BROWSER_TIMEOUT = Number(opt('--browser-timeout', 240)) * 1000;
const SPLIT = { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' };
const cdnow = (f) => path.join(root, '../shared/data/cdnow', f);
const MB = (b) => (b / 2 ** 20).toFixed(0);

/** CDNOW text files: whitespace-separated; the sample has no header and an extra id column. */
function readCdnow(file) {
  const tx = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d{8}$/.test(f[f.length - 3])) continue;
    const d = f[f.length - 3];
    tx.push({ customerId: f[0], date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, amount: Number(f[f.length - 1]) });
  }
  return tx;
}

/** Marsaglia & Tsang (2000) Gamma(shape, rate) from the seeded stream (shape < 1 by boosting). */
function gamma(rng, shape, rate) {
  if (shape < 1) return gamma(rng, shape + 1, rate) * Math.pow(rng.uniform() || 1e-300, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(rng.uniform() || 1e-300) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Simulated transactions written as CSV (customer_id,date,amount); returns them for the Node fit. */
function simulate(n, bg, gg, file) {
  const rng = new Rng(20260501);
  const day0 = Date.UTC(1997, 0, 1) / 864e5;
  const end = Date.UTC(1998, 5, 30) / 864e5;
  const iso = (d) => new Date(d * 864e5).toISOString().slice(0, 10);
  const tx = [];
  const lines = ['customer_id,date,amount'];
  for (let i = 0; i < n; i++) {
    const id = `S${String(i + 1).padStart(6, '0')}`;
    const lambda = gamma(rng, bg.r, bg.alpha); // purchases per week
    const x = gamma(rng, bg.a, 1);
    const p = x / (x + gamma(rng, bg.b, 1));
    const nu = gamma(rng, gg.q, gg.v);
    let t = day0 + Math.floor(rng.uniform() * 90);
    for (let k = 0; t <= end; k++) {
      const amount = Math.max(0.01, Math.round(gamma(rng, gg.p, nu) * 100) / 100);
      tx.push({ customerId: id, date: iso(Math.floor(t)), amount });
      lines.push(`${id},${iso(Math.floor(t))},${amount.toFixed(2)}`);
      if (k > 0 && rng.uniform() < p) break; // BG/NBD: may drop out after each repeat purchase
      t += (-Math.log(1 - rng.uniform()) / lambda) * 7;
    }
    if (lines.length > 200000) fs.appendFileSync(file, lines.splice(0).join('\n') + '\n');
  }
  fs.appendFileSync(file, lines.join('\n') + '\n');
  return tx;
}

function nodeFit(name, tx) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const rows = rfmSummary(tx, SPLIT);
  const t1 = performance.now();
  const bg = fitBgNbd(rows);
  const t2 = performance.now();
  const gg = fitGammaGamma(rows);
  const t3 = performance.now();
  const after = process.memoryUsage();
  fitParetoNbd(rows);
  const paretoNbd = (performance.now() - t3) / 1000;
  // What the LTV tab fits (BG/NBD, Pareto/NBD, Gamma–Gamma), for comparison with the browser's whole fit.
  fitModels(rows);
  const tab = (performance.now() - t3) / 1000 - paretoNbd;
  const r = { name, customers: rows.length, transactions: tx.length, rfm: (t1 - t0) / 1000, bgNbd: (t2 - t1) / 1000, gammaGamma: (t3 - t2) / 1000,
    tab, heapMB: MB(after.heapUsed), heapDeltaMB: MB(after.heapUsed - before.heapUsed), rssMB: MB(after.rss), bg: bg.params, gg: gg.params };
  console.log(`node  ${name.padEnd(16)} ${String(r.customers).padStart(7)} customers  RFM ${r.rfm.toFixed(2)} s  BG/NBD ${r.bgNbd.toFixed(2)} s  ` +
    `Gamma–Gamma ${r.gammaGamma.toFixed(2)} s  Pareto/NBD ${paretoNbd.toFixed(2)} s  (LTV tab's 3 models ${tab.toFixed(2)} s)  heap ${r.heapMB} MB (+${r.heapDeltaMB})  rss ${r.rssMB} MB`);
  console.log(`      BG/NBD r=${bg.params.r.toFixed(3)} α=${bg.params.alpha.toFixed(3)} a=${bg.params.a.toFixed(3)} b=${bg.params.b.toFixed(3)}; ` +
    `Gamma–Gamma p=${gg.params.p.toFixed(3)} q=${gg.params.q.toFixed(3)} γ=${gg.params.v.toFixed(3)}`);
  return r;
}

async function browserFits(files) {
  const { withSite } = await import('./site.mjs');
  return withSite({ port: PORT, build: BUILD, extraArgs: ['--enable-precise-memory-info'] }, async (browser) => {
    for (const file of files) {
      const page = await browser.newPage();
      try {
        const idle = () => page.locator('main[aria-busy="false"]').waitFor({ timeout: BROWSER_TIMEOUT });
        await page.goto(`http://127.0.0.1:${PORT}/?lang=en`);
        await idle();
        const t0 = performance.now();
        await page.getByLabel('Choose files').setInputFiles(file);
        await page.getByRole('heading', { level: 2, name: path.basename(file) }).waitFor({ timeout: BROWSER_TIMEOUT });
        await idle();
        const load = (performance.now() - t0) / 1000;
        await page.getByRole('link', { name: 'Lifetime value' }).click();
        await page.getByLabel('Time unit').selectOption('week');
        await page.getByLabel('Calibration end').fill(SPLIT.calibrationEnd);
        await page.getByLabel('Observation end').fill(SPLIT.observationEnd);
        const t1 = performance.now();
        await page.getByRole('button', { name: 'Fit models' }).click();
        const s = page.getByTestId('ltv-fit-seconds');
        // A failed fit shows an error, not the status: wait for either (waiting for the status alone
        // turned the 500k run's error into an 8-minute "stall").
        const failed = page.getByTestId('ltv-error');
        await s.or(failed).first().waitFor({ timeout: BROWSER_TIMEOUT });
        if (await failed.count()) throw new Error(`the tab shows an error after ${((performance.now() - t1) / 1000).toFixed(1)} s: ${await failed.textContent()}`);
        await idle();
        const wall = (performance.now() - t1) / 1000;
        const fit = Number(await s.getAttribute('data-seconds'));
        const customers = await s.getAttribute('data-customers');
        // JS heap of the engine worker (Chromium's non-standard performance.memory; DuckDB's WASM memory is not in it).
        const heaps = await Promise.all(page.workers().map((w) => w.evaluate(() => performance.memory?.usedJSHeapSize ?? null).catch(() => null)));
        const workerHeap = heaps.filter((h) => h != null);
        const mainHeap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
        console.log(`browser ${path.basename(file).padEnd(22)} ${String(customers).padStart(7)} customers  load ${load.toFixed(2)} s  ` +
          `whole LTV fit (worker) ${fit.toFixed(2)} s  click→table ${wall.toFixed(2)} s  ` +
          `worker JS heap ${workerHeap.length ? workerHeap.map(MB).join('/') + ' MB' : 'not measurable'}  page heap ${mainHeap == null ? '–' : MB(mainHeap) + ' MB'}`);
      } catch (error) {
        // A step that fails or times out is reported with a screenshot instead of stopping the bench.
        const shot = path.join(out, `models-${path.basename(file)}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
        console.log(`browser ${path.basename(file)}: not measured (${String(error.message).split('\n')[0]}); screenshot ${path.relative(root, shot)}`);
      }
      await page.close();
    }
  });
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, node ${process.version}; split ${JSON.stringify(SPLIT)}`);
const sample = nodeFit('CDNOW sample', readCdnow(cdnow('CDNOW_sample.txt')));
const master = nodeFit('CDNOW master', readCdnow(cdnow('CDNOW_master.txt')));
const simFile = path.join(out, `cdnow-sim-${SIM_CUSTOMERS}.csv`);
fs.rmSync(simFile, { force: true });
const ts = performance.now();
const simTx = simulate(SIM_CUSTOMERS, master.bg, master.gg, simFile);
console.log(`simulated ${SIM_CUSTOMERS.toLocaleString('en-US')} customers, ${simTx.length.toLocaleString('en-US')} transactions in ${((performance.now() - ts) / 1000).toFixed(1)} s → ${path.relative(root, simFile)} (${MB(fs.statSync(simFile).size)} MB)`);
nodeFit(`simulated ${SIM_CUSTOMERS / 1000}k`, simTx);
simTx.length = 0;
if (!args.includes('--no-browser')) await browserFits([cdnow('CDNOW_sample.txt'), cdnow('CDNOW_master.txt'), simFile]);
