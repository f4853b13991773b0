-- The screened target population of seed 004's campaign list (客户价值筛选), as
-- workers/segments/sql/campaign_screen.sql and campaign_list.sql screen and number it, written in
-- the common ground of DuckDB and PostgreSQL: of the conventional list (usual_out IS NULL),
-- negative-value customers out (a 3-month profit below 0), then of the assessed customers left the
-- bottom share ($1 × their number, rounded half up; lowest value first, ties by customer id), then
-- the value tier ($2) when set; the rest numbered highest value first. No control arm is drawn:
-- this is the list the tab draws its holdout from (with no control share, the tab's target list).
WITH pool AS (
  SELECT customer_id, arpu, value, profit, tier, stage, customer_type, region, plan
  FROM ${candidates}
  WHERE usual_out IS NULL
), ranked AS (
  SELECT customer_id, row_number() OVER (ORDER BY value, customer_id /*COLLATE "C"*/) AS r, count(*) OVER () AS n
  FROM pool
  WHERE value IS NOT NULL AND NOT coalesce(profit < 0, false)
), screened AS (
  SELECT p.*,
         CASE WHEN p.profit < 0 THEN 'negativeValue'
              WHEN k.r <= floor(CAST($1 AS DOUBLE) * k.n + 0.5) THEN 'bottomValue'
              WHEN CAST($2 AS VARCHAR) IS NOT NULL AND p.tier IS DISTINCT FROM CAST($2 AS VARCHAR) THEN 'valueTier'
         END AS value_out
  FROM pool p
  LEFT JOIN ranked k ON k.customer_id = p.customer_id
)
SELECT row_number() OVER (ORDER BY value DESC NULLS LAST, customer_id /*COLLATE "C"*/) AS rank,
       customer_id, arpu, value, tier, stage, customer_type, region, plan
FROM screened
WHERE value_out IS NULL
ORDER BY rank
