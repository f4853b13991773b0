-- The whole-network population of a campaign, `campcand_<id>`: every customer of the segmentation
-- base with what seed 004's list is screened on, at the evaluation month ($1, first of month):
-- on_network (a row that month that is not the churn row: whoever cancels in the month is gone when
-- the campaign runs), special (credit grade X), the 3-month ARPU up to that month, the Customer
-- value scores (the composite as value, the 3-month profit that makes a negative-value customer), the churn risk and the stage in that month (`${churn}`/`${stage}` are NULL fragments
-- when their tab has not run), and usual_out: the first usual filter the customer fails, NULL for
-- the conventional list. `${members}` holds the chosen saved segment (the base itself when none).
-- arm and value_out are filled later (the control draw, campaign_screen.sql).
-- Bound: $1 evaluation month, $2/$3 ARPU range, $4 stage codes joined by chr(31), $5 minimum churn
-- probability; NULL means no filter.
CREATE OR REPLACE TABLE ${candidates} AS
WITH m AS (
  SELECT customer_id, month, sum(${money}) AS money, bool_or(${churnFlag}) AS leaves
  FROM ${table}
  WHERE customer_id IS NOT NULL
    AND month BETWEEN CAST($1 AS DATE) - INTERVAL 2 MONTH AND CAST($1 AS DATE)
  GROUP BY customer_id, month
), w AS (
  SELECT customer_id,
         bool_or(month = CAST($1 AS DATE) AND NOT coalesce(leaves, false)) AS on_network,
         avg(money) AS arpu
  FROM m
  GROUP BY customer_id
), c AS (
  SELECT b.customer_id, coalesce(w.on_network, false) AS on_network,
         coalesce(v.credit = 'X', false) AS special,
         b.customer_id IN (SELECT customer_id FROM ${members}) AS in_segment,
         w.arpu, v.customer_id IS NOT NULL AS assessed, v.composite AS value, v.current_value AS profit, v.value_tier AS tier,
         v.credit, v.loyalty, v.elasticity, v.elasticity_layer,
         ${churn} AS churn_probability, ${stage} AS stage,
         b.customer_type, b.region, b.plan
  FROM ${base} b
  LEFT JOIN w USING (customer_id)
  LEFT JOIN ${values} v USING (customer_id)
  ${joins}
)
SELECT *,
       CASE WHEN NOT on_network THEN 'offNetwork'
            WHEN special THEN 'special'
            WHEN NOT in_segment THEN 'segment'
            WHEN (CAST($2 AS DOUBLE) IS NOT NULL AND coalesce(arpu < CAST($2 AS DOUBLE), true))
              OR (CAST($3 AS DOUBLE) IS NOT NULL AND coalesce(arpu > CAST($3 AS DOUBLE), true)) THEN 'arpu'
            WHEN CAST($4 AS VARCHAR) IS NOT NULL
              AND NOT coalesce(list_contains(string_split(CAST($4 AS VARCHAR), chr(31)), stage), false) THEN 'stage'
            WHEN CAST($5 AS DOUBLE) IS NOT NULL AND coalesce(churn_probability < CAST($5 AS DOUBLE), true) THEN 'churnRisk'
       END AS usual_out,
       CAST(NULL AS VARCHAR) AS arm,
       CAST(NULL AS VARCHAR) AS value_out
FROM c
