-- Seed 004 historical value (历史价值): t = the months from the joining month to 6 months before the
-- rating ("t-入网月至评级前6个月的月份数"), both ends counted, for every customer on the network in
-- the evaluation month ($1). Join month = evaluation month − (tenure − 1) months when tenure is
-- known, else the customer's first month in the file. Besides t, the observed part of the same
-- window: the profit of each month the file has, a month k months before the window's last month
-- weighted Q^⌊k/12⌋ ($2), and the sum of those weights; months without a row (before the file
-- starts, or gaps) are the ones the formula fills in when observed profit is used.
WITH m AS (
  SELECT customer_id, month, sum(${profit}) AS profit, max(${tenure}) AS tenure
  FROM ${table}
  WHERE month <= $1::DATE
  GROUP BY customer_id, month
), c AS (
  SELECT customer_id,
         max(tenure) FILTER (WHERE month = $1::DATE) AS tenure,
         min(month) AS first_month
  FROM m
  GROUP BY customer_id
  HAVING count(*) FILTER (WHERE month = $1::DATE) > 0
), j AS (
  SELECT customer_id,
         CASE WHEN tenure IS NULL OR tenure < 1 THEN first_month
              ELSE ($1::DATE - to_months(CAST(round(tenure) AS INTEGER) - 1))::DATE END AS join_month
  FROM c
)
SELECT j.customer_id,
       greatest(date_diff('month', j.join_month, $1::DATE) + 1 - 6, 0) AS hist_months,
       count(m.month) AS obs_months,
       coalesce(sum(m.profit * pow($2, floor((date_diff('month', m.month, $1::DATE) - 6) / 12))), 0) AS obs_value,
       coalesce(sum(pow($2, floor((date_diff('month', m.month, $1::DATE) - 6) / 12))), 0) AS obs_weight
FROM j
LEFT JOIN m ON m.customer_id = j.customer_id
           AND m.month >= j.join_month
           AND m.month <= $1::DATE - INTERVAL 6 MONTH
GROUP BY j.customer_id, j.join_month
ORDER BY j.customer_id;
