/**
 * Chart export: turns an on-screen SVG into a standalone file. The app's charts are styled by CSS
 * (classes such as `.grid`), which a saved file would lose, so the presentation properties that
 * matter for drawing are copied from the computed style onto each element as attributes. Everything
 * happens in memory (blob: URLs); nothing is requested from the network.
 */

/** Presentation properties copied from computed style so the file renders without the page's CSS. */
export const INLINED_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility'
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Width/height from a `viewBox` ("minX minY w h"), used when the svg has no explicit size. */
export function viewBoxSize(viewBox: string | null, fallback = { width: 720, height: 360 }): { width: number; height: number } {
  const parts = (viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p)) || parts[2] <= 0 || parts[3] <= 0) return fallback;
  return { width: parts[2], height: parts[3] };
}

/** A `style` attribute value from property/value pairs, skipping empty and default-like values. */
export function styleText(pairs: [string, string][]): string {
  return pairs
    .filter(([, v]) => v !== '' && v !== 'normal' && v !== 'auto')
    .map(([k, v]) => `${k}:${v}`)
    .join(';');
}

/** Adds the XML prolog and SVG namespace so the text opens as a file in any viewer. */
export function standaloneSvgText(markup: string): string {
  let s = markup;
  if (!/^<svg[^>]*\sxmlns=/.test(s)) s = s.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${s}`;
}

/** A filesystem-safe file stem from a chart title (keeps CJK letters). */
export function fileStem(title: string): string {
  const s = title
    .trim()
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, 80) || 'chart';
}

/**
 * Clones the svg with computed styles inlined, an explicit size and a white background, and
 * serialises it (browser only: needs getComputedStyle and XMLSerializer).
 */
export function serializeSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const rect = svg.getBoundingClientRect();
  const vb = viewBoxSize(svg.getAttribute('viewBox'), { width: rect.width || 720, height: rect.height || 360 });
  const width = Number(svg.getAttribute('width')) || vb.width;
  const height = Number(svg.getAttribute('height')) || vb.height;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const own = dst[i].getAttribute('style');
    const inlined = styleText(INLINED_PROPS.map((p) => [p, cs.getPropertyValue(p)]));
    if (inlined) dst[i].setAttribute('style', own ? `${inlined};${own}` : inlined);
  });
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  const [x, y] = (clone.getAttribute('viewBox') ?? '0 0').split(/[\s,]+/);
  bg.setAttribute('x', x);
  bg.setAttribute('y', y);
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return { text: standaloneSvgText(new XMLSerializer().serializeToString(clone)), width, height };
}

export { saveBlob } from './save';

export function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([serializeSvg(svg).text], { type: 'image/svg+xml;charset=utf-8' });
}

/** Rasterises the svg at `scale`× (2 = sharp on slides) via an Image from a blob: URL and a canvas. */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { text, width, height } = serializeSvg(svg);
  return pngFromSvgText(text, width, height, scale);
}

/** Rasterises a standalone SVG document of `width` × `height` px at `scale`×. */
export async function pngFromSvgText(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
