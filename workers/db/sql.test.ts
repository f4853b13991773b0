// The quoting seam (quoteIdent, quoteLiteral, template), table-driven, checked against DuckDB
// itself: whatever a user's file names a column, or whatever text reaches a literal, comes back
// from the database unchanged, and a template never lets a value become SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from './node.ts';
import { all, exec, quoteIdent, quoteLiteral, template, type SqlConnection } from './sql.ts';

let conn: SqlConnection;
beforeAll(async () => {
  conn = (await openNodeDb()).conn;
});

/** Text a CSV header or cell may hold. */
const TEXTS: { name: string; text: string }[] = [
  { name: 'plain', text: 'revenue' },
  { name: 'double quote', text: 'say "hi"' },
  { name: 'only double quotes', text: '""' },
  { name: 'single quote', text: "O'Brien" },
  { name: 'both quotes and a semicolon', text: `a'; DROP TABLE x; --"` },
  { name: 'Chinese', text: '出账收入（元）' },
  { name: 'emoji and combining marks', text: '👍🏽 é' },
  { name: 'full-width', text: 'ＡＲＰＵ' },
  { name: 'template syntax', text: '${table}' },
  { name: 'backslash and newline', text: 'a\\b\nc' },
  { name: 'leading and trailing spaces', text: '  x  ' },
  { name: 'SQL keyword', text: 'select' }
];

describe('quoteIdent: any header is a column name DuckDB gives back unchanged', () => {
  it.each(TEXTS)('$name', async ({ text }) => {
    await exec(conn, `CREATE OR REPLACE TABLE q (${quoteIdent(text)} INTEGER)`);
    const rows = await all(conn, `SELECT column_name FROM duckdb_columns() WHERE table_name = 'q'`);
    expect(rows.map((r) => r.column_name)).toEqual([text]);
    expect(await all(conn, `SELECT ${quoteIdent(text)} FROM q`)).toEqual([]);
  });
  it.each([
    { name: 'a"b', quoted: '"a""b"' },
    { name: '', quoted: '""' }
  ])('$name → $quoted', ({ name, quoted }) => expect(quoteIdent(name)).toBe(quoted));
});

describe('quoteLiteral: any text is a string DuckDB gives back unchanged', () => {
  it.each(TEXTS)('$name', async ({ text }) => {
    expect(await all(conn, `SELECT ${quoteLiteral(text)} AS v`)).toEqual([{ v: text }]);
  });
  it("doubles single quotes: it'' s", () => expect(quoteLiteral("it's")).toBe("'it''s'"));
});

describe('NUL cannot be quoted: it is refused, never truncated', () => {
  it.each([
    { what: 'identifier', quote: quoteIdent },
    { what: 'literal', quote: quoteLiteral }
  ])('$what', ({ quote }) => {
    expect(() => quote('a\u0000b')).toThrow(/NUL/);
  });
});

describe('template: placeholders filled once, values never re-read as SQL', () => {
  it.each<{ name: string; sql: string; parts: Record<string, string | number>; out?: string; error?: RegExp }>([
    {
      name: 'fills every placeholder',
      sql: 'SELECT ${a} FROM ${t} WHERE ${a} > ${n}',
      parts: { a: '"x"', t: '"t"', n: 3 },
      out: 'SELECT "x" FROM "t" WHERE "x" > 3'
    },
    { name: 'a value holding ${…} stays text', sql: 'SELECT ${a}', parts: { a: quoteLiteral('${b}'), b: 'DROP' }, out: "SELECT '${b}'" },
    { name: 'a value holding $1 stays text', sql: 'SELECT ${a}', parts: { a: quoteLiteral('$1 $&') }, out: "SELECT '$1 $&'" },
    { name: 'unused parts are fine', sql: 'SELECT 1', parts: { a: 'x' }, out: 'SELECT 1' },
    { name: 'a missing key is an error', sql: 'SELECT ${a}, ${b}', parts: { a: '1' }, error: /no value for \$\{b\}/ },
    { name: 'NaN is an error', sql: 'SELECT ${n}', parts: { n: NaN }, error: /not finite/ },
    { name: 'Infinity is an error', sql: 'SELECT ${n}', parts: { n: -Infinity }, error: /not finite/ },
    { name: 'a key from the prototype is missing', sql: 'SELECT ${constructor}', parts: {}, error: /no value/ }
  ])('$name', ({ sql, parts, out, error }) => {
    if (error) expect(() => template(sql, parts)).toThrow(error);
    else expect(template(sql, parts)).toBe(out);
  });
});
