-- Seed 000, initiative 1•0: "for mid/high-value users whose offer plan expires, call back in time to
-- learn their needs" (对于优惠计划到期的中高价值用户及时回访了解需求). The customers on the network in the
-- last data month (a row then, not in an exit stage) whose latest offer/contract end date falls
-- between the start of that month and the end of the month $1 months after it, with ARPU (mean
-- revenue of the last 3 months) of at least $2 yuan. The stages joined are the last month's
-- (customer_id, stage, mature, exited), the value tiers (customer_id, value_tier); either may be empty.
WITH last AS (SELECT max(month) AS m FROM ${base}),
offers AS (
  SELECT d.customer_id, arg_max(d.offer_end, d.month) AS offer_end
  FROM ${table} d
  WHERE d.offer_end IS NOT NULL
  GROUP BY d.customer_id
),
recent AS (
  SELECT b.customer_id, avg(coalesce(b.revenue, 0)) AS arpu,
    max(CASE WHEN b.month = last.m THEN b.tenure END) AS tenure,
    bool_or(b.month = last.m) AS on_network
  FROM ${base} b, last
  WHERE b.month BETWEEN last.m - INTERVAL 2 MONTH AND last.m
  GROUP BY b.customer_id
)
SELECT o.customer_id, strftime(o.offer_end, '%Y-%m-%d') AS offer_end, s.stage, coalesce(s.mature, false) AS mature,
  r.tenure, r.arpu, v.value_tier
FROM offers o
JOIN recent r ON r.customer_id = o.customer_id
LEFT JOIN ${stages} s ON s.customer_id = o.customer_id
LEFT JOIN ${value} v ON v.customer_id = o.customer_id
, last
WHERE r.on_network AND NOT coalesce(s.exited, false)
  AND o.offer_end >= last.m AND o.offer_end < last.m + to_months(CAST($1 AS INTEGER) + 1)
  AND r.arpu >= CAST($2 AS DOUBLE)
ORDER BY o.offer_end, r.arpu DESC, o.customer_id
