// The views of a stage table on hand-made panels: churn conditional on the stage (seed 002's
// measure), each stage's KPIs in a month, seed 002's data-service figures, and the month views
// recomputed on their own.
import { describe, expect, it } from 'vitest';
import { handPanels, panel, series } from './handPanels.ts';

const hp = handPanels();
const request = { ruleSet: 'clm' as const, params: {} };
const lastMonth = { month: null, arpuTierCuts: [50, 150] };

// Twelve months, default rule (N = K = W = 3), tenure over N: stable revenue is C throughout.
// leave: churn flag in month 6 (E), no rows after; late: churn flag in month 10.
const CHURN_PANEL = panel(
  ['revenue', 'tenure', 'churn'],
  [
    { id: 'stay', first: 1, rows: series(Array(12).fill(50), (i) => [20 + i, 0]) },
    { id: 'leave', first: 1, rows: series(Array(6).fill(50), (i) => [20 + i, i === 5 ? 1 : 0]) },
    { id: 'late', first: 1, rows: series(Array(10).fill(50), (i) => [20 + i, i === 9 ? 1 : 0]) }
  ]
);

describe('churn conditional on the stage', () => {
  it('of the C months with 3 (6) later months in the data, the share that exit within 3 (6) months', async () => {
    const id = await hp.load(CHURN_PANEL);
    await hp.api.computeLifecycle(id, request);
    const r = await hp.api.stageChurn(id);
    expect(r.exitStages).toEqual(['E']);
    const c = r.stageChurn.find((s) => s.stage === 'C')!;
    // Within 3: C months 1–9 have the follow-up (the data ends in month 12): stay 9 rows, none
    // churn; leave months 1–5, of which 3–5 exit in month 6; late months 1–9, of which 7–9 exit in 10.
    expect(c).toMatchObject({ followed3: 9 + 5 + 9, churn3: 6 / 23 });
    // Within 6: months 1–6: stay 6 (none), leave 1–5 (all), late 1–6 (4–6 exit in month 10).
    expect(c).toMatchObject({ followed6: 6 + 5 + 6, churn6: 8 / 17 });
    // The exit stage itself has no rate, nor do stages nobody was in.
    expect(r.stageChurn.find((s) => s.stage === 'E')).toMatchObject({ churn3: null, churn6: null });
    expect(r.stageChurn.find((s) => s.stage === 'A')).toMatchObject({ followed3: 0, churn3: null });
    expect(r.stageChurn.map((s) => s.stage)).toEqual(['A', 'B', 'C', 'D', 'E']);
    // Read from the stages stored, so another tab can show them with the stages' names.
    expect(r.stageSet.labels.C).toEqual({ en: 'C Climax', zh: 'C 成熟' });
  });

  it('activity states have no exit stage: churn is reaching dormant', async () => {
    const id = await hp.load(
      panel(
        ['revenue'],
        [
          { id: 'a', first: 1, rows: series([10, 10, 10, 10, 0, 0, 0, 0]) },
          { id: 'b', first: 1, rows: series([10, 10, 10, 10, 10, 10, 10, 10]) }
        ]
      )
    );
    await hp.api.computeLifecycle(id, { ...request, ruleSet: 'activity' });
    const r = await hp.api.stageChurn(id);
    expect(r.exitStages).toEqual(['dormant']);
    // returning months with 3 later months: a 1–4 (month 4's next three are dormant; 2–4 within 3),
    // b 1–5; churned: a's months 2, 3, 4 → 3 of 9.
    expect(r.stageChurn.find((s) => s.stage === 'returning')).toMatchObject({ followed3: 9, churn3: 3 / 9 });
  });
});

describe('month views', () => {
  it('stage KPIs and the cross table of a chosen month, computed without rerunning the stages', async () => {
    const id = await hp.load(CHURN_PANEL);
    await hp.api.computeLifecycle(id, request);
    const r = await hp.api.lifecycleMonth(id, { month: '2024-05', arpuTierCuts: [50, 150] });
    expect(r.cross.month).toBe('2024-05');
    expect(r.kpis.find((k) => k.stage === 'C')).toEqual({ stage: 'C', customers: 3, revenue: 150, arpu: 50, value: null });
    expect(r.kpis.find((k) => k.stage === 'E')).toEqual({ stage: 'E', customers: 0, revenue: 0, arpu: null, value: null });
    expect(r.hasValue).toBe(false);
    expect(r.dataServices).toBeNull();
    const june = await hp.api.lifecycleMonth(id, { month: '2024-06', arpuTierCuts: [40] });
    expect(june.kpis.filter((k) => k.customers > 0).map((k) => [k.stage, k.customers, k.revenue])).toEqual([
      ['C', 2, 100],
      ['E', 1, 50]
    ]);
    expect(june.cross.cuts).toEqual([40]);
    expect(june.cross.cells.every((c) => c.arpuTier === 1)).toBe(true);
    // A month outside the data falls back to the last one.
    expect((await hp.api.lifecycleMonth(id, { month: '1999-01', arpuTierCuts: [] })).cross.month).toBe('2024-12');
  });

  it('asks for the stages first when none were computed', async () => {
    const id = await hp.load(CHURN_PANEL);
    await expect(hp.api.lifecycleMonth(id, { month: null, arpuTierCuts: [] })).rejects.toMatchObject({ code: 'lifecycle-no-stages' });
  });

  it("seed 002's figures: penetration, users of 1–2 services, spending under 10 yuan (no such column here)", async () => {
    // Last month: u1 data + SMS (2 services), u2 data + SMS + 2 value-added (4), u3 SMS (1), u4 none but revenue.
    const id = await hp.load(
      panel(
        ['revenue', 'data_mb', 'sms', 'vas_count'],
        [
          {
            id: 'u1',
            first: 1,
            rows: [
              [30, 100, 5, 0],
              [30, 100, 5, 0]
            ]
          },
          {
            id: 'u2',
            first: 1,
            rows: [
              [30, 100, 5, 2],
              [30, 100, 5, 2]
            ]
          },
          {
            id: 'u3',
            first: 1,
            rows: [
              [30, 0, 5, 0],
              [30, 0, 5, 0]
            ]
          },
          {
            id: 'u4',
            first: 1,
            rows: [
              [30, 0, 0, 0],
              [30, 0, 0, 0]
            ]
          }
        ]
      )
    );
    await hp.api.computeLifecycle(id, { ...request, ruleSet: 'dataService' });
    const r = await hp.api.lifecycleMonth(id, lastMonth);
    expect(r.dataServices).toEqual({ customers: 4, users: 3, penetration: 3 / 4, oneOrTwo: 2 / 3, under10: null });
  });

  it('with a data-service revenue column: the users spending under 10 yuan', async () => {
    const id = await hp.load(
      panel(
        ['revenue', 'data_mb', 'sms', 'data_revenue'],
        [
          {
            id: 'u1',
            first: 1,
            rows: [
              [30, 100, 5, 5],
              [30, 100, 5, 9.99]
            ]
          },
          {
            id: 'u2',
            first: 1,
            rows: [
              [30, 100, 5, 20],
              [30, 100, 5, 10]
            ]
          },
          {
            id: 'u3',
            first: 1,
            rows: [
              [30, 0, 5, 3],
              [30, 0, 5, 2]
            ]
          }
        ]
      )
    );
    await hp.api.computeLifecycle(id, { ...request, ruleSet: 'dataService' });
    const r = await hp.api.lifecycleMonth(id, lastMonth);
    expect(r.dataServices).toMatchObject({ users: 3, under10: 2 / 3 });
  });
});
