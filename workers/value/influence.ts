/**
 * Influence value (影响价值) of seed 004, by role, as the seed lays it out:
 * - 对集团关键人和联系人: 集团影响力价值 = 集团信息化收入 (a key contact gets the group's informatisation revenue);
 * - 对集团普通成员: 集团影响力价值 = 群内MOU占比 × 5 元 (an ordinary member the in-group share × 5 yuan;
 *   a key contact is not also paid as a member);
 * - 对家庭网主号: 家庭影响力价值 = 家庭网副号数 × 5 元 (a family main number);
 * - 意愿影响力价值 = 主动通话占比 × 3 个月 ARPU 均值 (everyone);
 * - 辐射影响力价值 = the sum of its sub-parts (contact-circle voice + SMS + MMS + Fetion + mailbox).
 * Where the file has no flag column for a role, the role is read from the values: informatisation
 * revenue above 0 makes a key contact, an in-group share above 0 a member, secondary numbers a main number.
 */
import type { InfluencePart } from './inputs.ts';

export interface InfluenceFacts {
  /** 集团信息化收入, monthly mean of the last 3 months (null: no such column). */
  itRevenue: number | null;
  /** 群内MOU占比 as a share 0–1. */
  inGroupShare: number | null;
  /** 家庭网副号数. */
  secondaries: number | null;
  /** 主动通话占比 as a share 0–1. */
  activeShare: number | null;
  /** Each radiation sub-part (yuan a month). */
  radiation: (number | null)[];
  /** The role flags; null when the file has no such column. */
  keyContact: boolean | null;
  groupMember: boolean | null;
  familyMain: boolean | null;
  /** Mean monthly ARPU of the last 3 months. */
  arpu3: number;
}

/** Yuan per unit of in-group share and per secondary number (the seed's 5 元). */
export const YUAN_PER_SHARE = 5;
export const YUAN_PER_SECONDARY = 5;

/** The five parts of one customer's influence value (yuan); their sum is the influence value. */
export function influenceParts(f: InfluenceFacts): Record<InfluencePart, number> {
  const it = f.itRevenue ?? 0;
  const share = f.inGroupShare ?? 0;
  const secondaries = f.secondaries ?? 0;
  const keyContact = f.keyContact ?? it > 0;
  const member = !keyContact && (f.groupMember ?? share > 0);
  const main = f.familyMain ?? secondaries > 0;
  return {
    groupKeyContact: keyContact ? it : 0,
    groupMember: member ? share * YUAN_PER_SHARE : 0,
    family: main ? secondaries * YUAN_PER_SECONDARY : 0,
    willingness: (f.activeShare ?? 0) * f.arpu3,
    radiation: f.radiation.reduce<number>((s, v) => s + (v ?? 0), 0)
  };
}

export const influenceValue = (f: InfluenceFacts): number => Object.values(influenceParts(f)).reduce((s, v) => s + v, 0);

/**
 * A share column holds 0–1 or a percentage 0–100: a column with a value above 1 is read as a
 * percentage (divided by 100).
 */
export function shareScale(values: (number | null)[]): 1 | 0.01 {
  return values.some((v) => v != null && v > 1) ? 0.01 : 1;
}
