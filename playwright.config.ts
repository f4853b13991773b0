import { defineConfig } from '@playwright/test';

// Debian's Chromium (apt-get install chromium): Playwright's own browser download is not possible here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// PORT (default 4173; the sub-path server uses PORT+1) and BUILD_DIR let parallel runs coexist.
const port = Number(process.env.PORT ?? 4173);
const root = process.env.BUILD_DIR ?? 'build';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        // Nothing may reach the internet even by mistake; requests are also recorded and checked.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
      ]
    },
    acceptDownloads: true
  },
  webServer: [
    { command: `node scripts/serve.mjs --port ${port} --root ${root}`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false },
    {
      command: `node scripts/serve.mjs --port ${port + 1} --root ${root} --base /clm/`,
      url: `http://127.0.0.1:${port + 1}/clm/`,
      reuseExistingServer: false
    }
  ],
  projects: [
    { name: 'root', use: { baseURL: `http://127.0.0.1:${port}/` }, testIgnore: /subpath\.spec\.ts/ },
    {
      name: 'subpath',
      use: { baseURL: `http://127.0.0.1:${port + 1}/clm/` },
      testMatch: /(subpath|offline|worker-csp|sw-update|install)\.spec\.ts/
    }
  ]
});
