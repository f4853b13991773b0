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
