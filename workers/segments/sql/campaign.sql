-- Campaign list `campaign_<id>`: base customers passing the filter fragment, joined to the score
-- tables other tabs left (stage, value, churn risk; NULL fragments when absent), then the bottom
-- share by value dropped (PERCENT_RANK, missing values lowest) and the rest ranked by the chosen
-- order. Candidates (all filtered customers) stay in `campcand_<id>` for the counts. The arm is
-- set afterwards (seeded control draw in TS).
CREATE OR REPLACE TABLE ${candidates} AS
WITH c AS (
  SELECT b.customer_id, b.arpu, ${value} AS value, ${tier} AS tier, ${loyalty} AS loyalty,
         ${elasticity} AS elasticity, ${layer} AS elasticity_layer, ${churn} AS churn_probability,
         b.customer_type, b.region, b.plan, ${stage} AS stage
  FROM ${base} b ${joins}
  WHERE ${filter}
)
SELECT *, ${rankValue} AS rank_value, percent_rank() OVER (ORDER BY ${rankValue} ASC NULLS FIRST, customer_id) AS pr
FROM c;

CREATE OR REPLACE TABLE ${out} AS
SELECT row_number() OVER (ORDER BY ${order}) AS rank, * EXCLUDE (pr), 'target' AS arm
FROM ${candidates}
WHERE pr >= ${drop}
ORDER BY rank;
