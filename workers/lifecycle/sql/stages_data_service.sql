-- Data-service lifecycle of seed 002 (Zhongshan Mobile): acquired → interested → habitual →
-- losing interest → cancelled, per customer and month. The same skeleton as the default rule, on
-- data usage (流量 data_mb; revenue when no data column is mapped) instead of revenue:
--   cancelled: the churn flag; the last row before K or more months without rows, or before the data
--     ends; or K months in a row without data use and without value-added services.
--   acquired: the first N months of tenure (tenure column, else months since the spell started;
--     customers present in the first data month have no known start).
--   losing interest: usage of the last W months ≤ (1−down) × the W before, or the value-added
--     services held fell by at least `vas_drop` against the most held in the previous W months
--     (0 turns that test off).
--   interested: usage rising, ratio ≥ 1+up (still discovering the service).
--   habitual: otherwise (stable use).
CREATE OR REPLACE TABLE ${target} AS
WITH p AS (
  SELECT ?::INTEGER AS n_acquisition, ?::INTEGER AS k_inactive, ?::INTEGER AS w_window,
         ?::DOUBLE AS up, ?::DOUBLE AS down, ?::INTEGER AS vas_drop
),
bounds AS (
  SELECT min(month_index) AS first_index, max(month_index) AS last_index, count(data_mb) > 0 AS has_data
  FROM ${base}
),
ordered AS (
  SELECT b.*,
    CASE WHEN bounds.has_data THEN coalesce(b.data_mb, 0) ELSE coalesce(b.revenue, 0) END AS metric,
    CASE WHEN bounds.has_data THEN coalesce(b.data_mb, 0) > 0 OR coalesce(b.vas_count, 0) > 0
         ELSE coalesce(b.revenue, 0) > 0 OR coalesce(b.usage, 0) > 0 END AS active,
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
    max(CASE WHEN s.active THEN s.month_index END) OVER sp AS last_active_index,
    max(s.vas_count) OVER (PARTITION BY s.customer_id, s.spell ORDER BY s.month_index
      ROWS BETWEEN p.w_window PRECEDING AND 1 PRECEDING) AS vas_before
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
SELECT t.customer_id, t.month,
  CASE
    WHEN t.churn THEN 'cancelled'
    WHEN t.next_index IS NULL AND t.month_index < bounds.last_index THEN 'cancelled'
    WHEN t.next_index - t.month_index > p.k_inactive THEN 'cancelled'
    WHEN NOT t.active AND t.month_index - coalesce(t.last_active_index, t.spell_start - 1) >= p.k_inactive THEN 'cancelled'
    WHEN t.tenure IS NOT NULL AND t.tenure <= p.n_acquisition THEN 'acquired'
    WHEN t.tenure IS NULL AND NOT (t.spell = 1 AND t.spell_start = bounds.first_index)
      AND t.month_index - t.spell_start < p.n_acquisition THEN 'acquired'
    WHEN p.vas_drop > 0 AND t.vas_before - coalesce(t.vas_count, 0) >= p.vas_drop THEN 'losing'
    WHEN t.h = 0 THEN 'habitual'
    WHEN t.previous_sum <= 0 THEN CASE WHEN t.recent_sum > 0 THEN 'interested' ELSE 'losing' END
    WHEN t.recent_sum / t.previous_sum >= 1 + p.up THEN 'interested'
    WHEN t.recent_sum / t.previous_sum <= 1 - p.down THEN 'losing'
    ELSE 'habitual'
  END AS stage
FROM trend t, p, bounds
