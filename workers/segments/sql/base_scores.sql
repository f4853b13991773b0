-- RFM quintile-style scores with NTILE (bins editable): 5 = most recent, most frequent, highest
-- spend. Customers never active get recency score 1. Returns one row per customer.
SELECT customer_id,
       CASE WHEN recency_days IS NULL THEN 1
            ELSE NTILE(${bins}) OVER (ORDER BY recency_days DESC, customer_id) END AS r,
       NTILE(${bins}) OVER (ORDER BY frequency, customer_id) AS f,
       NTILE(${bins}) OVER (ORDER BY monetary, customer_id) AS m
FROM ${base}
