#!/usr/bin/env node
// Lifecycle benchmark (issue 19, "Lifecycle") on the 1,000,897-row generated panel (57,100 customers
// × 24 months):
//
// 1. Node, DuckDB-WASM (the engine and SQL the worker runs, loaded through Vite): the default A–E
//    rule against the rule it replaced (tests/oracle/, kept verbatim), row for row at several
//    parameter sets: rows that differ, and whether each one is a floating-point accident of the old
//    rule (a sum that should be 0, a ratio on its threshold) where the new stage is the exact one.
//    Then both rules timed, alternating, beside a plain scan of the same panel.
// 2. The built site in Chromium: the file loaded through the UI, the Lifecycle tab opened, then a
//    parameter edited several times: click → redrawn view (stages + distribution + funnel +
//    transitions), and the engine's own timing ("Time the benchmark queries"): stages, views, and
//    the physical reference, a plain DuckDB-WASM scan of the panel writing a table of the stage
//    table's shape, in the same worker and run.
// Every figure is printed with the load average: the machine is shared.
//
//   npm run build && node bench/lifecycle.mjs [--build build] [--port 4290] [--repeat 5] [--no-browser]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';
import { flag, load, median, opt, out, root } from './lib.mjs';
import { withSite } from './site.mjs';

const BUILD = opt('--build', 'build');
const PORT = Number(opt('--port', 4290));
const REPEAT = Number(opt('--repeat', 5));
const f2 = (x) => x.toFixed(2);

/** The trend decision in exact integers (cents; thresholds in basis points). */
function exactTrend(r, q, v) {
  if (q <= 0) return r > 0 ? 'B' : 'D';
  if (r * 10000 >= (10000 + Math.round(v.up * 10000)) * q) return 'B';
  if (r * 10000 <= (10000 - Math.round(v.down * 10000)) * q) return 'D';
  return 'C';
}

const file = path.join(out, 'panel.csv');
if (!fs.existsSync(file)) {
  execFileSync('npx', ['tsx', 'scripts/generate.ts', '--customers', '57100', '--months', '24', '--seed', '1', '--out', file], {
    cwd: root,
    stdio: 'inherit'
  });
}
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, node ${process.version}; load ${load()}`);

/** Part 1: the rules side by side in Node's DuckDB-WASM. */
async function nodeRun() {
  const server = await createServer({
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false }
  });
  try {
    const mod = (p) => server.ssrLoadModule(p);
    const { openNodeDb } = await mod('/workers/db/node.ts');
    const { Engine } = await mod('/workers/engine/engine.ts');
    const { all, template } = await mod('/workers/db/sql.ts');
    const { ensurePanel } = await mod('/workers/panel/panel.ts');
    const { RULE_SETS, resolveParams } = await mod('/workers/lifecycle/rules.ts');
    const { ORACLE_PARAMS, oracleSql } = await mod('/tests/oracle/stages.ts');
    const { db, conn } = await openNodeDb();
    const engine = await Engine.open(conn, {
      register: async (name, blob) => db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer())),
      drop: () => {}
    });
    let t = performance.now();
    const summary = await engine.ingestFile(new Blob([fs.readFileSync(file)]), 'panel.csv');
    const base = await ensurePanel(engine, engine.dataset(summary.id));
    console.log(
      `\nNode, DuckDB-WASM: panel loaded (${summary.quality.loaded.toLocaleString('en-US')} rows) and ordered in ${f2((performance.now() - t) / 1000)} s`
    );

    const newRule = async (p) =>
      all(
        conn,
        template(RULE_SETS.clm.sql, { base, target: 'fast' }),
        p.map((x) => x.value)
      );
    const oldRule = async (p, diagnostic = false) => {
      let sql = oracleSql('clm', base, 'old');
      if (diagnostic) sql = sql.replace('SELECT t.customer_id, t.month,', 'SELECT t.customer_id, t.month, t.recent_sum, t.previous_sum,');
      const v = Object.fromEntries(p.map((x) => [x.key, x.value]));
      return all(
        conn,
        sql,
        ORACLE_PARAMS.clm.map((k) => v[k])
      );
    };
    const scan = () =>
      all(
        conn,
        `CREATE OR REPLACE TEMP TABLE scan AS SELECT customer_id, month, CASE WHEN revenue > 0 THEN 'C' ELSE 'E' END AS stage FROM ${base}`
      );

    console.log('Row for row against the old rule (tests/oracle):');
    for (const given of [
      {},
      { k_inactive: 12 },
      { w_window: 1, up: 0.1 },
      { n_acquisition: 1, k_inactive: 6, w_window: 6, up: 0.1, down: 0.3 }
    ]) {
      const p = resolveParams(RULE_SETS.clm, given);
      await newRule(p);
      await oldRule(p, true);
      const v = Object.fromEntries(p.map((x) => [x.key, x.value]));
      const rows = Number((await all(conn, 'SELECT count(*) AS n FROM fast'))[0].n);
      const both = Number((await all(conn, 'SELECT count(*) AS n FROM old JOIN fast USING (customer_id, month)'))[0].n);
      const differ = await all(
        conn,
        'SELECT o.stage AS old, f.stage AS new, o.recent_sum, o.previous_sum FROM old o JOIN fast f USING (customer_id, month) WHERE o.stage <> f.stage'
      );
      // A float accident: a sum that should be 0, or a ratio on a threshold; and the new stage is the
      // decision in exact cents (the panel's revenue has two decimals).
      const accidents = differ.filter((d) => {
        const r = Number(d.recent_sum);
        const q = Number(d.previous_sum);
        const accident =
          Math.abs(r) < 1e-6 || Math.abs(q) < 1e-6 || Math.abs(r / q - (1 + v.up)) < 1e-9 || Math.abs(r / q - (1 - v.down)) < 1e-9;
        return accident && d.new === exactTrend(Math.round(r * 100), Math.round(q * 100), v);
      });
      const moves = [...differ.reduce((m, d) => m.set(`${d.old}→${d.new}`, (m.get(`${d.old}→${d.new}`) ?? 0) + 1), new Map())]
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
      console.log(
        `  ${JSON.stringify(given).padEnd(70)} ${rows.toLocaleString('en-US')} rows (${both.toLocaleString('en-US')} in both), ` +
          `${differ.length} differ${differ.length ? ` (${moves}), of which ${accidents.length} float accidents of the old rule, the new stage exact` : ''}`
      );
    }

    const defaults = resolveParams(RULE_SETS.clm, {});
    const times = { old: [], new: [], scan: [] };
    for (let i = 0; i < REPEAT; i++) {
      for (const [k, run] of [
        ['old', () => oldRule(defaults)],
        ['new', () => newRule(defaults)],
        ['scan', scan]
      ]) {
        t = performance.now();
        await run();
        times[k].push((performance.now() - t) / 1000);
      }
    }
    const m = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
    console.log(
      `Stage rule, median of ${REPEAT} (alternating): old ${f2(m.old)} s, new ${f2(m.new)} s, plain scan ${f2(m.scan)} s; ` +
        `old/new ${f2(m.old / m.new)}×, new/scan ${f2(m.new / m.scan)}×  (load ${load()})`
    );
  } finally {
    await server.close();
  }
}

/** Part 2: the built site in Chromium. */
async function browserRun() {
  return withSite({ port: PORT, build: BUILD }, async (browser) => {
    const page = await browser.newPage();
    const idle = () => page.locator('main[aria-busy="false"]').waitFor({ timeout: 900_000 });
    await page.goto(`http://127.0.0.1:${PORT}/?lang=en`);
    await idle();
    await page.getByLabel('Choose files').setInputFiles(file);
    await page.getByRole('heading', { level: 2, name: 'panel.csv' }).waitFor({ timeout: 900_000 });
    await idle();
    let t = performance.now();
    await page.getByRole('link', { name: 'Lifecycle' }).click();
    await page.getByTestId('lifecycle-distribution').waitFor({ timeout: 900_000 });
    await idle();
    console.log(
      `\nBrowser: Lifecycle tab opened (panel built and ordered, stages, views) in ${f2((performance.now() - t) / 1000)} s  (load ${load()})`
    );

    // Edit the trend window back and forth; each edit reruns the rule and redraws the stage views.
    const edits = [];
    const window = page.getByLabel('Trend window W (months)');
    for (let i = 0; i < REPEAT; i++) {
      await window.fill(String(i % 2 ? 3 : 4));
      const before = await page.getByTestId('lifecycle-seconds').getAttribute('data-run');
      t = performance.now();
      await page.getByRole('button', { name: 'Recompute' }).click();
      // The stage views are drawn in the frame after data-run changes; churn by stage and the month
      // views follow in calls of their own, timed up to the engine going idle.
      await page.locator(`[data-testid="lifecycle-seconds"]:not([data-run="${before}"])`).waitFor({ timeout: 900_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const seconds = (performance.now() - t) / 1000;
      await idle();
      const all = (performance.now() - t) / 1000;
      const engineSeconds = Number(await page.getByTestId('lifecycle-seconds').getAttribute('data-seconds'));
      edits.push({ seconds, engineSeconds, all });
      console.log(
        `  edit ${i + 1}: click → stage views redrawn ${f2(seconds)} s (engine: stages + views ${f2(engineSeconds)} s); ` +
          `with churn by stage and month views ${f2(all)} s  (load ${load()})`
      );
    }

    await page.getByText('Timing', { exact: true }).click();
    const runs = [];
    for (let i = 0; i < REPEAT; i++) {
      await page.getByRole('button', { name: 'Time the benchmark queries' }).click();
      const b = page.getByTestId('lifecycle-bench');
      await b.waitFor({ timeout: 900_000 });
      await idle();
      const n = async (k) => Number(await b.getAttribute(`data-${k}`));
      runs.push({
        scan: await n('scan'),
        stages: await n('stages'),
        views: await n('views'),
        month: await n('month'),
        rows: await n('rows')
      });
    }
    const med = (k) => median(runs.map((r) => r[k]));
    const click = median(edits.map((e) => e.seconds));
    console.log(
      `Browser (engine worker), median of ${REPEAT}: stages ${f2(med('stages'))} s, views ${f2(med('views'))} s, month views ${f2(med('month'))} s; ` +
        `plain scan of the panel ${f2(med('scan'))} s (${runs[0].rows.toLocaleString('en-US')} rows)`
    );
    console.log(
      `  click → stage views redrawn: median ${f2(click)} s (goal ≤ 1.0 s); everything idle: median ${f2(median(edits.map((e) => e.all)))} s`
    );
    console.log(
      `  ratio (stages + views) / plain scan: ${f2((med('stages') + med('views')) / med('scan'))}×; click → redrawn / plain scan: ${f2(click / med('scan'))}×  (load ${load()})`
    );
  });
}

await nodeRun();
if (!flag('--no-browser')) await browserRun();
