// Influence value by role, hand-worked from seed 004's definitions (影响价值).
import { describe, expect, it } from 'vitest';
import { influenceParts, influenceValue, shareScale, type InfluenceFacts } from './influence.ts';

const none: InfluenceFacts = {
  itRevenue: null,
  inGroupShare: null,
  secondaries: null,
  activeShare: null,
  radiation: [],
  keyContact: null,
  groupMember: null,
  familyMain: null,
  arpu3: 0
};

describe('influence value by role (seed 004)', () => {
  it('a group key contact gets the informatisation revenue, not also the member part', () => {
    const f = { ...none, itRevenue: 1200, inGroupShare: 0.4, keyContact: true, groupMember: true };
    expect(influenceParts(f)).toMatchObject({ groupKeyContact: 1200, groupMember: 0 });
  });
  it('an ordinary member gets in-group share × 5 yuan: 0.4 → 2 yuan, and no informatisation revenue', () => {
    const f = { ...none, itRevenue: 1200, inGroupShare: 0.4, keyContact: false, groupMember: true };
    expect(influenceParts(f)).toMatchObject({ groupKeyContact: 0, groupMember: 2 });
  });
  it('outside a group neither part counts, whatever the columns hold', () => {
    const f = { ...none, itRevenue: 300, inGroupShare: 0.3, keyContact: false, groupMember: false };
    expect(influenceValue(f)).toBe(0);
  });
  it('a family main number gets 3 secondaries × 5 = 15 yuan; a number that is not the main one gets nothing', () => {
    expect(influenceParts({ ...none, secondaries: 3, familyMain: true }).family).toBe(15);
    expect(influenceParts({ ...none, secondaries: 3, familyMain: false }).family).toBe(0);
  });
  it('willingness = active-call share × 3-month mean ARPU: 0.6 × (90 + 120 + 150) / 3 = 72', () => {
    expect(influenceParts({ ...none, activeShare: 0.6, arpu3: (90 + 120 + 150) / 3 }).willingness).toBeCloseTo(72, 12);
  });
  it('radiation is the sum of every sub-part: voice 40 + SMS 6 + MMS 2 + Fetion 1.5 + mailbox 0.5 = 50', () => {
    expect(influenceParts({ ...none, radiation: [40, 6, 2, 1.5, 0.5] }).radiation).toBe(50);
    expect(influenceParts({ ...none, radiation: [40, null] }).radiation).toBe(40);
  });
  it('a key contact with a family plan: 800 + 2 × 5 + 0.5 × 100 + 30 = 890', () => {
    const f = {
      ...none,
      itRevenue: 800,
      inGroupShare: 0.2,
      keyContact: true,
      groupMember: true,
      secondaries: 2,
      familyMain: true,
      activeShare: 0.5,
      arpu3: 100,
      radiation: [30]
    };
    expect(influenceValue(f)).toBe(890);
  });
  it('without flag columns the role is read from the values', () => {
    expect(influenceParts({ ...none, itRevenue: 500, inGroupShare: 0.3 })).toMatchObject({ groupKeyContact: 500, groupMember: 0 });
    expect(influenceParts({ ...none, itRevenue: 0, inGroupShare: 0.3 })).toMatchObject({ groupKeyContact: 0, groupMember: 1.5 });
    expect(influenceParts({ ...none, secondaries: 2 }).family).toBe(10);
  });
  it('reads a share column as a percentage when a value is above 1', () => {
    expect(shareScale([0.2, 0.9, null])).toBe(1);
    expect(shareScale([20, 45])).toBe(0.01);
  });
});
