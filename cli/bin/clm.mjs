#!/usr/bin/env node
// `clm`: runs the workbench's TypeScript engine code in Node without building the site. tsx compiles
// the TypeScript; a module hook gives Vite's `?raw` (the SQL files) and `?url` imports their Node
// meaning (the file's text; its file URL). The command itself is cli/src/main.ts.
import { spawnSync } from 'node:child_process';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { register as registerTsx } from 'tsx/esm/api';

// A young generation of 256 MB: the analyses build per-customer arrays that mostly survive, and with
// V8's default the scavenger copied them over and over (30M rows, `clm value`: 12.9 s of
// scavenges; 8.0 s with 64 MB; 5.2 s with 256 MB, the command 7 s faster). The flag only works on
// the command line (v8.setFlagsFromString is too late), so clm starts itself once more with it.
// bench/cli.mjs passes the same flags.
const HEAP_FLAGS = ['--max-semi-space-size=256', '--min-semi-space-size=256'];
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
