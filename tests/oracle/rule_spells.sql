-- Spells, activity, the cumulative metric and the trend windows: shared by the CLM and the
-- data-service rules, which differ only in the metric, what counts as active and the final CASE.
-- A spell starts at a customer's first row, after a churn row, or after K or more months without rows.
-- Not the spell of first_spells.sql (survival, cohorts), on purpose: a lifecycle stage is a label
-- per month, so a silence shorter than K months is a decline (D), not yet an exit; exit is judged
-- with the rule's K, a parameter the user edits; and a customer who comes back starts a new spell
-- (seed 000's stages repeat). Survival needs one event month per customer and no parameter.
bounds AS (SELECT min(month_index) AS first_index, max(month_index) AS last_index${boundsExtra} FROM ${base}),
ordered AS (
  SELECT b.*,
    ${metric} AS metric,
    ${active} AS active,
    lag(b.month_index) OVER c AS prev_index,
    lag(b.churn) OVER c AS prev_churn,
    lead(b.month_index) OVER c AS next_index
  FROM ${base} b, bounds
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
    sum(s.metric) OVER sp AS cum_metric,
    max(CASE WHEN s.active THEN s.month_index END) OVER sp AS last_active_index${measuredExtra}
  FROM spells s, p
  WINDOW sp AS (PARTITION BY s.customer_id, s.spell ORDER BY s.month_index ROWS UNBOUNDED PRECEDING)
),
windowed AS (
  SELECT m.*, least(p.w_window, m.months_in_spell // 2)::INTEGER AS h FROM measured m, p
),
trend AS (
  SELECT w.*,
    w.cum_metric - coalesce(lag(w.cum_metric, w.h) OVER sp, 0) AS recent_sum,
    coalesce(lag(w.cum_metric, w.h) OVER sp, 0) - coalesce(lag(w.cum_metric, 2 * w.h) OVER sp, 0) AS previous_sum
  FROM windowed w
  WINDOW sp AS (PARTITION BY w.customer_id, w.spell ORDER BY w.month_index)
)
