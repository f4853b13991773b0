-- Acquisition months of a panel with their cohort sizes (customers first seen that month).
SELECT CAST(first_month AS VARCHAR) AS month, count(*) AS customers
FROM (SELECT customer_id, min(month) AS first_month FROM ${table}
      WHERE customer_id IS NOT NULL AND month IS NOT NULL GROUP BY customer_id)
GROUP BY first_month ORDER BY first_month
