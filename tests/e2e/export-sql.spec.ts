// "Export SQL" beside the lifecycle rule set and the cohort retention: the saved .sql is the scoring
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
