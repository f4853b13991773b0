-- A saved segment's members `segment_<slug>_<id>`: the segmentation base's customers passing the
-- segment's filter. Every condition is bound, NULL meaning none: $1 customer type, $2 industry,
-- $3 region, $4 cluster, $5 $6 $7 minimum R, F and M scores, $8 $9 ARPU range, $10 high frequency
-- (true: yearly frequency ≥ $12, false: below), $11 high amount (yearly amount ≥ $13); a quadrant
-- leaves out customers without activity figures.
CREATE OR REPLACE TABLE ${members} AS
SELECT customer_id
FROM ${base}
WHERE (CAST($1 AS VARCHAR) IS NULL OR customer_type = CAST($1 AS VARCHAR))
  AND (CAST($2 AS VARCHAR) IS NULL OR industry = CAST($2 AS VARCHAR))
  AND (CAST($3 AS VARCHAR) IS NULL OR region = CAST($3 AS VARCHAR))
  AND (CAST($4 AS INTEGER) IS NULL OR cluster = CAST($4 AS INTEGER))
  AND (CAST($5 AS DOUBLE) IS NULL OR r >= CAST($5 AS DOUBLE))
  AND (CAST($6 AS DOUBLE) IS NULL OR f >= CAST($6 AS DOUBLE))
  AND (CAST($7 AS DOUBLE) IS NULL OR m >= CAST($7 AS DOUBLE))
  AND (CAST($8 AS DOUBLE) IS NULL OR arpu >= CAST($8 AS DOUBLE))
  AND (CAST($9 AS DOUBLE) IS NULL OR arpu <= CAST($9 AS DOUBLE))
  AND (CAST($10 AS BOOLEAN) IS NULL OR (yearly_frequency >= CAST($12 AS DOUBLE)) = CAST($10 AS BOOLEAN))
  AND (CAST($11 AS BOOLEAN) IS NULL OR (yearly_amount >= CAST($13 AS DOUBLE)) = CAST($11 AS BOOLEAN))
