#!/usr/bin/env node
// After `vite build`: writes build/precache.json, the build's version and every file of the static
// site (page, JS, CSS, wasm, worker chunks, lazily imported modules, icons, web app manifest) with
// its SHA-256 content hash. The service worker caches each file under its URL and hash, so a deploy
// downloads only the files whose bytes changed (see src/lib/offline/precache.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.env.BUILD_DIR ?? 'build');
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else files.push(path.relative(root, p).split(path.sep).join('/'));
  }
})(root);

const { version } = JSON.parse(fs.readFileSync(path.join(root, '_app/version.json'), 'utf8'));
const manifest = {
  version,
  files: files
    .filter((f) => f !== 'service-worker.js' && f !== 'precache.json')
    .sort()
    .map((f) => {
      const bytes = fs.readFileSync(path.join(root, f));
      // The page is served at the scope URL itself ('./'), for every query string.
      return {
        url: f === 'index.html' ? '' : f,
        hash: crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16),
        bytes: bytes.length
      };
    })
};
fs.writeFileSync(path.join(root, 'precache.json'), JSON.stringify(manifest));
const total = manifest.files.reduce((s, f) => s + f.bytes, 0);
console.log(`precache.json: version ${version}, ${manifest.files.length} files, ${(total / 2 ** 20).toFixed(1)} MiB`);
