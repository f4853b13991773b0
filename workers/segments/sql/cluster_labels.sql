-- Writes each customer's k-means cluster (from the labels table written in TypeScript) into the
-- segmentation base.
UPDATE ${base} SET cluster = l.cluster
FROM ${labels} l
WHERE ${base}.customer_id = l.customer_id
