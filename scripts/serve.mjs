#!/usr/bin/env node
// Serves the built static site (build/) on localhost, optionally under a sub-path, the way any static
// host would: `node scripts/serve.mjs [--port 4173] [--base /clm/] [--root build] [--open-sample] [--log]`.
// The port is --port, else the PORT environment variable, else 4173. Answers 404 outside the base, so
// tests catch any absolute /_app/ path. --log prints one line per request (the service-worker update
// test counts what the browser downloads).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
/** A message for the person at the terminal, without a stack trace, and a non-zero exit. */
const fail = (message) => {
  console.error(`serve: ${message}`);
  process.exit(1);
};

const portText = String(opt('--port', process.env.PORT ?? 4173));
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`"${portText}" is not a port number (use --port 4173 or PORT=4173).`);
const base = opt('--base', '/').replace(/\/?$/, '/');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', opt('--root', process.env.BUILD_DIR ?? 'build'));
const log = args.includes('--log');
if (!fs.existsSync(path.join(root, 'index.html')))
  fail(`${root} holds no built site; run "npm run build" first (or pass --root <folder>).`);
const files = sirv(root, { dev: false, etag: true, gzip: false, brotli: false, single: false });

const server = http.createServer((req, res) => {
  if (log) res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode}`));
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname + '/' === base) {
    res.writeHead(301, { location: base + url.search });
    return res.end();
  }
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end('not found');
    return;
  }
  const original = req.url;
  req.url = '/' + url.pathname.slice(base.length) + url.search;
  files(req, res, () => res.writeHead(404).end('not found'));
  req.url = original;
});

server.on('error', (e) => {
  if (e.code === 'EADDRINUSE')
    fail(`port ${port} is already in use. Stop the program using it, or choose another port: --port 4180 or PORT=4180.`);
  if (e.code === 'EACCES') fail(`no permission to listen on port ${port}; choose a port above 1023 (--port 4180 or PORT=4180).`);
  fail(`cannot listen on 127.0.0.1:${port}: ${e.message}`);
});

server.listen(port, '127.0.0.1', () => {
  const link = `http://127.0.0.1:${port}${base}`;
  console.log(`CLM workbench: ${link}`);
  if (args.includes('--open-sample')) console.log(`With sample data loaded: ${link}?sample=1`);
});
