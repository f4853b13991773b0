-- Customers in each stage per month: the stacked stage distribution.
SELECT strftime(month, '%Y-%m') AS month, stage, customers
FROM (SELECT month, stage, CAST(count(*) AS INTEGER) AS customers FROM ${target} GROUP BY month, stage) d
ORDER BY 1, 2
