-- Customers in each stage per month: the stacked stage distribution.
SELECT strftime(month, '%Y-%m') AS month, stage, count(*)::INTEGER AS customers
FROM ${target}
GROUP BY ALL
ORDER BY 1, 2
