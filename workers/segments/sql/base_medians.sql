-- The default quadrant thresholds of seed 003's activity matrix (median frequency and amount) and
-- the number of customers in the segmentation base.
SELECT median(frequency) AS f, median(monetary) AS a, count(*) AS n
FROM ${base}
