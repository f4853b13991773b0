/**
 * Text measures for chart layout (pure): an estimate of a label's width that errs on the wide side
 * (so margins never clip "100.0%" or a Chinese category), wrapping and truncating labels to a
 * width, thinning a long run of axis labels, and spreading labels apart that would overlap
 * (Rill's prevent-vertical-overlap, in one dimension).
 */

/** Font sizes (px) of the chart layer: tick labels and legends, axis titles, export title. */
export const FONT = { label: 12, title: 12, heading: 16, note: 11 } as const;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Estimated advance of one character in em, on the wide side of common sans-serif fonts (DejaVu Sans
 * digits are 0.64 em; CJK and full-width forms 1 em), so that labels are never cut off.
 */
function charEm(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[mwMW@%]/.test(ch)) return 0.95;
  if (/[A-Z]/.test(ch)) return 0.72;
  if (/[\s.,:;'|!ijlft()]/.test(ch)) return 0.34;
  if (/[a-z]/.test(ch)) return 0.6;
  return 0.66;
}

/** Estimated width in px of `text` at `size` px. */
export function textWidth(text: string, size: number = FONT.label): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size;
}

/** `text` cut to fit `width` px, with an ellipsis when cut. */
export function truncate(text: string, width: number, size: number = FONT.label): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', size) > width) chars.pop();
  return chars.join('') + '…';
}

/**
 * Lines of at most `width` px: breaks at spaces (English) or between any two CJK characters; at
 * most `maxLines`, the last one truncated.
 */
export function wrapText(text: string, width: number, size: number = FONT.label, maxLines = 2): string[] {
  const tokens = text.match(/[\u2e80-\ua4cf\uff00-\uff60]|[^\s\u2e80-\ua4cf\uff00-\uff60]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && textWidth((line + tok).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines.map((l) => truncate(l, width, size));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(lines.slice(maxLines - 1).join(' '), width, size);
  return kept;
}

/** Show every n-th of equally spaced labels `step` px apart so that none overlaps the next (gap 8 px). */
export function thinEvery(widths: readonly number[], step: number, gap = 8): number {
  const widest = Math.max(0, ...widths);
  return Math.max(1, Math.ceil((widest + gap) / Math.max(1, step)));
}

/**
 * Moves labels at positions `pos` (any order) apart so that neighbours are at least `gap` px
 * apart, keeping them inside [lo, hi] and as close to where they were as it can; returns the new
 * positions in the input order.
 */
export function spreadLabels(pos: readonly number[], gap: number, lo = -Infinity, hi = Infinity): number[] {
  const order = pos.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = order.map((o) => o.p);
  // Push down from the top, then pull back up from the bottom limit.
  for (let k = 0; k < out.length; k++) out[k] = Math.max(out[k], k === 0 ? lo : out[k - 1] + gap);
  for (let k = out.length - 1; k >= 0; k--) out[k] = Math.min(out[k], k === out.length - 1 ? hi : out[k + 1] - gap);
  for (let k = 0; k < out.length; k++) out[k] = Math.max(out[k], k === 0 ? lo : out[k - 1] + gap);
  const result = new Array<number>(pos.length);
  order.forEach((o, k) => (result[o.i] = out[k]));
  return result;
}
