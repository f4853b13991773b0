// A link carries the analysis settings (never the data): opened elsewhere with the same data, it
// reproduces the screen; a file with other columns gets a clear message.
import { test, expect, open, idle, upload, tmpFile } from './fixtures';

test('a copied link reproduces the lifecycle parameters on the same data', async ({ page, browser, baseURL }) => {
  await open(page);
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  await idle(page);
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(page);
  await page.getByLabel('Fall threshold').fill('0.5');
  await page.getByRole('button', { name: 'Recompute' }).click();
  await idle(page);
  await expect(page.getByTestId('lifecycle-rule')).toContainText('down by 50%');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('share-note')).toContainText('Link copied');
  const link = page.url();
  expect(link).toMatch(/view=lifecycle.*#s=[A-Za-z0-9_-]+$/);
  const lastRow = await page.getByTestId('lifecycle-distribution').locator('tbody tr').last().innerText();

  const other = await (await browser.newContext({ baseURL })).newPage();
  await other.goto(link);
  await idle(other);
  await expect(other.getByTestId('link-note')).toBeVisible();
  await other.getByRole('link', { name: 'Data' }).click();
  await other.getByRole('button', { name: 'Load sample data' }).click();
  await expect(other.getByTestId('kpi-table')).toBeVisible();
  await idle(other);
  await other.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(other);
  await expect(other.getByLabel('Fall threshold')).toHaveValue('0.5');
  await expect(other.getByTestId('lifecycle-rule')).toContainText('down by 50%');
  await expect.poll(() => other.getByTestId('lifecycle-distribution').locator('tbody tr').last().innerText()).toBe(lastRow);

  // The link's roles are for the sample's header; a file with other columns says so.
  await other.getByRole('link', { name: 'Data' }).click();
  await upload(other, tmpFile('other-columns.csv', 'a,b\n1,2\n'));
  await expect(other.getByTestId('link-mismatch')).toBeVisible();
  await other.context().close();
});
