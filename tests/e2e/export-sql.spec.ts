// "Export SQL" beside the lifecycle rule set, the cohort retention, the value scores and the campaign list: the saved .sql is the scoring
// SQL for the chosen dialect with the shown parameters written in, and names its input table
// (that such a script gives the tab's numbers on PostgreSQL: tests/pg/warehouse.test.ts).
// With SCREENSHOTS=<folder>, the views are photographed there (kept out of git).
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect, open, idle } from './fixtures';

const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SCREENSHOTS, `${name}.png`), fullPage: false });
};
const text = async (d: Download) => fs.readFileSync((await d.path())!, 'utf8');

test('Lifecycle: the rule set as PostgreSQL and DuckDB scripts, with the edited parameter', async ({ page }) => {
  await open(page, '?lang=en&view=lifecycle&sample=1');
  await expect(page.getByTestId('lifecycle-distribution').locator('tbody tr')).toHaveCount(24);
  await idle(page);
  await page.getByLabel('Acquisition months N').fill('5');
  await page.getByRole('button', { name: 'Recompute' }).click();
  await idle(page);
  await expect(page.getByTestId('lifecycle-rule')).toContainText('5 months');

  const group = page.getByRole('group', { name: 'Export the SQL of “CLM stages A–E (default)”' });
  await expect(group).toHaveAccessibleDescription(/as a script for DuckDB or a PostgreSQL-family data warehouse/);
  await group.getByLabel('Result').selectOption({ label: 'Month-to-month transitions' });
  await expect(group.getByLabel('SQL dialect')).toHaveValue('postgres');
  await group.getByRole('button', { name: 'Export SQL' }).scrollIntoViewIfNeeded();
  await shot(page, 'export-sql-lifecycle-en');
  let download = page.waitForEvent('download');
  await group.getByRole('button', { name: 'Export SQL' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toBe('clm-transitions-postgres.sql');
  let sql = await text(file);
  expect(sql).toMatch(/^-- CLM workbench: month-to-month stage transitions, PostgreSQL/);
  expect(sql).toContain('-- Input: a table "clm_input"');
  expect(sql).toMatch(/^--\s+customer_id\s+VARCHAR\s+customerId/m);
  expect(sql).toMatch(/^--\s+n_acquisition = 5 /m);
  expect(sql).toContain('CREATE TEMP TABLE "clm_stages" AS');
  expect(sql).toContain('WINDOW w AS (ORDER BY b.row_index ROWS UNBOUNDED PRECEDING)');
  expect(sql).toMatch(/SELECT stage AS from_stage, next_stage AS to_stage/);

  await group.getByLabel('SQL dialect').selectOption('duckdb');
  await group.getByLabel('Result').selectOption({ label: 'Stage of each customer and month' });
  download = page.waitForEvent('download');
  await group.getByRole('button', { name: 'Export SQL' }).press('Enter');
  file = await download;
  expect(file.suggestedFilename()).toBe('clm-stages-duckdb.sql');
  sql = await text(file);
  expect(sql).toMatch(/^-- CLM workbench: lifecycle stages per customer and month, DuckDB dialect/);
  expect(sql).toContain('CREATE OR REPLACE TEMP TABLE "clm_stages" AS');
  expect(sql).toContain("WHEN t.tenure IS NOT NULL AND t.tenure <= CAST(CAST(5 AS DOUBLE) AS INTEGER) THEN 'A'");
  expect(sql.trimEnd()).toMatch(
    /SELECT customer_id, strftime\(month, '%Y-%m'\) AS month, stage FROM "clm_stages" ORDER BY customer_id, month;$/
  );

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('Retention (zh): the cohort retention script, accessible', async ({ page }) => {
  await open(page, '?lang=zh&view=churn&sample=1');
  await page.getByRole('button', { name: '计算留存' }).click();
  await idle(page);
  const group = page.getByRole('group', { name: '导出“队列留存”的 SQL' });
  await expect(group.getByRole('combobox')).toHaveCount(1); // one result: no choice shown
  await group.getByRole('button', { name: '导出 SQL' }).scrollIntoViewIfNeeded();
  await shot(page, 'export-sql-retention-zh');
  const download = page.waitForEvent('download');
  await group.getByRole('button', { name: '导出 SQL' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('clm-retention-postgres.sql');
  const sql = await text(file);
  expect(sql).toMatch(/^-- CLM workbench: cohort retention by join month, PostgreSQL/);
  expect(sql).toContain("to_char((SELECT min(month) FROM \"clm_churn_rows\") + INTERVAL '1 month' * c.join_m, 'YYYY-MM')");
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('Customer value: the value scores script, with the future-value table named', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '?lang=en&view=value&sample=1');
  await expect(page.getByTestId('value-tiers')).toBeVisible();
  await idle(page);
  const group = page.getByRole('group', { name: 'Export the SQL of “Customer value”' });
  await expect(group.getByRole('combobox')).toHaveCount(1); // the dialect only
  await group.getByRole('button', { name: 'Export SQL' }).scrollIntoViewIfNeeded();
  await shot(page, 'export-sql-value-en');
  const download = page.waitForEvent('download');
  await group.getByRole('button', { name: 'Export SQL' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('clm-value-postgres.sql');
  const sql = await text(file);
  expect(sql).toMatch(/^-- CLM workbench: customer value scores \(Shenzhen Mobile customer value assessment system\), PostgreSQL/);
  expect(sql).toMatch(/^--\s+evaluation month = 2024-12$/m);
  expect(sql).toMatch(/^--\s+weights: historical 0.25, current 0.55, future 0.1, influence 0.1$/m);
  expect(sql).toContain('future value: read from the table "clm_future"');
  expect(sql).toContain('CREATE TEMP TABLE "clm_value_scores" AS');
  expect(sql.trimEnd()).toMatch(/SELECT \* FROM "clm_value_scores" ORDER BY customer_id COLLATE "C";$/);
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  if (process.env.SCREENSHOTS) {
    await open(page, '?lang=zh&view=value&sample=1');
    await expect(page.getByTestId('value-tiers')).toBeVisible();
    await idle(page);
    await page.getByRole('group', { name: '导出“客户价值”的 SQL' }).scrollIntoViewIfNeeded();
    await shot(page, 'export-sql-value-zh');
  }
});

test('Campaign list (zh): the screened target population script; none for a model-read filter', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '?lang=zh&view=value&sample=1');
  await expect(page.getByTestId('value-tiers')).toBeVisible();
  await idle(page);
  await page.getByRole('link', { name: '细分与营销' }).click();
  await page.getByRole('button', { name: '生成细分' }).click();
  await idle(page);
  await page.getByRole('button', { name: '生成名单' }).click();
  await idle(page);
  await expect(page.getByTestId('list-counts')).toBeVisible();
  const group = page.getByRole('group', { name: '导出“经价值筛选的营销名单”的 SQL' });
  await group.getByRole('button', { name: '导出 SQL' }).scrollIntoViewIfNeeded();
  await shot(page, 'export-sql-campaign-zh');
  await group.getByLabel('SQL 方言').selectOption('duckdb');
  const download = page.waitForEvent('download');
  await group.getByRole('button', { name: '导出 SQL' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('clm-campaign-duckdb.sql');
  const sql = await text(file);
  expect(sql).toMatch(/^-- CLM workbench: campaign target list screened by customer value .*, DuckDB dialect/);
  expect(sql).toMatch(/value screening: negative current value out, bottom 0.05 of the assessed by composite out/);
  expect(sql).toMatch(/\(seed design, share 0.1, seed 1\)/);
  expect(sql).toContain('CREATE OR REPLACE TEMP TABLE "clm_campaign_population" AS');
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // A loyalty band is a model's output: no script, and the note says why.
  await page.getByLabel('忠诚度等级').selectOption('fairlyHigh');
  await page.getByRole('button', { name: '生成名单' }).click();
  await idle(page);
  await expect(page.getByTestId('campaign-sql-model')).toContainText('忠诚度档');
  await expect(page.getByTestId('campaign-export-sql')).toHaveCount(0);
  await page.getByTestId('campaign-sql-model').scrollIntoViewIfNeeded();
  await shot(page, 'export-sql-campaign-model-zh');
  if (process.env.SCREENSHOTS) {
    await page.getByLabel('语言').selectOption('en');
    await page.getByLabel('Loyalty band').selectOption('');
    await page.getByRole('button', { name: 'Build list' }).click();
    await idle(page);
    await page.getByRole('group', { name: 'Export the SQL of “value-screened campaign list”' }).scrollIntoViewIfNeeded();
    await shot(page, 'export-sql-campaign-en');
  }
});
