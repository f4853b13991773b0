-- Join-month cohort retention (benchmark query): customers grouped by their first month in the
-- data, and how many of them are active (revenue or usage) k months later.
WITH firsts AS (
  SELECT customer_id, min(month_index) AS cohort FROM ${base} GROUP BY customer_id
),
active_months AS (
  SELECT f.cohort, b.month_index - f.cohort AS k, count(DISTINCT b.customer_id)::INTEGER AS customers
  FROM ${base} b JOIN firsts f USING (customer_id)
  WHERE coalesce(b.revenue, 0) > 0 OR coalesce(b.usage, 0) > 0
  GROUP BY ALL
)
SELECT a.cohort, a.k, a.customers, s.size, a.customers / s.size AS share
FROM active_months a
JOIN (SELECT cohort, count(*) AS size FROM firsts GROUP BY cohort) s USING (cohort)
ORDER BY 1, 2
