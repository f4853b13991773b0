-- Monthly KPIs of a transaction log: active = distinct buyers that month; new = first purchase that
-- month; churn is not observed in a transaction log (see the lifetime-value models for P(alive)).
WITH t AS (SELECT customer_id, date_trunc('month', date) AS month, ${amount} AS amount FROM ${ds}),
firsts AS (SELECT customer_id, min(month) AS first_month FROM t GROUP BY customer_id),
m AS (SELECT month, count(DISTINCT customer_id) AS active, sum(amount) AS revenue FROM t GROUP BY month)
SELECT strftime(m.month, '%Y-%m') AS month,
       m.active::BIGINT AS active,
       (SELECT count(*) FROM firsts f WHERE f.first_month = m.month)::BIGINT AS new,
       NULL::BIGINT AS churned,
       m.revenue::DOUBLE AS revenue,
       CASE WHEN m.active > 0 AND m.revenue IS NOT NULL THEN m.revenue / m.active END::DOUBLE AS arpu
FROM m ORDER BY m.month;
