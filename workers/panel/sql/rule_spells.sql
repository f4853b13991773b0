-- Spells, activity and the trend windows of a customer's months: shared by the CLM and the
-- data-service rules, which differ only in the metric, what counts as active and the final CASE.
-- Parameters: $2 = K (months without rows that end a spell), $3 = W (trend window), as every rule
-- set using this file lists them second and third.
--
-- A spell starts at a customer's first row, after a churn row, or after more than K months without
-- rows. Not the spell of first_spells.sql (survival, cohorts), on purpose: a lifecycle stage is a
-- label per month, so a silence shorter than K months is a decline (D), not yet an exit; exit is
-- judged with the rule's K, a parameter the user edits; and a customer who comes back starts a new
-- spell (seed 000's stages repeat). Survival needs one event month per customer and no parameter.
--
-- Fast by construction: the panel is stored once in (customer_id, month) order with each row's
-- number, gaps to the customer's neighbouring months and running revenue (customer_months.sql), so
-- every window here is on that order and DuckDB streams it: no sort, no partition. A spell's start
-- is a running maximum of (row, month) keys; the trend sums are differences of an exact running sum
-- at fixed distances from the row. PostgreSQL has no guaranteed scan order: the order each window relies
-- on is written as a comment, /*ORDER BY …*/, which workers/db/dialect.ts makes the window's ORDER BY there.
--
-- Exact arithmetic: the metric is an integer (BIGINT) in units the rule chooses, so the running sum,
-- its differences and the threshold comparisons are exact (a month without revenue sums to exactly 0,
-- and 34.65 / 31.50 = 1.10 is a tie, not a rounding accident).
bounds AS (
  SELECT min(month_index) AS first_index, max(month_index) AS last_index${boundsExtra} FROM ${base}
),
-- Keys row_index · 65536 + month_index grow with the row, so a running maximum finds the latest
-- start (or active row) so far; month_index (year · 12 + month) stays below 65536.
keyed AS (
  SELECT b.customer_id, b.month, b.month_index, b.tenure, b.churn, b.gap_after, b.row_index${columns},
    ${active} AS active,
    max(CASE WHEN b.gap_before IS NULL OR b.prev_churn OR b.gap_before > CAST($2 AS INTEGER)
        THEN b.row_index * 65536 + b.month_index END) OVER w AS start_key,
    max(CASE WHEN ${active} THEN b.row_index * 65536 + b.month_index END) OVER w AS active_key,
    ${cumulative} AS cum_metric
  FROM ${base} b, bounds
  WINDOW w AS (/*ORDER BY b.row_index*/ ROWS UNBOUNDED PRECEDING)
),
spells AS (
  SELECT k.*,
    CAST(k.start_key % 65536 AS INTEGER) AS spell_start,
    CAST(k.row_index - (k.start_key - k.start_key % 65536) / 65536 + 1 AS INTEGER) AS months_in_spell,
    CASE WHEN k.active_key >= k.start_key THEN CAST(k.active_key % 65536 AS INTEGER) END AS last_active_index
  FROM keyed k
),
-- Both windows hold h = min(W, floor(months in spell / 2)) rows, so they never leave the spell.
windowed AS (
  SELECT s.*,
    least(CAST($3 AS INTEGER), CAST((s.months_in_spell - s.months_in_spell % 2) / 2 AS INTEGER)) AS h
  FROM spells s
),
trend AS (
  SELECT w.*,
    w.cum_metric - lag(w.cum_metric, w.h, 0) OVER o AS recent_sum,
    lag(w.cum_metric, w.h, 0) OVER o - lag(w.cum_metric, 2 * w.h, 0) OVER o AS previous_sum${trendExtra}
  FROM windowed w
  WINDOW o AS (/*ORDER BY w.row_index*/)
)
