-- Month-to-month transitions: customers in stage `from_stage` one month and `to_stage` the next
-- calendar month, summed over all consecutive month pairs (a missing next month is no transition).
-- The stage table is stored in (customer_id, month) order (rule_spells.sql), so the next row is
-- found by a streaming lead, without sorting (PostgreSQL sorts: workers/db/dialect.ts).
WITH paired AS (
  SELECT s.customer_id, s.stage, s.month,
    lead(s.customer_id) OVER w AS next_customer,
    lead(s.stage) OVER w AS next_stage,
    lead(s.month) OVER w AS next_month
  FROM ${target} s
  WINDOW w AS (/*ORDER BY s.customer_id, s.month*/)
)
SELECT stage AS from_stage, next_stage AS to_stage, CAST(count(*) AS INTEGER) AS customers
FROM paired
WHERE next_customer = customer_id AND (extract(year FROM next_month) - extract(year FROM month)) * 12 + extract(month FROM next_month) - extract(month FROM month) = 1
GROUP BY stage, next_stage
