/**
 * Small pure helpers of the Customer value tab (tested): the error curves' series type and the
 * parsing of comma lists typed into its parameter fields. Drawing is src/lib/charts.
 */

export interface CurveSeries { name: string; points: { x: number; share: number }[] }

/** Parses "30, 60, 100" into numbers; null when any part is not a number. */
export function parseList(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const v = parts.map(Number);
  return v.every(Number.isFinite) ? v : null;
}
