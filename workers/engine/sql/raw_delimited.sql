-- Structural load of a delimited text file: every cell as VARCHAR, so the only rejects here are
-- structural (wrong number of fields, unterminated quotes); value checks happen in typed.sql.
-- store_rejects needs explicit column types (a sniffed schema would turn bad values into VARCHAR).
-- Placeholders are quoted by the caller (quoteIdent/quoteLiteral); nothing from the file is pasted raw.
CREATE OR REPLACE TABLE ${raw} AS
SELECT row_number() OVER () AS _row, *
FROM read_csv(
  ${file},
  columns = ${columns},
  header = ${header},
  delim = ${delim},
  quote = ${quote},
  escape = ${quote},
  auto_detect = false,
  store_rejects = true,
  rejects_table = ${rejectsTable},
  rejects_scan = ${rejectsScan},
  max_line_size = 10000000
);
