-- The numeric feature matrix of the segmentation base (k-means, look-alikes): the chosen features
-- as doubles, missing values as 0, in customer order.
SELECT customer_id, ${features}
FROM ${base}
ORDER BY customer_id
