-- Activity matrix of seed 003: frequency × amount split at the given thresholds ($1, $2).
SELECT (frequency >= $1) AS high_frequency, (monetary >= $2) AS high_amount,
       count(*) AS customers, sum(monetary) AS revenue
FROM ${base}
GROUP BY ALL
ORDER BY ALL
