/**
 * Remembers the column roles a user applied, keyed by the file's header, so the next file with the
 * same header is mapped the same way. Stored in this browser's localStorage only.
 */
import type { ColumnRole } from '$workers/contract';

const PREFIX = 'clm.roles.';

/** A stable key for a header: names normalised for case and surrounding space. */
export function headerKey(headers: string[]): string {
  return PREFIX + headers.map((h) => h.trim().toLowerCase()).join('\u241f');
}

export function recallRoles(storage: Pick<Storage, 'getItem'>, headers: string[]): ColumnRole[] | null {
  try {
    const v = storage.getItem(headerKey(headers));
    const roles = v ? (JSON.parse(v) as ColumnRole[]) : null;
    return Array.isArray(roles) && roles.length === headers.length ? roles : null;
  } catch {
    return null;
  }
}

export function rememberRoles(storage: Pick<Storage, 'setItem'>, headers: string[], roles: ColumnRole[]): void {
  try {
    storage.setItem(headerKey(headers), JSON.stringify(roles));
  } catch {
    /* storage full or blocked: remembering is a convenience */
  }
}
