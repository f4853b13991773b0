// The offer-plan renewal list of seed 000 (initiative 1•0) on a hand-made panel: January to June
// 2024, so "the next 3 months" are June to September.
import { describe, expect, it } from 'vitest';
import { handPanels, panel, series } from './handPanels.ts';

const hp = handPanels();
const six = (revenue: number, tenure0: number, offerEnd: string) => series(Array(6).fill(revenue), (i) => [tenure0 + i, offerEnd]);
const PANEL = panel(
  ['revenue', 'tenure', 'offer_end'],
  [
    { id: 'hi', first: 1, rows: six(100, 20, '2024-08-15') },
    { id: 'lo', first: 1, rows: six(20, 20, '2024-07-01') }, // ARPU under 50
    { id: 'far', first: 1, rows: six(100, 20, '2025-01-31') }, // after September
    { id: 'past', first: 1, rows: six(100, 20, '2024-05-31') }, // before June
    { id: 'edge', first: 1, rows: six(80, 25, '2024-09-30') }, // the last day of the window
    { id: 'gone', first: 1, rows: six(100, 20, '2024-07-10').slice(0, 4) }, // no row in June
    { id: 'young', first: 1, rows: six(60, 5, '2024-06-20') } // tenure 10 in June
  ]
);
const request = { months: 3, minArpu: 50, matureOnly: false, top: 100 };

describe('customers whose offer ends in the next N months', () => {
  it('mid/high ARPU, on the network in the last month, ending from its start to N months after, soonest first', async () => {
    const id = await hp.load(PANEL);
    const list = await hp.api.offerEndList(id, request);
    expect(list.rows.map((r) => [r.customerId, r.offerEnd, r.arpu])).toEqual([
      ['young', '2024-06-20', 60],
      ['hi', '2024-08-15', 100],
      ['edge', '2024-09-30', 80]
    ]);
    expect(list).toMatchObject({ total: 3, hasStages: false, hasValue: false });
    expect(list.rows[0]).toMatchObject({ stage: null, tenure: 10 });
    expect(list.csv.split(/\r?\n/)[0].replace(/^\uFEFF/, '')).toBe('customer_id,offer_end,stage,tenure,arpu,value_tier');
    expect((await hp.api.offerEndList(id, { ...request, months: 2 })).rows.map((r) => r.customerId)).toEqual(['young', 'hi']);
    expect((await hp.api.offerEndList(id, { ...request, minArpu: 90 })).rows.map((r) => r.customerId)).toEqual(['hi']);
  });

  it('"mature-stage users of more than one year": with stages computed, C and tenure over 12', async () => {
    const id = await hp.load(PANEL);
    expect((await hp.api.offerEndList(id, { ...request, matureOnly: true })).total).toBe(0);
    await hp.api.computeLifecycle(id, { ruleSet: 'clm', params: {} });
    const list = await hp.api.offerEndList(id, { ...request, matureOnly: true });
    expect(list.rows.map((r) => [r.customerId, r.stage])).toEqual([
      ['hi', 'C'],
      ['edge', 'C']
    ]);
    expect(list.hasStages).toBe(true);
  });

  it('says which column is missing', async () => {
    const id = await hp.load(panel(['revenue'], [{ id: 'a', first: 1, rows: series([1, 2]) }]));
    await expect(hp.api.offerEndList(id, request)).rejects.toMatchObject({ code: 'lifecycle-no-offer-end' });
  });
});
