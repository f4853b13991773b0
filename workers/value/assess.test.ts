// Customer value (seed 004) through the real Engine on DuckDB-WASM in Node: hand-computed values on
// small hand-made panels, parameter validation and degenerate inputs (the generated sample panel is
// in assess.sample.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRole } from '../contract.ts';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { assessValue } from './assess.ts';
import { writeStages } from '../engine/tables.ts';
import { RULE_SETS, stageSet } from '../lifecycle/rules.ts';
import type { ValueAssessment, ValueRow } from './contract.ts';
import { DEFAULT_VALUE_PARAMS as P } from '../../common/valueParams.ts';
import { readValueScores } from '../scores/value.ts';
import { allFinite } from '../../tests/fixtures/value/finite.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
});

const month = (k: number) => `${2021 + Math.floor((k - 1) / 12)}-${String(((k - 1) % 12) + 1).padStart(2, '0')}`;
const ROLES: ColumnRole[] = ['customerId', 'month', 'revenue', 'cost', 'discount', 'tenure', 'arrears', 'number'];

/**
 * A joins in month 1: revenue k + 10, cost 10, so profit = k in month k. B joined 18 months before
 * the file: tenure 19 + k in month k, revenue 50, discount 5 (profit 45), 2 arrears suspensions in
 * month 29 and 2 secondary family numbers.
 */
function handPanel(months = 30): string {
  const lines = ['customer_id,month,revenue,cost,discount,tenure,arrears,family_secondary_numbers'];
  for (let k = 1; k <= months; k++) lines.push(`A,${month(k)},${k + 10},10,0,${k},0,0`);
  for (let k = 1; k <= months; k++) lines.push(`B,${month(k)},50,0,5,${k + 19},${k === 29 ? 2 : 0},2`);
  return lines.join('\n') + '\n';
}

async function load(csv: string, roles: ColumnRole[] = ROLES): Promise<string> {
  const s = await engine.ingestFile(new Blob([csv]), 'panel.csv', { roles });
  expect(s.quality.rejected).toBe(0);
  return s.id;
}

describe('hand-made panel: 2 customers × 30 months, evaluated at month 30', () => {
  let result: ValueAssessment;
  let rows: Map<string, ValueRow>;
  let id: string;
  const assess = async (p: Partial<typeof P> = {}) => {
    const out = await assessValue(engine, id, { ...P, ...p });
    return { result: out.result, rows: new Map(out.rows.map((r) => [String(r.customerId), r])) };
  };
  beforeAll(async () => {
    id = await load(handPanel());
    ({ result, rows } = await assess({ compositeBasis: 'yuan' }));
  });

  it('evaluates at the last month by default', () => {
    expect(result.evaluationMonth).toBe('2023-06');
    expect(result.customers).toBe(2);
  });
  it("the seed's historical value of A: t = 30 − 6 = 24 months = 2 years 0 months, A = mean(25…30) = 27.5; 27.5 × (12 + 12 × 0.5) = 495", () => {
    expect(rows.get('A')!.historical).toBeCloseTo(495, 9);
    expect(rows.get('A')!.historyMethod).toBe('seed');
  });
  it('and of B: tenure 49, t = 43 = 3 years 7 months, A = 45; 45 × (12 + 6 + 3 + 7 × 0.125) = 984.375', () => {
    expect(rows.get('B')!.historical).toBeCloseTo(984.375, 9);
    expect(result.historyBasis).toBe('seed');
    expect(result.history).toEqual({ seed: 2, observed: 0, mixed: 0, approximated: 0 });
  });
  it('the worked example is the customer with the median t, in years and months', () => {
    expect(result.historyExample).toEqual({ customerId: 'B', t: 43, years: 3, months: 7, a: 45, q: 0.5, weight: 21.875, value: 984.375 });
  });
  it("observed profit instead of A: A's months 13–24 count fully (Σ = 222), 1–12 half (78 / 2): 261", async () => {
    const { rows: r, result: res } = await assess({ historyBasis: 'observed' });
    expect(r.get('A')!.historical).toBeCloseTo(261, 9);
    expect(r.get('A')!.historyMethod).toBe('observed');
    // B: months 1–24 observed (weights 12 + 6 = 18), the 19 months before the file at A: 45 × (21.875 − 18)
    expect(r.get('B')!.historical).toBeCloseTo(45 * 18 + 45 * 3.875, 9);
    expect(r.get('B')!.historyMethod).toBe('mixed');
    expect(res.historyBasis).toBe('observed');
  });
  it('current value = revenue − (cost + discount) of the last 3 months', () => {
    expect(rows.get('A')!.current).toBeCloseTo(28 + 29 + 30, 9);
    expect(rows.get('B')!.current).toBeCloseTo(3 * 45, 9);
  });
  it('influence: 2 secondary numbers × 5 yuan for B (no family-main flag: read from the count); 4 parts missing', () => {
    expect(rows.get('B')!.influence).toBeCloseTo(10, 9);
    expect(rows.get('A')!.influence).toBe(0);
    expect(result.influenceParts.find((p) => p.part === 'family')).toMatchObject({
      columns: ['family_secondary_numbers'],
      customers: 1,
      mean: 5
    });
    expect(result.influenceRoles).toEqual({ keyContact: null, groupMember: null, familyMain: null });
    expect(result.notes).toContainEqual({
      key: 'influenceMissing',
      vars: { parts: 'groupKeyContact, groupMember, willingness, radiation', count: 4 }
    });
  });
  it("composite on the yuan basis = 0.25 H + 0.55 C + 0.10 F + 0.10 I, and each part's actual share", () => {
    for (const r of rows.values()) {
      const expected = 0.25 * Number(r.historical) + 0.55 * Number(r.current) + 0.1 * Number(r.future) + 0.1 * Number(r.influence);
      expect(r.composite).toBeCloseTo(expected, 9);
    }
    const mean = (k: 'historical' | 'current' | 'future' | 'influence') => (Number(rows.get('A')![k]) + Number(rows.get('B')![k])) / 2;
    const parts = [0.25 * mean('historical'), 0.55 * mean('current'), 0.1 * mean('future'), 0.1 * mean('influence')];
    const total = parts.reduce((a, b) => a + b, 0);
    expect(result.composite.components.map((c) => c.share)).toEqual(parts.map((x) => expect.closeTo(x / total, 12)));
  });
  it('composite on ranks (the default): 0–100 points per value, B ahead on all four; shares = weights', async () => {
    const { rows: r, result: res } = await assess();
    // B has more history, current value and influence; future value decides nothing here (both rank it)
    const fB =
      Number(r.get('B')!.future) > Number(r.get('A')!.future) ? 100 : Number(r.get('B')!.future) === Number(r.get('A')!.future) ? 50 : 0;
    expect(r.get('B')!.composite).toBeCloseTo(0.25 * 100 + 0.55 * 100 + 0.1 * fB + 0.1 * 100, 9);
    expect(r.get('A')!.composite).toBeCloseTo(0.1 * (100 - fB), 9);
    expect(res.composite.basis).toBe('rank');
    expect(res.composite.components.map((c) => c.share)).toEqual([0.25, 0.55, 0.1, 0.1].map((w) => expect.closeTo(w, 12)));
    expect(res.composite.components.map((c) => c.meanOnBasis)).toEqual([50, 50, 50, 50]);
  });
  it("composite on monthly yuan: history ÷ its decayed months (= A under the seed's formula), current and future ÷ 3", async () => {
    const { rows: r } = await assess({ compositeBasis: 'monthly' });
    const a = r.get('A')!;
    expect(a.composite).toBeCloseTo(0.25 * 27.5 + 0.55 * (87 / 3) + 0.1 * (Number(a.future) / 3) + 0.1 * 0, 9);
  });
  it('credit rules: B has 2 suspensions in the last 3 (and so 6) months: down twice, tenure 49 but suspended: no up', () => {
    expect(result.credit.rules.filter((r) => r.customers > 0)).toEqual([
      { rule: 'down3', customers: 1 },
      { rule: 'down6', customers: 1 }
    ]);
    expect(result.credit.markers).toEqual({ special: null, secondary: null, infoPhone: null, number188: null });
    expect(result.credit.brand).toBeNull();
  });
  it('elasticity: investment constant (A: 10 → 10 a month; B: 5 → 5) is undefined, not 0 or ∞', () => {
    expect(rows.get('A')!.elasticity).toBeNull();
    expect(rows.get('B')!.elasticityLayer).toBe('undefined');
  });
  it('writes the scores other tabs read, with the basis', async () => {
    await assess({ compositeBasis: 'yuan' });
    const info = await readValueScores(engine.conn, id);
    expect(info).toEqual({ evaluationMonth: '2023-06', basis: 'yuan', customers: 2 });
  });
  it('future value (no model for 2 customers: 0 for both) is the one value the same for everyone, and a note says so', () => {
    expect(result.notes.filter((n) => n.key === 'compositeConstant')).toEqual([
      { key: 'compositeConstant', vars: { component: 'future' } }
    ]);
  });
  it('never reports NaN', () => {
    expect(allFinite(result)).toBe(true);
    expect(allFinite([...rows.values()])).toBe(true);
  });
  it("the evaluation month and Q are editable: at month 27 with Q = 1, A's t = 21, A = mean(22…27) = 24.5", async () => {
    const { rows: r } = await assess({ decay: 1, evaluationMonth: '2023-03' });
    expect(r.get('A')!.historical).toBeCloseTo(24.5 * 21, 9);
    const { rows: o } = await assess({ decay: 1, evaluationMonth: '2023-03', historyBasis: 'observed' });
    expect(o.get('A')!.historical).toBeCloseTo((21 * 22) / 2, 9);
  });
});

describe('validation and degenerate inputs', () => {
  it('rejects weights that do not sum to 1, with a code the UI translates', async () => {
    const id = await load(handPanel(6));
    await expect(
      assessValue(engine, id, { ...P, weights: { historical: 0.5, current: 0.5, future: 0.1, influence: 0.1 } })
    ).rejects.toThrow(
      expect.objectContaining({ code: 'value-bad-weights', message: expect.stringMatching(/sum to 1 \(they sum to 1\.200\)/) })
    );
    await expect(assessValue(engine, id, { ...P, weights: { historical: -0.2, current: 1, future: 0.1, influence: 0.1 } })).rejects.toThrow(
      expect.objectContaining({ code: 'value-bad-weights' })
    );
    await expect(assessValue(engine, id, { ...P, decay: 0 })).rejects.toThrow(expect.objectContaining({ code: 'value-bad-params' }));
    await expect(assessValue(engine, id, { ...P, evaluationMonth: '1999-01' })).rejects.toThrow(
      expect.objectContaining({ code: 'value-bad-params' })
    );
  });
  it('one month only: every value defined, future value and elasticity explained as unavailable', async () => {
    const csv = 'customer_id,month,revenue\nA,2024-01,10\nB,2024-01,20\nC,2024-01,30\n';
    const { result, rows } = await assessValue(engine, await load(csv, ['customerId', 'month', 'revenue']), P);
    expect(result.customers).toBe(3);
    expect(rows.map((r) => r.current)).toEqual([10, 20, 30]);
    expect(rows.map((r) => r.historical)).toEqual([0, 0, 0]);
    expect(result.future).toBeNull();
    const keys = result.notes.map((n) => n.key);
    expect(keys).toEqual(
      expect.arrayContaining(['futureTooFewMonths', 'elasticityNoInvestment', 'missingInput', 'historyFromFirstMonth', 'creditNoArrears'])
    );
    // History, future and influence are 0 for all three: on ranks each adds the same points to
    // everyone, so its "actual share" ranks nobody; the note says so.
    expect(result.notes.filter((n) => n.key === 'compositeConstant')).toEqual(
      ['historical', 'future', 'influence'].map((component) => ({ key: 'compositeConstant', vars: { component } }))
    );
    expect(allFinite(result) && allFinite(rows)).toBe(true);
  });
  it('a constant indicator is left out of loyalty with a message, not NaN', async () => {
    const lines = ['customer_id,month,revenue,vas_count'];
    for (const c of ['A', 'B', 'C', 'D', 'E']) for (let k = 1; k <= 4; k++) lines.push(`${c},${month(k)},${10 * k + c.charCodeAt(0)},3`);
    const { result, rows } = await assessValue(engine, await load(lines.join('\n'), ['customerId', 'month', 'revenue', 'vasCount']), P);
    expect(result.notes).toContainEqual({ key: 'loyaltyConstant', vars: { indicator: 'vasLast' } });
    expect(rows.every((r) => r.loyalty != null)).toBe(true);
    expect(allFinite(result) && allFinite(rows)).toBe(true);
  });
  it('refuses a snapshot without months, and a panel without revenue', async () => {
    const snap = await load('customer_id,revenue\nA,1\nB,2\n', ['customerId', 'revenue']);
    await expect(assessValue(engine, snap, P)).rejects.toThrow(expect.objectContaining({ code: 'value-needs-panel' }));
    const noRev = await load('customer_id,month,cost\nA,2024-01,1\n', ['customerId', 'month', 'cost']);
    await expect(assessValue(engine, noRev, P)).rejects.toThrow(expect.objectContaining({ code: 'value-needs-revenue' }));
  });
});

describe('special lines, willingness influence and lifecycle stages', () => {
  it('X for a special line, active-call share × 3-month ARPU, loyalty × stage from the Lifecycle table', async () => {
    const lines = ['customer_id,month,revenue,tenure,主动通话占比,特殊号码'];
    const rev: Record<string, number> = { A: 30, B: 60, C: 90, D: 120 };
    for (const c of Object.keys(rev))
      for (let k = 1; k <= 7; k++) lines.push(`${c},${month(k)},${rev[c] + k},${k + 10},0.5,${c === 'D' ? '是' : '否'}`);
    const id = await load(lines.join('\n'), ['customerId', 'month', 'revenue', 'tenure', 'number', 'text']);
    await writeStages(engine.conn, id, stageSet(RULE_SETS.clm, []), (t) =>
      engine.conn.exec(
        `CREATE OR REPLACE TABLE ${t} AS SELECT customer_id, month, CASE WHEN customer_id < 'C' THEN 'B' ELSE 'C' END AS stage FROM ds_${id}`
      )
    );
    const { result, rows } = await assessValue(engine, id, P);
    const by = new Map(rows.map((r) => [r.customerId, r]));
    expect(by.get('D')!.credit).toBe('X');
    expect(result.credit.rules.find((r) => r.rule === 'special')!.customers).toBe(1);
    // A: months 5–7 revenue 35 + 36 + 37 = 108; ARPU 36; 0.5 × 36 = 18
    expect(by.get('A')!.influence).toBeCloseTo(18, 9);
    expect(result.influenceParts.find((p) => p.part === 'willingness')!.columns).toEqual(['主动通话占比']);
    const byStage = result.loyalty!.byStage!;
    expect(byStage.reduce((s, x) => s + x.customers, 0)).toBe(4);
    expect(byStage.filter((x) => x.stage === 'B').reduce((s, x) => s + x.customers, 0)).toBe(2);
    // group monitoring by the stage of each month: 2 customers in B and 2 in C every month
    const stage = result.monitor.series.filter((x) => x.dimension === 'stage');
    expect(stage.map((x) => [x.group, x.points.map((p) => p.customers)])).toEqual([
      ['B', Array(7).fill(2)],
      ['C', Array(7).fill(2)]
    ]);
    // month 1 of B-stage customers A and B: revenue 31 + 61 (no cost columns: profit = revenue)
    expect(stage[0].points[0]).toEqual({ month: month(1), customers: 2, revenue: 92, profit: 92 });
    expect(result.monitor.stageSet!.ruleSet).toBe('clm');
  });
});

describe('influence by role and the credit markers, through the engine', () => {
  /**
   * Four customers × 7 months: K a key contact (informatisation revenue 800, in-group share 30%),
   * M an ordinary member (share 40%), F a family main number with 3 secondaries, S a secondary
   * number (副号). Shares are written as percentages. Radiation has two sub-part columns.
   * K's number is a 188 number, M is an info-phone; both have 2 arrears suspensions in the last month.
   */
  const header =
    'customer_id,month,revenue,tenure,arrears,集团关键人,集团成员,集团信息化收入,集团内通话占比,家庭主卡,副号数,交往圈短信收入,飞信交往圈价值,是否副号,信息机';
  const people: Record<string, string> = {
    '18812345678': '1,1,800,30,0,0,10,2,0,0',
    M: '0,1,0,40,0,0,10,2,0,1',
    F: '0,0,0,0,1,3,10,2,0,0',
    S: '0,0,0,0,0,0,10,2,1,0'
  };
  let result: ValueAssessment;
  let by: Map<string, ValueRow>;
  beforeAll(async () => {
    const lines = [header];
    for (const [c, rest] of Object.entries(people))
      for (let k = 1; k <= 7; k++) lines.push(`${c},${month(k)},100,${k + 40},${k === 7 && c !== 'F' ? 2 : 0},${rest}`);
    const roles: ColumnRole[] = ['customerId', 'month', 'revenue', 'tenure', 'arrears', ...Array<ColumnRole>(10).fill('number')];
    const out = await assessValue(engine, await load(lines.join('\n'), roles), P);
    result = out.result;
    by = new Map(out.rows.map((r) => [String(r.customerId), r]));
  });
  it('key contact: 800 + radiation 12; member: 40% × 5 = 2 + 12; main number: 3 × 5 + 12; secondary number: 12', () => {
    expect(by.get('18812345678')!.influence).toBeCloseTo(812, 9);
    expect(by.get('M')!.influence).toBeCloseTo(14, 9);
    expect(by.get('F')!.influence).toBeCloseTo(27, 9);
    expect(by.get('S')!.influence).toBeCloseTo(12, 9);
    expect(result.influenceParts.find((p) => p.part === 'radiation')!.columns).toEqual(['交往圈短信收入', '飞信交往圈价值']);
    expect(result.influenceRoles).toEqual({ keyContact: '集团关键人', groupMember: '集团成员', familyMain: '家庭主卡' });
    expect(result.notes).toContainEqual({ key: 'influenceSharePercent', vars: { column: '集团内通话占比' } });
  });
  it('credit: the 188 number and the info-phone are not adjusted for their suspensions; the secondary number is X', () => {
    expect(by.get('S')!.credit).toBe('X');
    expect(result.credit.rules.filter((r) => r.customers > 0)).toEqual([
      { rule: 'up36', customers: 1 },
      { rule: 'exempt', customers: 2 },
      { rule: 'secondary', customers: 1 }
    ]);
    expect(result.credit.markers).toEqual({ special: null, secondary: '是否副号', infoPhone: '信息机', number188: null });
    expect(result.credit.ids188).toBe(1);
  });
});

describe('value elasticity between chosen periods', () => {
  it('E = (ΔQ/Q)/(ΔP/P): months 1–3 → 6–8 gives 0.2/0.5 = 0.4; the default base (months 3–5) 0.125/0.5 = 0.25', async () => {
    const lines = ['customer_id,month,revenue,cost'];
    const rev = [100, 100, 100, 110, 110, 120, 120, 120];
    const cost = [10, 10, 10, 10, 10, 15, 15, 15];
    rev.forEach((r, i) => lines.push(`A,${month(i + 1)},${r},${cost[i]}`));
    lines.push(`B,${month(8)},50,5`);
    const id = await load(lines.join('\n'), ['customerId', 'month', 'revenue', 'cost']);
    const chosen = await assessValue(engine, id, { ...P, elasticityBase: month(3) });
    expect(chosen.rows.find((r) => r.customerId === 'A')!.elasticity).toBeCloseTo(0.4, 12);
    expect(chosen.result.elasticity!.baseMonths).toEqual([month(1), month(3)]);
    // B has no base period: undefined, not 0
    expect(chosen.rows.find((r) => r.customerId === 'B')!.elasticityLayer).toBe('undefined');
    const byDefault = await assessValue(engine, id, P);
    expect(byDefault.rows.find((r) => r.customerId === 'A')!.elasticity).toBeCloseTo(0.25, 12);
    await expect(assessValue(engine, id, { ...P, elasticityBase: month(7) })).rejects.toThrow(
      expect.objectContaining({ code: 'value-bad-params' })
    );
  });
});
