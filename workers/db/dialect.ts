/**
 * The warehouse dialects of the scoring SQL. The SQL files are written in the common ground of
 * DuckDB and PostgreSQL (explicit casts, `extract`, no `//` or `GROUP BY ALL`, standard functions),
 * so the few differences left are here, each a rewrite of DuckDB text, tested one by one
 * (dialect.test.ts) and on a real PostgreSQL (tests/pg/). `bindValues` writes bound values into the
 * text, so an exported script runs as it is.
 */
import { quoteLiteral } from './sql.ts';

export type Dialect = 'duckdb' | 'postgres';
export const DIALECTS: readonly Dialect[] = ['duckdb', 'postgres'];

/** Index just past the parenthesis closing the one opened before `from` (strings skipped). */
function closing(sql: string, from: number): number {
  let depth = 1;
  for (let i = from; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") i = sql.indexOf("'", i + 1);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    if (i < 0) break;
  }
  throw new Error('SQL dialect: unbalanced parentheses');
}

/** Rewrites every call `name(args)` with `rewrite(args)`; arguments may nest calls. */
function rewriteCalls(sql: string, name: string, rewrite: (args: string) => string): string {
  const re = new RegExp(`\\b${name}\\(`, 'gi');
  let out = '';
  let at = 0;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    if (m.index < at) continue;
    const end = closing(sql, m.index + m[0].length);
    out += sql.slice(at, m.index) + rewrite(rewriteCalls(sql.slice(m.index + m[0].length, end - 1), name, rewrite));
    at = end;
  }
  return out + sql.slice(at);
}

/** Splits call arguments at top-level commas. */
function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "'") i = args.indexOf("'", i + 1);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  return [...parts, args.slice(start).trim()];
}

/** `arg_max(x, y) [FILTER (WHERE c)]` as PostgreSQL's `(array_agg(x ORDER BY y DESC) [FILTER …])[1]`. */
function argMax(sql: string): string {
  const re = /\barg_max\(/gi;
  let out = '';
  let at = 0;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    if (m.index < at) continue;
    const end = closing(sql, m.index + m[0].length);
    const [value, by] = splitArgs(sql.slice(m.index + m[0].length, end - 1));
    const filter = /^\s*FILTER\s*\(/i.exec(sql.slice(end));
    const last = filter ? closing(sql, end + filter[0].length) : end;
    out += `${sql.slice(at, m.index)}(array_agg(${value} ORDER BY ${by} DESC NULLS LAST)${sql.slice(end, last)})[1]`;
    at = last;
  }
  return out + sql.slice(at);
}

/** strftime formats the SQL uses, in PostgreSQL's to_char. */
const TO_CHAR: Record<string, string> = { "'%Y-%m'": "'YYYY-MM'", "'%Y-%m-%d'": "'YYYY-MM-DD'" };

/**
 * The PostgreSQL rewrites of DuckDB text, in order. Each names why PostgreSQL needs it.
 * Window order: DuckDB streams a window without ORDER BY in the table's stored order (the panel is
 * stored sorted once, so no rule sorts on a parameter edit); PostgreSQL guarantees no scan order,
 * so the SQL writes the order it relies on as a comment, `/*ORDER BY row_index*\/`, which becomes
 * the window's ORDER BY there.
 */
const POSTGRES: readonly { why: string; apply: (sql: string) => string }[] = [
  { why: 'window order made explicit', apply: (s) => s.replace(/\/\*\s*(ORDER BY [^*]+?)\s*\*\//g, '$1') },
  {
    why: 'text in code-point order, as DuckDB sorts it (a database default collation may not be)',
    apply: (s) => s.replace(/\/\*\s*COLLATE "C"\s*\*\//g, 'COLLATE "C"')
  },
  {
    why: 'no CREATE OR REPLACE TABLE; scratch tables are temporary',
    apply: (s) =>
      s.replace(/CREATE OR REPLACE (?:TEMP )?TABLE ("(?:[^"]|"")+"|\w+) AS/g, 'DROP TABLE IF EXISTS $1 CASCADE;\nCREATE TEMP TABLE $1 AS')
  },
  { why: 'DOUBLE is DOUBLE PRECISION', apply: (s) => s.replace(/\bDOUBLE\b(?! PRECISION)/g, 'DOUBLE PRECISION') },
  {
    why: 'any_value only from PostgreSQL 16: min (the SQL uses it where the value is one per group, or any)',
    apply: (s) => rewriteCalls(s, 'any_value', (a) => `min(${a})`)
  },
  {
    why: "date_diff('month', a, b) is the difference of year × 12 + month",
    apply: (s) =>
      rewriteCalls(s, 'date_diff', (a) => {
        const [unit, from, to] = splitArgs(a);
        if (unit.toLowerCase() !== "'month'") throw new Error(`SQL dialect: no PostgreSQL date_diff for ${unit}`);
        const part = (p: string) => `extract(${p} FROM ${to}) - extract(${p} FROM ${from})`;
        return `CAST((${part('year')}) * 12 + ${part('month')} AS INTEGER)`;
      })
  },
  {
    why: 'to_months is make_interval',
    apply: (s) => rewriteCalls(s, 'to_months', (a) => `make_interval(months => CAST(${a} AS INTEGER))`)
  },
  { why: 'an interval literal is quoted', apply: (s) => s.replace(/\bINTERVAL (\d+) (MONTH|DAY|YEAR)S?\b/gi, "INTERVAL '$1 $2'") },
  {
    why: 'regexp_full_match is an anchored ~',
    apply: (s) =>
      rewriteCalls(s, 'regexp_full_match', (a) => {
        const [value, pattern] = splitArgs(a);
        if (!/^'.*'$/.test(pattern)) throw new Error('SQL dialect: regexp_full_match needs a literal pattern');
        return `(${value} ~ '^(?:${pattern.slice(1, -1)})$')`;
      })
  },
  { why: 'arg_max is the first of an ordered array_agg', apply: argMax },
  {
    why: 'list_contains(string_split(…)) is = ANY(string_to_array(…))',
    apply: (s) =>
      rewriteCalls(s, 'list_contains', (a) => {
        const [list, item] = splitArgs(a);
        const split = /^string_split\(([\s\S]*)\)$/i.exec(list);
        if (!split) throw new Error('SQL dialect: list_contains needs a string_split list');
        return `(${item} = ANY(string_to_array(${split[1]})))`;
      })
  },
  {
    why: 'strftime is to_char',
    apply: (s) =>
      rewriteCalls(s, 'strftime', (a) => {
        const [value, format] = splitArgs(a);
        if (!TO_CHAR[format]) throw new Error(`SQL dialect: no PostgreSQL format for strftime ${format}`);
        return `to_char(${value}, ${TO_CHAR[format]})`;
      })
  }
];

/** DuckDB SQL in the given dialect. DuckDB's own text comes back unchanged. */
export function toDialect(sql: string, dialect: Dialect): string {
  if (dialect === 'duckdb') return sql;
  return POSTGRES.reduce((s, r) => r.apply(s), sql);
}

/** A value as a literal of the type DuckDB-WASM binds it as (numbers are DOUBLE). */
export function literal(value: unknown): string {
  if (value == null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`SQL literal: ${value} is not finite`);
    return `CAST(${value} AS DOUBLE)`;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoteLiteral(String(value));
}

/**
 * The statement with its bound values written in: `$n` by the n-th value, `?` by the next one.
 * Comments and string literals are left as they are (comments name parameters as `$1`, …).
 */
export function bindValues(sql: string, params: readonly unknown[]): string {
  const token = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)|\?/g;
  let next = 0;
  return sql.replace(token, (whole, n: string | undefined) => {
    if (whole !== '?' && n === undefined) return whole;
    const at = n === undefined ? next++ : Number(n) - 1;
    if (at >= params.length) throw new Error(`SQL: no value bound for ${n === undefined ? `? number ${at + 1}` : whole}`);
    return literal(params[at]);
  });
}
