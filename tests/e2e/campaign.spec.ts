// Campaign lists in the built site, as the Shenzhen Mobile customer value assessment system builds
// them: sample → Customer value → the default list (whole network → usual filters → value
// screening, the seed's control design) → both arms exported, checked against an independently
// generated copy of the same panel (scripts/generate.ts, same seed): every listed customer on the
// network in the evaluation month and no special line, the step counts shown adding up; the
// exports in Chinese; a GB18030 outcome file read through the worker's ingest → evaluation, ARPU
// difference into the retention ROI, subsidy curve from the file; axe.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, open, idle, tmpFile, loadSample, TMP, buildSegments } from './fixtures';

/** GB18030 bytes: ASCII as is, other characters looked up in the decoder's two-byte table. */
function gb18030(text: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

async function csvLines(page: import('@playwright/test').Page, button: string): Promise<string[][]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const bytes = Buffer.concat(await (await (await download).createReadStream()).toArray());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // No exported cell holds a comma or a quote except the definition's sentences, read by their item.
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .map((l) => l.split(','));
}

/** The sample panel written by the command-line generator (the UI's sample: 2,000 customers, 24 months, seed 1). */
function generatedPanel(): { header: string[]; rows: string[][] } {
  const out = path.join(TMP, 'campaign-panel-seed1.csv');
  execFileSync(
    'npx',
    [
      'tsx',
      'scripts/generate.ts',
      '--customers',
      '2000',
      '--months',
      '24',
      '--seed',
      '1',
      '--lang',
      'en',
      '--month-format',
      'YYYY-MM',
      '--out',
      out
    ],
    { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'pipe' }
  );
  const [header, ...rows] = fs
    .readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  fs.rmSync(out);
  return { header, rows };
}

const num = (s: string) => Number(s.replace(/[,\s]/g, ''));

test('default list against the generated panel, exports in en and zh, GB18030 outcome file, ROI, axe', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  await loadSample(page);
  await buildSegments(page);
  await expect(page.getByTestId('campaign-flow')).toContainText('evaluation month (Dec 2024)');
  await expect(page.getByTestId('design-note')).toContainText('In force: Shenzhen Mobile’s design');
  await page.getByRole('button', { name: 'Build list' }).click();
  await idle(page);
  const counts = page.getByTestId('list-counts');
  await expect(counts).toBeVisible();
  const target = Number(await counts.getAttribute('data-target'));
  const control = Number(await counts.getAttribute('data-control'));
  const conventional = Number(await counts.getAttribute('data-conventional'));

  // The funnel as shown: every step's count, starting from every customer in the data.
  const funnel = (await page.getByTestId('campaign-funnel').locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
  const step = (label: string | RegExp) => funnel.find((r) => (typeof label === 'string' ? r[0] === label : label.test(r[0])))!;
  expect(funnel[0][0]).toBe('All customers in the data');
  let remaining = num(funnel[0][1]);
  for (const r of funnel.slice(1)) {
    remaining -= num(r[2]);
    expect(num(r[1]), r[0]).toBe(remaining);
  }
  expect(remaining).toBe(target);
  expect(num(step('Drawn as the control list')[2])).toBe(control);
  expect(Math.abs(control - 0.1 * conventional)).toBeLessThanOrEqual(1);

  const definition = await csvLines(page, 'Export the list’s definition');
  expect(definition.find((r) => r[0] === 'Evaluation month')![1]).toBe('2024-12');
  expect(definition.find((r) => r[0] === 'Design (design)')![1]).toBe('seed');
  const t = await csvLines(page, 'Export target list');
  expect(t[0]).toEqual([
    'Rank',
    'Customer ID',
    'Value tier',
    'Composite value',
    'ARPU (yuan)',
    'Credit grade',
    'Loyalty band',
    'Elasticity layer',
    'Arm'
  ]);
  expect(t).toHaveLength(1 + target);
  expect(t.slice(1).every((r) => r[8] === 'Target' && r[5] !== 'X')).toBe(true);
  expect(t.slice(1).map((r) => Number(r[0]))).toEqual(Array.from({ length: target }, (_, i) => i + 1));
  const c = await csvLines(page, 'Export control list');
  expect(c).toHaveLength(1 + control);
  expect(c.slice(1).every((r) => r[8] === 'Control')).toBe(true);

  // Against the panel generated apart from the browser: the whole-network list of 2024-12.
  const panel = generatedPanel();
  const col = (name: string) => panel.header.indexOf(name);
  const [id, month, churn, special] = [col('customer_id'), col('month'), col('churn'), col('special_line')];
  const everyone = new Set(panel.rows.map((r) => r[id]));
  const onNetwork = new Set(panel.rows.filter((r) => r[month] === '2024-12' && r[churn] === '0').map((r) => r[id]));
  const specialLines = new Set(panel.rows.filter((r) => r[special] === '1').map((r) => r[id]));
  expect(num(funnel[0][1])).toBe(everyone.size);
  expect(num(step(/^Not on the network in /)[2])).toBe(everyone.size - onNetwork.size);
  expect(num(step('Special lines (credit grade X)')[2])).toBe([...onNetwork].filter((x) => specialLines.has(x)).length);
  const listed = [...t.slice(1), ...c.slice(1)].map((r) => r[1]);
  expect(new Set(listed).size).toBe(target + control);
  expect(listed.filter((x) => !onNetwork.has(x))).toEqual([]);
  expect(listed.filter((x) => specialLines.has(x))).toEqual([]);

  // Outcome file: every listed customer, GB18030, Chinese headers, a quoted thousand-separated ARPU,
  // subsidy rates 0–40% with a conversion peaking at 20%, and one row with a bad ARPU.
  const tent = [0.05, 0.15, 0.3, 0.15, 0.05];
  const rows = [...t.slice(1), ...c.slice(1)].map((r, i) => {
    const k = i % 5;
    const responded = (i * 7919) % 100 < tent[k] * 100;
    const before = Number(r[4]);
    return `${r[1]},${responded ? '是' : '否'},"${before.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}",${(before + (responded ? 25 : 0)).toFixed(2)},${(before * k * 0.1).toFixed(2)}`;
  });
  rows.push('坏行,是,无,10,0');
  const file = tmpFile('活动结果.csv', gb18030(['用户ID,是否响应,活动前ARPU,活动后ARPU,补贴金额', ...rows].join('\r\n') + '\r\n'));
  await page.getByLabel(/^Outcome file/).setInputFiles(file);
  await idle(page);
  const load = page.getByTestId('outcome-load');
  await expect(load).toBeVisible();
  expect(Number(await load.getAttribute('data-rows'))).toBe(target + control + 1);
  expect(Number(await load.getAttribute('data-loaded'))).toBe(target + control);
  expect(Number(await load.getAttribute('data-rejected'))).toBe(1);
  expect(Number(await load.getAttribute('data-matched'))).toBe(target + control);
  await expect(page.getByRole('region', { name: 'Rejected rows' })).toContainText('Not a number');
  await expect(page.getByTestId('evaluation-source')).toContainText('Source: outcome file');
  await expect(page.getByTestId('seed-comparison')).toContainText('Value-screened vs conventional list');
  await expect(page.getByTestId('subsidy-source')).toContainText('From the outcome file’s subsidy and response columns');
  await expect(page.getByRole('img', { name: /Subsidy rate vs conversion rate/ })).toBeVisible();
  await expect(page.getByTestId('control-point')).toContainText('%');
  // Responders gain 25 yuan in both arms: the ARPU difference of the retention ROI comes from the file.
  await expect(page.getByTestId('arpu-difference')).toContainText('ARPU difference for the retention ROI');
  await expect(page.getByTestId('arpu-difference-source')).not.toBeEmpty();
  await expect(page.getByTestId('roi')).toContainText('×');
  await expect(page.getByTestId('roi-unreconciled')).toContainText('675,000');

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // The same list exported from the Chinese UI: Chinese headers and codes, cents.
  await page.getByLabel('Language').selectOption('zh');
  const z = await csvLines(page, '导出目标名单');
  expect(z[0]).toEqual(['排名', '用户ID', '价值层级', '综合价值', 'ARPU（元）', '信用等级', '忠诚度等级', '弹性分层', '组别']);
  expect(z.slice(1).map((r) => r[1])).toEqual(t.slice(1).map((r) => r[1]));
  expect(z.slice(1).every((r) => r[8] === '目标组' && ['高', '中', '低', ''].includes(r[2]))).toBe(true);
  expect(z.slice(1).every((r) => /^-?\d+(\.\d{1,2})?$/.test(r[3]) && /^-?\d+(\.\d{1,2})?$/.test(r[4]))).toBe(true);
});
