-- Campaign candidates `campcand_<id>`: base customers passing the filters, joined to the shared
-- results other tabs wrote (latest stage, value scores, churn risk; NULL fragments when absent, see
-- workers/engine/tables.ts), each with its percent rank by value (missing values lowest) for the
-- drop of the bottom share. `${members}` holds the customers of the chosen saved segment (the
-- base itself when none is chosen).
-- Bound: $1/$2 ARPU range, $3 stage codes (joined by chr(31)), $4 value tier, $5 loyalty band,
-- $6 minimum churn probability; NULL means no filter.
CREATE OR REPLACE TABLE ${candidates} AS
WITH c AS (
  SELECT b.customer_id, b.arpu, ${value} AS value, ${tier} AS tier, ${loyalty} AS loyalty,
         ${elasticity} AS elasticity, ${layer} AS elasticity_layer, ${churn} AS churn_probability,
         b.customer_type, b.region, b.plan, ${stage} AS stage
  FROM ${base} b ${joins}
  WHERE b.customer_id IN (SELECT customer_id FROM ${members})
    AND (CAST($1 AS DOUBLE) IS NULL OR b.arpu >= CAST($1 AS DOUBLE))
    AND (CAST($2 AS DOUBLE) IS NULL OR b.arpu <= CAST($2 AS DOUBLE))
    AND (CAST($3 AS VARCHAR) IS NULL OR list_contains(string_split(CAST($3 AS VARCHAR), chr(31)), ${stage}))
    AND (CAST($4 AS VARCHAR) IS NULL OR ${tier} = CAST($4 AS VARCHAR))
    AND (CAST($5 AS VARCHAR) IS NULL OR ${loyalty} = CAST($5 AS VARCHAR))
    AND (CAST($6 AS DOUBLE) IS NULL OR ${churn} >= CAST($6 AS DOUBLE))
)
SELECT *, ${rankValue} AS rank_value,
       percent_rank() OVER (ORDER BY ${rankValue} ASC NULLS FIRST, customer_id) AS pr
FROM c
