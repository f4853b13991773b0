// Loads each real file in ../shared/data in the built site and checks the exact counts on screen.
import { test, expect, open, upload, SHARED } from './fixtures';

const cases = [
  { file: 'cdnow/CDNOW_master.txt', rows: '69,659', customers: '23,570', rejected: '0' },
  { file: 'cdnow/CDNOW_sample.txt', rows: '6,919', customers: '2,357', rejected: '0' },
  { file: 'telco/WA_Fn-UseC_-Telco-Customer-Churn.csv', rows: '7,043', customers: '7,043', rejected: '0' },
  { file: 'cdnow/donations.csv', rows: '22', customers: '–', rejected: '0' }
];

for (const c of cases) {
  test(`loads ${c.file} with exact counts`, async ({ page }) => {
    await open(page);
    await upload(page, `${SHARED}/${c.file}`);
    await expect(page.getByTestId('rows-in-file')).toHaveText(c.rows);
    await expect(page.getByTestId('loaded')).toHaveText(c.rows);
    await expect(page.getByTestId('rejected')).toHaveText(c.rejected);
    await expect(page.getByTestId('rows')).toHaveText(c.rows);
    await expect(page.getByTestId('customers')).toHaveText(c.customers);
  });
}

test('telco: blank TotalCharges are 11 empty values, not rejects', async ({ page }) => {
  await open(page);
  await upload(page, `${SHARED}/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv`);
  await page.getByText('Empty values per column').click();
  await expect(page.getByRole('row', { name: /TotalCharges/ })).toContainText('11');
  await expect(page.getByText('no month or date column')).toBeVisible();
});

test('CDNOW master: monthly KPI table and CSV download', async ({ page }) => {
  await open(page);
  await upload(page, `${SHARED}/cdnow/CDNOW_master.txt`);
  await expect(page.getByTestId('months')).toHaveText('18');
  const table = page.getByTestId('kpi-table');
  // January 1997: every buyer is new.
  await expect(table.getByRole('row', { name: /1997-01/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('kpi-table').locator('xpath=../following-sibling::button').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString('utf8');
  // The table's columns in its order, headers as on screen (money with its unit).
  expect(csv.split('\r\n')[0]).toBe('\uFEFFMonth,Active customers,New,Churned,Revenue (yuan),ARPU (yuan)');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(19);
});
