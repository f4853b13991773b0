/**
 * One-to-one association rules A → B over services held together (market-basket analysis, Agrawal
 * et al. 1993), for cross-sell (DOMAIN.md §5): support = P(A∧B), confidence = P(B|A),
 * lift = confidence / P(B). Pairs are enough for a handful of service flags.
 */
export interface AssociationRule {
  antecedent: string;
  consequent: string;
  support: number;
  confidence: number;
  lift: number;
  /** Holders of both. */
  count: number;
}

/** Rules from boolean baskets (rows × items), at or above a minimum support, by lift then support. */
export function associationRules(items: readonly string[], baskets: readonly boolean[][], minSupport = 0.01): AssociationRule[] {
  const n = baskets.length;
  if (!n) return [];
  const single = items.map((_, i) => baskets.reduce((s, b) => s + (b[i] ? 1 : 0), 0));
  const rules: AssociationRule[] = [];
  for (let a = 0; a < items.length; a++)
    for (let c = 0; c < items.length; c++) {
      if (a === c || !single[a] || !single[c]) continue;
      const both = baskets.reduce((s, b) => s + (b[a] && b[c] ? 1 : 0), 0);
      const support = both / n;
      if (!both || support < minSupport) continue;
      const confidence = both / single[a];
      rules.push({ antecedent: items[a], consequent: items[c], support, confidence, lift: confidence / (single[c] / n), count: both });
    }
  return rules.sort((x, y) => y.lift - x.lift || y.support - x.support);
}
