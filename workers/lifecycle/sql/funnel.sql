-- Stage funnel: for every pair of stages (s, t), the customers seen in s who are seen in t in a
-- later month (s = t: customers ever in s). `total` is all customers with a stage.
WITH per_stage AS (
  SELECT customer_id, stage, min(month) AS first_month, max(month) AS last_month
  FROM ${target}
  GROUP BY customer_id, stage
)
SELECT a.stage AS from_stage, b.stage AS to_stage,
  CAST(count(*) FILTER (WHERE a.stage = b.stage OR b.last_month > a.first_month) AS INTEGER) AS customers,
  CAST((SELECT count(DISTINCT customer_id) FROM per_stage) AS INTEGER) AS total
FROM per_stage a JOIN per_stage b USING (customer_id)
GROUP BY a.stage, b.stage
