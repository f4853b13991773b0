-- Month-to-month transitions: customers in stage `from_stage` one month and `to_stage` the next
-- calendar month, summed over all consecutive month pairs (a missing next month is no transition).
WITH paired AS (
  SELECT stage, month,
    lead(stage) OVER c AS next_stage,
    lead(month) OVER c AS next_month
  FROM ${target}
  WINDOW c AS (PARTITION BY customer_id ORDER BY month)
)
SELECT stage AS from_stage, next_stage AS to_stage, count(*)::INTEGER AS customers
FROM paired
WHERE next_month = month + INTERVAL 1 MONTH
GROUP BY ALL
