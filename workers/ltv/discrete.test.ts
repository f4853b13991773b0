// BG/BB and sBG as the LTV view uses them, on the published data:
// Fader, Hardie & Shang (2010), Marketing Science 29(6), donations (11,104 donors, n = 6):
// α = 1.204, β = 0.750, γ = 0.657, δ = 2.783; Fader & Hardie (2007), JIM 21(1), §4, regular cohort
// (all 8 counts): α = 0.704, β = 1.182.
import { describe, expect, it } from 'vitest';
import { loadDonations } from '../../tests/fixtures/models/cdnow.ts';
import { bgBbResult, sbgResult } from './discrete.ts';

describe('BG/BB on donations', () => {
  it('reproduces the published parameters and projects beyond the 6 opportunities', () => {
    const r = bgBbResult(loadDonations(), 5);
    expect(r.params.alpha).toBeCloseTo(1.204, 3);
    expect(r.params.beta).toBeCloseTo(0.75, 3);
    expect(r.params.gamma).toBeCloseTo(0.657, 3);
    expect(r.params.delta).toBeCloseTo(2.783, 3);
    expect(r.customers).toBe(11104);
    expect(r.n).toBe(6);
    expect(r.curve).toHaveLength(11);
    for (const row of r.rows) expect(row.pAlive).toBeGreaterThanOrEqual(0);
  });
});

describe('sBG on cohort counts', () => {
  it('fits the regular cohort and projects survival and retention beyond the data', () => {
    const counts = [1000, 631, 468, 382, 326, 289, 262, 241];
    const r = sbgResult(counts, 12, 0.1);
    expect(r.params.alpha).toBeCloseTo(0.704, 3);
    expect(r.params.beta).toBeCloseTo(1.182, 3);
    expect(r.rows).toHaveLength(13);
    expect(r.rows[7].observed).toBe(241);
    expect(r.rows[8].observed).toBeNull();
    expect(r.rows[12].projected).toBeLessThan(r.rows[7].projected);
    expect(r.rows[1].retention!).toBeLessThan(r.rows[12].retention!); // retention rises with tenure
    expect(Number.isFinite(r.derl) && r.derl > 1).toBe(true);
  });
  it('degenerate cohorts throw a ModelError code, never NaN', () => {
    expect(() => sbgResult([1000, 1000, 1000], 5, 0.1)).toThrow(expect.objectContaining({ code: 'no-churn' }));
    expect(() => sbgResult([1000, 0], 5, 0.1)).toThrow(expect.objectContaining({ code: 'all-churned' }));
  });
});
