-- The panel's last month index (months since the first) and first month (ISO date): the scoring,
-- test and training months of the early-warning model count back from them.
SELECT max(m) AS l, strftime(min(month), '%Y-%m-%d') AS first
FROM ${rows}
