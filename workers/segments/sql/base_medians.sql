-- The default quadrant thresholds of seed 003's activity matrix (median yearly frequency and
-- amount of the customers active in the window), the number of customers in the segmentation base
-- and how many have no activity figures (a panel's customers without a row in the window).
SELECT median(yearly_frequency) AS f, median(yearly_amount) AS a, count(*) AS n,
       count(*) FILTER (WHERE yearly_frequency IS NULL) AS outside
FROM ${base}
