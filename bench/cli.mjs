#!/usr/bin/env node
// Command-line benchmark (issue 15): a large generated panel (Parquet) through load + lifecycle +
// retention + value on native DuckDB, as `clm` runs them (cli/src: the tab's ingest, SQL and
// models), against the same code on DuckDB-WASM (the tab's engine, in Node) on the largest panel
// the tab is asked to hold.
//
//   node bench/cli.mjs [--rows 30000000] [--tab-rows 1000000] [--threads 2] [--memory 12GB] [--repeat 1] [--large-only]
//                      [--statements [n]]   (the n slowest SQL statements of each run, on stderr)
//
// Data: the sample generator's panel (workers/sample, seed 1, 24 months) of --base customers,
// replicated with suffixed customer ids to about --rows (whole copies; each copy a customer of its own, so the SQL
// does the work of --rows distinct rows), written once to bench/out/ as Parquet. Every variant runs
// in a child process of its own, so its peak resident memory (RSS: DuckDB's native memory included)
// is its own; the variants alternate within a repeat. Every figure is printed with the load
// average: the machine is shared, so the lead re-measures on a quiet machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEAP_FLAGS } from '../cli/bin/heap.mjs';
import { load, opt, out, registerRawImports } from './lib.mjs';

const args = process.argv.slice(2);

let hooked = false;
async function hooks() {
  if (hooked) return;
  hooked = true;
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  registerRawImports();
}

/** One variant in this process: prints one JSON line with the phases' seconds and the peak RSS. */
async function child(engineKind, file, threads, memory) {
  await hooks();
  const { runAnalysis } = await import('../cli/src/commands.ts');
  const { SiteSettings } = await import('../cli/src/params.ts');
  const { loadInputs, openSession } = await import('../cli/src/session.ts');
  const quiet = { quiet: true };
  let session;
  // --statements: every statement's seconds through the SqlConnection seam, the slowest printed at the end.
  const statements = [];
  const timedConn = (conn) => {
    const timed =
      (f) =>
      async (sql, ...rest) => {
        const t0 = performance.now();
        try {
          return await f(sql, ...rest);
        } finally {
          statements.push({ seconds: (performance.now() - t0) / 1000, phase: current, sql: sql.replace(/\s+/g, ' ').slice(0, 160) });
        }
      };
    return { all: timed(conn.all), columns: timed(conn.columns), exec: timed(conn.exec) };
  };
  let current = 'open';
  if (engineKind === 'native') {
    const wrap = args.includes('--statements') ? timedConn : undefined;
    session = await openSession(SiteSettings.empty(), { threads, memoryLimit: memory, tempDirectory: out, wrap, ...quiet });
  } else {
    const { nodeEngine } = await import('../tests/sql/engine.ts');
    session = { engine: await nodeEngine(), settings: SiteSettings.empty(), log: () => {}, close: async () => {} };
  }
  const seconds = {};
  // The JavaScript heap's peak per phase, sampled (the heap limit is what a 30M run hit).
  const heapGB = {};
  const sample = () => {
    const gb = process.memoryUsage().heapUsed / 2 ** 30;
    heapGB[current] = Math.max(heapGB[current] ?? 0, gb);
  };
  const sampler = setInterval(sample, 200);
  const time = async (phase, f) => {
    current = phase;
    if (args.includes('--verbose')) process.stderr.write(`${engineKind}: ${phase}\n`);
    const t0 = performance.now();
    const r = await f();
    sample();
    seconds[phase] = (performance.now() - t0) / 1000;
    return r;
  };
  const loaded = await time('load', async () => {
    if (engineKind === 'native') return loadInputs(session, [file]);
    const summary = await session.engine.ingestFile(await fs.openAsBlob(file), path.basename(file));
    return { id: summary.id, files: [summary], summary };
  });
  await time('lifecycle', () => runAnalysis(session, 'lifecycle', loaded, 'transitions'));
  await time('retention', () => runAnalysis(session, 'retention', loaded, 'cohorts'));
  await time('value', () => runAnalysis(session, 'value', loaded, 'scores'));
  seconds.total = Object.values(seconds).reduce((a, b) => a + b, 0);
  const rows = loaded.summary.quality.loaded;
  clearInterval(sampler);
  await session.close();
  if (statements.length) {
    const slow = statements.sort((a, b) => b.seconds - a.seconds).slice(0, Number(opt('--statements', 15)) || 15);
    for (const st of slow) process.stderr.write(`  ${st.seconds.toFixed(2)} s  ${st.phase}  ${st.sql}\n`);
  }
  process.stdout.write(
    JSON.stringify({ rows, seconds, heapGB, loadPhases: loaded.summary.timings, rssGB: process.resourceUsage().maxRSS / 1024 / 1024 }) +
      '\n'
  );
}

/** The base panel (CSV, the sample generator) and the replicated Parquet panel of `rows` rows. */
async function panel(rows, base) {
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `cli-panel-${rows}.parquet`);
  if (fs.existsSync(file)) return file;
  await hooks();
  const csv = path.join(out, `cli-base-${base}.csv`);
  if (!fs.existsSync(csv)) {
    const { samplePanelBlob } = await import('../workers/engine/sample.ts');
    const blob = await samplePanelBlob({ customers: base, months: 24, seed: 1, lang: 'en' }, () => {});
    fs.writeFileSync(csv, new Uint8Array(await blob.arrayBuffer()));
  }
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', temp_directory: out });
  const db = await instance.connect();
  const q = (s) => `'${s.replaceAll("'", "''")}'`;
  const baseRows = Number((await db.runAndReadAll(`SELECT count(*) FROM read_csv(${q(csv)})`)).getRows()[0][0]);
  const copies = Math.max(1, Math.round(rows / baseRows));
  const t0 = performance.now();
  // Months stay YYYYMM text, as the generator writes them; every copy's customers are new ids. The
  // base is read once into a table (a cross join with read_csv would re-scan the text).
  await db.run(`CREATE TABLE base AS SELECT * FROM read_csv(${q(csv)}, types = {'month': 'VARCHAR'})`);
  await db.run(`COPY (
      SELECT customer_id || '-' || k AS customer_id, * EXCLUDE (customer_id) FROM range(${copies}) r(k), base
    ) TO ${q(file + '.part')} (FORMAT parquet)`);
  fs.renameSync(file + '.part', file);
  db.closeSync();
  instance.closeSync();
  console.log(
    `generated ${file}: ${(copies * baseRows).toLocaleString('en')} rows (${copies} copies of ${baseRows.toLocaleString('en')}) in ${((performance.now() - t0) / 1000).toFixed(0)} s, load ${load()}`
  );
  return file;
}

function runChild(kind, file, threads, memory) {
  const line = execFileSync(
    process.execPath,
    [
      // The young generation clm runs with.
      ...HEAP_FLAGS,
      fileURLToPath(import.meta.url),
      ...['--child', kind, '--file', file, '--threads', String(threads), '--memory', memory],
      ...(args.includes('--statements') ? ['--statements', opt('--statements', '15')] : [])
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] }
  );
  return JSON.parse(line.trim().split('\n').pop());
}

if (args.includes('--child')) {
  await child(opt('--child'), opt('--file'), Number(opt('--threads', 2)), opt('--memory', '12GB'));
} else {
  const rows = Number(opt('--rows', 30_000_000));
  const tabRows = Number(opt('--tab-rows', 1_000_000));
  const threads = Number(opt('--threads', 2));
  const memory = opt('--memory', '12GB');
  const base = Number(opt('--base', 50_000));
  const repeat = Number(opt('--repeat', 1));
  console.log(
    `clm benchmark: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load ${load()}`
  );
  const big = await panel(rows, base);
  const small = await panel(tabRows, base);
  const fmt = (r) =>
    `${r.rows.toLocaleString('en')} rows: load ${r.seconds.load.toFixed(1)} s, lifecycle ${r.seconds.lifecycle.toFixed(1)} s, retention ${r.seconds.retention.toFixed(1)} s, value ${r.seconds.value.toFixed(1)} s, total ${r.seconds.total.toFixed(1)} s, peak RSS ${r.rssGB.toFixed(2)} GB, ` +
    `JS heap peak ${Math.max(...Object.values(r.heapGB ?? { none: 0 })).toFixed(2)} GB (value ${(r.heapGB?.value ?? 0).toFixed(2)} GB)`;
  for (let i = 0; i < repeat; i++) {
    if (args.includes('--large-only')) {
      const b = load();
      console.log(`clm (native, ${threads} threads), ${fmt(runChild('native', big, threads, memory))}; load ${b} → ${load()}`);
      continue;
    }
    const before = load();
    const tab = runChild('wasm', small, threads, memory);
    console.log(`tab engine (DuckDB-WASM in Node), ${fmt(tab)}; load ${before} → ${load()}`);
    const b2 = load();
    const nativeSmall = runChild('native', small, threads, memory);
    console.log(`clm (native, ${threads} threads), ${fmt(nativeSmall)}; load ${b2} → ${load()}`);
    const b3 = load();
    const nativeBig = runChild('native', big, threads, memory);
    console.log(`clm (native, ${threads} threads), ${fmt(nativeBig)}; load ${b3} → ${load()}`);
    console.log(
      `ratio tab / clm on ${tabRows.toLocaleString('en')} rows: ${(tab.seconds.total / nativeSmall.seconds.total).toFixed(2)}×; ` +
        `clm rows per second: ${Math.round(nativeSmall.rows / nativeSmall.seconds.total).toLocaleString('en')} (small) vs ${Math.round(nativeBig.rows / nativeBig.seconds.total).toLocaleString('en')} (large); ` +
        `aim for ${rows.toLocaleString('en')} rows: under 120 s (${nativeBig.seconds.total < 120 ? 'met' : 'not met'})`
    );
  }
}
