// The SQL RFM summary (workers/ltv/sql/rfm.sql) on the real CDNOW 1/10 sample, loaded through the
// engine as the browser loads it, against the TypeScript rfmSummary and the test fixture; then the
// BG/NBD fit on the SQL summary against the published estimates:
// Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
// Pareto/NBD Model", Marketing Science 24(2), 275–284, §4 (2,357 customers, weekly, calibration to
// 1997-09-30): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { CALIBRATION_END, OBSERVATION_END, cdnowWeeklySummary, loadCdnowSampleTransactions } from '../../tests/fixtures/models/cdnow.ts';
import { fitBgNbd, rfmSummary } from '../models/index.ts';
import { ltvApi, rfmRows } from './api.ts';
import type { LtvApi, LtvFitResult, LtvRfmRow } from './contract.ts';
import { modelOf } from './results.ts';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/data');
let engine: Engine;
let api: LtvApi;
let id: string;
let sqlRows: LtvRfmRow[];

beforeAll(async () => {
  engine = await nodeEngine();
  api = ltvApi(() => engine);
  const s = await engine.ingestFile(new Blob([fs.readFileSync(`${SHARED}/cdnow/CDNOW_sample.txt`)]), 'CDNOW_sample.txt');
  // No header: column1 = customer (master id), column3 = date, column5 = dollars.
  expect(s.roles[0]).toBe('customerId');
  expect(s.roles[2]).toBe('date');
  expect(s.roles[4]).toBe('amount');
  id = s.id;
  sqlRows = await api.ltvRfm(id, { calibrationEnd: CALIBRATION_END, observationEnd: OBSERVATION_END, unit: 'week' });
}, 120_000); // engine start + ingest: a few seconds, more on a busy 2-core machine

describe('RFM summary in SQL', () => {
  it('equals rfmSummary and the fixture on all 2,357 CDNOW_sample customers', () => {
    const tx = loadCdnowSampleTransactions();
    const ts = rfmSummary(
      tx.map((t) => ({ customerId: t.customerId, date: t.date, amount: t.dollars })),
      { calibrationEnd: CALIBRATION_END, observationEnd: OBSERVATION_END, unit: 'week' }
    );
    const fixture = new Map(cdnowWeeklySummary(tx).map((r) => [r.customerId, r]));
    expect(sqlRows).toHaveLength(2357);
    expect(ts).toHaveLength(2357);
    const bySql = new Map(sqlRows.map((r) => [r.customerId, r]));
    for (const t of ts) {
      const s = bySql.get(t.customerId)!;
      const f = fixture.get(t.customerId)!;
      expect(s, t.customerId).toBeDefined();
      expect(s.frequency).toBe(t.frequency);
      expect(s.frequencyHoldout).toBe(t.frequencyHoldout);
      expect(s.recency).toBeCloseTo(t.recency, 10);
      expect(s.T).toBeCloseTo(t.T, 10);
      expect(s.monetaryValue).toBeCloseTo(t.monetaryValue, 8);
      expect([s.frequency, s.recency, s.T, s.frequencyHoldout]).toEqual([f.frequency, f.recency, f.T, f.frequencyHoldout]);
      expect(s.monetaryValue).toBeCloseTo(f.monetaryValue, 8);
    }
  });

  it('sums same-day purchases, counts holdout days, and uses the chosen unit', async () => {
    const csv =
      'customer,date,amount\nA,2020-01-01,10\nA,2020-01-01,5\nA,2020-01-15,20\nA,2020-02-01,30\nA,2020-03-01,7\nB,2020-01-20,3\nC,2020-02-10,1\n';
    const s = await engine.ingestFile(new Blob([csv]), 'tiny.csv');
    const day = await api.ltvRfm(s.id, { calibrationEnd: '2020-02-01', observationEnd: '2020-03-31', unit: 'day' });
    expect(day).toEqual([
      { customerId: 'A', frequency: 2, recency: 31, T: 31, monetaryValue: 25, frequencyHoldout: 1 },
      { customerId: 'B', frequency: 0, recency: 0, T: 12, monetaryValue: 0, frequencyHoldout: 0 }
    ]);
    const week = await api.ltvRfm(s.id, { calibrationEnd: '2020-02-01', observationEnd: '2020-03-31', unit: 'week' });
    expect(week[0].T).toBeCloseTo(31 / 7, 12);
    const month = await api.ltvRfm(s.id, { calibrationEnd: '2020-02-01', unit: 'month' });
    expect(month[0].T).toBeCloseTo(31 / (365.25 / 12), 12);
    expect(month[0].frequencyHoldout).toBe(1); // observation end defaults to the last date
  });
});

describe('tracking counts from the same query', () => {
  it('counts repeat days per unit from the earliest first purchase, only for calibration customers, up to the observation end', async () => {
    // Origin 2020-01-01 (A's first day). Repeats: A on days 14, 31, 60 (weeks 2, 4, 8), B on day 64
    // (week 9); B's second purchase on its first day is the same transaction; A's purchase after the
    // observation end and C (first purchase after the calibration end) count nowhere.
    const csv =
      'customer,date,amount\nA,2020-01-01,10\nA,2020-01-01,5\nA,2020-01-15,20\nA,2020-02-01,30\nA,2020-03-01,7\nA,2020-04-05,9\n' +
      'B,2020-01-20,3\nB,2020-01-20,4\nB,2020-03-05,2\nC,2020-02-10,1\nC,2020-02-20,1\n';
    const s = await engine.ingestFile(new Blob([csv]), 'tracking.csv');
    const r = await rfmRows(engine, engine.dataset(s.id), { calibrationEnd: '2020-02-01', unit: 'week' }, '2020-03-31');
    expect(r.rows.map((x) => [x.customerId, x.frequency, x.frequencyHoldout])).toEqual([
      ['A', 2, 1],
      ['B', 0, 1]
    ]);
    expect(r.firstOffsets).toEqual([0, 19]);
    expect([...r.repeatsByPeriod].sort((p, q) => p[0] - q[0])).toEqual([
      [2, 1],
      [4, 1],
      [8, 1],
      [9, 1]
    ]);
  });

  it('equals repeat days counted from the raw CDNOW sample, week by week', async () => {
    const tx = loadCdnowSampleTransactions();
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const byCustomer = new Map<string, Set<number>>();
    for (const t of tx)
      if (t.date <= OBSERVATION_END)
        (byCustomer.get(t.customerId) ?? byCustomer.set(t.customerId, new Set()).get(t.customerId)!).add(day(t.date));
    const firsts = [...byCustomer.values()].map((d) => Math.min(...d)).filter((f) => f <= day(CALIBRATION_END));
    const origin = Math.min(...firsts);
    const expected = new Map<number, number>();
    for (const d of byCustomer.values()) {
      const first = Math.min(...d);
      if (first > day(CALIBRATION_END)) continue;
      for (const x of d) if (x > first) expected.set(Math.floor((x - origin) / 7), (expected.get(Math.floor((x - origin) / 7)) ?? 0) + 1);
    }
    const r = await rfmRows(engine, engine.dataset(id), { calibrationEnd: CALIBRATION_END, unit: 'week' }, OBSERVATION_END);
    expect(r.repeatsByPeriod.size).toBeGreaterThan(70);
    expect(new Map([...r.repeatsByPeriod].sort((p, q) => p[0] - q[0]))).toEqual(new Map([...expected].sort((p, q) => p[0] - q[0])));
  });
});

describe('BG/NBD through the engine path', () => {
  let fit: LtvFitResult;
  beforeAll(async () => {
    fit = await api.ltvFit(id, { calibrationEnd: CALIBRATION_END, observationEnd: OBSERVATION_END, unit: 'week' });
  }, 120_000);

  it('fitting the SQL summary reproduces Fader, Hardie & Lee (2005) §4', () => {
    const direct = fitBgNbd(sqlRows);
    expect(direct.params.r).toBeCloseTo(0.243, 3);
    const bgNbd = modelOf(fit, 'bgNbd');
    if (!bgNbd.ok) throw new Error('BG/NBD did not fit');
    const p = bgNbd.params;
    expect(p.r).toBeCloseTo(0.243, 3);
    expect(p.alpha).toBeCloseTo(4.414, 3);
    expect(p.a).toBeCloseTo(0.793, 3);
    expect(p.b).toBeCloseTo(2.426, 3);
    expect(bgNbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(bgNbd.aic).toBeCloseTo(8 + 2 * 9582.4, 0);
  });

  it('Pareto/NBD fits slightly better by log-likelihood (FHL 2005: −9595.0 BG/NBD vs Pareto/NBD close)', () => {
    const bgNbd = modelOf(fit, 'bgNbd'),
      paretoNbd = modelOf(fit, 'paretoNbd');
    if (!paretoNbd.ok || !bgNbd.ok) throw new Error('a purchase model did not fit');
    expect(Math.abs(paretoNbd.logLikelihood - bgNbd.logLikelihood)).toBeLessThan(20);
  });

  it('MBG/NBD on the same customers: BTYDplus/lifetimes r = 0.525, α = 6.183, a = 0.891, b = 1.614', () => {
    const mbgNbd = modelOf(fit, 'mbgNbd');
    if (!mbgNbd.ok) throw new Error('MBG/NBD did not fit');
    expect(mbgNbd.params.r).toBeCloseTo(0.525, 3);
    expect(mbgNbd.params.alpha).toBeCloseTo(6.183, 3);
    expect(mbgNbd.params.a).toBeCloseTo(0.891, 3);
    expect(mbgNbd.params.b).toBeCloseTo(1.614, 3);
    // Same number of parameters, higher likelihood than BG/NBD: AIC prefers it on CDNOW.
    const bgNbd = modelOf(fit, 'bgNbd');
    if (!bgNbd.ok) throw new Error('BG/NBD did not fit');
    expect(mbgNbd.logLikelihood).toBeGreaterThan(bgNbd.logLikelihood);
    expect(fit.preferred).toBe('mbgNbd');
    // Its tracking line starts at E[X(t)] of a new customer, P(alive at 0) = b/(a+b) included.
    const last = fit.tracking[fit.tracking.length - 1];
    expect(Math.abs(last.expected.mbgNbd! - last.actual) / last.actual).toBeLessThan(0.1);
  });

  it('validation tables: 39-week holdout, actual holdout total 1,788 repeat transactions', () => {
    expect(fit.holdoutLength).toBeCloseTo(39, 10);
    const total = fit.calibrationHoldout.reduce((s, b) => s + b.actual * b.customers, 0);
    expect(Math.round(total)).toBe(sqlRows.reduce((s, r) => s + r.frequencyHoldout, 0));
    expect(fit.calibrationHoldout.map((b) => b.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    // Cumulative tracking: 78 weeks, actual total = calibration + holdout repeats.
    const last = fit.tracking[fit.tracking.length - 1];
    const repeats = sqlRows.reduce((s, r) => s + r.frequency + r.frequencyHoldout, 0);
    expect(last.actual).toBe(repeats);
    expect(fit.tracking.length).toBe(78);
    // The model tracks the actual line within 10% at the end (FHL 2005, fig. 3).
    expect(Math.abs(last.expected.bgNbd! - last.actual) / last.actual).toBeLessThan(0.1);
    expect(fit.heatmap!.pAlive[0].every((v) => v === 1)).toBe(true);
    expect(fit.spendCorrelation).not.toBeNull();
    expect(Math.abs(fit.spendCorrelation!)).toBeLessThan(0.3);
  });

  it('Gamma–Gamma on the same customers: Fader & Hardie (2013) p = 6.25, q = 3.74, v = 15.44', () => {
    const gammaGamma = modelOf(fit, 'gammaGamma');
    if (!gammaGamma.ok) throw new Error('Gamma–Gamma did not fit');
    expect(gammaGamma.params.p).toBeCloseTo(6.25, 2);
    expect(gammaGamma.params.q).toBeCloseTo(3.74, 2);
    expect(gammaGamma.params.v).toBeCloseTo(15.44, 2);
  });

  it('per-customer CLV: sorted top N, totals and a CSV of every customer', async () => {
    const settings = {
      model: 'bgNbd' as const,
      t: 39,
      margin: 0.3,
      annualDiscount: 0.1,
      horizonMonths: 12,
      sort: 'clv' as const,
      descending: true,
      topN: 5
    };
    const res = await api.ltvCustomers(id, settings);
    expect(res.total).toBe(2357);
    expect(res.rows).toHaveLength(5);
    expect(res.rows[0].clv!).toBeGreaterThanOrEqual(res.rows[4].clv!);
    expect(res.totalExpectedPurchases).toBeCloseTo(
      fit.calibrationHoldout.reduce((s, b) => s + b.expected.bgNbd! * b.customers, 0),
      6
    );
    const csv = await api.ltvCustomersCsv(id, settings);
    expect(csv.startsWith('\uFEFF')).toBe(true); // Excel reads UTF-8
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2358);
    expect(lines[0]).toBe('customer_id,frequency,recency,T,monetary_value,frequency_holdout,p_alive,expected_purchases,expected_spend,clv');
    // Rounded to what is shown: no 139.14624999999998.
    expect(lines.slice(1).every((l) => l.split(',').every((v) => !/\.\d{5,}/.test(v)))).toBe(true);
    const zh = await api.ltvCustomersCsv(id, settings, 'zh');
    expect(zh.slice(1).split('\r\n')[0]).toBe(
      '用户ID,重复购买次数,最近一次重复购买距首购,观察期长度T,平均每次金额,验证期购买次数,存活概率,预期购买次数,预期每次金额,CLV'
    );
    // A higher discount rate lowers CLV.
    const cheaper = await api.ltvCustomers(id, { ...settings, annualDiscount: 0.5 });
    expect(cheaper.totalClv!).toBeLessThan(res.totalClv!);
  }, 60_000);
});

describe('degenerate data gets a clear error code, never NaN', () => {
  it('no repeat buyers', async () => {
    const s = await engine.ingestFile(new Blob(['customer,date,amount\nA,2020-01-01,1\nB,2020-01-02,2\nC,2020-01-03,3\n']), 'once.csv');
    await expect(api.ltvFit(s.id, { calibrationEnd: '2020-06-30', unit: 'week' })).rejects.toMatchObject({ code: 'ltv-no-repeat-buyers' });
  });
  it('one customer', async () => {
    const s = await engine.ingestFile(new Blob(['customer,date,amount\nA,2020-01-01,1\nA,2020-02-02,2\n']), 'one.csv');
    await expect(api.ltvFit(s.id, { calibrationEnd: '2020-06-30', unit: 'week' })).rejects.toMatchObject({ code: 'ltv-too-few-customers' });
  });
  it('no amount column: purchase models fit, spend says why it cannot, CLV is null not NaN', async () => {
    const csv =
      'customer,date\n' + Array.from({ length: 40 }, (_, i) => `C${i % 10},2020-0${1 + (i % 6)}-${10 + (i % 7)}`).join('\n') + '\n';
    const s = await engine.ingestFile(new Blob([csv]), 'noamount.csv');
    const f = await api.ltvFit(s.id, { calibrationEnd: '2020-04-30', unit: 'week' });
    expect(modelOf(f, 'bgNbd').ok).toBe(true);
    expect(modelOf(f, 'gammaGamma')).toMatchObject({ ok: false, code: 'no-spend' });
    const c = await api.ltvCustomers(s.id, {
      model: 'bgNbd',
      t: 4,
      margin: 0.3,
      annualDiscount: 0.1,
      horizonMonths: 6,
      sort: 'pAlive',
      descending: true,
      topN: 3
    });
    expect(c.totalClv).toBeNull();
    for (const r of c.rows) expect(Number.isFinite(r.pAlive) && Number.isFinite(r.expectedPurchases) && r.clv === null).toBe(true);
  });
  it('calibration end before any purchase', async () => {
    await expect(api.ltvFit(id, { calibrationEnd: '1990-01-01', unit: 'week' })).rejects.toMatchObject({ code: 'ltv-too-few-customers' });
  });
  it('a panel without dates, or a fit never made', async () => {
    const s = await engine.ingestFile(new Blob(['frequency,recency,periods,weights\n1,1,6,10\n']), 'agg.csv');
    await expect(api.ltvFit(s.id, { calibrationEnd: '2020-06-30', unit: 'week' })).rejects.toMatchObject({
      code: 'ltv-needs-transactions'
    });
    await expect(
      api.ltvCustomers(s.id, {
        model: 'bgNbd',
        t: 1,
        margin: 1,
        annualDiscount: 0,
        horizonMonths: 1,
        sort: 'clv',
        descending: true,
        topN: 1
      })
    ).rejects.toMatchObject({ code: 'ltv-not-fitted' });
  });
});
