#!/usr/bin/env node
// After `vite build`: lists every file of the static site (JS, CSS, wasm, worker chunks, lazily
// imported modules) in build/precache.json, paths relative to the site root, so the service
// worker can cache the whole app on its first visit and work offline afterwards.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.env.BUILD_DIR ?? 'build');
const out = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else out.push(path.relative(root, p).split(path.sep).join('/'));
  }
})(root);
const list = out.filter((f) => f !== 'service-worker.js' && f !== 'precache.json').sort();
fs.writeFileSync(path.join(root, 'precache.json'), JSON.stringify(list));
const bytes = list.reduce((s, f) => s + fs.statSync(path.join(root, f)).size, 0);
console.log(`precache.json: ${list.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
