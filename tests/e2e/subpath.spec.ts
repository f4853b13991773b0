// The same build served under a sub-path (/clm/) by a host that answers 404 outside it.
import { test, expect, open, upload, SHARED } from './fixtures';

test('works under /clm/: engine starts and a file loads', async ({ page, baseURL }) => {
  expect(baseURL).toMatch(/\/clm\/$/);
  await open(page);
  await upload(page, `${SHARED}/cdnow/CDNOW_sample.txt`);
  await expect(page.getByTestId('customers')).toHaveText('2,357');
});
