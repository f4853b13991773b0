-- One row per customer: the segmentation base `segbase_<id>`. Frequency is the number of active
-- months (panels: revenue > 0) or of transactions; monetary the total revenue/amount; recency the
-- days from the last activity to the end of the data; ARPU the mean revenue per month seen.
-- Missing roles arrive as NULL fragments from the template.
CREATE OR REPLACE TABLE ${out} AS
WITH t AS (
  SELECT customer_id, ${when} AS ts, month, ${money} AS money,
         ${voice} AS voice, ${data} AS data, ${sms} AS sms, ${vas} AS vas, ${churn} AS churn,
         ${ctype} AS customer_type, ${industry} AS industry, ${region} AS region, ${plan} AS plan
  FROM ${table}
  WHERE customer_id IS NOT NULL
), lastday AS (SELECT max(ts) AS d FROM t)
SELECT customer_id,
       ${frequency} AS frequency,
       coalesce(sum(money), 0) AS monetary,
       date_diff('day', max(ts) FILTER (WHERE money > 0), (SELECT d FROM lastday)) AS recency_days,
       coalesce(sum(money), 0) / count(DISTINCT month) AS arpu,
       sum(voice) / count(DISTINCT month) AS voice,
       sum(data) / count(DISTINCT month) AS data,
       sum(sms) / count(DISTINCT month) AS sms,
       max(vas) AS vas,
       bool_or(churn) AS churned,
       arg_max(customer_type, ts) AS customer_type,
       arg_max(industry, ts) AS industry,
       arg_max(region, ts) AS region,
       arg_max(plan, ts) AS plan
FROM t
GROUP BY customer_id
