/**
 * Whitespace-separated text (e.g. CDNOW): DuckDB cannot take a run of spaces as a delimiter, so the
 * file is read as physical lines (raw_lines.sql; no quoting in this format, so line numbers are
 * exact) and split on white space, then projected into typed columns like a delimited file. Blank
 * lines are counted, not loaded; lines with the wrong number of fields are rejected.
 */
import type { RejectReason } from '../contract.ts';
import { all, exec, one, quoteIdent, quoteLiteral, template, type SqlConnection } from '../db/sql.ts';
import { CodeBook, projectionSql, type TypedColumn } from '../engine/typed.ts';
import type { ReadOutcome } from './read.ts';
import { checkTextColumns, settleGenericNumbers } from './textColumns.ts';
import rawLinesSql from '../engine/sql/raw_lines.sql?raw';

const EXAMPLES = 5;
const BLANK = `nullif(trim(line, ' ' || chr(9) || chr(13) || chr(12288)), '') IS NULL`;

export async function readWhitespace(
  conn: SqlConnection,
  id: string,
  file: string,
  width: number,
  hasHeader: boolean,
  cols: TypedColumn[]
): Promise<ReadOutcome> {
  const ds = quoteIdent(`ds_${id}`);
  const lines = quoteIdent(`lines_${id}`);
  const book = new CodeBook();
  await exec(conn, template(rawLinesSql, { lines, file: quoteLiteral(file) }));
  const first = hasHeader ? Number((await one(conn, `SELECT coalesce(min(_line), 0) AS l FROM ${lines} WHERE NOT (${BLANK})`))!.l) : 0;
  // Data lines (blank ones left out) numbered as data rows; those with the right field count are read.
  await exec(
    conn,
    `CREATE OR REPLACE TEMP TABLE _data_lines AS
    SELECT row_number() OVER (ORDER BY _line) AS _n, _line, fields FROM ${lines} WHERE _line > ${first} AND NOT (${BLANK})`
  );
  const reads = cols.map((c) => ({ col: c, readAs: 'VARCHAR' as const, src: `fields[${c.source + 1}]` }));
  await exec(
    conn,
    `CREATE OR REPLACE TABLE ${ds} AS ${projectionSql(reads, book, `_data_lines WHERE len(fields) = ${width}`, '_n', { carry: ['_line'] })}`
  );
  const columns = await settleGenericNumbers(conn, ds, reads);
  await checkTextColumns(conn, ds, columns, book, '\n');

  const reasons: RejectReason[] = [];
  const wrong = await all(
    conn,
    `SELECT _n, _line, line FROM _data_lines d JOIN ${lines} USING (_line) WHERE len(d.fields) <> ${width} ORDER BY _line`
  );
  if (wrong.length) {
    const count = Number((await one(conn, `SELECT count(*) AS n FROM _data_lines WHERE len(fields) <> ${width}`))!.n);
    reasons.push({
      reason: 'wrong-field-count',
      column: null,
      count,
      examples: wrong
        .slice(0, EXAMPLES)
        .map((r) => ({ line: Number(r._line), lineEnd: null, row: Number(r._n), text: String(r.line).slice(0, 300) }))
    });
  }
  const bad = await all(
    conn,
    `SELECT _bad, count(*) AS n, array_to_string(list(_line ORDER BY _line)[1:${EXAMPLES}], ',') AS first
    FROM ${ds} WHERE _bad IS NOT NULL GROUP BY _bad ORDER BY n DESC, _bad`
  );
  for (const b of bad) {
    const code = book.codes[Number(b._bad)];
    const at = String(b.first).split(',').map(Number);
    const ex = await all(
      conn,
      `SELECT d._n, l._line, l.line FROM ${lines} l JOIN _data_lines d USING (_line) WHERE l._line IN (${at.join(', ')}) ORDER BY l._line`
    );
    reasons.push({
      reason: code.reason,
      column: code.column,
      count: Number(b.n),
      examples: ex.map((r) => ({ line: Number(r._line), lineEnd: null, row: Number(r._n), text: String(r.line).slice(0, 300) }))
    });
  }
  const blank = Number((await one(conn, `SELECT count(*) AS n FROM ${lines} WHERE _line > ${first} AND ${BLANK}`))!.n);
  const records = Number((await one(conn, 'SELECT count(*) AS n FROM _data_lines'))!.n);
  await exec(
    conn,
    `DELETE FROM ${ds} WHERE _bad IS NOT NULL; ALTER TABLE ${ds} DROP COLUMN _bad; ALTER TABLE ${ds} DROP COLUMN _line;
    DROP TABLE _data_lines; DROP TABLE ${lines}`
  );
  const loaded = Number((await one(conn, `SELECT count(*) AS n FROM ${ds}`))!.n);
  return {
    columns,
    reasons,
    loaded,
    rejected: records - loaded,
    blankLines: blank,
    dataLines: records,
    multiLineRecords: 0,
    undecodable: []
  };
}
