-- Monthly base for every lifecycle rule set: one row per customer and month (a transaction log's
-- rows are summed into its month), with the measures the rules read. Columns the dataset lacks are
-- filled in by the caller as NULL, so each rule can test for them (see workers/lifecycle/base.ts).
CREATE OR REPLACE TABLE ${base} AS
SELECT
  customer_id,
  month,
  (year(month) * 12 + month(month) - 1)::INTEGER AS month_index,
  sum(${revenue})::DOUBLE AS revenue,
  sum(${usage})::DOUBLE AS usage,
  sum(${data_mb})::DOUBLE AS data_mb,
  max(${vas_count})::DOUBLE AS vas_count,
  max(${tenure})::DOUBLE AS tenure,
  coalesce(bool_or(${churn}), false) AS churn,
  any_value(${region})::VARCHAR AS region
FROM ${table}
WHERE customer_id IS NOT NULL AND month IS NOT NULL
GROUP BY customer_id, month
