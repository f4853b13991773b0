-- Loaded outcome rows whose customer is on the campaign list, and those that are not.
SELECT count(*) FILTER (WHERE l.customer_id IS NOT NULL) AS matched,
       count(*) FILTER (WHERE l.customer_id IS NULL) AS unmatched
FROM ${outcomes} o
LEFT JOIN ${list} l USING (customer_id)
