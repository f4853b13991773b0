/**
 * Value levers of seed 000 (China Telecom CLM deck, "潜在改进举措") and their prioritisation on the
 * 2×2 of impact on customer-level EBITDA × ease of execution: quick wins (快速攻击:
 * high impact, easy), strategic musts (战略必须: high impact, hard), no-regret moves (无悔方案: low
 * impact, easy), low priority. Impact and ease are 1–5; 3 and above count as high.
 */
import type { Bilingual } from '$common/bilingual';
import { INITIATIVES } from '$lib/features/lifecycle/levers';

export type LeverQuadrant = 'quickWin' | 'strategic' | 'noRegret' | 'low';
export interface Lever extends Bilingual {
  id: number;
  impact: number;
  ease: number;
  stage: 'A' | 'B' | 'C' | 'D' | 'E' | '';
}

export function leverQuadrant(l: Pick<Lever, 'impact' | 'ease'>, cut = 3): LeverQuadrant {
  const hi = l.impact >= cut;
  const easy = l.ease >= cut;
  return hi ? (easy ? 'quickWin' : 'strategic') : easy ? 'noRegret' : 'low';
}

/**
 * Seed 000's 16 numbered initiatives, their words and stages from the one list of them
 * (lifecycle/levers.ts); impact and ease are editable starting guesses, not from the seed.
 */
const GUESSES: Record<number, { impact: number; ease: number }> = {
  1: { impact: 3, ease: 4 },
  2: { impact: 3, ease: 3 },
  3: { impact: 4, ease: 4 },
  4: { impact: 3, ease: 3 },
  5: { impact: 4, ease: 3 },
  6: { impact: 3, ease: 4 },
  7: { impact: 3, ease: 3 },
  8: { impact: 4, ease: 2 },
  9: { impact: 4, ease: 3 },
  10: { impact: 3, ease: 4 },
  11: { impact: 5, ease: 2 },
  12: { impact: 4, ease: 3 },
  13: { impact: 2, ease: 4 },
  14: { impact: 2, ease: 3 },
  15: { impact: 3, ease: 3 },
  16: { impact: 2, ease: 2 }
};
export const SEED_LEVERS: Lever[] = INITIATIVES.map((i) => ({ id: i.id, zh: i.zh, en: i.en, stage: i.stage, ...GUESSES[i.id] }));

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
  return (
    Array.isArray(v) &&
    v.length <= 100 &&
    v.every(
      (e: Record<string, unknown>) =>
        !!e &&
        typeof e === 'object' &&
        typeof e.id === 'number' &&
        score(e.impact) &&
        score(e.ease) &&
        text(e.en) &&
        text(e.zh) &&
        (e.stage === undefined || ['', 'A', 'B', 'C', 'D', 'E'].includes(e.stage as string))
    )
  );
}

/** The seed levers with `edits` applied (edits of unknown ids are ignored). */
export function applyLeverEdits(edits: LeverEdit[], seed: Lever[] = SEED_LEVERS): Lever[] {
  return seed.map((s) => ({ ...s, ...edits.find((e) => e.id === s.id), id: s.id }));
}
