#!/usr/bin/env node
// Sample-data benchmark: how long the default sample panel (what "Load the sample" generates in the
// engine worker) takes to generate in Node, against reading the same text back (splitting it into
// lines and fields), measured in the same run. Moved here from a wall-clock assertion in the unit
// tests, which failed on a busy machine without saying anything about the code.
//
//   node --import tsx bench/sample.mjs [--runs 5]
import { load, opt } from './lib.mjs';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleText } from '../workers/sample/generator.ts';

const RUNS = Number(opt('--runs', 5));

for (let run = 1; run <= RUNS; run++) {
  const t0 = performance.now();
  const { panel, summary } = generateSampleText(DEFAULT_SAMPLE_OPTIONS);
  const t1 = performance.now();
  let fields = 0;
  for (const line of panel.split('\n')) fields += line.split(',').length;
  const t2 = performance.now();
  const gen = (t1 - t0) / 1000;
  const read = (t2 - t1) / 1000;
  console.log(
    `run ${run}: ${summary.customers} customers, ${summary.rows} rows (${(panel.length / 2 ** 20).toFixed(1)} MB, ${fields} fields): ` +
      `generate ${gen.toFixed(3)} s, read back ${read.toFixed(3)} s, ratio ${(gen / read).toFixed(1)}  (load ${load()})`
  );
}
