import { describe, expect, it } from 'vitest';
import { segmentDefinitions } from './definitions';

const good = { name: 'Top', filter: { minM: 5 }, rfmBins: 5, frequencyCut: 12, amountCut: 900.5, clusters: null };

describe('segmentDefinitions (from a link)', () => {
  it('keeps valid definitions and normalises their filters', () => {
    const [d] = segmentDefinitions([good]);
    expect(d.name).toBe('Top');
    expect(d.filter.minM).toBe(5);
    expect(d.filter.region).toBeNull();
    expect(d.amountCut).toBe(900.5);
  });

  it('drops what a hand-edited link may carry: bad bins, missing cuts, unknown quadrants, clusters without their run', () => {
    const out = segmentDefinitions([
      { ...good, rfmBins: 40 },
      { ...good, name: 'NoCut', amountCut: 'median' },
      { ...good, name: 'Q', filter: { quadrant: 'sideways' } },
      { ...good, name: 'C', filter: { cluster: 2 } },
      { ...good, name: 'C2', filter: { cluster: 2 }, clusters: { features: ['arpu', 'nonsense'], k: 3, seed: 1 } },
      { ...good, name: 'Top' },
      { ...good, name: 'Q', filter: { minR: 2 } },
      'junk',
      null
    ]);
    expect(out.map((d) => d.name)).toEqual(['Q', 'C2', 'Top']);
    expect(out[0].filter.quadrant).toBeNull();
    expect(out[1].clusters).toEqual({ features: ['arpu'], k: 3, seed: 1 });
    expect(segmentDefinitions({ not: 'a list' })).toEqual([]);
  });
});
