// The built site served locally (scripts/serve.mjs) and Debian's Chromium with the network mapped
// away, as the e2e tests use them: the browser half of every benchmark.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { root } from './lib.mjs';

/**
 * Serves `build` (default: the server's own default, BUILD_DIR or build/) on `port`, launches
 * Chromium with `extraArgs`, runs `work(browser)` and always closes both.
 */
export async function withSite({ port, build, extraArgs = [] }, work) {
  const server = spawn('node', ['scripts/serve.mjs', '--port', String(port), ...(build ? ['--root', build] : [])], {
    cwd: root,
    stdio: 'ignore'
  });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      ...extraArgs,
      '--disable-background-networking',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
    ]
  });
  try {
    return await work(browser);
  } finally {
    await browser.close();
    server.kill();
  }
}
