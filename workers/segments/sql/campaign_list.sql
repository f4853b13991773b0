-- The campaign list `campaign_<id>`: the target arm (through the usual filters and the value
-- screening, not drawn as control) and the control arm, each numbered in the chosen order
-- (`${order}`), from the population `${candidates}`.
CREATE OR REPLACE TABLE ${out} AS
SELECT row_number() OVER (PARTITION BY arm ORDER BY ${order}) AS rank,
       customer_id, arpu, value, tier, credit, loyalty, elasticity, elasticity_layer, churn_probability, stage,
       customer_type, region, plan, arm
FROM (
  SELECT * EXCLUDE (arm), coalesce(arm, 'target') AS arm
  FROM ${candidates}
  WHERE arm = 'control' OR (usual_out IS NULL AND value_out IS NULL)
)
ORDER BY arm DESC, rank
