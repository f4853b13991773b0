/**
 * A small RFC 4180 record reader for the sniffing sample only (DuckDB parses the real file, the
 * outcome file included). Kept instead of papaparse 5.7.1 on measurement (README, "Dependencies"):
 * on the sniff — the first 200 records of the file's head, once per candidate delimiter — this
 * reader takes ~0.3 ms, papaparse 0.3–0.7 ms on 64 KB and 1.6–2.6 ms on 1 MB (it scans the whole
 * text for line endings before honouring `preview`), and it does not report the literal quotes
 * the loader needs to know about.
 */

export interface ParsedRecords {
  /** Non-blank records, cells with their quotes removed. */
  rows: string[][];
  /** Fields that began with a quote (the file uses CSV quoting). */
  quotedFields: number;
  /** True when quotes occur only inside unquoted fields (`5" screen`): they are literal text. */
  literalQuotes: boolean;
}

const WHITESPACE_RUN = /[ \t\u3000]+/;

/**
 * Splits the first `limit` records of `text`. With `complete` false the last record is dropped
 * unless a line break ends it, since a sample can cut a record anywhere, even inside quotes.
 * `whitespace` splits trimmed lines on runs of spaces/tabs and knows no quoting (like the CDNOW
 * files, and like the loader's `string_split_regex(trim(line), '\s+')`).
 */
export function parseRecords(text: string, delimiter: string, limit: number, complete: boolean): ParsedRecords {
  if (delimiter === 'whitespace') return splitWhitespace(text, limit, complete);
  const rows: string[][] = [];
  let quotedFields = 0;
  let strayQuotes = 0;
  let row: string[] = [];
  let field = '';
  let i = 0;
  let terminated = true;
  const n = text.length;
  const pushRow = () => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0].trim() !== '') rows.push(row);
    row = [];
  };
  while (i < n && rows.length < limit) {
    terminated = false;
    if (field === '' && text[i] === '"') {
      quotedFields++;
      i++;
      for (;;) {
        if (i >= n) break;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      continue;
    }
    const ch = text[i];
    if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      pushRow();
      terminated = true;
    } else {
      if (ch === '"') strayQuotes++;
      field += ch;
      i++;
    }
  }
  if (!terminated && rows.length < limit) {
    if (complete) pushRow();
  }
  return { rows, quotedFields, literalQuotes: strayQuotes > 0 && quotedFields === 0 };
}

function splitWhitespace(text: string, limit: number, complete: boolean): ParsedRecords {
  const lines = text.split(/\r\n|\n|\r/);
  if (!complete && lines.length > 0) lines.pop(); // "" after a final break, else a possibly cut line
  const rows: string[][] = [];
  for (const line of lines) {
    if (rows.length >= limit) break;
    const t = line.trim();
    if (t !== '') rows.push(t.split(WHITESPACE_RUN));
  }
  return { rows, quotedFields: 0, literalQuotes: false };
}
