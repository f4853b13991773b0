-- Survivors of one acquisition cohort of a monthly panel, for the sBG model (Fader & Hardie 2007):
-- the cohort is the customers first seen in $1 (a month); a customer counts as active at the start
-- of month k while they appear in that month or any later one (a gap is not churn). Months after the
-- last month of data are not counted.
WITH firsts AS (
  SELECT customer_id, min(month) AS first_month, max(month) AS last_month
  FROM ${table} WHERE customer_id IS NOT NULL AND month IS NOT NULL GROUP BY customer_id
), cohort AS (SELECT * FROM firsts WHERE first_month = CAST($1 AS DATE)),
  span AS (SELECT date_diff('month', CAST($1 AS DATE), max(month)) AS n FROM ${table})
SELECT CAST(k AS INTEGER) AS period,
  (SELECT count(*) FROM cohort WHERE last_month >= CAST($1 AS DATE) + to_months(CAST(k AS INTEGER))) AS active
FROM (SELECT unnest(range(0, n + 1)) AS k FROM span)
ORDER BY k
