// Customer value (seed 004) through the real Engine on DuckDB-WASM in Node: hand-computed values on
// a small hand-made panel, parameter validation, degenerate inputs, and the whole pipeline on the
// generated sample panel (2,000 customers × 24 months, seed 1).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRole } from '../contract.ts';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { assessValue } from './assess.ts';
import { writeStages } from '../engine/tables.ts';
import { RULE_SETS, stageSet } from '../lifecycle/rules.ts';
import type { ValueAssessment, ValueRow } from './contract.ts';
import { DEFAULT_VALUE_PARAMS as P } from '../../common/valueParams.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
});

const month = (k: number) => `${2021 + Math.floor((k - 1) / 12)}-${String(((k - 1) % 12) + 1).padStart(2, '0')}`;
const ROLES: ColumnRole[] = ['customerId', 'month', 'revenue', 'cost', 'discount', 'tenure', 'arrears', 'number'];

/**
 * A joins in month 1: revenue k + 10, cost 10, so profit = k in month k. B joined 24 months before
 * the file: tenure 25 in month 1, revenue 50, discount 5 (profit 45), 2 arrears suspensions in
 * month 29 and 2 secondary family numbers.
 */
function handPanel(months = 30): string {
  const lines = ['customer_id,month,revenue,cost,discount,tenure,arrears,family_secondary_numbers'];
  for (let k = 1; k <= months; k++) lines.push(`A,${month(k)},${k + 10},10,0,${k},0,0`);
  for (let k = 1; k <= months; k++) lines.push(`B,${month(k)},50,0,5,${k + 24},${k === 29 ? 2 : 0},2`);
  return lines.join('\n') + '\n';
}

async function load(csv: string, roles: ColumnRole[] = ROLES): Promise<string> {
  const s = await engine.ingestFile(new Blob([csv]), 'panel.csv', { roles });
  expect(s.quality.rejected).toBe(0);
  return s.id;
}

/** Every number anywhere in the result is finite (no NaN or Infinity reaches the UI). */
function allFinite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  if (x && typeof x === 'object') return Object.values(x).every(allFinite);
  return true;
}

describe('hand-made panel: 2 customers × 30 months', () => {
  let result: ValueAssessment;
  let rows: Map<string, ValueRow>;
  beforeAll(async () => {
    const out = await assessValue(engine, await load(handPanel()), P);
    result = out.result;
    rows = new Map(out.rows.map((r) => [String(r.customerId), r]));
  });

  it('evaluates at the last month by default', () => {
    expect(result.evaluationMonth).toBe('2023-06');
    expect(result.customers).toBe(2);
  });
  it('historical value of A, fully observed: Σ k·0.5^⌊(27−k)/12⌋ over months 1…27 = 258 + 57 + 1.5', () => {
    // months 16–27 weigh 1 (sum 258), 4–15 weigh ½ (114/2), 1–3 weigh ¼ (6/4)
    expect(rows.get('A')!.historical).toBeCloseTo(316.5, 9);
    expect(rows.get('A')!.historyMethod).toBe('observed');
  });
  it('historical value of B, joined before the file: 27 observed months plus 24 approximated by A = 45', () => {
    // t = 54 − 3 = 51 months; W(51) = 12 + 6 + 3 + 1.5 + 3/16 = 22.6875; 45 × 22.6875
    expect(rows.get('B')!.historical).toBeCloseTo(1020.9375, 9);
    expect(rows.get('B')!.historyMethod).toBe('mixed');
    expect(result.history).toEqual({ observed: 1, mixed: 1, approximated: 0 });
  });
  it('current value = revenue − (cost + discount) of the last 3 months', () => {
    expect(rows.get('A')!.current).toBeCloseTo(28 + 29 + 30, 9);
    expect(rows.get('B')!.current).toBeCloseTo(3 * 45, 9);
  });
  it('influence: 2 secondary family numbers × 5 yuan for B; the 4 other parts are reported missing', () => {
    expect(rows.get('B')!.influence).toBeCloseTo(10, 9);
    expect(rows.get('A')!.influence).toBe(0);
    expect(result.influenceParts.find((p) => p.part === 'family')).toEqual({ part: 'family', column: 'family_secondary_numbers', customers: 1 });
    expect(result.notes).toContainEqual({ key: 'influenceMissing', vars: { parts: 'groupKeyContact, groupMember, willingness, radiation', count: 4 } });
  });
  it('composite = 0.25 H + 0.55 C + 0.10 F + 0.10 I', () => {
    for (const r of rows.values()) {
      const expected = 0.25 * Number(r.historical) + 0.55 * Number(r.current) + 0.1 * Number(r.future) + 0.1 * Number(r.influence);
      expect(r.composite).toBeCloseTo(expected, 9);
    }
  });
  it('credit rules: B has 2 suspensions in the last 3 (and so 6) months: down twice; A is over 36 months? no (30): no move', () => {
    expect(result.credit.rules).toEqual([
      { rule: 'down3', customers: 1 }, { rule: 'down6', customers: 1 }, { rule: 'up36', customers: 0 },
      { rule: 'unrated', customers: 0 }, { rule: 'special', customers: 0 }
    ]);
  });
  it('elasticity: investment constant (A: 10 → 10 a month; B: 5 → 5) is undefined, not 0 or ∞', () => {
    expect(rows.get('A')!.elasticity).toBeNull();
    expect(rows.get('B')!.elasticityLayer).toBe('undefined');
  });
  it('never reports NaN', () => {
    expect(allFinite(result)).toBe(true);
    expect(allFinite([...rows.values()])).toBe(true);
  });
  it('the evaluation month and Q are editable: Q = 1 counts every month fully', async () => {
    const id = await load(handPanel());
    const { rows: r } = await assessValue(engine, id, { ...P, decay: 1, evaluationMonth: '2023-03' });
    // evaluation month 27: history = months 1…24, Σ k = 300
    expect(r.find((x) => x.customerId === 'A')!.historical).toBeCloseTo(300, 9);
  });
});

describe('validation and degenerate inputs', () => {
  it('rejects weights that do not sum to 1, with a code the UI translates', async () => {
    const id = await load(handPanel(6));
    await expect(assessValue(engine, id, { ...P, weights: { historical: 0.5, current: 0.5, future: 0.1, influence: 0.1 } }))
      .rejects.toThrow(expect.objectContaining({ code: 'value-bad-weights', message: expect.stringMatching(/sum to 1 \(they sum to 1\.200\)/) }));
    await expect(assessValue(engine, id, { ...P, weights: { historical: -0.2, current: 1, future: 0.1, influence: 0.1 } }))
      .rejects.toThrow(expect.objectContaining({ code: 'value-bad-weights' }));
    await expect(assessValue(engine, id, { ...P, decay: 0 })).rejects.toThrow(expect.objectContaining({ code: 'value-bad-params' }));
    await expect(assessValue(engine, id, { ...P, evaluationMonth: '1999-01' })).rejects.toThrow(expect.objectContaining({ code: 'value-bad-params' }));
  });
  it('one month only: every value defined, future value and elasticity explained as unavailable', async () => {
    const csv = 'customer_id,month,revenue\nA,2024-01,10\nB,2024-01,20\nC,2024-01,30\n';
    const { result, rows } = await assessValue(engine, await load(csv, ['customerId', 'month', 'revenue']), P);
    expect(result.customers).toBe(3);
    expect(rows.map((r) => r.current)).toEqual([10, 20, 30]);
    expect(rows.map((r) => r.historical)).toEqual([0, 0, 0]);
    expect(result.future).toBeNull();
    const keys = result.notes.map((n) => n.key);
    expect(keys).toEqual(expect.arrayContaining(['futureTooFewMonths', 'elasticityNoInvestment', 'missingInput', 'historyFromFirstMonth', 'creditNoArrears']));
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
    for (const c of Object.keys(rev)) for (let k = 1; k <= 7; k++) lines.push(`${c},${month(k)},${rev[c] + k},${k + 10},0.5,${c === 'D' ? '是' : '否'}`);
    const id = await load(lines.join('\n'), ['customerId', 'month', 'revenue', 'tenure', 'number', 'text']);
    await writeStages(engine.conn, id, stageSet(RULE_SETS.clm, []), (t) =>
      engine.conn.exec(`CREATE OR REPLACE TABLE ${t} AS SELECT customer_id, month, CASE WHEN customer_id < 'C' THEN 'B' ELSE 'C' END AS stage FROM ds_${id}`));
    const { result, rows } = await assessValue(engine, id, P);
    const by = new Map(rows.map((r) => [r.customerId, r]));
    expect(by.get('D')!.credit).toBe('X');
    expect(result.credit.rules.find((r) => r.rule === 'special')!.customers).toBe(1);
    // A: months 5–7 revenue 35 + 36 + 37 = 108; ARPU 36; 0.5 × 36 = 18
    expect(by.get('A')!.influence).toBeCloseTo(18, 9);
    expect(result.influenceParts.find((p) => p.part === 'willingness')!.column).toBe('主动通话占比');
    const byStage = result.loyalty!.byStage!;
    expect(byStage.reduce((s, x) => s + x.customers, 0)).toBe(4);
    expect(byStage.filter((x) => x.stage === 'B').reduce((s, x) => s + x.customers, 0)).toBe(2);
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
    await expect(assessValue(engine, id, { ...P, elasticityBase: month(7) })).rejects.toThrow(expect.objectContaining({ code: 'value-bad-params' }));
  });
});

describe('the generated sample panel (2,000 × 24, seed 1)', () => {
  let result: ValueAssessment;
  let rows: ValueRow[];
  beforeAll(async () => {
    const s = await engine.loadSample({ customers: 2000, months: 24, seed: 1, lang: 'en' });
    ({ result, rows } = await assessValue(engine, s.id, P));
  }, 60_000);

  it('scores every customer on the network in the last month, in tiers of 20/30/50%', () => {
    expect(result.evaluationMonth).toBe('2024-12');
    expect(rows.length).toBe(result.customers);
    const n = result.customers;
    expect(result.tiers.map((t) => t.customers)).toEqual([Math.ceil(0.2 * n), Math.ceil(0.5 * n) - Math.ceil(0.2 * n), n - Math.ceil(0.5 * n)]);
    expect(result.tiers[0].minValue!).toBeGreaterThan(result.tiers[1].meanValue!);
    expect(allFinite(result) && allFinite(rows)).toBe(true);
  });
  it('history: customers on the network before the panel are approximated, later joiners observed', () => {
    expect(result.history.observed).toBeGreaterThan(100);
    expect(result.history.mixed).toBeGreaterThan(500);
    expect(result.history.observed + result.history.mixed + result.history.approximated).toBe(result.customers);
  });
  it('future value: 3 group regressions trained on 2024-06 and judged on 2024-09, with error curves', () => {
    const f = result.future!;
    expect([f.trainMonth, f.evalMonth]).toEqual(['2024-06', '2024-09']);
    expect(f.groups.map((g) => g.model)).toEqual(['group', 'group', 'group']);
    for (const g of f.groups) {
      expect(g.rSquared!).toBeGreaterThan(0.5);
      expect(g.coefficients[0].term).toBe('intercept');
      const shares = g.absCurve.map((p) => p.share);
      expect(shares).toEqual([...shares].sort((a, b) => a - b));
      expect(g.relCurve.at(-1)!.share).toBeGreaterThan(0.8);
    }
  });
  it('influence: all five parts found among the sample value columns, positive for every customer', () => {
    expect(result.influenceParts.map((p) => [p.part, p.column])).toEqual([
      ['groupKeyContact', 'group_it_revenue'],
      ['groupMember', 'in_group_call_share'],
      ['family', 'secondary_numbers'],
      ['willingness', 'active_call_share'],
      ['radiation', 'contact_circle_revenue']
    ]);
    for (const p of result.influenceParts) expect(p.customers, p.part).toBeGreaterThan(0);
    // 交往圈收入 is positive on every row, so no customer's influence is 0 any more.
    expect(rows.every((r) => Number(r.influence) > 0)).toBe(true);
    expect(result.notes.some((n) => n.key === 'influenceMissing')).toBe(false);
  });
  it('credit grades cover every customer; the arrears rules move customers', () => {
    expect(result.credit.grades.reduce((s, g) => s + g.customers, 0)).toBe(result.customers);
    expect(result.credit.rules.find((r) => r.rule === 'down3')!.customers).toBeGreaterThan(0);
    expect(result.credit.rules.find((r) => r.rule === 'up36')!.customers).toBeGreaterThan(0);
    // 特殊号码 (about 2 % of lines) are not rated: grade X, one per special line in the evaluation month.
    const x = result.credit.grades.find((g) => g.grade === 'X')!.customers;
    expect(x).toBe(result.credit.rules.find((r) => r.rule === 'special')!.customers);
    expect(x).toBeGreaterThan(0.01 * result.customers);
    expect(x).toBeLessThan(0.04 * result.customers);
  });
  it('loyalty: 10/50/30/10% bands, dimension weights summing to 1', () => {
    const l = result.loyalty!;
    const n = result.customers;
    expect(l.bands.map((b) => b.customers)).toEqual([Math.ceil(0.1 * n), Math.ceil(0.6 * n) - Math.ceil(0.1 * n), Math.ceil(0.9 * n) - Math.ceil(0.6 * n), n - Math.ceil(0.9 * n)]);
    expect(l.dimensions.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 12);
    expect(l.dimensions.map((d) => d.dimension)).toEqual(['tenure', 'usage', 'products', 'spending', 'payment']);
  });
  it('elasticity layers and the value map each account for every customer', () => {
    expect(result.elasticity!.layers.reduce((s, l) => s + l.customers, 0)).toBe(result.customers);
    expect(result.map.cells.reduce((s, c) => s + c.customers, 0)).toBe(result.customers);
    expect(result.map.churnBasis).toBe('evaluationMonth');
  });
  it('the measured numbers stay as measured (the sample is deterministic: a change is a change to a model)', () => {
    // Measured on this sample (2,000 × 24, seed 1, evaluated 2024-12) when the figures were last reviewed.
    expect(result.customers).toBe(1591);
    expect(result.tiers.map((t) => t.customers)).toEqual([319, 477, 795]);
    expect(result.history).toEqual({ observed: 731, mixed: 860, approximated: 0 });
    expect(result.means.composite!).toBeCloseTo(619.0, 1);
    expect(result.means.historical!).toBeCloseTo(1597.2, 1);
    expect(result.means.current!).toBeCloseTo(283.2, 1);
    const groups = result.future!.groups;
    expect(groups.map((g) => [g.trained, g.evaluated])).toEqual([[482, 482], [483, 512], [483, 488]]);
    expect(groups.map((g) => Number(g.rSquared!.toFixed(3)))).toEqual([0.922, 0.754, 0.971]);
    expect(groups.map((g) => Number(g.meanAbsError!.toFixed(1)))).toEqual([10.5, 21.7, 55.1]);
    expect(result.credit.grades.map((g) => g.customers)).toEqual([293, 212, 268, 212, 202, 124, 90, 164, 26]);
    expect(result.elasticity!.layers.map((l) => l.customers)).toEqual([446, 620, 325, 200]);
  });
});

describe('the Chinese sample headers (300 × 12, seed 2)', () => {
  it('finds the five influence parts and the special-line flag by their Chinese names', async () => {
    const s = await engine.loadSample({ customers: 300, months: 12, seed: 2, lang: 'zh' });
    const { result } = await assessValue(engine, s.id, P);
    expect(result.influenceParts.map((p) => p.column)).toEqual(['集团信息化收入', '集团内通话占比', '副卡数', '主叫占比', '交往圈收入']);
    expect(result.notes.some((n) => n.key === 'creditNoSpecial')).toBe(false);
    expect(result.credit.rules.find((r) => r.rule === 'special')!.customers).toBeGreaterThan(0);
  }, 60_000);
});
