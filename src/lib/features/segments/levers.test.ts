import { describe, expect, it } from 'vitest';
import { leverQuadrant, SEED_LEVERS } from './levers';

describe('levers', () => {
  it('places levers on the impact × ease 2×2', () => {
    expect(leverQuadrant({ impact: 5, ease: 5 })).toBe('quickWin');
    expect(leverQuadrant({ impact: 5, ease: 1 })).toBe('strategic');
    expect(leverQuadrant({ impact: 2, ease: 3 })).toBe('noRegret');
    expect(leverQuadrant({ impact: 2, ease: 2 })).toBe('low');
    expect(new Set(SEED_LEVERS.map((l) => leverQuadrant(l))).size).toBe(4);
  });
});

import { applyLeverEdits, isLeverEdits, leverEdits } from './levers';
describe('lever edits in a shared link', () => {
  it('stores only the changed fields and applies them back to the seed list', () => {
    const edited = SEED_LEVERS.map((l) => ({ ...l }));
    edited[2].impact = 1;
    edited[9].stage = '';
    edited[9].en = 'Call mature users';
    const edits = leverEdits(edited);
    expect(edits).toEqual([
      { id: 3, impact: 1 },
      { id: 10, stage: '', en: 'Call mature users' }
    ]);
    expect(applyLeverEdits(edits)).toEqual(edited);
    expect(leverEdits(SEED_LEVERS)).toEqual([]);
  });
  it('rejects edits that are not lever edits (hand-edited link)', () => {
    expect(isLeverEdits([{ id: 3, impact: 1 }])).toBe(true);
    expect(isLeverEdits([{ id: 3, impact: 9 }])).toBe(false);
    expect(isLeverEdits([{ impact: 2 }])).toBe(false);
    expect(isLeverEdits([{ id: 1, stage: 'Z' }])).toBe(false);
    expect(isLeverEdits({ id: 1 })).toBe(false);
    expect(applyLeverEdits([{ id: 999, impact: 1 }])).toEqual(SEED_LEVERS);
  });
});
