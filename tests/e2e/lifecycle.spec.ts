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

// Seed 000 as the deck lays it out, in both languages: levers 2 / 2 / 2 / 2 / 1 under A–E, the
// eight revenue levers carrying the 16 initiatives (each once), three side-effect pairs, and the
// stage × five-elements grid with each initiative in one cell.
for (const lang of ['zh', 'en'] as const) {
  test(`lever tables of the China Telecom CLM deck (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}&view=lifecycle&sample=1`);
    const stageLevers = page.getByTestId('lifecycle-levers');
    await expect(stageLevers.locator('tbody tr')).toHaveCount(5, { timeout: 60_000 });
    const perStage = await stageLevers
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td:nth-of-type(2) li').length));
    expect(perStage).toEqual([2, 2, 2, 2, 1]);
    await expect(stageLevers.locator('tbody tr').first()).toContainText(
      lang === 'zh' ? '发现尚未使用电信产品或正使用竞争对手产品的客户' : 'Find people not yet using telecom products'
    );

    const revenue = page.getByTestId('lifecycle-revenue-levers');
    await expect(revenue.locator('tbody tr')).toHaveCount(8);
    const ids = (await revenue.locator('tbody td:nth-of-type(2) li').allInnerTexts()).map((t) => Number(t.split('.')[0]));
    expect([...new Set(ids)].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    await expect(revenue).toContainText(lang === 'zh' ? '设计离网赢回工具包' : 'Design a win-back toolkit');

    await expect(page.getByTestId('lifecycle-side-effects').locator('tbody tr')).toHaveCount(3);
    const grid = (await page.getByTestId('lifecycle-grid').locator('tbody li').allInnerTexts()).map((t) => Number(t.split('.')[0]));
    expect(grid.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });
}

test('stage KPIs beside the distribution; a new month reruns only the month views', async ({ page }) => {
  await open(page, '?lang=en&view=lifecycle&sample=1');
  const kpis = page.getByTestId('lifecycle-kpis');
  await expect(kpis.locator('tbody tr')).toHaveCount(5, { timeout: 60_000 });
  await idle(page);
  const seconds = page.getByTestId('lifecycle-seconds');
  const run = await seconds.getAttribute('data-run');
  const before = await kpis.locator('tbody').innerText();
  await page.getByLabel('Month shown').selectOption({ index: 5 });
  await idle(page);
  await expect(page.getByTestId('lifecycle-cross')).toBeVisible();
  await expect.poll(() => kpis.locator('tbody').innerText()).not.toBe(before);
  expect(await seconds.getAttribute('data-run')).toBe(run);
  // Churn within 3 months of being in a stage fills the KPI table once the stages exist.
  await expect(kpis.locator('tbody tr').nth(2).locator('td').nth(5)).toHaveText(/^\d+(\.\d)?%$/);
});

// Seed 000, initiative 10: an offer/contract end date column (a Chinese header) brings the list of
// mid/high-value customers whose offer ends in the next N months; January–June 2024, so the next
// 3 months run to the end of September.
test('offer end dates: the renewal list of customers whose offer ends soon (zh)', async ({ page }) => {
  const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
  const customers: [string, number, string][] = [
    ['hi', 100, '2024-08-15'],
    ['lo', 20, '2024-07-01'],
    ['far', 100, '2025-01-31'],
    ['edge', 80, '2024-09-30']
  ];
  const rows = customers.flatMap(([id, revenue, end]) => months.map((m, i) => `${id},${m},${revenue},${20 + i},${end}`));
  const file = tmpFile('offer-ends.csv', `customer_id,month,revenue,tenure,优惠到期日\n${rows.join('\n')}\n`);
  await open(page, '?lang=zh');
  await upload(page, file);
  await page.getByRole('link', { name: '生命周期', exact: true }).click();
  await expect(page.getByTestId('lifecycle-distribution').locator('tbody tr')).toHaveCount(6, { timeout: 60_000 });
  await page.getByRole('button', { name: '列出客户' }).click();
  await idle(page);
  const list = page.getByTestId('lifecycle-offers');
  await expect(list.locator('tbody th')).toHaveText(['hi', 'edge']);
  await page.getByLabel('ARPU 不低于（元）').fill('90');
  await page.getByRole('button', { name: '列出客户' }).click();
  await idle(page);
  await expect(list.locator('tbody th')).toHaveText(['hi']);
});
