-- Lifecycle stages A–E per customer and month: the default rule of DOMAIN.md §1 (stages from
-- seed 000, China Telecom CLM; the seed gives no numeric rule, so every threshold is a parameter).
--   E  exit: the churn flag; or the last row before K or more months without rows, or the last row
--      of a customer who never comes back before the data ends; or K months in a row without
--      activity (no revenue and no usage).
--   A  acquisition: the first N months of tenure (the tenure column when mapped, else months since
--      the start of the spell; customers already present in the first data month have no known
--      start and are never A without a tenure column).
--   B/C/D by the revenue trend: mean of the last W months against the W before; ratio ≥ 1+up → B,
--      ≤ 1−down → D, else C. With less than 2W months in the spell both windows shrink to
--      h = floor(months/2); the first month of a spell without history is C.
-- A spell starts at a customer's first row, after a churn row, or after K or more months without rows.
CREATE OR REPLACE TABLE ${target} AS
WITH p AS (
  SELECT ?::INTEGER AS n_acquisition, ?::INTEGER AS k_inactive, ?::INTEGER AS w_window,
         ?::DOUBLE AS up, ?::DOUBLE AS down
),
bounds AS (SELECT min(month_index) AS first_index, max(month_index) AS last_index FROM ${base}),
ordered AS (
  SELECT b.*,
    coalesce(b.revenue, 0) > 0 OR coalesce(b.usage, 0) > 0 AS active,
    lag(b.month_index) OVER c AS prev_index,
    lag(b.churn) OVER c AS prev_churn,
    lead(b.month_index) OVER c AS next_index
  FROM ${base} b
  WINDOW c AS (PARTITION BY b.customer_id ORDER BY b.month_index)
),
spells AS (
  SELECT o.*,
    sum(CASE WHEN o.prev_index IS NULL OR o.prev_churn OR o.month_index - o.prev_index > p.k_inactive THEN 1 ELSE 0 END)
      OVER (PARTITION BY o.customer_id ORDER BY o.month_index ROWS UNBOUNDED PRECEDING) AS spell
  FROM ordered o, p
),
measured AS (
  SELECT s.*,
    min(s.month_index) OVER sp AS spell_start,
    row_number() OVER sp AS months_in_spell,
    sum(coalesce(s.revenue, 0)) OVER sp AS cum_revenue,
    max(CASE WHEN s.active THEN s.month_index END) OVER sp AS last_active_index
  FROM spells s
  WINDOW sp AS (PARTITION BY s.customer_id, s.spell ORDER BY s.month_index ROWS UNBOUNDED PRECEDING)
),
windowed AS (
  SELECT m.*, least(p.w_window, m.months_in_spell // 2)::INTEGER AS h FROM measured m, p
),
trend AS (
  SELECT w.*,
    w.cum_revenue - coalesce(lag(w.cum_revenue, w.h) OVER sp, 0) AS recent_sum,
    coalesce(lag(w.cum_revenue, w.h) OVER sp, 0) - coalesce(lag(w.cum_revenue, 2 * w.h) OVER sp, 0) AS previous_sum
  FROM windowed w
  WINDOW sp AS (PARTITION BY w.customer_id, w.spell ORDER BY w.month_index)
)
SELECT t.customer_id, t.month,
  CASE
    WHEN t.churn THEN 'E'
    WHEN t.next_index IS NULL AND t.month_index < bounds.last_index THEN 'E'
    WHEN t.next_index - t.month_index > p.k_inactive THEN 'E'
    WHEN NOT t.active AND t.month_index - coalesce(t.last_active_index, t.spell_start - 1) >= p.k_inactive THEN 'E'
    WHEN t.tenure IS NOT NULL AND t.tenure <= p.n_acquisition THEN 'A'
    WHEN t.tenure IS NULL AND NOT (t.spell = 1 AND t.spell_start = bounds.first_index)
      AND t.month_index - t.spell_start < p.n_acquisition THEN 'A'
    WHEN t.h = 0 THEN 'C'
    WHEN t.previous_sum <= 0 THEN CASE WHEN t.recent_sum > 0 THEN 'B' ELSE 'D' END
    WHEN t.recent_sum / t.previous_sum >= 1 + p.up THEN 'B'
    WHEN t.recent_sum / t.previous_sum <= 1 - p.down THEN 'D'
    ELSE 'C'
  END AS stage
FROM trend t, p, bounds
