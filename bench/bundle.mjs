#!/usr/bin/env node
// Initial JavaScript budget: what the page loads before any data (module scripts and preloads of
// build/index.html plus CSS), raw and gzip, the engine worker and the DuckDB wasm listed apart.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.env.BUILD_DIR ?? 'build');
const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const initial = [...new Set([...html.matchAll(/(?:href|src)="\.\/(_app\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
const size = (f) => {
  const b = fs.readFileSync(path.join(root, f));
  return { raw: b.length, gzip: zlib.gzipSync(b).length };
};
const sum = (files) => files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const t = sum(initial);
console.log(`initial JS+CSS (${initial.length} files): ${kb(t.raw)} raw, ${kb(t.gzip)} gzip`);
const all = JSON.parse(fs.readFileSync(path.join(root, 'precache.json'), 'utf8'));
const engine = all.filter((f) => /workers\/.*\.js$/.test(f));
const e = sum(engine);
console.log(`engine worker JS (${engine.length} files, loaded in the worker): ${kb(e.raw)} raw, ${kb(e.gzip)} gzip`);
const wasm = all.filter((f) => f.endsWith('.wasm'));
console.log(`DuckDB wasm: ${kb(sum(wasm).raw)} raw, ${kb(sum(wasm).gzip)} gzip`);
