-- The monthly panel of a dataset, `panel_<id>`: one row per customer and month (a transaction
-- log's rows are summed into their month), with the measures every panel analysis reads. Built once
-- per dataset and column roles (workers/panel/panel.ts) and shared: the lifecycle rule sets run on
-- it, the churn analyses read it (churn/sql/rows.sql). Columns the dataset lacks arrive from the
-- caller as typed NULLs, so each rule can test for them. money = revenue, else a transaction amount.
-- Stored in (customer_id, month) order, once: the lifecycle rules stream their windows over that
-- order instead of sorting on every parameter edit (rule_spells.sql), and the stage table they
-- write inherits it.
CREATE OR REPLACE TABLE ${panel} AS
SELECT
  customer_id,
  month,
  CAST(extract(year FROM month) * 12 + extract(month FROM month) - 1 AS INTEGER) AS month_index,
  CAST(sum(${revenue}) AS DOUBLE) AS revenue,
  CAST(sum(${usage}) AS DOUBLE) AS usage,
  CAST(sum(${voice}) AS DOUBLE) AS voice,
  CAST(sum(${data_mb}) AS DOUBLE) AS data_mb,
  CAST(sum(${sms}) AS DOUBLE) AS sms,
  CAST(max(${vas_count}) AS DOUBLE) AS vas_count,
  CAST(sum(${data_revenue}) AS DOUBLE) AS data_revenue,
  CAST(sum(${arrears}) AS DOUBLE) AS arrears,
  CAST(max(${tenure}) AS DOUBLE) AS tenure,
  coalesce(bool_or(${churn}), false) AS churn,
  CAST(any_value(${region}) AS VARCHAR) AS region
FROM ${table}
WHERE customer_id IS NOT NULL AND month IS NOT NULL
GROUP BY customer_id, month
ORDER BY customer_id, month_index
