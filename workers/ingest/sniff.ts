/**
 * First look at a dropped file: which format and encoding it is, how its text is delimited and
 * whether its first line is a header. Works on a sample (the first ~64 KB), never on the whole
 * file, so it stays instant on a 1 GB upload; the loader then hands the real parsing to DuckDB.
 * Pure functions: no DOM, no Node APIs (runs in the engine worker and in vitest).
 */
import type { Delimiter, Encoding, FileFormat } from '../contract.ts';
import { parseRecords, type ParsedRecords } from './records.ts';

export interface EncodingGuess {
  encoding: Encoding;
  /**
   * 1 for a BOM, 0.99 for valid UTF-8 containing multi-byte characters, 0.6 for pure ASCII (valid
   * in every candidate, so "UTF-8" is safe but unproven), 0.9/0.4 for GB18030 that decodes
   * cleanly/with replacement characters. The UI offers an override when it is below 0.9.
   */
  confidence: number;
  /** Bytes of byte-order mark at the start of the file (0, 2 or 3). */
  bomLength: number;
  /** The other encoding that also fails somewhere in the sample, when the choice was close. */
  alternative?: Encoding;
}

/** What a dropped file is: a format the engine reads, or why it reads nothing. */
export type SniffedFormat = FileFormat | 'binary' | 'empty';
export type LineEnding = '\r\n' | '\n' | '\r';

export interface TextSniff {
  delimiter: Delimiter;
  hasHeader: boolean;
  /** Unique, trimmed column names (`column1..N` when there is no header). */
  headers: string[];
  /** `"` unless the text is whitespace-separated or has quotes that are clearly literal. */
  quote: '"' | '';
  /** Data rows (header excluded) from the sample, cells as written (quotes removed). */
  previewRows: string[][];
  lineEnding: LineEnding;
}

const BOMS: { bytes: number[]; encoding: Encoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' }
];

function startsWith(sample: Uint8Array, bytes: readonly number[]): boolean {
  if (sample.length < bytes.length) return false;
  return bytes.every((b, i) => sample[i] === b);
}

function bomOf(sample: Uint8Array): { encoding: Encoding; length: number } | undefined {
  const bom = BOMS.find((b) => startsWith(sample, b.bytes));
  return bom && { encoding: bom.encoding, length: bom.bytes.length };
}

/**
 * UTF-16 without a byte-order mark: text that is mostly ASCII has a NUL in every other byte (the
 * high byte of each code unit). Little-endian puts it at odd offsets, big-endian at even ones.
 */
export function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(sample.length, 8192) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.4 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.4 && oddZero < half * 0.05) return 'utf-16be';
  return null;
}

/** Replacement characters and characters of three or more UTF-8 bytes (CJK) in decoded text. */
function tally(text: string): { invalid: number; wide: number } {
  let invalid = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c >= 0x800) wide++;
  }
  return { invalid, wide };
}

/**
 * Guesses the text encoding of a file from a sample of its bytes (the caller may join windows from
 * all over the file, see sampleWindows). A BOM wins; then UTF-16 without a BOM; then UTF-8 when it
 * decodes cleanly. When it does not, the sample decides between "UTF-8 with a few stray bytes"
 * (many well-formed multi-byte characters, few invalid sequences: the stray lines are rejected
 * as unreadable, the rest is not garbled) and GB18030 (a superset of GBK/GB2312, what Chinese Excel
 * saves as "CSV"). `stream: true` keeps a character cut off at the end of the sample from counting
 * as invalid.
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  const bom = bomOf(sample);
  if (bom) return { encoding: bom.encoding, confidence: 1, bomLength: bom.length };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, confidence: 0.8, bomLength: 0 };
  const asUtf8 = tally(new TextDecoder('utf-8').decode(sample, { stream: true }));
  if (asUtf8.invalid === 0) {
    const ascii = sample.every((b) => b < 0x80);
    return { encoding: 'utf-8', confidence: ascii ? 0.6 : 0.99, bomLength: 0 };
  }
  const asGb = tally(new TextDecoder('gb18030').decode(sample, { stream: true }));
  // GBK text read as UTF-8 forms a valid three-byte character only by accident (well under one
  // per ten Chinese characters), so twice as many as there are errors means UTF-8.
  if (asUtf8.wide >= 2 * asUtf8.invalid) return { encoding: 'utf-8', confidence: 0.7, bomLength: 0, alternative: 'gb18030' };
  if (asGb.invalid === 0) return { encoding: 'gb18030', confidence: 0.9, bomLength: 0 };
  return { encoding: 'gb18030', confidence: 0.4, bomLength: 0, alternative: 'utf-8' };
}

/** How much of a file the encoding is judged on: its head and windows spread over the rest. */
export const ENCODING_HEAD = 1 << 20;
const WINDOW = 64 * 1024;
const WINDOWS = 15;

/**
 * The bytes the encoding is judged on: the first MiB, then 15 windows of 64 KiB spread evenly over
 * the rest, each cut to whole lines (a window starts after its first line break and ends at its
 * last, so no character is cut) and joined with line breaks. A file's first 64 KB can be plain
 * ASCII while its Chinese rows, or a few stray GBK bytes, come later.
 */
export async function sampleWindows(read: (offset: number, length: number) => Promise<Uint8Array>, size: number): Promise<Uint8Array> {
  const head = await read(0, Math.min(size, ENCODING_HEAD));
  if (size <= ENCODING_HEAD + WINDOW) return head;
  const parts: Uint8Array[] = [head.subarray(0, head.lastIndexOf(10) + 1 || head.length)];
  const step = (size - ENCODING_HEAD - WINDOW) / WINDOWS;
  for (let k = 1; k <= WINDOWS; k++) {
    const w = await read(Math.floor(ENCODING_HEAD + (k - 1) * step + step / 2), WINDOW);
    const from = w.indexOf(10) + 1;
    const to = w.lastIndexOf(10) + 1;
    if (from > 0 && to > from) parts.push(w.subarray(from, to));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * True for bytes that are not text: more than 5 % C0 control characters (NUL included) other than
 * tab, line feed, form feed and carriage return. One stray NUL in a text file is a damaged record
 * (rejected with its reason), not a binary file. UTF-16 text (a BOM, or the
 * NUL-in-every-other-byte pattern) is text although half its bytes are NUL.
 */
export function isProbablyBinary(sample: Uint8Array): boolean {
  const bom = bomOf(sample);
  if (bom && bom.encoding !== 'utf-8-bom') return false;
  if (utf16WithoutBom(sample)) return false;
  let control = 0;
  for (const b of sample) if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control++;
  return control > sample.length * 0.05;
}

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"

/** Whether the ASCII string occurs in the bytes (for names inside a ZIP's local headers). */
function containsAscii(sample: Uint8Array, needle: string): boolean {
  const n = Array.from(needle, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + n.length <= sample.length; i++) {
    for (let j = 0; j < n.length; j++) if (sample[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Classifies a file from its name and first bytes. Magic numbers beat the extension (people rename
 * files); a ZIP counts as XLSX only if its name or its first entries say so, since a zipped CSV or
 * a .docx would otherwise reach the spreadsheet reader. A file of only a BOM and white space is
 * `empty`, like a zero-byte file.
 */
export function detectFormat(name: string, sample: Uint8Array): SniffedFormat {
  if (sample.length === 0) return 'empty';
  if (startsWith(sample, PARQUET_MAGIC)) return 'parquet';
  if (startsWith(sample, ZIP_MAGIC)) {
    const xlsx = /\.xls[xm]$/i.test(name) || containsAscii(sample, '[Content_Types].xml') || containsAscii(sample, 'xl/');
    return xlsx ? 'xlsx' : 'binary';
  }
  if (isProbablyBinary(sample)) return 'binary';
  const { encoding, bomLength } = detectEncoding(sample);
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const text = new TextDecoder(label).decode(sample.subarray(bomLength), { stream: true });
  return text.trim() === '' ? 'empty' : 'csv';
}

const WHITESPACE_HEADER = /[\s\u3000\uFEFF]+/g;

/**
 * Makes column names usable as DuckDB identifiers: trimmed (white space inside collapsed, which
 * also removes line breaks from quoted headers), blanks named `column{i}` (1-based, like DuckDB),
 * and duplicates suffixed `_2`, `_3`, … Uniqueness is case-insensitive because DuckDB identifiers
 * are; a suffix never collides with another name in the file.
 * @example dedupeHeaders(['金额', '金额', '']) → ['金额', '金额_2', 'column3']
 */
export function dedupeHeaders(names: string[]): string[] {
  const cleaned = names.map((n, i) => n.replace(WHITESPACE_HEADER, ' ').trim() || `column${i + 1}`);
  const taken = new Set(cleaned.map((n) => n.toLowerCase()));
  const used = new Set<string>();
  return cleaned.map((name) => {
    let out = name;
    if (used.has(out.toLowerCase())) {
      let k = 2;
      while (taken.has(`${name}_${k}`.toLowerCase()) || used.has(`${name}_${k}`.toLowerCase())) k++;
      out = `${name}_${k}`;
    }
    used.add(out.toLowerCase());
    return out;
  });
}

/** How many records are enough to judge delimiter and header; more only costs time. */
const SNIFF_RECORDS = 200;

interface Candidate {
  delimiter: Delimiter;
  parsed: ParsedRecords;
  width: number;
  consistency: number;
}

/** The most common field count and the share of non-blank records that have it. */
function fieldCountMode(rows: string[][]): { width: number; consistency: number } {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, c] of counts) if (c > best || (c === best && w > width)) [width, best] = [w, c];
  return { width, consistency: rows.length ? best / rows.length : 0 };
}

function candidate(text: string, delimiter: Delimiter, complete: boolean): Candidate {
  const parsed = parseRecords(text, delimiter, SNIFF_RECORDS, complete);
  return { delimiter, parsed, ...fieldCountMode(parsed.rows) };
}

/**
 * Explicit delimiters are tried first (in a fixed order for ties) and win when records split
 * into ≥ 2 fields consistently (≥ 80 % of records; a few bad rows must not change the verdict).
 * Whitespace-separated (CDNOW) is the fallback, since spaces also occur inside CSV values.
 */
function chooseDelimiter(text: string, complete: boolean): Candidate {
  const explicit = ([',', '\t', ';', '|'] as const).map((d) => candidate(text, d, complete));
  const valid = explicit.filter((c) => c.width >= 2 && c.consistency >= 0.8);
  valid.sort((a, b) => b.consistency - a.consistency || b.width - a.width);
  if (valid.length) return valid[0];
  const ws = candidate(text, 'whitespace', complete);
  if (ws.width >= 2 && ws.consistency >= 0.8) return ws;
  return explicit[0];
}

type CellKind = 'empty' | 'number' | 'date' | 'text';

const NUMBER_CELL = /^[-+(]?[¥￥$€]?\s?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?([eE][-+]?\d+)?\)?%?$/;
const DATE_CELL = /^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?月?([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

function cellKind(value: string): CellKind {
  const v = value.trim();
  if (v === '') return 'empty';
  if (/\d/.test(v) && NUMBER_CELL.test(v)) return 'number';
  if (DATE_CELL.test(v)) return 'date';
  return 'text';
}

/**
 * Header or data? Per column, a text first cell over a body that is ≥ 80 % numbers or dates
 * votes "header" (customer_id over 00001, 00002…); a number or date first cell votes "data"
 * (headers are names, not values). When no column is typed (all-text files) the first row is a
 * header only if its cells are non-blank, distinct and appear nowhere below in their column:
 * a header is said once, values repeat.
 */
export function looksLikeHeader(rows: string[][]): boolean {
  if (rows.length === 0) return false;
  const [first, ...body] = rows;
  let headerVotes = 0;
  let dataVotes = 0;
  first.forEach((cell, c) => {
    const kind = cellKind(cell);
    if (kind === 'number' || kind === 'date') {
      dataVotes++;
      return;
    }
    const below = body.map((r) => cellKind(r[c] ?? '')).filter((k) => k !== 'empty');
    const typed = below.filter((k) => k === 'number' || k === 'date').length;
    if (kind === 'text' && below.length > 0 && typed / below.length >= 0.8) headerVotes++;
  });
  if (headerVotes !== dataVotes) return headerVotes > dataVotes;
  const names = first.map((c) => c.trim().toLowerCase());
  if (names.some((n) => n === '') || new Set(names).size !== names.length) return false;
  return names.every((n, c) => !body.some((r) => (r[c] ?? '').trim().toLowerCase() === n));
}

function lineEndingOf(text: string): LineEnding {
  const i = text.search(/[\r\n]/);
  if (i < 0 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

export interface SniffOptions {
  /** True when `text` is the whole file, so its last line is complete and kept. */
  complete?: boolean;
  /** Preview rows to return (default 100). */
  maxPreviewRows?: number;
}

/**
 * Sniffs decoded text (the first ~64 KB of a file). Unless `complete`, the last record is dropped
 * because the sample may have cut it (even inside a quoted field). Blank lines are ignored.
 */
export function sniffText(text: string, options: SniffOptions = {}): TextSniff {
  const { complete = false, maxPreviewRows = 100 } = options;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const chosen = chooseDelimiter(body, complete);
  const rows = chosen.parsed.rows;
  const hasHeader = looksLikeHeader(rows);
  const dataRows = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(hasHeader ? rows[0].length : 0, fieldCountMode(dataRows).width, chosen.width);
  const raw = hasHeader ? rows[0] : [];
  const headers = dedupeHeaders(Array.from({ length: width }, (_, i) => raw[i] ?? ''));
  const quote = chosen.delimiter === 'whitespace' || chosen.parsed.literalQuotes ? '' : '"';
  return {
    delimiter: chosen.delimiter,
    hasHeader,
    headers,
    quote,
    previewRows: dataRows.slice(0, maxPreviewRows),
    lineEnding: lineEndingOf(body)
  };
}
