-- Customers by their leading use (seed 001's usage behaviour): the use (voice, data, SMS) furthest
-- above its own average, so "data" means more data than average relative to their calls and
-- texts; 'none' without any use. A use the data lacks is NULL, so its ratio is 0 and never leads.
-- Per group: customers, revenue, ARPU and churn rate.
WITH means AS (
  SELECT avg(voice) AS voice, avg(data) AS data, avg(sms) AS sms FROM ${base}
), ratios AS (
  SELECT b.*,
         coalesce(b.voice / nullif(a.voice, 0), 0) AS voice_ratio,
         coalesce(b.data / nullif(a.data, 0), 0) AS data_ratio,
         coalesce(b.sms / nullif(a.sms, 0), 0) AS sms_ratio
  FROM ${base} b CROSS JOIN means a
)
SELECT CASE WHEN coalesce(voice, 0) + coalesce(data, 0) + coalesce(sms, 0) <= 0 THEN 'none'
            WHEN voice_ratio >= greatest(voice_ratio, data_ratio, sms_ratio) THEN 'voice'
            WHEN data_ratio >= greatest(voice_ratio, data_ratio, sms_ratio) THEN 'data'
            ELSE 'sms' END AS value,
       count(*) AS customers, sum(monetary) AS revenue, avg(arpu) AS arpu,
       avg(CASE WHEN churned THEN 1.0 WHEN churned IS NULL THEN NULL ELSE 0.0 END) AS churn_rate
FROM ratios
GROUP BY 1
ORDER BY customers DESC
