-- Cell parsers for ingest: raw VARCHAR cells from a user's file → typed values.
-- Run once per connection (the browser imports this file with `?raw`; vitest reads it from disk).
-- Every parser returns NULL for a blank cell AND for a cell it cannot read; its `_ok` twin tells
-- the two apart (true for blank or readable), so the loader can load blanks as NULL and reject
-- unreadable cells with a reason. With the value already computed, `clm_is_blank(s) OR v IS NOT NULL`
-- is the same test as `clm_*_ok(s)` without parsing twice.
--
-- Blank = NULL, empty, only white space (incl. U+3000 ideographic space, NBSP, BOM, thin spaces)
-- or a missing-value marker written by spreadsheets and data tools, case-insensitive:
-- NULL, NA, N/A, #N/A, NaN, None, \N, -, --, — (em dash), – (en dash). The list follows pandas'
-- read_csv na_values (pandas.pydata.org, "NA and missing data handling") plus the dashes that
-- Chinese reports use for "no value". Text cells follow the same rule, so a region written "NA"
-- is read as missing; that is the price of one consistent rule across all columns.
--
-- Speed: these run over millions of rows in a single-threaded wasm engine. Each parser first tries
-- the cheap common case (a plain try_cast, an 8-digit date) and only falls back to regular
-- expressions for the rest; DuckDB evaluates a CASE branch only for the rows that reach it.
-- A macro argument is pasted wherever the body names it, so a cleaned value used ten times would be
-- cleaned ten times (26 µs instead of 0.5 µs per cell, measured). `list_transform([x], lambda v: …)[1]`
-- binds the value once (this file's `let`) but costs ~1 µs a cell, so it is kept for "dirty" cells
-- (padded with spaces, full-width digits, currency); clean cells are parsed straight from `s`.

-- White space at both ends, including the non-ASCII spaces Excel and Chinese IMEs leave behind.
CREATE OR REPLACE MACRO clm_trim(s) AS
  regexp_replace(s, '^[\s\x{A0}\x{3000}\x{FEFF}\x{2009}\x{202F}]+|[\s\x{A0}\x{3000}\x{FEFF}\x{2009}\x{202F}]+$', '', 'g');

-- Blank test on an already trimmed value; markers are at most 4 characters, so longer text skips lower().
CREATE OR REPLACE MACRO clm_blank_trimmed(t) AS
  t IS NULL OR t = '' OR (length(t) <= 4 AND lower(t) IN ('null', 'na', 'n/a', '#n/a', 'nan', 'none', '\n', '-', '--', '—', '–'));

-- Full-width digits and number punctuation (１２３．５, －, ％, ：, ／) and U+2212 minus → ASCII. translate()
-- costs ~4 µs a cell, so it runs only on cells that hold such characters (strlen counts bytes,
-- length characters: equal means pure ASCII). t is named three times: pass a cheap expression.
CREATE OR REPLACE MACRO clm_ascii_digits(t) AS
  CASE
    WHEN strlen(t) = length(t) OR NOT regexp_matches(t, '[\x{FF05}-\x{FF1A}\x{2212}]') THEN t
    ELSE translate(t, '％（）＋，－．／０１２３４５６７８９：−', '%()+,-./0123456789:-')
  END;

-- No white space at either end (cheap: two code points), so trimming can be skipped. False for NULL and ''.
CREATE OR REPLACE MACRO clm_edges_clean(s) AS
  ascii(s) > 32 AND ascii(s) NOT IN (160, 12288, 65279, 8201, 8239)
  AND ascii(s[-1]) > 32 AND ascii(s[-1]) NOT IN (160, 12288, 65279, 8201, 8239);

-- The same test negated, for checking many distinct values at once (textColumns.ts): one regular
-- expression costs less there than reading the last character of each value (s[-1] walks the string).
CREATE OR REPLACE MACRO clm_edges_dirty(s) AS
  s = '' OR regexp_matches(s, '^[\x00-\x20\x{a0}\x{3000}\x{feff}\x{2009}\x{202f}]|[\x00-\x20\x{a0}\x{3000}\x{feff}\x{2009}\x{202f}]$');

CREATE OR REPLACE MACRO clm_is_blank(s) AS
  CASE WHEN clm_edges_clean(s) THEN clm_blank_trimmed(s)
  ELSE list_transform([clm_trim(s)], lambda t: clm_blank_trimmed(t))[1] END;

-- Text (ids, categories): trimmed, NULL when blank. Inner white space and case are kept.
CREATE OR REPLACE MACRO clm_text(s) AS
  CASE
    WHEN clm_edges_clean(s) THEN CASE WHEN clm_blank_trimmed(s) THEN NULL ELSE s END
    ELSE list_transform([clm_trim(s)], lambda t: CASE WHEN clm_blank_trimmed(t) THEN NULL ELSE t END)[1]
  END;

-- Numbers ------------------------------------------------------------------------------------
-- Accepted: 1234.5, -3, 1e5, 1,234.5 and 1 234 (thousands), 1.234,5 and 12,5 (decimal comma,
-- only where the comma cannot be a thousands separator), currency ¥ ￥ $ € £ RMB CNY USD 元 anywhere,
-- 12.5% → 0.125, (12.00) → -12, full-width digits and signs (１２３．５, －, ％), U+2212 minus.
-- Rejected: words, two numbers, infinities, unbalanced parentheses.

-- c: no spaces, no currency, no sign brackets or percent, ASCII digits; handles separators.
CREATE OR REPLACE MACRO clm_finite(v) AS CASE WHEN isfinite(v) THEN v END;
CREATE OR REPLACE MACRO clm_number_plain(c) AS
  CASE
    WHEN NOT contains(c, ',') THEN clm_finite(try_cast(c AS DOUBLE))
    WHEN regexp_full_match(c, '[+-]?\d{1,3}(,\d{3})+(\.\d*)?') THEN clm_finite(try_cast(replace(c, ',', '') AS DOUBLE))
    WHEN regexp_full_match(c, '[+-]?\d+(\.\d{3})*,\d+') THEN clm_finite(try_cast(replace(replace(c, '.', ''), ',', '.') AS DOUBLE))
  END;

-- c: cleaned (no currency, no spaces). `(…)` negates, a trailing `%` divides by 100.
CREATE OR REPLACE MACRO clm_number_signed(c) AS
  CASE
    WHEN starts_with(c, '(') <> ends_with(c, ')') THEN NULL
    WHEN starts_with(c, '(') THEN
      -CASE WHEN c[-2] = '%' THEN clm_number_plain(c[2:-3]) / 100 ELSE clm_number_plain(c[2:-2]) END
    WHEN ends_with(c, '%') THEN clm_number_plain(c[1:-2]) / 100
    ELSE clm_number_plain(c)
  END;

-- s: not a plain number and not blank. Full-width → ASCII, currency and inner spaces removed.
CREATE OR REPLACE MACRO clm_number_slow(s) AS list_transform(
  [regexp_replace(clm_ascii_digits(clm_trim(s)), '(?i)rmb|cny|usd|元|[¥￥$€£\s\x{A0}\x{3000}\x{2009}\x{202F}]', '', 'g')],
  lambda c: clm_number_signed(c))[1];

CREATE OR REPLACE MACRO clm_number(s) AS
  CASE
    WHEN isfinite(try_cast(s AS DOUBLE)) THEN try_cast(s AS DOUBLE)
    WHEN contains(s, ',') AND regexp_full_match(s, '[+-]?\d{1,3}(,\d{3})+(\.\d+)?') THEN try_cast(replace(s, ',', '') AS DOUBLE)
    WHEN ends_with(s, '%') AND isfinite(try_cast(s[1:-2] AS DOUBLE)) THEN try_cast(s[1:-2] AS DOUBLE) / 100
    WHEN s[1] IN ('¥', '￥', '$', '€', '£') AND regexp_full_match(s[2:], '\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?')
      THEN try_cast(replace(s[2:], ',', '') AS DOUBLE)
    WHEN clm_is_blank(s) THEN NULL
    ELSE clm_number_slow(s)
  END;

CREATE OR REPLACE MACRO clm_number_ok(s) AS clm_is_blank(s) OR clm_number(s) IS NOT NULL;

-- Dates and months ---------------------------------------------------------------------------
-- Day level: 20240115, 2024-01-15, 2024/1/15, 2024.1.15, 2024年1月15日 (or 号), optionally followed
-- by a time (2024-01-15 10:00:00, 2024-01-15T10:00:00Z, +08:00: the written date is kept, not
-- shifted to UTC), and Excel serial day numbers: a plain 5-digit integer from 20000 to 79999
-- (1954-10-03 … 2118-09-17) counts from 1899-12-30, Excel's day 0 once its fictitious 1900-02-29
-- is skipped (45306 → 2024-01-15). Month level: 202401, 2024-01, 2024/1, 2024.01, 2024年1月,
-- Jan 2024, January 2024. Years 1900–2099 only: other 4-digit numbers are not dates here.
-- A month-level value read as a date is the first of the month; clm_month truncates days.
-- Not accepted: 01/15/2024 and 15/01/2024 (month and day order is ambiguous; guessing it per row
-- would silently mix them), two-digit years, 2024-1 quarter or week notations.
-- A number stored as float by a tool (202401.0, 20240115.0) is read as the integer.

-- i: digits only (a float's `.0` already dropped: 202401.0).
CREATE OR REPLACE MACRO clm_date_of_int(i) AS
  CASE
    WHEN length(i) = 8 AND regexp_full_match(i, '(19|20)\d{6}') THEN try_strptime(i, '%Y%m%d')::DATE
    WHEN length(i) = 6 AND regexp_full_match(i, '(19|20)\d\d(0[1-9]|1[0-2])') THEN make_date(i[1:4]::INT, i[5:6]::INT, 1)
    WHEN length(i) = 5 AND regexp_full_match(i, '[2-7]\d{4}') THEN DATE '1899-12-30' + i::INT
  END;

-- t: trimmed, ASCII digits, not blank; a column or lambda variable (it is named many times below).
CREATE OR REPLACE MACRO clm_date_of(t) AS
  CASE
    WHEN regexp_full_match(t, '\d{5,8}') THEN clm_date_of_int(t)
    WHEN regexp_full_match(t, '(19|20)\d\d[-/.](0?[1-9]|1[0-2])[-/.]\d{1,2}([ T]\d.*)?') THEN
      try_cast(regexp_replace(t, '^(\d{4})[-/.](\d{1,2})[-/.]', '\1-\2-') AS TIMESTAMP)::DATE
    WHEN regexp_full_match(t, '(19|20)\d\d\s*[-/.年]\s*(0?[1-9]|1[0-2])\s*月?') THEN
      make_date(t[1:4]::INT, regexp_extract(t, '^\d{4}\s*[-/.年]\s*(\d{1,2})', 1)::INT, 1)
    WHEN regexp_full_match(t, '(19|20)\d\d\s*年\s*(0?[1-9]|1[0-2])\s*月\s*\d{1,2}\s*[日号]?') THEN
      try_cast(regexp_replace(t, '^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$', '\1-\2-\3') AS DATE)
    WHEN regexp_full_match(t, '\d{5,8}\.0+') THEN clm_date_of_int(split_part(t, '.', 1))
    WHEN regexp_full_match(t, '(?i)[a-z]{3,9}\.?[ -]?(19|20)\d\d') THEN
      try_strptime(regexp_replace(t, '^([A-Za-z]+)\.?[ -]?', '\1 '), ['%b %Y', '%B %Y'])::DATE
  END;

CREATE OR REPLACE MACRO clm_date(s) AS
  CASE
    WHEN length(s) = 8 AND regexp_full_match(s, '(19|20)\d{6}') THEN try_strptime(s, '%Y%m%d')::DATE
    WHEN length(s) = 10 AND s[5] = '-' AND s[1:2] IN ('19', '20') THEN try_cast(s AS DATE)
    WHEN length(s) = 7 AND s[5] = '-' AND s[1:2] IN ('19', '20') THEN try_cast(s || '-01' AS DATE)
    WHEN ascii(s) BETWEEN 48 AND 57 AND clm_edges_clean(s) AND (strlen(s) = length(s) OR NOT regexp_matches(s, '[\x{FF05}-\x{FF1A}\x{2212}]'))
      THEN clm_date_of(s)
    WHEN clm_is_blank(s) THEN NULL
    ELSE list_transform([clm_ascii_digits(clm_trim(s))], lambda t: clm_date_of(t))[1]
  END;

CREATE OR REPLACE MACRO clm_date_ok(s) AS clm_is_blank(s) OR clm_date(s) IS NOT NULL;

CREATE OR REPLACE MACRO clm_month(s) AS date_trunc('month', clm_date(s))::DATE;

CREATE OR REPLACE MACRO clm_month_ok(s) AS clm_is_blank(s) OR clm_date(s) IS NOT NULL;

-- Flags (churn, status) ------------------------------------------------------------------------
-- true = the customer has left: 1, y, yes, true, t, 是, 离网, 已离网, 流失, 已流失, 销户, 拆机,
-- churn, churned, left, lost, closed.
-- false = still a customer: 0, n, no, false, f, 否, 在网, 未离网, 未流失, 正常, 留存, active,
-- retained, stayed, and the suspensions 停机 and 欠停 (suspended customers have not left yet).
-- 1.0/0.0 are accepted (floats written by pandas). Anything else is unreadable (NULL, not ok).
CREATE OR REPLACE MACRO clm_flag_of(t) AS
  CASE
    WHEN t IN ('1', '1.0', 'y', 'yes', 'true', 't', '是', '离网', '已离网', '流失', '已流失', '销户', '已销户', '拆机', '已拆机',
               'churn', 'churned', 'left', 'lost', 'closed') THEN true
    WHEN t IN ('0', '0.0', 'n', 'no', 'false', 'f', '否', '在网', '未离网', '未流失', '正常', '留存', '停机', '欠停',
               'active', 'retained', 'stayed') THEN false
  END;

CREATE OR REPLACE MACRO clm_flag(s) AS
  CASE WHEN clm_edges_clean(s) THEN clm_flag_of(lower(s))
  ELSE list_transform([lower(clm_trim(s))], lambda t: clm_flag_of(t))[1] END;

CREATE OR REPLACE MACRO clm_flag_ok(s) AS clm_is_blank(s) OR clm_flag(s) IS NOT NULL;
