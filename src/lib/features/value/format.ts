/** Turning engine values and notes of the value assessment into the user's language. */
import type { ValueNote, ValueRowKey } from '$workers/value/contract';
import type { ColumnRole } from '$workers/contract';
import { i18n } from '$lib/i18n/i18n.svelte';
import { ROLE_LABELS } from '$lib/i18n/labels';
import { m, type MessageKey } from './messages';

const has = (key: string): key is MessageKey => key in m.en;

/** A note with its variables translated (roles, indicators). Unknown keys show as they are. */
export function noteText(note: ValueNote): string {
  const vars: Record<string, string | number> = { ...(note.vars ?? {}) };
  if (typeof vars.role === 'string') vars.role = i18n.pick(ROLE_LABELS[vars.role as ColumnRole], vars.role);
  if (typeof vars.indicator === 'string' && has(`f_${vars.indicator}`)) vars.indicator = i18n.tx(m, `f_${vars.indicator}` as MessageKey);
  const key = `note_${note.key}`;
  return has(key) ? i18n.tx(m, key, vars) : note.key;
}

/** One cell of the results table. */
export function cellText(key: ValueRowKey, v: string | number | null): string {
  if (v == null) return i18n.num(null);
  if (typeof v === 'number') return i18n.num(v, key.endsWith('Score') ? 1 : key === 'elasticity' ? 2 : 0);
  const prefix = { tier: 'tier_', loyalty: 'band_', elasticityLayer: 'layer_', historyMethod: 'method_' }[key as string];
  return prefix && has(prefix + v) ? i18n.tx(m, (prefix + v) as MessageKey) : v;
}
