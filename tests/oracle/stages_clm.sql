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
-- Spells and trend windows: spells.sql.
CREATE OR REPLACE TABLE ${target} AS
WITH p AS (
  SELECT ?::INTEGER AS n_acquisition, ?::INTEGER AS k_inactive, ?::INTEGER AS w_window,
         ?::DOUBLE AS up, ?::DOUBLE AS down
),
${spells}
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
