-- Activity matrix of seed 003: yearly frequency × yearly amount split at the given thresholds ($1,
-- $2), customers and their yearly amount per quadrant (customers without activity figures left out).
SELECT (yearly_frequency >= $1) AS high_frequency, (yearly_amount >= $2) AS high_amount,
       count(*) AS customers, sum(yearly_amount) AS yearly_amount
FROM ${base}
WHERE yearly_frequency IS NOT NULL
GROUP BY ALL
ORDER BY ALL
