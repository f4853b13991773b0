-- Up to $1 customers' (yearly amount, yearly frequency) for the quadrant's scatter: a fixed
-- pseudo-random sample (by a hash of the customer id), so the same data draws the same points.
SELECT yearly_amount, yearly_frequency
FROM ${base}
WHERE yearly_frequency IS NOT NULL
ORDER BY hash(customer_id), customer_id
LIMIT CAST($1 AS INTEGER)
