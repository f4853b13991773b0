-- Monthly KPIs of a customer × month panel.
-- active: customers with a row that month; new: first month seen (unknown in the first data month);
-- churned: churn flag set that month if the data has one, else customers whose last row was the
-- month before; revenue: sum of revenue; ARPU = revenue / active.
-- ${firsts} holds each customer's first and last month (quality.ts builds it once for the overview).
-- ${active}/${churnCount} count distinct customers, or rows when no (customer, month) repeats.
WITH m AS (
  SELECT month, ${active} AS active, ${revenueSum} AS revenue,
         ${churnCount} AS churn_flagged
  FROM ${ds} GROUP BY month
), firsts AS (
  SELECT first_month, last_month FROM ${firsts}
), bounds AS (SELECT min(month) AS lo, max(month) AS hi FROM m)
SELECT strftime(m.month, '%Y-%m') AS month,
       m.active::BIGINT AS active,
       CASE WHEN m.month = (SELECT lo FROM bounds) THEN NULL
            ELSE (SELECT count(*) FROM firsts f WHERE f.first_month = m.month) END::BIGINT AS new,
       ${churnedExpr}::BIGINT AS churned,
       m.revenue::DOUBLE AS revenue,
       CASE WHEN m.active > 0 AND m.revenue IS NOT NULL THEN m.revenue / m.active END::DOUBLE AS arpu
FROM m ORDER BY m.month;
