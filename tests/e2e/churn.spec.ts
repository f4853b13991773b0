// Retention & churn tab on the telco file: KM split by Contract with its median, the early-warning
// model's holdout AUC (the same 0.847 as workers/churn/churn.test.ts), the risk-list CSV, and axe.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { test, expect, open, upload, idle, SHARED } from './fixtures';

test('telco: survival by Contract, model AUC, risk list CSV, accessible', async ({ page }) => {
  await open(page);
  await upload(page, `${SHARED}/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv`);
  await page.getByRole('link', { name: 'Retention & churn' }).click();
  await idle(page);

  await expect(page.getByLabel('Split by')).toHaveValue('plan'); // Contract, mapped as plan
  await page.getByRole('button', { name: 'Compute survival' }).click();
  await idle(page);
  const km = page.getByTestId('km-table');
  await expect(km.getByRole('row', { name: /Month-to-month/ })).toContainText('35.0');
  await expect(km.getByRole('row', { name: /Two year/ })).toContainText('not reached');
  await expect(page.getByRole('img', { name: /Kaplan–Meier survival curves by Contract/ })).toBeVisible();

  await page.getByRole('button', { name: 'Fit model' }).click();
  await idle(page);
  await expect(page.getByTestId('auc')).toHaveText('0.847');
  await expect(page.getByTestId('risk-list').locator('tbody tr').first()).toBeVisible();
  // The win-back list is empty (MonthlyCharges stop below the default high-tier cut of 150): it says why.
  await expect(page.getByTestId('win-back-empty')).toContainText(
    /None of the 1,869 churned customers .* highest last ARPU is 11\d\.\d\d yuan/
  );

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the full list (CSV)' }).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('churn-risk-list.csv');
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true); // BOM so Excel reads it as UTF-8
  const lines = text.trim().split(/\r\n/);
  expect(lines[0]).toBe('customer_id,score,arpu,arpu_tier,reason_1,reason_2,reason_3');
  expect(lines.length).toBeGreaterThan(100);

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('sample panel (zh): cohort heatmap, time-holdout model, accessible', async ({ page }) => {
  await open(page, '?lang=zh&view=churn&sample=1');
  await expect(page.getByRole('heading', { level: 2, name: '留存与离网' })).toBeVisible();
  await page.getByRole('button', { name: '计算留存' }).click();
  await idle(page);
  await expect(page.getByRole('img', { name: '按入网月与入网后月数的队列留存热力图' })).toBeVisible();
  await page.getByRole('button', { name: '拟合模型' }).click();
  await idle(page);
  await expect(page.getByTestId('auc')).toHaveText(/^0\.9\d\d$/);
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('sample panel: churn by lifecycle stage from the stages Lifecycle computed', async ({ page }) => {
  await open(page, '?lang=en&view=churn&sample=1');
  const card = page.locator('section', { has: page.locator('#churn-by-stage') });
  // Before Lifecycle has run: the card says so (no numbers from nowhere).
  await expect(card.getByRole('alert')).toBeVisible();
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await expect(page.getByTestId('lifecycle-distribution').locator('tbody tr')).toHaveCount(24, { timeout: 60_000 });
  await idle(page);
  await page.getByRole('link', { name: 'Retention & churn' }).click();
  await card.getByRole('button', { name: 'Show churn by stage' }).click();
  await idle(page);
  const table = page.getByTestId('stage-churn');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  // Maturity (C) keeps customers better than decline (D): parse the 3-month rates.
  const rate = async (i: number) => Number((await table.locator('tbody tr').nth(i).locator('td').nth(1).innerText()).replace('%', ''));
  expect(await rate(2)).toBeLessThan(await rate(3));
  await expect(page.getByText('The 40% and 43% of the Zhongshan Mobile data-service case are churn of customers in a stage')).toBeVisible();
});
