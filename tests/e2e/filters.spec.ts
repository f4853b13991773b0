// A saved segment filters the other tabs: the lifecycle stages are computed for its customers only,
// the choice travels in the link with the segment's definition (and the campaign list's parameters),
// and a new browser that loads the same data gets the same segment, filter, numbers and list.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, idle, loadSample, buildSegments } from './fixtures';

test('a saved segment filters the lifecycle tab, and a link reproduces it', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000); // two browsers, each loading the sample and computing stages twice
  await open(page);
  await loadSample(page);
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(page);
  // No segment saved yet: the filter bar only points to where they are made.
  await expect(page.getByTestId('segment-filter')).toContainText('Save segments in Segments & campaigns');
  const allNote = await page.getByText(/Reached: customers with at least one month/).innerText();

  await buildSegments(page);
  await page.getByLabel('Segment name').fill('Top spenders');
  await page.getByLabel('Min M').fill('5');
  await page.getByRole('button', { name: 'Save segment' }).click();
  await idle(page);
  const saved = await page
    .getByRole('listitem')
    .filter({ hasText: /^Top spenders: [\d,]+$/ })
    .innerText();
  const size = Number(/:\s*([\d,]+)/.exec(saved)![1].replaceAll(',', ''));
  expect(size).toBeGreaterThan(100);
  // A campaign list on the segment: its parameters travel in the link too.
  await page.getByRole('combobox', { name: 'Segment' }).last().selectOption({ label: 'Top spenders' });
  await page.getByRole('combobox', { name: 'Design' }).selectOption('holdout');
  await page.getByLabel('Control share').fill('0.25');
  await page.getByLabel('Drop the bottom share by value rank').fill('0.1');
  await page.getByRole('button', { name: 'Build list' }).click();
  await idle(page);
  const counts = page.getByTestId('list-counts');
  const arms = [await counts.getAttribute('data-target'), await counts.getAttribute('data-control')];
  expect(Number(arms[1])).toBe(Math.round(0.25 * (Number(arms[0]) + Number(arms[1]))));

  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(page);
  await page.getByRole('combobox', { name: 'Customers' }).selectOption({ label: `Top spenders (${size.toLocaleString('en')})` });
  await idle(page);
  await expect(page.getByTestId('filter-active')).toContainText(`${size.toLocaleString('en')} of 2,000 customers`);
  // The stages are recomputed on the segment: the funnel counts its customers, not the panel's.
  await expect(page.getByText(/Reached: customers with at least one month/)).toContainText(size.toLocaleString('en'));
  expect(await page.getByText(/Reached: customers with at least one month/).innerText()).not.toBe(allNote);
  const lastRow = await page.getByTestId('lifecycle-distribution').locator('tbody tr').last().innerText();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = page.url();
  const other = await (await browser.newContext({ baseURL })).newPage();
  await other.goto(link);
  await idle(other);
  await other.getByRole('link', { name: 'Data' }).click();
  await loadSample(other);
  await other.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(other);
  // The link carried the segment's definition and the filter: both are rebuilt on the same data.
  await expect(other.getByRole('combobox', { name: 'Customers' })).toHaveValue('top_spenders');
  await expect(other.getByTestId('filter-active')).toContainText(`${size.toLocaleString('en')} of 2,000 customers`);
  await expect.poll(() => other.getByTestId('lifecycle-distribution').locator('tbody tr').last().innerText()).toBe(lastRow);
  // With the filter on, the campaign part says why its list cannot use a segment's assessment.
  await other.getByRole('link', { name: 'Segments & campaigns' }).click();
  await expect(other.getByTestId('campaign-filtered')).toContainText('set to a segment');
  await other.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(other);

  // Back to all customers.
  await other.getByRole('combobox', { name: 'Customers' }).selectOption({ index: 0 });
  await idle(other);
  await expect(other.getByTestId('filter-active')).toHaveCount(0);
  await expect(other.getByText(/Reached: customers with at least one month/)).toHaveText(allNote);

  // With all customers again (a list is drawn from the whole data, as Customer value assessed it), the
  // segments tab rebuilds itself from the link; the campaign form has the link's parameters (both
  // arms' definitions: the design too) and the same list comes out (seeded control group).
  await other.getByRole('link', { name: 'Customer value' }).click();
  await expect(other.getByTestId('value-tiers')).toBeVisible();
  await idle(other);
  await other.getByRole('link', { name: 'Segments & campaigns' }).click();
  await idle(other);
  await expect(other.getByLabel('Control share')).toHaveValue('0.25');
  await expect(other.getByLabel('Drop the bottom share by value rank')).toHaveValue('0.1');
  await expect(other.getByRole('combobox', { name: 'Design' })).toHaveValue('holdout');
  await expect(other.getByRole('combobox', { name: 'Segment' }).last()).toHaveValue('top_spenders');
  await other.getByRole('button', { name: 'Build list' }).click();
  await idle(other);
  await expect(other.getByTestId('list-counts')).toHaveAttribute('data-target', arms[0]!);
  await expect(other.getByTestId('list-counts')).toHaveAttribute('data-control', arms[1]!);
  await other.context().close();
});
