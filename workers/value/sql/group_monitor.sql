-- Group value monitoring (客户群价值监控体系): the customers, revenue and value of each group in each
-- month up to the evaluation month ($1). Value here is the month's profit (revenue − cost −
-- discounts), the current value's measure a month at a time. `${group}` names the group of a row
-- (a value tier from the scores, the month's lifecycle stage, or the segment column) and `${joins}`
-- brings its table; rows without a group are left out. The customers of a group and month are
-- count(DISTINCT d.customer_id), or count(d.customer_id) where the load proved one row per (customer,
-- month) and each joined table has one row per customer (value tiers) or customer-month (stages): a
-- row is then one customer's month, so the counts are equal without the costly distinct.
-- Grouped by the month's date and formatted after (not every row's date formatted).
SELECT strftime(month, '%Y-%m') AS month, grp, customers, revenue, profit
FROM (
  SELECT d.month, CAST(${group} AS VARCHAR) AS grp,
         ${customers} AS customers,
         coalesce(sum(${revenue}), 0) AS revenue,
         coalesce(sum(${profit}), 0) AS profit
  FROM ${table} d ${joins}
  WHERE d.month <= $1::DATE AND ${group} IS NOT NULL
  GROUP BY d.month, CAST(${group} AS VARCHAR)
) g
ORDER BY month, grp;
