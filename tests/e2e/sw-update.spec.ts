// Updates of the offline site, with two real builds: v1 is the suite's build, v2 the same source
// with one view changed (the Teaching view gets a hidden marker), built here into tests/.tmp.
// A server of our own (PORT+2, PORT+3 for the sub-path project, with a request log) serves v1, then
// v2 on the same origin, then nothing (offline). Checked: the page offers the update instead of
// swapping; the update downloads only the files that changed (never the 34 MB wasm); an old tab
// still opens a lazily loaded view offline after another tab updated; the old version's files go
// once no tab runs it.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, open, TMP } from './fixtures';

const REPO = path.resolve(import.meta.dirname, '../..');
const V1 = path.resolve(REPO, process.env.BUILD_DIR ?? 'build');
const MARKER = '<span hidden data-testid="build-v2"></span>';

interface Manifest {
  version: string;
  files: { url: string; hash: string }[];
}
const manifest = (dir: string): Manifest => JSON.parse(fs.readFileSync(path.join(dir, 'precache.json'), 'utf8'));

/** Builds v2 (once per v1 build) from a copy of the source with the Teaching view changed. */
function buildV2(): string {
  const out = path.join(TMP, `sw-v2-${manifest(V1).version}`);
  if (fs.existsSync(path.join(out, 'precache.json'))) return out;
  // v2 builds of earlier v1 builds (35 MB each) are of no further use.
  for (const old of fs.readdirSync(TMP).filter((d) => d.startsWith('sw-v2-')))
    fs.rmSync(path.join(TMP, old), { recursive: true, force: true });
  // The copy lives outside the repository, where neither vitest nor svelte-check looks.
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-sw-v2-'));
  try {
    // Everything the build reads: the repository's top-level entries but the tests, benchmarks and docs.
    const tracked = execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' }).split('\n');
    const top = new Set(tracked.filter(Boolean).map((f) => f.split('/')[0]));
    for (const f of [...top].filter((f) => !['tests', 'bench', 'docs', '.ci'].includes(f))) {
      fs.cpSync(path.join(REPO, f), path.join(src, f), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(src, 'node_modules'));
    fs.appendFileSync(path.join(src, 'src/lib/features/teaching/TeachingView.svelte'), `\n${MARKER}\n`);
    const env = { ...process.env, BUILD_DIR: out, KIT_OUT_DIR: '.svelte-kit' };
    execFileSync('npx', ['vite', 'build'], { cwd: src, env });
    execFileSync(process.execPath, ['scripts/precache-manifest.mjs'], { cwd: src, env });
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
  }
  return out;
}

/** serve.mjs on a fixed port, restartable with another build; `log` holds the paths requested. */
class Server {
  log: string[] = [];
  private child: ChildProcess | null = null;
  constructor(
    private port: number,
    private base: string
  ) {}

  async start(root: string): Promise<void> {
    const child = spawn(
      process.execPath,
      ['scripts/serve.mjs', '--port', String(this.port), '--base', this.base, '--root', root, '--log'],
      { cwd: REPO }
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) {
          if (line.startsWith('CLM workbench')) resolve();
          const m = /^GET (\S+) \d+$/.exec(line);
          if (m) this.log.push(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise((r) => {
      child.on('exit', r);
      child.kill();
    });
  }
}

let v2 = '';
let server: Server;
test.use({
  baseURL: async ({ baseURL }, use) => {
    const sub = new URL(baseURL!).pathname.startsWith('/clm/');
    const port = Number(process.env.PORT ?? 4173) + (sub ? 3 : 2);
    await use(`http://127.0.0.1:${port}${sub ? '/clm/' : '/'}`);
  }
});

test.beforeAll(async () => {
  test.setTimeout(600_000);
  v2 = buildV2();
});

test.afterAll(async () => server?.stop());

/** Waits until a service worker controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
  });
}

/** The content cache's keys (URL + content hash), as the service worker stored them. */
const cachedKeys = (page: Page) => page.evaluate(async () => (await (await caches.open('clm:content')).keys()).map((r) => r.url));

test('an update is offered, downloads only what changed, and an old tab still works offline', async ({ page: tabA, context, baseURL }) => {
  test.setTimeout(300_000);
  const url = new URL(baseURL!);
  server = new Server(Number(url.port), url.pathname);
  const [m1, m2] = [manifest(V1), manifest(v2)];
  const changed = m2.files.filter((f) => !m1.files.some((o) => o.url === f.url && o.hash === f.hash));
  const gone = m1.files.filter((f) => !m2.files.some((o) => o.url === f.url && o.hash === f.hash));
  const wasm = m1.files.find((f) => f.url.endsWith('.wasm'))!;
  expect(m2.files.find((f) => f.url === wasm.url)?.hash).toBe(wasm.hash);
  // The changed view is among the changed files (chunk names are hashes: find it by its content).
  const teaching = changed.find((f) => f.url.endsWith('.js') && fs.readFileSync(path.join(v2, f.url), 'utf8').includes('build-v2'));
  expect(teaching).toBeDefined();

  // v1: the first visit caches the site.
  await server.start(V1);
  await open(tabA);
  await controlled(tabA);
  const keyOf = (f: { url: string; hash: string }) => `${new URL(f.url, baseURL).href}?clm-hash=${f.hash}`;
  expect(await cachedKeys(tabA)).toEqual(expect.arrayContaining(m1.files.map(keyOf)));
  await expect(tabA.getByTestId('update-ready')).toHaveCount(0);

  // v2 is deployed: a new tab (served v1 from the cache) makes the browser find it.
  await server.stop();
  server.log = [];
  await server.start(v2);
  const tabB = await context.newPage();
  await open(tabB);
  await expect(tabB.getByTestId('update-ready')).toBeVisible();
  await expect(tabA.getByTestId('update-ready')).toBeVisible();
  // Nothing was swapped: both tabs still run v1.
  expect(await tabB.evaluate(() => document.querySelector('[data-testid="build-v2"]'))).toBeNull();

  // Only the changed files were downloaded (plus the worker script and the manifest): no wasm.
  const downloaded = server.log.map((p) => decodeURIComponent(p.slice(url.pathname.length).replace(/\?.*$/, '')));
  expect(downloaded).not.toContain(wasm.url);
  expect(new Set(downloaded)).toEqual(new Set(['service-worker.js', 'precache.json', ...changed.map((f) => f.url)]));

  // Offline from here: the server is gone.
  await server.stop();
  await context.setOffline(true);

  // Tab B updates: it reloads into v2, entirely from the cache.
  await tabB.getByRole('button', { name: 'Reload to update' }).click();
  await expect(tabB.getByTestId('update-ready')).toHaveCount(0);
  await expect(tabB.getByTestId('engine-ready')).toBeVisible();
  await tabB.getByRole('link', { name: 'Teaching' }).click();
  await expect(tabB.locator('#teach-title')).toBeVisible();
  await expect(tabB.getByTestId('build-v2')).toHaveCount(1);

  // Tab A still runs v1 and opens a lazily loaded view it had never loaded, offline.
  await tabA.getByRole('link', { name: 'Teaching' }).click();
  await expect(tabA.locator('#teach-title')).toBeVisible();
  await expect(tabA.getByTestId('build-v2')).toHaveCount(0);
  await expect(tabA.getByTestId('update-ready')).toBeVisible();
  expect(await cachedKeys(tabB)).toEqual(expect.arrayContaining(gone.map(keyOf)));

  // Once no tab runs v1, a page load cleans its files up; the shared wasm stays.
  await tabA.close();
  await tabB.reload();
  await open(tabB);
  await expect.poll(async () => (await cachedKeys(tabB)).filter((k) => gone.map(keyOf).includes(k))).toEqual([]);
  const left = await cachedKeys(tabB);
  expect(left).toEqual(expect.arrayContaining(m2.files.map(keyOf)));
  expect(left).toHaveLength(m2.files.length);
  await context.setOffline(false);
});
