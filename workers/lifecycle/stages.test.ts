// The stage engine's SQL on small hand-made panels whose stages are worked out by hand (table-driven),
// degenerate inputs, and the agreement with the planted truth on the generated sample.
import { describe, expect, it } from 'vitest';
import type { LifecycleRequest } from './contract.ts';
import { expand, handPanels, panel, series } from './handPanels.ts';

const hp = handPanels();
const { load, stagesOf } = hp;

// Default rule, N = K = W = 3, ±15%. "old" and "silent" are in the first data month (no known start).
const CLM_PANEL = panel(
  ['revenue', 'churn'],
  [
    { id: 'new', first: 2, rows: series([10, 20, 30, 40, 50, 60, 60, 60, 60, 60, 60, 60, 60], () => [0]) },
    { id: 'old', first: 1, rows: series([100, 100, 100, 100, 100, 100, 100, 100, 100, 80, 60, 40, 20, 10], (i) => [i === 13 ? 1 : 0]) },
    { id: 'silent', first: 1, rows: series([50, 50, 50, 50, 50, 50, 0, 0, 0, 0, 0, 0, 0, 0], () => [0]) },
    { id: 'gone', first: 1, rows: series([70, 70, 70, 70, 70, 70], () => [0]) }
  ]
);

describe('default rule A–E on a hand-made panel', () => {
  const cases: { name: string; params: Record<string, number>; expected: Record<string, string> }[] = [
    {
      // new: r4 70/30, r5 90/50 (h = 2), r6 150/60, r7 170/90, r8 180/120, r9 180/150 = 1.2 → B; r10 180/170 → C.
      // old: r10 280/300 C; r11 240/300 = 0.8 D; churn row E. silent: dormant months 1–2 fall → D, from K = 3 → E.
      name: 'defaults',
      params: {},
      expected: { new: 'A*3 B*6 C*4', old: 'C*10 D*3 E', silent: 'C*6 D*2 E*6', gone: 'C*5 E' }
    },
    { name: 'N = 1: only the first month is A', params: { n_acquisition: 1 }, expected: { new: 'A B*8 C*4' } },
    { name: 'up = 1: B only when revenue doubles', params: { up: 1 }, expected: { new: 'A*3 B C B C*7' } },
    { name: 'down = 0.5: D only when revenue halves', params: { down: 0.5 }, expected: { old: 'C*12 D E', silent: 'C*7 D E*6' } },
    { name: 'K = 1: silent is E from its first dormant month', params: { k_inactive: 1 }, expected: { silent: 'C*6 E*8' } }
  ];
  it.each(cases)('$name', async ({ params, expected }) => {
    const id = await load(CLM_PANEL);
    const got = await stagesOf(id, 'clm', params);
    for (const [customer, spec] of Object.entries(expected)) expect(got[customer], customer).toBe(expand(spec));
  });

  it('views: funnel, transitions and distribution agree with the stages', async () => {
    const id = await load(CLM_PANEL);
    const r = await hp.api.computeLifecycle(id, { ruleSet: 'clm', params: {} });
    expect(r.months).toHaveLength(14);
    expect(r.distribution.flat().reduce((a, b) => a + b, 0)).toBe(13 + 14 + 14 + 6);
    const A = 0,
      B = 1,
      C = 2,
      D = 3,
      E = 4;
    expect(r.transitions[A][A]).toBe(2);
    expect(r.transitions[A][B]).toBe(1);
    expect(r.transitions[C][D]).toBe(2); // old and silent
    expect(r.transitions[D][E]).toBe(2);
    expect(r.transitions[E][E]).toBe(5);
    expect(r.totalCustomers).toBe(4);
    expect(r.funnel.map((f) => f.customers)).toEqual([1, 1, 4, 2, 3]);
    expect(r.funnel[0].toNext).toBe(1); // new reached B after A
    expect(r.funnel[3].toNext).toBe(1); // both decliners exited
    expect(r.notes).toContain('no-tenure');
    // Last month: new (C, ARPU 60) and old (E, ARPU (40+20+10)/3) and silent (E, 0).
    const { cross } = await hp.api.lifecycleMonth(id, { month: null, arpuTierCuts: [50, 150] });
    expect(cross.month).toBe('2025-02');
    expect(cross.cells.find((c) => c.stage === 'C')).toMatchObject({ arpuTier: 1, customers: 1, arpu: 60 });
    expect(cross.cells.find((c) => c.stage === 'E')).toMatchObject({ arpuTier: 0, customers: 2 });
    expect(r.sql).toContain('CREATE OR REPLACE TABLE');
    expect(r.description.en).toContain('first 3 months');
  });
});

describe('data-service lifecycle (seed 002) on a hand-made panel', () => {
  it('acquired → interested → habitual on rising data use; dropped services → losing interest; silence → cancelled', async () => {
    const id = await load(
      panel(
        ['revenue', 'data_mb', 'vas_count'],
        [
          {
            id: 'd',
            first: 2,
            rows: series([100, 200, 300, 400, 500, 600, 600, 600, 600, 600, 600, 600, 600], () => [2]).map((r) => [30, ...r])
          },
          { id: 'v', first: 1, rows: series(Array(14).fill(500), (i) => [i < 7 ? 3 : 1]).map((r) => [30, ...r]) },
          { id: 'q', first: 1, rows: series([300, 300, 300, 300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], () => [0]).map((r) => [30, ...r]) }
        ]
      )
    );
    const got = await stagesOf(id, 'dataService');
    expect(got.d).toBe(expand('acquired*3 interested*6 habitual*4'));
    // v drops 2 services in month 8; the previous-3-month maximum remembers the 3 for three months.
    expect(got.v).toBe(expand('habitual*7 losing*3 habitual*4'));
    expect(got.q).toBe(expand('habitual*4 losing*2 cancelled*8'));
    const off = await stagesOf(id, 'dataService', { services_drop: 0 });
    expect(off.v).toBe(expand('habitual*14'));
  });
});

describe('activity states (product analytics) on a hand-made panel', () => {
  const PANEL = panel(
    ['revenue'],
    [
      { id: 'a', first: 1, rows: series([10, 10, 10, 0, 0, 10]) },
      { id: 'b', first: 3, rows: [[10], [10]] },
      { id: 'b2', first: 6, rows: [[10]] },
      { id: 'c', first: 1, rows: series([0, 0, 0, 0, 0, 0]) }
    ].map((c) => (c.id === 'b2' ? { ...c, id: 'b' } : c))
  );
  it.each<{ params: Record<string, number>; expected: Record<string, string> }>([
    { params: {}, expected: { a: 'returning*3 dormant*2 resurrecting', b: 'new returning resurrecting', c: 'dormant*6' } },
    { params: { gap: 3 }, expected: { a: 'returning*3 dormant*2 returning', b: 'new returning returning' } },
    { params: { min_revenue: 10 }, expected: { a: 'dormant*6', b: 'dormant*3' } }
  ])('$params', async ({ params, expected }) => {
    const got = await stagesOf(await load(PANEL), 'activity', params);
    for (const [customer, spec] of Object.entries(expected)) expect(got[customer], customer).toBe(expand(spec));
  });
});

describe('degenerate inputs give a clear error code', () => {
  const request: LifecycleRequest = { ruleSet: 'clm', params: {} };
  it.each([
    { name: 'one month only', csv: 'customer_id,month,revenue\nu1,2024-01,10\nu2,2024-01,20\n', code: 'lifecycle-one-month' },
    { name: 'no revenue column', csv: 'customer_id,month,region\nu1,2024-01,N\nu1,2024-02,N\n', code: 'lifecycle-no-revenue' },
    { name: 'not a panel (no month)', csv: 'customer_id,revenue\nu1,10\nu2,20\n', code: 'lifecycle-not-a-panel' }
  ])('$name → $code', async ({ csv, code }) => {
    const id = await load(csv);
    await expect(hp.api.computeLifecycle(id, request)).rejects.toMatchObject({ code });
  });
  it('a parameter out of range', async () => {
    const id = await load(CLM_PANEL);
    await expect(hp.api.computeLifecycle(id, { ...request, params: { w_window: 0 } })).rejects.toMatchObject({
      code: 'lifecycle-bad-parameter'
    });
  });
  it('activity states run on usage alone (no revenue column)', async () => {
    const id = await load('customer_id,month,voice_minutes\nu1,2024-01,10\nu1,2024-02,0\n');
    expect(await stagesOf(id, 'activity')).toEqual({ u1: 'returning dormant' });
  });
});

describe('agreement with the planted truth on the sample panel', () => {
  it('default rule: overall and per-stage agreement above the measured floor', async () => {
    const s = await hp.engine.loadSample({ customers: 2000, months: 24, seed: 1, lang: 'en' });
    const r = await hp.api.computeLifecycle(s.id, { ruleSet: 'clm', params: {} });
    const a = r.agreement!;
    // Measured (seed 1, 24 months): 92.11% of 34,736 rows for 2,000 customers; 92.31% of 350,599 rows
    // for 20,000 (the generator author's quick rule: ~92%). Recall A 1.00, B 0.84, C 0.96, D 0.62,
    // E 0.91. The misses are the ones DATA_DICTIONARY.md §4 predicts: early D looks like C to a
    // trailing window, early C still looks like B, dormant months 1–2 are D until K = 3. The floors
    // sit about a point under the measurement: the sample is deterministic, so a drop is a change
    // to the rule (or the generator), not noise.
    expect(a.missing).toBe(0);
    expect(a.rows).toBe(s.overview.rows);
    expect(a.overall).toBeGreaterThan(0.91);
    const recall = Object.fromEntries(a.perStage.map((p) => [p.stage, p.recall ?? 0]));
    expect(recall.A).toBeGreaterThan(0.99);
    expect(recall.B).toBeGreaterThan(0.8);
    expect(recall.C).toBeGreaterThan(0.94);
    expect(recall.D).toBeGreaterThan(0.58);
    expect(recall.E).toBeGreaterThan(0.88);
    // The confusion matrix counts every row once.
    expect(a.confusion.flat().reduce((x, y) => x + y, 0)).toBe(a.rows);
    // Parameters matter: a 50% fall threshold finds far fewer decliners.
    const loose = await hp.api.computeLifecycle(s.id, { ruleSet: 'clm', params: { down: 0.5 } });
    expect(loose.agreement!.perStage[3].recall!).toBeLessThan(recall.D - 0.1);
  }, 120_000);
});
