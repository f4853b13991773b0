#!/usr/bin/env node
// `clm`: runs the workbench's TypeScript engine code in Node without building the site. tsx compiles
// the TypeScript; a module hook gives Vite's `?raw` (the SQL files) and `?url` imports their Node
// meaning (the file's text; its file URL). The command itself is cli/src/main.ts.
import { spawnSync } from 'node:child_process';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { register as registerTsx } from 'tsx/esm/api';
import { HEAP_FLAGS } from './heap.mjs';

// Node starts once more with the young generation of heap.mjs (its flags only work on the command line).
if (!process.execArgv.includes(HEAP_FLAGS[0])) {
  const run = spawnSync(process.execPath, [...HEAP_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit'
  });
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
}

registerTsx();
register(
  'data:text/javascript,' +
    encodeURIComponent(`
  const suffix = (spec) => /\\?(raw|url)$/.exec(spec)?.[1];
  export async function resolve(spec, ctx, next) {
    const s = suffix(spec);
    if (!s) return next(spec, ctx);
    const r = await next(spec.slice(0, -(s.length + 1)), ctx);
    return { ...r, url: r.url + '?' + s, format: 'module', shortCircuit: true };
  }
  export async function load(url, ctx, next) {
    const s = suffix(url);
    if (!s) return next(url, ctx);
    const file = url.slice(0, -(s.length + 1));
    if (s === 'url') return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(file) };
    const { readFile } = await import('node:fs/promises');
    return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(await readFile(new URL(file), 'utf8')) };
  }`)
);

const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
