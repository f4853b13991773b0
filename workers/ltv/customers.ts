/**
 * Per-customer predictions from fitted models: P(alive), expected purchases in the next t units,
 * expected spend (Gamma–Gamma), and discounted CLV over a horizon in months (Fader, Hardie & Lee 2005,
 * "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4), §2, discrete months as
 * in lifetimes' customer_lifetime_value). Pure; the CSV of all customers is built here, in the worker.
 */
import { discountedClv } from '../models/index.ts';
import { rounded, toCsv } from '../../common/csv.ts';
import type { LtvClvSettings, LtvCustomerRow, LtvFitResult, LtvRfmRow, LtvSortKey } from './contract.ts';
import { fittedPurchaseModels, groupHistories, UNIT_DAYS } from './fit.ts';
import { LTV_MODELS, type SpendModel } from './models.ts';

/** Monthly rate equivalent to an annual discount rate: (1 + d)^(1/12) − 1. */
export const monthlyRate = (annual: number): number => Math.pow(1 + annual, 1 / 12) - 1;

/**
 * Scores every customer with the chosen purchase model (the anchor when it did not fit) and the
 * spend model; spend and CLV are null without a spend model. Expected purchases are P(alive | x, tₓ,
 * T) × purchases if alive (x, T), and CLV is linear in both P(alive) and spend: the discounted
 * purchase stream is computed once per (x, T) pair, P(alive) once per history (groupHistories), and
 * each customer's CLV is stream × P(alive) × spend × margin.
 */
export function scoreCustomers(rows: readonly LtvRfmRow[], fit: LtvFitResult, s: LtvClvSettings): LtvCustomerRow[] {
  const fitted = fittedPurchaseModels(fit.models);
  const m = fitted.find((f) => f.id === s.model) ?? fitted[0];
  if (!m) return [];
  const spendFit = fit.models.find((r) => r.kind === 'spend' && r.ok);
  const spendModel = spendFit?.ok ? (LTV_MODELS[spendFit.id] as SpendModel<object>) : null;
  const spendOf = spendModel && spendFit?.ok ? (r: LtvRfmRow) => spendModel.expectedSpend(spendFit.params, r) : null;
  const periodLength = UNIT_DAYS.month / UNIT_DAYS[fit.unit];
  const discount = monthlyRate(s.annualDiscount);
  const horizon = Math.max(0, Math.round(s.horizonMonths));
  const g = groupHistories(rows);
  const perPair = g.pairs.map(([x, T]) => ({
    purchases: m.ifAlive(s.t, x, T),
    stream: spendOf
      ? discountedClv({
          expectedPurchases: (t) => m.ifAlive(t, x, T),
          expectedSpend: 1,
          margin: 1,
          discountRate: discount,
          horizon,
          periodLength
        }).clv
      : 0
  }));
  const perHistory = g.histories.map(([frequency, recency, T], k) => {
    const pAlive = m.alive({ frequency, recency, T });
    const pair = perPair[g.pairOfHistory[k]];
    return { pAlive, expectedPurchases: pair.purchases * pAlive, stream: pair.stream * pAlive };
  });
  return rows.map((r, i) => {
    const h = perHistory[g.historyOfRow[i]];
    const expectedSpend = spendOf ? spendOf(r) : null;
    return {
      customerId: r.customerId,
      frequency: r.frequency,
      recency: r.recency,
      T: r.T,
      monetaryValue: r.monetaryValue,
      frequencyHoldout: r.frequencyHoldout,
      pAlive: h.pAlive,
      expectedPurchases: h.expectedPurchases,
      expectedSpend,
      clv: expectedSpend == null ? null : h.stream * expectedSpend * s.margin
    };
  });
}

const collator = new Intl.Collator(); // what String.prototype.localeCompare uses, built once

/**
 * Sorts (nulls last, ties in input order) a copy of the rows by one column. Numbers go through a
 * stable LSD radix sort of their IEEE-754 bits (Knuth TAOCP vol. 3 §5.2.5; four 16-bit digits):
 * on 500,000 customers some ten times faster than a comparison sort.
 */
export function sortCustomers(rows: readonly LtvCustomerRow[], key: LtvSortKey, descending: boolean): LtvCustomerRow[] {
  if (key === 'customerId') {
    const sign = descending ? -1 : 1;
    const order = Uint32Array.from(rows.keys());
    order.sort((a, b) => sign * collator.compare(rows[a].customerId, rows[b].customerId) || a - b);
    return Array.from(order, (i) => rows[i]);
  }
  // Customers with a value, keyed (negated when descending: the radix sort is ascending and stable),
  // then those without one, in input order.
  const keys = new Float64Array(rows.length);
  const present = new Uint32Array(rows.length);
  const out = new Array<LtvCustomerRow>(rows.length);
  let n = 0,
    m = rows.length;
  for (let i = rows.length - 1; i >= 0; i--) {
    const v = rows[i][key];
    if (v == null) out[--m] = rows[i];
  }
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][key];
    if (v == null) continue;
    keys[n] = (descending ? -(v as number) : (v as number)) + 0; // + 0 turns −0 into 0
    present[n++] = i;
  }
  const order = radixOrder(keys.subarray(0, n));
  for (let i = 0; i < n; i++) out[i] = rows[present[order[i]]];
  return out;
}

/** The stable ascending order of finite doubles: their bits mapped to unsigned integers that sort alike. */
function radixOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const hi = new Uint32Array(n),
    lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = bits[2 * i + 1],
      l = bits[2 * i];
    // Negative: flip every bit (larger magnitude sorts first); positive: flip the sign bit.
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let order = new Uint32Array(n),
    next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Uint32Array(65537);
  for (const [word, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16]
  ] as const) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((word[i] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) count[d + 1] += count[d];
    for (let i = 0; i < n; i++) {
      const j = order[i];
      next[count[(word[j] >>> shift) & 0xffff]++] = j;
    }
    [order, next] = [next, order];
  }
  return order;
}

export const CSV_HEADERS = [
  'customer_id',
  'frequency',
  'recency',
  'T',
  'monetary_value',
  'frequency_holdout',
  'p_alive',
  'expected_purchases',
  'expected_spend',
  'clv'
];

/** The same headers for a Chinese export (the UI's language), in the same order. */
export const CSV_HEADERS_ZH = [
  '用户ID',
  '重复购买次数',
  '最近一次重复购买距首购',
  '观察期长度T',
  '平均每次金额',
  '验证期购买次数',
  '存活概率',
  '预期购买次数',
  '预期每次金额',
  'CLV'
];

/** The scored customers as CSV: money to cents, probabilities and expectations to 4 decimals. */
export function customersCsv(rows: readonly LtvCustomerRow[], lang: 'zh' | 'en' = 'en'): string {
  return toCsv(
    lang === 'zh' ? CSV_HEADERS_ZH : CSV_HEADERS,
    rows.map((r) => [
      r.customerId,
      r.frequency,
      rounded(r.recency, 4),
      rounded(r.T, 4),
      rounded(r.monetaryValue, 2),
      r.frequencyHoldout,
      rounded(r.pAlive, 4),
      rounded(r.expectedPurchases, 4),
      rounded(r.expectedSpend, 2),
      rounded(r.clv, 2)
    ])
  );
}
