#!/usr/bin/env node
// `clm`: runs the workbench's TypeScript engine code in Node without building the site. tsx compiles
// the TypeScript; a module hook gives Vite's `?raw` (the SQL files) and `?url` imports their Node
// meaning (the file's text; its file URL). The command itself is cli/src/main.ts.
import { register } from 'node:module';
import v8 from 'node:v8';
import { register as registerTsx } from 'tsx/esm/api';

// A larger young generation: the value models allocate per customer, and at 1.24M customers the
// default 16 MB semi-spaces spent a quarter more time in the garbage collector (2.7 s against 2.1 s
// at 240,000 customers; 128 MB was no better). bench/cli.mjs sets the same.
v8.setFlagsFromString('--max-semi-space-size=64');

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
