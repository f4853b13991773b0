-- Seed 003's activity (信用卡交易的频次和年刷卡总金额) per customer, added to the segmentation base: over
-- the 12 months up to the data's last month, the yearly number of transactions and the yearly
-- amount, each scaled by 12 ÷ the months the customer was observed in that window (so a recent
-- joiner is not read as a rare, small spender). `${events}` counts transactions (a transaction log)
-- or active months (a monthly panel, which has no event counts); `${observed}` is the months
-- observed: from the customer's first transaction or the window's start (a log), or months with a
-- row (a panel). `${lapsed}` is 0 for a log (a customer without a transaction in the window is a
-- lapsed customer: 0 and 0) and NULL for a panel (no row in the window: not a customer then,
-- left out of the quadrant).
CREATE OR REPLACE TABLE ${base} AS
WITH t AS (
  SELECT customer_id, month, ${money} AS money FROM ${table} WHERE customer_id IS NOT NULL
), bounds AS (
  SELECT max(month) AS last, CAST(max(month) - INTERVAL 11 MONTH AS DATE) AS start FROM t
), firsts AS (
  SELECT customer_id, min(month) AS first_month FROM t GROUP BY customer_id
), w AS (
  SELECT t.customer_id, ${events} AS events, coalesce(sum(t.money), 0) AS amount, ${observed} AS observed
  FROM t JOIN firsts f USING (customer_id), bounds
  WHERE t.month >= bounds.start
  GROUP BY t.customer_id
)
SELECT b.*,
       coalesce(w.events * 12.0 / w.observed, ${lapsed}) AS yearly_frequency,
       coalesce(w.amount * 12.0 / w.observed, ${lapsed}) AS yearly_amount
FROM ${base} b
LEFT JOIN w USING (customer_id)
