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
import { columnsOf, headerKey, linkedRolesWith, signatureOf, validRolesFor } from '$common/headers';

const PREFIX = 'clm.roles.';

export { headerKey, signatureOf, columnsOf };

const isRole = (r: string) => Object.hasOwn(ROLE_LABELS, r);

/** `v` as roles for the header of `key` (one known role per column: ROLE_LABELS names every ColumnRole), or null. */
export function validRoles(v: unknown, key: string): ColumnRole[] | null {
  return validRolesFor<ColumnRole>(v, key, isRole);
}

/** The valid entries of a link's `roles` field; `onDrop` hears each header key left out. */
export function linkedRoles(v: unknown, onDrop: (key: string) => void = () => {}): Record<string, ColumnRole[]> {
  return linkedRolesWith<ColumnRole>(v, isRole, onDrop);
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
