// Churn SQL + model glue on real data through the Node engine (the same SQL the worker runs):
// the IBM telco file (KM medians per Contract vs R survival 3.5.3, see workers/models/kaplanMeier.test.ts;
// logistic AUC on a seeded 30% holdout), the generated sample panel, and degenerate inputs.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { all } from '../db/sql.ts';
import { churnApi } from './api.ts';
import type { ChurnApi, ChurnModelOptions } from './contract.ts';

const TELCO = path.resolve(import.meta.dirname, '../../../shared/data/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv');
const TIERS = { low: 50, high: 150 };

let engine: Engine;
let api: ChurnApi;
let telco: string;
let panel: string;
beforeAll(async () => {
  engine = await nodeEngine();
  api = churnApi(() => engine);
  telco = (await engine.ingestFile(new Blob([fs.readFileSync(TELCO)]), 'telco.csv')).id;
  panel = (await engine.loadSample({ customers: 1500, months: 24, seed: 1, lang: 'en' })).id;
}, 120_000);

const options = (features: string[], extra: Partial<ChurnModelOptions> = {}): ChurnModelOptions => ({
  features,
  l2: 1,
  horizon: 3,
  seed: 1,
  arpuTiers: TIERS,
  ...extra
});

describe('telco snapshot', () => {
  it('KM split by Contract: month-to-month median 35 as R survfit; longer contracts never reach 0.5', async () => {
    const s = await api.survivalCurves(telco, 'plan');
    const by = Object.fromEntries(s.curves.map((c) => [c.group, c]));
    expect(s.curves[0]).toMatchObject({ group: 'All', customers: 7043, events: 1869, median: null });
    expect(by['Month-to-month']).toMatchObject({ customers: 3875, median: 35 });
    expect(by['One year'].median).toBeNull();
    expect(by['Two year'].median).toBeNull();
    // 1 − Ŝ(6) for all customers; R: summary(fit, times = 6) surv 0.884826238933
    expect(s.curves[0].churn6.value).toBeCloseTo(1 - 0.884826238933, 10);
    expect(s.curves[0].churn6.lower).toBeCloseTo(1 - 0.892193552602, 9);
    expect(by['Month-to-month'].churn3.value).toBeGreaterThan(by['One year'].churn3.value);
  });

  it('logistic regression on all columns: holdout AUC 0.8xx, deterministic, lists built', async () => {
    const setup = await api.churnSetup(telco);
    expect(setup.kind).toBe('snapshot');
    const features = setup.features.filter((f) => f.default).map((f) => f.name);
    expect(features).toContain('plan');
    expect(features).not.toContain('customer_id');
    const r = await api.fitChurnModel(telco, options(features));
    // Measured: AUC 0.8472 on 2,113 holdout rows (528 churners); the issue expects about 0.84.
    expect([r.trainRows, r.testRows, r.testChurners]).toEqual([4930, 2113, 528]);
    expect(r.auc).toBeCloseTo(0.847, 3);
    expect(r.auc).toBeGreaterThanOrEqual(0.83);
    expect(r.dropped).toEqual([]);
    const again = await api.fitChurnModel(telco, options(features));
    expect(again.auc).toBe(r.auc);
    expect(r.gains.at(-1)?.cumulativeGain).toBeCloseTo(1, 12);
    expect(r.confusion).toHaveLength(99);
    // The ROC curve drawn beside the AUC: from (0,0) to (1,1), its area the AUC (thinned to 201 points).
    expect(r.roc[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(r.roc.at(-1)).toEqual({ fpr: 1, tpr: 1 });
    expect(r.roc.slice(1).reduce((a, p, i) => a + ((p.fpr - r.roc[i].fpr) * (p.tpr + r.roc[i].tpr)) / 2, 0)).toBeCloseTo(r.auc, 3);
    // Levels are counted approximately (approx_count_distinct): Contract has 3.
    expect(setup.splitColumns.find((c) => c.header === 'Contract')).toMatchObject({
      name: 'plan',
      levels: expect.toSatisfy((n: number) => n >= 2 && n <= 4)
    });
    const risk = await api.riskList(telco, { arpuTiers: ['low', 'mid', 'high'], minScore: 0, top: 10 });
    expect(risk.total).toBe(5174);
    expect(risk.rows[0].score).toBeGreaterThanOrEqual(risk.rows[9].score);
    expect(risk.rows[0].reasons.length).toBeGreaterThan(0);
    expect(risk.csv.split('\r\n')).toHaveLength(5174 + 2);
    // The scored list also lands in DuckDB for the campaign builder: one row per scored customer.
    const t = (
      await all(engine.conn, `SELECT count(*) AS n, max(probability) AS top, min(rank_share) AS first FROM "churnrisk_${telco}"`)
    )[0];
    expect([Number(t.n), t.top, t.first]).toEqual([5174, risk.rows[0].score, 0]);
    const win = await api.winBackList(telco, { arpuTiers: ['high'], minScore: 0, top: 5 });
    expect(win.rows.every((w) => (w.lastArpu ?? 0) >= 150)).toBe(true);
    // Telco's MonthlyCharges stop at 118.75, under the default high-tier cut of 150: the empty list
    // carries what the page needs to say why (1,869 churned customers, their highest charge).
    expect(win.total).toBe(0);
    expect(win.churned).toBe(1869);
    expect(win.maxLastArpu).toBeGreaterThan(100);
    expect(win.maxLastArpu).toBeLessThanOrEqual(118.75);
    // A zh export has Chinese headers and tier names.
    const zh = await api.riskList(telco, { arpuTiers: ['low', 'mid', 'high'], minScore: 0, top: 1, lang: 'zh' });
    const [head, first] = zh.csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(head).toBe('用户ID,离网风险,ARPU（元）,ARPU 档,原因1,原因2,原因3');
    expect(first.split(',')[3]).toMatch(/^[低中高]$/);
  });
});

describe('sample panel', () => {
  it('cohort retention: month 0 is 100%, rates never rise along a cohort', async () => {
    const c = await api.cohortRetention(panel);
    expect(c.cohorts.length).toBeGreaterThanOrEqual(20);
    expect(c.leftOut).toBeGreaterThan(0);
    for (const row of c.rate) {
      expect(row[0]).toBe(1);
      const seen = row.filter((v): v is number => v !== null);
      for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeLessThanOrEqual(seen[k - 1]);
    }
  });
  it('KM on first spells and a time-holdout model', async () => {
    const s = await api.survivalCurves(panel, 'customer_type');
    expect(s.curves.map((c) => c.group)).toEqual(['All', 'residential', 'business']);
    expect(s.curves[0].customers).toBe(571); // joined inside the window (tenure 1 at first row)
    expect(s.curves[0].churn6.value).toBeGreaterThan(s.curves[0].churn3.value);
    const setup = await api.churnSetup(panel);
    const r = await api.fitChurnModel(panel, options(setup.features.filter((f) => f.default).map((f) => f.name)));
    expect([r.trainMonth, r.testMonth, r.scoreMonth]).toEqual(['2024-06-01', '2024-09-01', '2024-12-01']);
    // The planted decline (falling revenue, rising arrears) makes churn easy to see: measured 0.976.
    expect(r.holdout).toBe('time');
    expect(r.auc).toBeGreaterThan(0.8);
  });
});

/** A small snapshot: n customers, tenure, charges, a constant column and the churn flag. */
function snapshot(n: number, churn: (i: number) => boolean): Blob {
  const lines = ['customerID,tenure,MonthlyCharges,Contract,Region,Churn'];
  for (let i = 0; i < n; i++) {
    lines.push(`C${i},${(i * 7) % 60},${20 + ((i * 13) % 90)},${i % 3 ? 'Month-to-month' : 'Two year'},North,${churn(i) ? 'Yes' : 'No'}`);
  }
  return new Blob([lines.join('\n') + '\n']);
}

describe('degenerate inputs give coded errors, never NaN', () => {
  it('one month only', async () => {
    const csv =
      'customer_id,month,arpu,churn\n' +
      Array.from({ length: 30 }, (_, i) => `C${i},202401,${10 + i},${i % 5 === 0 ? 1 : 0}`).join('\n') +
      '\n';
    const id = (await engine.ingestFile(new Blob([csv]), 'one-month.csv')).id;
    await expect(api.cohortRetention(id)).rejects.toMatchObject({ code: 'churn-too-few-months' });
    await expect(api.fitChurnModel(id, options(['tenure', 'arpu_3']))).rejects.toMatchObject({ code: 'churn-too-few-months' });
  });
  it('no churners: survival stays at 1 with no median, the model refuses', async () => {
    const id = (
      await engine.ingestFile(
        snapshot(60, () => false),
        'none.csv'
      )
    ).id;
    const s = await api.survivalCurves(id, null);
    expect(s.curves[0]).toMatchObject({ events: 0, median: null, churn3: { value: 0, lower: 0, upper: 0 } });
    await expect(api.fitChurnModel(id, options(['tenure', 'revenue']))).rejects.toMatchObject({ code: 'churn-no-churners' });
  });
  it('all churned', async () => {
    const id = (
      await engine.ingestFile(
        snapshot(60, () => true),
        'all.csv'
      )
    ).id;
    const s = await api.survivalCurves(id, null);
    expect(s.curves[0].survival.every(Number.isFinite)).toBe(true);
    await expect(api.fitChurnModel(id, options(['tenure', 'revenue']))).rejects.toMatchObject({ code: 'churn-all-churned' });
  });
  it('a constant feature is dropped with a note; only constant features is an error', async () => {
    const id = (
      await engine.ingestFile(
        snapshot(90, (i) => (i * 7) % 60 < 12 || i % 4 === 0),
        'const.csv'
      )
    ).id;
    const setup = await api.churnSetup(id);
    expect(setup.splitColumns.map((c) => c.header)).toEqual(['Contract']); // Region has one level
    const r = await api.fitChurnModel(id, options(['tenure', 'revenue', 'region']));
    expect(r.dropped).toEqual(['Region']);
    expect(Number.isFinite(r.auc)).toBe(true);
    await expect(api.fitChurnModel(id, options(['region']))).rejects.toMatchObject({ code: 'churn-no-features' });
  });
  it('lists before a fit', async () => {
    await expect(api.riskList('999', { arpuTiers: ['high'], minScore: 0, top: 1 })).rejects.toMatchObject({ code: 'churn-no-model' });
  });
});

describe("the win-back list carries a leaver's churn reason and contact (seed 000, 1•4)", () => {
  it('snapshot: the columns of the churners, in the list and its CSV', async () => {
    const lines = ['customerID,tenure,MonthlyCharges,Contract,Churn,Churn Reason,联系电话'];
    for (let i = 0; i < 90; i++) {
      const churned = (i * 7) % 60 < 15 || i % 4 === 0;
      lines.push(
        `C${i},${(i * 7) % 60},${20 + ((i * 13) % 90)},${i % 3 ? 'Month-to-month' : 'Two year'},${churned ? 'Yes' : 'No'},` +
          `${churned ? (i % 2 ? 'Price' : '竞争对手优惠') : ''},${churned && i % 5 ? `1380000${String(i).padStart(4, '0')}` : ''}`
      );
    }
    const s = await engine.ingestFile(new Blob([lines.join('\n') + '\n']), 'reasons.csv');
    expect(s.roles.slice(5)).toEqual(['churnReason', 'contact']);
    await api.fitChurnModel(s.id, options(['tenure', 'revenue']));
    const win = await api.winBackList(s.id, { arpuTiers: ['low', 'mid', 'high'], minScore: 0, top: 200 });
    expect(win).toMatchObject({ hasChurnReason: true, hasContact: true });
    const c4 = win.rows.find((r) => r.customerId === 'C4')!;
    expect(c4).toMatchObject({ churnReason: '竞争对手优惠', contact: '13800000004' });
    expect(win.rows.find((r) => r.customerId === 'C0')).toMatchObject({ churnReason: '竞争对手优惠', contact: null });
    expect(win.csv.split('\r\n')[0].replace(/^\uFEFF/, '')).toBe('customer_id,last_arpu,arpu_tier,tenure,churn_month,churn_reason,contact');
    expect(win.csv).toContain('C4,');
  });

  it("panel: each leaver's latest reason and contact", async () => {
    // 60 customers over 10 months; customer i < 40 leaves (churn flag) in month i % 8 + 2, with its reason
    // written in that month only and its contact changing from month 5.
    const lines = ['customer_id,month,arpu,tenure,churn,离网原因,联系方式'];
    for (let i = 0; i < 60; i++) {
      const leaves = i < 40 ? (i % 8) + 2 : 99;
      for (let m = 1; m <= Math.min(10, leaves); m++) {
        lines.push(
          `C${i},2024${String(m).padStart(2, '0')},${30 + ((i * 11) % 50)},${m + i},${m === leaves ? 1 : 0},` +
            `${m === leaves ? `reason ${i % 3}` : ''},${m < 5 ? 'old@x' : `c${i}@x`}`
        );
      }
    }
    const s = await engine.ingestFile(new Blob([lines.join('\n') + '\n']), 'panel-reasons.csv');
    expect(s.roles.slice(5)).toEqual(['churnReason', 'contact']);
    await api.fitChurnModel(s.id, options(['tenure', 'arpu_3']));
    const win = await api.winBackList(s.id, { arpuTiers: ['low', 'mid', 'high'], minScore: 0, top: 200 });
    const c9 = win.rows.find((r) => r.customerId === 'C9')!; // leaves in month 3: contact still the old one
    expect(c9).toMatchObject({ churnMonth: '2024-03-01', churnReason: 'reason 0', contact: 'old@x' });
    expect(win.rows.find((r) => r.customerId === 'C7')).toMatchObject({ churnReason: 'reason 1', contact: 'c7@x' }); // month 9
  });
});
