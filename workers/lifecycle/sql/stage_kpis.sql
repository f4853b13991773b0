-- Each stage in one month ($1, a DATE): customers, their revenue that month, and their mean
-- composite value when the Customer value tab has scored them (the value relation joined is
-- (customer_id, composite), empty when it has not). Seed 000 asks, per stage, for its basic features,
-- size, trend and key drivers.
SELECT s.stage,
  CAST(count(*) AS INTEGER) AS customers,
  CAST(coalesce(sum(b.revenue), 0) AS DOUBLE) AS revenue,
  CAST(avg(v.composite) AS DOUBLE) AS value
FROM ${target} s
JOIN ${base} b ON b.customer_id = s.customer_id AND b.month = s.month
LEFT JOIN ${value} v ON v.customer_id = s.customer_id
WHERE s.month = CAST($1 AS DATE)
GROUP BY s.stage
