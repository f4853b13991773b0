-- Repeat transactions (purchase days after a customer's first) per time unit, counted from the
-- earliest first purchase, for the customers in the RFM summary (first purchase ≤ calibration end),
-- up to the observation end: the "actual" line of the cumulative tracking chart (Fader, Hardie & Lee
-- 2005, fig. 3). Params: $1 calibration end, $2 observation end, $3 days per unit.
WITH days AS (
  SELECT DISTINCT customer_id, date AS day
  FROM ${table}
  WHERE customer_id IS NOT NULL AND date IS NOT NULL AND date <= CAST($2 AS DATE)
), firsts AS (
  SELECT customer_id, min(day) AS first_day FROM days GROUP BY customer_id
  HAVING min(day) <= CAST($1 AS DATE)
), origin AS (SELECT min(first_day) AS start FROM firsts)
SELECT CAST(floor(date_diff('day', origin.start, d.day) / CAST($3 AS DOUBLE)) AS INTEGER) AS period,
  count(*) AS repeats
FROM days d JOIN firsts f USING (customer_id), origin
WHERE d.day > f.first_day
GROUP BY period
ORDER BY period
