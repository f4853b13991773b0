// Settings files and hand-edited links (issue 16): Open settings applies the settings to the page
// as it is — the loaded data stays (it used to unload every file without a warning) — and settings
// that fail their checks are dropped with a note instead of breaking a tab or the page.
import { test, expect, open, idle, loadSample, upload, tmpFile } from './fixtures';
import { headerSignature } from '../../common/headers';

const hash = (text: string) => Buffer.from(text).toString('base64url');

test('Open settings keeps the loaded data and applies the settings; a 3 MB file is refused', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  await loadSample(page);
  await upload(page, tmpFile('second.csv', 'customer_id,month,revenue\nu1,2024-01,10\nu1,2024-02,12\nu2,2024-01,5\n'));
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const file = tmpFile(
    'clm-settings.json',
    JSON.stringify({
      lifecycle: { ruleSet: 'clm', params: { down: 0.5, n_acquisition: 99 } },
      churn: { horizon: 2 },
      segmentsTab: { rfmBins: 4, k: 'many' }
    })
  );
  await page.getByLabel('Open settings').setInputFiles(file);
  await expect(page.getByTestId('share-note')).toHaveText('Settings opened; the loaded data was kept.');
  await idle(page);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // Both files are still loaded.
  const datasets = page.getByRole('navigation', { name: 'Loaded files' });
  await expect(datasets.getByRole('button', { name: 'sample-panel.csv', exact: true })).toBeVisible();
  await expect(datasets.getByRole('button', { name: 'second.csv', exact: true })).toBeVisible();
  // What failed its check is named; the rest applies.
  await expect(page.getByTestId('link-dropped')).toContainText('segmentsTab.k');
  await datasets.getByRole('button', { name: 'sample-panel.csv', exact: true }).click();
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(page);
  await expect(page.getByLabel('Fall threshold')).toHaveValue('0.5');
  await expect(page.getByLabel('Acquisition months N')).toHaveValue('3'); // 99 is out of range: the default
  await expect(page.getByTestId('lifecycle-rule')).toContainText('down by 50%');
  await expect(page.getByTestId('link-dropped')).toContainText('lifecycle.params.n_acquisition');
  await page.getByRole('link', { name: 'Retention & churn' }).click();
  await idle(page);
  await expect(page.getByLabel('Horizon (months)')).toHaveValue('2');

  // A 3 MB settings file is refused whole (it made a 4,000,000-character URL and a blank tab).
  const before = page.url();
  await page
    .getByLabel('Open settings')
    .setInputFiles(tmpFile('huge-settings.json', JSON.stringify({ lifecycle: { cuts: 'x'.repeat(3_000_000) } })));
  await expect(page.getByTestId('share-note')).toContainText('That settings file was not opened: they are too large');
  expect(page.url()).toBe(before);
  await expect(page.getByTestId('lifecycle-distribution')).toHaveCount(0); // (the churn tab is shown)
  await page.getByRole('link', { name: 'Data' }).click();
  await expect(page.getByRole('navigation', { name: 'Loaded files' }).getByRole('button', { name: /^Remove / })).toHaveCount(2);
});

test('a hand-edited link: __proto__ in lifecycle params and an unknown rule set leave the tab working, with a note', async ({ page }) => {
  // Roles are keyed by the header's signature, as the page writes them.
  const header = headerSignature(['customer_id', 'month', 'revenue']);
  const edited = `{"lifecycle":{"ruleSet":"constructor","params":{"__proto__":{"x":1},"down":0.5}},"roles":{"clm.roles.${header}":["customerId","month","weekday"]}}`;
  await open(page, `?lang=en#s=${hash(edited)}`);
  await expect(page.getByTestId('link-dropped')).toContainText('lifecycle.params.__proto__');
  // An unknown role name in the link must not stop a file with that header from loading.
  await upload(page, tmpFile('panel.csv', 'customer_id,month,revenue\nu1,2024-01,10\nu1,2024-02,12\nu2,2024-01,5\nu2,2024-02,0\n'));
  await expect(page.getByTestId('accounting')).toContainText('4 loaded + 0 rejected = 4 rows in the file');
  await expect(page.getByTestId('link-dropped')).toContainText(`roles.${header}`);
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(page);
  await expect(page.getByTestId('lifecycle-distribution')).toBeVisible();
  await expect(page.getByTestId('lifecycle-error')).toHaveCount(0);
  await expect(page.getByTestId('link-dropped')).toContainText('lifecycle.ruleSet');
});

test('a 20,000-deep link is refused with a note; files still load and settings still save', async ({ page }) => {
  const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
  await open(page, `?lang=en#s=${hash(deep)}`);
  await expect(page.getByTestId('link-refused')).toContainText('nested too deeply');
  await loadSample(page);
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await idle(page);
  await expect(page.getByTestId('lifecycle-distribution')).toBeVisible();
  expect(page.url()).toMatch(/#s=[A-Za-z0-9_-]+$/); // the link is written again, from the page's own settings
});
