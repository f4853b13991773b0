/**
 * Column roles: what each column of an uploaded file means to the lifecycle models, suggested from
 * Chinese and English header synonyms and, for unmatched or unnamed columns, from the values.
 * The user edits the suggestion; `headerSignature` (common/headers.ts) lets the UI remember the edit
 * for the next file with the same header (monthly exports of one system look alike). The roles and
 * how each is parsed are declared once: ColumnRole in workers/contract.ts, ROLE_KIND in typed.ts.
 */
import type { ColumnRole } from '../contract.ts';

/** Roles any number of columns may take; every other role names one canonical column. */
const REPEATABLE: ReadonlySet<ColumnRole> = new Set(['number', 'text', 'ignore']);

/**
 * Header synonyms per role. A leading `=` means "whole header only" (`id` must not match
 * `order_id`, `月` must not match `月消费`). Otherwise Chinese synonyms match as substrings and
 * English ones as whole words (`bill_month` → month, but `periods` is not `period`).
 */
const SYNONYMS: Partial<Record<ColumnRole, string[]>> = {
  customerId: [
    '用户ID',
    '用户编号',
    '用户标识',
    '客户编号',
    '客户ID',
    '客户标识',
    '客户号',
    '号码',
    '手机号',
    '手机号码',
    '用户号码',
    '服务号码',
    '=用户',
    '=客户',
    'customerID',
    'customer_id',
    'cust_id',
    'user_id',
    'userid',
    'subscriber_id',
    'msisdn',
    'account_id',
    'member_id',
    '=id',
    '=customer',
    '=user'
  ],
  month: [
    '账期',
    '月份',
    '统计月份',
    '账务月份',
    '数据月份',
    '出账月份',
    '计费月',
    '年月',
    '=月',
    'month',
    'period',
    '=ym',
    'yyyymm',
    'bill_month',
    'billing_month',
    'stat_month'
  ],
  date: [
    '日期',
    '交易日期',
    '订单日期',
    '消费日期',
    '交易时间',
    '时间',
    'date',
    'order_date',
    'transaction_date',
    'purchase_date',
    'txn_date',
    'timestamp',
    'datetime'
  ],
  revenue: [
    '出账收入',
    '收入',
    'ARPU',
    '月消费',
    '消费金额',
    '月均消费',
    '出账金额',
    '账单金额',
    '话费',
    '月租',
    'MonthlyCharges',
    'monthly_charges',
    'revenue',
    'charges',
    'charge',
    'bill_amount'
  ],
  amount: ['金额', '交易金额', '订单金额', '支付金额', '实付金额', '销售额', 'dollar_value', 'amount', 'spend', 'sales'],
  quantity: ['数量', '件数', '购买数量', 'number_of_cds', 'quantity', 'qty', 'units'],
  cost: ['成本', '营销成本', '获客成本', '=费用', 'cost', 'costs', 'marketing_cost', '=cac'],
  discount: ['优惠', '优惠金额', '折扣', '减免', '减免金额', 'discount', 'discount_amount', 'rebate'],
  voiceMinutes: [
    '语音',
    '通话分钟',
    '语音分钟',
    '通话时长',
    '语音时长',
    '主叫时长',
    '主叫分钟',
    '被叫分钟',
    '计费分钟',
    'MOU',
    'voice',
    'voice_minutes',
    'call_minutes',
    'minutes'
  ],
  dataMb: ['流量', '流量MB', '上网流量', '数据流量', 'DOU', 'data', 'data_mb', 'data_usage', 'traffic'],
  sms: ['短信', '短信条数', '短信数', 'sms', 'sms_count', 'messages'],
  vasCount: ['增值业务', '增值业务数', '增值服务', 'vas', 'vas_count', 'value_added_services'],
  arrears: ['欠停', '欠费', '欠费停机', '欠停次数', 'arrears', 'overdue'],
  tenure: ['在网时长', '网龄', '入网时长', '在网月数', '在网时间', 'tenure', 'tenure_months'],
  churn: [
    '是否离网',
    '离网',
    '流失',
    '是否流失',
    '离网标识',
    '流失标识',
    'churn',
    'churned',
    'is_churn',
    'churn_flag',
    'attrition',
    '=exited'
  ],
  status: ['状态', '用户状态', '在网状态', '账户状态', 'status', 'account_status'],
  region: ['区域', '地区', '区县', '地市', '城市', '省份', '分公司', 'region', 'area', 'district', 'city', 'province', 'zone'],
  customerType: ['客户类型', '用户类型', '客户类别', '客户分群', '用户分群', 'segment', 'customer_type', 'user_type', 'customer_segment'],
  industry: ['行业', '所属行业', '行业类型', 'industry', 'sector'],
  plan: ['套餐', '套餐名称', '主套餐', '资费', '产品', 'plan', 'package', 'tariff', 'contract', 'product'],
  // Brand or payment type (全球通 / 神州行 / 动感地带, postpaid / prepaid): the credit rating's brand-switch rules.
  brand: ['品牌', '用户品牌', '当前品牌', '客户品牌', '付费类型', '付费方式', 'brand', 'brand_name', 'payment_type', 'prepaid_postpaid'],
  previousBrand: ['原品牌', '转网前品牌', '转品牌前品牌', '上月品牌', 'previous_brand', 'prior_brand', 'old_brand', 'brand_before'],
  offerEnd: [
    '优惠到期',
    '优惠到期日',
    '优惠计划到期',
    '优惠截止',
    '合约到期',
    '合约到期日',
    '协议到期',
    '到期日期',
    'offer_end',
    'offer_end_date',
    'offer_expiry',
    'promo_end',
    'contract_end',
    'contract_end_date',
    'contract_expiry'
  ],
  churnReason: ['离网原因', '流失原因', '退网原因', '销户原因', 'churn_reason', 'churn reason', 'reason_for_leaving', 'exit_reason'],
  contact: ['联系方式', '联系电话', '有效联系方式', '联系人电话', '联系地址', '=contact', 'contact_phone', 'contact_number', 'email'],
  dataRevenue: ['数据业务收入', '数据业务消费', '数据业务费', '增值业务收入', 'data_revenue', 'data_service_revenue', 'vas_revenue']
};

const HAN = /\p{Script=Han}/u;

/**
 * Splits a header into lower-case words: NFKC first (full-width `ＩＤ` → `ID`, `（` → `(`), then
 * camelCase and letter/digit/Han boundaries, dropping punctuation, spaces and underscores.
 * @example words('MonthlyCharges') → ['monthly', 'charges'];  words('ARPU值') → ['arpu', '值']
 */
export function words(header: string): string[] {
  const s = header
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return (s.match(/[A-Za-z]+|[0-9]+|\p{Script=Han}+/gu) ?? []).map((w) => w.toLowerCase());
}

interface Synonym {
  role: ColumnRole;
  words: string[];
  compact: string;
  exactOnly: boolean;
  han: boolean;
}

const SYNONYM_LIST: Synonym[] = Object.entries(SYNONYMS).flatMap(([role, list]) =>
  list.map((raw) => {
    const w = words(raw.replace(/^=/, ''));
    return { role: role as ColumnRole, words: w, compact: w.join(''), exactOnly: raw.startsWith('='), han: HAN.test(raw) };
  })
);

function containsRun(haystack: string[], needle: string[]): { found: boolean; atEnd: boolean } {
  for (let i = haystack.length - needle.length; i >= 0; i--) {
    if (needle.every((w, j) => haystack[i + j] === w)) return { found: true, atEnd: i + needle.length === haystack.length };
  }
  return { found: false, atEnd: false };
}

/**
 * Score of a synonym for a header: 3 for the whole header, 2 for a part of it, +0.5 when that part
 * ends the header (the head noun comes last: 离网日期 is a date, churn_date too), plus a little per
 * character so the more specific synonym wins (优惠金额 → discount, not 金额 → amount).
 */
function synonymScore(headerWords: string[], syn: Synonym): number {
  const compact = headerWords.join('');
  const bonus = syn.compact.length / 100;
  if (compact === syn.compact) return 3 + bonus;
  if (syn.exactOnly || compact === '') return 0;
  if (syn.han) {
    const at = compact.lastIndexOf(syn.compact);
    if (at < 0) return 0;
    return (at + syn.compact.length === compact.length ? 2.5 : 2) + bonus;
  }
  const { found, atEnd } = containsRun(headerWords, syn.words);
  return found ? (atEnd ? 2.5 : 2) + bonus : 0;
}

/** Best-scoring roles for a header; a bracketed unit (出账收入（元）, 流量(MB)) may be ignored. */
function headerCandidates(header: string): Map<ColumnRole, number> {
  const variants = [words(header), words(header.replace(/[(（[【].*?[)）\]】]/g, ''))];
  const best = new Map<ColumnRole, number>();
  for (const syn of SYNONYM_LIST) {
    for (const v of variants) {
      const score = synonymScore(v, syn);
      if (score > (best.get(syn.role) ?? 0)) best.set(syn.role, score);
    }
  }
  return best;
}

const BLANK = /^\s*$|^(null|na|n\/a|#n\/a|nan|none|-|--|—)$/i;
const NUMBER = /^[-+(]?[¥￥$€]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?\)?%?$/;
const YYYYMMDD = /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const YYYYMM = /^(19|20)\d\d(0[1-9]|1[0-2])$/;
const YEAR_MONTH = /^(19|20)\d\d\s*[-/.年]\s*(0?[1-9]|1[0-2])\s*月?$/;
const YEAR_MONTH_DAY = /^(19|20)\d\d[-/.年](0?[1-9]|1[0-2])[-/.月](0?[1-9]|[12]\d|3[01])日?([ T]\d{1,2}:\d\d(:\d\d(\.\d+)?)?.*)?$/;
const ID_LIKE = /^[\p{L}\p{N}][\p{L}\p{N}_\-.:#@]{0,63}$/u;

type ContentKind = 'date' | 'month' | 'id' | 'integer' | 'decimal' | 'money' | 'code' | 'text' | 'blank';

/** Share of values passing a test (0 for none). */
function share(values: string[], test: (v: string) => boolean): number {
  return values.length === 0 ? 0 : values.filter(test).length / values.length;
}

/**
 * What a column's values look like. 90 % is enough, so a few bad cells (to be rejected later)
 * do not hide the column's nature. Zero-padded integers (00004) are codes, not quantities.
 */
function contentKind(values: string[]): ContentKind {
  const v = values.map((x) => x.trim()).filter((x) => !BLANK.test(x));
  if (v.length === 0) return 'blank';
  const enough = (test: (x: string) => boolean) => share(v, test) >= 0.9;
  if (enough((x) => YYYYMMDD.test(x) || YEAR_MONTH_DAY.test(x))) return 'date';
  if (enough((x) => YYYYMM.test(x) || YEAR_MONTH.test(x))) return 'month';
  if (enough((x) => /^0\d+$/.test(x))) return 'code';
  if (enough((x) => /\d/.test(x) && NUMBER.test(x))) {
    if (enough((x) => /^[-+]?\d+$/.test(x))) return 'integer';
    return share(v, (x) => /\.\d\d\)?%?$/.test(x)) >= 0.5 ? 'money' : 'decimal';
  }
  if (enough((x) => ID_LIKE.test(x) && /\d/.test(x))) return 'id';
  return 'text';
}

const GENERIC_NAME = /^column\d+$/i;

/**
 * Suggests a role per column. Header synonyms first, strongest match first; each role except
 * number/text/ignore goes to at most one column, and month/date count as one time role. Columns
 * left over are judged by content: YYYYMMDD/ISO dates → date, YYYYMM/2024-01/2024年1月 → month
 * (if no time column yet), a first column of ids (codes with digits such as U001 or 00004, or
 * integers when the file has no header) → customerId, numbers → number, anything else
 * → text. Only for headerless files (`column1..N`) are two-decimal numbers taken as `amount`:
 * a header we could not match is better shown as a plain number than guessed.
 */
export function suggestRoles(headers: string[], sampleRows: string[][]): ColumnRole[] {
  const roles: (ColumnRole | undefined)[] = headers.map(() => undefined);
  const taken = new Set<ColumnRole>();
  const take = (c: number, role: ColumnRole) => {
    roles[c] = role;
    if (!REPEATABLE.has(role)) taken.add(role);
    if (role === 'month' || role === 'date') taken.add('month').add('date');
  };
  const candidates = headers.flatMap((h, c) => [...headerCandidates(h)].map(([role, score]) => ({ c, role, score })));
  candidates.sort((a, b) => b.score - a.score || a.c - b.c);
  for (const { c, role } of candidates) if (roles[c] === undefined && !taken.has(role)) take(c, role);

  headers.forEach((h, c) => {
    if (roles[c] !== undefined) return;
    const kind = contentKind(sampleRows.map((r) => r[c] ?? ''));
    if ((kind === 'date' || kind === 'month') && !taken.has(kind)) return take(c, kind);
    const idLike = kind === 'id' || kind === 'code' || (kind === 'integer' && GENERIC_NAME.test(h));
    if (c === 0 && idLike && !taken.has('customerId')) return take(c, 'customerId');
    if (kind === 'money' && GENERIC_NAME.test(h) && !taken.has('amount') && !taken.has('revenue')) return take(c, 'amount');
    take(c, kind === 'integer' || kind === 'decimal' || kind === 'money' ? 'number' : 'text');
  });
  return asTransactionLog(roles as ColumnRole[], headers, sampleRows);
}

/** Headers that name a monthly bill (ARPU, 出账收入, 月租): revenue even in a file of transactions. */
const MONTHLY_BILL = /arpu|出账|月租|月均|月消费|monthly|bill/i;

/**
 * A transaction log — a day-level date rather than a billing month, or customers with several rows
 * in one month — records purchases, not monthly revenue: its money column is a transaction amount
 * (what Gamma–Gamma and CLV read), unless its header names a monthly bill.
 */
function asTransactionLog(roles: ColumnRole[], headers: string[], sampleRows: string[][]): ColumnRole[] {
  if (roles.includes('amount') || !isTransactionLog(roles, sampleRows)) return roles;
  return roles.map((r, c) => (r === 'revenue' && !MONTHLY_BILL.test(headers[c].normalize('NFKC')) ? 'amount' : r));
}

/** A day-level time column, or at least a fifth of the sample's rows repeating a customer's month. */
export function isTransactionLog(roles: ColumnRole[], sampleRows: string[][]): boolean {
  if (roles.includes('date')) return true;
  const id = roles.indexOf('customerId');
  const month = roles.indexOf('month');
  if (id < 0 || month < 0 || sampleRows.length < 5) return false;
  const seen = new Set<string>();
  let repeated = 0;
  for (const r of sampleRows) {
    const key = `${r[id]}\u0000${(r[month] ?? '').replace(/\D/g, '').slice(0, 6)}`;
    if (seen.has(key)) repeated++;
    seen.add(key);
  }
  return repeated >= sampleRows.length * 0.2;
}
