/**
 * Value levers of seed 000 (China Telecom CLM deck, "潜在改进举措") and their prioritisation on the
 * 2×2 of impact on customer-level EBITDA × ease of execution (DOMAIN.md §4): quick wins (快速攻击:
 * high impact, easy), strategic musts (战略必须: high impact, hard), no-regret moves (无悔方案: low
 * impact, easy), low priority. Impact and ease are 1–5; 3 and above count as high.
 */
import type { Bilingual } from '$common/bilingual';

export type LeverQuadrant = 'quickWin' | 'strategic' | 'noRegret' | 'low';
export interface Lever extends Bilingual { id: number; impact: number; ease: number; stage: 'A' | 'B' | 'C' | 'D' | 'E' | '' }

export function leverQuadrant(l: Pick<Lever, 'impact' | 'ease'>, cut = 3): LeverQuadrant {
  const hi = l.impact >= cut;
  const easy = l.ease >= cut;
  return hi ? (easy ? 'quickWin' : 'strategic') : easy ? 'noRegret' : 'low';
}

/** Seed 000's numbered initiatives; impact/ease are editable starting guesses, not from the seed. */
export const SEED_LEVERS: Lever[] = [
  { id: 1, zh: '收集潜在高价值用户信息', en: 'Collect information on potential high-value customers', impact: 3, ease: 4, stage: 'A' },
  { id: 2, zh: '鼓励社区经理关注辖区内潜在高价值客户', en: 'Community managers track potential high-value customers', impact: 3, ease: 3, stage: 'A' },
  { id: 3, zh: '建立定期话务量流失分析机制', en: 'Regular analysis of traffic (usage) loss', impact: 4, ease: 4, stage: 'D' },
  { id: 8, zh: '设计产品包装/捆绑工具包', en: 'Design product bundling toolkit', impact: 4, ease: 2, stage: 'B' },
  { id: 9, zh: '按价值区分用户，高价值用户定期关怀、跟踪话务量', en: 'Value-differentiated care: regular care and usage tracking for high value', impact: 4, ease: 3, stage: 'C' },
  { id: 10, zh: '跟踪1年以上成熟期用户，优惠到期的中高价值用户及时回访', en: 'Track mature (1 yr+) users; call mid/high value whose offers expire', impact: 3, ease: 4, stage: 'C' },
  { id: 11, zh: '分析离网原因，建立离网预警机制', en: 'Analyse churn reasons; churn early warning', impact: 5, ease: 2, stage: 'D' },
  { id: 12, zh: '为中高价值高危用户设计离网挽留工具包', en: 'Retention toolkit for high-risk mid/high-value customers', impact: 4, ease: 3, stage: 'D' },
  { id: 13, zh: '建立用户信用黑名单', en: 'Customer credit blacklist', impact: 2, ease: 4, stage: 'A' },
  { id: 14, zh: '建立离网用户数据库（联系方式、离网原因）', en: 'Leaver database (contacts, churn reasons)', impact: 2, ease: 3, stage: 'E' },
  { id: 15, zh: '对离网的中高价值用户定期回访', en: 'Regular follow-up of mid/high-value leavers', impact: 3, ease: 3, stage: 'E' },
  { id: 16, zh: '设计离网赢回工具包', en: 'Win-back toolkit', impact: 2, ease: 2, stage: 'E' }
];

/** A user's change to one seed lever, as a shared link carries it: only the fields that differ. */
export type LeverEdit = { id: number } & Partial<Omit<Lever, 'id'>>;
const FIELDS = ['en', 'zh', 'impact', 'ease', 'stage'] as const;

/** The edits that turn `seed` into `levers` (same ids, same order); empty when nothing changed. */
export function leverEdits(levers: Lever[], seed: Lever[] = SEED_LEVERS): LeverEdit[] {
  const out: LeverEdit[] = [];
  for (const l of levers) {
    const s = seed.find((x) => x.id === l.id);
    if (!s) continue;
    const edit: Record<string, unknown> = { id: l.id };
    for (const f of FIELDS) {
      const v = f === 'impact' || f === 'ease' ? Number(l[f]) : l[f];
      if (v !== s[f]) edit[f] = v;
    }
    if (Object.keys(edit).length > 1) out.push(edit as LeverEdit);
  }
  return out;
}

/** Whether `v` (read from a link) is a usable list of lever edits. */
export function isLeverEdits(v: unknown): v is LeverEdit[] {
  const score = (x: unknown) => x === undefined || (typeof x === 'number' && x >= 1 && x <= 5);
  const text = (x: unknown) => x === undefined || (typeof x === 'string' && x.length <= 200);
  return Array.isArray(v) && v.length <= 100 && v.every((e: Record<string, unknown>) =>
    !!e && typeof e === 'object' && typeof e.id === 'number' && score(e.impact) && score(e.ease) && text(e.en) && text(e.zh) &&
    (e.stage === undefined || ['', 'A', 'B', 'C', 'D', 'E'].includes(e.stage as string)));
}

/** The seed levers with `edits` applied (edits of unknown ids are ignored). */
export function applyLeverEdits(edits: LeverEdit[], seed: Lever[] = SEED_LEVERS): Lever[] {
  return seed.map((s) => ({ ...s, ...edits.find((e) => e.id === s.id), id: s.id }));
}
