/**
 * Text columns (ids, categories, free text) are loaded as read and checked afterwards on their
 * DISTINCT values, which are far fewer than their cells: a value padded with spaces or written as
 * a missing-value marker in another spelling is fixed with clm_text (the rule every column follows),
 * a value holding a NUL byte, a stray carriage return (read.ts's retry replaces it by U+001A) or
 * bytes the encoding could not decode (U+FFFD) rejects its rows, and values with line breaks (quoted
 * fields of several lines) tell that the file has records spanning lines.
 */
import { all, exec, quoteIdent, type SqlConnection } from '../db/sql.ts';
import type { CodeBook, ColumnRead, TypedColumn } from '../engine/typed.ts';

const MARKERS = `('null', 'na', 'n/a', '#n/a', 'nan', 'none', '\\n', '-', '--', '—', '–')`;

/** Columns whose values are stored as text. */
const isText = (c: TypedColumn) => c.kind === 'id' || c.kind === 'category' || c.kind === 'text';

/** A generic number column read as text, which settleGenericNumbers types once it has seen every value. */
export const unsettledNumber = (r: ColumnRead) => r.col.role === 'number' && r.readAs === 'VARCHAR';

/**
 * A generic number column read as text becomes DOUBLE when every value is a number (blank values
 * are allowed), else it stays a text column. Returns the columns with their final kind.
 */
export async function settleGenericNumbers(conn: SqlConnection, ds: string, reads: ColumnRead[]): Promise<TypedColumn[]> {
  const generic = reads.filter(unsettledNumber).map((r) => r.col);
  const out = new Map(reads.map((r) => [r.col.source, r.col]));
  if (generic.length) {
    const row = (
      await all(
        conn,
        `SELECT ${generic.map((c, i) => `(SELECT bool_and(clm_number_ok(v)) FROM (SELECT DISTINCT ${quoteIdent(c.name)} AS v FROM ${ds})) AS n${i}`).join(', ')}`
      )
    )[0];
    for (const [i, c] of generic.entries()) {
      if (row[`n${i}`] === false) out.set(c.source, { ...c, kind: 'text' });
      else await exec(conn, `ALTER TABLE ${ds} ALTER ${quoteIdent(c.name)} SET DATA TYPE DOUBLE USING clm_number(${quoteIdent(c.name)})`);
    }
  }
  return [...out.values()].sort((a, b) => a.source - b.source);
}

/**
 * Checks and fixes the text columns of `ds`. Rows of a rejected value get `_bad` (first reason
 * wins); returns whether any value spans several lines, whether a customer id was changed and
 * whether anything was.
 * `customers`: a table holding each customer id once (the overview's per-customer table, built
 * from `ds` just before), read instead of grouping `ds` by customer a second time.
 */
export async function checkTextColumns(
  conn: SqlConnection,
  ds: string,
  columns: TypedColumn[],
  book: CodeBook,
  newline: '\n' | '\r',
  customers?: string
): Promise<{ multiLine: boolean; customerIdsChanged: boolean; changed: boolean }> {
  const text = columns.filter(isText);
  if (text.length === 0) return { multiLine: false, customerIdsChanged: false, changed: false };
  const nl = newline === '\r' ? 'chr(13)' : 'chr(10)';
  // One query, a branch per column, in batches so a file of a thousand columns stays a few queries.
  // Category columns (few values each) are taken together: one DISTINCT over their combinations is
  // cheaper in DuckDB-WASM than one per column; ids and free text get a GROUP BY each.
  let multiLine = false;
  let customerIdsChanged = false;
  let changed = false;
  for (let from = 0; from < text.length; from += 50) {
    const batch = text.slice(from, from + 50);
    const categories = batch.filter((c) => c.kind === 'category');
    if (categories.length)
      await exec(
        conn,
        `CREATE OR REPLACE TEMP TABLE _combos AS SELECT DISTINCT ${categories.map((c) => quoteIdent(c.name)).join(', ')} FROM ${ds}`
      );
    const branches = batch.map((c, i) => {
      const col = quoteIdent(c.name);
      const values =
        c.kind === 'category'
          ? `SELECT DISTINCT ${col} AS v FROM _combos`
          : customers && c.role === 'customerId'
            ? `SELECT customer_id AS v FROM ${customers}`
            : `SELECT ${col} AS v FROM ${ds} GROUP BY ${col}`;
      return `SELECT ${from + i} AS k, v FROM (${values}) WHERE v IS NOT NULL
      AND (clm_edges_dirty(v) OR (length(v) <= 4 AND lower(v) IN ${MARKERS}) OR contains(v, chr(0)) OR contains(v, chr(26))
           OR contains(v, chr(65533)) OR contains(v, ${nl}))`;
    });
    await exec(
      conn,
      `CREATE OR REPLACE TEMP TABLE _dirty AS SELECT k, v,
        contains(v, chr(0)) OR contains(v, chr(26)) AS control, contains(v, chr(65533)) AS undecodable, contains(v, ${nl}) AS multi
      FROM (${branches.join('\nUNION ALL\n')})`
    );
    if (categories.length) await exec(conn, 'DROP TABLE _combos');
    const found = await all(
      conn,
      'SELECT k, bool_or(control) AS control, bool_or(undecodable) AS undecodable, bool_or(multi) AS multi, count(*) AS n FROM _dirty GROUP BY k'
    );
    for (const f of found) {
      const c = text[Number(f.k)];
      const col = quoteIdent(c.name);
      const values = `(SELECT v FROM _dirty WHERE k = ${Number(f.k)} AND NOT control AND NOT undecodable)`;
      if (f.control)
        await exec(
          conn,
          `UPDATE ${ds} SET _bad = ${book.code('control-character', c.header)} WHERE _bad IS NULL AND ${col} IN (SELECT v FROM _dirty WHERE k = ${Number(f.k)} AND control)`
        );
      if (f.undecodable)
        await exec(
          conn,
          `UPDATE ${ds} SET _bad = ${book.code('invalid-encoding', c.header)} WHERE _bad IS NULL AND ${col} IN (SELECT v FROM _dirty WHERE k = ${Number(f.k)} AND undecodable AND NOT control)`
        );
      if (f.multi) multiLine = true;
      if (c.role === 'customerId') customerIdsChanged = true;
      changed = true;
      await exec(conn, `UPDATE ${ds} SET ${col} = clm_text(${col}) WHERE ${col} IN ${values}`);
      if (c.kind === 'id')
        await exec(conn, `UPDATE ${ds} SET _bad = ${book.code('missing-customer-id', c.header)} WHERE _bad IS NULL AND ${col} IS NULL`);
    }
    await exec(conn, 'DROP TABLE _dirty');
  }
  return { multiLine, customerIdsChanged, changed };
}
