import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  countSampleRows,
  DEFAULT_SAMPLE_OPTIONS,
  generateSample,
  generateSampleBytes,
  generateSampleText,
  PANEL_COLUMNS,
  TRUTH_COLUMNS,
  type SampleOptions
} from './generator.ts';
import { parseSample } from './testPanel.ts';

const small: SampleOptions = { customers: 300, months: 24, seed: 1, lang: 'en' };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('sample generator: determinism', () => {
  it('gives byte-identical panel and truth for the same options', () => {
    const a = generateSampleText(small);
    const b = generateSampleText({ ...small });
    expect(a.panel).toBe(b.panel);
    expect(a.truth).toBe(b.truth);
  });

  it('gives a different panel for a different seed', () => {
    const a = generateSampleText(small).panel;
    const b = generateSampleText({ ...small, seed: 2 }).panel;
    expect(b).not.toBe(a);
    const linesA = new Set(a.trimEnd().split('\n').slice(1));
    const shared = b
      .trimEnd()
      .split('\n')
      .slice(1)
      .filter((l) => linesA.has(l)).length;
    expect(shared).toBe(0);
  });

  it('does not depend on the chunk size, and the text and byte streams agree', () => {
    const whole = generateSampleText(small);
    const pieces = [...generateSample({ ...small, chunkBytes: 2000 })];
    expect(pieces.length).toBeGreaterThan(50);
    expect(pieces.map((c) => c.panel).join('')).toBe(whole.panel);
    expect(pieces.map((c) => c.truth).join('')).toBe(whole.truth);
    // Chunks end on row boundaries, so each one can be parsed on its own.
    for (const c of pieces) expect(c.panel.endsWith('\n') && c.truth.endsWith('\n')).toBe(true);
    const bytes = [...generateSampleBytes({ ...small, lang: 'zh', chunkBytes: 5000 })];
    const decoded = bytes.map((c) => new TextDecoder().decode(c.panel)).join('');
    expect(decoded).toBe(generateSampleText({ ...small, lang: 'zh' }).panel);
  });

  it('keeps each customer the same whatever the number of customers', () => {
    const fewer = generateSampleText({ ...small, customers: 100 }).panel;
    const more = generateSampleText({ ...small, customers: 300 }).panel;
    expect(more.startsWith(fewer)).toBe(true);
  });

  // A change here means every downstream measurement on the sample (e.g. the stage engine's agreement
  // floor) was taken on different data: update it deliberately, with the model change that caused it.
  it('still produces the recorded sample for seed 1', () => {
    const { panel, truth } = generateSampleText({ customers: 200, months: 24, seed: 1, lang: 'en' });
    // The first sixteen columns are the lifecycle panel as recorded before the value columns (issue 6)
    // were appended: its hash must never move with them.
    const lifecycle = panel
      .split('\n')
      .map((l) => l.split(',').slice(0, 16).join(','))
      .join('\n');
    expect(sha256(lifecycle).slice(0, 16)).toBe('98858f5889930650');
    // Likewise the first twenty-five: the panel as recorded before the brand columns were appended.
    const value = panel
      .split('\n')
      .map((l) => l.split(',').slice(0, 25).join(','))
      .join('\n');
    expect(sha256(value).slice(0, 16)).toBe('4f3a37e72e612323');
    expect({ panel: sha256(panel).slice(0, 16), truth: sha256(truth).slice(0, 16) }).toMatchInlineSnapshot(`
      {
        "panel": "127cd1947ca12f51",
        "truth": "0d910fca16be67c8",
      }
    `);
  });
});

describe('sample generator: shape and counts', () => {
  it('writes the documented headers in both languages', () => {
    const zh = generateSampleText({ ...small, lang: 'zh' });
    const en = generateSampleText(small);
    expect(zh.panel.slice(0, zh.panel.indexOf('\n'))).toBe(
      '用户ID,账期,区域,客户类型,行业,套餐,出账收入,语音分钟,流量MB,短信条数,增值业务数,欠停次数,在网时长,是否离网,营销成本,优惠金额,' +
        '特殊号码,集团关键人,集团信息化收入,集团成员,集团内通话占比,家庭主卡,副卡数,主叫占比,交往圈收入,品牌,信息机'
    );
    expect(en.panel.slice(0, en.panel.indexOf('\n'))).toBe(
      'customer_id,month,region,customer_type,industry,plan,arpu,voice_minutes,data_mb,sms,vas_count,arrears_suspensions,tenure_months,churn,cost,discount,' +
        'special_line,group_key_contact,group_it_revenue,group_member,in_group_call_share,family_main,secondary_numbers,active_call_share,contact_circle_revenue,' +
        'brand,info_phone'
    );
    expect(zh.truth.slice(0, zh.truth.indexOf('\n'))).toBe('用户ID,账期,生命周期阶段,入网序号');
    expect(en.truth.slice(0, en.truth.indexOf('\n'))).toBe('customer_id,month,stage,spell');
    expect(zh.summary.panelHeader).toEqual(PANEL_COLUMNS.zh);
    expect(en.summary.truthHeader).toEqual(TRUTH_COLUMNS.en);
  });

  it('counts rows consistently: countSampleRows, the summary, the chunks, both files', () => {
    const options = { ...small, customers: 1000 };
    const expected = countSampleRows(options);
    const chunks = generateSample({ ...options, chunkBytes: 10_000 });
    let chunkRows = 0;
    let panelLines = 0;
    let truthLines = 0;
    let next = chunks.next();
    for (; !next.done; next = chunks.next()) {
      chunkRows += next.value.rows;
      panelLines += next.value.panel.split('\n').length - 1;
      truthLines += next.value.truth.split('\n').length - 1;
    }
    expect(next.value.rows).toBe(expected);
    expect(chunkRows).toBe(expected);
    expect(panelLines - 1).toBe(expected);
    expect(truthLines - 1).toBe(expected);
    expect(Object.values(next.value.stageRows).reduce((a, b) => a + b, 0)).toBe(expected);
    expect(next.value.customers).toBe(1000);
    // Customers × months bounds the panel; with churn and joins it is well below it but far from empty.
    expect(expected).toBeGreaterThan(1000 * 24 * 0.6);
    expect(expected).toBeLessThan(1000 * 24);
  });

  it('gives every line 27 panel fields and 4 truth fields, with no quoting needed', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { panel, truth } = generateSampleText({ ...small, lang });
      const fieldCounts = (text: string) =>
        new Set(
          text
            .trimEnd()
            .split('\n')
            .map((l) => l.split(',').length)
        );
      expect(fieldCounts(panel)).toEqual(new Set([27]));
      expect(fieldCounts(truth)).toEqual(new Set([4]));
      expect(panel).not.toMatch(/["\r]/);
    }
  });

  it('writes the same numbers in Chinese and English, only the labels differ', () => {
    const zh = generateSampleText({ ...small, lang: 'zh' })
      .panel.split('\n')
      .slice(1);
    const en = generateSampleText(small).panel.split('\n').slice(1);
    expect(zh).toHaveLength(en.length);
    const typeZh = new Map([
      ['个人', 'residential'],
      ['政企', 'business']
    ]);
    const brandZh = new Map([
      ['全球通', 'GoTone'],
      ['神州行', 'Easyown'],
      ['动感地带', 'M-Zone']
    ]);
    zh.forEach((line, i) => {
      const z = line.split(',');
      const e = en[i].split(',');
      expect([z[0], z[1], ...z.slice(6, 25), z[26]]).toEqual([e[0], e[1], ...e.slice(6, 25), e[26]]);
      if (z.length > 1) expect(typeZh.get(z[3])).toBe(e[3]);
      if (z.length > 1) expect(brandZh.get(z[25])).toBe(e[25]);
    });
  });

  it('formats ids, months, money and counts as documented', () => {
    const { rows } = parseSample(small);
    const row = new RegExp(
      '^C\\d{7},20\\d{4},[^,]+,(residential,|business,[^,]+),[^,]+,\\d+\\.\\d\\d(,\\d+){6},[01](,\\d+\\.\\d\\d){2}' +
        ',[01],[01],\\d+\\.\\d\\d,[01],[01]\\.\\d\\d,[01],[0-4],[01]\\.\\d\\d,\\d+\\.\\d\\d,(GoTone|Easyown|M-Zone),[01]$'
    );
    expect(
      rows
        .filter((r) => !row.test(r.fields.join(',')))
        .slice(0, 3)
        .map((r) => r.fields.join(','))
    ).toEqual([]);
    expect(rows.filter((r) => r.discount > r.arpu)).toEqual([]);
    expect(rows[0].fields[0]).toBe('C0000001');
  });

  it('starts at the requested month and rolls over the year', () => {
    const months = (options: Partial<SampleOptions>) => {
      const { panel } = generateSampleText({ ...small, customers: 200, months: 4, ...options });
      return [
        ...new Set(
          panel
            .trimEnd()
            .split('\n')
            .slice(1)
            .map((l) => l.split(',')[1])
        )
      ].sort();
    };
    expect(months({})).toEqual(['202301', '202302', '202303', '202304']);
    expect(months({ startMonth: '2023-11' })).toEqual(['202311', '202312', '202401', '202402']);
    expect(months({ startMonth: '202411', monthFormat: 'YYYY-MM' })).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(months({ startMonth: '2024/03', months: 1 })).toEqual(['202403']);
    expect(generateSampleText({ ...small, startMonth: '2023-11', months: 4 }).summary.lastMonth).toBe('202402');
  });

  it('can start both files with a UTF-8 byte-order mark', () => {
    const text = generateSampleText({ ...small, lang: 'zh', bom: true });
    expect(text.panel.startsWith('\uFEFF用户ID,')).toBe(true);
    expect(text.truth.startsWith('\uFEFF用户ID,')).toBe(true);
    const first = generateSampleBytes({ ...small, bom: true }).next();
    expect(first.done).toBe(false);
    if (!first.done) expect([...first.value.panel.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'c'.charCodeAt(0)]);
  });

  it('skips the truth stream when asked', () => {
    const { panel, truth, summary } = generateSampleText({ ...small, truth: false });
    expect(truth).toBe('');
    expect(panel).toBe(generateSampleText(small).panel);
    expect(summary.rows).toBe(countSampleRows(small));
  });

  it.each([
    [{ customers: 0 }, /customers/],
    [{ customers: 1.5 }, /customers/],
    [{ months: 0 }, /months/],
    [{ seed: Number.NaN }, /seed/],
    [{ lang: 'fr' as 'en' }, /lang/],
    [{ startMonth: '2023-13' }, /startMonth/],
    [{ startMonth: 'January' }, /startMonth/]
  ])('rejects bad options %j', (bad, message) => {
    expect(() => generateSampleText({ ...small, ...bad })).toThrow(message);
    expect(() => countSampleRows({ ...small, ...bad })).toThrow(message);
  });

  it('has a small default (its generation time: bench/sample.mjs)', () => {
    const { summary } = generateSampleText(DEFAULT_SAMPLE_OPTIONS);
    expect(summary.customers).toBe(2000);
    expect(summary.firstMonth).toBe('202301');
    expect(summary.lastMonth).toBe('202412');
  });

  it('uses no Node or DOM API, so it runs in a Web Worker', () => {
    for (const file of ['generator.ts', 'lifecycle.ts', 'monthValues.ts', 'csvWriter.ts', '../models/prng.ts', 'vocabulary.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/from '(node:|fs|path|\$app)|\b(process|Buffer|document|window|globalThis)\.\w|\brequire\(/);
      for (const [, path] of source.matchAll(/from '(\.[^']+)'/g)) expect(path, file).toMatch(/\.ts$/);
    }
  });
});

describe('sample generator: customer-value columns (issue 6)', () => {
  it('plants a small share of special lines and consistent group and family fields', () => {
    const { panel } = generateSampleText({ customers: 2000, months: 12, seed: 3, lang: 'en' });
    const lines = panel.trimEnd().split('\n');
    const header = lines[0].split(',');
    const at = (name: string) => header.indexOf(name);
    const rows = lines.slice(1).map((l) => l.split(','));
    const byCustomer = new Map(rows.map((r) => [r[0], r]));
    const share = (col: string) => [...byCustomer.values()].filter((r) => r[at(col)] === '1').length / byCustomer.size;
    expect(share('special_line')).toBeGreaterThan(0.01);
    expect(share('special_line')).toBeLessThan(0.035);
    expect(share('group_key_contact')).toBeGreaterThan(0);
    expect(share('family_main')).toBeGreaterThan(0.15);
    for (const r of rows) {
      // Flags are per customer: the same on every row of that customer.
      expect(r[at('special_line')]).toBe(byCustomer.get(r[0])![at('special_line')]);
      if (r[at('group_key_contact')] === '1') expect(r[at('group_member')]).toBe('1');
      if (r[at('group_key_contact')] === '0') expect(r[at('group_it_revenue')]).toBe('0.00');
      if (r[at('group_member')] === '0') expect(r[at('in_group_call_share')]).toBe('0.00');
      expect(r[at('secondary_numbers')] !== '0').toBe(r[at('family_main')] === '1');
      if (r[at('arpu')] === '0.00' && r[at('voice_minutes')] === '0') expect(r[at('active_call_share')]).toBe('0.00');
    }
    const active = rows.map((r) => Number(r[at('active_call_share')])).filter((x) => x > 0);
    expect(active.reduce((a, b) => a + b, 0) / active.length).toBeGreaterThan(0.4);
    expect(active.reduce((a, b) => a + b, 0) / active.length).toBeLessThan(0.6);
  });
});

describe('sample generator: brand columns', () => {
  it('GoTone or a prepaid brand each month, a few switches each way, about 1% info-phones fixed per customer', () => {
    const { panel } = generateSampleText({ customers: 2000, months: 12, seed: 3, lang: 'zh' });
    const lines = panel.trimEnd().split('\n');
    const header = lines[0].split(',');
    const [brand, info] = [header.indexOf('品牌'), header.indexOf('信息机')];
    const byCustomer = new Map<string, string[][]>();
    for (const r of lines.slice(1).map((l) => l.split(','))) byCustomer.set(r[0], [...(byCustomer.get(r[0]) ?? []), r]);
    let up = 0,
      down = 0,
      infoPhones = 0;
    for (const rows of byCustomer.values()) {
      const brands = rows.map((r) => r[brand]);
      expect(brands.every((b) => ['全球通', '神州行', '动感地带'].includes(b))).toBe(true);
      if (brands[0] !== '全球通' && brands.at(-1) === '全球通') up++;
      if (brands[0] === '全球通' && brands.at(-1) !== '全球通') down++;
      expect(new Set(rows.map((r) => r[info])).size).toBe(1);
      if (rows[0][info] === '1') infoPhones++;
    }
    expect(up / byCustomer.size).toBeGreaterThan(0.005);
    expect(up / byCustomer.size).toBeLessThan(0.04);
    expect(down).toBeGreaterThan(0);
    expect(infoPhones / byCustomer.size).toBeGreaterThan(0.003);
    expect(infoPhones / byCustomer.size).toBeLessThan(0.02);
  });
});
