-- Churned customers for win-back: those not active in the last data month (no row, a churn flag,
-- or dormant), with their last active month, last ARPU (mean revenue of their last 3 active
-- months) and tenure then; churn month = the month after their last active one.
WITH last AS (SELECT max(m) AS l FROM ${rows}), act AS (
  SELECT customer_id, m, revenue, tenure, churned,
    row_number() OVER (PARTITION BY customer_id ORDER BY m DESC) AS back
  FROM ${rows} WHERE NOT dormant
), per AS (
  SELECT customer_id,
    max(m) AS last_m,
    bool_or(churned) FILTER (WHERE back = 1) AS flagged,
    avg(revenue) FILTER (WHERE back <= 3) AS last_arpu,
    max(tenure) FILTER (WHERE back = 1) AS tenure,
    count(*) AS active_months
  FROM act GROUP BY customer_id
)
SELECT customer_id, last_arpu::DOUBLE AS last_arpu, coalesce(tenure, active_months)::DOUBLE AS tenure,
  strftime((SELECT min(month) FROM ${rows}) + to_months(CASE WHEN flagged THEN last_m ELSE last_m + 1 END), '%Y-%m-%d') AS churn_month
FROM per
WHERE flagged OR last_m < (SELECT l FROM last)
ORDER BY last_arpu DESC NULLS LAST, customer_id
