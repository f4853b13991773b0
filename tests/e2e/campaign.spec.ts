// Campaign lists in the built site (seed 004): sample → Customer value tab → a list filtered by value
// tier → target and control exports with the counts on screen → a GB18030 outcome file with Chinese
// headers and one bad row read through the worker's ingest → evaluation, subsidy curve, best band; axe.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, idle, tmpFile, loadSample } from './fixtures';

/** GB18030 bytes: ASCII as is, other characters looked up in the decoder's two-byte table. */
function gb18030(text: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

async function csvLines(page: import('@playwright/test').Page, button: string): Promise<string[]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const bytes = Buffer.concat(await (await (await download).createReadStream()).toArray());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
}

test('value-tier list, exports, GB18030 outcome file, subsidy curve and best band, axe', async ({ page }) => {
  await open(page);
  await loadSample(page);
  await page.getByRole('link', { name: 'Customer value' }).click();
  await expect(page.getByTestId('value-tiers')).toBeVisible();
  await idle(page);

  await page.getByRole('link', { name: 'Segments & campaigns' }).click();
  await page.getByRole('button', { name: 'Build segments' }).click();
  await idle(page);
  await expect(page.getByTestId('campaign-sources')).toContainText('Value tier, Loyalty band, Elasticity, then value: available');
  await expect(page.getByTestId('campaign-sources')).toContainText('fit the model in the Retention & churn tab first');
  await page.getByRole('combobox', { name: 'Value tier' }).selectOption('high');
  await page.getByRole('combobox', { name: 'Order by' }).selectOption('elasticity');
  await page.getByRole('button', { name: 'Build list' }).click();
  await idle(page);
  const counts = page.getByTestId('list-counts');
  // 319 high-tier customers (the Customer value tab's count), 5% dropped by value, 10% control.
  await expect(counts).toContainText('Eligible 319, dropped 16');
  const target = Number(await counts.getAttribute('data-target'));
  const control = Number(await counts.getAttribute('data-control'));
  expect([target, control]).toEqual([273, 30]);

  const t = await csvLines(page, 'Export target list');
  expect(t[0]).toBe('customer_id,arpu,value,tier,loyalty,elasticity,elasticity_layer,customer_type,region,plan,stage,arm');
  expect(t).toHaveLength(1 + target);
  expect(t.slice(1).every((l) => l.split(',')[3] === 'high' && l.endsWith(',target'))).toBe(true);
  const c = await csvLines(page, 'Export control group');
  expect(c).toHaveLength(1 + control);

  // Outcome file: every listed customer, GB18030, Chinese headers, a quoted thousand-separated ARPU,
  // subsidy rates 0–40% with a conversion peaking at 20%, and one row with a bad ARPU.
  const tent = [0.05, 0.15, 0.3, 0.15, 0.05];
  const rows = [...t.slice(1), ...c.slice(1)].map((l, i) => {
    const [id, arpu] = l.split(',');
    const k = i % 5;
    const responded = (i * 7919) % 100 < tent[k] * 100;
    const before = Number(arpu);
    return `${id},${responded ? '是' : '否'},"${before.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}",${(before + (responded ? 25 : 0)).toFixed(2)},${(before * k * 0.1).toFixed(2)}`;
  });
  rows.push('坏行,是,无,10,0');
  const file = tmpFile('活动结果.csv', gb18030(['用户ID,是否响应,活动前ARPU,活动后ARPU,补贴金额', ...rows].join('\r\n') + '\r\n'));
  // High-tier customers all spend 120+ a month: bands that split them.
  await page.getByLabel('ARPU band bounds (yuan)').fill('150, 200, 300');
  await page.getByLabel(/^Outcome file/).setInputFiles(file);
  await idle(page);
  const load = page.getByTestId('outcome-load');
  await expect(load).toBeVisible();
  expect(Number(await load.getAttribute('data-rows'))).toBe(target + control + 1);
  expect(Number(await load.getAttribute('data-loaded'))).toBe(target + control);
  expect(Number(await load.getAttribute('data-rejected'))).toBe(1);
  expect(Number(await load.getAttribute('data-matched'))).toBe(target + control);
  await expect(page.getByRole('region', { name: 'Rejected rows' })).toContainText('Not a number');
  await expect(page.getByTestId('evaluation-table')).toContainText(String(target));
  await expect(page.getByText(/Source: outcome file/)).toBeVisible();
  await expect(page.getByRole('img', { name: /Subsidy rate vs conversion rate/ })).toBeVisible();
  await expect(page.getByTestId('control-point')).toContainText('%');
  await expect(page.getByTestId('best-band')).toContainText('Campaigns pay most in the ARPU band');

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
