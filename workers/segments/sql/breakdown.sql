-- Customers, revenue and churn by one descriptive column (customer type, industry, region, plan).
SELECT coalesce(${column}, '') AS value, count(*) AS customers, sum(monetary) AS revenue, avg(arpu) AS arpu,
       avg(CASE WHEN churned THEN 1.0 WHEN churned IS NULL THEN NULL ELSE 0.0 END) AS churn_rate
FROM ${base} GROUP BY 1 ORDER BY customers DESC
