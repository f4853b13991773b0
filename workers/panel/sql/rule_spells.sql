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
-- Fast by construction: the panel is stored once in (customer_id, month) order (customer_months.sql),
-- so every window here is OVER () on that order and DuckDB streams it (no sort, no partition):
-- customer and spell boundaries come from lag/lead of the customer, a spell's start as a running
-- maximum of (row number, month) keys, the trend sums as differences of an exact running sum.
-- PostgreSQL has no guaranteed scan order: a dialect layer writes `w` as (ORDER BY customer_id,
-- month_index) there.
--
-- Exact arithmetic: `metric` is an integer (BIGINT) in units the rule chooses, so the running sum,
-- its differences and the threshold comparisons are exact (a month without revenue sums to exactly 0,
-- and 34.65 / 31.50 = 1.10 is a tie, not a rounding accident).
bounds AS (
  SELECT min(month_index) AS first_index, max(month_index) AS last_index${boundsExtra} FROM ${base}
),
ordered AS (
  SELECT b.customer_id, b.month, b.month_index, b.tenure, b.churn${columns},
    ${metric} AS metric,
    ${active} AS active,
    row_number() OVER w AS rn,
    lag(b.customer_id) OVER w AS prev_customer,
    lag(b.month_index) OVER w AS prev_index,
    lag(b.churn) OVER w AS prev_churn,
    lead(b.customer_id) OVER w AS next_customer,
    lead(b.month_index) OVER w AS next_index
  FROM ${base} b, bounds
  WINDOW w AS ()
),
-- Keys rn · 65536 + month_index grow with the row, so a running maximum finds the latest start (or
-- active row) so far; month_index (year · 12 + month) stays below 65536.
keyed AS (
  SELECT o.*,
    max(CASE WHEN o.prev_customer IS DISTINCT FROM o.customer_id OR o.prev_churn
          OR o.month_index - o.prev_index > CAST($2 AS INTEGER)
        THEN o.rn * 65536 + o.month_index END) OVER w AS start_key,
    max(CASE WHEN o.active THEN o.rn * 65536 + o.month_index END) OVER w AS active_key,
    sum(o.metric) OVER w AS cum_metric
  FROM ordered o
  WINDOW w AS (ROWS UNBOUNDED PRECEDING)
),
spells AS (
  SELECT k.*,
    CAST(k.start_key % 65536 AS INTEGER) AS spell_start,
    CAST(k.rn - (k.start_key - k.start_key % 65536) / 65536 + 1 AS INTEGER) AS months_in_spell,
    CASE WHEN k.active_key >= k.start_key THEN CAST(k.active_key % 65536 AS INTEGER) END AS last_active_index,
    CASE WHEN k.next_customer = k.customer_id THEN k.next_index END AS next_in_customer
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
    w.cum_metric - lag(w.cum_metric, w.h, 0) OVER () AS recent_sum,
    lag(w.cum_metric, w.h, 0) OVER () - lag(w.cum_metric, 2 * w.h, 0) OVER () AS previous_sum${trendExtra}
  FROM windowed w
)
