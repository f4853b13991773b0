// Segments & campaigns in the built site: sample panel → segments → a saved segment → a campaign
// list with a control group → both CSV exports match the counts on screen; evaluation, ROI; axe.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, idle, loadSample } from './fixtures';

async function csvLines(page: import('@playwright/test').Page, button: string): Promise<{ bom: boolean; lines: string[] }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  const chunks = await (await file.createReadStream()).toArray();
  const bytes = Buffer.concat(chunks);
  return { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, lines: bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/) };
}

test('segment, campaign list, exports matching the screen, evaluation, axe', async ({ page }) => {
  await open(page);
  await loadSample(page);
  await page.getByRole('link', { name: 'Segments & campaigns' }).click();
  await page.getByRole('button', { name: 'Build segments' }).click();
  await idle(page);
  await expect(page.getByRole('heading', { name: /Activity quadrant/ })).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: 'Frequent and large' })).toBeVisible();
  // Seed 001's cuts: business customers by size (ARPU stands in on the sample) and leading use.
  await expect(page.getByTestId('size-basis')).toContainText('no size column');
  await expect(page.getByRole('table', { name: 'Business customers by size (seed 001)' }).locator('tbody tr')).toHaveCount(3);
  await expect(page.getByRole('table', { name: /Usage behaviour/ })).toContainText('Data-led');

  await page.getByRole('button', { name: 'Run', exact: true }).first().click();
  await idle(page);
  await expect(page.getByRole('heading', { name: /Elbow/ })).toBeVisible();

  await page.getByLabel('Segment name').fill('Top spenders');
  await page.getByLabel('Min M').fill('4');
  await page.getByRole('button', { name: 'Save segment' }).click();
  await idle(page);
  await expect(page.getByText('segment_top_spenders')).toBeVisible();

  await page.getByRole('combobox', { name: 'Segment' }).last().selectOption({ label: 'Top spenders' });
  await page.getByLabel('Control share').fill('0.2');
  await page.getByRole('button', { name: 'Build list' }).click();
  await idle(page);
  const counts = page.getByTestId('list-counts');
  await expect(counts).toContainText('control');
  const target = Number(await counts.getAttribute('data-target'));
  const control = Number(await counts.getAttribute('data-control'));
  expect(target).toBeGreaterThan(0);
  expect(control).toBe(Math.round(0.2 * (target + control)));

  const t = await csvLines(page, 'Export target list');
  expect(t.bom).toBe(true);
  expect(t.lines[0]).toBe('customer_id,arpu,customer_type,region,plan,stage,arm');
  expect(t.lines.length).toBe(1 + target);
  expect(t.lines.slice(1).every((l) => l.endsWith(',target'))).toBe(true);
  const c = await csvLines(page, 'Export control group');
  expect(c.lines.length).toBe(1 + control);
  expect(c.lines.slice(1).every((l) => l.endsWith(',control'))).toBe(true);

  await page.getByRole('button', { name: 'Simulate outcomes (planted uplift)' }).click();
  await idle(page);
  await expect(page.getByText(/Uplift of ARPU change/)).toBeVisible();
  await expect(page.getByTestId('roi')).toContainText('×');

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
