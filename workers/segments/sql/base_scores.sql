-- Adds to the segmentation base its RFM scores, NTILE with $1 bins (5 bins: 5 = most recent, most
-- frequent, highest spend; customers never active get recency score 1), and an empty cluster
-- column that k-means fills (cluster_labels.sql).
CREATE OR REPLACE TABLE ${base} AS
SELECT s.*,
       CASE WHEN recency_days IS NULL THEN 1
            ELSE NTILE(CAST($1 AS INTEGER)) OVER (ORDER BY recency_days DESC, customer_id) END AS r,
       NTILE(CAST($1 AS INTEGER)) OVER (ORDER BY frequency, customer_id) AS f,
       NTILE(CAST($1 AS INTEGER)) OVER (ORDER BY monetary, customer_id) AS m,
       CAST(NULL AS INTEGER) AS cluster
FROM ${base} s
