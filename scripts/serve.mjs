#!/usr/bin/env node
// Serves the built static site (build/) on localhost, optionally under a sub-path, the way any static
// host would: `node scripts/serve.mjs [--port 4173] [--base /clm/] [--root build] [--open-sample]`.
// Answers 404 outside the base, so tests catch any absolute /_app/ path.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(opt('--port', process.env.PORT ?? 4173));
const base = opt('--base', '/').replace(/\/?$/, '/');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', opt('--root', process.env.BUILD_DIR ?? 'build'));
const files = sirv(root, { dev: false, etag: true, gzip: false, brotli: false, single: false });

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname + '/' === base) {
      res.writeHead(301, { location: base + url.search });
      return res.end();
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    req.url = '/' + url.pathname.slice(base.length) + url.search;
    files(req, res, () => res.writeHead(404).end('not found'));
  })
  .listen(port, '127.0.0.1', () => {
    const link = `http://127.0.0.1:${port}${base}`;
    console.log(`CLM workbench: ${link}`);
    if (args.includes('--open-sample')) console.log(`With sample data loaded: ${link}?sample=1`);
  });
