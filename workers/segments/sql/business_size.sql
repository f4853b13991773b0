-- Business customers (customer type matching $1, a regular expression) in size terciles (seed
-- 001): by the mean of a size column (`${sizeColumn}`) when the file has one, else by ARPU
-- (`${sizeColumn}` is then a NULL and `${size}` b.arpu). Per band: bounds, customers, revenue, ARPU
-- and churn rate.
WITH sizes AS (
  SELECT customer_id, avg(${sizeColumn}) AS size FROM ${table} GROUP BY customer_id
), biz AS (
  SELECT b.customer_id, b.monetary, b.arpu, b.churned, ${size} AS size
  FROM ${base} b LEFT JOIN sizes s USING (customer_id)
  WHERE regexp_matches(lower(coalesce(b.customer_type, '')), CAST($1 AS VARCHAR))
), banded AS (
  SELECT *, ntile(3) OVER (ORDER BY size, customer_id) AS band FROM biz WHERE size IS NOT NULL
)
SELECT band, min(size) AS low, max(size) AS high, count(*) AS customers, sum(monetary) AS revenue, avg(arpu) AS arpu,
       avg(CASE WHEN churned THEN 1.0 WHEN churned IS NULL THEN NULL ELSE 0.0 END) AS churn_rate
FROM banded
GROUP BY band
ORDER BY band
