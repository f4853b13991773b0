-- RFM summary of a transaction log for the BTYD models (Fader, Hardie & Lee 2005, §4; the same
-- definitions as workers/models/rfm.ts and lifetimes' summary_data_from_transaction_data), and in
-- the same query the repeat transactions per time unit for the cumulative tracking chart (fig. 3):
-- the log is scanned and de-duplicated into purchase days once, for both.
-- Same-day purchases are one transaction (amounts summed); frequency = distinct purchase days up to
-- the calibration end − 1; recency and T in the unit ($3 = days per unit); monetary_value = mean
-- amount of the repeat days; frequency_holdout = purchase days in ($1, $2].
-- One row per customer whose first purchase is on or before the calibration end, ordered by first
-- purchase and ID (first_offset = days from the earliest first purchase); then one row per time
-- unit with repeat transactions (purchase days after a customer's first, up to the observation end),
-- counted from the earliest first purchase: customer columns NULL, `period` and `repeats` set.
-- Params: $1 calibration end (DATE), $2 observation end (DATE, ≥ $1), $3 days per unit (DOUBLE).
WITH days AS (
  SELECT customer_id, date AS day, sum(coalesce(${amount}, 0)) AS amount
  FROM ${table}
  WHERE customer_id IS NOT NULL AND date IS NOT NULL AND date <= CAST($2 AS DATE)
  GROUP BY customer_id, date
), customers AS (
  -- The first purchase is on or before $1, so arg_min(amount, day) is a calibration day's amount.
  SELECT customer_id, min(day) AS first_day,
    count(*) FILTER (WHERE day <= CAST($1 AS DATE)) - 1 AS frequency,
    max(day) FILTER (WHERE day <= CAST($1 AS DATE)) AS last_day,
    sum(amount) FILTER (WHERE day <= CAST($1 AS DATE)) - arg_min(amount, day) AS repeat_amount,
    count(*) FILTER (WHERE day > CAST($1 AS DATE)) AS frequency_holdout
  FROM days
  GROUP BY customer_id
  HAVING min(day) <= CAST($1 AS DATE)
), origin AS (
  SELECT min(first_day) AS start FROM customers
), repeats AS (
  SELECT CAST(floor(date_diff('day', origin.start, d.day) / CAST($3 AS DOUBLE)) AS INTEGER) AS period, count(*) AS repeats
  FROM days d JOIN customers c USING (customer_id), origin
  WHERE d.day > c.first_day
  GROUP BY period
)
SELECT customer_id AS "customerId",
  CAST(frequency AS INTEGER) AS frequency,
  date_diff('day', first_day, last_day) / CAST($3 AS DOUBLE) AS recency,
  date_diff('day', first_day, CAST($1 AS DATE)) / CAST($3 AS DOUBLE) AS "T",
  CASE WHEN frequency > 0 THEN repeat_amount / frequency ELSE 0 END AS "monetaryValue",
  CAST(frequency_holdout AS INTEGER) AS "frequencyHoldout",
  date_diff('day', origin.start, first_day) AS first_offset,
  CAST(NULL AS INTEGER) AS period, CAST(NULL AS BIGINT) AS repeats
FROM customers, origin
UNION ALL
SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, period, repeats FROM repeats
ORDER BY first_offset NULLS LAST, "customerId", period
