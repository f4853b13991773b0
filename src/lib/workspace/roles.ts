/**
 * Column roles kept for a header: remembered in this browser (localStorage) when the user applies
 * them, and carried by a shared link or settings file. Both are keyed by `headerKey`, the prefix and
 * the header's `headerSignature` (common/headers.ts: NFKC, case and space insensitive), the same
 * signature the worker computes, so they reach the engine with the ingest call and a file is typed
 * once with the right roles. Anything read back is checked: an unknown role name, or a count that
 * is not the signature's, drops that header's entry (the file then gets suggested roles), never the file.
 */
import type { ColumnRole } from '$workers/contract';
import { ROLE_LABELS } from '$lib/i18n/labels';
import { headerSignature } from '$common/headers';

const PREFIX = 'clm.roles.';

/** A stable key for "files with this header". */
export function headerKey(headers: string[]): string {
  return PREFIX + headerSignature(headers);
}

/** The header signature a key stands for. */
export function signatureOf(key: string): string {
  return key.slice(PREFIX.length);
}

/** The number of columns of the header a key stands for (the signature starts with it), or null. */
export function columnsOf(key: string): number | null {
  const n = /^h(\d+)-[0-9a-f]{16}$/.exec(signatureOf(key));
  return n ? Number(n[1]) : null;
}

/** `v` as roles for the header of `key` (one known role per column: ROLE_LABELS names every ColumnRole), or null. */
export function validRoles(v: unknown, key: string): ColumnRole[] | null {
  if (!Array.isArray(v) || v.length !== columnsOf(key)) return null;
  return v.every((r) => typeof r === 'string' && Object.hasOwn(ROLE_LABELS, r)) ? (v as ColumnRole[]) : null;
}

/** The valid entries of a link's `roles` field; `onDrop` hears each header key left out. */
export function linkedRoles(v: unknown, onDrop: (key: string) => void = () => {}): Record<string, ColumnRole[]> {
  const out: Record<string, ColumnRole[]> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [key, roles] of Object.entries(v)) {
    const ok = key.startsWith(PREFIX) ? validRoles(roles, key) : null;
    if (ok) out[key] = ok;
    else onDrop(key);
  }
  return out;
}

/** Every header's remembered roles in this browser. */
export function rememberedRoles(storage: Pick<Storage, 'length' | 'key' | 'getItem'>): Record<string, ColumnRole[]> {
  const out: Record<string, ColumnRole[]> = {};
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const roles = validRoles(JSON.parse(storage.getItem(key) ?? 'null'), key);
      if (roles) out[key] = roles;
    }
  } catch {
    /* storage blocked or an entry unreadable: remembering is a convenience */
  }
  return out;
}

export function rememberRoles(storage: Pick<Storage, 'setItem'>, headers: string[], roles: ColumnRole[]): void {
  try {
    storage.setItem(headerKey(headers), JSON.stringify(roles));
  } catch {
    /* storage full or blocked: remembering is a convenience */
  }
}

/** Roles keyed by header signature for the ingest call: remembered ones, then a link's, which win. */
export function rolesBySignature(...sources: Record<string, ColumnRole[]>[]): Record<string, ColumnRole[]> {
  const out: Record<string, ColumnRole[]> = {};
  for (const source of sources) for (const [key, roles] of Object.entries(source)) out[signatureOf(key)] = roles;
  return out;
}
