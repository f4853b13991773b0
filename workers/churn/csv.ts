/** CSV text (RFC 4180 quoting, CRLF, UTF-8 BOM so Excel reads Chinese) for the lists built in the worker. */
export function csvText(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return '\uFEFF' + [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
