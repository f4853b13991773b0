/**
 * Reading a delimited text file into its typed dataset table in one pass, with exact row accounting.
 *
 * 1. One `CREATE TABLE … AS SELECT <typed columns> FROM read_csv(…)` (typed.ts): DuckDB's reader
 *    casts clean columns itself and records every record it cannot take in a rejects table.
 * 2. Records rejected only for a cast get a second chance: their text goes through the general
 *    parsers (thousand separators, currency, 是/否 …), which load them or reject them with a reason.
 * 3. Text columns are checked on their DISTINCT values (textColumns.ts): padded values and
 *    missing-value markers are fixed, values with control characters or undecodable bytes reject
 *    their rows, line breaks inside quoted fields are counted.
 * 4. When anything needs explaining (rejects, blank lines, records of several lines) the file is
 *    walked once in JavaScript (locate.ts) to cite each reject by data row and physical line.
 *
 * Accounting: data lines = records (loaded + rejected) + the extra lines of records that span
 * several; blank lines are counted apart. A sentinel record after the file's end tells how many
 * empty lines DuckDB skipped (its line number counts them) at no cost.
 */
import type { ProgressFn, RejectExample, RejectReason } from '../contract.ts';
import { all, exec, one, quoteIdent, quoteLiteral, template, type SqlConnection } from '../db/sql.ts';
import {
  CodeBook,
  finiteSums,
  markNonFiniteSql,
  nonFiniteSql,
  projectionSql,
  readAsFor,
  type ColumnRead,
  type TypedColumn
} from '../engine/typed.ts';
import { locateRecords, recordText, type Located, type RecordPlace } from './locate.ts';
import { checkTextColumns, settleGenericNumbers, unsettledNumber } from './textColumns.ts';
import { keepCustomerSpan, startCustomerSpan, tableStats, type TableStats } from '../engine/quality.ts';
import readDelimitedSql from '../engine/sql/read_delimited.sql?raw';

/** A delimited file as registered for DuckDB. */
export interface DelimitedSource {
  /** Registered name: the content followed by the sentinel record. */
  file: string;
  /** The bytes DuckDB reads, without the sentinel (UTF-8). */
  content: Blob;
  delimiter: ',' | '\t' | ';' | '|';
  quote: '"' | '';
  /** How the file ends its lines (DuckDB's reader wants one kind throughout). */
  lineEnding: '\n' | '\r\n' | '\r';
  /** Blank lines before the header (or the first record). */
  skip: number;
  header: boolean;
  width: number;
}

export interface ReadOutcome {
  /** The columns as typed (a generic number column with text in it stays text). */
  columns: TypedColumn[];
  reasons: RejectReason[];
  loaded: number;
  rejected: number;
  blankLines: number;
  dataLines: number;
  multiLineRecords: number;
  /** The overview's per-customer table of a panel was built for the final rows (quality.ts). */
  customerSpan?: boolean;
  /** Rows, empty cells and time range of the final rows, when the read measured them already. */
  stats?: TableStats;
  /** Lines the reader found not to be UTF-8, decoded as UTF-8 (with U+FFFD) and as GB18030. */
  undecodable: { line: number | null; asChosen: string; asAlternative: string }[];
}

/** Marks the record appended after the file (one more field than the file has, so always rejected). */
export const SENTINEL = '\u0001clm:end-of-file\u0001';

/** The sentinel record: first field the marker, then as many more as the file has columns. */
export function sentinelLine(src: Pick<DelimitedSource, 'delimiter' | 'width'>): string {
  return SENTINEL + (src.delimiter + SENTINEL).repeat(src.width);
}

const EXAMPLES = 5;
/** NUL and SUB: what the reader cannot take (SUB stands for a lone CR, ingest.ts). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000\u001a]/;

/** DuckDB error types → reject reasons for records the reader could not take as they are. */
function structuralReason(types: string[], text: string): string {
  if (CONTROL.test(text)) return 'control-character';
  if (types.some((t) => t === 'UNQUOTED VALUE' || t === 'UNTERMINATED QUOTE')) return 'bad-quoting';
  if (types.includes('INVALID ENCODING')) return 'invalid-encoding';
  if (types.includes('LINE SIZE OVER MAXIMUM')) return 'line-too-long';
  if (types.some((t) => t === 'TOO MANY COLUMNS' || t === 'MISSING COLUMNS')) return 'wrong-field-count';
  return 'unreadable-row';
}

/** White space a blank line may hold (the same set as locate.ts). */
const isBlankText = (s: string) => s.replace(/[ \t\v\f\u00a0\u3000\r\n]/g, '') === '';

interface ReaderReject {
  duckLine: number;
  types: string[];
  /** 1-based indexes of the columns that failed a cast. */
  castColumns: number[];
  text: string;
  kind: 'sentinel' | 'blank' | 'cast' | 'structural';
}

async function readerRejects(conn: SqlConnection, errors: string): Promise<ReaderReject[]> {
  const rows = await all(
    conn,
    `SELECT line, string_agg(DISTINCT error_type, '|') AS types,
      string_agg(DISTINCT CASE WHEN error_type = 'CAST' THEN column_idx END::VARCHAR, '|') AS cast_cols, any_value(csv_line) AS text
    FROM ${errors} GROUP BY line ORDER BY line`
  );
  return rows.map((r) => {
    const types = String(r.types).split('|');
    // The reader's copy of the record may begin with the previous line's break.
    const text = String(r.text ?? '').replace(/^[\r\n]+/, '');
    // A NUL byte or a lone carriage return (made U+001A) fails a cast too; no parser reads it.
    const kind = text.startsWith(SENTINEL)
      ? 'sentinel'
      : types.every((t) => t === 'MISSING COLUMNS') && isBlankText(text)
        ? 'blank'
        : types.every((t) => t === 'CAST') && !CONTROL.test(text)
          ? 'cast'
          : 'structural';
    return {
      duckLine: Number(r.line),
      types,
      castColumns: r.cast_cols ? String(r.cast_cols).split('|').map(Number) : [],
      text: text.split(SENTINEL)[0],
      kind
    };
  });
}

function readCsvSql(src: DelimitedSource, reads: ColumnRead[], errors: string, scan: string): string {
  const types = new Map(reads.map((r) => [r.col.source, r.readAs]));
  const columns = `{${Array.from({ length: src.width }, (_, i) => `'c${i + 1}': '${types.get(i) ?? 'VARCHAR'}'`).join(', ')}}`;
  const dateFormat = reads.find((r) => r.readAs === 'DATE')?.dateFormat ?? '%Y-%m-%d';
  return template(readDelimitedSql, {
    file: quoteLiteral(src.file),
    columns,
    header: String(src.header),
    skip: src.skip,
    delim: quoteLiteral(src.delimiter),
    quote: quoteLiteral(src.quote),
    dateformat: quoteLiteral(dateFormat),
    errors: quoteLiteral(errors),
    scan: quoteLiteral(scan)
  });
}

const blankSql = (src: DelimitedSource) =>
  src.width === 1 ? `c1 IS NULL OR trim(c1, ' ' || chr(9) || chr(11) || chr(12) || chr(160) || chr(12288)) = ''` : undefined;

/** Reads `src` into `ds_<id>`; the caller has registered it. */
export async function readDelimited(
  conn: SqlConnection,
  register: (name: string, blob: Blob) => Promise<void>,
  drop: (name: string) => void,
  id: string,
  src: DelimitedSource,
  cols: TypedColumn[],
  samples: string[][],
  onProgress: ProgressFn = () => {}
): Promise<ReadOutcome> {
  const ds = quoteIdent(`ds_${id}`);
  const book = new CodeBook();
  let columns = cols;
  let reads: ColumnRead[] = columns
    .filter((c) => c.kind !== 'ignore')
    .map((c) => ({ col: c, ...readAsFor(c, samples[c.source] ?? []), src: `c${c.source + 1}` }));
  // One dateformat per read: a second date column of another shape is read as text.
  const dated = reads.find((r) => r.readAs === 'DATE');
  reads = reads.map((r) =>
    r.readAs === 'DATE' && r.dateFormat !== dated?.dateFormat ? { ...r, readAs: 'VARCHAR', dateFormat: undefined } : r
  );
  let rejects: ReaderReject[] = [];
  for (let attempt = 0; ; attempt++) {
    onProgress({ phase: 'loading', fraction: null });
    const errors = `rej_err_${id}`;
    const scan = `rej_scan_${id}`;
    await exec(
      conn,
      `CREATE OR REPLACE TABLE ${ds} AS ${projectionSql(reads, book, readCsvSql(src, reads, errors, scan), 'row_number() OVER ()', { blank: blankSql(src), finiteLater: true })}`
    );
    onProgress({ phase: 'checking', fraction: null });
    rejects = await readerRejects(conn, quoteIdent(errors));
    await exec(conn, `DROP TABLE IF EXISTS ${quoteIdent(errors)}; DROP TABLE IF EXISTS ${quoteIdent(scan)}`);
    // A column the sample made look clean but that is dirty throughout: read it as text instead
    // of sending a large part of the file through the second chance.
    const emitted = Number((await one(conn, `SELECT count(*) AS n FROM ${ds}`))!.n);
    const castCount = new Map<number, number>();
    for (const r of rejects) if (r.kind === 'cast') for (const c of r.castColumns) castCount.set(c, (castCount.get(c) ?? 0) + 1);
    const dirty = reads.filter((r) => r.readAs !== 'VARCHAR' && (castCount.get(r.col.source + 1) ?? 0) > Math.max(1000, emitted * 0.01));
    if (dirty.length && attempt < 2) {
      reads = reads.map((r) => (dirty.includes(r) ? { ...r, readAs: 'VARCHAR', dateFormat: undefined } : r));
      continue;
    }
    const notNumbers = await secondChance(
      conn,
      register,
      drop,
      id,
      src,
      reads,
      book,
      rejects.filter((r) => r.kind === 'cast')
    );
    if (notNumbers.length && attempt < 2) {
      // A generic number column with words in it is a text column (the general parsers decide
      // that on every value of a column read as text, settleGenericNumbers).
      reads = reads.map((r) => (notNumbers.includes(r.col.source) ? { ...r, readAs: 'VARCHAR' } : r));
      continue;
    }
    break;
  }
  // One scan tests the cast numbers and takes the report's counts, which hold for the final rows
  // unless something below changes or removes a row.
  const finite = finiteSums(reads);
  const blankCode = book.code('blank-line', null);
  const { also, ...stats } = await tableStats(conn, ds, columns, { ...(finite ? { finite } : {}), ...accountCounts(blankCode) });
  if (also.finite === false) {
    await exec(conn, markNonFiniteSql(reads, book, ds));
    await exec(conn, nonFiniteSql(reads, book, ds)!);
  }
  const settling = reads.some(unsettledNumber);
  columns = await settleGenericNumbers(conn, ds, reads);
  // A panel's per-customer table for the overview, built now so the id check reads its ids from it.
  const customers = await startCustomerSpan(conn, ds, columns);
  const text = await checkTextColumns(conn, ds, columns, book, src.lineEnding === '\r' ? '\r' : '\n', customers);
  const kept = also.finite !== false && !settling && !text.changed ? stats : undefined;
  // Only the non-finite test and the text check set `_bad` after that scan.
  const counts = also.finite !== false && !text.changed ? also : undefined;
  return account(conn, id, src, columns, book, rejects, text, customers, kept, counts);
}

/**
 * Records the reader rejected only because a cell did not cast: their text is read again as text
 * (a small file of `duckLine<delim>record` lines, parsed by the same reader) and projected with the
 * general parsers. Their `_row` is minus their DuckDB line until account() numbers them. Returns the
 * generic number columns that turned out to hold non-numbers.
 */
async function secondChance(
  conn: SqlConnection,
  register: (name: string, blob: Blob) => Promise<void>,
  drop: (name: string) => void,
  id: string,
  src: DelimitedSource,
  reads: ColumnRead[],
  book: CodeBook,
  casts: ReaderReject[]
): Promise<number[]> {
  if (casts.length === 0) return [];
  const name = `retry_${id}`;
  await register(name, new Blob(casts.map((r) => `${r.duckLine}${src.delimiter}${r.text}\n`)));
  try {
    const retryReads = reads.map((r) => ({ ...r, readAs: 'VARCHAR' as const, dateFormat: undefined, strict: r.readAs === 'DOUBLE' }));
    const columns = `{'_l': 'BIGINT', ${Array.from({ length: src.width }, (_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ')}}`;
    const from = `read_csv(${quoteLiteral(name)}, columns = ${columns}, header = false, delim = ${quoteLiteral(src.delimiter)},
      quote = ${quoteLiteral(src.quote)}, escape = ${quoteLiteral(src.quote)}, auto_detect = false, max_line_size = 10000000)`;
    await exec(conn, `INSERT INTO ${quoteIdent(`ds_${id}`)} BY NAME ${projectionSql(retryReads, book, from, '-_l')}`);
  } finally {
    drop(name);
  }
  const generic = reads.filter((r) => r.readAs === 'DOUBLE' && r.col.role === 'number');
  if (!generic.length) return [];
  const failed = await all(conn, `SELECT DISTINCT _bad FROM ${quoteIdent(`ds_${id}`)} WHERE _row < 0 AND _bad IS NOT NULL`);
  const codes = new Set(failed.map((r) => Number(r._bad)));
  return generic.filter((r) => codes.has(book.code('bad-number', r.col.header))).map((r) => r.col.source);
}

/** What account() counts first, as aggregates over the dataset table (taken in the stats scan when they still hold). */
const accountCounts = (blankCode: number): Record<string, string> => ({
  emitted: 'count(*) FILTER (WHERE _row > 0)',
  blank_rows: `count(*) FILTER (WHERE _bad = ${blankCode})`,
  bad: 'count(*) FILTER (WHERE _bad IS NOT NULL)',
  retried: 'count(*) FILTER (WHERE _row < 0)'
});

/** Numbers rows in file order, cites rejects by data row and line, and drops rejected rows. */
async function account(
  conn: SqlConnection,
  id: string,
  src: DelimitedSource,
  columns: TypedColumn[],
  book: CodeBook,
  rejects: ReaderReject[],
  text: { multiLine: boolean; customerIdsChanged: boolean },
  customers: string | undefined,
  stats: TableStats | undefined,
  known: Record<string, unknown> | undefined
): Promise<ReadOutcome> {
  const ds = quoteIdent(`ds_${id}`);
  const blankCode = book.code('blank-line', null);
  const items = rejects.filter((r) => r.kind !== 'sentinel');
  const sentinel = rejects.find((r) => r.kind === 'sentinel');
  const counts =
    known ??
    (await one(
      conn,
      `SELECT ${Object.entries(accountCounts(blankCode))
        .map(([k, e]) => `${e} AS ${k}`)
        .join(', ')} FROM ${ds}`
    ))!;
  const emitted = Number(counts.emitted);
  // DuckDB's line count up to the last record: header, skipped and empty lines, records. More lines
  // than that means empty lines, which it skips without a word.
  const lastLine = sentinel ? sentinel.duckLine - 1 : Math.max(0, ...items.map((r) => r.duckLine));
  const emptyLines = Math.max(0, lastLine - src.skip - (src.header ? 1 : 0) - emitted - items.length);
  const irregular = items.length > 0 || Number(counts.bad) > 0 || emptyLines > 0 || text.multiLine;

  let located: Located | null = null;
  if (irregular) {
    const first = await all(
      conn,
      `SELECT array_to_string(list(_row ORDER BY _row)[1:${EXAMPLES}], ',') AS first
      FROM ${ds} WHERE _bad IS NOT NULL AND _bad <> ${blankCode} AND _row > 0 GROUP BY _bad`
    );
    const wantedEmitted = first.flatMap((b) =>
      String(b.first ?? '')
        .split(',')
        .filter(Boolean)
        .map(Number)
    );
    located = await locateRecords(
      byteReader(src.content),
      src.content.size,
      {
        delimiter: src.delimiter,
        quote: src.quote,
        newline: src.lineEnding === '\r' ? '\r' : '\n',
        skip: src.skip,
        header: src.header,
        singleColumn: src.width === 1
      },
      { duckLines: items.map((r) => r.duckLine), emitted: wantedEmitted, totals: true }
    );
    await renumber(conn, ds, items, located, blankCode, Number(counts.retried) > 0);
  }
  const valueRejects = Number(counts.bad) > Number(counts.blank_rows);
  const reasons = await rejectReasons(conn, ds, src, columns, book, items, located, valueRejects);
  const undecodable = await bothReadings(
    src.content,
    items.filter((r) => r.kind === 'structural' && structuralReason(r.types, r.text) === 'invalid-encoding'),
    located
  );
  const rejected = reasons.reduce((n, r) => n + r.count, 0);
  if (Number(counts.bad) > 0) await exec(conn, `DELETE FROM ${ds} WHERE _bad IS NOT NULL`);
  await exec(conn, `ALTER TABLE ${ds} DROP COLUMN _bad`);
  // The per-customer table holds the final rows unless the check changed an id or rows were removed.
  const customerSpan = await keepCustomerSpan(conn, customers, !text.customerIdsChanged && Number(counts.bad) === 0);
  const loaded = Number((await one(conn, `SELECT count(*) AS n FROM ${ds}`))!.n);
  const totals = located?.totals;
  return {
    columns,
    reasons,
    loaded,
    rejected,
    blankLines: src.skip + (totals ? totals.emptyLines + totals.spaceLines : 0),
    dataLines: totals ? totals.records + totals.extraLines : loaded + rejected,
    multiLineRecords: totals?.multiLineRecords ?? 0,
    customerSpan,
    stats: stats && Number(counts.bad) === 0 ? stats : undefined,
    undecodable
  };
}

/** The first lines that are not UTF-8, as UTF-8 reads them (U+FFFD) and as GB18030 does. */
async function bothReadings(content: Blob, invalid: ReaderReject[], located: Located | null): Promise<ReadOutcome['undecodable']> {
  const out: ReadOutcome['undecodable'] = [];
  for (const r of invalid.slice(0, EXAMPLES)) {
    const place = located?.byDuckLine.get(r.duckLine);
    if (!place) continue;
    const bytes = await byteReader(content)(place.start, Math.min(place.end - place.start, 1200));
    out.push({
      line: place.firstLine,
      asChosen: new TextDecoder('utf-8').decode(bytes).slice(0, 300),
      asAlternative: new TextDecoder('gb18030').decode(bytes).slice(0, 300)
    });
  }
  return out;
}

const byteReader = (blob: Blob) => (o: number, n: number) =>
  blob
    .slice(o, o + n)
    .arrayBuffer()
    .then((x) => new Uint8Array(x));

/**
 * `_row` so far counts the rows DuckDB emitted; records it rejected are gaps in that count, and a
 * one-column file's blank lines are rows that are not records. Shift every row by the gaps before
 * it, and give second-chance rows (negative `_row`) their data row.
 */
async function renumber(
  conn: SqlConnection,
  ds: string,
  items: ReaderReject[],
  located: Located,
  blankCode: number,
  retried: boolean
): Promise<void> {
  const events: [number, number][] = [];
  for (const r of items) {
    const place = located.byDuckLine.get(r.duckLine);
    if (place && place.row !== null) events.push([place.emittedBefore, 1]);
  }
  const blanks = await all(conn, `SELECT _row FROM ${ds} WHERE _bad = ${blankCode} ORDER BY _row`);
  for (const b of blanks) events.push([Number(b._row), -1]);
  events.sort((a, b) => a[0] - b[0]);
  if (events.length) {
    // Intervals (lo, hi] of emitted positions with the shift their rows get.
    const rows: string[] = [];
    let shift = 0;
    for (let i = 0; i < events.length; i++) {
      shift += events[i][1];
      const hi = i + 1 < events.length ? events[i + 1][0] : Number.MAX_SAFE_INTEGER;
      if (hi > events[i][0] && shift !== 0) rows.push(`(${events[i][0]}, ${hi}, ${shift})`);
    }
    await exec(conn, 'CREATE OR REPLACE TEMP TABLE _shift (lo BIGINT, hi BIGINT, d BIGINT)');
    for (let i = 0; i < rows.length; i += 1000) await exec(conn, `INSERT INTO _shift VALUES ${rows.slice(i, i + 1000).join(', ')}`);
    await exec(
      conn,
      `UPDATE ${ds} SET _row = ${ds}._row + s.d FROM _shift s WHERE ${ds}._row > s.lo AND ${ds}._row <= s.hi; DROP TABLE _shift`
    );
  }
  if (retried) {
    const map = items.map((r) => located.byDuckLine.get(r.duckLine)).filter((p): p is RecordPlace => !!p && p.row !== null);
    await exec(conn, 'CREATE OR REPLACE TEMP TABLE _retry (duck BIGINT, r BIGINT)');
    for (let i = 0; i < map.length; i += 1000)
      await exec(
        conn,
        `INSERT INTO _retry VALUES ${map
          .slice(i, i + 1000)
          .map((p) => `(${p.duckLine}, ${p.row})`)
          .join(', ')}`
      );
    await exec(conn, `UPDATE ${ds} SET _row = t.r FROM _retry t WHERE ${ds}._row = -t.duck; DROP TABLE _retry`);
  }
}

function example(place: RecordPlace | undefined, text: string): RejectExample {
  return {
    line: place?.firstLine ?? null,
    lineEnd: place && place.lastLine > place.firstLine ? place.lastLine : null,
    row: place?.row ?? null,
    text: text.slice(0, 300)
  };
}

/** Reasons with counts and examples: the reader's structural rejects, then value rejects by column. */
async function rejectReasons(
  conn: SqlConnection,
  ds: string,
  src: DelimitedSource,
  columns: TypedColumn[],
  book: CodeBook,
  items: ReaderReject[],
  located: Located | null,
  valueRejects: boolean
): Promise<RejectReason[]> {
  const byReason = new Map<string, RejectReason>();
  for (const r of items.filter((x) => x.kind === 'structural')) {
    const reason = structuralReason(r.types, r.text);
    // A control character in a column the reader cast: that column is the one to name.
    const column = reason === 'control-character' ? (columns.find((c) => c.source + 1 === r.castColumns[0])?.header ?? null) : null;
    const key = `${reason}\u0000${column ?? ''}`;
    const entry = byReason.get(key) ?? { reason, column, count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < EXAMPLES) entry.examples.push(example(located?.byDuckLine.get(r.duckLine), r.text));
    byReason.set(key, entry);
  }
  const structural = [...byReason.values()].sort((a, b) => b.count - a.count);
  const read = byteReader(src.content);
  const values: RejectReason[] = [];
  if (!valueRejects) return structural;
  const bad = await all(
    conn,
    `SELECT _bad, count(*) AS n, array_to_string(list(_row ORDER BY _row)[1:${EXAMPLES}], ',') AS first
    FROM ${ds} WHERE _bad IS NOT NULL AND _bad <> ${book.code('blank-line', null)} GROUP BY _bad ORDER BY n DESC, _bad`
  );
  const byRow = new Map<number, RecordPlace>();
  for (const p of located?.byEmitted.values() ?? []) if (p.row !== null) byRow.set(p.row, p);
  for (const p of located?.byDuckLine.values() ?? []) if (p.row !== null) byRow.set(p.row, p);
  for (const b of bad) {
    const code = book.codes[Number(b._bad)];
    const rows = String(b.first ?? '')
      .split(',')
      .filter(Boolean)
      .map(Number);
    const examples: RejectExample[] = [];
    for (const row of rows) {
      const place = byRow.get(row);
      examples.push(place ? example(place, await recordText(read, place)) : { line: null, lineEnd: null, row, text: '' });
    }
    values.push({ reason: code.reason, column: code.column, count: Number(b.n), examples });
  }
  return [...structural, ...values];
}
