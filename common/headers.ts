/**
 * The key of "files with this header": the page remembers a file's column roles under it and a
 * shared link carries them under it. Isomorphic, so the worker, which reads the headers, keys on the
 * same thing; NFKC, so a header typed with full-width letters or re-saved by Excel still matches.
 */

/** FNV-1a over UTF-16 code units, 32 bits, seedable. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A stable key for "files with this header": names NFKC-normalised, trimmed, lower-cased and with
 * white space collapsed (Excel re-saves and full-width variants still match), order kept (the
 * mapping is per column). 64 bits of FNV-1a make accidental collisions between a user's own
 * layouts negligible.
 * @example headerSignature(['用户ID', '账期']) === headerSignature([' 用户id ', '账期'])
 */
export function headerSignature(headers: string[]): string {
  const key = headers.map((h) => h.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()).join('\u001f');
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `h${headers.length}-${hex(fnv1a(key, 0x811c9dc5))}${hex(fnv1a(key, 0x050c5d1f))}`;
}

/** Settings keys of remembered roles: this prefix and a header signature. */
const ROLES_PREFIX = 'clm.roles.';

/** A stable settings key for "files with this header". */
export function headerKey(headers: string[]): string {
  return ROLES_PREFIX + headerSignature(headers);
}

/** The header signature a key stands for. */
export function signatureOf(key: string): string {
  return key.slice(ROLES_PREFIX.length);
}

/** The number of columns of the header a key stands for (the signature starts with it), or null. */
export function columnsOf(key: string): number | null {
  const n = /^h(\d+)-[0-9a-f]{16}$/.exec(signatureOf(key));
  return n ? Number(n[1]) : null;
}

/** `v` as roles for the header of `key` (one role per column, each one `isRole` knows), or null. */
export function validRolesFor<R extends string>(v: unknown, key: string, isRole: (r: string) => boolean): R[] | null {
  if (!Array.isArray(v) || v.length !== columnsOf(key)) return null;
  return v.every((r) => typeof r === 'string' && isRole(r)) ? (v as R[]) : null;
}

/** The valid entries of a settings `roles` field (by header key); `onDrop` hears each key left out. */
export function linkedRolesWith<R extends string>(
  v: unknown,
  isRole: (r: string) => boolean,
  onDrop: (key: string) => void = () => {}
): Record<string, R[]> {
  const out: Record<string, R[]> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [key, roles] of Object.entries(v)) {
    const ok = key.startsWith(ROLES_PREFIX) ? validRolesFor<R>(roles, key, isRole) : null;
    if (ok) out[key] = ok;
    else onDrop(key);
  }
  return out;
}
