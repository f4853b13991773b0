import { defineConfig } from '@playwright/test';

// Debian's Chromium (apt-get install chromium): Playwright's own browser download is not possible here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync',
        // Nothing may reach the internet even by mistake; requests are also recorded and checked.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
      ]
    },
    acceptDownloads: true
  },
  webServer: [
    { command: 'node scripts/serve.mjs --port 4173', url: 'http://127.0.0.1:4173/', reuseExistingServer: !process.env.CI },
    { command: 'node scripts/serve.mjs --port 4174 --base /clm/', url: 'http://127.0.0.1:4174/clm/', reuseExistingServer: !process.env.CI }
  ],
  projects: [
    { name: 'root', use: { baseURL: 'http://127.0.0.1:4173/' }, testIgnore: /subpath\.spec\.ts/ },
    { name: 'subpath', use: { baseURL: 'http://127.0.0.1:4174/clm/' }, testMatch: /subpath\.spec\.ts/ }
  ]
});
