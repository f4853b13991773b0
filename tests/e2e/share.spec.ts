// A link carries the analysis settings (never the data): opened elsewhere with the same data, it
// reproduces the screen; a file with other columns gets a clear message.
import { test, expect, open, idle, upload, tmpFile, loadSample } from './fixtures';

test('a copied link reproduces the lifecycle parameters on the same data', async ({ page, browser, baseURL }) => {
  await open(page);
  await loadSample(page);
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
  await loadSample(other);
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

test('a link carries the churn, value, segments and LTV choices: the same inputs and numbers on the sample', async ({
  page,
  browser,
  baseURL
}) => {
  test.setTimeout(240_000);
  await open(page);
  await loadSample(page);

  // Churn: split by region, a 2-month horizon with a stronger penalty, the cut-off at 30%.
  await page.getByRole('link', { name: 'Retention & churn' }).click();
  await idle(page);
  await page.getByLabel('Split by').selectOption('region');
  await page.getByRole('button', { name: 'Compute survival' }).click();
  await idle(page);
  await page.getByLabel('Horizon (months)').fill('2');
  await page.getByLabel('L2 penalty').fill('3');
  await page.getByRole('button', { name: 'Fit model' }).click();
  await idle(page);
  await page.getByLabel('Cut-off (%)').fill('30');
  const churn = {
    km: (await page.getByTestId('km-table').textContent()) ?? '',
    auc: (await page.getByTestId('auc').textContent()) ?? '',
    confusion: (await page.getByTestId('confusion').textContent()) ?? ''
  };
  expect(churn.confusion).toContain('0.30');

  // Customer value: decay 0.8 reassessed, the map coloured by customers.
  await page.getByRole('link', { name: 'Customer value' }).click();
  await idle(page);
  await page.getByLabel('Yearly decay Q of historical value').fill('0.8');
  await page.getByRole('button', { name: 'Assess value' }).click();
  await idle(page);
  await page.getByLabel('Colour by').selectOption('customers');
  const value = {
    historical: (await page.getByTestId('mean-historical').textContent()) ?? '',
    tiers: (await page.getByTestId('value-tiers').textContent()) ?? ''
  };

  // Segments: 4 RFM bins, k = 3 clusters, lever 3's impact lowered to 1.
  await page.getByRole('link', { name: 'Segments & campaigns' }).click();
  await page.getByLabel('RFM bins').fill('4');
  await page.getByRole('button', { name: 'Build segments' }).click();
  await idle(page);
  await page.getByLabel('k', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Run', exact: true }).first().click();
  await idle(page);
  await page.getByLabel('Impact on customer-level EBITDA (1–5) 3').fill('1');
  const segments = {
    rfm: (await page.getByTestId('segments-rfm').textContent()) ?? '',
    profiles: (await page.getByTestId('cluster-profiles').textContent()) ?? ''
  };
  expect(segments.rfm).toContain('F4');
  expect(segments.rfm).not.toContain('F5');

  // Lifetime value: the teaching table (no data needed) with 5,000 customers acquired.
  await page.getByRole('link', { name: 'Lifetime value' }).click();
  await page.getByLabel('Customers acquired').fill('5000');
  const teach = (await page.getByTestId('ltv-teach-table').textContent()) ?? '';

  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = page.url();
  // The link keeps only what differs from each tab's defaults.
  const carried = JSON.parse(Buffer.from(link.split('#s=')[1], 'base64url').toString('utf8'));
  expect(carried.value).toEqual({ params: { decay: 0.8 }, measure: 'customers' });
  expect(carried.churn).toEqual({ survival: true, split: 'region', model: true, horizon: 2, l2: 3, cutoff: 30 });
  expect(carried.segmentsTab).toEqual({ built: true, rfmBins: 4, clustered: true, k: 3, levers: [{ id: 3, impact: 1 }] });
  expect(carried.ltv).toEqual({ teach: { acquired: 5000 } });

  const other = await (await browser.newContext({ baseURL })).newPage();
  const otherErrors: string[] = [];
  other.on('pageerror', (e) => otherErrors.push(String(e)));
  other.on('console', (msg) => {
    if (msg.type() === 'error') otherErrors.push(msg.text());
  });
  await other.goto(link);
  await idle(other);
  await expect(other.getByLabel('Customers acquired')).toHaveValue('5000');
  await expect(other.getByTestId('ltv-teach-table')).toHaveText(teach);
  await other.getByRole('link', { name: 'Data' }).click();
  await loadSample(other);

  await other.getByRole('link', { name: 'Retention & churn' }).click();
  await expect(other.getByTestId('auc')).toHaveText(churn.auc);
  await idle(other);
  await expect(other.getByLabel('Split by')).toHaveValue('region');
  await expect(other.getByLabel('Horizon (months)')).toHaveValue('2');
  await expect(other.getByLabel('L2 penalty')).toHaveValue('3');
  await expect(other.getByLabel('Cut-off (%)')).toHaveValue('30');
  await expect(other.getByTestId('km-table')).toHaveText(churn.km);
  await expect(other.getByTestId('confusion')).toHaveText(churn.confusion);

  await other.getByRole('link', { name: 'Customer value' }).click();
  await expect(other.getByTestId('mean-historical')).toHaveText(value.historical);
  await idle(other);
  await expect(other.getByLabel('Yearly decay Q of historical value')).toHaveValue('0.8');
  await expect(other.getByLabel('Colour by')).toHaveValue('customers');
  await expect(other.getByTestId('value-tiers')).toHaveText(value.tiers);

  await other.getByRole('link', { name: 'Segments & campaigns' }).click();
  await expect(other.getByTestId('cluster-profiles')).toHaveText(segments.profiles);
  await idle(other);
  await expect(other.getByLabel('RFM bins')).toHaveValue('4');
  await expect(other.getByLabel('k', { exact: true })).toHaveValue('3');
  await expect(other.getByLabel('Impact on customer-level EBITDA (1–5) 3')).toHaveValue('1');
  await expect(other.getByTestId('segments-rfm')).toHaveText(segments.rfm);

  // A hand-edited link with nonsense falls back to the defaults instead of failing.
  const bad = btoa(
    JSON.stringify({
      churn: { horizon: 'x', l2: -4, model: 1 },
      segmentsTab: { rfmBins: 99, levers: [{ id: 3, impact: 42 }] },
      value: { params: { decay: 7 } }
    })
  );
  await other.goto(`${baseURL}?lang=en&view=segments&edited=1#s=${bad.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`);
  await idle(other);
  await expect(other.getByLabel('Impact on customer-level EBITDA (1–5) 3')).toHaveValue('4');
  expect(otherErrors).toEqual([]);
  await other.context().close();
});
