/**
 * Small pure helpers of the lifecycle view (tested): row shares of the transition matrix and the
 * value-tier cut points. The charts' layout is in src/lib/charts.
 */

/** Row shares of a matrix (each row sums to 1; an empty row stays null). */
export function rowShares(matrix: number[][]): (number | null)[][] {
  return matrix.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (sum > 0 ? v / sum : null));
  });
}

/** Value-tier labels from sorted cut points: <50, 50–150, ≥150. */
export function tierLabels(cuts: number[]): string[] {
  if (cuts.length === 0) return ['all'];
  return [`<${cuts[0]}`, ...cuts.slice(1).map((c, i) => `${cuts[i]}–${c}`), `≥${cuts[cuts.length - 1]}`];
}
