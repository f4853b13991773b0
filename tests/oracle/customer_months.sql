-- The oracle of workers/panel/panel.test.ts: workers/panel/sql/customer_months.sql as it was at
-- 2e1eb0b (an aggregate, five sorting windows, then a second sort), kept verbatim below.
--
-- The monthly panel of a dataset, `panel_<id>`: one row per customer and month (a transaction
-- log's rows are summed into their month), with the measures every panel analysis reads. Built once
-- per dataset and column roles (workers/panel/panel.ts) and shared: the lifecycle rule sets run on
-- it, the churn analyses read it (churn/sql/rows.sql). Columns the dataset lacks arrive from the
-- caller as typed NULLs, so each rule can test for them. money = revenue, else a transaction amount.
--
-- Stored in (customer_id, month) order, once, with what no rule parameter changes about a row's
-- place in that order: its row number, the months since the customer's previous row and until the
-- next (NULL at the first and last), the previous row's churn flag, and the running sum of revenue
-- over all rows in exact integers of 1/10000 yuan (a trend window's sum is a difference of two).
-- The lifecycle rules then stream over this order on every parameter edit instead of sorting
-- (rule_spells.sql), and the stage table they write inherits it.
CREATE OR REPLACE TABLE ${panel} AS
WITH months AS (
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
)
SELECT m.*,
  row_number() OVER w AS row_index,
  CASE WHEN lag(m.customer_id) OVER w = m.customer_id THEN m.month_index - lag(m.month_index) OVER w END AS gap_before,
  CASE WHEN lead(m.customer_id) OVER w = m.customer_id THEN lead(m.month_index) OVER w - m.month_index END AS gap_after,
  coalesce(lag(m.customer_id) OVER w = m.customer_id AND lag(m.churn) OVER w, false) AS prev_churn,
  CAST(sum(CAST(round(coalesce(m.revenue, 0) * 10000) AS BIGINT)) OVER (w ROWS UNBOUNDED PRECEDING) AS BIGINT) AS cum_revenue
FROM months m
WINDOW w AS (ORDER BY m.customer_id, m.month_index)
ORDER BY m.customer_id, m.month_index
