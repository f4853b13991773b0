import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ColumnRole } from '../contract.ts';
import { ROLE_KIND } from '../engine/typed.ts';
import { suggestRoles, words } from './roles.ts';
import { detectEncoding, sniffText } from './sniff.ts';
import { generateSampleText } from '../sample/generator.ts';

const shared = (p: string) => new URL(`../../../shared/data/${p}`, import.meta.url);
const sniffFile = (url: URL) => {
  const bytes = new Uint8Array(readFileSync(url).subarray(0, 64 * 1024));
  const label = detectEncoding(bytes).encoding.replace('-bom', '');
  return sniffText(new TextDecoder(label).decode(bytes, { stream: true }));
};
/** Role per header name, for readable expectations. */
const byName = (headers: string[], rows: string[][]) => {
  const roles = suggestRoles(headers, rows);
  return Object.fromEntries(headers.map((h, i) => [h, roles[i]]));
};

describe('role list', () => {
  test('every role has one kind', () => {
    expect(ROLE_KIND.customerId).toBe('id');
    expect(ROLE_KIND.month).toBe('month');
    expect(ROLE_KIND.churn).toBe('flag');
    expect(ROLE_KIND.region).toBe('category');
    expect(ROLE_KIND.ignore).toBe('ignore');
  });
  test('status is a category (states such as 在网 / 停机), not a yes/no flag', () => {
    expect(ROLE_KIND.status).toBe('category');
  });
});

describe('words', () => {
  const cases: [string, string[]][] = [
    ['MonthlyCharges', ['monthly', 'charges']],
    ['customerID', ['customer', 'id']],
    ['ARPUValue', ['arpu', 'value']],
    ['cust_id', ['cust', 'id']],
    ['ＡＲＰＵ值', ['arpu', '值']],
    ['流量(MB)', ['流量', 'mb']],
    [' number of cds ', ['number', 'of', 'cds']]
  ];
  test.each(cases)('%s', (h, w) => expect(words(h)).toEqual(w));
});

describe('suggestRoles from header synonyms (one data row of plain text)', () => {
  const cases: [string, ColumnRole][] = [
    ['用户ID', 'customerId'],
    ['用户编号', 'customerId'],
    ['客户编号', 'customerId'],
    ['客户ID', 'customerId'],
    ['手机号', 'customerId'],
    ['customerID', 'customerId'],
    ['Customer_ID', 'customerId'],
    ['cust id', 'customerId'],
    ['USER_ID', 'customerId'],
    ['id', 'customerId'],
    ['ＩＤ', 'customerId'],
    ['账期', 'month'],
    ['月份', 'month'],
    ['统计月份', 'month'],
    ['month', 'month'],
    ['Period', 'month'],
    ['ym', 'month'],
    ['bill_month', 'month'],
    ['日期', 'date'],
    ['交易日期', 'date'],
    ['date', 'date'],
    ['order_date', 'date'],
    ['离网日期', 'date'],
    ['出账收入', 'revenue'],
    ['出账收入（元）', 'revenue'],
    ['收入', 'revenue'],
    ['ARPU', 'revenue'],
    ['ARPU值', 'revenue'],
    ['月消费', 'revenue'],
    ['消费金额', 'revenue'],
    ['MonthlyCharges', 'revenue'],
    ['revenue', 'revenue'],
    ['Charges', 'revenue'],
    ['金额', 'amount'],
    ['交易金额', 'amount'],
    ['dollar_value', 'amount'],
    ['Amount', 'amount'],
    ['spend', 'amount'],
    ['Sales', 'amount'],
    ['数量', 'quantity'],
    ['number_of_cds', 'quantity'],
    ['Quantity', 'quantity'],
    ['qty', 'quantity'],
    ['成本', 'cost'],
    ['营销成本', 'cost'],
    ['cost', 'cost'],
    ['优惠', 'discount'],
    ['优惠金额', 'discount'],
    ['折扣', 'discount'],
    ['discount', 'discount'],
    ['discount_amount', 'discount'],
    ['语音', 'voiceMinutes'],
    ['通话分钟', 'voiceMinutes'],
    ['语音分钟', 'voiceMinutes'],
    ['MOU', 'voiceMinutes'],
    ['voice', 'voiceMinutes'],
    ['流量', 'dataMb'],
    ['流量MB', 'dataMb'],
    ['流量(MB)', 'dataMb'],
    ['DOU', 'dataMb'],
    ['data', 'dataMb'],
    ['data_mb', 'dataMb'],
    ['短信', 'sms'],
    ['短信条数', 'sms'],
    ['SMS', 'sms'],
    ['增值业务', 'vasCount'],
    ['增值业务数', 'vasCount'],
    ['vas', 'vasCount'],
    ['VAS_count', 'vasCount'],
    ['欠停', 'arrears'],
    ['欠费', 'arrears'],
    ['arrears', 'arrears'],
    ['在网时长', 'tenure'],
    ['网龄', 'tenure'],
    ['入网时长', 'tenure'],
    ['在网时间', 'tenure'],
    ['tenure', 'tenure'],
    ['是否离网', 'churn'],
    ['离网', 'churn'],
    ['流失', 'churn'],
    ['churn', 'churn'],
    ['Churned', 'churn'],
    ['is_churn', 'churn'],
    ['状态', 'status'],
    ['用户状态', 'status'],
    ['status', 'status'],
    ['区域', 'region'],
    ['地区', 'region'],
    ['区县', 'region'],
    ['region', 'region'],
    ['Area', 'region'],
    ['district', 'region'],
    ['City', 'region'],
    ['客户类型', 'customerType'],
    ['用户类型', 'customerType'],
    ['segment', 'customerType'],
    ['customer_type', 'customerType'],
    ['行业', 'industry'],
    ['industry', 'industry'],
    ['套餐', 'plan'],
    ['套餐名称', 'plan'],
    ['plan', 'plan'],
    ['package', 'plan'],
    ['tariff', 'plan'],
    ['Contract', 'plan'],
    ['优惠到期日', 'offerEnd'],
    ['优惠计划到期', 'offerEnd'],
    ['合约到期', 'offerEnd'],
    ['contract_end_date', 'offerEnd'],
    ['offer_end', 'offerEnd'],
    ['离网原因', 'churnReason'],
    ['流失原因', 'churnReason'],
    ['Churn Reason', 'churnReason'],
    ['联系方式', 'contact'],
    ['联系电话', 'contact'],
    ['contact', 'contact'],
    ['email', 'contact'],
    ['group_key_contact', 'text'],
    ['数据业务收入', 'dataRevenue'],
    ['增值业务收入', 'dataRevenue'],
    ['data_revenue', 'dataRevenue'],
    ['备注', 'text'],
    ['gender', 'text'],
    ['order_id', 'text'],
    ['periods', 'text']
  ];
  test.each(cases)('%s → %s', (header, role) => {
    expect(suggestRoles([header], [['x y']])).toEqual([role]);
  });
});

describe('suggestRoles: one column per role, best match wins', () => {
  test('exact beats partial: MonthlyCharges is revenue, TotalCharges a number', () => {
    expect(byName(['TotalCharges', 'MonthlyCharges'], [['29.85', '29.85']])).toEqual({ TotalCharges: 'number', MonthlyCharges: 'revenue' });
  });

  test('month and date share one time role: the exact month header wins', () => {
    expect(byName(['入网日期', '账期'], [['2020-01-05', '202401']])).toEqual({ 入网日期: 'text', 账期: 'month' });
  });

  test('two id columns: the first exact one', () => {
    expect(byName(['客户编号', '用户ID'], [['C1', 'U1']])).toEqual({ 客户编号: 'customerId', 用户ID: 'text' });
  });

  test('a header role is kept even when the content looks different (the user may edit)', () => {
    expect(byName(['month'], [['2024-01-15']])).toEqual({ month: 'month' });
  });
});

describe('suggestRoles from content', () => {
  const cases: [string, string[], string[][], ColumnRole[]][] = [
    [
      'YYYYMMDD → date',
      ['c1', 'x'],
      [
        ['a1', '20240115'],
        ['b2', '20240201']
      ],
      ['customerId', 'date']
    ],
    [
      'YYYYMM → month',
      ['c1', 'x'],
      [
        ['a1', '202401'],
        ['b2', '202402']
      ],
      ['customerId', 'month']
    ],
    [
      '2024年1月 → month',
      ['k', 'v'],
      [
        ['a1', '2024年1月'],
        ['b2', '2024年12月']
      ],
      ['customerId', 'month']
    ],
    [
      'ISO timestamp → date',
      ['k', 'v'],
      [
        ['a1', '2024-01-15T10:00:00'],
        ['b2', '2024-01-16 09:00']
      ],
      ['customerId', 'date']
    ],
    [
      'numbers and free text',
      ['k', 'a', 'b'],
      [
        ['u1', '1,234.5', 'hello world'],
        ['u2', '12%', 'foo bar']
      ],
      ['customerId', 'number', 'text']
    ],
    [
      'blank cells tolerated',
      ['k', 'v'],
      [
        ['u1', ''],
        ['u2', '3'],
        ['u3', 'NULL']
      ],
      ['customerId', 'number']
    ],
    [
      'names without digits are not ids',
      ['k', 'v'],
      [
        ['Ann', '1'],
        ['Bob', '2']
      ],
      ['text', 'number']
    ],
    [
      'an integer first column under a real header is not an id',
      ['frequency', 'v'],
      [
        ['1', '1'],
        ['2', '2']
      ],
      ['number', 'number']
    ],
    [
      'only the first column can be an id by content',
      ['a', 'b'],
      [
        ['x y', 'u1'],
        ['z w', 'u2']
      ],
      ['text', 'text']
    ],
    ['a numeric header that is not a synonym stays number', ['weights'], [['3.25'], ['1.50']], ['number']],
    ['empty sample', ['a', 'b'], [], ['text', 'text']]
  ];
  test.each(cases)('%s', (_, headers, rows, roles) => {
    expect(suggestRoles(headers, rows)).toEqual(roles);
  });
});

describe('suggestRoles on the shared real files', () => {
  test('CDNOW_sample (headerless): id, code, date, number, amount', () => {
    const s = sniffFile(shared('cdnow/CDNOW_sample.txt'));
    expect(suggestRoles(s.headers, s.previewRows)).toEqual(['customerId', 'text', 'date', 'number', 'amount']);
  });

  test('CDNOW_master', () => {
    const s = sniffFile(shared('cdnow/CDNOW_master.txt'));
    expect(suggestRoles(s.headers, s.previewRows)).toEqual(['customerId', 'date', 'quantity', 'amount']);
  });

  test('telco', () => {
    const s = sniffFile(shared('telco/WA_Fn-UseC_-Telco-Customer-Churn.csv'));
    expect(byName(s.headers, s.previewRows)).toMatchObject({
      customerID: 'customerId',
      tenure: 'tenure',
      MonthlyCharges: 'revenue',
      TotalCharges: 'number',
      Churn: 'churn',
      Contract: 'plan',
      SeniorCitizen: 'number',
      gender: 'text',
      PaymentMethod: 'text'
    });
  });

  test('donations: all plain numbers', () => {
    const s = sniffFile(shared('cdnow/donations.csv'));
    expect(suggestRoles(s.headers, s.previewRows)).toEqual(['number', 'number', 'number', 'number']);
  });
});

test('GB18030 fixture headers', () => {
  const s = sniffFile(new URL('../../tests/fixtures/ingest/gb18030-panel.csv', import.meta.url));
  expect(suggestRoles(s.headers, s.previewRows)).toEqual(['customerId', 'month', 'revenue', 'churn', 'region', 'plan', 'text']);
});

describe('brand roles (credit brand-switch rules)', () => {
  test('brand, previous brand and payment type headers in Chinese and English', () => {
    expect(byName(['用户ID', '账期', '品牌', '原品牌'], [['C1', '202301', '全球通', '神州行']])).toEqual({
      用户ID: 'customerId',
      账期: 'month',
      品牌: 'brand',
      原品牌: 'previousBrand'
    });
    expect(byName(['customer_id', 'month', 'payment_type', 'previous_brand'], [['C1', '2023-01', 'postpaid', 'prepaid']])).toEqual({
      customer_id: 'customerId',
      month: 'month',
      payment_type: 'brand',
      previous_brand: 'previousBrand'
    });
  });
});

describe('the sample panel with its customer-value columns (issue 6)', () => {
  test.each(['zh', 'en'] as const)('%s: the nine value columns stay plain numbers, the old roles are unchanged', (lang) => {
    const [header, ...rows] = generateSampleText({ customers: 60, months: 12, seed: 1, lang })
      .panel.trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const roles = suggestRoles(header, rows.slice(0, 200));
    expect(roles.slice(0, 16)).toEqual([
      'customerId',
      'month',
      'region',
      'customerType',
      'industry',
      'plan',
      'revenue',
      'voiceMinutes',
      'dataMb',
      'sms',
      'vasCount',
      'arrears',
      'tenure',
      'churn',
      'cost',
      'discount'
    ]);
    // 交往圈收入 / 集团信息化收入 contain 收入 (revenue), 特殊号码 contains 号码 (customer id), 主叫占比 is
    // about calls: none may take a lifecycle role, so the value tab finds them by header as numbers.
    expect(roles.slice(16, 25)).toEqual(Array(9).fill('number'));
    // 品牌 / brand is the brand role, 信息机 / info_phone a 0/1 number the value tab finds by header.
    expect(roles.slice(25)).toEqual(['brand', 'number']);
  });
  test('on their own, without the taken roles, 主叫占比 and 集团内通话占比 are not revenue or voice minutes', () => {
    const headers = ['用户ID', '账期', '主叫占比', '集团内通话占比', '副卡数', '特殊号码'];
    expect(byName(headers, [['C1', '202301', '0.55', '0.20', '2', '0']])).toEqual({
      用户ID: 'customerId',
      账期: 'month',
      主叫占比: 'number',
      集团内通话占比: 'number',
      副卡数: 'number',
      特殊号码: 'number'
    });
  });
});

describe('transaction logs (a date, or several rows per customer and month)', () => {
  const rows = [
    ['C1', '2024-01-03', '25.50', '门店'],
    ['C1', '2024-01-19', '8.00', '线上'],
    ['C2', '2024-01-05', '120.00', '门店'],
    ['C1', '2024-02-02', '13.20', '线上']
  ];
  test('消费金额(元) next to 交易日期 is a transaction amount, not ARPU', () => {
    expect(byName(['客户编号', '交易日期', '消费金额(元)', '渠道'], rows)).toEqual({
      客户编号: 'customerId',
      交易日期: 'date',
      '消费金额(元)': 'amount',
      渠道: 'text'
    });
  });
  test.each(['交易金额', '订单金额', 'amount', 'spend'])('%s is an amount', (h) => {
    expect(
      byName(
        ['customer_id', 'date', h],
        rows.map((r) => r.slice(0, 3))
      )[h]
    ).toBe('amount');
  });
  test('several rows per customer in one billing month also make a transaction log', () => {
    const monthly = [
      ['C1', '202401', '5'],
      ['C1', '202401', '7'],
      ['C2', '202401', '9'],
      ['C2', '202401', '1'],
      ['C3', '202402', '4']
    ];
    expect(byName(['用户ID', '账期', '消费金额'], monthly)['消费金额']).toBe('amount');
  });
  test('a monthly panel keeps its revenue, and a monthly bill header stays revenue in a log', () => {
    const panel = [
      ['C1', '202401', '5'],
      ['C1', '202402', '7'],
      ['C2', '202401', '9'],
      ['C2', '202402', '1'],
      ['C3', '202402', '4']
    ];
    expect(byName(['用户ID', '账期', '消费金额'], panel)['消费金额']).toBe('revenue');
    expect(
      byName(
        ['客户编号', '交易日期', 'ARPU'],
        rows.map((r) => r.slice(0, 3))
      ).ARPU
    ).toBe('revenue');
  });
  test('voice and data columns named as Chinese operators do', () => {
    expect(
      byName(['用户ID', '账期', '主叫分钟', '通话时长', '上网流量(GB)', '主叫占比'], [['C1', '202401', '100', '120', '3.5', '0.4']])
    ).toEqual({
      用户ID: 'customerId',
      账期: 'month',
      主叫分钟: 'voiceMinutes',
      通话时长: 'number',
      '上网流量(GB)': 'dataMb',
      主叫占比: 'number'
    });
  });
});
