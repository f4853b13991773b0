// Customer value in the built site on the sample panel (2,000 × 24, seed 1): the composite's actual
// shares next to its weights on each basis, the value tier × elasticity layer matrix with the seed's
// readings, the benchmarks on the future-value curves, tiers, editing weights, axe; the same in
// Chinese with the full CSV built in the worker. The numbers are those of assess.sample.test.ts.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, open, idle, loadSample } from './fixtures';

/** The cells of a table's body, row by row. */
const cells = (table: Locator) =>
  table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));

/** User-visible text never cites an internal document or a seed by its file number. */
async function citesNoInternalDocument(page: Page): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/DOMAIN|issue \d|§|seed 00\d|种子文档|the seed|\.txt/i);
}

test('customer value on the sample panel: actual shares, the elasticity matrix, benchmarks, weights, axe', async ({ page }) => {
  await open(page);
  await loadSample(page);
  await page.getByRole('link', { name: 'Customer value' }).click();
  const tiers = page.getByTestId('value-tiers');
  await expect(tiers).toBeVisible();
  await idle(page);

  // 1,591 customers on the network in 2024-12: 20% high, 30% medium, 50% low by composite rank.
  await expect(tiers.locator('tbody tr')).toHaveCount(3);
  await expect(tiers.locator('tbody tr').first().locator('td').first()).toHaveText('319');

  // On ranks (the default) each value supplies exactly its weight; summed in yuan history would supply 64.1%.
  const shares = page.getByTestId('composite-shares');
  expect((await cells(shares)).map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
    ['Historical value', '25%', '25.0%', '64.1%'],
    ['Current value', '55%', '55.0%', '25.4%'],
    ['Future value', '10%', '10.0%', '5.6%'],
    ['Influence value', '10%', '10.0%', '4.8%']
  ]);
  await expect(page.getByTestId('seed-weights')).toContainText('Shenzhen Mobile customer value assessment system');
  await expect(page.getByTestId('seed-weights')).toContainText('percentile ranks');

  // Value tier × elasticity layer (layers 1 / 2 / 3 by thirds of E, then undefined), with the seed's readings.
  const matrix = page.getByTestId('value-elasticity-matrix');
  expect(await cells(matrix)).toEqual([
    ['High', '141', '118', '60', '0'],
    ['Medium', '170', '163', '138', '6'],
    ['Low', '153', '183', '265', '194']
  ]);
  const readings = page.getByTestId('elasticity-readings');
  await expect(readings).toContainText('Low × 1 (most elastic) (153 customers): invest more: potential');
  await expect(readings).toContainText('High × 3 (least elastic) (60 customers): just keep, with moderate investment');
  await expect(page.getByTestId('elasticity-layers')).toContainText('Median ΔQ/ΔP (yuan per yuan)');

  // The seed's five benchmarks on the future-value error curves, and which the data meets.
  await expect(page.getByTestId('future-bench-summary')).toHaveText('This data meets 5 of the source’s 5 benchmarks.');
  expect((await cells(page.getByTestId('future-benchmarks')))[0]).toEqual([
    'Revenue group 1 · low value',
    'absolute error ≤ 40 yuan',
    '≥ 90%',
    '97.3%',
    'yes'
  ]);

  // History by the seed's formula with a worked example; influence by role; brand rules in credit.
  await expect(page.getByTestId('history-example')).toContainText('n = 2 years and m = 1 months');
  await expect(page.getByTestId('influence-parts')).toContainText('group_key_contact');
  await expect(page.getByTestId('credit-rules')).toContainText('Prepaid (智能网) to GoTone (全球通)');
  await expect(page.getByTestId('credit-grades').locator('tbody tr')).toHaveCount(9);
  await expect(page.getByTestId('credit-grades').locator('tbody tr').last()).toContainText('26');
  await expect(page.getByTestId('loyalty-bands').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('value-map-table').locator('tbody tr')).toHaveCount(30);
  await expect(page.getByTestId('value-map-strategy')).toContainText('special care');
  await expect(page.getByTestId('value-monitor').locator('tbody tr')).toHaveCount(24);
  const results = page.getByTestId('value-results');
  await expect(results.locator('tbody tr')).toHaveCount(50);
  await citesNoInternalDocument(page);

  // Another basis: summed as yuan, the actual shares are the yuan shares.
  await page.getByTestId('composite-basis').selectOption('yuan');
  await page.getByRole('button', { name: 'Assess value' }).click();
  await idle(page);
  expect((await cells(shares)).map((r) => r[4])).toEqual(['64.1%', '25.4%', '5.6%', '4.8%']);

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

test('Chinese: the shares, the matrix, the seed cited by its title, and the full CSV built in the worker', async ({ page }) => {
  await open(page, '?lang=zh');
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  await idle(page);
  await page.getByRole('link', { name: '客户价值' }).click();
  await expect(page.getByTestId('value-tiers')).toBeVisible();
  await idle(page);
  await expect(page.getByRole('heading', { name: '信用度评级' })).toBeVisible();

  const shares = page.getByTestId('composite-shares');
  await expect(shares.locator('thead')).toContainText('占综合价值的实际比例');
  expect((await cells(shares)).map((r) => [r[0], r[4], r[5]])).toEqual([
    ['历史价值', '25.0%', '64.1%'],
    ['当前价值', '55.0%', '25.4%'],
    ['未来价值', '10.0%', '5.6%'],
    ['影响价值', '10.0%', '4.8%']
  ]);
  expect(await cells(page.getByTestId('value-elasticity-matrix'))).toEqual([
    ['高', '141', '118', '60', '0'],
    ['中', '170', '163', '138', '6'],
    ['低', '153', '183', '265', '194']
  ]);
  await expect(page.getByTestId('elasticity-readings')).toContainText('低 × 1（弹性最高）（153 个用户）：多投入：有潜力');
  await expect(page.getByTestId('seed-weights')).toContainText('深圳移动《客户价值评估体系的搭建及创新应用》');
  await expect(page.getByTestId('future-bench-summary')).toHaveText('本数据达到原文 5 项基准中的 5 项。');
  await citesNoInternalDocument(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载全部用户（CSV）' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(text).toString('utf8').trim().split(/\r\n/);
  expect(lines[0]).toContain('customerId,historical,historyMonths,historyMethod');
  expect(lines[0]).toContain('elasticity,revenuePerYuan,elasticityLayer');
  expect(lines.length).toBe(1 + 1591);
});

test('group value monitoring follows lifecycle stages once the Lifecycle tab has run, adding up to the segments', async ({ page }) => {
  await open(page, '?sample=1&view=lifecycle');
  await expect(page.getByTestId('lifecycle-distribution')).toBeVisible();
  await idle(page);
  await page.getByRole('link', { name: 'Customer value' }).click();
  await expect(page.getByTestId('value-tiers')).toBeVisible();
  await idle(page);

  const by = page.getByTestId('monitor-by');
  await expect(by.locator('option')).toHaveText(['Value tier', 'Lifecycle stage', 'Segment (customer_type)']);
  const table = page.getByTestId('value-monitor');
  // Each month's profit split by stage and by segment: both partition the customers of that month.
  const monthTotals = async () => (await cells(table)).map((r) => r.slice(1).reduce((s, c) => s + Number(c.replace(/,/g, '')), 0));
  await by.selectOption('stage');
  await expect(table.locator('thead th')).toHaveText(['Month', 'A Acquisition', 'B Build-up', 'C Climax', 'D Decline', 'E Exit']);
  const byStage = await monthTotals();
  await by.selectOption('segment');
  await expect(table.locator('thead th').nth(1)).not.toHaveText('A Acquisition');
  const bySegment = await monthTotals();
  expect(byStage).toHaveLength(24);
  byStage.forEach((v, i) => expect(Math.abs(v - bySegment[i]), `month ${i + 1}`).toBeLessThan(1));
  await expect(table).not.toContainText('NaN');
});
