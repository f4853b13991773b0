/**
 * A chart made ready for a slide (pure): the chart's own SVG (axes with titles, legend, colour
 * scale) under its title, with a footer naming the data source and the date, as one standalone
 * SVG document. The PNG is drawn from the same document.
 */
import { FONT, wrapText } from './text';

const PAD = 16;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SlideText {
  title: string;
  /** "Data: file · kind · segment · date", in the UI's language. */
  source: string;
}

/**
 * Wraps a serialised chart `<svg>` (with or without an XML prolog) of `width` × `height` px into a
 * document with the title above and the source line below; returns the document and its size.
 */
export function slideSvg(chart: string, width: number, height: number, text: SlideText): { svg: string; width: number; height: number } {
  const inner = chart.replace(/^<\?xml[^>]*>\s*/, '');
  const w = Math.max(width + 2 * PAD, 360);
  const titleLines = wrapText(text.title, w - 2 * PAD, FONT.heading, 3);
  const sourceLines = wrapText(text.source, w - 2 * PAD, FONT.note, 3);
  const titleH = titleLines.length * (FONT.heading + 6) + 8;
  const top = PAD + titleH;
  const footTop = top + height + 10;
  const h = footTop + sourceLines.length * (FONT.note + 4) + PAD;
  const font = `font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"`;
  const title = titleLines
    .map(
      (l, i) =>
        `<text x="${PAD}" y="${PAD + FONT.heading + i * (FONT.heading + 6)}" font-size="${FONT.heading}" font-weight="600" fill="#1d2330">${escape(l)}</text>`
    )
    .join('');
  const source = sourceLines
    .map(
      (l, i) =>
        `<text x="${PAD}" y="${footTop + FONT.note + i * (FONT.note + 4)}" font-size="${FONT.note}" fill="#566070">${escape(l)}</text>`
    )
    .join('');
  // The chart keeps its own <svg> element, placed as a nested viewport under the title.
  const placed = inner.replace(/^<svg\b/, `<svg x="${(w - width) / 2}" y="${top}"`);
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" ${font}>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${title}${placed}${source}</svg>`;
  return { svg, width: w, height: h };
}

/** The source line: "Data:" then file, kind of data, the segment when one filters the data, and the date. */
export function sourceLine(label: string, parts: { file?: string; kind?: string; segment?: string; date: string }): string {
  // A full-width colon (数据：) carries its own space.
  return `${label}${label.endsWith('：') ? '' : ' '}${[parts.file, parts.kind, parts.segment, parts.date].filter((p) => !!p).join(' · ')}`;
}
