-- Campaign candidates: base customers passing the filter fragment, the bottom share by value
-- dropped (PERCENT_RANK), ordered by value (ARPU) descending.
WITH c AS (
  SELECT b.customer_id, b.arpu, b.customer_type, b.region, b.plan, ${stage} AS stage
  FROM ${base} b ${stageJoin}
  WHERE ${filter}
), r AS (SELECT *, percent_rank() OVER (ORDER BY arpu) AS pr FROM c)
SELECT customer_id, arpu, customer_type, region, plan, stage FROM r
WHERE pr >= $1
ORDER BY arpu DESC, customer_id
