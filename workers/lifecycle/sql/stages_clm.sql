-- Lifecycle stages A–E per customer and month: the default rule (stages from seed 000, China
-- Telecom CLM; the seed gives no numeric rule, so every threshold is a parameter).
--   E  exit: the churn flag; or the last row before more than K months without rows, or the last
--      row of a customer who never comes back before the data ends; or K months in a row without
--      activity (no revenue and no usage).
--   A  acquisition: the first N months of tenure (the tenure column when mapped, else months since
--      the start of the spell; customers already present in the first data month have no known
--      start and are never A without a tenure column).
--   B/C/D by the revenue trend: the sum of the last W months against the W before; ratio ≥ 1+up →
--      B, ≤ 1−down → D, else C. With fewer than 2W months in the spell both windows shrink to
--      h = floor(months/2); the first month of a spell, without history, is stable (C).
--   Maturity (seed 000, initiative 1•0: "mature-stage users of more than one year"): C needs more
--      than M months of tenure; a stable customer with less (the first month of a spell
--      included) is still B. M = 0 turns it off.
--      Customers present since the first data month without a tenure column count as mature.
-- Parameters: $1 N, $2 K, $3 W, $4 up, $5 down, $6 M. Revenue is compared in exact integers of
-- 1/10000 yuan, the thresholds in basis points (1/10000). Spells and trend windows: rule_spells.sql.
CREATE OR REPLACE TABLE ${target} AS
WITH ${spells}
SELECT t.customer_id, t.month,
  CASE
    ${exit_acquired}
    WHEN t.h > 0 AND t.previous_sum <= 0 THEN CASE WHEN t.recent_sum > 0 THEN 'B' ELSE 'D' END
    WHEN t.h > 0 AND t.recent_sum * 10000 >= (10000 + CAST(round($4 * 10000) AS BIGINT)) * t.previous_sum THEN 'B'
    WHEN t.h > 0 AND t.recent_sum * 10000 <= (10000 - CAST(round($5 * 10000) AS BIGINT)) * t.previous_sum THEN 'D'
    WHEN CAST($6 AS INTEGER) > 0 AND coalesce(t.tenure,
      CASE WHEN t.spell_start <> bounds.first_index THEN t.month_index - t.spell_start + 1 END) <= CAST($6 AS INTEGER) THEN 'B'
    ELSE 'C'
  END AS stage
FROM trend t, bounds
