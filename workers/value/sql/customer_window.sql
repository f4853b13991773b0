-- Indicators of every customer on the network in the anchor month ($1, first of month): the 12
-- months up to it (lag 0 = anchor month, lag 5 = six months back) and the 3 months after it
-- (lag −1 … −3, the future-value target), plus the elasticity base window: the 3 months ending $2
-- months before the anchor. Missing inputs arrive as NULL columns from the template; the extra
-- columns (influence parts, role flags, credit markers) come as fragments from inputs.ts.
-- Duplicate (customer, month) rows are summed first, so each month counts once.
WITH m AS (
  SELECT customer_id, month,
         date_diff('month', month, $1::DATE) AS lag,
         sum(${revenue}) AS rev, sum(${cost}) AS cost, sum(${discount}) AS disc,
         sum(${voice}) AS voice, sum(${data}) AS data, sum(${sms}) AS sms, max(${vas}) AS vas,
         sum(${arrears}) AS arrears, max(${tenure}) AS tenure, bool_or(${churn}) AS churn,
         max(${brand}) AS brand, max(${previousBrand}) AS prev_brand ${extraMonthly}
  FROM ${table}
  WHERE month BETWEEN ($1::DATE - to_months(greatest(11, $2::INTEGER + 2)))::DATE AND $1::DATE + INTERVAL 3 MONTH
  GROUP BY customer_id, month
), p AS (
  SELECT *, coalesce(cost, 0) + coalesce(disc, 0) AS invest FROM m
)
SELECT customer_id,
       max(tenure) FILTER (WHERE lag = 0) AS tenure,
       -- a 188 number (中国移动 188 号段): 11 digits starting 188, with or without the 86 prefix
       regexp_full_match(CAST(customer_id AS VARCHAR), '(\+?86)?188[0-9]{8}') AS id188,
       -- brand now, the previous-brand column now, and the brand in the oldest of the 6 months before
       max(brand) FILTER (WHERE lag = 0) AS brand_now,
       max(prev_brand) FILTER (WHERE lag = 0) AS brand_previous,
       arg_max(brand, lag) FILTER (WHERE lag BETWEEN 1 AND 6 AND brand IS NOT NULL) AS brand_before,
       sum(rev) FILTER (WHERE lag BETWEEN 0 AND 2) AS rev3,
       sum(cost) FILTER (WHERE lag BETWEEN 0 AND 2) AS cost3,
       sum(disc) FILTER (WHERE lag BETWEEN 0 AND 2) AS disc3,
       avg(rev - invest) FILTER (WHERE lag BETWEEN 0 AND 5) AS profit_mean6,
       count(*) FILTER (WHERE lag BETWEEN 0 AND 5) AS months6,
       avg(rev) FILTER (WHERE lag BETWEEN 0 AND 5) AS rev_mean6,
       stddev_pop(rev) FILTER (WHERE lag BETWEEN 0 AND 5) AS rev_sd6,
       max(rev) FILTER (WHERE lag = 0) AS rev_last,
       avg(voice) FILTER (WHERE lag BETWEEN 0 AND 5) AS voice_mean6,
       avg(data) FILTER (WHERE lag BETWEEN 0 AND 5) AS data_mean6,
       avg(sms) FILTER (WHERE lag BETWEEN 0 AND 5) AS sms_mean6,
       max(vas) FILTER (WHERE lag = 0) AS vas_last,
       sum(arrears) FILTER (WHERE lag BETWEEN 0 AND 2) AS arrears3,
       sum(arrears) FILTER (WHERE lag BETWEEN 0 AND 5) AS arrears6,
       sum(arrears) FILTER (WHERE lag BETWEEN 0 AND 11) AS arrears12,
       sum(rev) FILTER (WHERE lag BETWEEN $2::INTEGER AND $2::INTEGER + 2) AS q_base,
       sum(invest) FILTER (WHERE lag BETWEEN $2::INTEGER AND $2::INTEGER + 2) AS p_base,
       count(*) FILTER (WHERE lag BETWEEN $2::INTEGER AND $2::INTEGER + 2) AS base_months,
       sum(invest) FILTER (WHERE lag BETWEEN 0 AND 2) AS p_cur,
       sum(rev) FILTER (WHERE lag BETWEEN -3 AND -1) AS target,
       count(*) FILTER (WHERE lag BETWEEN -3 AND -1) AS target_months,
       coalesce(bool_or(churn) FILTER (WHERE lag = 0), false) AS churn_now,
       coalesce(bool_or(churn) FILTER (WHERE lag BETWEEN -3 AND -1), false) AS churn_next3
       ${extraSelect}
FROM p
GROUP BY customer_id
HAVING count(*) FILTER (WHERE lag = 0) > 0
ORDER BY customer_id;
