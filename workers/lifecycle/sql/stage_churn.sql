-- Churn conditional on the stage (seed 002: customers in the mature, habitual data-service stage
-- churned ~40% within 3 months and ~43% within 6 months of being in it): for every stage, of the
-- customer-months in it that have 3 (6) later months in the data, the share whose customer is in an
-- exit stage ($1: the codes, comma-separated) in one of the next 3 (6) months.
-- Streaming on the stage table's (customer_id, month) order: a row's key is its customer's first
-- row number · 65536 + month index, so the first exit among the next six rows is the least key
-- ahead, and it is the same customer's within h months when it lies in (key, key + h].
WITH indexed AS (
  SELECT s.stage,
    CAST(extract(year FROM s.month) * 12 + extract(month FROM s.month) - 1 AS INTEGER) AS m,
    list_contains(string_split(CAST($1 AS VARCHAR), ','), s.stage) AS is_exit,
    row_number() OVER w AS rn,
    lag(s.customer_id) OVER w IS DISTINCT FROM s.customer_id AS first_row
  FROM ${target} s
  WINDOW w AS ()
),
keyed AS (
  SELECT i.stage, i.m, i.is_exit,
    max(CASE WHEN i.first_row THEN i.rn END) OVER (ROWS UNBOUNDED PRECEDING) * 65536 + i.m AS k
  FROM indexed i
),
exits AS (SELECT k.stage, k.m, k.k, CASE WHEN k.is_exit THEN k.k END AS e FROM keyed k),
ahead AS (
  SELECT x.stage, x.m, x.k,
    coalesce(lead(x.e, 1) OVER w, lead(x.e, 2) OVER w, lead(x.e, 3) OVER w,
             lead(x.e, 4) OVER w, lead(x.e, 5) OVER w, lead(x.e, 6) OVER w) AS next_exit
  FROM exits x
  WINDOW w AS ()
),
last AS (
  SELECT CAST(extract(year FROM max(month)) * 12 + extract(month FROM max(month)) - 1 AS INTEGER) AS m FROM ${target}
)
SELECT a.stage,
  CAST(count(*) FILTER (WHERE a.m + 3 <= last.m) AS INTEGER) AS followed3,
  CAST(count(*) FILTER (WHERE a.m + 3 <= last.m AND a.next_exit <= a.k + 3) AS INTEGER) AS churned3,
  CAST(count(*) FILTER (WHERE a.m + 6 <= last.m) AS INTEGER) AS followed6,
  CAST(count(*) FILTER (WHERE a.m + 6 <= last.m AND a.next_exit <= a.k + 6) AS INTEGER) AS churned6
FROM ahead a, last
GROUP BY a.stage
