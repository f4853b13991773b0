// Segments & campaigns in the built site: sample panel → segments (the activity quadrant says a
// monthly panel has no transaction counts and withholds the article's readings) → a saved segment →
// a campaign list on it with an untreated holdout → both CSV exports match the counts on screen;
// simulated evaluation said to be simulated, ROI terms; axe.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, idle, loadSample, upload, SHARED, buildSegments } from './fixtures';

async function csvLines(page: import('@playwright/test').Page, button: string): Promise<{ bom: boolean; lines: string[] }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  const chunks = await (await file.createReadStream()).toArray();
  const bytes = Buffer.concat(chunks);
  return {
    bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    lines: bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/)
  };
}

test('segment, campaign list, exports matching the screen, evaluation, axe', async ({ page }) => {
  await open(page);
  await loadSample(page);
  await buildSegments(page);
  await expect(page.getByRole('heading', { name: /Activity quadrant/ })).toBeVisible();
  // The sample is a monthly panel: frequency is active months a year, and the readings are withheld.
  await expect(page.getByTestId('activity-basis')).toHaveAttribute('data-basis', 'activeMonths');
  await expect(page.getByTestId('activity-basis')).toContainText('no transaction or usage-event counts');
  const quadrants = page.getByTestId('quadrant-table');
  await expect(quadrants.locator('tbody tr')).toHaveCount(4);
  await expect(quadrants).toContainText('II · frequent but small');
  await expect(quadrants.locator('thead')).not.toContainText('reading');
  await expect(page.getByRole('img', { name: /Activity quadrant/ })).toBeVisible();
  // The China Mobile business customer process's cuts: business customers by size (ARPU stands in on the sample) and leading use.
  await expect(page.getByTestId('size-basis')).toContainText('no size column');
  await expect(page.getByRole('table', { name: /^Business customers by size/ }).locator('tbody tr')).toHaveCount(3);
  await expect(page.getByRole('table', { name: /Usage behaviour/ })).toContainText('Data-led');

  await page.getByRole('button', { name: 'Run', exact: true }).first().click();
  await idle(page);
  await expect(page.getByRole('heading', { name: /Elbow/ })).toBeVisible();

  await page.getByLabel('Segment name').fill('Top spenders');
  await page.getByLabel('Min M').fill('4');
  await page.getByRole('button', { name: 'Save segment' }).click();
  await idle(page);
  // Listed by its name, not the engine's table key (segment_top_spenders).
  await expect(page.getByRole('listitem').filter({ hasText: /^Top spenders: [\d,]+$/ })).toBeVisible();
  await expect(page.getByText('segment_top_spenders')).toHaveCount(0);
  // Look-alikes need a segment: Find waits for one and says so.
  await expect(page.getByRole('button', { name: 'Find' })).toBeDisabled();
  await expect(page.getByText('Choose the saved segment whose look-alikes to find')).toBeVisible();

  await page.getByRole('combobox', { name: 'Segment' }).last().selectOption({ label: 'Top spenders' });
  await page.getByRole('combobox', { name: 'Design' }).selectOption('holdout');
  await expect(page.getByTestId('design-note')).toContainText('untreated holdout');
  await page.getByLabel('Control share').fill('0.2');
  await page.getByRole('button', { name: 'Build list' }).click();
  await idle(page);
  const counts = page.getByTestId('list-counts');
  await expect(counts).toContainText('control list');
  const target = Number(await counts.getAttribute('data-target'));
  const control = Number(await counts.getAttribute('data-control'));
  expect(target).toBeGreaterThan(0);
  // The holdout is a share of the value-screened list.
  expect(control).toBe(Math.round(0.2 * (target + control)));
  await expect(page.getByTestId('campaign-funnel')).toContainText('Not in the segment');
  await expect(page.getByTestId('campaign-arms')).toContainText('Holdout: a seeded 20% of the value-screened list, not contacted.');

  const t = await csvLines(page, 'Export target list');
  expect(t.bom).toBe(true);
  expect(t.lines[0]).toBe('Rank,Customer ID,Value tier,Composite value,ARPU (yuan),Credit grade,Loyalty band,Elasticity layer,Arm');
  expect(t.lines.length).toBe(1 + target);
  expect(t.lines.slice(1).every((l) => l.endsWith(',Target'))).toBe(true);
  const c = await csvLines(page, 'Export control list');
  expect(c.lines.length).toBe(1 + control);
  expect(c.lines.slice(1).every((l) => l.endsWith(',Control'))).toBe(true);

  await page.getByRole('button', { name: 'Simulate outcomes (planted response)' }).click();
  await idle(page);
  await expect(page.getByTestId('planted-note')).toContainText('Simulated, not measured');
  await expect(page.getByTestId('subsidy-source')).toContainText('Simulated: the 20% control point was planted');
  await expect(page.getByText(/Uplift of contacting/)).toBeVisible();
  await expect(page.getByTestId('roi')).toContainText('×');

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a transaction log: the activity quadrant counts transactions a year and shows the article’s readings', async ({ page }) => {
  await open(page);
  await upload(page, `${SHARED}/cdnow/CDNOW_sample.txt`);
  await page.getByRole('link', { name: 'Segments & campaigns' }).click();
  await page.getByRole('button', { name: 'Build segments' }).click();
  await idle(page);
  await expect(page.getByTestId('activity-basis')).toHaveAttribute('data-basis', 'transactions');
  await expect(page.getByRole('img', { name: /Activity quadrant/ })).toBeVisible();
  const quadrants = page.getByTestId('quadrant-table');
  await expect(quadrants.locator('thead')).toContainText('The article’s reading');
  await expect(quadrants.getByRole('row', { name: /^IV · rare but large/ })).toContainText('the habit is not formed');
  // Most CDNOW customers bought nothing in the window: they are rare and small, not all frequent and large.
  const customers = async (name: RegExp) =>
    Number((await quadrants.getByRole('row', { name }).getByRole('cell').nth(1).innerText()).replaceAll(',', ''));
  const [first, third] = [await customers(/^I · frequent/), await customers(/^III · rare and small/)];
  expect(third).toBeGreaterThan(first);
  expect(first).toBeGreaterThan(0);
});
