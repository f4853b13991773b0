// The offline site can be installed like an app: Chromium reads the web app manifest (under the
// page's CSP, at / and under /clm/), its icons load at their declared sizes, and the service worker
// caches them with the rest of the site. The fixtures fail the test on any failed request.
import { test, expect, open } from './fixtures';

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: number[]) => {
  const at = (i: number) => ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
  return `${at(16)}x${at(20)}`;
};

test('the web app manifest and icons load under the CSP and are cached for offline use', async ({ page, context, baseURL }) => {
  await open(page);
  const cdp = await context.newCDPSession(page);
  // Chromium's own reading of the manifest (what an install would use).
  const read = (await cdp.send('Page.getAppManifest')) as {
    url: string;
    errors: { message: string }[];
    manifest?: {
      name?: string;
      display?: string;
      startUrl?: string;
      scope?: string;
      id?: string;
      icons?: { url: string; sizes: string; type: string }[];
    };
  };
  expect(read.url).toBe(`${baseURL}manifest.webmanifest`);
  expect(read.errors).toEqual([]);
  const manifest = read.manifest!;
  expect(manifest.name).toBe('客户生命周期工作台 · CLM Workbench');
  expect(manifest.display).toBe('kStandalone');
  // Relative start_url and scope: the app opens where the site is, at / or under a sub-path.
  expect(manifest.startUrl).toBe(baseURL);
  expect(manifest.scope).toBe(baseURL);

  const icons = manifest.icons!;
  expect(icons.map((i) => i.url)).toEqual(
    ['favicon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png'].map((f) => `${baseURL}${f}`)
  );
  for (const icon of icons.filter((i) => i.type === 'image/png')) {
    const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], icon.url);
    expect(pngSize(bytes)).toBe(icon.sizes);
  }
  expect(await page.locator('link[rel="icon"]').evaluate((l) => (l as HTMLLinkElement).href)).toBe(`${baseURL}favicon.svg`);

  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  const cached = await page.evaluate(async () => (await (await caches.open('clm:content')).keys()).map((r) => r.url.replace(/\?.*$/, '')));
  expect(cached).toEqual(
    expect.arrayContaining(['manifest.webmanifest', ...icons.map((i) => i.url.slice(baseURL!.length))].map((f) => `${baseURL}${f}`))
  );

  // Chromium finds nothing missing for an install (manifest, icons, a service worker that serves
  // the page offline) except that Playwright's browser contexts are incognito ones.
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
});
