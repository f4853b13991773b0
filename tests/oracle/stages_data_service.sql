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
${spells}
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
