-- Cohort retention: customers grouped by join month (first spell, joined inside the data window),
-- and how many are still active k months after joining: active in month join + k ⇔ duration > k
-- (see workers/panel/sql/first_spells.sql). Cells after the last data month are not observed and are left out.
WITH cohort AS (
  SELECT join_m, duration FROM ${spells} WHERE in_window
), last AS (SELECT max(m) AS l FROM ${rows}), ks AS (
  SELECT k FROM generate_series(0, (SELECT l FROM last)) AS g(k)
)
SELECT c.join_m, strftime((SELECT min(month) FROM ${rows}) + INTERVAL '1 month' * c.join_m, '%Y-%m') AS cohort, k, count(*) FILTER (WHERE duration > k) AS active, count(*) AS size
FROM cohort c, ks
WHERE c.join_m + k <= (SELECT l FROM last)
GROUP BY c.join_m, k
ORDER BY c.join_m, k
