-- The months of a stage table as YYYY-MM, in order.
SELECT strftime(month, '%Y-%m') AS month
FROM (SELECT DISTINCT month FROM ${target}) d
ORDER BY 1
