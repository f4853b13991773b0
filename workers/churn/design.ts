/**
 * The model's design matrix from feature rows: numeric columns as they are, category columns
 * one-hot encoded with the most frequent training level as the dropped baseline; then every column
 * standardised with the training mean and standard deviation (so the ridge penalty treats them
 * alike and coefficient × value reads as a contribution in standard units; Hastie, Tibshirani &
 * Friedman 2009, §3.4.1). Missing numbers get the training mean (z = 0), unseen levels the baseline.
 * Columns constant in the training rows are dropped and reported, not fed to the optimiser.
 */
export interface FeatureSpec {
  name: string;
  kind: 'number' | 'category';
}

export interface DesignColumn {
  feature: string;
  /** The one-hot level, or null for a numeric column. */
  level: string | null;
  mean: number;
  sd: number;
}

export interface Design {
  columns: DesignColumn[];
  /** Features left out because they are constant in the training rows. */
  dropped: string[];
}

type FeatureRow = Record<string, unknown>;

const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const levelOf = (v: unknown): string => (v == null || v === '' ? '–' : String(v));

function raw(column: DesignColumn, row: FeatureRow, imputed: number): number {
  if (column.level === null) return numberOf(row[column.feature]) ?? imputed;
  return levelOf(row[column.feature]) === column.level ? 1 : 0;
}

/** Builds the design (levels, means, sds) from the training rows. */
export function buildDesign(train: readonly FeatureRow[], specs: readonly FeatureSpec[]): Design {
  const columns: DesignColumn[] = [];
  const dropped: string[] = [];
  for (const spec of specs) {
    const candidates: DesignColumn[] = [];
    if (spec.kind === 'number') {
      candidates.push({ feature: spec.name, level: null, mean: 0, sd: 0 });
    } else {
      const counts = new Map<string, number>();
      for (const row of train) counts.set(levelOf(row[spec.name]), (counts.get(levelOf(row[spec.name])) ?? 0) + 1);
      const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
      for (const level of levels.slice(1)) candidates.push({ feature: spec.name, level, mean: 0, sd: 0 });
    }
    const kept = candidates.filter((c) => standardise(c, train));
    if (kept.length === 0) dropped.push(spec.name);
    columns.push(...kept);
  }
  return { columns, dropped };
}

/** Fills the column's mean and sd from the training rows; false when it is constant there. */
function standardise(column: DesignColumn, train: readonly FeatureRow[]): boolean {
  let n = 0;
  let sum = 0;
  for (const row of train) {
    const v = column.level === null ? numberOf(row[column.feature]) : raw(column, row, 0);
    if (v !== null) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return false;
  const mean = sum / n;
  let ss = 0;
  for (const row of train) {
    const v = raw(column, row, mean);
    ss += (v - mean) ** 2;
  }
  const sd = Math.sqrt(ss / Math.max(1, train.length - 1));
  if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) return false;
  column.mean = mean;
  column.sd = sd;
  return true;
}

/** The standardised design row of one feature row. */
export function encodeRow(design: Design, row: FeatureRow): number[] {
  return design.columns.map((c) => (raw(c, row, c.mean) - c.mean) / c.sd);
}

/** A readable name of a design column: `feature` or `feature = level`. */
export function columnLabel(column: DesignColumn, header: (name: string) => string): string {
  return column.level === null ? header(column.feature) : `${header(column.feature)} = ${column.level}`;
}

/**
 * Reason codes: per source feature, the sum of coefficient × standardised value over its design
 * columns; the `top` largest positive ones, each with the customer's value of that feature.
 */
export function reasonCodes(
  design: Design,
  coefficients: readonly number[],
  z: readonly number[],
  row: FeatureRow,
  top = 3
): { feature: string; value: string; contribution: number }[] {
  const byFeature = new Map<string, number>();
  design.columns.forEach((c, j) => byFeature.set(c.feature, (byFeature.get(c.feature) ?? 0) + coefficients[j] * z[j]));
  return [...byFeature.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([feature, contribution]) => {
      const v = row[feature];
      const value = typeof v === 'number' ? String(Math.round(v * 100) / 100) : levelOf(v);
      return { feature, value, contribution };
    });
}
