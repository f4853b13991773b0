// The site itself: language, sample data, accessibility, CSP.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, idle, loadSample } from './fixtures';

test('sample data button loads a generated panel with monthly KPIs', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'sample-panel.csv' }).or(page.getByRole('heading', { level: 2, name: '示例面板数据.csv' }))
  ).toBeVisible();
  await idle(page);
  await expect(page.getByTestId('kind')).toHaveText(/Monthly panel/);
  await expect(page.getByTestId('customers')).toHaveText('2,000');
  await expect(page.getByTestId('months')).toHaveText('24');
  await expect(page.getByTestId('rejected')).toHaveText('0');
  await expect(page.getByTestId('duplicate-keys')).toHaveText('0');
  await expect(page.getByTestId('kpi-table').locator('tbody tr')).toHaveCount(24);
});

test('?lang= forces the language and the switch changes it', async ({ page }) => {
  await open(page, '?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户生命周期工作台');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CLM Workbench');
  // The URL follows, so a copied link reopens in the language chosen.
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

test('defaults to the browser language', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'zh-CN', baseURL });
  const page = await context.newPage();
  await page.goto('./');
  await idle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户生命周期工作台');
  await context.close();
});

test('numbers are formatted for the locale', async ({ page }) => {
  await open(page, '?lang=zh');
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByTestId('customers')).toHaveText('2,000');
  await expect(page.getByTestId('kind')).toHaveText(/月度面板/);
});

test('a strict Content Security Policy is in the page', async ({ page }) => {
  await open(page);
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/https?:/);
});

test('no accessibility violations (axe), empty and with data', async ({ page }) => {
  await open(page);
  const empty = await new AxeBuilder({ page }).analyze();
  expect(empty.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  await loadSample(page);
  await page.getByText('Preview (first rows as read)').click();
  const loaded = await new AxeBuilder({ page }).analyze();
  expect(loaded.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('keyboard: the file input and sample button are reachable by Tab', async ({ page }) => {
  await open(page);
  const reached: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.outerHTML.slice(0, 60) ?? ''));
  }
  expect(reached.some((h) => h.includes('type="file"'))).toBe(true);
  expect(reached.some((h) => h.includes('Load sample data'))).toBe(true);
});

test('?sample=1 opens with the sample panel loaded', async ({ page }) => {
  await page.goto('?lang=en&sample=1');
  await expect(page.getByTestId('customers')).toHaveText('2,000');
});

test('long work shows progress and can be cancelled; the engine comes back', async ({ page }) => {
  await open(page);
  await page.getByLabel('Sample size (customers)').fill('150000');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  await expect(page.getByRole('status').locator('progress')).toBeVisible();
  await cancel.click();
  await expect(page.getByText('Cancelled. The engine was restarted')).toBeVisible();
  await idle(page);
  await expect(page.getByTestId('engine-ready')).toBeVisible();
  // The restarted engine works.
  await page.getByLabel('Sample size (customers)').fill('100');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByTestId('customers')).toHaveText('100');
});
