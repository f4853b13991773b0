import { describe, expect, it } from 'vitest';
import { associationRules } from './associationRules.ts';

describe('association rules', () => {
  it('computes support, confidence and lift as worked by hand', () => {
    // 5 customers; data: 1,2,3,4 ; vas: 1,2 ; roam: 3,5.
    const t = true,
      f = false;
    const baskets = [
      [t, t, f],
      [t, t, f],
      [t, f, t],
      [t, f, f],
      [f, f, t]
    ];
    const rules = associationRules(['data', 'vas', 'roam'], baskets);
    const vasData = rules.find((r) => r.antecedent === 'vas' && r.consequent === 'data')!;
    // support 2/5; confidence 2/2; lift 1 / (4/5) = 1.25
    expect(vasData.support).toBeCloseTo(0.4, 12);
    expect(vasData.confidence).toBeCloseTo(1, 12);
    expect(vasData.lift).toBeCloseTo(1.25, 12);
    const dataVas = rules.find((r) => r.antecedent === 'data' && r.consequent === 'vas')!;
    // confidence 2/4; lift 0.5 / (2/5) = 1.25
    expect(dataVas.confidence).toBeCloseTo(0.5, 12);
    expect(dataVas.lift).toBeCloseTo(1.25, 12);
    // vas and roam never together: no rule.
    expect(rules.some((r) => r.antecedent === 'vas' && r.consequent === 'roam')).toBe(false);
    expect(rules[0].lift).toBeGreaterThanOrEqual(rules[rules.length - 1].lift);
    expect(associationRules(['data', 'vas', 'roam'], baskets, 0.3).every((r) => r.support >= 0.3)).toBe(true);
  });
});
