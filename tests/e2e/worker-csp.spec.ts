// The page's Content Security Policy must bind the engine worker, which holds the data: a request
// from inside the worker to another origin is blocked by CSP, not merely unanswered.
// The other origin is real and reachable (the suite's other server, one port up or down), so
// without the policy the request would go out; the test evaluates in the engine worker through
// Playwright's worker handle and adds nothing to the product.
import { test, expect, open, upload, SHARED } from './fixtures';

test('a request to another origin from inside the engine worker is blocked by the CSP', async ({
  page,
  baseURL,
  foreign,
  failedRequests
}) => {
  await open(page);
  const worker = page.workers()[0];
  expect(page.workers()).toHaveLength(1);

  const here = new URL(baseURL!);
  const otherPort = Number(here.port) + (here.pathname.startsWith('/clm/') ? -1 : 1);
  const other = `http://127.0.0.1:${otherPort}/${here.pathname.startsWith('/clm/') ? '' : 'clm/'}`;
  // The other server answers: the page itself could reach it if its policy allowed.
  expect((await page.request.get(other)).ok()).toBe(true);

  const outcome = await worker.evaluate(async (url) => {
    const violations: string[] = [];
    self.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const attempt = async (go: () => Promise<unknown>) => {
      try {
        await go();
        return 'went through';
      } catch (e) {
        return String(e);
      }
    };
    const fetched = await attempt(() => fetch(url, { mode: 'no-cors' }));
    const imported = await attempt(() => import(/* @vite-ignore */ `${url}nothing.js`));
    // Violation events are queued as tasks: wait (at most 5 s) for both. Chromium does not pass a
    // worker's CSP messages to Playwright's console events, so the event is the evidence.
    for (let i = 0; i < 500 && violations.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    return { fetched, imported, violations };
  }, other);

  expect(outcome.fetched).not.toBe('went through');
  expect(outcome.imported).not.toBe('went through');
  expect(outcome.violations).toEqual([`connect-src ${other}`, `script-src-elem ${other}nothing.js`]);
  // Blocked before the network: the fetch never became a request; Chromium reports the module
  // import as a request that failed with 'csp' (the fixtures check that nothing else failed or left).
  expect(failedRequests).toEqual([`${other}nothing.js csp`]);
  expect(foreign).toEqual([`${other}nothing.js`]);
  failedRequests.length = 0;
  foreign.length = 0;

  // The engine started under the policy still does its work (wasm compiled under 'wasm-unsafe-eval').
  await upload(page, `${SHARED}/cdnow/CDNOW_sample.txt`);
  await expect(page.getByTestId('customers')).toHaveText('2,357');
});
