/**
 * Shared end-to-end fixtures: every page records all requests (the page's and its workers') and
 * console errors; a test fails if anything left the origin, a request failed, or a CSP violation
 * was logged by the page (Chromium does not pass a worker's CSP messages to Playwright: the worker's
 * policy is checked inside it, in worker-csp.spec.ts).
 */
import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';

export const SHARED = path.resolve(import.meta.dirname, '../../../shared/data');
export const TMP = path.resolve(import.meta.dirname, '../.tmp');
fs.mkdirSync(TMP, { recursive: true });

export const test = base.extend<{ foreign: string[]; consoleErrors: string[]; failedRequests: string[] }>({
  foreign: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      context.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, 'requests that left the origin').toEqual([]);
    },
    { auto: true }
  ],
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      context.on('weberror', (e) => errors.push(String(e.error())));
      await use(errors);
      expect(errors, 'console errors (CSP violations show up here)').toEqual([]);
    },
    { auto: true }
  ],
  // Every request must succeed: a missing icon or manifest, or a 404 for an absolute path under the
  // sub-path server, shows up here. A test that fails requests on purpose removes what it expects.
  // ERR_ABORTED is the browser cancelling a request of a page being left (a reload), not a failure.
  failedRequests: [
    async ({ context }, use) => {
      const failed: string[] = [];
      context.on('requestfailed', (req) => {
        const error = req.failure()?.errorText ?? '';
        if (error !== 'net::ERR_ABORTED') failed.push(`${req.url()} ${error}`);
      });
      context.on('response', (res) => {
        if (res.status() >= 400) failed.push(`${res.url()} ${res.status()}`);
      });
      await use(failed);
      expect(failed, 'failed requests').toEqual([]);
    },
    { auto: true }
  ]
});
export { expect };

/** Waits until the engine is idle: `<main aria-busy="false">`. */
export async function idle(page: Page): Promise<void> {
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
}

export async function open(page: Page, query = '?lang=en'): Promise<void> {
  await page.goto(query);
  await idle(page);
  await expect(page.getByTestId('engine-ready')).toBeVisible();
}

/** Loads the seeded sample panel from the Data view (English UI) and waits for its overview. */
export async function loadSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  await idle(page);
}

/** Uploads a file through the labelled file input and waits for its dataset view (or an error). */
export async function upload(page: Page, file: string): Promise<void> {
  await page.getByLabel(/Choose files|选择文件/).setInputFiles(file);
  const name = path.basename(file);
  await expect(page.getByRole('heading', { level: 2, name }).or(page.getByTestId('error'))).toBeVisible();
  await idle(page);
}

export function tmpFile(name: string, content: string | Uint8Array): string {
  const p = path.join(TMP, name);
  fs.writeFileSync(p, content);
  return p;
}

/** Assesses customer value (a campaign list stands on it), then builds the segments of Segments & campaigns. */
export async function buildSegments(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Customer value' }).click();
  await expect(page.getByTestId('value-tiers')).toBeVisible();
  await idle(page);
  await page.getByRole('link', { name: 'Segments & campaigns' }).click();
  await page.getByRole('button', { name: 'Build segments' }).click();
  await idle(page);
}
