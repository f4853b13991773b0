-- The monthly panel of a dataset, `panel_<id>`: one row per customer and month (a transaction
-- log's rows are summed into their month), with the measures every panel analysis reads. Built once
-- per dataset and column roles (workers/panel/panel.ts) and shared: the lifecycle rule sets run on
-- it, the churn analyses read it (churn/sql/rows.sql). Columns the dataset lacks arrive from the
-- caller as typed NULLs, so each rule can test for them. money = revenue, else a transaction amount.
-- The customer's months (`months`) are months_summed.sql, the general form and the only one an
-- exported script uses (a warehouse table's uniqueness is unknown), or months_as_rows.sql where the
-- load proved one row per (customer, month), which skips the GROUP BY.
--
-- Stored in (customer_id, month) order, once, with what no rule parameter changes about a row's
-- place in that order: its row number, the months since the customer's previous row and until the
-- next (NULL at the first and last), the previous row's churn flag, and the running sum of revenue
-- over all rows in exact integers of 1/10000 yuan (a trend window's sum is a difference of two).
-- The lifecycle rules then stream over this order on every parameter edit instead of sorting
-- (rule_spells.sql), and the stage table they write inherits it.
--
-- One sort: the months are ordered once and every window streams over that order (DuckDB keeps an
-- ORDER BY's order through a window without ORDER BY and into the table it creates). Sorting inside
-- the windows and again for the table cost two sorts, the most of this statement after the GROUP BY.
-- PostgreSQL guarantees no such order, so there the windows' order is explicit (/*ORDER BY …*/,
-- workers/db/dialect.ts).
CREATE OR REPLACE TABLE ${panel} AS
WITH months AS (
${months}
)
SELECT m.*,
  row_number() OVER w AS row_index,
  CASE WHEN lag(m.customer_id) OVER w = m.customer_id THEN m.month_index - lag(m.month_index) OVER w END AS gap_before,
  CASE WHEN lead(m.customer_id) OVER w = m.customer_id THEN lead(m.month_index) OVER w - m.month_index END AS gap_after,
  coalesce(lag(m.customer_id) OVER w = m.customer_id AND lag(m.churn) OVER w, false) AS prev_churn,
  CAST(sum(CAST(round(coalesce(m.revenue, 0) * 10000) AS BIGINT)) OVER (w ROWS UNBOUNDED PRECEDING) AS BIGINT) AS cum_revenue
FROM (SELECT * FROM months ORDER BY customer_id, month_index) m
WINDOW w AS (/*ORDER BY m.customer_id, m.month_index*/)
