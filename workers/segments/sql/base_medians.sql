-- The default quadrant thresholds of seed 003's activity matrix: the median yearly frequency and
-- amount of the customers active in the window (a lapsed customer's 0 and 0 would pull both medians
-- to 0 where most customers are dormant, and every lapsed customer would then count as frequent and
-- large); the number of customers in the segmentation base and how many have no activity figures
-- (a panel's customers without a row in the window).
SELECT median(yearly_frequency) FILTER (WHERE yearly_frequency > 0) AS f,
       median(yearly_amount) FILTER (WHERE yearly_frequency > 0) AS a,
       count(*) AS n,
       count(*) FILTER (WHERE yearly_frequency IS NULL) AS outside
FROM ${base}
