-- Per customer and month, the columns the churn analyses need, from a panel's typed table.
-- m = months since the first data month (0-based). Duplicate (customer, month) rows are merged.
-- A month with billed revenue ≤ 0 is *dormant* (a silent number, DATA_DICTIONARY §4): it counts
-- as not active, and the first dormant month of a spell is its exit.
-- ${…} fragments are quoted identifiers or NULL::DOUBLE for roles the data does not map.
CREATE OR REPLACE TEMP VIEW ${rows} AS
WITH first AS (SELECT min(month) AS m0 FROM ${table})
SELECT
  customer_id,
  datediff('month', (SELECT m0 FROM first), month)::INTEGER AS m,
  month,
  coalesce(bool_or(${churn}), false) AS churned,
  coalesce(sum(${revenue}) <= 0, false) AS dormant,
  sum(${revenue})::DOUBLE AS revenue,
  max(${tenure})::DOUBLE AS tenure,
  sum(${voice})::DOUBLE AS voice,
  sum(${data})::DOUBLE AS data,
  sum(${sms})::DOUBLE AS sms,
  max(${vas})::DOUBLE AS vas,
  sum(${arrears})::DOUBLE AS arrears
FROM ${table}
WHERE customer_id IS NOT NULL AND month IS NOT NULL
GROUP BY customer_id, month
