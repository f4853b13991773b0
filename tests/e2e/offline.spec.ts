// After one visit the service worker has cached the whole app, DuckDB wasm included: with the
// network off the page reloads, the engine starts and a file loads.
import { test, expect, open, upload, SHARED } from './fixtures';

test('works offline after the first visit', async ({ page, context }) => {
  await open(page);
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
  });
  const cached = await page.evaluate(async () => (await (await caches.open('clm:content')).keys()).map((r) => r.url));
  expect(cached.some((u) => /\.wasm\?clm-hash=[0-9a-f]{16}$/.test(u))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await open(page, '?lang=en');
  await upload(page, `${SHARED}/cdnow/CDNOW_sample.txt`);
  await expect(page.getByTestId('customers')).toHaveText('2,357');
  await context.setOffline(false);
});
