/** Turning engine values and notes of the value assessment into the user's language. */
import type { ValueNote, ValueRowKey } from '$workers/value/contract';
import type { ColumnRole } from '$workers/contract';
import { i18n } from '$lib/i18n/i18n.svelte';
import { ROLE_LABELS } from '$lib/i18n/labels';
import { m, type MessageKey } from './messages';
import { notes, type NoteKey } from './notes';

const has = (key: string): key is MessageKey => key in m.en;

/** A note with its variables translated (roles, indicators). Unknown keys show as they are. */
export function noteText(note: ValueNote): string {
  const vars: Record<string, string | number> = { ...(note.vars ?? {}) };
  if (typeof vars.role === 'string') vars.role = i18n.pick(ROLE_LABELS[vars.role as ColumnRole], vars.role);
  if (typeof vars.indicator === 'string' && has(`f_${vars.indicator}`)) vars.indicator = i18n.tx(m, `f_${vars.indicator}` as MessageKey);
  if (typeof vars.component === 'string' && has(vars.component)) vars.component = i18n.tx(m, vars.component as MessageKey);
  for (const k of ['count', 'of', 'n', 'months'] as const) if (typeof vars[k] === 'number') vars[k] = i18n.num(vars[k] as number);
  const key = `note_${note.key}`;
  return key in notes.en ? i18n.tx(notes, key as NoteKey, vars) : note.key;
}

/** Decimals of a numeric column of the results table. */
const DIGITS: Partial<Record<ValueRowKey, number>> = { composite: 1, creditScore: 1, loyaltyScore: 1, elasticity: 3, revenuePerYuan: 2 };

/** One cell of the results table. */
export function cellText(key: ValueRowKey, v: string | number | null): string {
  if (v == null) return i18n.num(null);
  if (typeof v === 'number') return i18n.num(v, DIGITS[key] ?? 0);
  const prefix = { tier: 'tier_', loyalty: 'band_', elasticityLayer: 'layer_', historyMethod: 'method_' }[key as string];
  return prefix && has(prefix + v) ? i18n.tx(m, (prefix + v) as MessageKey) : v;
}
