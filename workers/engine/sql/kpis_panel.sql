-- Monthly KPIs of a customer × month panel.
-- active: customers with a row that month; new: first month seen (unknown in the first data month);
-- churned: churn flag set that month if the data has one, else customers whose last row was the
-- month before; revenue: sum of revenue; ARPU = revenue / active.
WITH m AS (
  SELECT month, count(DISTINCT customer_id) AS active, ${revenueSum} AS revenue,
         ${churnCount} AS churn_flagged
  FROM ${ds} GROUP BY month
), firsts AS (
  SELECT customer_id, min(month) AS first_month, max(month) AS last_month FROM ${ds} GROUP BY customer_id
), bounds AS (SELECT min(month) AS lo, max(month) AS hi FROM ${ds})
SELECT strftime(m.month, '%Y-%m') AS month,
       m.active::BIGINT AS active,
       CASE WHEN m.month = (SELECT lo FROM bounds) THEN NULL
            ELSE (SELECT count(*) FROM firsts f WHERE f.first_month = m.month) END::BIGINT AS new,
       ${churnedExpr}::BIGINT AS churned,
       m.revenue::DOUBLE AS revenue,
       CASE WHEN m.active > 0 AND m.revenue IS NOT NULL THEN m.revenue / m.active END::DOUBLE AS arpu
FROM m ORDER BY m.month;
