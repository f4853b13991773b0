import { i18n } from '$lib/i18n/i18n.svelte';
import { m, type Unit } from './messages';

export type UnitSpec = Unit | string | { en: string; zh: string } | undefined;

/** A unit in the UI's language: a known key (yuan → 元), a string pair, or a literal string. */
export function unitText(u: UnitSpec): string {
  if (u == null) return '';
  if (typeof u === 'string') return u in m.en ? i18n.tx(m, u as Unit) : u;
  return i18n.pick(u);
}

/** "Revenue (yuan)" / "收入（元）": an axis or column title with its unit. */
export function titleWithUnit(title: string, unit?: UnitSpec): string {
  const u = unitText(unit);
  return u ? i18n.tx(m, 'titleWithUnit', { title, unit: u }) : title;
}
