-- Whitespace-separated text (e.g. CDNOW): DuckDB cannot take a run of spaces as a delimiter, so read
-- physical lines (line numbers are exact: no quoting in this format) and split on whitespace.
-- Blank lines are counted, not loaded; lines with the wrong number of fields become rejects.
CREATE OR REPLACE TEMP TABLE ${lines} AS
SELECT row_number() OVER () AS _line, line,
       string_split_regex(trim(line, ' ' || chr(9) || chr(13) || chr(12288)), '[\s\x{3000}]+') AS fields
FROM read_csv(${file}, columns = {'line': 'VARCHAR'}, header = false, delim = chr(1),
              quote = '', escape = '', auto_detect = false, max_line_size = 10000000);
