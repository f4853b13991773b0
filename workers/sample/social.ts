/**
 * The customer-value columns of the sample panel (issue 6): special-line flag, group (集团) and
 * family-plan (家庭网) affiliation, in-group and active-call shares, contact-circle revenue.
 *
 * They are drawn from a stream of their own, `streamSeed(streamSeed(seed, customer), SOCIAL_STREAM)`,
 * and written after the original sixteen columns, so the lifecycle columns stay byte-identical for
 * a seed whatever is added here (the stage agreement, the e2e counts and the value tests were
 * measured on them). Every row draws the same number of values, so a customer's rows depend only
 * on (seed, customer, months) as in the rest of the generator.
 *
 * The influence formulas these feed are the seed's 影响价值 (docs/seeds 004): 集团信息化收入 for key
 * contacts, 群内通话占比 × 5 元 for group members, 副号数 × 5 元 for family main numbers,
 * 主叫占比 × 3-month ARPU, and 交往圈收入; special lines (测试机/公务机/劳务机/副号) get credit grade X.
 */
import type { CsvWriter } from './csvWriter.ts';
import { streamSeed, type Rng } from '../models/prng.ts';

/** Stream id of the social columns within a customer's seed (any constant other than 0 would do). */
export const SOCIAL_STREAM = 0x5c1a1;

export interface SocialProfile {
  special: 0 | 1;
  keyContact: 0 | 1;
  groupMember: 0 | 1;
  familyMain: 0 | 1;
  secondaries: number;
  /** Mean monthly 集团信息化收入 of a key contact's group, yuan (0 otherwise). */
  groupItRevenue: number;
  inGroupShare: number;
  activeShare: number;
  circleRevenue: number;
}

export function emptySocialProfile(): SocialProfile {
  return {
    special: 0,
    keyContact: 0,
    groupMember: 0,
    familyMain: 0,
    secondaries: 0,
    groupItRevenue: 0,
    inGroupShare: 0,
    activeShare: 0,
    circleRevenue: 0
  };
}

/** Reseeds `rng` for customer `c` and draws the customer's fixed profile into `out`. */
export function planSocial(rng: Rng, seed: number, c: number, business: boolean, out: SocialProfile): void {
  rng.reseed(streamSeed(streamSeed(seed, c), SOCIAL_STREAM));
  // 2 % special lines (test, official, service and secondary numbers): not rated, few own calls.
  out.special = rng.chance(0.02) ? 1 : 0;
  // Group members: most business lines, some residential lines on an employer's group plan;
  // about one business line in seven is the group's key contact (集团关键人).
  out.groupMember = rng.chance(business ? 0.7 : 0.1) ? 1 : 0;
  out.keyContact = out.groupMember && rng.chance(business ? 0.15 : 0.02) ? 1 : 0;
  out.groupItRevenue = out.keyContact ? rng.logNormal(Math.log(business ? 1200 : 300), 0.7) : 0;
  // Family plans: a quarter of residential lines are a main number with 1–4 secondaries.
  out.familyMain = !business && out.special === 0 && rng.chance(0.25) ? 1 : 0;
  out.secondaries = out.familyMain ? Math.min(4, 1 + rng.poisson(0.7)) : 0;
  out.inGroupShare = out.groupMember ? rng.between(0.1, 0.6) : 0;
  out.activeShare = out.special ? rng.between(0, 0.1) : rng.between(0.3, 0.7);
  out.circleRevenue = rng.logNormal(Math.log(business ? 400 : 150), 0.6);
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Writes the nine social fields of one row, each preceded by a comma, drawing four values from `rng`
 * (always four, so later rows do not depend on this one's branches). A silent (dormant) month has no
 * calls, so both shares are 0 there.
 */
export function writeSocial(panel: CsvWriter, rng: Rng, p: SocialProfile, silent: boolean): void {
  const inGroup = clamp01(p.inGroupShare + 0.05 * rng.normal());
  const active = clamp01(p.activeShare + 0.05 * rng.normal());
  const circle = p.circleRevenue * Math.exp(0.15 * rng.normal());
  const it = p.groupItRevenue * Math.exp(0.1 * rng.normal());
  panel.comma();
  panel.writeInt(p.special);
  panel.comma();
  panel.writeInt(p.keyContact);
  panel.comma();
  panel.writeYuan(it);
  panel.comma();
  panel.writeInt(p.groupMember);
  panel.comma();
  panel.writeYuan(p.groupMember && !silent ? inGroup : 0);
  panel.comma();
  panel.writeInt(p.familyMain);
  panel.comma();
  panel.writeInt(p.secondaries);
  panel.comma();
  panel.writeYuan(silent ? 0 : active);
  panel.comma();
  panel.writeYuan(circle);
}
