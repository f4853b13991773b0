// The Lifecycle tab on the sample panel: distribution table, a parameter change moves the numbers,
// the agreement with the planted truth, axe; and a non-panel dataset gets a clear message.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, idle, upload, tmpFile, loadSample } from './fixtures';

test('sample → Lifecycle: distribution, parameter change recomputes, agreement, axe', async ({ page }) => {
  await open(page);
  await loadSample(page);
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  const table = page.getByTestId('lifecycle-distribution');
  await expect(table.locator('tbody tr')).toHaveCount(24);
  await idle(page);
  await expect(page.getByTestId('lifecycle-agreement')).toContainText('rows agree');
  const before = await table.locator('tbody tr').last().innerText();
  await page.getByLabel('Fall threshold').fill('0.5');
  await page.getByRole('button', { name: 'Recompute' }).click();
  await idle(page);
  await expect(page.getByTestId('lifecycle-rule')).toContainText('down by 50%');
  await expect.poll(() => table.locator('tbody tr').last().innerText()).not.toBe(before);
  await expect(page.getByTestId('lifecycle-sql')).toContainText('CREATE OR REPLACE TABLE', { useInnerText: false });
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a dataset without months says it is not a panel', async ({ page }) => {
  await open(page);
  await upload(page, tmpFile('lifecycle-snapshot.csv', 'customer_id,revenue\nu1,10\nu2,20\n'));
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await expect(page.getByTestId('lifecycle-not-panel')).toContainText('monthly panel');
});
