import { describe, expect, it } from 'vitest';
import { levelAt, stageAt, STAGES, type Spell } from './lifecycle.ts';
import { mean, median, parseSample, type PanelRow } from './testPanel.ts';

// One larger sample shared by the tests below: 4,000 customers over three years.
const sample = parseSample({ customers: 4000, months: 36, seed: 11 });
const spells = [...sample.spells.values()];
const stageRank = (row: PanelRow) => STAGES.indexOf(row.stage);
/** The first few rows (or other items) that break a rule: `[]` when none does, readable when some do. */
function breaking<T>(items: Iterable<T>, breaks: (item: T) => boolean): T[] {
  const found: T[] = [];
  for (const item of items) if (breaks(item) && found.push(item) >= 3) break;
  return found;
}
const line = (r: PanelRow) => `${r.fields.join(',')} → ${r.stage}${r.spell}`;
const isDormant = (r: PanelRow) => r.stage === 'E' && r.churn === 0 && r.arpu === 0 && r.voice + r.dataMb + r.sms + r.vas === 0;

describe('planted lifecycle: rows and spells', () => {
  it('has one ground-truth row per panel row, with the same customer and month', () => {
    expect(sample.truthLines).toHaveLength(sample.panelLines.length);
    const lines = sample.panelLines.map((panel, i) => ({ panel, truth: sample.truthLines[i] })).slice(1);
    const [id, month] = sample.panelLines[1].split(',');
    expect(sample.truthLines[1]).toMatch(new RegExp(`^${id},${month},[A-E],1$`));
    expect(
      breaking(lines, ({ panel, truth }) => !/^C\d{7},\d{6},[A-E],[1-3]$/.test(truth) || !panel.startsWith(truth.slice(0, 16)))
    ).toEqual([]);
  });

  it("groups each customer's rows together, months ascending, no duplicate (customer, month)", () => {
    const seen = new Set<string>();
    let previous = '';
    for (const r of sample.rows) {
      if (r.id !== previous) {
        expect(seen.has(r.id), `${r.id} appears in two places`).toBe(false);
        seen.add(r.id);
        previous = r.id;
      }
    }
    const customers = [...sample.customers.values()];
    expect(breaking(customers, (rows) => rows.some((r, i) => i > 0 && r.monthIndex <= rows[i - 1].monthIndex))).toEqual([]);
    expect(seen.size).toBe(4000);
  });

  it('runs each spell over consecutive months with tenure rising by one', () => {
    const gaps = (rows: PanelRow[]) =>
      rows.some((r, i) => i > 0 && (r.monthIndex - rows[i - 1].monthIndex !== 1 || r.tenure - rows[i - 1].tenure !== 1));
    expect(breaking(spells, gaps).map((rows) => rows.map(line))).toEqual([]);
  });

  it('starts a spell at tenure 1, unless the customer was already on the network in the first month', () => {
    const firstMonth = sample.rows.reduce((m, r) => Math.min(m, r.monthIndex), Infinity);
    let existing = 0;
    for (const rows of spells) {
      if (rows[0].tenure > 1) {
        existing++;
        expect(rows[0].monthIndex).toBe(firstMonth);
        expect(rows[0].spell).toBe(1);
      }
    }
    expect(existing / sample.customers.size).toBeGreaterThan(0.5); // most customers predate the window
    expect(existing / sample.customers.size).toBeLessThan(0.8);
  });

  it('flags churn only on the last row of a spell, and ends a spell early only by churn', () => {
    const lastMonth = sample.rows.reduce((m, r) => Math.max(m, r.monthIndex), 0);
    const wrong = (rows: PanelRow[]) => {
      const last = rows[rows.length - 1];
      return rows.slice(0, -1).some((r) => r.churn !== 0) || (last.monthIndex < lastMonth && last.churn !== 1);
    };
    expect(breaking(spells, wrong).map((rows) => rows.map(line))).toEqual([]);
    expect(sample.summary.churnRows).toBe(sample.rows.filter((r) => r.churn === 1).length);
  });

  it('brings win-backs back under the same id after a gap of 2–8 months, with tenure reset to 1', () => {
    let winBacks = 0;
    for (const rows of sample.customers.values()) {
      for (let i = 1; i < rows.length; i++) {
        if (rows[i].spell === rows[i - 1].spell) continue;
        winBacks++;
        expect(rows[i - 1].churn).toBe(1);
        expect(rows[i].spell).toBe(rows[i - 1].spell + 1);
        expect(rows[i].tenure).toBe(1);
        const gap = rows[i].monthIndex - rows[i - 1].monthIndex - 1;
        expect(gap).toBeGreaterThanOrEqual(2);
        expect(gap).toBeLessThanOrEqual(8);
        expect(rows[i].cost).toBeGreaterThan(rows[i].arpu * 0.05); // a win-back costs money
      }
    }
    expect(winBacks).toBeGreaterThan(sample.customers.size * 0.02);
    expect(sample.summary.winBackCustomers).toBeGreaterThan(sample.customers.size * 0.02);
  });
});

describe('planted lifecycle: stages', () => {
  it('moves through A → B → C → D → E within a spell, never back', () => {
    const backwards = (rows: PanelRow[]) => rows.some((r, i) => i > 0 && stageRank(r) < stageRank(rows[i - 1]));
    expect(breaking(spells, backwards).map((rows) => rows.map(line))).toEqual([]);
    // Every stage code is one of A–E (stageRank −1 would pass the ordering above).
    expect(breaking(sample.rows, (r) => stageRank(r) < 0).map(line)).toEqual([]);
  });

  it('puts exactly tenures 1–3 in A (until the exit), B within tenures 4–11, D at most 6 months long', () => {
    const misplaced = (r: PanelRow) =>
      (r.stage !== 'E' && (r.stage === 'A') !== r.tenure <= 3) || (r.stage === 'B' && (r.tenure < 4 || r.tenure > 11));
    expect(breaking(sample.rows, misplaced).map(line)).toEqual([]);
    expect(breaking(spells, (rows) => rows.filter((r) => r.stage === 'D').length > 6).map((rows) => rows.map(line))).toEqual([]);
  });

  it('marks every churn row E, and every other E row is dormant and lasts to the end of the panel', () => {
    const lastMonth = sample.rows.reduce((m, r) => Math.max(m, r.monthIndex), 0);
    const wrong = (rows: PanelRow[]) => {
      const firstE = rows.findIndex((r) => r.stage === 'E');
      if (firstE < 0) return false;
      if (rows[firstE].churn === 1) return firstE !== rows.length - 1;
      return !rows.slice(firstE).every(isDormant) || rows[rows.length - 1].monthIndex !== lastMonth;
    };
    expect(breaking(spells, wrong).map((rows) => rows.map(line))).toEqual([]);
    expect(breaking(sample.rows, (r) => r.churn === 1 && r.stage !== 'E').map(line)).toEqual([]);
  });

  it('has customers going silent without a churn flag, and active rows always bill something', () => {
    const dormantCustomers = new Set(sample.rows.filter(isDormant).map((r) => r.id));
    expect(dormantCustomers.size).toBe(sample.summary.dormantCustomers);
    expect(dormantCustomers.size / sample.customers.size).toBeGreaterThan(0.02);
    expect(dormantCustomers.size / sample.customers.size).toBeLessThan(0.1);
    expect(breaking(sample.rows, (r) => r.stage !== 'E' && !(r.arpu > 0)).map(line)).toEqual([]);
  });

  it('plants every stage in realistic proportions', () => {
    const share = Object.fromEntries(STAGES.map((s) => [s, sample.summary.stageRows[s] / sample.rows.length]));
    expect(share.C).toBeGreaterThan(0.5); // most of a panel is mature customers
    for (const s of ['A', 'B', 'D', 'E'] as const) expect(share[s]).toBeGreaterThan(0.04);
    const churnPerMonth = sample.summary.churnRows / sample.rows.length;
    expect(churnPerMonth).toBeGreaterThan(0.008); // operators see roughly 1–2% a month
    expect(churnPerMonth).toBeLessThan(0.025);
  });
});

describe('planted lifecycle: revenue and usage follow the stages', () => {
  const withStages = (rows: PanelRow[], stage: string) => rows.filter((r) => r.stage === stage);

  it('lowers revenue in D below the customer’s own C plateau, ending far below it', () => {
    let customers = 0;
    let lower = 0;
    let endsLow = 0;
    for (const rows of spells) {
      const c = withStages(rows, 'C');
      const d = withStages(rows, 'D');
      if (c.length < 3 || d.length < 3) continue;
      customers++;
      const plateau = mean(c.map((r) => r.arpu));
      if (mean(d.map((r) => r.arpu)) < plateau) lower++;
      if (d[d.length - 1].arpu < 0.75 * plateau) endsLow++;
    }
    expect(customers).toBeGreaterThan(100);
    expect(lower / customers).toBeGreaterThan(0.97);
    expect(endsLow / customers).toBeGreaterThan(0.9);
  });

  it('lowers usage and value-added services in D with revenue', () => {
    const byStage = (stage: string, pick: (r: PanelRow) => number) => mean(sample.rows.filter((r) => r.stage === stage).map(pick));
    for (const pick of [(r: PanelRow) => r.voice, (r: PanelRow) => r.dataMb, (r: PanelRow) => r.sms, (r: PanelRow) => r.vas]) {
      expect(byStage('D', pick)).toBeLessThan(0.75 * byStage('C', pick));
      expect(byStage('A', pick)).toBeLessThan(0.75 * byStage('C', pick));
    }
  });

  it('raises revenue through A and B up to the plateau', () => {
    let customers = 0;
    let rising = 0;
    for (const rows of spells) {
      const early = rows.filter((r) => r.stage === 'A' || r.stage === 'B');
      if (early.length < 6 || rows[0].tenure !== 1) continue;
      customers++;
      if (mean(early.slice(-3).map((r) => r.arpu)) > 1.15 * mean(early.slice(0, 3).map((r) => r.arpu))) rising++;
    }
    expect(customers).toBeGreaterThan(100);
    expect(rising / customers).toBeGreaterThan(0.95);
  });

  it('raises arrears suspensions in D', () => {
    const rate = (stage: string) => mean(sample.rows.filter((r) => r.stage === stage).map((r) => r.arrears));
    expect(rate('C')).toBeLessThan(0.05);
    expect(rate('D')).toBeGreaterThan(5 * rate('C'));
  });

  it('keeps revenue in realistic ranges: residential mostly 20–300 yuan, business higher', () => {
    const active = sample.rows.filter((r) => r.stage === 'C');
    const residential = active.filter((r) => r.customerType === 'residential').map((r) => r.arpu);
    const business = active.filter((r) => r.customerType === 'business').map((r) => r.arpu);
    expect(residential.filter((x) => x >= 20 && x <= 300).length / residential.length).toBeGreaterThan(0.85);
    expect(median(residential)).toBeGreaterThan(40);
    expect(median(residential)).toBeLessThan(120);
    expect(median(business)).toBeGreaterThan(2 * median(residential));
    const businessShare = new Set(sample.rows.filter((r) => r.customerType === 'business').map((r) => r.id)).size;
    expect(businessShare / sample.customers.size).toBeGreaterThan(0.08);
    expect(businessShare / sample.customers.size).toBeLessThan(0.16);
  });

  it('spends acquisition cost in the first month of a spell', () => {
    const joins = sample.rows.filter((r) => r.tenure === 1);
    expect(joins.length).toBeGreaterThan(500);
    expect(mean(joins.map((r) => r.cost))).toBeGreaterThan(5 * mean(sample.rows.filter((r) => r.stage === 'C').map((r) => r.cost)));
  });
});

describe('planted lifecycle: level and stage functions', () => {
  const spell = {
    number: 1,
    join: 0,
    exitTenure: 20,
    kind: 'churn',
    rampEnd: 8,
    declineStart: 16,
    startLevel: 0.4,
    declineDepth: 0.6,
    exitShare: 0.5
  } as Spell;

  it('assigns stages by tenure', () => {
    const stages = Array.from({ length: 20 }, (_, i) => stageAt(spell, i + 1)).join('');
    expect(stages).toBe('AAABBBBBCCCCCCCDDDDE');
  });

  it('ramps from the start level to 1, then declines to 1 − depth by the last D month', () => {
    expect(levelAt(spell, 1)).toBeCloseTo(0.4, 10);
    expect(levelAt(spell, 8)).toBe(1);
    expect(levelAt(spell, 15)).toBe(1);
    expect(levelAt(spell, 19)).toBeCloseTo(0.4, 10);
    expect(levelAt(spell, 20)).toBeCloseTo(0.2, 10);
    expect(levelAt({ ...spell, kind: 'dormant' }, 23)).toBe(0);
  });

  it('lets an early exit skip B and C, and D start no earlier than tenure 4', () => {
    const early = { ...spell, exitTenure: 6, declineStart: 4 };
    expect(Array.from({ length: 6 }, (_, i) => stageAt(early, i + 1)).join('')).toBe('AAADDE');
    expect(Array.from({ length: 3 }, (_, i) => stageAt({ ...spell, exitTenure: 3, declineStart: 4 }, i + 1)).join('')).toBe('AAE');
  });
});
