-- Seed 004's value screening (客户价值筛选: "过滤负价值、低价值客户", "过滤客户价值排名后5%的客户") of the
-- conventional list's customers not drawn as control: negative-value customers out (负价值客户: a
-- 3-month profit, the Customer value tab's current value, below 0; the composite is rank points on
-- its default basis and never negative); then, of the
-- assessed customers left, the bottom share ($1 × their number, rounded; lowest value first, ties by
-- customer id); then the value tier ($2) and loyalty band ($3) when set. Customers Customer value did
-- not assess pass the value steps (they cannot be ranked) and are listed last. value_out names the
-- step that removed a customer; NULL on the target list (and for everyone not screened).
CREATE OR REPLACE TABLE ${candidates} AS
WITH pool AS (
  SELECT customer_id, value, profit FROM ${candidates} WHERE usual_out IS NULL AND arm IS NULL
), ranked AS (
  SELECT customer_id, row_number() OVER (ORDER BY value, customer_id) AS r, count(*) OVER () AS n
  FROM pool
  WHERE value IS NOT NULL AND NOT coalesce(profit < 0, false)
)
SELECT c.* EXCLUDE (value_out),
       CASE WHEN c.customer_id NOT IN (SELECT customer_id FROM pool) THEN NULL
            WHEN c.profit < 0 THEN 'negativeValue'
            WHEN k.r <= round(CAST($1 AS DOUBLE) * k.n) THEN 'bottomValue'
            WHEN CAST($2 AS VARCHAR) IS NOT NULL AND c.tier IS DISTINCT FROM CAST($2 AS VARCHAR) THEN 'valueTier'
            WHEN CAST($3 AS VARCHAR) IS NOT NULL AND c.loyalty IS DISTINCT FROM CAST($3 AS VARCHAR) THEN 'loyalty'
       END AS value_out
FROM ${candidates} c
LEFT JOIN ranked k USING (customer_id)
