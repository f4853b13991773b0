// Credit rating rules of seed 004 (信用度评估-规则调整), one hand-worked case per rule.
import { describe, expect, it } from 'vitest';
import { brandSide, brandSwitch } from './brand.ts';
import { gradeCustomer, initialGrade, rateCredit, type CreditInput } from './credit.ts';

const CUTS = [85, 75, 65, 55, 45, 35];
const HAS = { tenure: true, arrears: true };
/** A customer of 24 months, no arrears, scored into the grade `g` (AAA … CCC) by the cut points. */
const score = { AAA: 90, AA: 80, A: 70, BBB: 60, BB: 50, B: 40, CCC: 20 } as const;
const base: CreditInput = {
  tenure: 24,
  revMean6: 50,
  arrears3: 0,
  arrears6: 0,
  arrears12: 0,
  special: false,
  secondary: false,
  exempt: false,
  brandSwitch: null
};
const grade = (c: Partial<CreditInput>, g: keyof typeof score) => gradeCustomer({ ...base, ...c }, score[g], CUTS, HAS);

describe('initial grade from the score', () => {
  it('AAA from 85, … B from 35, CCC below', () => {
    expect(Object.values(score).map((s) => initialGrade(s, CUTS))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("the seed's rule adjustments", () => {
  it('more than 1 arrears suspension in the last 3 months: down one (and so in 6 months: down one more)', () => {
    expect(grade({ arrears3: 2, arrears6: 2 }, 'A')).toEqual({ grade: 'BB', rules: ['down3', 'down6'] });
  });
  it('more than 1 in the last 6 months but not the last 3: down one', () => {
    expect(grade({ arrears3: 1, arrears6: 2 }, 'A')).toEqual({ grade: 'BBB', rules: ['down6'] });
  });
  it('exactly 1 is not "more than 1": no move', () => {
    expect(grade({ arrears3: 1, arrears6: 1 }, 'A')).toEqual({ grade: 'A', rules: [] });
  });
  it('tenure over 36 months and no suspension in 6 months: up one; 36 exactly is not over 36', () => {
    expect(grade({ tenure: 37 }, 'BBB')).toEqual({ grade: 'A', rules: ['up36'] });
    expect(grade({ tenure: 36 }, 'BBB')).toEqual({ grade: 'BBB', rules: [] });
  });
  it('a move past the end of the scale moves nothing', () => {
    expect(grade({ tenure: 40 }, 'AAA')).toEqual({ grade: 'AAA', rules: [] });
    expect(grade({ arrears3: 3, arrears6: 3 }, 'CCC')).toEqual({ grade: 'CCC', rules: [] });
  });
});

describe('brand switchers (转品牌用户)', () => {
  it('智能网 → 全球通: CCC, B, BB, BBB up one', () => {
    expect((['CCC', 'B', 'BB', 'BBB'] as const).map((g) => grade({ brandSwitch: 'toGoTone' }, g).grade)).toEqual(['B', 'BB', 'BBB', 'A']);
    expect(grade({ brandSwitch: 'toGoTone' }, 'BBB').rules).toEqual(['brandUp']);
  });
  it('智能网 → 全球通: A and above unchanged', () => {
    expect((['A', 'AA', 'AAA'] as const).map((g) => grade({ brandSwitch: 'toGoTone' }, g))).toEqual(
      ['A', 'AA', 'AAA'].map((g) => ({ grade: g, rules: [] }))
    );
  });
  it('全球通 → 智能网: AAA … BB down two, B down to CCC, CCC stays', () => {
    expect((['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC'] as const).map((g) => grade({ brandSwitch: 'toPrepaid' }, g).grade)).toEqual([
      'A',
      'BBB',
      'BB',
      'B',
      'CCC',
      'CCC',
      'CCC'
    ]);
    expect(grade({ brandSwitch: 'toPrepaid' }, 'CCC').rules).toEqual([]);
  });
  it('applies after the three rules: A, 2 suspensions in 3 months (→ BB), then to prepaid (→ CCC)', () => {
    expect(grade({ arrears3: 2, arrears6: 2, brandSwitch: 'toPrepaid' }, 'A')).toEqual({
      grade: 'CCC',
      rules: ['down3', 'down6', 'brandDown']
    });
  });
});

describe('exemptions and special lines', () => {
  it('info-phones and 188 numbers are not adjusted: the initial grade stands, counted as exempt', () => {
    expect(grade({ exempt: true, arrears3: 2, arrears6: 2 }, 'A')).toEqual({ grade: 'A', rules: ['exempt'] });
    expect(grade({ exempt: true, tenure: 48 }, 'BBB')).toEqual({ grade: 'BBB', rules: ['exempt'] });
    expect(grade({ exempt: true, brandSwitch: 'toPrepaid' }, 'AA')).toEqual({ grade: 'AA', rules: ['exempt'] });
    expect(grade({ exempt: true }, 'AA')).toEqual({ grade: 'AA', rules: [] });
  });
  it('under 6 months of tenure: not rated (-), whatever else', () => {
    expect(grade({ tenure: 5, exempt: true }, 'AAA')).toEqual({ grade: '-', rules: ['unrated'] });
  });
  it('special lines and secondary numbers (副号) are X, even when new', () => {
    expect(grade({ special: true, tenure: 2 }, 'AAA')).toEqual({ grade: 'X', rules: ['special'] });
    expect(grade({ secondary: true }, 'AAA')).toEqual({ grade: 'X', rules: ['secondary'] });
  });
  it('rateCredit counts grades and rules over customers', () => {
    const cs = [
      { ...base, secondary: true },
      { ...base, brandSwitch: 'toGoTone' as const },
      { ...base, tenure: 3 }
    ];
    const { grades, summary } = rateCredit(cs, [90, 40, 90], CUTS, HAS);
    expect(grades).toEqual(['X', 'BB', '-']);
    expect(summary.rules.filter((r) => r.customers > 0)).toEqual([
      { rule: 'brandUp', customers: 1 },
      { rule: 'unrated', customers: 1 },
      { rule: 'secondary', customers: 1 }
    ]);
  });
});

describe('brand sides and switches', () => {
  it('names the sides in Chinese and English, brand or payment type', () => {
    expect(['全球通', 'GoTone', 'postpaid', '后付费'].map(brandSide)).toEqual(['goTone', 'goTone', 'goTone', 'goTone']);
    expect(['神州行', '动感地带', '智能网', 'prepaid', '预付费', 'EasyOwn'].map(brandSide)).toEqual(Array(6).fill('prepaid'));
    expect(brandSide('宽带')).toBeNull();
    expect(brandSide(null)).toBeNull();
  });
  it('the previous-brand column wins over the brand 6 months back; the same side is no switch', () => {
    expect(brandSwitch('全球通', '神州行', null)).toBe('toGoTone');
    expect(brandSwitch('神州行', null, '全球通')).toBe('toPrepaid');
    expect(brandSwitch('全球通', '神州行', '全球通')).toBe('toGoTone');
    expect(brandSwitch('动感地带', '神州行', null)).toBeNull();
    expect(brandSwitch('全球通', null, null)).toBeNull();
  });
});
