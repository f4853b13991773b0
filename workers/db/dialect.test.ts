import { describe, expect, it } from 'vitest';
import { bindValues, literal, toDialect } from './dialect.ts';

describe('toDialect', () => {
  // [what, DuckDB text, PostgreSQL text]
  const cases: [string, string, string][] = [
    [
      'window order comment becomes ORDER BY',
      'max(x) OVER (/*ORDER BY b.row_index*/ ROWS UNBOUNDED PRECEDING)',
      'max(x) OVER (ORDER BY b.row_index ROWS UNBOUNDED PRECEDING)'
    ],
    ['code-point order of text', 'ORDER BY v DESC, customer_id /*COLLATE "C"*/', 'ORDER BY v DESC, customer_id COLLATE "C"'],
    ['empty window with an order', 'WINDOW w AS (/*ORDER BY s.customer_id, s.month*/)', 'WINDOW w AS (ORDER BY s.customer_id, s.month)'],
    ['other comments stay', '/* a note */ SELECT 1 -- ORDER BY x', '/* a note */ SELECT 1 -- ORDER BY x'],
    [
      'replaced table',
      'CREATE OR REPLACE TABLE "clm_stages" AS SELECT 1',
      'DROP TABLE IF EXISTS "clm_stages" CASCADE;\nCREATE TEMP TABLE "clm_stages" AS SELECT 1'
    ],
    [
      'replaced temp table',
      'CREATE OR REPLACE TEMP TABLE t AS SELECT 1',
      'DROP TABLE IF EXISTS t CASCADE;\nCREATE TEMP TABLE t AS SELECT 1'
    ],
    ['a temp view is the same', 'CREATE OR REPLACE TEMP VIEW v AS SELECT 1', 'CREATE OR REPLACE TEMP VIEW v AS SELECT 1'],
    ['DOUBLE', 'CAST(NULL AS DOUBLE), CAST(x AS DOUBLE PRECISION)', 'CAST(NULL AS DOUBLE PRECISION), CAST(x AS DOUBLE PRECISION)'],
    ['DOUBLE in a name is not a type', 'SELECT double_x, DOUBLE_Y', 'SELECT double_x, DOUBLE_Y'],
    ['any_value, nested', 'CAST(any_value(coalesce(a, b)) AS VARCHAR)', 'CAST(min(coalesce(a, b)) AS VARCHAR)'],
    [
      'strftime, nested calls and strings',
      "strftime((SELECT min(month) FROM r) + INTERVAL '1 month' * c.k, '%Y-%m')",
      "to_char((SELECT min(month) FROM r) + INTERVAL '1 month' * c.k, 'YYYY-MM')"
    ],
    ['strftime day', "strftime(d, '%Y-%m-%d')", "to_char(d, 'YYYY-MM-DD')"],
    [
      'date_diff in months',
      "date_diff('month', month, '2024-06-01'::DATE) AS lag",
      "CAST((extract(year FROM '2024-06-01'::DATE) - extract(year FROM month)) * 12 + extract(month FROM '2024-06-01'::DATE) - extract(month FROM month) AS INTEGER) AS lag"
    ],
    ['to_months', 'd - to_months(greatest(11, n + 2))', 'd - make_interval(months => CAST(greatest(11, n + 2) AS INTEGER))'],
    ['interval literal', "d + INTERVAL 3 MONTH, d - INTERVAL '1 month'", "d + INTERVAL '3 MONTH', d - INTERVAL '1 month'"],
    [
      'regexp_full_match',
      "regexp_full_match(CAST(id AS VARCHAR), '(\\+?86)?188[0-9]{8}')",
      "(CAST(id AS VARCHAR) ~ '^(?:(\\+?86)?188[0-9]{8})$')"
    ],
    [
      'list_contains of a split string',
      "coalesce(list_contains(string_split(CAST('a' AS VARCHAR), chr(31)), stage), false)",
      "coalesce((stage = ANY(string_to_array(CAST('a' AS VARCHAR), chr(31)))), false)"
    ],
    [
      'arg_max with its filter',
      'arg_max(brand, lag) FILTER (WHERE lag BETWEEN 1 AND 6) AS b, arg_max(x, y) AS c',
      '(array_agg(brand ORDER BY lag DESC NULLS LAST) FILTER (WHERE lag BETWEEN 1 AND 6))[1] AS b, (array_agg(x ORDER BY y DESC NULLS LAST))[1] AS c'
    ],
    [
      'common ground is unchanged',
      'SELECT extract(year FROM m), count(*) FILTER (WHERE x > 0), CAST(a AS BIGINT) FROM t GROUP BY 1',
      'SELECT extract(year FROM m), count(*) FILTER (WHERE x > 0), CAST(a AS BIGINT) FROM t GROUP BY 1'
    ]
  ];
  it.each(cases)('%s', (_, duck, pg) => {
    expect(toDialect(duck, 'postgres')).toBe(pg);
    expect(toDialect(duck, 'duckdb')).toBe(duck);
  });

  it('refuses a strftime format it cannot translate', () => {
    expect(() => toDialect("strftime(d, '%H')", 'postgres')).toThrow(/no PostgreSQL format/);
  });
});

describe('bindValues', () => {
  const cases: [string, string, unknown[], string][] = [
    ['numbered, as DuckDB-WASM binds a number (DOUBLE)', 'SELECT $2 + $1', [1, 0.15], 'SELECT CAST(0.15 AS DOUBLE) + CAST(1 AS DOUBLE)'],
    ['question marks in order', 'WHERE a = ? AND b = ?', ["it's", true], "WHERE a = 'it''s' AND b = true"],
    ['null', 'SELECT ?', [null], 'SELECT NULL'],
    [
      'comments and strings keep their $n and ?',
      '-- $1 N, is it?\nSELECT \'$1?\', "a?" /* $2 */, $1',
      [3],
      '-- $1 N, is it?\nSELECT \'$1?\', "a?" /* $2 */, CAST(3 AS DOUBLE)'
    ],
    ['a quote inside a string', "SELECT 'a''$1', $1", [2], "SELECT 'a''$1', CAST(2 AS DOUBLE)"]
  ];
  it.each(cases)('%s', (_, sql, params, out) => expect(bindValues(sql, params)).toBe(out));

  it('names a value that is missing', () => {
    expect(() => bindValues('SELECT $3', [1])).toThrow(/\$3/);
    expect(() => bindValues('SELECT ?, ?', [1])).toThrow(/number 2/);
  });

  it('refuses a number that is not finite', () => {
    expect(() => literal(Number.NaN)).toThrow(/not finite/);
  });
});
