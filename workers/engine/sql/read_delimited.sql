-- The one pass over a delimited text file. Explicit column types (typed.ts picks DOUBLE, BOOLEAN,
-- or DATE with a dateformat, for columns whose sample is clean, VARCHAR otherwise), so a cell the
-- reader cannot cast rejects its record, with its line, into the rejects table: store_rejects
-- records only with explicit types (a sniffed schema would turn a bad value into a VARCHAR column).
-- The caller projects the rows straight into typed columns; nothing is stored as text first.
-- Placeholders are quoted by the caller (quoteIdent/quoteLiteral); nothing from the file is pasted raw.
read_csv(
  ${file},
  columns = ${columns},
  header = ${header},
  skip = ${skip},
  delim = ${delim},
  quote = ${quote},
  escape = ${quote},
  dateformat = ${dateformat},
  auto_detect = false,
  store_rejects = true,
  rejects_table = ${errors},
  rejects_scan = ${scan},
  max_line_size = 10000000
)
