/**
 * Saved-segment definitions as they travel in a shared link or a settings file: checked field by
 * field, because a link may be old or hand-edited. Invalid entries are dropped, never trusted.
 */
import type { BaseFeature, QuadrantKey, SegmentDefinition, SegmentFilter } from '$workers/segments/contract';
import { BASE_FEATURES } from '$common/segmentParams';

const QUADRANTS: QuadrantKey[] = ['highHigh', 'highLow', 'lowHigh', 'lowLow'];
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optNum = (v: unknown) => (isNum(v) ? v : null);
const optStr = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

function filterOf(v: unknown): SegmentFilter | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const f = v as Record<string, unknown>;
  return {
    customerType: optStr(f.customerType),
    industry: optStr(f.industry),
    region: optStr(f.region),
    quadrant: QUADRANTS.includes(f.quadrant as QuadrantKey) ? (f.quadrant as QuadrantKey) : null,
    cluster: optNum(f.cluster),
    minR: optNum(f.minR),
    minF: optNum(f.minF),
    minM: optNum(f.minM),
    arpuMin: optNum(f.arpuMin),
    arpuMax: optNum(f.arpuMax)
  };
}

/** The valid definitions among `v` (anything read from a link), in order, without duplicates by name. */
export function segmentDefinitions(v: unknown): SegmentDefinition[] {
  if (!Array.isArray(v)) return [];
  const out: SegmentDefinition[] = [];
  for (const item of v) {
    if (!item || typeof item !== 'object') continue;
    const d = item as Record<string, unknown>;
    const filter = filterOf(d.filter);
    const name = typeof d.name === 'string' ? d.name.trim() : '';
    if (!name || !filter || !isNum(d.rfmBins) || d.rfmBins < 2 || d.rfmBins > 10 || !isNum(d.frequencyCut) || !isNum(d.amountCut)) continue;
    let clusters: SegmentDefinition['clusters'] = null;
    const c = d.clusters as Record<string, unknown> | null | undefined;
    if (c && typeof c === 'object' && Array.isArray(c.features) && isNum(c.k) && isNum(c.seed)) {
      const features = c.features.filter((x): x is BaseFeature => BASE_FEATURES.includes(x as BaseFeature));
      if (features.length && c.k >= 2 && c.k <= 8) clusters = { features, k: c.k, seed: c.seed };
    }
    if (filter.cluster != null && !clusters) continue;
    if (out.some((o) => o.name === name)) continue;
    out.push({ name, filter, rfmBins: Math.round(d.rfmBins), frequencyCut: d.frequencyCut, amountCut: d.amountCut, clusters });
  }
  return out;
}
