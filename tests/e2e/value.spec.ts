// Customer value (seed 004) in the built site: sample data → Customer value tab → composite values,
// tiers, charts with tables; editing the weights changes the values; invalid weights are refused; axe.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, idle, loadSample } from './fixtures';

test('customer value on the sample panel: tiers, weights change values, axe', async ({ page }) => {
  await open(page);
  await loadSample(page);
  await page.getByRole('link', { name: 'Customer value' }).click();
  const tiers = page.getByTestId('value-tiers');
  await expect(tiers).toBeVisible();
  await idle(page);

  // 1,591 customers on the network in 2024-12: 20% high, 30% medium, 50% low (the vitest numbers).
  await expect(tiers.locator('tbody tr')).toHaveCount(3);
  await expect(tiers.locator('tbody tr').first().locator('td').first()).toHaveText('319');
  // The sample's value columns (issue 6) give every part of the influence value and 26 special lines (X).
  await expect(page.getByTestId('mean-influence')).toHaveText('297.0');
  await expect(page.getByTestId('value-notes')).not.toContainText('influence parts have no column');
  await expect(page.getByTestId('future-groups')).toContainText('Revenue, 6-month mean');
  await expect(page.getByTestId('credit-grades').locator('tbody tr')).toHaveCount(9);
  await expect(page.getByTestId('credit-grades').locator('tbody tr').last()).toContainText('26');
  await expect(page.getByTestId('loyalty-bands').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('value-map-table').locator('tbody tr')).toHaveCount(30);
  const results = page.getByTestId('value-results');
  await expect(results.locator('tbody tr')).toHaveCount(50);

  const composite = page.getByTestId('mean-composite');
  const before = await composite.textContent();
  const weight = (name: string) => page.getByRole('group', { name: /Weights/ }).getByLabel(name);
  // Weights that do not sum to 1 are refused before anything runs.
  await weight('Historical value').fill('0.5');
  await expect(page.getByTestId('weights-error')).toContainText('sum to 1.25');
  await expect(page.getByRole('button', { name: 'Assess value' })).toBeDisabled();
  await weight('Current value').fill('0.3');
  await expect(page.getByTestId('weights-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Assess value' }).click();
  await idle(page);
  await expect(composite).not.toHaveText(before!);

  // Sorting by a column reloads the top rows from the worker.
  await results.getByRole('button', { name: 'Credit score' }).click();
  await idle(page);
  await expect(results.locator('th[aria-sort="descending"]')).toHaveText('Credit score');

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('Chinese labels and the full CSV built in the worker', async ({ page }) => {
  await open(page, '?lang=zh');
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  await idle(page);
  await page.getByRole('link', { name: '客户价值' }).click();
  await expect(page.getByTestId('value-tiers')).toBeVisible();
  await idle(page);
  await expect(page.getByRole('heading', { name: '信用度评级' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载全部用户（CSV）' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(text).toString('utf8').trim().split(/\r\n/);
  expect(lines[0]).toContain('customerId,historical,historyMethod');
  expect(lines.length).toBe(1 + 1591);
});
