/**
 * Remembers the column roles a user applied, keyed by the file's header, so the next file with the
 * same header is mapped the same way. Stored in this browser's localStorage only.
 */
import type { ColumnRole } from '$workers/contract';
import { headerSignature } from '$common/headers';

const PREFIX = 'clm.roles.';

/** A stable key for a header (NFKC, case and space insensitive; the worker's signature). */
export function headerKey(headers: string[]): string {
  return PREFIX + headerSignature(headers);
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
