-- Usage-volume bands (seed 001): NTILE ($1 bands) of a usage measure with the churn rate in each band.
WITH b AS (
  SELECT ${measure} AS v, churned, NTILE(CAST($1 AS INTEGER)) OVER (ORDER BY ${measure}) AS band
  FROM ${base} WHERE ${measure} IS NOT NULL
)
SELECT band, min(v) AS low, max(v) AS high, count(*) AS customers,
       avg(CASE WHEN churned THEN 1.0 WHEN churned IS NULL THEN NULL ELSE 0.0 END) AS churn_rate
FROM b GROUP BY band ORDER BY band
