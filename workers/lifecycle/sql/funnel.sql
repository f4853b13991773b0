-- Stage funnel: for every pair of stages (s, t), the customers seen in s who are seen in t in a
-- later month (s = t: customers ever in s). `total` is all customers with a stage.
WITH per_stage AS (
  SELECT customer_id, stage, min(month) AS first_month, max(month) AS last_month
  FROM ${target}
  GROUP BY ALL
)
SELECT a.stage AS from_stage, b.stage AS to_stage,
  count(*) FILTER (WHERE a.stage = b.stage OR b.last_month > a.first_month)::INTEGER AS customers,
  (SELECT count(DISTINCT customer_id) FROM per_stage)::INTEGER AS total
FROM per_stage a JOIN per_stage b USING (customer_id)
GROUP BY ALL
