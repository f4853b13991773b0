-- RFM summary of a transaction log for the BTYD models (Fader, Hardie & Lee 2005, §4; the same
-- definitions as workers/models/rfm.ts and lifetimes' summary_data_from_transaction_data).
-- Same-day purchases are one transaction (amounts summed); frequency = distinct purchase days up to
-- the calibration end − 1; recency and T in the unit ($3 = days per unit); monetary_value = mean
-- amount of the repeat days; frequency_holdout = purchase days in ($1, $2].
-- Params: $1 calibration end (DATE), $2 observation end (DATE), $3 days per unit (DOUBLE).
WITH days AS (
  SELECT customer_id, date AS day, sum(coalesce(${amount}, 0)) AS amount
  FROM ${table}
  WHERE customer_id IS NOT NULL AND date IS NOT NULL
  GROUP BY customer_id, date
), cal AS (
  SELECT customer_id, count(*) - 1 AS frequency, min(day) AS first_day, max(day) AS last_day,
    sum(amount) - arg_min(amount, day) AS repeat_amount
  FROM days
  WHERE day <= CAST($1 AS DATE)
  GROUP BY customer_id
), hold AS (
  SELECT customer_id, count(*) AS frequency_holdout
  FROM days
  WHERE day > CAST($1 AS DATE) AND day <= CAST($2 AS DATE)
  GROUP BY customer_id
)
SELECT cal.customer_id AS "customerId",
  CAST(frequency AS INTEGER) AS frequency,
  date_diff('day', first_day, last_day) / CAST($3 AS DOUBLE) AS recency,
  date_diff('day', first_day, CAST($1 AS DATE)) / CAST($3 AS DOUBLE) AS "T",
  CASE WHEN frequency > 0 THEN repeat_amount / frequency ELSE 0 END AS "monetaryValue",
  CAST(coalesce(frequency_holdout, 0) AS INTEGER) AS "frequencyHoldout",
  date_diff('day', (SELECT min(first_day) FROM cal), first_day) AS first_offset
FROM cal LEFT JOIN hold USING (customer_id)
ORDER BY first_day, cal.customer_id
