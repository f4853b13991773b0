/**
 * Where the records of a delimited file are. DuckDB's reader reports a rejected record by its own
 * line count (the header, every empty line and every record count one, so a record of several lines
 * counts once) and reports nothing about the records it loads. This byte-level pass splits records
 * the way that reader does (a quote only opens a field, after optional spaces; `""` inside quotes
 * is a quote; line breaks inside quotes belong to the field) and gives each the three numbers a
 * person needs: DuckDB's line, the physical line range (what an editor shows) and the data row
 * (records only, blank lines excluded). It only runs for files with something to explain.
 */
import type { ReadBytes } from './encoding.ts';

export interface LocateOptions {
  /** One byte: `,`, `\t`, `;` or `|`. */
  delimiter: string;
  /** `"`, or '' when quotes are read literally. */
  quote: string;
  /** `\r` only for files that end their lines with a bare carriage return. */
  newline: '\n' | '\r';
  /** Leading physical lines DuckDB skips (blank lines before the header). */
  skip: number;
  header: boolean;
  /** DuckDB loads blank lines of a one-column file as rows; they are removed afterwards. */
  singleColumn: boolean;
}

/** What to locate: rejected records by DuckDB line, loaded rows by their order in DuckDB's output. */
export interface LocateWanted {
  duckLines?: Iterable<number>;
  /** 1-based positions among the rows DuckDB emitted. */
  emitted?: Iterable<number>;
  /** Read to the end for the totals even when everything wanted was found. */
  totals?: boolean;
}

export interface RecordPlace {
  duckLine: number;
  /** 1-based data row; null for a blank line. */
  row: number | null;
  /** Emitted rows before this one (its place among DuckDB's output). */
  emittedBefore: number;
  firstLine: number;
  lastLine: number;
  /** Byte range [start, end) without the line break. */
  start: number;
  end: number;
}

export interface LineTotals {
  /** Physical lines of the file, header and blank lines included. */
  physicalLines: number;
  /** Lines with nothing on them (DuckDB skips them). */
  emptyLines: number;
  /** Lines of only spaces or tabs (DuckDB rejects them as too short; they are blank lines here). */
  spaceLines: number;
  records: number;
  /** Records that span more than one physical line, and the lines they add. */
  multiLineRecords: number;
  extraLines: number;
}

export interface Located {
  byDuckLine: Map<number, RecordPlace>;
  byEmitted: Map<number, RecordPlace>;
  totals: LineTotals | null;
}

const CHUNK = 4 << 20;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** White space a blank line may hold: space, tab, vertical tab, form feed (bytes); U+00A0 and U+3000 (UTF-8). */
function spaceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === SPACE || c === TAB || c === 11 || c === 12) return 1;
  if (c === 0xc2 && b[i + 1] === 0xa0) return 2;
  if (c === 0xe3 && b[i + 1] === 0x80 && b[i + 2] === 0x80) return 3;
  return 0;
}

/**
 * Walks the file once (up to the last wanted record unless totals are asked for). Chunks are read
 * with a few bytes of overlap so multi-byte white space and CR LF pairs are never cut.
 */
export async function locateRecords(read: ReadBytes, size: number, opts: LocateOptions, wanted: LocateWanted): Promise<Located> {
  const delim = opts.delimiter.charCodeAt(0);
  const quote = opts.quote ? opts.quote.charCodeAt(0) : -1;
  const term = opts.newline === '\r' ? CR : LF;
  const duckWanted = new Set(wanted.duckLines ?? []);
  const emittedWanted = new Set(wanted.emitted ?? []);
  const rejected = duckWanted; // rejected records are exactly the DuckDB lines asked for
  const byDuckLine = new Map<number, RecordPlace>();
  const byEmitted = new Map<number, RecordPlace>();
  let remaining = duckWanted.size + emittedWanted.size;

  let line = 1; // physical line of the current byte
  let duckLine = 0;
  let rows = 0;
  let emitted = 0;
  let empty = 0;
  let spaces = 0;
  let multi = 0;
  let extra = 0;
  let skipped = 0;
  let headerDone = !opts.header;
  // The current record.
  let start = 0;
  let firstLine = 1;
  let inQuote = false;
  let fieldStart = true;
  let blank = true; // only white space so far, no delimiter or quote
  let hasBytes = false;

  const finish = (end: number) => {
    if (skipped < opts.skip) {
      skipped++;
      duckLine++;
      return;
    }
    duckLine++;
    if (!headerDone) {
      headerDone = true;
      return;
    }
    const isEmpty = !hasBytes;
    if (isEmpty && !opts.singleColumn) {
      empty++;
      return;
    }
    const isBlank = isEmpty || blank;
    if (isBlank && !isEmpty) spaces++;
    if (isBlank && isEmpty) empty++;
    const row = isBlank ? null : ++rows;
    const lastLine = line;
    if (row !== null && lastLine > firstLine) {
      multi++;
      extra += lastLine - firstLine;
    }
    const isRejected = rejected.has(duckLine);
    // DuckDB emits every record it does not reject, and in a one-column file its blank lines too.
    const emits = !isRejected && (row !== null || opts.singleColumn);
    const place = (): RecordPlace => ({ duckLine, row, emittedBefore: emitted, firstLine, lastLine, start, end });
    if (duckWanted.has(duckLine)) {
      byDuckLine.set(duckLine, place());
      remaining--;
    }
    if (emits) {
      if (emittedWanted.has(emitted + 1)) {
        byEmitted.set(emitted + 1, place());
        remaining--;
      }
      emitted++;
    }
  };

  let offset = 0;
  let done = false;
  let lastByte = -1;
  while (offset < size && !done) {
    const length = Math.min(CHUNK, size - offset);
    // Three bytes of look-ahead, so that checks of b[i + 1] and b[i + 2] see the next chunk.
    const b = await read(offset, Math.min(length + 3, size - offset));
    if (b.length === 0) throw new Error(`read returned no bytes at offset ${offset} of ${size}`);
    const n = Math.min(length, b.length);
    let i = 0;
    for (; i < n; i++) {
      const c = b[i];
      if (inQuote) {
        if (c === quote) {
          if (b[i + 1] === quote) i++;
          else inQuote = false;
        } else if (c === term) line++;
        continue;
      }
      // The common byte first: printable ASCII that is neither the delimiter nor the quote.
      if (c > SPACE && c < 0x80 && c !== delim && c !== quote) {
        hasBytes = true;
        blank = false;
        fieldStart = false;
        continue;
      }
      if (c === term || (c === CR && term === LF && b[i + 1] === LF)) {
        const end = offset + i;
        if (c === CR) i++; // CR LF
        finish(end);
        if (remaining === 0 && !wanted.totals) {
          done = true;
          break;
        }
        line++;
        start = offset + i + 1;
        firstLine = line;
        fieldStart = true;
        blank = true;
        hasBytes = false;
        continue;
      }
      hasBytes = true;
      if (c === delim) {
        blank = false;
        fieldStart = true;
      } else if (c === quote && fieldStart) {
        blank = false;
        inQuote = true;
        fieldStart = false;
      } else {
        const s = spaceLength(b, i);
        if (s > 0)
          i += s - 1; // white space before an opening quote keeps the field open
        else {
          blank = false;
          fieldStart = false;
        }
      }
    }
    if (!done) lastByte = b[n - 1];
    // A CR LF pair, a doubled quote or a multi-byte space may end past the chunk: resume after it.
    offset += Math.max(i, n);
  }
  if (!done && (hasBytes || inQuote)) {
    // A quote never closed runs to the end; a line break there ends its last line, not a new one.
    if (inQuote && lastByte === term) line--;
    finish(size);
    line++;
  }
  // A final line break ends the last line rather than starting an empty one.
  const physicalLines = done ? 0 : line - 1;
  return {
    byDuckLine,
    byEmitted,
    totals: done
      ? null
      : { physicalLines, emptyLines: empty, spaceLines: spaces, records: rows, multiLineRecords: multi, extraLines: extra }
  };
}

/** The bytes of a located record, decoded (for reject examples). */
export async function recordText(read: ReadBytes, place: RecordPlace, max = 300): Promise<string> {
  const bytes = await read(place.start, Math.min(place.end - place.start, max * 4));
  return new TextDecoder('utf-8').decode(bytes).slice(0, max);
}
