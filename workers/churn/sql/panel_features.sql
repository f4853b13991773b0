-- Churn early-warning features per customer at scoring month $1 (m index), for customers active
-- then (a row, not dormant, no churn flag), and the target: an exit within the next $2 months
-- (a churn flag, a dormant month, or a missing month in $1+1 … $1+$2); NULL when those months lie
-- beyond the data. Trends compare the last 3 months with the 3 before on a log scale,
-- ln(1 + last) − ln(1 + previous), so a zero base gives a finite value; with no earlier months the
-- trend is 0. `${categories}` adds the chosen category columns' values at the scoring month
-- (`${categoryValues}`: any_value(column) AS column for each, read from the typed table `${table}`).
WITH active AS (
  SELECT customer_id FROM ${rows} WHERE m = $1 AND NOT churned AND NOT dormant
), hist AS (
  SELECT r.customer_id,
    max(r.tenure) FILTER (WHERE r.m = $1) AS tenure_now,
    $1 - min(r.m) + 1 AS months_seen,
    avg(r.revenue) FILTER (WHERE r.m BETWEEN $1 - 2 AND $1) AS arpu_3,
    avg(r.revenue) FILTER (WHERE r.m BETWEEN $1 - 5 AND $1 - 3) AS arpu_prev,
    avg(r.voice) FILTER (WHERE r.m BETWEEN $1 - 2 AND $1) AS voice_3,
    avg(r.voice) FILTER (WHERE r.m BETWEEN $1 - 5 AND $1 - 3) AS voice_prev,
    avg(r.data) FILTER (WHERE r.m BETWEEN $1 - 2 AND $1) AS data_3,
    avg(r.data) FILTER (WHERE r.m BETWEEN $1 - 5 AND $1 - 3) AS data_prev,
    avg(r.sms) FILTER (WHERE r.m BETWEEN $1 - 2 AND $1) AS sms_3,
    avg(r.sms) FILTER (WHERE r.m BETWEEN $1 - 5 AND $1 - 3) AS sms_prev,
    coalesce(sum(r.arrears) FILTER (WHERE r.m BETWEEN $1 - 2 AND $1), 0) AS arrears_3,
    coalesce(sum(r.arrears) FILTER (WHERE r.m BETWEEN $1 - 5 AND $1), 0) AS arrears_6,
    max(r.vas) FILTER (WHERE r.m = $1) AS vas_now,
    max(r.vas) FILTER (WHERE r.m = greatest($1 - 3, 0)) AS vas_before,
    count(*) FILTER (WHERE r.m BETWEEN $1 + 1 AND $1 + $2 AND NOT r.churned AND NOT r.dormant) AS alive_next,
    bool_or(r.churned) FILTER (WHERE r.m BETWEEN $1 + 1 AND $1 + $2) AS churn_next
  FROM ${rows} r JOIN active a USING (customer_id)
  WHERE r.m <= $1 + $2
  GROUP BY r.customer_id
), last AS (SELECT max(m) AS l FROM ${rows})
SELECT h.customer_id,
  coalesce(h.tenure_now, h.months_seen)::DOUBLE AS tenure,
  coalesce(h.arpu_3, 0)::DOUBLE AS arpu_3,
  (ln(1 + greatest(coalesce(h.arpu_3, 0), 0)) - ln(1 + greatest(coalesce(h.arpu_prev, h.arpu_3, 0), 0)))::DOUBLE AS arpu_trend,
  (ln(1 + greatest(coalesce(h.voice_3, 0), 0)) - ln(1 + greatest(coalesce(h.voice_prev, h.voice_3, 0), 0)))::DOUBLE AS voice_trend,
  (ln(1 + greatest(coalesce(h.data_3, 0), 0)) - ln(1 + greatest(coalesce(h.data_prev, h.data_3, 0), 0)))::DOUBLE AS data_trend,
  (ln(1 + greatest(coalesce(h.sms_3, 0), 0)) - ln(1 + greatest(coalesce(h.sms_prev, h.sms_3, 0), 0)))::DOUBLE AS sms_trend,
  h.arrears_3::DOUBLE AS arrears_3,
  h.arrears_6::DOUBLE AS arrears_6,
  coalesce(h.vas_now, 0)::DOUBLE AS vas,
  (coalesce(h.vas_now, 0) - coalesce(h.vas_before, h.vas_now, 0))::DOUBLE AS vas_change,
  CASE WHEN $1 + $2 > (SELECT l FROM last) THEN NULL
       ELSE coalesce(h.churn_next, false) OR h.alive_next < $2 END AS target
  ${categories}
FROM hist h
LEFT JOIN (
  SELECT customer_id ${categoryValues}
  FROM ${table}
  WHERE datediff('month', (SELECT min(month) FROM ${table}), month) = $1
  GROUP BY customer_id
) c ON c.customer_id = h.customer_id
ORDER BY h.customer_id
