/** Small pure helpers for lists of numbers, shared by the page and the engine worker. */

/**
 * The numbers of a list typed or pasted by a user: "30, 60, 100", "1000，631；468", a column pasted
 * from a spreadsheet (tabs, line breaks), Chinese commas and enumeration commas (、). Thousands
 * separators inside a number are not supported ("1,000" reads as 1 and 0). Returns null when the
 * list is empty or any part is not a finite number, so a typo is never silently dropped.
 * @example parseNumberList('30, 60，100') → [30, 60, 100];  parseNumberList('30, x') → null
 */
export function parseNumberList(text: string): number[] | null {
  const parts = text.split(/[\s,，;；、]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

/** Finite values sorted ascending, each once (cut points, band bounds). */
export function sortedCuts(values: readonly number[]): number[] {
  return [...new Set(values.filter(Number.isFinite))].sort((a, b) => a - b);
}

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((s, x) => s + x, 0) / values.length : null;
}

/** Median (mean of the middle two for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
